"""The workout cache's file: opened, healed, guarded; :class:`WorkoutCache` adds the data.

Its content can always be downloaded again, so the cache heals instead of failing: a damaged file
is set aside (``cache.sqlite3.damaged-<time>``) and the cache starts empty, whether the damage
shows at open, at a query or in :meth:`CacheDatabase.check`; a file that cannot be opened at all
(full or read-only disk) is replaced by a cache in memory for this session.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self

from st_desktop.errors import StoreError
from st_desktop.store.cache_schema import MIGRATIONS
from st_desktop.store.db import Connect, Database, DatabaseError, Problem
from st_desktop.store.heal import set_aside

log = logging.getLogger(__name__)

LABEL = "workout cache"
MEMORY = ":memory:"
REBUILT_NOTICE = (
    "The workout cache was damaged and has been rebuilt; your workouts are being downloaded again."
)


class CacheDatabase:
    """The cache's SQLite file (every account in one), and how it heals.

    Args:
        path: the database file (``paths.data / CACHE_FILE``), created with its folder; or
            ``":memory:"`` for a cache that lives as long as the object.
        connect: opens the SQLite connection (tests inject failures).

    Raises:
        StoreError: (a :class:`~st_desktop.store.db.DatabaseError`) the file cannot be opened:
            damaged, read-only or full disk ... :meth:`open` handles these instead.
    """

    def __init__(self, path: Path | str, *, connect: Connect = sqlite3.connect) -> None:
        self.path = Path(path)
        self._connect = connect
        self._lock = threading.RLock()
        self._accounts: dict[str, int] = {}
        #: One sentence for the user about the state of the cache (None: nothing to say).
        self.notice: str | None = None
        self._db = self._open_db()
        self.notice = self._db.read_only_reason

    def _open_db(self, path: Path | None = None) -> Database:
        return Database(
            path or self.path,
            label=LABEL,
            migrations=MIGRATIONS,
            synchronous="NORMAL",
            connect=self._connect,
        )

    @classmethod
    def open(cls, path: Path, *, connect: Connect = sqlite3.connect) -> tuple[Self, str | None]:
        """Open the cache, healing what can be healed; never raises.

        - damaged (not a database, truncated, corrupt): set aside as
          ``cache.sqlite3.damaged-<time>`` and rebuilt empty;
        - written by a newer st-desktop: opened read-only;
        - cannot be opened (full or read-only disk, locked): a cache in memory for this session.

        Returns:
            The cache and a sentence for the status bar (None when all is well).
        """
        try:
            cache = cls(path, connect=connect)
        except DatabaseError as exc:
            if exc.problem is not Problem.CORRUPT:
                return cls._in_memory(exc), cls._memory_notice(exc)
            log.warning("the workout cache is damaged (%s); rebuilding it", exc.detail)
            try:
                set_aside(Path(path))
                cache = cls(path, connect=connect)
            except (OSError, DatabaseError) as again:
                return cls._in_memory(again), cls._memory_notice(again)
            cache.notice = REBUILT_NOTICE
        return cache, cache.notice

    @classmethod
    def _in_memory(cls, exc: BaseException) -> Self:
        log.warning("the workout cache cannot be opened (%s); keeping it in memory", exc)
        cache = cls(MEMORY)
        cache.notice = cls._memory_notice(exc)
        return cache

    @staticmethod
    def _memory_notice(exc: BaseException) -> str:
        if isinstance(exc, StoreError):
            first = str(exc)
        else:  # the rename of a damaged file failed
            first = f"The local workout cache could not be opened: {exc}."
        return f"{first} Workouts are kept in memory until st-desktop is restarted."

    def close(self) -> None:
        """Close the database; the cache must not be used afterwards."""
        with self._lock:
            self._db.close()

    @property
    def read_only(self) -> bool:
        """True when a newer st-desktop wrote the file (writes raise :class:`StoreError`)."""
        return self._db.read_only

    def check(self) -> bool:
        """Verify the whole file (``PRAGMA quick_check``: about 0.1 s at 100,000 workouts).

        A damaged file is rebuilt empty (as by :meth:`open`) and False returned; run it on a
        worker, e.g. after start.
        """
        with self._lock:
            if self._db.quick_check():
                return True
            self._rebuild()
            return False

    # ------------------------------------------------------------------ healing

    def _rebuild(self) -> None:
        """Set the damaged file aside and start empty (the caller holds the lock)."""
        log.warning("the workout cache %s is damaged; rebuilding it", self.path)
        self._db.close()
        self._accounts.clear()
        self.notice = REBUILT_NOTICE
        try:
            if str(self.path) != MEMORY:
                set_aside(self.path)
            self._db = self._open_db()
        except (OSError, DatabaseError) as exc:  # e.g. the disk is full now
            self._db = self._open_db(Path(MEMORY))
            self.notice = self._memory_notice(exc)

    @contextmanager
    def _healing(self) -> Iterator[None]:
        """Damage found by a query rebuilds the cache; the caller learns it from the error."""
        with self._lock:
            try:
                yield
            except DatabaseError as exc:
                if exc.problem is not Problem.CORRUPT:
                    raise
                self._rebuild()
                raise StoreError(self.notice, detail=exc.detail) from exc

    @contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._healing(), self._db.read() as conn:
            yield conn

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._healing():
            try:
                with self._db.tx() as conn:
                    yield conn
            except BaseException:
                self._accounts.clear()  # an account inserted here was rolled back too
                raise

    def _acct(self, conn: sqlite3.Connection, account: str, create: bool = False) -> int | None:
        acct = self._accounts.get(account)
        if acct is None:
            row = conn.execute("SELECT acct FROM accounts WHERE key = ?", (account,)).fetchone()
            if row is None and create:
                row = conn.execute(
                    "INSERT INTO accounts (key) VALUES (?) RETURNING acct", (account,)
                ).fetchone()
            if row is None:
                return None
            acct = self._accounts[account] = int(row[0])
        return acct
