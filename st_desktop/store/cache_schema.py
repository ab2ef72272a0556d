"""The workout cache's schema (its migrations) and the SQL of a table query.

Version 1 is the first released schema. Version 2 makes the table fast at 100,000 workouts:

- ``summaries`` gets an integer key ``n`` (stable, so the full-text index can point at it) and an
  integer account (``accounts``), so every index entry stays small;
- one index per sort column, ``(acct, value, start_utc)`` plus the implicit ``n``: every order the
  table offers is an index walk, and a page continues from the last row's key (keyset paging)
  instead of counting rows from the top;
- ``summaries_fts``, an FTS5 trigram index over the lower-cased name, type and notes, answers the
  search box's substring words of three or more characters; shorter words fall back to LIKE.

Unknown figures sort last in both directions: a query walks the rows with a value first (segment
0) and then those without (segment 1), each in index order.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from st_desktop.domain.types import parse_type
from st_desktop.domain.units import known_distance
from st_desktop.domain.workout import WorkoutSummary, workout_id
from st_desktop.store.db import Migration

#: ``start_utc`` of a workout without a start time: below every real one, and never NULL, so
#: row keys compare without NULL rules. Such rows sort last in the date order.
NO_START = -1.0e18

SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS summaries (
    account TEXT NOT NULL, id TEXT NOT NULL, start_utc REAL, start_local TEXT,
    name TEXT NOT NULL DEFAULT '', type TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT '', notes TEXT NOT NULL DEFAULT '',
    distance REAL, duration REAL, elevation_gain REAL, avg_heartrate REAL,
    search TEXT NOT NULL DEFAULT '', raw TEXT NOT NULL,
    PRIMARY KEY (account, id)
);
CREATE INDEX IF NOT EXISTS summaries_start ON summaries (account, start_utc DESC, id DESC);
CREATE TABLE IF NOT EXISTS details (
    account TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, fetched_at REAL NOT NULL,
    PRIMARY KEY (account, id)
);
CREATE TABLE IF NOT EXISTS trash (
    trash_id INTEGER PRIMARY KEY AUTOINCREMENT, account TEXT NOT NULL, old_id TEXT NOT NULL,
    json TEXT NOT NULL, deleted_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS meta (
    account TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
    PRIMARY KEY (account, key)
);
"""

SCHEMA_V2 = f"""
ALTER TABLE summaries RENAME TO summaries_v1;
DROP INDEX IF EXISTS summaries_start;
CREATE TABLE accounts (acct INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);
INSERT INTO accounts (key) SELECT DISTINCT account FROM summaries_v1 ORDER BY account;
CREATE TABLE summaries (
    n INTEGER PRIMARY KEY,
    acct INTEGER NOT NULL REFERENCES accounts (acct),
    id TEXT NOT NULL,
    start_utc REAL NOT NULL,
    start_local TEXT,
    name TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    type TEXT NOT NULL DEFAULT '' COLLATE NOCASE,
    category TEXT NOT NULL DEFAULT '',
    distance REAL,
    duration REAL,
    elevation_gain REAL,
    avg_heartrate REAL,
    search TEXT NOT NULL DEFAULT '',
    notes_search TEXT NOT NULL DEFAULT '',
    raw TEXT NOT NULL
);
INSERT INTO summaries (acct, id, start_utc, start_local, name, type, category, distance,
                       duration, elevation_gain, avg_heartrate, search, notes_search, raw)
    SELECT a.acct, s.id, coalesce(s.start_utc, {NO_START}), s.start_local, s.name, s.type,
           s.category, NULLIF(s.distance, 0), s.duration, s.elevation_gain, s.avg_heartrate,
           lower(s.name || char(10) || s.type), lower(s.notes), s.raw
    FROM summaries_v1 s JOIN accounts a ON a.key = s.account
    ORDER BY s.account, s.start_utc;
DROP TABLE summaries_v1;
CREATE UNIQUE INDEX summaries_id ON summaries (acct, id);
CREATE INDEX summaries_by_start ON summaries (acct, start_utc);
CREATE INDEX summaries_by_name ON summaries (acct, name, start_utc);
CREATE INDEX summaries_by_type ON summaries (acct, type, start_utc);
CREATE INDEX summaries_by_category ON summaries (acct, category, start_utc);
CREATE INDEX summaries_by_distance ON summaries (acct, distance, start_utc);
CREATE INDEX summaries_by_duration ON summaries (acct, duration, start_utc);
CREATE INDEX summaries_by_elevation_gain ON summaries (acct, elevation_gain, start_utc);
CREATE INDEX summaries_by_avg_heartrate ON summaries (acct, avg_heartrate, start_utc);
CREATE VIRTUAL TABLE summaries_fts USING fts5 (
    search, notes_search, content='summaries', content_rowid='n', tokenize='trigram'
);
INSERT INTO summaries_fts (summaries_fts) VALUES ('rebuild');
CREATE TRIGGER summaries_fts_insert AFTER INSERT ON summaries BEGIN
    INSERT INTO summaries_fts (rowid, search, notes_search)
        VALUES (new.n, new.search, new.notes_search);
END;
CREATE TRIGGER summaries_fts_delete AFTER DELETE ON summaries BEGIN
    INSERT INTO summaries_fts (summaries_fts, rowid, search, notes_search)
        VALUES ('delete', old.n, old.search, old.notes_search);
END;
CREATE TRIGGER summaries_fts_update AFTER UPDATE OF search, notes_search ON summaries BEGIN
    INSERT INTO summaries_fts (summaries_fts, rowid, search, notes_search)
        VALUES ('delete', old.n, old.search, old.notes_search);
    INSERT INTO summaries_fts (rowid, search, notes_search)
        VALUES (new.n, new.search, new.notes_search);
END;
"""

