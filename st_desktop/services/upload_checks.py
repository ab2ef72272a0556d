"""Is a queued file already in the account? The duplicate check run before an upload.

Looks in the ledger of files uploaded from this computer, the local workout cache and the
account itself (see :mod:`st_desktop.services.duplicates` for the rules and sentences).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.errors import ApiError
from st_desktop.services.duplicates import (
    Candidate,
    DuplicateMatch,
    find_duplicates,
    ledger_match,
    search_window,
)
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.store.uploads import QueueItem, UploadStore

if TYPE_CHECKING:
    from st_desktop.services.upload_engine import UploadClient

#: Pages of the account listed at most around a start time.
MAX_PAGES = 10
#: Cached workouts looked at at most around a start time.
MAX_CACHED = 500


@dataclass
class DuplicateCheck:
    """The outcome of :func:`check_duplicates`.

    Attributes:
        matches: why the file looks already uploaded, most convincing first.
        account_checked: whether the account itself was searched (False: offline or signed out).
        note: why the account could not be searched, when it could not.
    """

    matches: list[DuplicateMatch]
    account_checked: bool
    note: str | None = None


def check_duplicates(
    store: UploadStore,
    account: str | None,
    item: QueueItem,
    client: UploadClient | None = None,
    cache: WorkoutCache | None = None,
) -> DuplicateCheck:
    """Look for the item in the ledger of uploaded files, the local cache and the account.

    Network failures do not raise: the local answers are returned with a ``note``.
    """
    matches: list[DuplicateMatch] = []
    if account is not None:
        earlier = store.uploaded_before(account, item.sha256)
        if earlier is not None and earlier.item_id != item.id:
            uploaded = datetime.fromtimestamp(earlier.completed_at or earlier.started_at, UTC)
            matches.append(ledger_match(uploaded, list(earlier.uris)))
    if item.start_time is None:
        return DuplicateCheck(matches, False)
    low, high = search_window(item.start_time)
    candidates: list[Candidate] = []
    if cache is not None and account is not None:
        query = WorkoutQuery(date_from=low.date(), date_to=high.date())
        candidates += [
            c
            for s in cache.page(account, query, 0, MAX_CACHED)
            if (c := _candidate(s, "the local cache"))
        ]
    note: str | None = None
    checked = False
    if client is not None:
        try:
            for page in range(MAX_PAGES):
                result = client.list_workouts(page, 100, low, high)
                candidates += [c for s in result.items if (c := _candidate(s, "SportTracks"))]
                if not result.has_next or not result.items:
                    break
            checked = True
        except ApiError as exc:
            note = f"SportTracks could not be checked for this workout: {exc.user_message}"
    own = set(item.uris)
    candidates = [c for c in candidates if c.uri not in own]
    # An account hit explains better than the same workout found in the cache.
    candidates.sort(key=lambda c: c.where != "SportTracks")
    found = find_duplicates(item.start_time, item.distance, candidates)
    return DuplicateCheck(matches + found, checked, note)


def _candidate(summary: WorkoutSummary, where: str) -> Candidate | None:
    if summary.start_time is None:
        return None
    return Candidate(summary.uri, summary.name, summary.start_time, summary.total_distance, where)
