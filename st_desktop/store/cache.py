"""The offline workout cache: summaries and full workouts per account, in SQLite.

The API offers no sorting, filtering or search, so the cache is where the workout table gets its
rows: :meth:`WorkoutCache.page` runs one indexed query per page of the table, with the sort,
text search, type and date filters of a :class:`WorkoutQuery`. Network refreshes write into it
(:meth:`WorkoutCache.upsert_summaries`, :meth:`WorkoutCache.put_detail`), deleted workouts go to a
local trash first so they can be re-created (:meth:`WorkoutCache.trash_put`).

Every table is keyed by an *account key* (any string naming the account, e.g. API base + user id),
so two accounts never see each other's workouts. One connection is shared by all threads behind
a lock (``check_same_thread=False``); WAL mode lets another process read while we write. Each
public method is one short transaction.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from st_desktop.domain.types import parse_type
from st_desktop.domain.workout import STREAM_KEYS, Workout, WorkoutSummary, workout_id
from st_desktop.errors import StoreError

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS summaries (
    account TEXT NOT NULL,
    id TEXT NOT NULL,
    start_utc REAL,
    start_local TEXT,
    name TEXT NOT NULL DEFAULT '',
    type TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    distance REAL,
    duration REAL,
    elevation_gain REAL,
    avg_heartrate REAL,
    search TEXT NOT NULL DEFAULT '',
    raw TEXT NOT NULL,
    PRIMARY KEY (account, id)
);
CREATE INDEX IF NOT EXISTS summaries_start ON summaries (account, start_utc DESC, id DESC);
CREATE TABLE IF NOT EXISTS details (
    account TEXT NOT NULL,
    id TEXT NOT NULL,
    json TEXT NOT NULL,
    fetched_at REAL NOT NULL,
    PRIMARY KEY (account, id)
);
CREATE TABLE IF NOT EXISTS trash (
    trash_id INTEGER PRIMARY KEY AUTOINCREMENT,
    account TEXT NOT NULL,
    old_id TEXT NOT NULL,
    json TEXT NOT NULL,
    deleted_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    account TEXT NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (account, key)
);
"""

#: Sort keys of :class:`WorkoutQuery` -> SQL expression (ties broken by newest first).
SORT_COLUMNS: dict[str, str] = {
    "start": "start_utc",
    "name": "name",
    "type": "type",
    # The service writes 0 for workouts without a distance (strength training): unknown, not short.
    "distance": "NULLIF(distance, 0)",
    "duration": "duration",
    "elevation_gain": "elevation_gain",
    "avg_heartrate": "avg_heartrate",
}
_TEXT_SORTS = frozenset({"name", "type"})

#: Keys of a full workout that are too bulky for the summary row.
_BULKY_KEYS = frozenset({*STREAM_KEYS, "laps", "timer_stops"})


