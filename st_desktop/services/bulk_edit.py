"""Editing several workouts at once (type, privacy, notes appended), and undoing it.

Each workout is changed by read-modify-write like a single save, and what it held before is
kept, so Undo puts exactly those fields back. One failure stops no other workout.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from st_desktop.domain.workout import Workout
from st_desktop.errors import StDesktopError
from st_desktop.progress import TaskContext
from st_desktop.store.cache import WorkoutCache

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BulkChanges:
    """What to change in every selected workout (None or "": leave it as it is).

    Attributes:
        type: the new activity type ("Cycling: Road").
        privacy: "public", "friends" or "private".
        notes_append: text added at the end of each workout's notes (on a new line).
    """

    type: str | None = None
    privacy: str | None = None
    notes_append: str = ""

    def __bool__(self) -> bool:
        return bool(self.type or self.privacy or self.notes_append.strip())

    def edits_for(self, workout: Workout) -> dict[str, Any]:
        """The fields of ``workout`` that change, with their new values."""
        edits: dict[str, Any] = {}
        if self.type and self.type != workout.type:
            edits["type"] = self.type
        if self.privacy and self.privacy != (workout.privacy or "friends"):
            edits["privacy"] = self.privacy
        addition = self.notes_append.strip()
        if addition:
            edits["notes"] = f"{workout.notes.rstrip()}\n{addition}" if workout.notes else addition
        return edits


@dataclass(frozen=True)
class Edited:
    """A workout changed by a bulk edit, with what it held before (for Undo)."""

    uri: str
    name: str
    before: Mapping[str, Any]


@dataclass
class BulkResult:
    """What a bulk edit (or its undo) did."""

    edited: list[Edited] = field(default_factory=list)
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)


def bulk_edit(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    uris: Sequence[str],
    changes: BulkChanges,
) -> BulkResult:
    """Apply ``changes`` to every workout in ``uris`` (read-modify-write each)."""
    result = BulkResult()
    for number, uri in enumerate(uris, 1):
        context.check()
        try:
            current = client.get_workout(uri)
            edits = changes.edits_for(current)
            if edits:
                before = {key: _current_value(current, key) for key in edits}
                _write(client, cache, account, uri, current, edits)
                result.edited.append(Edited(uri, current.name or current.type, before))
            else:
                result.unchanged += 1
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
        context.progress(number, len(uris), "Editing workouts")
    return result


def undo_bulk_edit(
    context: TaskContext,
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    edited: Sequence[Edited],
) -> BulkResult:
    """Put back what each workout held before the bulk edit."""
    result = BulkResult()
    for number, item in enumerate(edited, 1):
        context.check()
        try:
            current = client.get_workout(item.uri)
            _write(client, cache, account, item.uri, current, dict(item.before))
            result.edited.append(item)
        except StDesktopError as exc:
            result.failures.append(exc.user_message)
        context.progress(number, len(edited), "Undoing the edit")
    return result


def _current_value(workout: Workout, key: str) -> Any:
    if key == "privacy":
        return workout.privacy or "friends"
    return getattr(workout, key)


def _write(
    client: SportTracksClient,
    cache: WorkoutCache,
    account: str,
    uri: str,
    current: Workout,
    edits: dict[str, Any],
) -> None:
    client.update_workout(uri, current.with_changes(**edits))
    cache.put_detail(account, client.get_workout(uri))
