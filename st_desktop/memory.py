"""Giving freed memory back to the system.

glibc keeps the heap a burst of work freed (an upload run reads every workout back, a preview
reads a file's full track again) for later use, so the process stays as large as its peak. After
such a burst the app asks it to return what is free: about 40 MB after 30 files previewed and
uploaded (``benchmarks/gui_stalls.py``). Elsewhere (macOS, Windows, musl) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
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
