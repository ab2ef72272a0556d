"""The map tile cache on disk: tiles as BLOBs in SQLite, with their HTTP validators and a size cap.

A tile is keyed by ``(source id, z, x, y, scale)`` (scale 2 for the @2x variant) and kept with
its ``ETag``, ``Last-Modified``, the time it stops being fresh and the time it was last drawn.
The cache holds at most ``cap_bytes`` of tile data: past the cap the least recently used tiles
are deleted in batches down to 90 % of it, and the freed pages go back to the file system
(incremental vacuum), so the file stays near the cap.

Everything in it can be downloaded again, so it heals by starting over: a damaged file is
deleted and recreated (at open or when a query finds the damage), and a file that cannot be
opened at all (read-only or full disk) is replaced by a cache in memory for this session.
:meth:`TileStore.open` never raises.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self

from st_desktop.store.db import Connect, Database, DatabaseError, Migration, Problem

log = logging.getLogger(__name__)

LABEL = "map tile cache"
TILES_FILE = "tiles.sqlite3"
MEMORY = ":memory:"
MB = 1024 * 1024
DEFAULT_CAP_BYTES = 500 * MB
#: The cap of a cache kept in memory because the file could not be opened.
MEMORY_CAP_BYTES = 64 * MB
#: Eviction deletes down to this share of the cap, so it runs once per many new tiles.
LOW_WATER = 0.9
#: Rows deleted per transaction while evicting (short transactions: drawing goes on meanwhile).
EVICT_BATCH = 200

#: (source id, z, x, y, scale)
TileKey = tuple[str, int, int, int, int]

MIGRATIONS: list[Migration] = [
    (
        1,
        """
        CREATE TABLE tiles (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            z INTEGER NOT NULL,
            x INTEGER NOT NULL,
            y INTEGER NOT NULL,
            scale INTEGER NOT NULL,
            data BLOB NOT NULL,
            size INTEGER NOT NULL,
            etag TEXT,
            last_modified TEXT,
            expires REAL NOT NULL,
            used REAL NOT NULL,
            UNIQUE (source, z, x, y, scale)
        );
        -- Eviction walks this from the oldest use; the sum of sizes reads it alone.
        CREATE INDEX tiles_used ON tiles (used, size);
        """,
    ),
]


@dataclass(frozen=True)
class StoredTile:
    """One cached tile.

    Attributes:
        data: the image bytes as the server sent them.
        etag: the ``ETag`` to revalidate with (None if the server sent none).
        last_modified: the ``Last-Modified`` to revalidate with (None if none).
        expires: epoch seconds after which the tile should be revalidated.
    """

    data: bytes
    etag: str | None
    last_modified: str | None
    expires: float

    def fresh(self, now: float) -> bool:
        """True while the tile may be drawn without asking the server."""
        return now < self.expires


def _with_incremental_vacuum(connect: Connect) -> Connect:
    """``connect``, then ask a new, empty file for incremental vacuum.

    It cannot be set inside the migration's transaction, so it is set on the new connection;
    an existing file is not touched (the pragma would write its header).
    """

    def opened(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        conn = connect(*args, **kwargs)
        if conn.execute("PRAGMA page_count").fetchone()[0] == 0:
            conn.execute("PRAGMA auto_vacuum=INCREMENTAL")
        return conn

    return opened


class TileStore:
    """The tile cache (every tile source in one file); safe to use from any thread.

    Args:
        path: the database file (``paths.cache / TILES_FILE``), or ``":memory:"``.
        cap_bytes: most bytes of tile data kept.
        clock: epoch seconds now (last-used times and freshness; tests inject one).
        connect: opens the SQLite connection (tests inject failures).

    Raises:
        DatabaseError: the file cannot be opened; :meth:`open` handles this instead.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        cap_bytes: int = DEFAULT_CAP_BYTES,
        clock: Callable[[], float] = time.time,
        connect: Connect = sqlite3.connect,
    ) -> None:
        self.path = Path(path)
        self.cap_bytes = cap_bytes
        self.clock = clock
        self._connect = _with_incremental_vacuum(connect)
        self._lock = threading.RLock()
        #: One sentence about the state of the cache for the user (None: nothing to say).
        self.notice: str | None = None
        self._db = self._open_db(self.path)
        self._total = self._sum()

    def _open_db(self, path: Path) -> Database:
        return Database(
            path, label=LABEL, migrations=MIGRATIONS, synchronous="NORMAL", connect=self._connect
        )

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        cap_bytes: int = DEFAULT_CAP_BYTES,
        clock: Callable[[], float] = time.time,
        connect: Connect = sqlite3.connect,
    ) -> Self:
        """Open the cache, starting over when it is damaged; never raises.

        A file that cannot be opened (read-only or full disk, written by a newer st-desktop
        that changed the schema) gives a cache in memory; :attr:`notice` says so.
        """
        try:
            store = cls(path, cap_bytes=cap_bytes, clock=clock, connect=connect)
        except DatabaseError as exc:
            if exc.problem is not Problem.CORRUPT:
                return cls._in_memory(exc, clock)
            log.warning("the map tile cache is damaged (%s); starting it over", exc.detail)
            try:
                _delete(Path(path))
                store = cls(path, cap_bytes=cap_bytes, clock=clock, connect=connect)
            except (OSError, DatabaseError) as again:
                return cls._in_memory(again, clock)
        if store._db.read_only:
            store.close()
            return cls._in_memory(DatabaseError(store._db.read_only_reason or ""), clock)
        return store

    @classmethod
    def _in_memory(cls, exc: BaseException, clock: Callable[[], float]) -> Self:
        log.warning("the map tile cache cannot be opened (%s); keeping tiles in memory", exc)
        store = cls(MEMORY, cap_bytes=MEMORY_CAP_BYTES, clock=clock)
        store.notice = (
            f"{exc} Map tiles are kept in memory until st-desktop is restarted."
            if isinstance(exc, DatabaseError)
            else f"The map tile cache could not be opened: {exc}."
        )
        return store

    # ------------------------------------------------------------------ reading

    def get(self, key: TileKey, *, touch: bool = True) -> StoredTile | None:
        """The cached tile, or None; ``touch`` marks it used now (for the LRU order)."""
        return self.get_many([key], touch=touch).get(key)

    def get_many(self, keys: Iterable[TileKey], *, touch: bool = True) -> dict[TileKey, StoredTile]:
        """The cached tiles among ``keys``; ``touch`` marks those found as used now."""
        keys = list(dict.fromkeys(keys))
        found: dict[TileKey, StoredTile] = {}
        if not keys:
            return found
        ids: list[int] = []
        with self._healing(), self._db.read() as conn:
            for key in keys:
                row = conn.execute(
                    "SELECT id, data, etag, last_modified, expires FROM tiles WHERE source = ? "
                    "AND z = ? AND x = ? AND y = ? AND scale = ?",
                    key,
                ).fetchone()
                if row is not None:
                    found[key] = StoredTile(bytes(row[1]), row[2], row[3], float(row[4]))
                    ids.append(int(row[0]))
        if touch and ids:
            self._touch(ids)
        return found

    def _touch(self, ids: list[int]) -> None:
        now = self.clock()
        try:
            with self._healing(), self._db.tx() as conn:
                conn.executemany("UPDATE tiles SET used = ? WHERE id = ?", [(now, i) for i in ids])
        except DatabaseError as exc:
            if exc.problem is Problem.CORRUPT:
                raise
            # A read-only or full disk: the tiles still draw, only their last use is not kept.
            log.debug("map tile cache: last use not kept: %s", exc)

    def cached_keys(self, source: str | None = None) -> list[TileKey]:
        """Every cached key (of one source), for tests and diagnostics."""
        sql = "SELECT source, z, x, y, scale FROM tiles"
        params: tuple[Any, ...] = ()
        if source is not None:
            sql, params = sql + " WHERE source = ?", (source,)
        with self._healing():
            rows = self._db.query(sql + " ORDER BY source, z, x, y, scale", params)
        return [(str(r[0]), int(r[1]), int(r[2]), int(r[3]), int(r[4])) for r in rows]

    @property
    def total_bytes(self) -> int:
        """Bytes of tile data held now."""
        with self._lock:
            return self._total

    def count(self) -> int:
        """How many tiles are cached."""
        with self._healing():
            return int(self._db.query_one("SELECT count(*) FROM tiles")[0])

    # ------------------------------------------------------------------ writing

    def put(
        self,
        key: TileKey,
        data: bytes,
        *,
        expires: float,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Keep a downloaded tile (replacing an older copy), then keep to the cap."""
        now = self.clock()
        with self._lock:
            with self._healing(), self._db.tx(immediate=True) as conn:
                old = conn.execute(
                    "SELECT size FROM tiles WHERE source = ? AND z = ? AND x = ? AND y = ? "
                    "AND scale = ?",
                    key,
                ).fetchone()
                conn.execute(
                    """INSERT INTO tiles (source, z, x, y, scale, data, size, etag, last_modified,
                           expires, used)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                       ON CONFLICT (source, z, x, y, scale) DO UPDATE SET
                           data = excluded.data, size = excluded.size, etag = excluded.etag,
                           last_modified = excluded.last_modified, expires = excluded.expires,
                           used = excluded.used""",
                    (*key, data, len(data), etag, last_modified, expires, now),
                )
                grown = len(data) - (int(old[0]) if old else 0)
            self._total += grown  # once committed
            self._keep_to_cap()

    def revalidated(
        self,
        key: TileKey,
        *,
        expires: float,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> bool:
        """The server confirmed the tile (304): fresh until ``expires``; False if not cached.

        New validators replace the old ones; None keeps them.
        """
        with self._healing(), self._db.tx() as conn:
            cursor = conn.execute(
                """UPDATE tiles SET expires = ?, used = ?, etag = coalesce(?, etag),
                       last_modified = coalesce(?, last_modified)
                   WHERE source = ? AND z = ? AND x = ? AND y = ? AND scale = ?""",
                (expires, self.clock(), etag, last_modified, *key),
            )
            return cursor.rowcount > 0

    def set_cap(self, cap_bytes: int) -> None:
        """Hold at most ``cap_bytes`` from now on (evicting at once if over)."""
        self.cap_bytes = cap_bytes
        self._keep_to_cap()

    def clear(self) -> None:
        """Delete every tile and give the space back to the file system."""
        with self._healing():
            with self._db.tx(immediate=True) as conn:
                conn.execute("DELETE FROM tiles")
            self._total = 0
            self._vacuum()

    def _keep_to_cap(self) -> None:
        with self._lock:
            if self._total > self.cap_bytes:
                self._evict(int(self.cap_bytes * LOW_WATER))

    def _evict(self, target: int) -> None:
        evicted = 0
        with self._healing():
            while self._total > target:
                with self._db.tx(immediate=True) as conn:
                    rows = conn.execute(
                        "SELECT id, size FROM tiles ORDER BY used, id LIMIT ?", (EVICT_BATCH,)
                    ).fetchall()
                    freed = 0
                    for row_id, size in rows:
                        if self._total - freed <= target:
                            break
                        conn.execute("DELETE FROM tiles WHERE id = ?", (row_id,))
                        freed += int(size)
                        evicted += 1
                if not rows:  # the running total was off: nothing is left
                    self._total = 0
                    break
                self._total -= freed
            self._vacuum()
        log.debug("map tile cache: evicted %d tile(s), %d bytes kept", evicted, self._total)

    def _vacuum(self) -> None:
        # executescript, not execute: a bare step of incremental_vacuum frees a single page.
        with self._db.read() as conn:
            conn.executescript("PRAGMA incremental_vacuum")

    def _sum(self) -> int:
        with self._healing():
            return int(self._db.query_one("SELECT coalesce(sum(size), 0) FROM tiles")[0])

    # ------------------------------------------------------------------ healing

    @contextmanager
    def _healing(self) -> Iterator[None]:
        """Damage found by a query starts the cache over; the caller still gets the error."""
        with self._lock:
            try:
                yield
            except DatabaseError as exc:
                if exc.problem is Problem.CORRUPT:
                    self._start_over(exc)
                raise

    def _start_over(self, exc: DatabaseError) -> None:
        log.warning(
            "the map tile cache %s is damaged (%s); starting it over", self.path, exc.detail or exc
        )
        self._db.close()
        self._total = 0
        try:
            if str(self.path) != MEMORY:
                _delete(self.path)
            self._db = self._open_db(self.path)
        except (OSError, DatabaseError) as again:
            self._db = self._open_db(Path(MEMORY))
            self.cap_bytes = min(self.cap_bytes, MEMORY_CAP_BYTES)
            self.notice = f"The map tile cache could not be recreated ({again}); tiles are kept "
            self.notice += "in memory until st-desktop is restarted."

    def close(self) -> None:
        """Close the file; the store must not be used afterwards."""
        with self._lock:
            self._db.close()


def _delete(path: Path) -> None:
    """Remove a damaged cache file and its companions (its content is downloaded again)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        with suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
