"""One way to open SQLite for the app: connection setup, transactions, errors, migrations.

Every database the app keeps (the workout cache, the upload queue, later the map tile cache)
opens through :class:`Database`:

- WAL journal, ``synchronous`` chosen per database (FULL where a lost commit loses user work,
  NORMAL where the data can be fetched again), a busy timeout and foreign keys;
- one connection shared by all threads behind a re-entrant lock. Every query the app makes is
  short and indexed, so queueing them costs less than a connection per thread would (each with
  its own page cache and schema), and one connection sees its own writes at once;
- :meth:`Database.tx` is one transaction (``BEGIN`` or ``BEGIN IMMEDIATE``), committed at the end
  and rolled back on any exception; :meth:`Database.read` guards queries. Both turn
  :class:`sqlite3.Error` into :class:`DatabaseError`, a :class:`~st_desktop.errors.StoreError`
  with one sentence that says which database and why ("The local workout cache could not be
  written: the disk is full.");
- ordered migrations keyed by ``PRAGMA user_version``: the version is read first and each newer
  step runs in its own transaction with the version bump, so a step is applied exactly once. A
  file written by a newer st-desktop (a version above the newest step known here) is opened
  read-only, untouched, and every write raises the sentence saying so.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from st_desktop.store.db_errors import (
    DatabaseError,
    Problem,
    classify,
    failure_sentence,
    map_error,
    newer_sentence,
)

log = logging.getLogger(__name__)

#: One migration step: the ``user_version`` it brings the file to, and SQL or a callable.
Migration = tuple[int, str | Callable[[sqlite3.Connection], None]]
Connect = Callable[..., sqlite3.Connection]

_HEADER = b"SQLite format 3\x00"

__all__ = [
    "Connect",
    "Database",
    "DatabaseError",
    "Migration",
    "Problem",
    "classify",
    "failure_sentence",
    "looks_truncated",
    "map_error",
    "newer_sentence",
    "split_script",
]


def split_script(script: str) -> list[str]:
    """The statements of an SQL script (triggers' inner semicolons included).

    ``executescript`` would commit the open transaction first, so migrations run statement by
    statement inside theirs.
    """
    statements: list[str] = []
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        statements.append(buffer.strip().rstrip(";"))
    return statements


def looks_truncated(path: Path) -> bool:
    """True when the file is shorter than its header says (a cheap check for a cut-off copy).

    The in-header size is only trusted when SQLite marked it valid (bytes 24 and 92 agree), and
    not while a write-ahead log exists (pages may still live there).
    """
    try:
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return False
        with open(path, "rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or pages == 0:
        return False
    return size < pages * page_size


class Database:
    """One SQLite file of the app, opened, migrated and guarded.

    Args:
        path: the file; its folder is created.
        label: what it is to the user, for sentences ("workout cache", "upload queue").
        migrations: ``(version, step)`` pairs in ascending version order; a step is an SQL
            script or a callable given the connection, run inside the migration's transaction.
        synchronous: ``"FULL"`` (a commit survives a power cut) or ``"NORMAL"``.
        busy_timeout_ms: how long a statement waits for another process's lock.
        row_factory: e.g. :class:`sqlite3.Row`.
        connect: opens the connection (tests inject failures); ``sqlite3.connect`` by default.

    Raises:
        DatabaseError: the file cannot be opened or migrated; ``problem`` says why. A file
            newer than the migrations known here does not raise: see :attr:`read_only_reason`.
    """

    def __init__(
        self,
        path: Path,
        *,
        label: str,
        migrations: Sequence[Migration],
        synchronous: str = "NORMAL",
        busy_timeout_ms: int = 5000,
        row_factory: Any = None,
        connect: Connect = sqlite3.connect,
    ) -> None:
        versions = [version for version, _ in migrations]
        if versions != sorted(set(versions)) or any(v < 1 for v in versions):
            raise ValueError("migrations must have distinct ascending versions from 1")
        if synchronous.upper() not in {"OFF", "NORMAL", "FULL", "EXTRA"}:
            raise ValueError(f"not a synchronous mode: {synchronous}")
        self.path = Path(path)
        self.label = label
        self.latest_version = versions[-1] if versions else 0
        self.read_only_reason: str | None = None
        self._lock = threading.RLock()
        self._depth = 0
        self._conn: sqlite3.Connection | None = None
        try:
            self._open(migrations, synchronous.upper(), busy_timeout_ms, row_factory, connect)
        except BaseException:
            self._close_quietly()
            raise

    # ------------------------------------------------------------------ opening

    def _open(
        self,
        migrations: Sequence[Migration],
        synchronous: str,
        busy_timeout_ms: int,
        row_factory: Any,
        connect: Connect,
    ) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if looks_truncated(self.path):
                raise DatabaseError(
                    failure_sentence(self.label, "opened", Problem.CORRUPT),
                    problem=Problem.CORRUPT,
                    detail="the file is shorter than its header says",
                )
            conn = connect(str(self.path), check_same_thread=False, isolation_level=None)
            self._conn = conn
            conn.row_factory = row_factory
            conn.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # NOTADB shows here
        except (sqlite3.Error, OSError) as exc:
            raise map_error(self.label, "opened", exc) from exc
        self.version = version
        if version > self.latest_version:
            # Written by a newer st-desktop: its schema may mean things we do not know, so
            # nothing here may change it (not even the journal mode).
            self.read_only_reason = newer_sentence(self.label)
            log.warning(
                "%s: version %d is newer than %d; read-only",
                self.path,
                version,
                self.latest_version,
            )
            conn.execute("PRAGMA query_only=ON")
            return
        try:
            conn.execute("PRAGMA journal_mode=WAL").fetchone()
            conn.execute(f"PRAGMA synchronous={synchronous}")
            conn.execute("PRAGMA foreign_keys=ON")
        except (sqlite3.Error, OSError) as exc:
            raise map_error(self.label, "opened", exc) from exc
        for target, step in migrations:
            if target > self.version:
                self._migrate(conn, target, step)

    def _migrate(
        self,
        conn: sqlite3.Connection,
        target: int,
        step: str | Callable[[sqlite3.Connection], None],
    ) -> None:
        try:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # Another process may have migrated while we waited for the lock.
                current = int(conn.execute("PRAGMA user_version").fetchone()[0])
                if current < target:
                    if callable(step):
                        step(conn)
                    else:
                        for statement in split_script(step):
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version={int(target)}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except (sqlite3.Error, OSError) as exc:
            raise map_error(self.label, "opened", exc) from exc
        self.version = max(self.version, target)
        log.info("%s: schema version %d", self.path.name, self.version)

    # ------------------------------------------------------------------ using

    @property
    def read_only(self) -> bool:
        """True when the file was written by a newer st-desktop (see :attr:`read_only_reason`)."""
        return self.read_only_reason is not None

    def _connection(self, action: str) -> sqlite3.Connection:
        if self._conn is None:
            raise DatabaseError(
                failure_sentence(self.label, action, Problem.CLOSED), problem=Problem.CLOSED
            )
        return self._conn

    @contextmanager
    def tx(self, *, immediate: bool = False) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back on any exception.

        Args:
            immediate: take the write lock at once (``BEGIN IMMEDIATE``): for a read followed
                by a write that depends on it, so no other process writes in between.

        A ``tx`` inside another on the same thread joins it.

        Raises:
            DatabaseError: the write failed (disk full, read-only, damaged ...), or the file is
                read-only because a newer st-desktop wrote it.
        """
        if self.read_only_reason is not None:
            raise DatabaseError(self.read_only_reason, problem=Problem.NEWER)
        with self._lock:
            conn = self._connection("written")
            if self._depth:
                self._depth += 1
                try:
                    yield conn
                finally:
                    self._depth -= 1
                return
            try:
                conn.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")
            except sqlite3.Error as exc:
                raise map_error(self.label, "written", exc) from exc
            self._depth = 1
            try:
                yield conn
                conn.execute("COMMIT")
            except BaseException as exc:
                self._rollback(conn)
                if isinstance(exc, sqlite3.Error | OSError):
                    raise map_error(self.label, "written", exc) from exc
                raise
            finally:
                self._depth = 0

    @staticmethod
    def _rollback(conn: sqlite3.Connection) -> None:
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        except sqlite3.Error:
            log.warning("rollback failed", exc_info=True)

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """The connection for queries, under the lock; errors become :class:`DatabaseError`."""
        with self._lock:
            conn = self._connection("read")
            try:
                yield conn
            except (sqlite3.Error, OSError) as exc:
                raise map_error(self.label, "read", exc) from exc

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        """All rows of one query."""
        with self.read() as conn:
            return conn.execute(sql, params).fetchall()

    def query_one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """The first row of one query, or None."""
        with self.read() as conn:
            return conn.execute(sql, params).fetchone()

    def quick_check(self) -> bool:
        """``PRAGMA quick_check``: True when the file is sound (cost grows with its size)."""
        try:
            with self.read() as conn:
                rows = conn.execute("PRAGMA quick_check").fetchall()
        except DatabaseError as exc:
            if exc.problem is Problem.CORRUPT:
                return False
            raise
        return [tuple(row) for row in rows] == [("ok",)]

    def close(self) -> None:
        """Close the connection (a checkpoint folds the WAL back); later use raises."""
        with self._lock:
            self._close_quietly()

    def _close_quietly(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                conn.close()
            except sqlite3.Error:
                log.warning("closing %s failed", self.path, exc_info=True)
