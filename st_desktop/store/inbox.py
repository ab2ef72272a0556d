"""The upload inbox: private, durable copies of dropped files, named by their hash."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from st_desktop.store.db import DatabaseError, Problem, classify

INCOMING = ".incoming-"  # prefix of an inbox copy being written
DB_NAME = "uploads.sqlite3"  # the queue database, beside the inbox folder
INBOX = "inbox"
_EXT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def extension(display_name: str) -> str:
    """The inbox extension of a file name: its lower-case suffix, or "bin" when odd or none."""
    ext = Path(display_name).suffix.lower().lstrip(".")
    return ext if ext and len(ext) <= 10 and set(ext) <= _EXT_CHARS else "bin"


def fsync_dir(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX)."""
    if os.name != "posix":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_copy(inbox: Path, target: Path, data: bytes) -> bool:
    """Write ``target`` durably (temporary file, fsync, rename); True when this call created it.

    A copy already there with the same size is the same file (it is named by its hash).

    Raises:
        DatabaseError: it could not be written (the sentence says why); no temporary file is
            left behind.
    """
    if target.exists() and target.stat().st_size == len(data):
        return False
    tmp: str | None = None
    try:
        fd, tmp = tempfile.mkstemp(dir=inbox, prefix=INCOMING)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
        tmp = None
        fsync_dir(inbox)
    except OSError as exc:
        problem = classify(exc)
        if problem is Problem.FULL:
            text = "There is no room on the disk to keep a copy of the file."
        elif problem is Problem.READ_ONLY:
            text = f"The upload inbox {inbox} is read-only, so no copy can be kept."
        else:
            text = f"A copy of the file could not be kept: {exc.strerror or exc}."
        raise DatabaseError(text, problem=problem, detail=str(exc)) from exc
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
    return True
