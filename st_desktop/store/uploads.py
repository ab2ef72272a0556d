"""The persistent upload queue and ledger: nothing dropped is lost, nothing is uploaded twice.

Layout under the app's data directory::

    uploads.sqlite3          items (one per dropped activity file) and ledger (one per request)
    inbox/<sha256>.<ext>     a private copy of every dropped file, written before it is recorded

:meth:`UploadStore.add_bytes` / :meth:`UploadStore.add_file` write the copy (temporary file,
fsync, ``os.replace``) and commit the item row in one write transaction before they return, so a
crash one instruction later loses nothing, a failure leaves neither a row nor a copy behind, and
two processes adding the same file cannot both list it (the database also refuses a second live
row for the same bytes). SQLite runs in WAL mode with ``synchronous=FULL``: a committed row
survives a power cut.

The ledger has one row per upload request: :meth:`begin_attempt` is committed *before* the
request goes out and :meth:`complete_attempt` after the answer. A row still open when the queue
starts again (a crash) or one whose answer was lost (a timeout, a dropped connection) marks an
upload whose fate is unknown: the engine looks for it in the account before sending again.

:meth:`UploadStore.open` is how the app opens the queue: the files in the inbox are the truth, so a
damaged database is set aside and rebuilt from them (:mod:`st_desktop.store.queue_repair`), and a
queue that cannot be opened at all still gives a store that says why instead of failing.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from st_desktop.errors import StoreError
from st_desktop.store.db import Connect, Database, DatabaseError, classify
from st_desktop.store.inbox import DB_NAME, INBOX, extension, write_copy
from st_desktop.store.upload_records import (
    ACTIVE_STATES,
    MIGRATIONS,
    SCHEMA_VERSION,
    UPDATABLE,
    Attempt,
    ItemState,
    Outcome,
    QueueItem,
    attempt_from_row,
    file_hash,
    item_from_row,
    text_to_db,
    to_db,
)

__all__ = [
    "ACTIVE_STATES",
    "DB_NAME",
    "INBOX",
    "SCHEMA_VERSION",
    "Attempt",
    "ItemState",
    "Outcome",
    "QueueItem",
    "UploadStore",
    "file_hash",
]

log = logging.getLogger(__name__)

LABEL = "upload queue"


class UploadStore:
    """The upload queue and ledger in ``<data_dir>/uploads.sqlite3``. Thread-safe.

    Args:
        data_dir: the application's data directory (``AppPaths.data``).
        clock: epoch seconds (injected by tests).
        connect: opens the SQLite connection (tests inject failures).

    Raises:
        StoreError: (a :class:`~st_desktop.store.db.DatabaseError`) the queue cannot be opened;
            :meth:`open` handles that instead.
    """

    def __init__(
        self, data_dir: Path, clock: Any = time.time, *, connect: Connect = sqlite3.connect
    ) -> None:
        self.data_dir = Path(data_dir)
        self.inbox = self.data_dir / INBOX
        self.path = self.data_dir / DB_NAME
        self._clock = clock
        #: Why the queue cannot be used (None: it can); reads are empty and writes raise it.
        self.unavailable_reason: str | None = None
        self._db: Database | None = None
        try:
            self.inbox.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            text = f"The upload inbox {self.inbox} could not be created: {exc.strerror or exc}."
            raise DatabaseError(text, problem=classify(exc), detail=str(exc)) from exc
        self._db = Database(
            self.path,
            label=LABEL,
            migrations=MIGRATIONS,
            synchronous="FULL",
            row_factory=sqlite3.Row,
            connect=connect,
        )

    @classmethod
    def open(
        cls, data_dir: Path, clock: Any = time.time, *, connect: Connect = sqlite3.connect
    ) -> tuple[UploadStore, str | None]:
        """Open the queue for the app, healing what can be healed; never raises.

        - damaged (not a database, truncated, corrupt), or empty beside files in the inbox: set
          aside as ``uploads.sqlite3.damaged-<time>`` (kept) and rebuilt from the inbox, each
          file listed again as a new item;
        - files in the inbox that no item names: listed again;
        - written by a newer st-desktop: opened read-only (adding files is refused);
        - cannot be opened (full or read-only disk ...): an unavailable store that refuses new
          files with the reason and lists nothing.

        Returns:
            The store and a sentence for the status bar (None when all is well).
        """
        from st_desktop.store.queue_repair import open_healed

        return open_healed(cls, Path(data_dir), clock, connect)

    @classmethod
    def unavailable(cls, data_dir: Path, reason: str) -> UploadStore:
        """A store that cannot be used: reads are empty, every change raises ``reason``."""
        store = cls.__new__(cls)
        store.data_dir = Path(data_dir)
        store.inbox = store.data_dir / INBOX
        store.path = store.data_dir / DB_NAME
        store._clock = time.time
        store._db = None
        store.unavailable_reason = reason
        return store

    @property
    def available(self) -> bool:
        """False when the queue could not be opened (see :attr:`unavailable_reason`)."""
        return self._db is not None

    @property
    def read_only_reason(self) -> str | None:
        """Set when a newer st-desktop wrote the queue: it is shown but cannot change."""
        return self._db.read_only_reason if self._db is not None else None

    def close(self) -> None:
        """Close the database."""
        if self._db is not None:
            self._db.close()

    def _database(self) -> Database:
        if self._db is None:
            raise StoreError(self.unavailable_reason)
        return self._db

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._database().tx(immediate=True) as conn:
            yield conn

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return [] if self._db is None else self._db.query(sql, params)

    def _row(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return None if self._db is None else self._db.query_one(sql, params)

    # ------------------------------------------------------------------ adding files

    def inbox_path(self, item: QueueItem) -> Path:
        """Where the private copy of ``item`` lives."""
        return self.inbox / f"{item.sha256}.{item.ext}"

    def add_bytes(self, data: bytes, display_name: str, source: str) -> tuple[QueueItem, bool]:
        """Copy a file into the inbox and record it; durable when this returns.

        A file whose bytes are already in the list (not archived) is not added twice. When it
        fails, neither a row nor an inbox copy is left behind.

        Returns:
            The item and True when it is new (False: it was already in the list).

        Raises:
            StoreError: the queue is unavailable or read-only, or the copy or row could not be
                written (the sentence says why).
        """
        db = self._database()
        if db.read_only_reason is not None:
            raise StoreError(db.read_only_reason)
        digest = file_hash(data)
        ext = extension(display_name)
        target = self.inbox / f"{digest}.{ext}"
        created = False
        try:
            # One write transaction around the copy and the row: no other process can list the
            # same bytes in between, or find the copy without its row.
            with self._tx() as conn:
                existing = conn.execute(
                    "SELECT * FROM items WHERE sha256=? AND archived=0 ORDER BY id LIMIT 1",
                    (digest,),
                ).fetchone()
                if existing is not None:
                    return item_from_row(existing), False
                created = write_copy(self.inbox, target, data)
                now = self._clock()
                cursor = conn.execute(
                    "INSERT INTO items (sha256, ext, display_name, source, state, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        digest,
                        ext,
                        text_to_db(display_name),
                        text_to_db(source),
                        ItemState.NEW.value,
                        now,
                        now,
                    ),
                )
                item_id = cursor.lastrowid
        except BaseException:
            if created:  # the row is not there: neither may the copy be
                target.unlink(missing_ok=True)
            raise
        assert item_id is not None
        return self.get(item_id), True

    def add_file(self, path: Path, display_name: str | None = None) -> tuple[QueueItem, bool]:
        """Read ``path`` and :meth:`add_bytes` it."""
        self._database()  # refuse before reading anything
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise StoreError(
                f"{Path(path).name} could not be read: {exc.strerror or exc}.", detail=str(exc)
            ) from exc
        return self.add_bytes(data, display_name or Path(path).name, os.fspath(path))

    def read_data(self, item: QueueItem) -> bytes:
        """The bytes of the inbox copy."""
        try:
            return self.inbox_path(item).read_bytes()
        except OSError as exc:
            raise StoreError(
                f"The saved copy of {item.display_name} is missing.", detail=str(exc)
            ) from exc

    # ------------------------------------------------------------------ reading

    def get(self, item_id: int) -> QueueItem:
        """The item with ``item_id`` (KeyError when there is none)."""
        row = self._row("SELECT * FROM items WHERE id=?", (item_id,))
        if row is None:
            raise KeyError(item_id)
        return item_from_row(row)

    def items(self, *, include_archived: bool = False) -> list[QueueItem]:
        """Every item in the order it was dropped."""
        query = "SELECT * FROM items" + ("" if include_archived else " WHERE archived=0")
        return [item_from_row(r) for r in self._rows(query + " ORDER BY id")]

    def active(self, account: str) -> list[QueueItem]:
        """Items queued for ``account`` that the engine still has to work on."""
        marks = ",".join("?" * len(ACTIVE_STATES))
        rows = self._rows(
            f"SELECT * FROM items WHERE account=? AND state IN ({marks}) ORDER BY id",
            (account, *[s.value for s in ACTIVE_STATES]),
        )
        return [item_from_row(r) for r in rows]

    # ------------------------------------------------------------------ changing items

    def update(self, item_id: int, **fields: Any) -> QueueItem:
        """Change columns of one item (values in their Python form) and return it."""
        if not fields:
            return self.get(item_id)
        with self._tx() as db:
            self._update_in(db, item_id, fields)
        return self.get(item_id)

    def _update_in(self, db: sqlite3.Connection, item_id: int, fields: dict[str, Any]) -> None:
        columns = []
        values: list[Any] = []
        for key, value in fields.items():
            if key not in UPDATABLE:
                raise TypeError(f"not an updatable item field: {key}")
            columns.append(f"{key}=?")
            values.append(to_db(value))
        columns.append("updated_at=?")
        values.append(self._clock())
        db.execute(f"UPDATE items SET {', '.join(columns)} WHERE id=?", (*values, item_id))

    def enqueue(self, item_id: int, account: str, allow_uris: Sequence[str] = ()) -> QueueItem:
        """Queue an item for ``account`` (no-op for one already uploaded or in flight)."""
        item = self.get(item_id)
        if item.state in (ItemState.UPLOADING, ItemState.FILE_UPLOADED, ItemState.UPLOADED):
            return item
        return self.update(
            item_id,
            state=ItemState.QUEUED,
            account=account,
            allow_uris=tuple(allow_uris),
            error=None,
            attempts=0,
            next_attempt_at=0.0,
        )

    def unqueue(self, item_ids: Sequence[int]) -> list[int]:
        """Take items still waiting in the queue back to the list (Cancel); returns those taken.

        An item already in flight or uploaded is left alone.
        """
        back = []
        for item_id in item_ids:
            if self.get(item_id).state == ItemState.QUEUED:
                self.update(item_id, state=ItemState.NEW, account=None)
                back.append(item_id)
        return back

    def remove(self, item_id: int) -> bool:
        """Forget an item not yet sent and delete its copy; False if it is uploaded or in flight."""
        item = self.get(item_id)
        if item.state in (ItemState.UPLOADING, ItemState.FILE_UPLOADED, ItemState.UPLOADED):
            return False
        with self._tx() as db:
            db.execute("DELETE FROM items WHERE id=?", (item_id,))
            others = db.execute(
                "SELECT COUNT(*) FROM items WHERE sha256=?", (item.sha256,)
            ).fetchone()[0]
            if not others:  # inside the write lock: no other process re-adds it meanwhile
                self.inbox_path(item).unlink(missing_ok=True)
        return True

    def archive(self, item_id: int) -> None:
        """Hide a finished item from the list (its ledger rows stay)."""
        item = self.update(item_id, archived=1)
        if item.state == ItemState.UPLOADED:
            self.inbox_path(item).unlink(missing_ok=True)

    # ------------------------------------------------------------------ ledger

    def begin_attempt(self, item: QueueItem, account: str) -> int:
        """Record that an upload request is about to go out; committed before it returns."""
        now = self._clock()
        with self._tx() as db:
            cursor = db.execute(
                "INSERT INTO ledger (item_id, account, sha256, started_at) VALUES (?, ?, ?, ?)",
                (item.id, account, item.sha256, now),
            )
            db.execute(
                "UPDATE items SET state=?, updated_at=? WHERE id=?",
                (ItemState.UPLOADING.value, now, item.id),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def complete_attempt(
        self,
        attempt_id: int,
        outcome: Outcome,
        uris: Sequence[str] = (),
        error: str | None = None,
        item_fields: dict[str, Any] | None = None,
    ) -> None:
        """Close (or, for :attr:`Outcome.UNKNOWN`, annotate) a ledger row.

        ``item_fields`` change the attempt's item in the same transaction: a crash can never
        leave an upload recorded as stored while its item still says it is on its way (which
        would send it again).
        """
        completed = None if outcome == Outcome.UNKNOWN else self._clock()
        with self._tx() as db:
            db.execute(
                "UPDATE ledger SET completed_at=?, outcome=?, uris=?, error=? WHERE id=?",
                (completed, outcome.value, json.dumps(list(uris)), to_db(error), attempt_id),
            )
            if item_fields:
                row = db.execute("SELECT item_id FROM ledger WHERE id=?", (attempt_id,)).fetchone()
                if row is not None:
                    self._update_in(db, int(row[0]), item_fields)

    def open_attempts(self, item_id: int) -> list[Attempt]:
        """Ledger rows of an item whose outcome is not known yet (crash, lost answer)."""
        rows = self._rows(
            "SELECT * FROM ledger WHERE item_id=? AND completed_at IS NULL ORDER BY id", (item_id,)
        )
        return [attempt_from_row(r) for r in rows]

    def attempts(self, item_id: int) -> list[Attempt]:
        """Every ledger row of an item, oldest first."""
        rows = self._rows("SELECT * FROM ledger WHERE item_id=? ORDER BY id", (item_id,))
        return [attempt_from_row(r) for r in rows]

    def uploaded_before(self, account: str, sha256: str) -> Attempt | None:
        """The ledger row of an earlier upload of the same bytes to ``account``, if any."""
        row = self._row(
            "SELECT * FROM ledger WHERE account=? AND sha256=? AND outcome IN (?, ?) "
            "ORDER BY id LIMIT 1",
            (account, sha256, Outcome.STORED.value, Outcome.FOUND.value),
        )
        return attempt_from_row(row) if row is not None else None
