"""Bringing the account's workout list into the cache (plain Python, run on the task runner).

The service lists workouts newest first and offers no "changed since" query, so a quick refresh
reads pages from the newest until a page brings nothing new, and "Load full history" reads them
all. Both count pages themselves (contract 2.5, 10) and prune cached workouts the server no
longer lists, but only inside the span of time they actually covered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from st_desktop.progress import TaskContext
from st_desktop.store.cache import WorkoutCache

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient

log = logging.getLogger(__name__)

RECENT_PAGE_SIZE = 50
RECENT_MAX_PAGES = 20
HISTORY_PAGE_SIZE = 100


@dataclass(frozen=True)
class SyncResult:
    """What a refresh did.

    Attributes:
        changed: workouts new or changed in the cache.
        removed: cached workouts the server no longer has.
        pages: list pages read.
        total: workouts in the account, as the service reported.
        complete: True when every page of the account was read.
    """

    changed: int
    removed: int
    pages: int
    total: int | None
    complete: bool


def refresh_recent(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    page_size: int = RECENT_PAGE_SIZE,
    max_pages: int = RECENT_MAX_PAGES,
) -> SyncResult:
    """Read pages from the newest until one brings nothing new (or ``max_pages``)."""
    return _sync(context, client, cache, account, page_size, max_pages, stop_when_known=True)


def load_full_history(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    page_size: int = HISTORY_PAGE_SIZE,
) -> SyncResult:
    """Read every page of the account, reporting progress; cancellable between pages."""
    return _sync(context, client, cache, account, page_size, None, stop_when_known=False)


def _sync(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    page_size: int,
    max_pages: int | None,
    *,
    stop_when_known: bool,
) -> SyncResult:
    seen: list[str] = []
    oldest: float | None = None
    changed = pages = 0
    total: int | None = None
    complete = False
    while max_pages is None or pages < max_pages:
        context.check()
        result = client.list_workouts(pages, page_size)
        pages += 1
        total = result.total if result.total is not None else total
        changed_here = cache.upsert_summaries(account, result.items)
        changed += changed_here
        for item in result.items:
            if item.id:
                seen.append(item.id)
            if item.start_time is not None:
                stamp = item.start_time.timestamp()
                oldest = stamp if oldest is None else min(oldest, stamp)
        expected_pages = -(-total // page_size) if total else 0
        context.progress(pages, expected_pages, "Loading workouts")
        if not result.has_next:
            complete = True
            break
        if stop_when_known and changed_here == 0:
            break
    context.check()  # a cancelled load must not prune what it did not see
    if complete:
        removed = cache.prune(account, seen)
    elif oldest is not None:
        removed = cache.prune(account, seen, since_utc=oldest)
    else:
        removed = 0
    log.info(
        "sync %s: %d page(s), %d changed, %d removed, complete=%s",
        account,
        pages,
        changed,
        removed,
        complete,
    )
    return SyncResult(changed, removed, pages, total, complete)
