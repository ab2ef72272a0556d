"""The rows of the upload queue: items, ledger attempts, their states, and the SQLite schema.

Plain data shared by :mod:`st_desktop.store.uploads` (the store), the upload engine and the UI;
the converters between SQLite rows and these dataclasses live here too.

Text is stored losslessly: a name that is not valid Unicode (a file name in an unknown encoding,
which ``os.fsdecode`` turns into lone surrogates) is kept as a BLOB of its ``surrogatepass``
UTF-8 bytes and read back as the very same string.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from st_desktop.domain.timeutil import format_timestamp, parse_timestamp
from st_desktop.store.db import Migration


class ItemState(StrEnum):
    """Where an item is in its life; stored as text."""

    NEW = "new"  #: recorded, waiting for the user (preview, edit, decide)
    QUEUED = "queued"  #: the user asked to upload it; the engine will
    UPLOADING = "uploading"  #: a request is (or was, before a crash) in flight
    FILE_UPLOADED = "file_uploaded"  #: the workout exists; the edited metadata is not applied yet
    UPLOADED = "uploaded"  #: done
    FAILED = "failed"  #: refused for good (a bad file); the user may retry
    SKIPPED = "skipped"  #: the user chose not to upload (a duplicate)


#: States the engine works on.
ACTIVE_STATES = (ItemState.QUEUED, ItemState.UPLOADING, ItemState.FILE_UPLOADED)

#: Version 1: both tables.
SCHEMA = """
CREATE TABLE IF NOT EXISTS items (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL,
    ext TEXT NOT NULL,
    display_name TEXT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL,
    account TEXT,
    format TEXT,
    start_time TEXT,
    distance REAL,
    name TEXT,
    type TEXT,
    notes TEXT,
    allow_uris TEXT NOT NULL DEFAULT '[]',
    uris TEXT NOT NULL DEFAULT '[]',
    error TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL DEFAULT 0,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS items_sha ON items (sha256);
CREATE TABLE IF NOT EXISTS ledger (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL,
    account TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    started_at REAL NOT NULL,
    completed_at REAL,
    outcome TEXT,
    uris TEXT NOT NULL DEFAULT '[]',
    error TEXT
);
CREATE INDEX IF NOT EXISTS ledger_item ON ledger (item_id);
CREATE INDEX IF NOT EXISTS ledger_sha ON ledger (account, sha256);
"""


def _one_live_item_per_file(conn: sqlite3.Connection) -> None:
    """Version 2: a file's bytes are listed once (UNIQUE, so two processes cannot race).

    Duplicates written before (by such a race) are archived, keeping the oldest row of each file
    in the list; archived rows keep their ledger history.
    """
    conn.execute(
        "UPDATE items SET archived = 1 WHERE archived = 0 AND id NOT IN "
        "(SELECT min(id) FROM items WHERE archived = 0 GROUP BY sha256)"
    )
    conn.execute("DROP INDEX IF EXISTS items_sha")
    conn.execute("CREATE INDEX items_sha ON items (sha256)")
    conn.execute("CREATE UNIQUE INDEX items_live_sha ON items (sha256) WHERE archived = 0")


#: Version 3: the name an unnamed file is uploaded with ("Morning Ride"), kept apart from the
#: user's own ``name`` so a name typed later always wins and the suggestion can follow the type.
SUGGESTED_NAME = "ALTER TABLE items ADD COLUMN suggested_name TEXT"

#: The queue's migrations, oldest first (see :mod:`st_desktop.store.db`).
MIGRATIONS: list[Migration] = [
    (1, SCHEMA),
    (2, _one_live_item_per_file),
    (3, SUGGESTED_NAME),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


class Outcome(StrEnum):
    """How a ledger row ended."""

    STORED = "stored"  #: the service answered with the new workout(s)
    FOUND = "found"  #: the answer was lost, but the workout was found in the account
    NOT_STORED = "not_stored"  #: certainly not stored (refused, or searched for and absent)
    UNKNOWN = "unknown"  #: the answer was lost: search the account before sending again


@dataclass(frozen=True)
class QueueItem:
    """One dropped activity file and what the user decided about it.

    Attributes:
        id: row id.
        sha256: hash of the file's bytes (the inbox file name).
        display_name: the file (or archive member) name shown to the user.
        source: where it came from (path, or ``archive.zip!member.fit``).
        state: see :class:`ItemState`.
        account: the account key it is queued for (None until queued).
        format: "FIT", "TCX" or "GPX" once parsed.
        start_time, distance: from the parse; used to find the workout in the account.
        name, type, notes: the user's edits (None: keep what the file gives).
        suggested_name: the name the workout gets when neither the user nor the file gives one
            ("Morning Ride", from the local start and the sport); None for a named file.
        allow_uris: existing workouts the user said are not this file ("Upload anyway").
        uris: the workout(s) created from it.
        error: the last failure, as a sentence.
        attempts: failed tries since it was queued (drives the backoff).
        next_attempt_at: epoch seconds before which the engine leaves it alone.
    """

    id: int
    sha256: str
    ext: str
    display_name: str
    source: str
    state: ItemState
    account: str | None = None
    format: str | None = None
    start_time: datetime | None = None
    distance: float | None = None
    name: str | None = None
    type: str | None = None
    notes: str | None = None
    suggested_name: str | None = None
    allow_uris: tuple[str, ...] = ()
    uris: tuple[str, ...] = ()
    error: str | None = None
    attempts: int = 0
    next_attempt_at: float = 0.0
    created_at: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """One ledger row."""

    id: int
    item_id: int
    account: str
    sha256: str
    started_at: float
    completed_at: float | None
    outcome: Outcome | None
    uris: tuple[str, ...] = field(default=())


def file_hash(data: bytes) -> str:
    """The sha256 hex digest that names an inbox copy."""
    return hashlib.sha256(data).hexdigest()


#: Item columns :meth:`UploadStore.update` may change.
UPDATABLE = frozenset(
    {
        "state", "account", "format", "start_time", "distance", "name", "type", "notes",
        "suggested_name", "allow_uris", "uris", "error", "attempts", "next_attempt_at", "archived",
    }
)  # fmt: skip


def text_to_db(value: str) -> str | bytes:
    """A string as SQLite can keep it: itself, or a BLOB when it is not valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogatepass")
    return value


def text_from_db(value: Any) -> Any:
    """The string :func:`text_to_db` stored (other values as they are)."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "surrogatepass")
    return value


def to_db(value: Any) -> Any:
    """A field value in its SQLite form (ISO times, JSON lists, enum values, lossless text)."""
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, str):
        return text_to_db(value)
    if isinstance(value, datetime):
        return format_timestamp(value)
    if isinstance(value, tuple | list):
        return json.dumps(list(value))
    return value


def item_from_row(row: sqlite3.Row) -> QueueItem:
    """The :class:`QueueItem` of an ``items`` row."""
    start = parse_timestamp(row["start_time"]) if row["start_time"] else None
    text = text_from_db
    return QueueItem(
        id=row["id"],
        sha256=row["sha256"],
        ext=row["ext"],
        display_name=text(row["display_name"]),
        source=text(row["source"]),
        state=ItemState(row["state"]),
        account=text(row["account"]),
        format=row["format"],
        start_time=start,
        distance=row["distance"],
        name=text(row["name"]),
        type=text(row["type"]),
        notes=text(row["notes"]),
        suggested_name=text(row["suggested_name"]),
        allow_uris=tuple(json.loads(row["allow_uris"])),
        uris=tuple(json.loads(row["uris"])),
        error=text(row["error"]),
        attempts=row["attempts"],
        next_attempt_at=row["next_attempt_at"],
        created_at=row["created_at"],
    )


def attempt_from_row(row: sqlite3.Row) -> Attempt:
    """The :class:`Attempt` of a ``ledger`` row."""
    outcome = Outcome(row["outcome"]) if row["outcome"] else None
    return Attempt(
        id=row["id"],
        item_id=row["item_id"],
        account=row["account"],
        sha256=row["sha256"],
        started_at=row["started_at"],
        completed_at=row["completed_at"],
        outcome=outcome,
        uris=tuple(json.loads(row["uris"])),
    )
