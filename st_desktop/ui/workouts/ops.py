"""Network steps of the browser: create, delete to the local trash, restore, fetch (plain Python).

Each function runs on the task runner and returns plain data; the browser shows the outcome.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field

from st_desktop.api.client import SportTracksClient
from st_desktop.domain.workout import Workout, workout_id
from st_desktop.errors import NotFoundError, StDesktopError
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskContext

log = logging.getLogger(__name__)

#: Keys the service sets itself; a re-created workout must not carry the old ones.
_SERVER_KEYS = ("uri", "activity")


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
    result = BatchResult()
    for number, uri in enumerate(uris, 1):
        context.check()
        try:
            result.done.append(fetch_into_cache(client, cache, account, uri))
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
        context.progress(number, len(uris), "Loading new workouts")
    return result


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
    result = BatchResult()
    for number, uri in enumerate(uris, 1):
        context.check()
        try:
            workout = client.get_workout(uri)
            trash_id = cache.trash_put(account, workout)
            with contextlib.suppress(NotFoundError):  # already gone: the cache must forget it too
                client.delete_workout(uri)
            cache.remove(account, [uri])
            result.done.append(Trashed(trash_id, workout_id(uri), workout.name))
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
        context.progress(number, len(uris), "Deleting workouts")
    return result


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
