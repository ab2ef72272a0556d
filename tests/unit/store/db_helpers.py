"""Ways a real SQLite file fails, for the store tests: full disk, read-only, damaged bytes.

A full disk is SQLite's own ``max_page_count`` limit (the file cannot grow: SQLITE_FULL, the
error a full disk gives). Read-only is a connection opened with ``mode=ro``: the tests run as
root in CI, where ``chmod`` does not stop writes, so the folder's permissions cannot be used.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote


def full_disk(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    """An opener whose file cannot grow by a single page (SQLITE_FULL on the first growth)."""
    conn = sqlite3.connect(*args, **kwargs)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count={max(1, pages)}")
    return conn


def read_only(path: Any, **kwargs: Any) -> sqlite3.Connection:
    """An opener for a read-only medium: SQLite may read the file but never write it."""
    return sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True, **kwargs)


class FailingWrites(sqlite3.Connection):
    """A connection whose statements matching ``FAIL_ON`` fail as on a full disk."""

    FAIL_ON = "INSERT INTO items"

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:  # type: ignore[override]
        if self.FAIL_ON in sql:
            raise sqlite3.OperationalError("database or disk is full")
        return super().execute(sql, *args)


def failing_inserts(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    """An opener whose item INSERTs fail with 'database or disk is full'."""
    return sqlite3.connect(*args, factory=FailingWrites, **kwargs)


def random_bytes(path: Path, size: int = 8192) -> bytes:
    """Fill ``path`` with random bytes (not a database); returns them."""
    data = os.urandom(size)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return data


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file (as a clean close does) and drop it."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def truncate(path: Path, keep: float = 0.5) -> bytes:
    """Cut the (checkpointed) file to ``keep`` of its size, as an interrupted copy would."""
    checkpoint(path)
    data = path.read_bytes()[: int(path.stat().st_size * keep)]
    path.write_bytes(data)
    return data


def scribble_page(path: Path, page: int) -> None:
    """Overwrite one page (1-based) of the checkpointed file with garbage."""
    checkpoint(path)
    with sqlite3.connect(path) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * size)
        handle.write(b"\xa5" * size)


def user_version(path: Path) -> int:
    """The file's ``PRAGMA user_version`` (read without changing anything)."""
    conn = sqlite3.connect(f"file:{quote(str(path))}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def set_user_version(path: Path, version: int) -> None:
    """Mark the file as written by another version of st-desktop."""
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version={version}")
    conn.close()
