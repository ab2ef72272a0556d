"""Giving freed memory back to the system.

glibc keeps the heap a burst of work freed (an upload run reads every workout back, a preview
reads a file's full track again) for later use, so the process stays as large as its peak. After
such a burst the app asks it to return what is free: about 40 MB after 30 files previewed and
uploaded (``benchmarks/gui_stalls.py``). Elsewhere (macOS, Windows, musl) this does nothing.

What the start loaded is also kept out of the garbage collector's way (:func:`freeze_start_up`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys

log = logging.getLogger(__name__)


def release_free_memory() -> bool:
    """Return the free heap to the system where the C library can (glibc's ``malloc_trim``).

    Returns:
        True when it was asked (Linux with glibc), False where there is no such call.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # another C library (musl): nothing to ask
        return False
    trim(0)
    return True


def freeze_start_up() -> int:
    """Keep every object alive now out of later garbage collections (``gc.freeze``).

    Once the start is done, about 100 000 objects (modules, classes, functions, Qt wrappers)
    live as long as the app; a full collection walked them all, 35-60 ms holding the GIL on
    whichever thread it fell, which the GUI thread felt as a stall (``gui_stalls.py --why``
    caught one in an upload). Frozen, a full collection looks at what came later only (about
    1 ms). The young garbage is collected first, so that it is not kept for good; an object
    frozen here is still freed when nothing refers to it any more, only a cycle of them is not.

    Returns:
        How many objects are frozen.
    """
    gc.collect(1)
    gc.freeze()
    frozen = gc.get_freeze_count()
    log.info("%d objects of the start kept out of garbage collections", frozen)
    return frozen
