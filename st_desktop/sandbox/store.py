"""SQLite storage of the sandbox account: workouts, gear, health metrics, OAuth grants, metadata.

A workout is kept as two parts: its document (scalars, laps and timer stops, already normalised
by :mod:`st_desktop.sandbox.ingest`) as JSON text, which the list reads without touching the
bulky part, and its streams as zlib-compressed JSON, read only for a detail. A demo workout may
hold a *recipe* instead of its streams: the store asks its resolver to rebuild them the first
time they are read, saves them and forgets the recipe, so writing the demo account is quick and
a client never sees the difference. One connection is shared by the server's threads behind a
lock: the sandbox serves one user, so this is never the bottleneck, and it keeps SQLite's
threading rules out of the request handlers.

Gear and health metrics have their tables here; the queries on them live beside their endpoints
(:mod:`st_desktop.sandbox.gear`, :mod:`st_desktop.sandbox.metrics`), which run them through
:meth:`Store.transaction` and :meth:`Store.reading`.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from st_desktop.domain.timeutil import parse_timestamp

DB_NAME = "sandbox.sqlite3"
#: First workout id; real ids are large numbers, and a client must not assume they are small.
FIRST_ID = 900_001
#: First gear id (a range of its own, so a gear id is never mistaken for a workout's).
FIRST_GEAR_ID = 40_001
#: The largest id SQLite can hold; a larger one in a request names nothing (404, not a crash).
MAX_ID = 2**63 - 1

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS workouts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    start_epoch REAL NOT NULL,
    doc TEXT NOT NULL,
    streams BLOB NOT NULL,
    recipe TEXT
);
CREATE INDEX IF NOT EXISTS workouts_start ON workouts (start_epoch DESC, id DESC);
CREATE TABLE IF NOT EXISTS grants (
    token TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    expires REAL NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gear (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gear_links (
    gear_id INTEGER NOT NULL,
    workout_id INTEGER NOT NULL,
    PRIMARY KEY (gear_id, workout_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS gear_links_workout ON gear_links (workout_id);
CREATE TABLE IF NOT EXISTS metrics (
    metric TEXT NOT NULL,
    epoch INTEGER NOT NULL,
    value REAL NOT NULL,
    PRIMARY KEY (metric, epoch)
) WITHOUT ROWID;
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'workouts', {FIRST_ID - 1}
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'workouts');
INSERT INTO sqlite_sequence (name, seq)
    SELECT 'gear', {FIRST_GEAR_ID - 1}
    WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'gear');
"""

Doc = dict[str, Any]
Streams = dict[str, list[Any]]
#: Rebuilds the streams a recipe stands for (see :meth:`Store.insert_recipes`).
Resolver = Callable[[str], Streams]
_PENDING = b""  # the streams column of a workout whose streams are still a recipe


@dataclass(frozen=True)
class Grant:
    """An OAuth artefact: an authorization code, access token or refresh token.

    Attributes:
        token: the opaque value.
        kind: ``"code"``, ``"access"`` or ``"refresh"``.
        expires: wall-clock expiry (``time.time()`` seconds).
        data: what the grant carries (client id, redirect uri ...).
    """

    token: str
    kind: str
    expires: float
    data: dict[str, Any]


def _pack_streams(streams: Streams) -> bytes:
    return zlib.compress(json.dumps(streams, separators=(",", ":")).encode(), 6)


def _start_epoch(doc: Doc) -> float:
    return parse_timestamp(str(doc["start_time"])).timestamp()


