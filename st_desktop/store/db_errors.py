"""Database failures as sentences: what went wrong, for which database, in words.

:func:`classify` tells an :class:`sqlite3.Error` or :class:`OSError` apart (by SQLite's result
code, else by its text: errors raised without a code read the same), and :func:`map_error` turns it
into a :class:`DatabaseError` whose message names the database and the reason ("The local workout
cache could not be written: the disk is full.").
"""

from __future__ import annotations

import errno
import sqlite3
from enum import StrEnum

from st_desktop.errors import StoreError


class Problem(StrEnum):
    """Why a database could not be used; decides what the store does about it."""

    FULL = "full"  #: SQLITE_FULL, ENOSPC: nothing can be written until space is freed
    READ_ONLY = "read_only"  #: SQLITE_READONLY / PERM, EROFS / EACCES
    CORRUPT = "corrupt"  #: SQLITE_CORRUPT / NOTADB, or a file shorter than its header says
    LOCKED = "locked"  #: SQLITE_BUSY / LOCKED past the busy timeout
    CANNOT_OPEN = "cannot_open"  #: SQLITE_CANTOPEN: missing folder, not a file ...
    NEWER = "newer"  #: written by a newer st-desktop: opened read-only
    CLOSED = "closed"  #: used after close()
    OTHER = "other"


_REASONS = {
    Problem.FULL: "the disk is full",
    Problem.READ_ONLY: "the disk or folder is read-only, or st-desktop may not write there",
    Problem.CORRUPT: "the file is damaged",
    Problem.LOCKED: "another program is using it; try again in a moment",
    Problem.CANNOT_OPEN: "the file cannot be opened (check that its folder exists and is writable)",
    Problem.CLOSED: "it was already closed",
}

_SQLITE_CODES = {
    3: Problem.READ_ONLY,  # SQLITE_PERM
    5: Problem.LOCKED,  # SQLITE_BUSY
    6: Problem.LOCKED,  # SQLITE_LOCKED
    8: Problem.READ_ONLY,  # SQLITE_READONLY
    11: Problem.CORRUPT,  # SQLITE_CORRUPT
    13: Problem.FULL,  # SQLITE_FULL
    14: Problem.CANNOT_OPEN,  # SQLITE_CANTOPEN
    23: Problem.READ_ONLY,  # SQLITE_AUTH
    26: Problem.CORRUPT,  # SQLITE_NOTADB
}

# Errors raised without a code (older Pythons, or injected by tests) are told by their text.
_SQLITE_TEXTS = (
    ("disk is full", Problem.FULL),
    ("readonly", Problem.READ_ONLY),
    ("read-only", Problem.READ_ONLY),
    ("malformed", Problem.CORRUPT),
    ("not a database", Problem.CORRUPT),
    ("locked", Problem.LOCKED),
    ("unable to open", Problem.CANNOT_OPEN),
    ("closed database", Problem.CLOSED),
)

_OS_ERRNOS = {
    errno.ENOSPC: Problem.FULL,
    errno.EDQUOT: Problem.FULL,
    errno.EROFS: Problem.READ_ONLY,
    errno.EACCES: Problem.READ_ONLY,
    errno.EPERM: Problem.READ_ONLY,
}


def classify(exc: BaseException) -> Problem:
    """What kind of failure an :class:`sqlite3.Error` or :class:`OSError` is."""
    if isinstance(exc, DatabaseError):
        return exc.problem
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        if isinstance(code, int) and (code & 0xFF) in _SQLITE_CODES:
            return _SQLITE_CODES[code & 0xFF]
        text = str(exc).lower()
        return next((problem for needle, problem in _SQLITE_TEXTS if needle in text), Problem.OTHER)
    if isinstance(exc, OSError) and exc.errno in _OS_ERRNOS:
        return _OS_ERRNOS[exc.errno]
    return Problem.OTHER


class DatabaseError(StoreError):
    """A database failed; ``problem`` says how (the sentence says it to the user).

    Attributes:
        problem: the :class:`Problem`.
    """

    def __init__(
        self, user_message: str, *, problem: Problem = Problem.OTHER, detail: str | None = None
    ) -> None:
        super().__init__(user_message, detail=detail)
        self.problem = problem


def failure_sentence(label: str, action: str, problem: Problem, detail: str = "") -> str:
    """``"The local workout cache could not be written: the disk is full."``

    Args:
        label: what the database is to the user ("workout cache").
        action: "opened", "read" or "written".
        problem: why.
        detail: the technical message, used only when the problem has no sentence of its own.
    """
    if problem is Problem.NEWER:
        return newer_sentence(label)
    reason = _REASONS.get(problem) or (f"SQLite reported “{detail}”" if detail else "")
    return f"The local {label} could not be {action}" + (f": {reason}." if reason else ".")


def newer_sentence(label: str) -> str:
    """The sentence of a file written by a newer st-desktop."""
    return f"This {label} was written by a newer st-desktop; it is opened read-only."


def map_error(label: str, action: str, exc: BaseException) -> DatabaseError:
    """``exc`` as a :class:`DatabaseError` with the sentence for this database and action."""
    if isinstance(exc, DatabaseError):
        return exc
    problem = classify(exc)
    detail = str(exc)
    return DatabaseError(
        failure_sentence(label, action, problem, detail), problem=problem, detail=detail
    )