#: The cache's migrations, oldest first.
MIGRATIONS: list[Migration] = [(1, SCHEMA_V1), (2, SCHEMA_V2)]
SCHEMA_VERSION = MIGRATIONS[-1][0]

#: Sort keys of :class:`WorkoutQuery` -> column (ties broken by start time, then insertion).
SORT_COLUMNS: dict[str, str] = {
    "start": "start_utc",
    "name": "name",
    "type": "type",
    # Stored NULL when the service wrote 0 (strength training): unknown, not short.
    "distance": "distance",
    "duration": "duration",
    "elevation_gain": "elevation_gain",
    "avg_heartrate": "avg_heartrate",
}

#: Columns a table row is read with (the order :class:`~st_desktop.store.cache.WorkoutRow` uses).
ROW_COLUMNS = (
    "n, id, start_utc, start_local, name, type, distance, duration, elevation_gain, "
    "avg_heartrate, raw"
)

#: A row's place in a query's order: (segment, sort value, start_utc, n).
RowKey = tuple[int, Any, float, int]

_TRIGRAM = 3  # the trigram index cannot answer shorter words
_LOCAL_SLACK = timedelta(hours=15)  # the widest UTC offset, and some


@dataclass(frozen=True)
class WorkoutQuery:
    """What the table shows: filters and sort order.

    Attributes:
        text: words that must all occur in the name, type or notes (case-insensitive substrings).
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
        """The WHERE clause (after ``acct = ?``) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        phrases: list[str] = []
        for word in self.text.lower().split():
            if len(word) >= _TRIGRAM:
                phrases.append('"' + word.replace('"', '""') + '"')
                continue
            escaped = re.sub(r"([\\%_])", r"\\\1", word)
            clauses.append("(search LIKE ? ESCAPE '\\' OR notes_search LIKE ? ESCAPE '\\')")
            params += [f"%{escaped}%"] * 2
        if phrases:
            clauses.insert(0, "n IN (SELECT rowid FROM summaries_fts WHERE summaries_fts MATCH ?)")
            params.insert(0, " AND ".join(phrases))
        if self.category:
            kind = parse_type(self.category)
            clauses.append("type = ?" if kind.subtype else "category = ?")
            params.append(kind.wire if kind.subtype else kind.category)
        self._date_clauses(clauses, params)
        return "".join(f" AND {c}" for c in clauses), params

    def _date_clauses(self, clauses: list[str], params: list[Any]) -> None:
        # The bounds are on the local date; a UTC range a day wider lets the start index help.
        if self.date_from is not None:
            low = datetime.combine(self.date_from, datetime.min.time(), UTC) - _LOCAL_SLACK
            clauses.append("start_utc >= ? AND start_local >= ?")
            params += [low.timestamp(), self.date_from.isoformat()]
        if self.date_to is not None:
            high = datetime.combine(self.date_to, datetime.max.time(), UTC) + _LOCAL_SLACK
            clauses.append("start_utc <= ? AND start_local < ?")
            params += [high.timestamp(), self.date_to.isoformat() + "T99"]  # any time that day

    @property
    def column(self) -> str:
        """The sort column."""
        return SORT_COLUMNS.get(self.sort, "start_utc")

    def order_by(self) -> str:
        """The whole order as one ORDER BY clause (unknown values last; ties by start, then n).

        :meth:`~st_desktop.store.cache.WorkoutCache.rows` walks the order segment by segment
        instead, each an index walk; this clause is for a query that needs it in one piece.
        """
        direction = "DESC" if self.descending else "ASC"
        unknown = (
            f"start_utc = {NO_START}" if self.column == "start_utc" else f"{self.column} IS NULL"
        )
        return f"({unknown}), {self.column} {direction}, start_utc {direction}, n {direction}"