class Store:
    """The sandbox database in ``data_dir``.

    Args:
        data_dir: folder holding ``sandbox.sqlite3`` (created when missing).
        resolver: turns a stored recipe into streams (needed once recipes were stored).

    Attributes:
        is_new: True when this open created the database (the demo seed is written only then).
    """

    def __init__(self, data_dir: Path, resolver: Resolver | None = None) -> None:
        data_dir.mkdir(parents=True, exist_ok=True)
        path = data_dir / DB_NAME
        self.is_new = not path.exists()
        self._resolver = resolver
        self._lock = threading.RLock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        # sqlite_sequence exists only once a table uses AUTOINCREMENT, hence two steps.
        head, _, seed_ids = _SCHEMA.partition("INSERT INTO sqlite_sequence")
        with self._lock:
            self._db.executescript(head)
            self._db.executescript("INSERT INTO sqlite_sequence" + seed_ids)
            columns = {row[1] for row in self._db.execute("PRAGMA table_info(workouts)")}
            if "recipe" not in columns:  # a database written before recipes existed
                self._db.execute("ALTER TABLE workouts ADD COLUMN recipe TEXT")

    def close(self) -> None:
        """Close the connection (the server calls it on stop)."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            self._db.execute("BEGIN")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """The connection inside one transaction (rolled back if the block raises)."""
        return self._tx()

    @contextmanager
    def reading(self) -> Iterator[sqlite3.Connection]:
        """The connection, for reads that must not interleave with another thread's writes."""
        with self._lock:
            yield self._db

    # ------------------------------------------------------------------ meta

    def get_meta(self, key: str) -> str | None:
        """A metadata value, or None."""
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_meta(self, key: str, value: str) -> None:
        """Set a metadata value."""
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    # ------------------------------------------------------------------ workouts

    def insert_workout(self, doc: Doc, streams: Streams) -> int:
        """Store a new workout and return its id."""
        return self.insert_many([(doc, streams)])[0]

    def insert_many(self, workouts: Iterable[tuple[Doc, Streams]]) -> list[int]:
        """Store several workouts in one transaction; returns their ids."""
        rows = [(_start_epoch(doc), json.dumps(doc), _pack_streams(s), None) for doc, s in workouts]
        return self._insert_rows(rows)

    def insert_recipes(self, workouts: Iterable[tuple[Doc, str]]) -> list[int]:
        """Store workouts whose streams are still recipes (the demo seed); returns their ids.

        The resolver given to the store turns a recipe into the streams on the first
        :meth:`get_workout`, which saves them in place of the recipe.
        """
        rows = [(_start_epoch(doc), json.dumps(doc), _PENDING, recipe) for doc, recipe in workouts]
        return self._insert_rows(rows)

    def _insert_rows(self, rows: Sequence[tuple[float, str, bytes, str | None]]) -> list[int]:
        with self._tx() as db:
            db.executemany(
                "INSERT INTO workouts (start_epoch, doc, streams, recipe) VALUES (?, ?, ?, ?)",
                rows,
            )
            # One writer inside one transaction: AUTOINCREMENT hands out consecutive ids.
            last = int(
                db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'workouts'").fetchone()[0]
            )
        return list(range(last - len(rows) + 1, last + 1))

    def replace_workout(self, workout_id: int, doc: Doc, streams: Streams) -> bool:
        """Replace a workout entirely; False when there is no such workout."""
        if not 0 < workout_id <= MAX_ID:
            return False
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE workouts SET start_epoch = ?, doc = ?, streams = ?, recipe = NULL "
                "WHERE id = ?",
                (_start_epoch(doc), json.dumps(doc), _pack_streams(streams), workout_id),
            )
            return cursor.rowcount > 0

    def delete_workout(self, workout_id: int) -> bool:
        """Delete a workout (and its gear links); False when there is no such workout."""
        if not 0 < workout_id <= MAX_ID:
            return False
        with self._tx() as db:
            db.execute("DELETE FROM gear_links WHERE workout_id = ?", (workout_id,))
            return db.execute("DELETE FROM workouts WHERE id = ?", (workout_id,)).rowcount > 0

    def get_workout(self, workout_id: int) -> tuple[Doc, Streams] | None:
        """A workout's document and streams, or None; streams still a recipe are built now."""
        if not 0 < workout_id <= MAX_ID:
            return None
        with self._lock:
            row = self._db.execute(
                "SELECT doc, streams, recipe FROM workouts WHERE id = ?", (workout_id,)
            ).fetchone()
            if row is None:
                return None
            if row[2] is None:
                streams: Streams = json.loads(zlib.decompress(row[1]))
            else:
                # Built under the lock (a few milliseconds), so that a PUT or DELETE arriving
                # meanwhile cannot be overwritten by streams of the workout it replaced.
                streams = self._resolve(row[2])
                with self._tx() as db:
                    db.execute(
                        "UPDATE workouts SET streams = ?, recipe = NULL WHERE id = ?",
                        (_pack_streams(streams), workout_id),
                    )
        return json.loads(row[0]), streams

    def _resolve(self, recipe: str) -> Streams:
        if self._resolver is None:
            raise RuntimeError("this store holds stream recipes but was opened without resolver")
        return self._resolver(recipe)

    def list_workouts(
        self,
        offset: int,
        limit: int,
        earliest: float | None = None,
        latest: float | None = None,
    ) -> tuple[int, list[tuple[int, Doc]]]:
        """One page of workouts, newest first, with the total count matching the bounds.

        Args:
            offset: rows to skip.
            limit: rows to return at most.
            earliest: inclusive lower bound on the start instant (epoch seconds).
            latest: inclusive upper bound on the start instant (epoch seconds).
        """
        where = "WHERE start_epoch >= ? AND start_epoch <= ?"
        bounds = (
            float("-inf") if earliest is None else earliest,
            float("inf") if latest is None else latest,
        )
        with self._lock:
            total = int(
                self._db.execute(f"SELECT COUNT(*) FROM workouts {where}", bounds).fetchone()[0]
            )
            rows = self._db.execute(
                f"SELECT id, doc FROM workouts {where} "
                "ORDER BY start_epoch DESC, id DESC LIMIT ? OFFSET ?",
                (*bounds, limit, offset),
            ).fetchall()
        return total, [(int(r[0]), json.loads(r[1])) for r in rows]

    def count(self) -> int:
        """Number of stored workouts."""
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM workouts").fetchone()[0])

    # ------------------------------------------------------------------ OAuth grants

    def put_grant(self, grant: Grant) -> None:
        """Store (or overwrite) a code or token."""
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO grants (token, kind, expires, data) VALUES (?, ?, ?, ?)",
                (grant.token, grant.kind, grant.expires, json.dumps(grant.data)),
            )

    def get_grant(self, token: str, kind: str) -> Grant | None:
        """The grant with this value and kind, expired or not; None when unknown."""
        with self._lock:
            row = self._db.execute(
                "SELECT expires, data FROM grants WHERE token = ? AND kind = ?", (token, kind)
            ).fetchone()
        return None if row is None else Grant(token, kind, float(row[0]), json.loads(row[1]))

    def take_grant(self, token: str, kind: str) -> Grant | None:
        """Fetch and delete a grant in one step (single-use authorization codes)."""
        with self._tx() as db:
            row = db.execute(
                "SELECT expires, data FROM grants WHERE token = ? AND kind = ?", (token, kind)
            ).fetchone()
            if row is None:
                return None
            db.execute("DELETE FROM grants WHERE token = ?", (token,))
        return Grant(token, kind, float(row[0]), json.loads(row[1]))

    def expire_grants(self, kind: str, now: float) -> int:
        """Make every grant of a kind expire at ``now``; returns how many there were."""
        with self._tx() as db:
            cursor = db.execute(
                "UPDATE grants SET expires = MIN(expires, ?) WHERE kind = ?", (now, kind)
            )
            return cursor.rowcount

    def purge_grants(self, before: float) -> None:
        """Forget codes and access tokens that expired before ``before`` (keeps the table small)."""
        with self._tx() as db:
            db.execute(
                "DELETE FROM grants WHERE kind IN ('code', 'access') AND expires < ?", (before,)
            )
