"""The import log: every file a watcher has seen, and what became of it ("never twice").

``<data>/import_log.sqlite3`` (WAL, one short transaction per write): ``files`` (per source and
path: size, mtime, hash, decision: a rescan skips a known file unread), ``hashes`` (bytes seen
once are never taken again, whatever their name, folder or device) and ``sources`` (last sync).
Migrations are keyed by ``PRAGMA user_version``; a log from a newer version opens read-only.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager
from enum import StrEnum
from pathlib import Path
from typing import Any, NamedTuple

from st_desktop.store.db import Database, DatabaseError, Problem
from st_desktop.store.heal import set_aside

log = logging.getLogger(__name__)

DB_NAME = "import_log.sqlite3"

#: Step i takes the database from version i to i + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE files (source TEXT NOT NULL, path TEXT NOT NULL, size INTEGER NOT NULL,
        mtime_ns INTEGER NOT NULL, sha256 TEXT, decision TEXT NOT NULL, seen_at REAL NOT NULL,
        PRIMARY KEY (source, path));
    CREATE INDEX files_sha ON files (sha256);
    CREATE TABLE hashes (sha256 TEXT PRIMARY KEY, decision TEXT NOT NULL, source TEXT NOT NULL,
        path TEXT NOT NULL, at REAL NOT NULL);
    CREATE TABLE sources (id TEXT PRIMARY KEY, last_sync REAL);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def _open(path: Path) -> Database:
    return Database(
        path,
        label="import log",
        migrations=[(step + 1, sql) for step, sql in enumerate(MIGRATIONS)],
    )


class Decision(StrEnum):
    """What became of a file; stored as text."""

    HISTORY = "history"  #: there before the first sync and not imported (no hash needed)
    TAKEN = "taken"  #: handed to the upload list; outcome pending
    LISTED = "listed"  #: added to the list only, for the user to upload
    UPLOADED = "uploaded"
    DUPLICATE = "duplicate"  #: skipped as a possible duplicate
    DAMAGED = "damaged"  #: could not be read
    FAILED = "failed"  #: refused by SportTracks
    KNOWN = "known"  #: its bytes were seen before (renamed, copied, re-mounted)


class FileRecord(NamedTuple):
    """A file recorded for a source."""

    size: int
    mtime_ns: int
    sha256: str | None
    decision: Decision


class ImportLog:
    """The import log in ``<data_dir>/import_log.sqlite3``; thread-safe. ``clock``: epoch s.

    A damaged log is set aside and started again (the worst that costs is asking about files
    already seen once more); one that cannot be opened at all (a full or read-only disk) is kept
    in memory for the run, with :attr:`notice` saying so.
    """

    def __init__(self, data_dir: Path, clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        path = Path(data_dir) / DB_NAME
        self.notice: str | None = None
        try:
            self._db = _open(path)
        except DatabaseError as exc:
            if exc.problem is not Problem.CORRUPT:
                # A full or read-only disk: remember for this run only, and say so.
                log.warning("the import log cannot be opened (%s); keeping it in memory", exc)
                self.notice = (
                    f"{exc.user_message} Files seen by automatic import are remembered only "
                    "until st-desktop quits."
                )
                self._db = _open(Path(":memory:"))
                return
            log.warning("the import log %s is damaged (%s); starting a new one", path, exc)
            set_aside(path)
            self._db = _open(path)

    @property
    def read_only(self) -> bool:
        """True when a newer st-desktop wrote the log (it is then never changed)."""
        return self._db.read_only

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def _tx(self) -> AbstractContextManager[sqlite3.Connection]:
        return self._db.tx(immediate=True)

    def _write(self, *statements: tuple[str, tuple[object, ...]]) -> None:
        with self._tx() as db:
            for sql, args in statements:
                db.execute(sql, args)

    def _read(self, sql: str, *args: object) -> list[Any]:
        return self._db.query(sql, args)

    def files(self, source: str, path: str | None = None) -> dict[str, FileRecord]:
        """Every file recorded for ``source`` (or only ``path``), by path."""
        rows = self._read(
            "SELECT path, size, mtime_ns, sha256, decision FROM files WHERE "
            "source=? AND ? IN (path, '')",
            source,
            path or "",
        )
        return {p: FileRecord(s, m, h, Decision(d)) for p, s, m, h, d in rows}

    def record_file(
        self, source: str, path: str, size: int, mtime_ns: int, sha256: str | None, decision: str
    ) -> None:
        """Remember what became of the file at ``path`` of ``source`` (replacing older news)."""
        self.record_files(source, [(path, size, mtime_ns, sha256, decision)])

    def record_files(
        self, source: str, rows: Iterable[tuple[str, int, int, str | None, str]]
    ) -> None:
        """:meth:`record_file` for many files of one source, in one transaction."""
        now = self._clock()
        with self._tx() as db:
            values = [(source, p, s, m, h, str(d), now) for p, s, m, h, d in rows]
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values)

    def claim(
        self, sha256: str, source: str, path: str, decision: str, stat: tuple[int, int] | None
    ) -> Decision | None:
        """Record ``decision`` for bytes never seen before, atomically, else return the earlier
        decision (None: new, now claimed). With ``stat`` (size, mtime_ns) the file is recorded
        in the same transaction: with ``decision``, or as known when seen before."""
        with self._tx() as db:
            row = db.execute("SELECT decision FROM hashes WHERE sha256=?", (sha256,)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO hashes VALUES (?, ?, ?, ?, ?)",
                    (sha256, str(decision), source, path, self._clock()),
                )
            if stat is not None:
                kept = str(decision) if row is None else Decision.KNOWN.value
                db.execute(
                    "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (source, path, *stat, sha256, kept, self._clock()),
                )
        return Decision(row[0]) if row is not None else None

    def hashes(self, decision: str) -> list[str]:
        """Every hash whose decision is ``decision``."""
        return [r[0] for r in self._read("SELECT sha256 FROM hashes WHERE decision=?", decision)]

    def settle(self, sha256: str, decision: str | None) -> None:
        """The outcome of taken bytes (uploaded, skipped ...); None forgets bytes that never
        reached the list (the file vanished), so they may be taken again."""
        if decision is None:
            self._write(
                ("DELETE FROM hashes WHERE sha256=?", (sha256,)),
                ("DELETE FROM files WHERE sha256=?", (sha256,)),
            )
        else:
            self._write(
                ("UPDATE hashes SET decision=? WHERE sha256=?", (decision, sha256)),
                (
                    "UPDATE files SET decision=? WHERE sha256=? AND decision='taken'",
                    (decision, sha256),
                ),
            )

    def last_sync(self, source: str) -> float | None:
        """When ``source`` was last synced (epoch seconds), None if never."""
        rows = self._read("SELECT last_sync FROM sources WHERE id=?", source)
        return float(rows[0][0]) if rows and rows[0][0] is not None else None

    def set_last_sync(self, source: str) -> None:
        """Mark ``source`` as synced now."""
        self._write(("INSERT OR REPLACE INTO sources VALUES (?, ?)", (source, self._clock())))
