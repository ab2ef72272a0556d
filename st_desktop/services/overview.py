"""The overview of an account: training totals, how complete they are, gear and body metrics.

:class:`OverviewService` is what the overview views call on workers. Totals come from the local
workout cache only (read in chunks, cancellable), so they show offline and at once; how complete
they are is judged against the workout counts the service reports, remembered for offline use.
Gear and health metrics go through ``st_desktop.api.gear`` / ``st_desktop.api.metrics``, and
every answer is kept in the cache's per-account ``meta`` values, so both read offline too.

Every method blocks (SQLite, network): run it on a worker. Steps that need the network raise
:class:`~st_desktop.errors.AuthError` ("Sign in ...") for an account without a client.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from st_desktop.api import gear as gear_api
from st_desktop.api import metrics as metrics_api
from st_desktop.domain.gear import Gear
from st_desktop.domain.metrics import HealthMetrics, MetricPoint
from st_desktop.domain.totals import Entry
from st_desktop.errors import StDesktopError
from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.overview_results import (
    AssignResult,
    Completeness,
    Digest,
    GearList,
    MetricsSnapshot,
    entry_from_row,
)
from st_desktop.store.cache import WorkoutCache, WorkoutQuery

__all__ = [
    "AssignResult",
    "Completeness",
    "Digest",
    "GearList",
    "MetricsSnapshot",
    "OverviewService",
    "entry_from_row",
]

log = logging.getLogger(__name__)

GEAR_KEY = "overview.gear"
METRICS_KEY = "overview.metrics"
COUNTS_KEY = "overview.counts"
#: Cached workouts read per query while summing (bounded memory per step, cancellable between).
CHUNK = 5000

_NEWEST_FIRST = WorkoutQuery(sort="start", descending=True)
_OLDEST_FIRST = WorkoutQuery(sort="start", descending=False)


# ----------------------------------------------------------------------------- the service


class OverviewService:
    """Totals, completeness, gear and metrics of an account, offline first.

    Args:
        cache: the offline workout cache (its public methods only).
        chunk: cached workouts read per query while summing.
        clock: epoch seconds now (stamps what was fetched when).
    """

    def __init__(
        self, cache: WorkoutCache, *, chunk: int = CHUNK, clock: Callable[[], float] = time.time
    ) -> None:
        self.cache = cache
        self._chunk = chunk
        self._clock = clock
        self._gear_lock = threading.Lock()  # read-modify-write of the cached gear list

    # -- totals -----------------------------------------------------------------------------

    def digest(self, context: TaskContext, account_key: str) -> Digest:
        """Every cached workout of the account as an :class:`Entry`, read in chunks.

        A workout that moved between two chunks (a sync wrote meanwhile) is counted once.
        Where the cache offers compact rows (``WorkoutCache.rows``, keyset paging), they are
        read without parsing each summary; otherwise :meth:`WorkoutCache.page` is used.
        """
        rows = getattr(self.cache, "rows", None)
        if callable(rows):
            return Digest.of(self._entries_from_rows(context, account_key, rows).values())
        found: dict[str, Entry] = {}
        offset = 0
        while True:
            context.check()
            summaries = self.cache.page(account_key, _NEWEST_FIRST, offset, self._chunk)
            for summary in summaries:
                item = Entry.from_summary(summary)
                if item is not None:
                    found.setdefault(item.id, item)
            offset += len(summaries)
            if len(summaries) < self._chunk:
                break
        return Digest.of(found.values())

    def _entries_from_rows(
        self, context: TaskContext, account_key: str, rows: Callable[..., list[Any]]
    ) -> dict[str, Entry]:
        found: dict[str, Entry] = {}
        after = None
        while True:
            context.check()
            chunk = rows(account_key, _NEWEST_FIRST, self._chunk, after=after)
            for row in chunk:
                item = entry_from_row(row)
                if item is not None:
                    found.setdefault(item.id, item)
            if len(chunk) < self._chunk:
                return found
            after = chunk[-1].key

    def completeness(self, account_key: str) -> Completeness:
        """How complete the cache is, from the cache and the counts last read (offline)."""
        cached = self.cache.count(account_key)
        oldest_rows = self.cache.page(account_key, _OLDEST_FIRST, 0, 1) if cached else []
        oldest = oldest_rows[0].start_time if oldest_rows else None
        stored = self._read_json(account_key, COUNTS_KEY)
        if not isinstance(stored, Mapping):
            return Completeness(cached, oldest)
        total = stored.get("total")
        since = stored.get("since_oldest")
        same_span = oldest is not None and stored.get("oldest") == oldest.timestamp()
        return Completeness(
            cached,
            oldest,
            total if isinstance(total, int) else None,
            since if isinstance(since, int) and same_span else None,
            stored.get("checked_at") if isinstance(stored.get("checked_at"), float) else None,
        )

    def check_completeness(self, account: Account) -> Completeness:
        """Ask the service how many workouts the account has (in all, and since the oldest
        cached one), remember the answer, and return the completeness."""
        client = account.require_client()
        before = self.completeness(account.key)
        total = client.list_workouts(0, 1).total
        since = None
        if before.oldest is not None:
            since = client.list_workouts(0, 1, no_earlier_than=before.oldest).total
        counts = {
            "total": total,
            "since_oldest": since,
            "oldest": before.oldest.timestamp() if before.oldest is not None else None,
            "checked_at": float(self._clock()),
        }
        self.cache.set_meta(account.key, COUNTS_KEY, json.dumps(counts))
        return self.completeness(account.key)

    # -- gear -------------------------------------------------------------------------------

    def cached_gear(self, account_key: str) -> GearList:
        """The gear as last read from the service (offline; empty when never read)."""
        stored = self._read_json(account_key, GEAR_KEY)
        if not isinstance(stored, Mapping) or not isinstance(stored.get("items"), list):
            return GearList()
        items = tuple(Gear.from_json(raw) for raw in stored["items"] if isinstance(raw, Mapping))
        fetched = stored.get("fetched_at")
        return GearList(items, float(fetched) if isinstance(fetched, int | float) else None)

    def refresh_gear(self, account: Account) -> GearList:
        """Read every gear item from the service and keep them for offline reading."""
        items = gear_api.get_all_gear(account.require_client())
        with self._gear_lock:
            return self._store_gear(account.key, items)

    def save_gear(self, account: Account, item: Gear) -> Gear:
        """Save an item's edits and link changes (read-modify-write of the whole object)."""
        saved = gear_api.update_gear(account.require_client(), item)
        self._remember(account.key, saved)
        log.info("saved gear %s", saved.id)
        return saved

    def set_retired(self, account: Account, item: Gear, retired: bool = True) -> Gear:
        """Retire an item (or bring it back into use)."""
        return self.save_gear(account, item.with_changes(retired=retired))

    def create_gear(self, account: Account, body: Mapping[str, Any]) -> Gear:
        """Create an item (see ``domain.gear.new_gear``); it as the service stored it."""
        client = account.require_client()
        uri = gear_api.create_gear(client, body)
        created = gear_api.get_gear(client, uri)
        self._remember(account.key, created)
        return created

    def assign(
        self,
        context: TaskContext,
        account: Account,
        workouts: Sequence[str],
        link: Sequence[str] = (),
        unlink: Sequence[str] = (),
    ) -> AssignResult:
        """Link some workouts to some gear items and unlink them from others.

        Each item is saved once, with every workout's link change (read-modify-write, so links
        another client made meanwhile survive); one item failing stops no other.

        Args:
            context: cancellable between items.
            account: the signed-in account.
            workouts: workout ids or uris.
            link, unlink: gear uris or ids.
        """
        client = account.require_client()
        result = AssignResult()
        changes = [(uri, True) for uri in link] + [(uri, False) for uri in unlink]
        for number, (uri, linked) in enumerate(changes, 1):
            context.check()
            try:
                item = gear_api.get_gear(client, uri)
                for workout in workouts:
                    item = item.with_activity(workout, linked)
                saved = gear_api.update_gear(client, item)
            except StDesktopError as exc:
                result.failures.append(exc.user_message)
            else:
                self._remember(account.key, saved)
                result.saved.append(saved)
            context.progress(number, len(changes), "Saving gear")
        return result

    def _remember(self, account_key: str, saved: Gear) -> None:
        with self._gear_lock:
            current = self.cached_gear(account_key)
            items = list(current.items)
            for index, item in enumerate(items):
                if item.id == saved.id:
                    items[index] = saved
                    break
            else:
                items.append(saved)
            self._store_gear(account_key, items, current.fetched_at)

    def _store_gear(
        self, account_key: str, items: Sequence[Gear], fetched_at: float | None = None
    ) -> GearList:
        when = float(self._clock()) if fetched_at is None else fetched_at
        document = {"fetched_at": when, "items": [dict(item.raw) for item in items]}
        self.cache.set_meta(account_key, GEAR_KEY, json.dumps(document))
        return GearList(tuple(Gear.from_json(item.raw) for item in items), when)

    # -- metrics ----------------------------------------------------------------------------

    def cached_metrics(self, account_key: str) -> MetricsSnapshot:
        """The health metrics as last read (offline; empty when never read)."""
        stored = self._read_json(account_key, METRICS_KEY)
        if not isinstance(stored, Mapping):
            return MetricsSnapshot()
        fetched = stored.get("fetched_at")
        return MetricsSnapshot(
            HealthMetrics.from_json(stored.get("series")),
            float(fetched) if isinstance(fetched, int | float) else None,
        )

    def refresh_metrics(self, account: Account) -> MetricsSnapshot:
        """Read every health metric from the service and keep them for offline reading."""
        metrics = metrics_api.get_metrics(account.require_client())
        series = {
            metric: [[point.wire_timestamp(), point.value] for point in points]
            for metric, points in metrics.series.items()
        }
        when = float(self._clock())
        document = {"fetched_at": when, "series": series}
        self.cache.set_meta(account.key, METRICS_KEY, json.dumps(document))
        return MetricsSnapshot(metrics, when)

    def write_points(self, account: Account, points: Sequence[MetricPoint]) -> MetricsSnapshot:
        """Upsert (value None: delete) points in one atomic request, then read them back."""
        metrics_api.upsert_metrics(account.require_client(), points)
        return self.refresh_metrics(account)

    def edit_point(self, account: Account, old: MetricPoint, new: MetricPoint) -> MetricsSnapshot:
        """Replace one point; moved to another time (or metric), the old one goes in the same
        atomic request, so the account never holds both or neither."""
        same = old.metric == new.metric and old.wire_timestamp() == new.wire_timestamp()
        removal = [] if same else [MetricPoint(old.metric, old.timestamp, None)]
        return self.write_points(account, [*removal, new])

    def delete_point(self, account: Account, point: MetricPoint) -> MetricsSnapshot:
        """Delete one point (the service's ``null`` upsert)."""
        return self.write_points(account, [MetricPoint(point.metric, point.timestamp, None)])

    # -- helpers ----------------------------------------------------------------------------

    def _read_json(self, account_key: str, key: str) -> Any:
        text = self.cache.get_meta(account_key, key)
        if text is None:
            return None
        try:
            return json.loads(text)
        except ValueError:
            log.warning("cached %s of an account is unreadable; it is read again", key)
            return None
