"""Hands-free import, the parts beside the rules: the import queue, settings, notifications.

:class:`ImportQueue` hands files found by watchers to the upload list a batch at a time; the
watched folders and known devices are kept in settings as JSON (:func:`folders_from_json` ...);
:func:`batch_sentence` words the notification of a batch ("2 rides uploaded: ...").
Plain Python, no I/O.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from st_desktop.domain.naming import activity_noun, default_name
from st_desktop.domain.types import parse_type
from st_desktop.domain.units import format_distance
from st_desktop.services.autoimport import Candidate
from st_desktop.services.watch import WatchedFolder

log = logging.getLogger(__name__)

ANSWERS = ("auto", "list", "never")


@dataclass(frozen=True)
class KnownDevice:
    """A device seen before and what the user answered about it.

    Attributes:
        id: :attr:`Device.id`.
        name: shown in Preferences.
        vendor: shown in Preferences.
        answer: "auto" (upload its new activities), "list" (only add them to the list) or
            "never" (leave it alone).
    """

    id: str
    name: str
    vendor: str = ""
    answer: str = "auto"


def folders_from_json(text: str) -> list[WatchedFolder]:
    """The watched folders kept in settings (unreadable entries are skipped)."""
    folders = []
    for entry in _json_list(text):
        if isinstance(entry, dict) and isinstance(entry.get("path"), str) and entry["path"]:
            folders.append(WatchedFolder(Path(entry["path"]), bool(entry.get("auto", True))))
    return folders


def folders_to_json(folders: Iterable[WatchedFolder]) -> str:
    """Watched folders as settings keep them."""
    return json.dumps([{"path": str(f.path), "auto": f.auto} for f in folders])


def devices_from_json(text: str) -> list[KnownDevice]:
    """The known devices kept in settings (unreadable entries are skipped)."""
    devices = []
    for entry in _json_list(text):
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            answer = entry.get("answer") if entry.get("answer") in ANSWERS else "auto"
            devices.append(
                KnownDevice(
                    entry["id"],
                    str(entry.get("name") or entry["id"]),
                    str(entry.get("vendor") or ""),
                    str(answer),
                )
            )
    return devices


def devices_to_json(devices: Iterable[KnownDevice]) -> str:
    """Known devices as settings keep them."""
    return json.dumps([d.__dict__ for d in devices])


def _json_list(text: str) -> list[object]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        log.warning("a hands-free setting is not readable JSON; it is ignored")
        return []
    return value if isinstance(value, list) else []


class ImportQueue:
    """Files waiting to go into the upload list, handed out a batch at a time.

    Plain bookkeeping for one thread: the owner asks for :meth:`next_batch` whenever files
    have settled in the list, so at most ``window`` files are in flight (read, checked,
    uploading) and a rate-limited or offline upload makes the import wait instead of piling up.

    Args:
        batch_size: files per batch.
        window: files in flight at most.
    """

    def __init__(self, batch_size: int = 20, window: int = 40) -> None:
        self.batch_size = batch_size
        self.window = window
        self._waiting: deque[Candidate] = deque()
        self._queued: set[Path] = set()
        self.paused = False
        self.total = 0
        self.done = 0

    def __len__(self) -> int:
        return len(self._waiting)

    def add(self, candidates: Iterable[Candidate]) -> int:
        """Queue files (one already waiting is not queued twice); returns how many were added."""
        added = 0
        for candidate in candidates:
            if candidate.path not in self._queued:
                self._queued.add(candidate.path)
                self._waiting.append(candidate)
                added += 1
        self.total += added
        return added

    def next_batch(self, in_flight: int) -> list[Candidate]:
        """The next files to hand on, given how many are in flight (none while paused)."""
        if self.paused:
            return []
        room = min(self.batch_size, self.window - in_flight)
        batch = [self._waiting.popleft() for _ in range(min(room, len(self._waiting)))]
        self._queued.difference_update(c.path for c in batch)
        return batch

    def finished(self, count: int = 1) -> None:
        """``count`` files came to an end (settled in the list, skipped or unreadable)."""
        self.done = min(self.total, self.done + count)
        if self.done >= self.total and not self._waiting:
            self.total = self.done = 0  # the next files start a new count

    def cancel(self) -> list[Candidate]:
        """Drop the files still waiting; returns them."""
        dropped = list(self._waiting)
        self._waiting.clear()
        self._queued.clear()
        self.total = max(0, self.total - len(dropped))
        self.finished(0)
        return dropped


# ---------------------------------------------------------------------- the words of a batch


@dataclass(frozen=True)
class UploadedWorkout:
    """A workout a watcher uploaded, as a notification names it."""

    name: str | None
    sport: str
    start: datetime | None
    distance: float | None


def workout_label(workout: UploadedWorkout, units: str) -> str:
    """``Morning Ride 45.0 km`` (the name the file or the user gave it, else made up)."""
    name = workout.name or default_name(workout.start, workout.sport)
    distance = format_distance(workout.distance, units, decimals=1)
    return f"{name} {distance}" if distance else name


def batch_sentence(workouts: Sequence[UploadedWorkout], units: str, shown: int = 3) -> str:
    """``2 rides uploaded: Morning Ride 45.0 km, Evening Ride 20.1 km``."""
    categories = {parse_type(w.sport).category for w in workouts}
    noun = activity_noun(categories.pop()).lower() if len(categories) == 1 else "workout"
    if noun not in ("ride", "run", "walk", "swim"):
        noun = "workout"
    count = len(workouts)
    labels = [workout_label(w, units) for w in workouts[:shown]]
    more = f" and {count - shown} more" if count > shown else ""
    return f"{count} {noun}{'' if count == 1 else 's'} uploaded: {', '.join(labels)}{more}"