@dataclass(frozen=True)
class Segment:
    """The rows of one segment of a query's order, as SQL.

    Attributes:
        index: 0 for rows with a sort value, 1 for those without.
        condition: the rows of this segment.
        order: ORDER BY clause.
        key_columns: the row value that orders this segment (ends with ``n``).
    """

    index: int
    condition: str
    order: str
    key_columns: tuple[str, ...]

    def after(self, key: RowKey | None, descending: bool) -> tuple[str, list[Any]]:
        """The condition for rows after ``key`` in this segment ("" when it starts here)."""
        if key is None or key[0] != self.index:
            return "", []
        values = list(key[1:]) if self.index == 0 else list(key[2:])
        values = values[-len(self.key_columns) :]
        op = "<" if descending else ">"
        return f" AND ({', '.join(self.key_columns)}) {op} ({', '.join('?' * len(values))})", values


def segments(query: WorkoutQuery) -> list[Segment]:
    """The segments of ``query``'s order: known values first, then unknown ones."""
    direction = "DESC" if query.descending else "ASC"
    column = query.column
    if column == "start_utc":
        return [
            Segment(
                0,
                f"start_utc > {NO_START}",
                f"start_utc {direction}, n {direction}",
                ("start_utc", "n"),
            ),
            Segment(1, f"start_utc = {NO_START}", f"n {direction}", ("n",)),
        ]
    order = f"{column} {direction}, start_utc {direction}, n {direction}"
    known = Segment(0, f"{column} IS NOT NULL", order, (column, "start_utc", "n"))
    if column in ("name", "type"):  # never NULL
        return [known]
    unknown = Segment(
        1, f"{column} IS NULL", f"start_utc {direction}, n {direction}", ("start_utc", "n")
    )
    return [known, unknown]


def row_key(query: WorkoutQuery, row: Sequence[Any]) -> RowKey:
    """The key of a row read with :data:`ROW_COLUMNS` under ``query``'s order."""
    n, start = int(row[0]), float(row[2])
    index = ROW_COLUMNS.replace(" ", "").split(",").index(query.column)
    value = row[index]
    if query.column == "start_utc":
        return (1 if start == NO_START else 0, value, start, n)
    return (1 if value is None else 0, value, start, n)


@dataclass(frozen=True, slots=True)
class WorkoutRow:
    """One row of the workout table, compact: the shown figures plus the summary's JSON text.

    Attributes:
        key: the row's place in the order of the query that read it (for the next page).
        id: the workout id.
        start_local: local start "YYYY-MM-DDTHH:MM:SS" in the workout's own offset, or None.
        distance: metres, None when unknown (the service's 0 included).
        raw: the list item's JSON, parsed only when :meth:`summary` is asked for.
    """

    key: RowKey
    id: str
    start_local: str | None
    name: str
    type: str
    distance: float | None
    duration: float | None
    elevation_gain: float | None
    avg_heartrate: float | None
    raw: str

    def summary(self) -> WorkoutSummary:
        """The full :class:`WorkoutSummary` (parsed from the JSON on each call)."""
        return WorkoutSummary.from_json(json.loads(self.raw))


def summary_row(item: WorkoutSummary) -> tuple[Any, ...]:
    """Columns id .. raw of a summary (without the account and notes)."""
    start = item.start_time
    kind = parse_type(item.type)
    wire = kind.wire if item.type else ""
    raw = dict(item.raw) if item.raw else {"uri": item.uri}
    return (
        workout_id(item.uri or ""),
        start.timestamp() if start else NO_START,
        start.strftime("%Y-%m-%dT%H:%M:%S") if start else None,
        item.name,
        wire,
        kind.category if item.type else "",
        known_distance(item.total_distance),
        item.duration,
        item.elevation_gain,
        item.avg_heartrate,
        f"{item.name}\n{wire}".lower(),
        json.dumps(raw, sort_keys=False),
    )


def table_row(query: WorkoutQuery, row: Any) -> WorkoutRow:
    return WorkoutRow(row_key(query, row), *row[1:2], *row[3:])
