"""Ctrl+C in the terminal and SIGTERM (logout, ``kill``) quit like File > Quit.

Python runs a signal handler only when the interpreter gets control, which inside Qt's event
loop happens only in slots; and its default SIGINT handler raises KeyboardInterrupt in whatever
Python code runs next (an event filter, a paint), where Qt swallows it. So the handlers here only
note the signal, and ``signal.set_wakeup_fd`` writes a byte to a socket whose QSocketNotifier
wakes the event loop at once: the quit then runs as an ordinary slot, through the same orderly
shutdown as the menu (running writes finish, the queue stays intact). A second signal while
quitting ends the process at once.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier

log = logging.getLogger(__name__)

#: Signals that mean "quit": Ctrl+C, and what a session logout or ``kill`` sends.
QUIT_SIGNALS = tuple(
    s for s in (getattr(signal, "SIGINT", None), getattr(signal, "SIGTERM", None)) if s is not None
)
#: Exit status of a process ended by a second signal (128 + SIGINT, as shells report it).
FORCED_EXIT = 130


class QuitOnSignals(QObject):
    """Turns SIGINT/SIGTERM into ``request_quit()`` on the GUI thread.

    Args:
        request_quit: starts the orderly quit (e.g. the main window's close()).
        parent: Qt parent; uninstalled with it.
    """

    def __init__(self, request_quit: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._request_quit = request_quit
        self._received: list[int] = []
        self._quitting = False
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._note) for sig in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        self.destroyed.connect(self.uninstall)

    def _note(self, signum: int, _frame: FrameType | None) -> None:
        # Runs in the interpreter between bytecodes: only note it; the slot below acts.
        self._received.append(signum)

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            while self._reader.recv(64):
                pass
        while self._received:
            self._handle(self._received.pop(0))

    def _handle(self, signum: int) -> None:
        name = signal.Signals(signum).name
        if self._quitting:
            log.warning("%s again while quitting: stopping at once", name)
            logging.shutdown()
            os._exit(FORCED_EXIT)
        self._quitting = True
        log.info("%s received: quitting", name)
        self._request_quit()

    def uninstall(self) -> None:
        """Give the signals back to their previous handlers."""
        if not self._previous:
            return
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        self._previous = {}
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
