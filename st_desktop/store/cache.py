"""The offline workout cache: summaries and full workouts per account, in SQLite.

The API offers no sorting, filtering or search, so the cache is where the workout table gets its
rows: :meth:`WorkoutCache.rows` runs one indexed query per page of the table, with the sort,
text search, type and date filters of a :class:`WorkoutQuery`, continuing from the previous
page's last row (keyset paging: as fast at row 90,000 as at row 0). Network refreshes write into
it (:meth:`WorkoutCache.upsert_summaries`, :meth:`WorkoutCache.put_detail`), deleted workouts go
to a local trash first so they can be re-created (:meth:`WorkoutCache.trash_put`).

Every table is keyed by an *account key* (any string naming the account, e.g. API base + user id),
so two accounts never see each other's workouts. The file opens and heals through
:class:`~st_desktop.store.cache_db.CacheDatabase` (schema in :mod:`st_desktop.store.cache_schema`):
the app calls :meth:`WorkoutCache.open`, which never fails.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from st_desktop.domain.workout import STREAM_KEYS, Workout, WorkoutSummary, workout_id
from st_desktop.store.cache_db import LABEL, MEMORY, REBUILT_NOTICE, CacheDatabase
from st_desktop.store.cache_schema import (
    ROW_COLUMNS,
    SCHEMA_VERSION,
    SORT_COLUMNS,
    RowKey,
    WorkoutQuery,
    WorkoutRow,
    segments,
    summary_row,
    table_row,
)

__all__ = [
    "CACHE_FILE",
    "LABEL",
    "MEMORY",
    "REBUILT_NOTICE",
    "SCHEMA_VERSION",
    "SORT_COLUMNS",
    "RowKey",
    "TrashEntry",
    "WorkoutCache",
    "WorkoutQuery",
    "WorkoutRow",
]

log = logging.getLogger(__name__)

CACHE_FILE = "cache.sqlite3"

#: Keys of a full workout that are too bulky for the summary row.
_BULKY_KEYS = frozenset({*STREAM_KEYS, "laps", "timer_stops"})


@dataclass(frozen=True)
class TrashEntry:
    """A workout deleted from the account and kept locally so it can be re-created."""

    trash_id: int
    old_id: str
    workout: Workout
    deleted_at: float


class WorkoutCache(CacheDatabase):
    """The SQLite cache of one user's machine (every account in one file).

    Args:
        path: the database file (``paths.data / CACHE_FILE``), created with its folder; or
            ``":memory:"`` for a cache that lives as long as the object.
        connect: opens the SQLite connection (tests inject failures).

    Raises:
        StoreError: (a :class:`~st_desktop.store.db.DatabaseError`) the file cannot be opened:
            damaged, read-only or full disk ... :meth:`open` handles these instead.
    """

    # ------------------------------------------------------------------ summaries

    def upsert_summaries(self, account: str, items: Iterable[WorkoutSummary]) -> int:
        """Insert or update list items; notes already known from a detail are kept.

        Returns:
            How many rows were new or changed.
        """
        items = [item for item in items if item.uri]
        if not items:
            return 0
        with self._tx() as db:
            acct = self._acct(db, account, create=True)
            # rowcount, not total_changes: the full-text triggers' writes must not count.
            cursor = db.executemany(
                """INSERT INTO summaries (acct, id, start_utc, start_local, name, type,
                       category, distance, duration, elevation_gain, avg_heartrate, search, raw)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (acct, id) DO UPDATE SET
                       start_utc = excluded.start_utc, start_local = excluded.start_local,
                       name = excluded.name, type = excluded.type, category = excluded.category,
                       distance = excluded.distance, duration = excluded.duration,
                       elevation_gain = excluded.elevation_gain,
                       avg_heartrate = excluded.avg_heartrate, search = excluded.search,
                       raw = excluded.raw
                   WHERE summaries.raw IS NOT excluded.raw""",
                [(acct, *summary_row(item)) for item in items],
            )
            return max(0, cursor.rowcount)

    def count(self, account: str, query: WorkoutQuery | None = None) -> int:
        """How many cached workouts of ``account`` match ``query``."""
        where, params = (query or WorkoutQuery()).where()
        with self._read() as db:
            acct = self._acct(db, account)
            if acct is None:
                return 0
            row = db.execute(
                f"SELECT count(*) FROM summaries WHERE acct = ?{where}", [acct, *params]
            ).fetchone()
        return int(row[0])

    def rows(
        self,
        account: str,
        query: WorkoutQuery,
        limit: int,
        *,
        after: RowKey | None = None,
        offset: int = 0,
    ) -> list[WorkoutRow]:
        """Up to ``limit`` matching rows in the query's order.

        Args:
            account: the account.
            query: filters and order.
            limit: how many rows at most.
            after: the key of the row just before the wanted ones (from an earlier result of the
                same query); None to start at the top.
            offset: rows to skip first (after ``after``); an index walk, so cheap even for
                tens of thousands.
        """
        where, params = query.where()
        found: list[WorkoutRow] = []
        with self._read() as db:
            acct = self._acct(db, account)
            if acct is None:
                return []
            for segment in segments(query):
                if after is not None and after[0] > segment.index:
                    continue  # the key is past this segment
                key_sql, key_params = segment.after(after, query.descending)
                base = f"FROM summaries WHERE acct = ?{where} AND {segment.condition}{key_sql}"
                values = [acct, *params, *key_params]
                rows = db.execute(
                    f"SELECT {ROW_COLUMNS} {base} ORDER BY {segment.order} LIMIT ? OFFSET ?",
                    [*values, limit - len(found), offset],
                ).fetchall()
                found += [table_row(query, row) for row in rows]
                if len(found) >= limit:
                    break
                if offset and not rows:  # the offset ran past this segment: skip its rows
                    skipped = db.execute(f"SELECT count(*) {base}", values).fetchone()[0]
                    offset -= min(offset, int(skipped))
                else:
                    offset = 0
        return found

    def page(
        self, account: str, query: WorkoutQuery, offset: int, limit: int
    ) -> list[WorkoutSummary]:
        """One page of matching workouts in the query's order (see :meth:`rows`)."""
        return [row.summary() for row in self.rows(account, query, limit, offset=offset)]

    def summary(self, account: str, id_or_uri: str) -> WorkoutSummary | None:
        """One cached summary, or None."""
        with self._read() as db:
            row = db.execute(
                "SELECT raw FROM summaries JOIN accounts USING (acct) WHERE key = ? AND id = ?",
                (account, workout_id(id_or_uri)),
            ).fetchone()
        return None if row is None else WorkoutSummary.from_json(json.loads(row[0]))

    def ids(self, account: str) -> set[str]:
        """Ids of every cached workout of ``account``."""
        with self._read() as db:
            rows = db.execute(
                "SELECT id FROM summaries JOIN accounts USING (acct) WHERE key = ?", (account,)
            )
            return {row[0] for row in rows}

    def categories(self, account: str) -> list[str]:
        """Activity categories present in the cache, alphabetically (for the type filter)."""
        with self._read() as db:
            acct = self._acct(db, account)
            rows = db.execute(
                "SELECT DISTINCT category FROM summaries WHERE acct = ? AND category != '' "
                "ORDER BY category",
                (acct,),
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
            acct = self._acct(db, account)
            sql = "SELECT id FROM summaries WHERE acct = ?"
            params: list[Any] = [acct]
            if since_utc is not None:
                sql += " AND start_utc >= ?"
                params.append(since_utc)
            gone = [row[0] for row in db.execute(sql, params) if row[0] not in kept]
            self._forget(db, account, acct, gone)
        if gone:
            log.info("cache: %d workout(s) no longer on the server", len(gone))
        return len(gone)

    def remove(self, account: str, ids: Iterable[str]) -> None:
        """Forget workouts (deleted by the user)."""
        with self._tx() as db:
            acct = self._acct(db, account)
            self._forget(db, account, acct, {workout_id(item) for item in ids})

    @staticmethod
    def _forget(db: sqlite3.Connection, account: str, acct: int | None, ids: Iterable[str]) -> None:
        for ident in ids:
            db.execute("DELETE FROM summaries WHERE acct = ? AND id = ?", (acct, ident))
            db.execute("DELETE FROM details WHERE account = ? AND id = ?", (account, ident))

    # ------------------------------------------------------------------ details

    def put_detail(self, account: str, workout: Workout, *, only_if_listed: bool = False) -> bool:
        """Keep a full workout and bring its summary row (with notes) up to date.

        With ``only_if_listed`` nothing is written unless the workout is still in the cache's
        list: a copy loaded a moment ago never brings back a workout deleted meanwhile.

        Returns:
            Whether it was written.
        """
        if not workout.uri:
            raise ValueError("only a workout that exists on the server can be cached")
        document = workout.to_json()
        summary_raw = {k: v for k, v in document.items() if k not in _BULKY_KEYS}
        row = summary_row(WorkoutSummary.from_json(summary_raw))
        with self._tx() as db:
            acct = self._acct(db, account, create=True)
            if (
                only_if_listed
                and not db.execute(
                    "SELECT 1 FROM summaries WHERE acct=? AND id=?", (acct, workout_id(workout.uri))
                ).fetchone()
            ):
                return False
            db.execute(
                "INSERT OR REPLACE INTO details (account, id, json, fetched_at) VALUES (?,?,?,?)",
                (account, workout_id(workout.uri), json.dumps(document), time.time()),
            )
            # An upsert, not INSERT OR REPLACE: the row keeps its key, and the full-text index
            # hears of the change (REPLACE's hidden delete fires no trigger).
            db.execute(
                """INSERT INTO summaries (acct, id, start_utc, start_local, name, type, category,
                       distance, duration, elevation_gain, avg_heartrate, search, raw,
                       notes_search)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT (acct, id) DO UPDATE SET
                       start_utc = excluded.start_utc, start_local = excluded.start_local,
                       name = excluded.name, type = excluded.type, category = excluded.category,
                       distance = excluded.distance, duration = excluded.duration,
                       elevation_gain = excluded.elevation_gain,
                       avg_heartrate = excluded.avg_heartrate, search = excluded.search,
                       raw = excluded.raw, notes_search = excluded.notes_search""",
                (acct, *row, workout.notes.lower()),
            )
        return True

    def get_detail(self, account: str, id_or_uri: str) -> Workout | None:
        """The cached full workout, or None."""
        with self._read() as db:
            row = db.execute(
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
        with self._read() as db:
            row = db.execute(
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
        with self._read() as db:
            row = db.execute(
                "SELECT value FROM meta WHERE account = ? AND key = ?", (account, key)
            ).fetchone()
        return None if row is None else str(row[0])
