"""Readable file names for exported workouts, safe on Windows, macOS and Linux.

``2026-11-15_1027_Cycling_Morning-Ride.fit``: the local start date and time, the type's category
and the workout's name. Names are made safe for every system at once:

* letters and digits of any script are kept (composed to NFC, as macOS stores names in another
  form); spaces become ``-``, and so does anything else between words: characters Windows
  forbids (``<>:"/\\|?*``), other punctuation and symbols, emoji; ``-_.,()+&'!`` are kept;
* control and invisible format characters (bidi overrides, zero-width joiners) are dropped;
* no name starts or ends with a dot, space or dash, so ``..`` and trailing dots (which Windows
  strips) cannot occur, and a name is never one of Windows' reserved device names (``CON``,
  ``NUL``, ``COM1`` ...);
* a name is at most :data:`MAX_LENGTH` characters and :data:`MAX_BYTES` bytes of UTF-8 (file
  systems count bytes: 255 on Linux), cut at a character, never inside the date or extension;
* :class:`FileNamer` makes names unique in a folder, comparing them as case-insensitive file
  systems do, by adding ``-2``, ``-3`` ... before the extension.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from st_desktop.domain.activity import Activity
from st_desktop.domain.types import parse_type
from st_desktop.domain.workout import Workout, WorkoutSummary

MAX_LENGTH = 120
MAX_BYTES = 240

_KEPT_PUNCTUATION = frozenset("-_.,()+&'!")
_DROPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{name}{n}" for name in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
_DASHES = re.compile(r"-{2,}")
_DOTS = re.compile(r"\.{2,}")
_EDGES = "-._ "


def sanitize_part(text: str | None) -> str:
    """``text`` made safe as part of a file name ("" when nothing is left); see the module."""
    if not text:
        return ""
    out: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char.isspace():
            if out and out[-1] != "-":
                out.append("-")
            continue
        category = unicodedata.category(char)
        if category in _DROPPED_CATEGORIES:
            continue
        if category[0] in "LN" or char in _KEPT_PUNCTUATION:
            out.append(char)
        elif category[0] == "M":
            # A combining mark only means something on the letter before it (an emoji's
            # variation selector, whose emoji is gone, would stand alone).
            if out and unicodedata.category(out[-1])[0] in "LNM":
                out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    cleaned = _DOTS.sub(".", _DASHES.sub("-", "".join(out)))
    return cleaned.strip(_EDGES)


def _extension(extension: str) -> str:
    clean = sanitize_part(extension.lstrip(".")).lower()
    return f".{clean}" if clean else ""


def safe_file_name(stem: str, extension: str = "") -> str:
    """A file name from free text: sanitised, never reserved or empty, within the limits.

    >>> safe_file_name("Run / Walk: 5 km?", "tcx")
    'Run-Walk-5-km.tcx'
    """
    ext = _extension(extension)
    clean = sanitize_part(stem) or "workout"
    budget_chars = MAX_LENGTH - len(ext)
    budget_bytes = MAX_BYTES - len(ext.encode("utf-8"))
    clean = _truncate(clean, budget_chars, budget_bytes)
    base, dot, rest = clean.partition(".")
    if base.upper() in _RESERVED:
        # Windows reserves the device name whatever follows its first dot ("CON.tar.gz").
        clean = f"{base}_{dot}{rest}"
    return clean + ext


def _truncate(text: str, chars: int, byte_budget: int) -> str:
    """``text`` cut to at most ``chars`` characters and ``byte_budget`` UTF-8 bytes."""
    cut = text[:chars]
    while len(cut.encode("utf-8")) > byte_budget:
        cut = cut[:-1]
    return cut.rstrip(_EDGES) or text[:1]


def export_file_name(
    start: datetime | None, sport: str | None, name: str | None, extension: str
) -> str:
    """``2026-11-15_1027_Cycling_Morning-Ride.fit`` (see the module docstring).

    Args:
        start: the workout's start, in its own UTC offset (the date and time shown are local).
        sport: SportTracks type; only its category is used.
        name: the workout's name; left out when empty (or nothing of it is safe).
        extension: "fit", ".tcx" ...
    """
    parts = []
    if start is not None:
        parts.append(start.strftime("%Y-%m-%d_%H%M"))
    parts.append(sanitize_part(parse_type(sport).category) or "Other")
    prefix = "_".join(parts)
    ext = _extension(extension)
    title = sanitize_part(name)
    if title:
        room = MAX_LENGTH - len(ext) - len(prefix) - 1
        byte_room = MAX_BYTES - len(ext.encode()) - len(prefix.encode()) - 1
        title = _truncate(title, room, byte_room) if room > 0 and byte_room > 0 else ""
    return safe_file_name(f"{prefix}_{title}" if title else prefix, ext)


def activity_file_name(activity: Activity, extension: str) -> str:
    """:func:`export_file_name` of an activity (a parsed file or a converted workout)."""
    return export_file_name(activity.start_time, activity.sport, activity.name, extension)


def workout_file_name(workout: Workout | WorkoutSummary, extension: str) -> str:
    """:func:`export_file_name` of a workout or list item."""
    return export_file_name(workout.start_time, workout.type, workout.name, extension)


def _key(name: str) -> str:
    """How case-insensitive file systems compare names (Windows, macOS by default)."""
    return unicodedata.normalize("NFC", name).casefold()


class FileNamer:
    """Hands out file names that are unique in one folder.

    Args:
        taken: names already used there (e.g. ``os.listdir(folder)``).
    """

    def __init__(self, taken: Iterable[str] = ()) -> None:
        self._taken = {_key(name) for name in taken}

    @classmethod
    def for_directory(cls, folder: str | Path) -> FileNamer:
        """A namer that avoids the names of the files already in ``folder`` (if it exists)."""
        path = Path(folder)
        return cls(os.listdir(path) if path.is_dir() else ())

    def claim(self, file_name: str) -> str:
        """``file_name``, or with ``-2``, ``-3`` ... before its extension if taken; then taken."""
        stem, dot, ext = file_name.rpartition(".")
        if not dot:
            stem, ext = file_name, ""
        suffix = f".{ext}" if dot else ""
        candidate = file_name
        number = 1
        while _key(candidate) in self._taken:
            number += 1
            candidate = f"{stem}-{number}{suffix}"
        self._taken.add(_key(candidate))
        return candidate

    def name_for(self, activity: Activity, extension: str) -> str:
        """A unique :func:`activity_file_name`."""
        return self.claim(activity_file_name(activity, extension))

    def name_for_workout(self, workout: Workout | WorkoutSummary, extension: str) -> str:
        """A unique :func:`workout_file_name`."""
        return self.claim(workout_file_name(workout, extension))