@dataclass(frozen=True)
class WorkoutQuery:
    """What the table shows: filters and sort order.

    Attributes:
        text: words that must all occur in the name, type or notes (case-insensitive).
        category: activity category ("Running") or full type ("Running: Trail"); "" for all.
        date_from, date_to: inclusive bounds on the workout's local start date.
        sort: one of :data:`SORT_COLUMNS`.
        descending: sort order.
    """

    text: str = ""
    category: str = ""
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "start"
    descending: bool = True

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause (after ``account = ?``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        for word in self.text.lower().split():
            escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            clauses.append("search LIKE ? ESCAPE '\\'")
            params.append(f"%{escaped}%")
        if self.category:
            kind = parse_type(self.category)
            if kind.subtype:
                clauses.append("type = ?")
                params.append(kind.wire)
            else:
                clauses.append("category = ?")
                params.append(kind.category)
        if self.date_from is not None:
            clauses.append("start_local >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append("start_local < ?")
            params.append(self.date_to.isoformat() + "T99")  # any time on that day sorts below
        return "".join(f" AND {c}" for c in clauses), params

    def order_by(self) -> str:
        """The ORDER BY clause; NULLs (unknown figures) always go last."""
        value = SORT_COLUMNS.get(self.sort, "start_utc")
        collate = " COLLATE NOCASE" if self.sort in _TEXT_SORTS else ""
        direction = "DESC" if self.descending else "ASC"
        return (
            f"({value} IS NULL), {value}{collate} {direction}, start_utc {direction}, "
            f"id {direction}"
        )


@dataclass(frozen=True)
class TrashEntry:
    """A workout deleted from the account and kept locally so it can be re-created."""

    trash_id: int
    old_id: str
    workout: Workout
    deleted_at: float


class WorkoutCache:
    """The SQLite cache of one user's machine (every account in one file).

    Args:
        path: the database file (``paths.data / CACHE_FILE``); created with its folder.

    Raises:
        StoreError: the file cannot be opened (read-only disk, not a database ...).
    """

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise StoreError(
                f"The workout cache {self.path} could not be opened.", detail=str(exc)
            ) from exc

    def close(self) -> None:
        """Close the database; the cache must not be used afterwards."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN")
                yield self._db
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(
                    "The local workout cache could not be read or written.", detail=str(exc)
                ) from exc
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ summaries

    def upsert_summaries(self, account: str, items: Iterable[WorkoutSummary]) -> int:
        """Insert or update list items; notes already known from a detail are kept.

        Returns:
            How many rows were new or changed.
        """
        rows = [_summary_row(account, item) for item in items if item.uri]
        if not rows:
            return 0
        with self._tx() as db:
            before = db.total_changes
            db.executemany(
                """INSERT INTO summaries (account, id, start_utc, start_local, name, type,
                       category, notes, distance, duration, elevation_gain, avg_heartrate,
                       search, raw)
                   VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (account, id) DO UPDATE SET
                       start_utc = excluded.start_utc, start_local = excluded.start_local,
                       name = excluded.name, type = excluded.type, category = excluded.category,
                       distance = excluded.distance, duration = excluded.duration,
                       elevation_gain = excluded.elevation_gain,
                       avg_heartrate = excluded.avg_heartrate,
                       search = lower(excluded.name || char(10) || excluded.type || char(10)
                                      || summaries.notes),
                       raw = excluded.raw
                   WHERE summaries.raw IS NOT excluded.raw""",
                rows,
            )
            return int(db.total_changes - before)

    def count(self, account: str, query: WorkoutQuery | None = None) -> int:
        """How many cached workouts of ``account`` match ``query``."""
        where, params = (query or WorkoutQuery()).where()
        with self._lock:
            row = self._db.execute(
                f"SELECT count(*) FROM summaries WHERE account = ?{where}", [account, *params]
            ).fetchone()
        return int(row[0])

    def page(
        self, account: str, query: WorkoutQuery, offset: int, limit: int
    ) -> list[WorkoutSummary]:
        """One page of matching workouts in the query's order."""
        where, params = query.where()
        sql = (
            f"SELECT raw FROM summaries WHERE account = ?{where} "
            f"ORDER BY {query.order_by()} LIMIT ? OFFSET ?"
        )
        with self._lock:
            rows = self._db.execute(sql, [account, *params, limit, offset]).fetchall()
        return [_summary_from_row(row[0]) for row in rows]

    def summary(self, account: str, id_or_uri: str) -> WorkoutSummary | None:
        """One cached summary, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT raw FROM summaries WHERE account = ? AND id = ?",
                (account, workout_id(id_or_uri)),
            ).fetchone()
        return None if row is None else _summary_from_row(row[0])

    def ids(self, account: str) -> set[str]:
        """Ids of every cached workout of ``account``."""
        with self._lock:
            rows = self._db.execute("SELECT id FROM summaries WHERE account = ?", (account,))
            return {row[0] for row in rows}

    def categories(self, account: str) -> list[str]:
        """Activity categories present in the cache, alphabetically (for the type filter)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT DISTINCT category FROM summaries WHERE account = ? AND category != '' "
                "ORDER BY category",
                (account,),
            ).fetchall()
        return [row[0] for row in rows]

    def prune(self, account: str, keep: Iterable[str], since_utc: float | None = None) -> int:
        """Forget workouts the server no longer has.

        Args:
            account: the account.
            keep: ids the server listed.
            since_utc: only rows starting at or after this epoch time are considered (the span a
                partial refresh covered); None for all.

        Returns:
            How many rows were removed.
        """
        kept = {workout_id(item) for item in keep}
        with self._tx() as db:
            sql = "SELECT id FROM summaries WHERE account = ?"
            params: list[Any] = [account]
            if since_utc is not None:
                sql += " AND start_utc >= ?"
                params.append(since_utc)
            gone = [row[0] for row in db.execute(sql, params) if row[0] not in kept]
            for ident in gone:
                db.execute("DELETE FROM summaries WHERE account = ? AND id = ?", (account, ident))
                db.execute("DELETE FROM details WHERE account = ? AND id = ?", (account, ident))
        if gone:
            log.info("cache: %d workout(s) no longer on the server", len(gone))
        return len(gone)

    def remove(self, account: str, ids: Iterable[str]) -> None:
        """Forget workouts (deleted by the user)."""
        with self._tx() as db:
            for ident in {workout_id(item) for item in ids}:
                db.execute("DELETE FROM summaries WHERE account = ? AND id = ?", (account, ident))
                db.execute("DELETE FROM details WHERE account = ? AND id = ?", (account, ident))

    # ------------------------------------------------------------------ details

    def put_detail(self, account: str, workout: Workout) -> None:
        """Keep a full workout and bring its summary row (with notes) up to date."""
        if not workout.uri:
            raise ValueError("only a workout that exists on the server can be cached")
        document = workout.to_json()
        summary_raw = {k: v for k, v in document.items() if k not in _BULKY_KEYS}
        row = _summary_row(account, WorkoutSummary.from_json(summary_raw), workout.notes)
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO details (account, id, json, fetched_at) VALUES (?,?,?,?)",
                (account, workout_id(workout.uri), json.dumps(document), time.time()),
            )
            db.execute(
                """INSERT OR REPLACE INTO summaries (account, id, start_utc, start_local, name,
                       type, category, notes, distance, duration, elevation_gain, avg_heartrate,
                       search, raw)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (*row[:7], workout.notes, *row[7:]),
            )

    def get_detail(self, account: str, id_or_uri: str) -> Workout | None:
        """The cached full workout, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT json FROM details WHERE account = ? AND id = ?",
                (account, workout_id(id_or_uri)),
            ).fetchone()
        return None if row is None else Workout.from_json(json.loads(row[0]))

    # ------------------------------------------------------------------ trash

    def trash_put(self, account: str, workout: Workout) -> int:
        """Keep a workout about to be deleted; returns its trash id."""
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO trash (account, old_id, json, deleted_at) VALUES (?, ?, ?, ?)",
                (account, workout.id or "", json.dumps(workout.to_json()), time.time()),
            )
            return int(cursor.lastrowid or 0)

    def trash_get(self, account: str, trash_id: int) -> TrashEntry | None:
        """A trashed workout, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT old_id, json, deleted_at FROM trash WHERE account = ? AND trash_id = ?",
                (account, trash_id),
            ).fetchone()
        if row is None:
            return None
        return TrashEntry(trash_id, row[0], Workout.from_json(json.loads(row[1])), row[2])

    def trash_remove(self, account: str, trash_id: int) -> None:
        """Forget a trashed workout (after it was restored)."""
        with self._tx() as db:
            db.execute("DELETE FROM trash WHERE account = ? AND trash_id = ?", (account, trash_id))

    # ------------------------------------------------------------------ meta

    def set_meta(self, account: str, key: str, value: str) -> None:
        """Remember a small value for an account (e.g. when the history was last loaded)."""
        with self._tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO meta (account, key, value) VALUES (?, ?, ?)",
                (account, key, value),
            )

    def get_meta(self, account: str, key: str) -> str | None:
        """A value set with :meth:`set_meta`, or None."""
        with self._lock:
            row = self._db.execute(
                "SELECT value FROM meta WHERE account = ? AND key = ?", (account, key)
            ).fetchone()
        return None if row is None else str(row[0])


def _summary_row(account: str, item: WorkoutSummary, notes: str = "") -> tuple[Any, ...]:
    start = item.start_time
    kind = parse_type(item.type)
    raw = dict(item.raw) if item.raw else {"uri": item.uri}
    return (
        account,
        workout_id(item.uri or ""),
        start.timestamp() if start else None,
        start.strftime("%Y-%m-%dT%H:%M:%S") if start else None,
        item.name,
        kind.wire if item.type else "",
        kind.category if item.type else "",
        item.total_distance,
        item.duration,
        item.elevation_gain,
        item.avg_heartrate,
        f"{item.name}\n{kind.wire}\n{notes}".lower(),
        json.dumps(raw, sort_keys=False),
    )


def _summary_from_row(raw: str) -> WorkoutSummary:
    document: Mapping[str, Any] = json.loads(raw)
    return WorkoutSummary.from_json(document)
