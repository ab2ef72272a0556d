"""The persistent upload queue and ledger: nothing dropped is lost, nothing is uploaded twice.

Layout under the app's data directory::

    uploads.sqlite3          items (one per dropped activity file) and ledger (one per request)
    inbox/<sha256>.<ext>     a private copy of every dropped file, written before it is recorded

:meth:`UploadStore.add_bytes` / :meth:`UploadStore.add_file` write the copy (temporary file,
fsync, ``os.replace``) and commit the item row before they return, so a crash one instruction
later loses nothing. SQLite runs in WAL mode with ``synchronous=FULL``: a committed row survives
a power cut.

The ledger has one row per upload request: :meth:`begin_attempt` is committed *before* the
request goes out and :meth:`complete_attempt` after the answer. A row still open when the queue
starts again (a crash) or one whose answer was lost (a timeout, a dropped connection) marks an
upload whose fate is unknown: the engine looks for it in the account before sending again.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from st_desktop.errors import StoreError
from st_desktop.store.upload_records import (
    ACTIVE_STATES,
    SCHEMA,
    SCHEMA_VERSION,
    UPDATABLE,
    Attempt,
    ItemState,
    Outcome,
    QueueItem,
    attempt_from_row,
    file_hash,
    item_from_row,
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

DB_NAME = "uploads.sqlite3"
INBOX = "inbox"


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":  # directories cannot be opened for fsync on Windows
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class UploadStore:
    """The upload queue and ledger in ``<data_dir>/uploads.sqlite3``. Thread-safe.

    Args:
        data_dir: the application's data directory (``AppPaths.data``).
        clock: epoch seconds (injected by tests).
    """

    def __init__(self, data_dir: Path, clock: Any = time.time) -> None:
        self.data_dir = Path(data_dir)
        self.inbox = self.data_dir / INBOX
        self._clock = clock
        self._lock = threading.RLock()
        try:
            self.inbox.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.data_dir / DB_NAME, check_same_thread=False, isolation_level=None
            )
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.execute("PRAGMA busy_timeout=5000")
            self._db.executescript(SCHEMA)
            self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(
                f"The upload queue in {self.data_dir} could not be opened.", detail=str(exc)
            ) from exc

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.Error as exc:
                raise StoreError("The upload queue could not be written.", detail=str(exc)) from exc

    # ------------------------------------------------------------------ adding files

    def inbox_path(self, item: QueueItem) -> Path:
        """Where the private copy of ``item`` lives."""
        return self.inbox / f"{item.sha256}.{item.ext}"

    def add_bytes(self, data: bytes, display_name: str, source: str) -> tuple[QueueItem, bool]:
        """Copy a file into the inbox and record it; durable when this returns.

        A file whose bytes are already in the list (not archived) is not added twice.

        Returns:
            The item and True when it is new (False: it was already in the list).
        """
        digest = file_hash(data)
        ext = Path(display_name).suffix.lower().lstrip(".") or "bin"
        with self._lock:
            existing = self._db.execute(
                "SELECT * FROM items WHERE sha256=? AND archived=0 ORDER BY id LIMIT 1", (digest,)
            ).fetchone()
            if existing is not None:
                return item_from_row(existing), False
            self._write_inbox(digest, ext, data)
            now = self._clock()
            with self._tx() as db:
                cursor = db.execute(
                    "INSERT INTO items (sha256, ext, display_name, source, state, created_at, "
                    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (digest, ext, display_name, source, ItemState.NEW.value, now, now),
                )
            item_id = cursor.lastrowid
            assert item_id is not None
            return self.get(item_id), True

    def add_file(self, path: Path, display_name: str | None = None) -> tuple[QueueItem, bool]:
        """Read ``path`` and :meth:`add_bytes` it."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise StoreError(
                f"{Path(path).name} could not be read: {exc.strerror or exc}.", detail=str(exc)
            ) from exc
        return self.add_bytes(data, display_name or Path(path).name, str(path))

    def _write_inbox(self, digest: str, ext: str, data: bytes) -> None:
        target = self.inbox / f"{digest}.{ext}"
        if target.exists() and target.stat().st_size == len(data):
            return
        try:
            fd, tmp = tempfile.mkstemp(dir=self.inbox, prefix=".incoming-")
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(data)
                    handle.flush()
                    os.fsync(handle.fileno())
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            _fsync_dir(self.inbox)
        except OSError as exc:
            raise StoreError(
                f"There is no room to keep a copy of the file ({exc.strerror or exc}).",
                detail=str(exc),
            ) from exc

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
        with self._lock:
            row = self._db.execute("SELECT * FROM items WHERE id=?", (item_id,)).fetchone()
        if row is None:
            raise KeyError(item_id)
        return item_from_row(row)

    def items(self, *, include_archived: bool = False) -> list[QueueItem]:
        """Every item in the order it was dropped."""
        query = "SELECT * FROM items" + ("" if include_archived else " WHERE archived=0")
        with self._lock:
            rows = self._db.execute(query + " ORDER BY id").fetchall()
        return [item_from_row(r) for r in rows]

    def active(self, account: str) -> list[QueueItem]:
        """Items queued for ``account`` that the engine still has to work on."""
        marks = ",".join("?" * len(ACTIVE_STATES))
        with self._lock:
            rows = self._db.execute(
                f"SELECT * FROM items WHERE account=? AND state IN ({marks}) ORDER BY id",
                (account, *[s.value for s in ACTIVE_STATES]),
            ).fetchall()
        return [item_from_row(r) for r in rows]

    # ------------------------------------------------------------------ changing items

    def update(self, item_id: int, **fields: Any) -> QueueItem:
        """Change columns of one item (values in their Python form) and return it."""
        if not fields:
            return self.get(item_id)
        columns = []
        values: list[Any] = []
        for key, value in fields.items():
            if key not in UPDATABLE:
                raise TypeError(f"not an updatable item field: {key}")
            columns.append(f"{key}=?")
            values.append(to_db(value))
        columns.append("updated_at=?")
        values.append(self._clock())
        with self._tx() as db:
            db.execute(f"UPDATE items SET {', '.join(columns)} WHERE id=?", (*values, item_id))
        return self.get(item_id)

    def enqueue(self, item_id: int, account: str, allow_uris: Sequence[str] = ()) -> QueueItem:
        """Queue an item for ``account`` (no-op for one already uploaded or in flight)."""
        item = self.get(item_id)
        if item.state in (ItemState.UPLOADING, ItemState.FILE_UPLOADED, ItemState.UPLOADED):
            return item
        return self.update(
            item_id, state=ItemState.QUEUED, account=account, allow_uris=tuple(allow_uris),
            error=None, attempts=0, next_attempt_at=0.0,
        )  # fmt: skip

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
        if not others:
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
        self, attempt_id: int, outcome: Outcome, uris: Sequence[str] = (), error: str | None = None
    ) -> None:
        """Close (or, for :attr:`Outcome.UNKNOWN`, annotate) a ledger row."""
        completed = None if outcome == Outcome.UNKNOWN else self._clock()
        with self._tx() as db:
            db.execute(
                "UPDATE ledger SET completed_at=?, outcome=?, uris=?, error=? WHERE id=?",
                (completed, outcome.value, json.dumps(list(uris)), error, attempt_id),
            )

    def open_attempts(self, item_id: int) -> list[Attempt]:
        """Ledger rows of an item whose outcome is not known yet (crash, lost answer)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM ledger WHERE item_id=? AND completed_at IS NULL ORDER BY id",
                (item_id,),
            ).fetchall()
        return [attempt_from_row(r) for r in rows]

    def attempts(self, item_id: int) -> list[Attempt]:
        """Every ledger row of an item, oldest first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM ledger WHERE item_id=? ORDER BY id", (item_id,)
            ).fetchall()
        return [attempt_from_row(r) for r in rows]

    def uploaded_before(self, account: str, sha256: str) -> Attempt | None:
        """The ledger row of an earlier upload of the same bytes to ``account``, if any."""
        with self._lock:
            row = self._db.execute(
                "SELECT * FROM ledger WHERE account=? AND sha256=? AND outcome IN (?, ?) "
                "ORDER BY id LIMIT 1",
                (account, sha256, Outcome.STORED.value, Outcome.FOUND.value),
            ).fetchone()
        return attempt_from_row(row) if row is not None else None
