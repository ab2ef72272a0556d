"""Loading one workout for the detail editor, and saving its edits (plain Python, on workers).

Saving is read-modify-write (DESIGN.md): GET the full workout, change only the edited fields,
PUT all of it back, so streams, laps and keys this app does not know survive. When the workout
changed on the server since it was loaded, :func:`save_edits` returns a :class:`Conflict` instead
of overwriting, unless the user said to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from st_desktop.domain.workout import Workout
from st_desktop.errors import OfflineError
from st_desktop.store.cache import WorkoutCache

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient
    from st_desktop.domain.track import Track


@dataclass(frozen=True)
class Loaded:
    """A workout ready to show.

    Attributes:
        workout: as the server (or, offline, the cache) has it.
        track: its streams aligned for the charts and the route.
        offline: True when it came from the cache because the server could not be reached.
    """

    workout: Workout
    track: Track
    offline: bool = False


@dataclass(frozen=True)
class Saved:
    """The save went through; ``workout`` is what the server now holds."""

    workout: Workout


@dataclass(frozen=True)
class Conflict:
    """The workout changed on the server since it was loaded; ``server`` is the new version."""

    server: Workout


def load_detail(
    client: SportTracksClient | None,
    cache: WorkoutCache,
    account: str,
    uri: str,
    *,
    keep: bool = True,
) -> Loaded:
    """The full workout from the server (kept in the cache), or from the cache when offline.

    With ``keep`` False the server's copy is not written to the cache here: the caller keeps it
    afterwards (:func:`keep_detail`), so the workout shows without waiting for the disk.

    Raises:
        OfflineError: offline and not cached.
    """
    from st_desktop.domain.track import Track  # numpy: loaded by the first workout shown

    if client is None:
        cached = cache.get_detail(account, uri)
        if cached is None:
            raise OfflineError("This workout is not on this computer yet; sign in to load it.")
        return Loaded(cached, Track.from_workout(cached), offline=True)
    try:
        workout = client.get_workout(uri)
    except OfflineError:
        # The copy on disk only when the server cannot be reached: decoding its samples would
        # delay every workout shown online.
        cached = cache.get_detail(account, uri)
        if cached is None:
            raise
        return Loaded(cached, Track.from_workout(cached), offline=True)
    if keep:
        cache.put_detail(account, workout)
    return Loaded(workout, Track.from_workout(workout))


def keep_detail(cache: WorkoutCache, account: str, workout: Workout) -> None:
    """Keep a workout loaded from the server in the cache (for offline use), unless it left
    the list meanwhile (deleted while it loaded)."""
    cache.put_detail(account, workout, only_if_listed=True)


def save_edits(
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    base: Workout,
    edits: Mapping[str, Any],
    *,
    overwrite: bool = False,
) -> Saved | Conflict:
    """Read the workout, apply ``edits`` (e.g. ``{"name": ...}``), write it all back.

    Args:
        base: the workout as it was when the user started editing.
        edits: editable fields and their new values.
        overwrite: save even if the server's copy differs from ``base``.
    """
    uri = base.uri or ""
    current = client.get_workout(uri)
    if not overwrite and current.to_json() != base.to_json():
        return Conflict(current)
    client.update_workout(uri, current.with_changes(**edits))
    # Read back what the server stored (it normalises some fields): the next save compares
    # against exactly that, so it never mistakes our own change for someone else's.
    stored = client.get_workout(uri)
    cache.put_detail(account, stored)
    return Saved(stored)
