"""Workouts as the SportTracks API describes them (contract sections 2-4), in plain Python.

Units are the service's own: metres, seconds, m/s, bpm, rpm, watts and **kilojoules** for
``calories``. Reading is lenient (contract section 10): numbers may come as strings, a missing key
means "no data", timestamps go through :func:`~st_desktop.domain.timeutil.parse_timestamp`, lap and
activity types compare case-insensitively, and stream offsets that go backwards are put in order.

A :class:`Workout` keeps the exact JSON object it was read from. Because a PUT replaces the whole
workout, :meth:`Workout.to_json` gives that object back with only the fields changed through
:meth:`Workout.with_changes` rewritten: keys we do not model, key order and every value survive.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from st_desktop.domain.streams import STREAM_KEYS, Stream
from st_desktop.domain.timeutil import (
    TimestampError,
    format_timestamp,
    parse_timestamp,
    utc_offset_hours,
)
from st_desktop.domain.types import normalize_type
from st_desktop.domain.units import kj_to_kcal, lenient_float, lenient_int

__all__ = [
    "EDITABLE_FIELDS",
    "STREAM_KEYS",
    "Lap",
    "Stream",
    "TimerStop",
    "Workout",
    "WorkoutSummary",
    "workout_id",
]

#: Numeric scalar fields shared by list items and full workouts.
_STAT_KEYS: tuple[str, ...] = (
    "total_distance", "duration", "clock_duration", "calories", "elevation_gain",
    "elevation_loss", "avg_speed", "max_speed", "avg_heartrate", "max_heartrate",
    "avg_cadence", "max_cadence", "avg_power", "max_power",
)  # fmt: skip

#: Fields :meth:`Workout.with_changes` may edit.
EDITABLE_FIELDS = frozenset(
    {"name", "type", "notes", "privacy", "location_name", "start_time", "total_distance",
     "duration", "clock_duration", "calories"}
)  # fmt: skip


def workout_id(uri_or_id: str | int) -> str:
    """The workout id: the last path segment of its ``uri`` (or the id itself).

    >>> workout_id("https://api.sporttracks.mobi/api/v2/fitnessActivities/5522409")
    '5522409'
    """
    text = str(uri_or_id).strip().split("?", 1)[0].split("#", 1)[0].rstrip("/")
    return text.rsplit("/", 1)[-1]


def _time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_timestamp(value)
    except TimestampError:
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _stats(raw: Mapping[str, Any]) -> dict[str, Any]:
    stats: dict[str, Any] = {key: lenient_float(raw.get(key)) for key in _STAT_KEYS}
    stats.update(
        start_time=_time(raw.get("start_time")),
        type=normalize_type(_text(raw.get("type"))),
        name=_text(raw.get("name")) or "",
        user_id=lenient_int(raw.get("user_id")),
        uri=_text(raw.get("uri")),
    )
    return stats


# ----------------------------------------------------------------------------- laps, pauses


@dataclass(frozen=True, kw_only=True)
class _Figures:
    """Figures shared by workouts and laps (units as the service gives them; None = no data)."""

    duration: float | None = None
    clock_duration: float | None = None
    calories: float | None = None
    elevation_gain: float | None = None
    elevation_loss: float | None = None
    avg_speed: float | None = None
    max_speed: float | None = None
    avg_heartrate: float | None = None
    max_heartrate: float | None = None
    avg_cadence: float | None = None
    max_cadence: float | None = None
    avg_power: float | None = None
    max_power: float | None = None

    @property
    def calories_kcal(self) -> float | None:
        """``calories`` (which the service keeps in kJ) in kilocalories."""
        return None if self.calories is None else kj_to_kcal(self.calories)


@dataclass(frozen=True, kw_only=True)
class Lap(_Figures):
    """A lap (contract 3.4). ``type`` is lower-cased ("active", "rest")."""

    number: int | None = None
    type: str = ""
    start_time: datetime | None = None
    distance: float | None = None

    @property
    def is_rest(self) -> bool:
        """True for a rest lap, whatever case the service wrote it in."""
        return self.type == "rest"

    @classmethod
    def from_json(cls, raw: object) -> Lap | None:
        """Read one lap object leniently; None when it is not an object."""
        if not isinstance(raw, Mapping):
            return None
        numbers = {k: lenient_float(raw.get(k)) for k in _STAT_KEYS if k != "total_distance"}
        return cls(
            number=lenient_int(raw.get("number")),
            type=(_text(raw.get("type")) or "").strip().lower(),
            start_time=_time(raw.get("start_time")),
            distance=lenient_float(raw.get("distance")),
            **numbers,
        )


@dataclass(frozen=True)
class TimerStop:
    """A pause: the timer stopped at ``stopped_at`` and resumed at ``resumed_at``."""

    stopped_at: datetime
    resumed_at: datetime

    @property
    def seconds(self) -> float:
        """Length of the pause in seconds."""
        return (self.resumed_at - self.stopped_at).total_seconds()

    @classmethod
    def from_json(cls, raw: object) -> TimerStop | None:
        """Read a ``[stopped_at, resumed_at]`` pair; None when it is not one."""
        if not isinstance(raw, Sequence) or isinstance(raw, str) or len(raw) != 2:
            return None
        stopped, resumed = _time(raw[0]), _time(raw[1])
        if stopped is None or resumed is None or resumed < stopped:
            return None
        return cls(stopped, resumed)


# ----------------------------------------------------------------------------- workouts


@dataclass(frozen=True, kw_only=True)
class _Stats(_Figures):
    start_time: datetime | None = None
    type: str = "Other"
    name: str = ""
    user_id: int | None = None
    uri: str | None = None
    total_distance: float | None = None

    @property
    def id(self) -> str | None:
        """The workout id (last path segment of ``uri``), None for a workout not yet created."""
        return workout_id(self.uri) if self.uri else None


@dataclass(frozen=True, kw_only=True)
class WorkoutSummary(_Stats):
    """One item of the workout list (contract 2.3, plus 2.4 with ``data=summary``).

    Attributes:
        raw: the JSON object as the service sent it.
    """

    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> WorkoutSummary:
        """Read a list item leniently (numbers as strings, missing keys as no data)."""
        return cls(raw=raw, **_stats(raw))


@dataclass(frozen=True, kw_only=True)
class Workout(_Stats):
    """A full workout (contract section 3) that remembers the JSON it came from.

    Attributes:
        timezone: the service's ``timezone`` field (offset in hours), when present.
        privacy: ``privacy`` (or the documented ``sharing``), e.g. "friends".
        notes, location_name: free text ("" when absent).
        activity_url: the web page of the workout.
        laps, timer_stops: in the order the service gave them.
        streams: wire key -> :class:`Stream`, only for streams holding data.
        raw: the JSON object read (or built by :meth:`new`); never mutated.
        edits: wire key -> new wire value for the fields changed since.
    """

    timezone: float | None = None
    privacy: str | None = None
    notes: str = ""
    location_name: str = ""
    activity_url: str | None = None
    laps: tuple[Lap, ...] = ()
    timer_stops: tuple[TimerStop, ...] = ()
    streams: Mapping[str, Stream[Any]] = field(default_factory=dict, repr=False)
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    edits: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_json(cls, raw: Mapping[str, Any], *, streams: bool = True) -> Workout:
        """Read a workout object leniently; unknown keys are kept for :meth:`to_json`.

        Args:
            raw: the object as the service sent it.
            streams: False leaves the streams undecoded (``streams`` is empty) in ``raw``, which
                :meth:`to_json` sends back as they came: for a read-modify-write of a few fields
                (decoding a 4 h ride's samples costs a worker some 70 ms of the GIL).
        """
        decoded = (
            {key: Stream.from_json(key, raw.get(key)) for key in STREAM_KEYS} if streams else {}
        )
        laps = [Lap.from_json(item) for item in _list(raw.get("laps"))]
        stops = [TimerStop.from_json(item) for item in _list(raw.get("timer_stops"))]
        return cls(
            raw=raw,
            laps=tuple(lap for lap in laps if lap is not None),
            timer_stops=tuple(stop for stop in stops if stop is not None),
            streams={key: stream for key, stream in decoded.items() if stream is not None},
            **_workout_scalars(raw),
        )

    @classmethod
    def new(
        cls,
        start_time: datetime,
        duration: float,
        distance: float | None = None,
        type: str = "Other",
        name: str = "",
        notes: str = "",
        privacy: str | None = None,
    ) -> Workout:
        """A workout typed in by hand, ready for ``create_workout``.

        ``duration`` is always sent (the service shows a workout without one as all paused) and
        ``clock_duration`` equals it; a naive ``start_time`` is taken as UTC.
        """
        if duration < 0 or (distance is not None and distance < 0):
            raise ValueError("duration and distance cannot be negative")
        raw: dict[str, Any] = {"start_time": format_timestamp(start_time)}
        raw["timezone"] = utc_offset_hours(parse_timestamp(raw["start_time"]))
        if privacy:
            raw["privacy"] = privacy
        if distance is not None:
            raw["total_distance"] = _wire_number(distance)
        raw.update(duration=_wire_number(duration), clock_duration=_wire_number(duration))
        raw.update(type=normalize_type(type), name=name)
        if notes:
            raw["notes"] = notes
        return cls.from_json(raw)

    def stream(self, key: str) -> Stream[Any] | None:
        """The stream under ``key``, or None when the workout has no such data."""
        return self.streams.get(key)

    def with_changes(self, **changes: Any) -> Workout:
        """A copy with some of :data:`EDITABLE_FIELDS` changed (e.g. ``name=``, ``type=``).

        Raises:
            TypeError: for a field that cannot be edited.
            ValueError: for a value the service would not accept.
        """
        unknown = set(changes) - EDITABLE_FIELDS
        if unknown:
            raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
        edits = dict(self.edits)
        for key, value in changes.items():
            edits.update(_wire_edit(self.raw, key, value))
        return dataclasses.replace(self, edits=edits, **_workout_scalars({**self.raw, **edits}))

    def to_json(self) -> dict[str, Any]:
        """The object to send back: the original JSON, in its key order, with the edits applied.

        Returns a fresh deep copy, so the caller may change it freely.
        """
        return copy.deepcopy(self.wire_body())

    def wire_body(self) -> dict[str, Any]:
        """What :meth:`to_json` gives, sharing its values with this workout: to be serialised
        at once and never changed (a deep copy of a long ride's streams costs some 35 ms)."""
        return {**self.raw, **self.edits}


def _workout_scalars(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {
        **_stats(raw),
        "timezone": lenient_float(raw.get("timezone")),
        "privacy": _text(raw.get("privacy")) or _text(raw.get("sharing")),
        "notes": _text(raw.get("notes")) or "",
        "location_name": _text(raw.get("location_name")) or "",
        "activity_url": _text(raw.get("activity")),
    }


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _wire_number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _wire_edit(raw: Mapping[str, Any], key: str, value: Any) -> dict[str, Any]:
    """Turn one edited field into the wire keys it rewrites."""
    if key in ("name", "notes", "location_name"):
        if not isinstance(value, str):
            raise ValueError(f"{key} must be text")
        return {key: value}
    if key == "type":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("type must be a non-empty activity type")
        return {"type": normalize_type(value)}
    if key == "privacy":
        if not isinstance(value, str) or not value.strip():
            raise ValueError("privacy must be e.g. 'public', 'friends' or 'private'")
        wire = value.strip().lower()
        # The service sends ``privacy``; the docs and tapiriik write ``sharing``: keep both in step.
        return {"privacy": wire, **({"sharing": wire} if "sharing" in raw else {})}
    if key == "start_time":
        if not isinstance(value, datetime):
            raise ValueError("start_time must be a datetime")
        text = format_timestamp(value)
        edit: dict[str, Any] = {"start_time": text}
        if "timezone" in raw:
            edit["timezone"] = utc_offset_hours(parse_timestamp(text))
        return edit
    number = lenient_float(value)
    if number is None or number < 0:
        raise ValueError(f"{key} must be a number of at least 0")
    return {key: _wire_number(number)}
