"""How the GUI thread shares Python's interpreter lock with the workers.

Parsing and network tasks run Python code on worker threads; the GUI thread needs the lock (the
GIL) for every slot and every Python paint. A thread waiting for the lock asks the holder to let
go after the switch interval (Python's default: 5 ms), and with two workers running, the lock
they let go of often goes to the other worker: the GUI thread waited up to 60-80 ms for a turn
while 100 dropped files were read, with nothing of its own to do.
"""

from __future__ import annotations

import sys

#: Seconds a thread holding the GIL keeps it while another waits (Python's default is 0.005).
SWITCH_INTERVAL_S = 0.001


def favour_the_gui_thread() -> None:
    """Make threads hand the GIL over every millisecond while another waits for it.

    The workers' throughput does not change measurably (a 100-file drop reads in the same time);
    the GUI thread's longest wait for a turn drops (``benchmarks/gui_stalls.py --count 100``).
    """
    sys.setswitchinterval(SWITCH_INTERVAL_S)
