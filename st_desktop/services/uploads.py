"""The upload queue as the upload pane uses it: read drops, check duplicates, queue, upload.

:class:`UploadService` strings together the intake (:mod:`.intake`), the duplicate check
(:mod:`.upload_checks`), the persistent queue (:class:`~st_desktop.store.uploads.UploadStore`)
and the engine (:mod:`.upload_engine`). Every method blocks (files, SQLite, network): the pane
runs them on workers and only moves rows on the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from st_desktop.store.cache import WorkoutCache
from st_desktop.store.uploads import ItemState, QueueItem, UploadStore

# The parsers (numpy, lxml), the API client (requests, keyring) and the engine load on first
# use, on a worker: the window's start builds this service but needs none of them.
if TYPE_CHECKING:
    from st_desktop.domain.activity import Activity
    from st_desktop.parsers.privacy import Hidden, PrivacyZone
    from st_desktop.progress import TaskContext
    from st_desktop.services.account import Account
    from st_desktop.services.fixes import Replacement
    from st_desktop.services.intake import Ingested, Skipped, Source
    from st_desktop.services.upload_checks import DuplicateCheck
    from st_desktop.services.upload_engine import RunReport

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
        from st_desktop.services.intake import expand

        return expand(list(paths))

    def ingest(self, source: Source) -> Ingested:
        """Copy one file into the queue (durable first), then parse it."""
        from st_desktop.services.intake import ingest

        return ingest(self.store, source)

    def reread(self, item: QueueItem) -> Ingested:
        """Parse a queued file again (after a restart)."""
        from st_desktop.services.intake import parse_item

        return parse_item(self.store, item)

    def activity(self, item_id: int) -> Activity:
        """The whole activity of a queued file (read again: rows keep only a preview)."""
        from st_desktop.services.fixes import load_activity

        return load_activity(self.store, self.store.get(item_id))

    # -- fixing files before upload ---------------------------------------------------------

    def shift_start(self, item_id: int, new_start: datetime) -> Replacement:
        """Move the file's start (every sample moves with it)."""
        from st_desktop.parsers import edit
        from st_desktop.services.fixes import load_activity, replace_items

        item = self.store.get(item_id)
        moved = edit.shift_start(load_activity(self.store, item), new_start)
        return replace_items(self.store, [item], [moved], ["new start"])

    def trim(self, item_id: int, begin: float, end: float) -> Replacement:
        """Keep only ``begin``..``end`` seconds of the file."""
        from st_desktop.parsers import edit
        from st_desktop.services.fixes import load_activity, replace_items

        item = self.store.get(item_id)
        kept = edit.trim(load_activity(self.store, item), begin, end)
        return replace_items(self.store, [item], [kept], ["trimmed"])

    def split(self, item_id: int, cuts: Sequence[float] | None = None) -> Replacement:
        """Cut the file at ``cuts`` (seconds), or where it looks like several (None)."""
        from st_desktop.parsers import edit
        from st_desktop.services.fixes import load_activity, replace_items

        item = self.store.get(item_id)
        whole = load_activity(self.store, item)
        pieces = edit.split_at(whole, edit.split_points(whole) if cuts is None else cuts)
        if len(pieces) < 2:
            raise edit.EditError("There is nothing to split here: choose where to cut.")
        labels = [f"{n} of {len(pieces)}" for n in range(1, len(pieces) + 1)]
        return replace_items(self.store, [item], pieces, labels)

    def split_by_sport(self, item_id: int) -> Replacement:
        """One file per sport of a multi-sport recording."""
        from st_desktop.parsers import edit
        from st_desktop.services.fixes import load_activity, replace_items

        item = self.store.get(item_id)
        legs = edit.split_by_sport(load_activity(self.store, item))
        if len(legs) < 2:
            raise edit.EditError("This recording holds only one sport.")
        return replace_items(self.store, [item], legs, [leg.sport.split(":")[0] for leg in legs])

    def merge(self, item_ids: Sequence[int]) -> Replacement:
        """Join back-to-back recordings of one sport into one file."""
        from st_desktop.parsers import edit
        from st_desktop.services.fixes import load_activity, replace_items

        items = [self.store.get(i) for i in item_ids]
        activities = [load_activity(self.store, item) for item in items]
        order = sorted(range(len(items)), key=lambda i: activities[i].start_time)
        items = [items[i] for i in order]
        merged = edit.merge([activities[i] for i in order])
        return replace_items(self.store, items, [merged], [f"{len(items)} joined"])

    def hide_private_places(
        self, item_id: int, zones: Sequence[PrivacyZone]
    ) -> tuple[Replacement | None, Hidden]:
        """Before upload: drop the positions near home (the privacy zones) at start and end."""
        from st_desktop.services.fixes import hide_private_places

        return hide_private_places(self.store, self.store.get(item_id), zones)

    def items(self) -> list[QueueItem]:
        """The queue as the last session left it, in drop order."""
        return self.store.items()

    def check(self, item_id: int, account: Account | None) -> DuplicateCheck:
        """Look for the file in the ledger, the cache and (signed in) the account."""
        from st_desktop.services.upload_checks import check_duplicates

        client = account.client if account is not None else None
        key = account.key if account is not None else None
        return check_duplicates(self.store, key, self.store.get(item_id), client, self.cache)

    # -- the user's decisions ---------------------------------------------------------------

    def save_edits(
        self,
        item_id: int,
        name: str | None,
        type_: str | None,
        notes: str | None,
        suggested_name: str | None = None,
    ) -> QueueItem:
        """Keep the name, type and notes a file is uploaded with.

        Args:
            item_id: the queue item.
            name, type_, notes: the user's values (empty: as the file says).
            suggested_name: the name it gets when neither the user nor the file names it,
                following a new type ("Morning Run" after "Running" was picked); None keeps
                the one stored.
        """
        fields: dict[str, object] = {"name": name or None, "type": type_ or None, "notes": notes}
        if suggested_name:
            fields["suggested_name"] = suggested_name
        return self.store.update(item_id, **fields)

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
        backoff: Backoff | None = None,
        listener: Callable[[QueueItem], None] | None = None,
        on_step: Callable[[QueueItem, str], None] | None = None,
        zones: Sequence[PrivacyZone] = (),
    ) -> RunReport:
        """Upload every queued item of ``account`` that is due, until done or cancelled.

        Items queued while signed out are given to this account first. With privacy ``zones``,
        the positions within them at the start and end of a file are not sent (the file goes
        as our FIT without them).
        """
        from st_desktop.services.upload_engine import UploadEngine, backoff_delay

        client = account.require_client()
        for item in self.store.items():
            if item.state == ItemState.QUEUED and item.account is None:
                self.store.enqueue(item.id, account.key)
        engine = UploadEngine(
            self.store,
            client,
            account.key,
            backoff=backoff or backoff_delay,
            listener=listener,
            on_step=on_step,
            zones=zones,
        )
        return engine.run(should_stop=lambda: context.cancelled)
