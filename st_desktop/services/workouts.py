"""The workouts of an account: sync, detail, edits, create, delete to the local trash and restore.

:class:`WorkoutService` is what the panes call (on workers); the network and cache steps are
plain functions here and in :mod:`.sync` and :mod:`.detail`. Steps over several workouts never
stop at the first failure: each failure becomes a sentence of the :class:`BatchResult`.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from st_desktop.domain.workout import Workout, WorkoutSummary, workout_id
from st_desktop.errors import NotFoundError, StDesktopError
from st_desktop.progress import TaskContext
from st_desktop.services import detail, sync
from st_desktop.services.account import Account
from st_desktop.services.bulk_edit import (
    BulkChanges,
    BulkResult,
    Edited,
    bulk_edit,
    undo_bulk_edit,
)
from st_desktop.store.cache import WorkoutCache, WorkoutQuery

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient

log = logging.getLogger(__name__)

#: Keys the service sets itself; a re-created workout must not carry the old ones.
_SERVER_KEYS = ("uri", "activity")


T = TypeVar("T")


@dataclass(frozen=True)
class Trashed:
    """A workout deleted from the account and kept in the local trash."""

    trash_id: int
    old_id: str
    name: str


@dataclass(frozen=True)
class Restored:
    """A trashed workout created again (the service gives it a new id)."""

    trash_id: int
    old_id: str
    new_id: str
    name: str


@dataclass
class BatchResult:
    """Outcome of a step over several workouts: what worked and one sentence per failure."""

    done: list[object] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def each_workout(
    context: TaskContext, items: Sequence[T], what: str, step: Callable[[T], object]
) -> BatchResult:
    """Run ``step`` on each item; a failure is one sentence and stops no other item.

    Args:
        context: cancellation and progress ("Deleting workouts 3 of 12").
        items: the uris (or ids) to go through.
        what: the progress text.
        step: the work for one item; its result goes to ``done``.
    """
    result = BatchResult()
    for number, item in enumerate(items, 1):
        context.check()
        try:
            result.done.append(step(item))
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
        context.progress(number, len(items), what)
    return result


def fetch_into_cache(
    client: SportTracksClient, cache: WorkoutCache, account: str, id_or_uri: str
) -> Workout:
    """GET a full workout and keep it in the cache."""
    workout = client.get_workout(id_or_uri)
    cache.put_detail(account, workout)
    return workout


def fetch_many(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    uris: Sequence[str],
) -> BatchResult:
    """Bring several workouts (e.g. just uploaded) into the cache."""
    return each_workout(
        context, uris, "Loading new workouts", partial(fetch_into_cache, client, cache, account)
    )


def create_workout(
    client: SportTracksClient, cache: WorkoutCache, account: str, workout: Workout
) -> Workout:
    """POST a new workout, then read it back into the cache; returns it as the server has it."""
    uri = client.create_workout(workout)
    return fetch_into_cache(client, cache, account, uri)


def delete_workouts(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    uris: Sequence[str],
) -> BatchResult:
    """Delete workouts, each saved whole in the local trash first; one failure stops no other."""

    def delete(uri: str) -> Trashed:
        workout = client.get_workout(uri)
        trash_id = cache.trash_put(account, workout)
        with contextlib.suppress(NotFoundError):  # already gone: the cache must forget it too
            client.delete_workout(uri)
        cache.remove(account, [uri])
        return Trashed(trash_id, workout_id(uri), workout.name)

    return each_workout(context, uris, "Deleting workouts", delete)


def restore_workouts(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    trash_ids: Sequence[int],
) -> BatchResult:
    """Create trashed workouts again from their full JSON and take them out of the trash."""
    result = BatchResult()
    for trash_id in trash_ids:
        context.check()
        entry = cache.trash_get(account, trash_id)
        if entry is None:
            result.failures.append("A deleted workout is no longer in the local trash.")
            continue
        document = {k: v for k, v in entry.workout.to_json().items() if k not in _SERVER_KEYS}
        try:
            restored = create_workout(client, cache, account, Workout.from_json(document))
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
            continue
        cache.trash_remove(account, trash_id)
        result.done.append(Restored(trash_id, entry.old_id, restored.id or "", restored.name))
    return result


class WorkoutService:
    """The workouts of the signed-in account, for the browser and the detail editor.

    Every method blocks (network, SQLite): run it on a worker. ``account`` arguments are the
    :class:`Account` the account service handed out; steps that need the network raise
    :class:`~st_desktop.errors.AuthError` ("Sign in ...") for an account without a client.

    Args:
        cache: the offline workout cache.
    """

    def __init__(self, cache: WorkoutCache) -> None:
        self.cache = cache

    # -- the list ---------------------------------------------------------------------------

    def refresh_recent(self, context: TaskContext, account: Account) -> sync.SyncResult:
        """Read pages from the newest until one brings nothing new."""
        return sync.refresh_recent(context, account.require_client(), self.cache, account.key)

    def load_full_history(
        self, context: TaskContext, account: Account, page_size: int = sync.HISTORY_PAGE_SIZE
    ) -> sync.SyncResult:
        """Read every page of the account (progress reported, cancellable between pages)."""
        client = account.require_client()
        return sync.load_full_history(context, client, self.cache, account.key, page_size)

    def categories(self, account_key: str) -> list[str]:
        """Activity categories present in the cache (for the type filter)."""
        return self.cache.categories(account_key)

    def counts(self, account_key: str, query: WorkoutQuery) -> tuple[int, int]:
        """How many cached workouts match ``query``, and how many there are in all."""
        matching = self.cache.count(account_key, query)
        plain = query == WorkoutQuery(sort=query.sort, descending=query.descending)
        return matching, matching if plain else self.cache.count(account_key)

    def cached(self, account_key: str, query: WorkoutQuery, limit: int) -> list[WorkoutSummary]:
        """The first ``limit`` cached workouts matching ``query``."""
        return self.cache.page(account_key, query, 0, limit)

    # -- one workout ------------------------------------------------------------------------

    def load_detail(self, account: Account, uri: str, *, keep: bool = True) -> detail.Loaded:
        """The full workout from the server (kept in the cache unless ``keep`` is False: then
        :meth:`keep_detail` keeps it), or from the cache offline."""
        return detail.load_detail(account.client, self.cache, account.key, uri, keep=keep)

    def keep_detail(self, account: Account, workout: Workout) -> None:
        """Keep a workout loaded with ``keep=False`` in the cache."""
        detail.keep_detail(self.cache, account.key, workout)

    def save_edits(
        self,
        account: Account,
        base: Workout,
        edits: dict[str, object],
        *,
        overwrite: bool = False,
    ) -> detail.Saved | detail.Conflict:
        """Read-modify-write of the edited fields (see :func:`detail.save_edits`)."""
        client = account.require_client()
        return detail.save_edits(client, self.cache, account.key, base, edits, overwrite=overwrite)

    def create(self, account: Account, workout: Workout) -> Workout:
        """POST a new workout and read it back into the cache."""
        return create_workout(account.require_client(), self.cache, account.key, workout)

    # -- several workouts -------------------------------------------------------------------

    def fetch_many(
        self, context: TaskContext, account: Account, uris: Sequence[str]
    ) -> BatchResult:
        """Bring several workouts (e.g. just uploaded) into the cache."""
        return fetch_many(context, account.require_client(), self.cache, account.key, uris)

    def delete(self, context: TaskContext, account: Account, uris: Sequence[str]) -> BatchResult:
        """Delete workouts, each kept whole in the local trash first."""
        return delete_workouts(context, account.require_client(), self.cache, account.key, uris)

    def restore(
        self, context: TaskContext, account: Account, trash_ids: Sequence[int]
    ) -> BatchResult:
        """Create trashed workouts again and take them out of the trash."""
        client = account.require_client()
        return restore_workouts(context, client, self.cache, account.key, trash_ids)

    def edit_many(
        self, context: TaskContext, account: Account, uris: Sequence[str], changes: BulkChanges
    ) -> BulkResult:
        """Change type, privacy or notes of several workouts (what they held is kept)."""
        client = account.require_client()
        return bulk_edit(context, client, self.cache, account.key, uris, changes)

    def undo_edit_many(
        self, context: TaskContext, account: Account, edited: Sequence[Edited]
    ) -> BulkResult:
        """Put back what a bulk edit changed."""
        client = account.require_client()
        return undo_bulk_edit(context, client, self.cache, account.key, edited)
