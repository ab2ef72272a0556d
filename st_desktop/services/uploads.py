"""The upload queue as the upload pane uses it: read drops, check duplicates, queue, upload.

:class:`UploadService` strings together the intake (:mod:`.intake`), the duplicate check
(:mod:`.upload_checks`), the persistent queue (:class:`~st_desktop.store.uploads.UploadStore`)
and the engine (:mod:`.upload_engine`). Every method blocks (files, SQLite, network): the pane
runs them on workers and only moves rows on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path

from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.intake import Ingested, Skipped, Source, expand, ingest, parse_item
from st_desktop.services.upload_checks import DuplicateCheck, check_duplicates
from st_desktop.services.upload_engine import RunReport, UploadEngine, backoff_delay
from st_desktop.store.cache import WorkoutCache
from st_desktop.store.uploads import ItemState, QueueItem, UploadStore

log = logging.getLogger(__name__)

Backoff = Callable[[int, float | None], float]


class UploadService:
    """Files dropped for upload, from the drop to the workout in the account.

    Args:
        store: the persistent upload queue and ledger.
        cache: the local workout cache, searched for duplicates (optional).
    """

    def __init__(self, store: UploadStore, cache: WorkoutCache | None = None) -> None:
        self.store = store
        self.cache = cache

    # -- reading files ----------------------------------------------------------------------

    @staticmethod
    def expand(paths: Sequence[Path]) -> list[Source | Skipped]:
        """Every activity file in dropped paths (folders and archives opened), in drop order."""
        return expand(list(paths))

    def ingest(self, source: Source) -> Ingested:
        """Copy one file into the queue (durable first), then parse it."""
        return ingest(self.store, source)

    def reread(self, item: QueueItem) -> Ingested:
        """Parse a queued file again (after a restart)."""
        return parse_item(self.store, item)

    def items(self) -> list[QueueItem]:
        """The queue as the last session left it, in drop order."""
        return self.store.items()

    def check(self, item_id: int, account: Account | None) -> DuplicateCheck:
        """Look for the file in the ledger, the cache and (signed in) the account."""
        client = account.client if account is not None else None
        key = account.key if account is not None else None
        return check_duplicates(self.store, key, self.store.get(item_id), client, self.cache)

    # -- the user's decisions ---------------------------------------------------------------

    def save_edits(
        self, item_id: int, name: str | None, type_: str | None, notes: str | None
    ) -> QueueItem:
        """Keep the name, type and notes a file is uploaded with."""
        return self.store.update(item_id, name=name or None, type=type_ or None, notes=notes)

    def decide(
        self,
        skip: Sequence[int],
        queue: Sequence[tuple[int, tuple[str, ...]]],
        account_key: str | None,
    ) -> None:
        """Record Skip for possible duplicates and queue the rest (for ``account_key``).

        Args:
            skip: items the user does not upload.
            queue: items to upload, each with the uris of workouts it may duplicate (chosen
                with Upload anyway, so the engine does not mistake them for an earlier try).
            account_key: the account they go to; None queues them for the next sign-in.
        """
        for item_id in skip:
            self.store.update(item_id, state=ItemState.SKIPPED)
        for item_id, allow in queue:
            if account_key is None:
                self.store.update(item_id, state=ItemState.QUEUED)
            else:
                self.store.enqueue(item_id, account_key, allow)

    def unqueue(self, item_ids: Sequence[int]) -> list[int]:
        """Take items still waiting back to the list (Cancel); returns those taken."""
        return self.store.unqueue(item_ids)

    def discard(self, item_id: int, uploaded: bool) -> None:
        """Forget a row: an uploaded one is archived (its ledger stays), another removed."""
        if uploaded:
            self.store.archive(item_id)
        else:
            self.store.remove(item_id)

    # -- uploading --------------------------------------------------------------------------

    def run(
        self,
        context: TaskContext,
        account: Account,
        *,
        backoff: Backoff = backoff_delay,
        listener: Callable[[QueueItem], None] | None = None,
        on_step: Callable[[QueueItem, str], None] | None = None,
    ) -> RunReport:
        """Upload every queued item of ``account`` that is due, until done or cancelled.

        Items queued while signed out are given to this account first.
        """
        client = account.require_client()
        for item in self.store.items():
            if item.state == ItemState.QUEUED and item.account is None:
                self.store.enqueue(item.id, account.key)
        engine = UploadEngine(
            self.store, client, account.key, backoff=backoff, listener=listener, on_step=on_step
        )
        return engine.run(should_stop=lambda: context.cancelled)
