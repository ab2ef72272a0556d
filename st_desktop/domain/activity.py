"""A parsed activity file: what a FIT, TCX or GPX file holds, in one shape.

The parsers in :mod:`st_desktop.parsers` build :class:`Activity` objects; the UI draws them and
:func:`st_desktop.parsers.activity_to_workout_json` turns them into a SportTracks workout.

Streams are numpy ``float64`` arrays of one common length on one axis, ``Streams.time``: seconds
elapsed (wall clock, pauses included) since ``Activity.start_time``. A value that a sample does not
have is NaN, so a sensor that dropped out for a minute is a run of NaN, and a stream the file never
had is all NaN (``Streams.has`` tells which). Units: degrees, metres, bpm, rpm, watts, m/s, °C.

Summary figures follow SportTracks: distance in metres, times in seconds, calories in kilojoules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

FloatArray: TypeAlias = npt.NDArray[np.float64]

#: Every stream an :class:`Activity` carries, in display order.
STREAM_NAMES: tuple[str, ...] = (
    "time",
    "lat",
    "lon",
    "elevation",
    "distance",
    "heartrate",
    "cadence",
    "power",
    "speed",
    "temperature",
)


def _empty() -> FloatArray:
    return np.empty(0, dtype=np.float64)


@dataclass
class Streams:
    """Samples of one activity on a shared elapsed-seconds axis.

    Attributes:
        time: seconds since the activity's start time (wall clock), non-decreasing.
        lat: latitude in degrees (NaN without a fix).
        lon: longitude in degrees.
        elevation: metres above sea level.
        distance: cumulative metres.
        heartrate: beats per minute.
        cadence: revolutions (or strides) per minute.
        power: watts.
        speed: metres per second.
        temperature: degrees Celsius.
    """

    time: FloatArray = field(default_factory=_empty)
    lat: FloatArray = field(default_factory=_empty)
    lon: FloatArray = field(default_factory=_empty)
    elevation: FloatArray = field(default_factory=_empty)
    distance: FloatArray = field(default_factory=_empty)
    heartrate: FloatArray = field(default_factory=_empty)
    cadence: FloatArray = field(default_factory=_empty)
    power: FloatArray = field(default_factory=_empty)
    speed: FloatArray = field(default_factory=_empty)
    temperature: FloatArray = field(default_factory=_empty)

    @classmethod
    def from_columns(cls, columns: dict[str, FloatArray], length: int) -> Streams:
        """Build streams from named columns; missing ones become all-NaN arrays of ``length``."""
        values: dict[str, FloatArray] = {}
        missing = [name for name in STREAM_NAMES if columns.get(name) is None]
        if missing:
            # One all-NaN block (the rows are the missing streams): two numpy calls, not 2 each.
            empty = np.empty((len(missing), length), dtype=np.float64)
            empty.fill(np.nan)
            values.update(zip(missing, empty, strict=True))
        for name in STREAM_NAMES:
            column = columns.get(name)
            if column is not None:
                values[name] = np.asarray(column, dtype=np.float64)
                if len(values[name]) != length:
                    raise ValueError(
                        f"stream {name!r} has {len(values[name])} values, not {length}"
                    )
        return cls(**values)

    def __len__(self) -> int:
        return len(self.time)

    def get(self, name: str) -> FloatArray:
        """The stream called ``name`` (one of :data:`STREAM_NAMES`)."""
        if name not in STREAM_NAMES:
            raise KeyError(name)
        value: FloatArray = getattr(self, name)
        return value

    def has(self, name: str) -> bool:
        """True when the stream has at least one real (non-NaN) value."""
        return bool(np.isfinite(self.get(name)).any())

    def available(self) -> list[str]:
        """Names of the streams with data, ``time`` excluded."""
        return [name for name in STREAM_NAMES[1:] if self.has(name)]

    def select(self, mask: npt.NDArray[np.bool_]) -> Streams:
        """A copy holding only the samples where ``mask`` is true."""
        return Streams(**{name: self.get(name)[mask] for name in STREAM_NAMES})


@dataclass
class Summary:
    """Totals and averages of an activity or a lap; None where unknown.

    Attributes:
        distance: metres.
        elapsed_time: seconds from start to end, pauses included (SportTracks ``clock_duration``).
        moving_time: seconds with the timer running (SportTracks ``duration``).
        elevation_gain: metres climbed.
        elevation_loss: metres descended.
        avg_heartrate, max_heartrate: bpm.
        avg_cadence, max_cadence: rpm.
        avg_power, max_power: watts.
        avg_speed, max_speed: m/s (average over moving time).
        calories: kilojoules, as SportTracks stores them.
    """

    distance: float | None = None
    elapsed_time: float | None = None
    moving_time: float | None = None
    elevation_gain: float | None = None
    elevation_loss: float | None = None
    avg_heartrate: float | None = None
    max_heartrate: float | None = None
    avg_cadence: float | None = None
    max_cadence: float | None = None
    avg_power: float | None = None
    max_power: float | None = None
    avg_speed: float | None = None
    max_speed: float | None = None
    calories: float | None = None

    def merged_over(self, fallback: Summary) -> Summary:
        """This summary with its unknown (None) figures taken from ``fallback``."""
        values = {
            name: getattr(self, name)
            if getattr(self, name) is not None
            else getattr(fallback, name)
            for name in self.__dataclass_fields__
        }
        return Summary(**values)


@dataclass
class Lap:
    """One lap (or one sport segment of a multi-sport file).

    Attributes:
        start: seconds since the activity start at which the lap begins.
        summary: the lap's figures (elapsed and moving time, distance, averages ...).
        intensity: ``"active"`` or ``"rest"`` (SportTracks lap ``type``).
        sport: the lap's SportTracks type when the file says (multi-sport files), else None.
    """

    start: float
    summary: Summary
    intensity: str = "active"
    sport: str | None = None


@dataclass(frozen=True)
class Pause:
    """A stretch with the timer stopped, in seconds since the activity start."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        """Length of the pause in seconds."""
        return self.end - self.start


@dataclass
class Activity:
    """Everything read from one activity file.

    Attributes:
        format: ``"FIT"``, ``"TCX"`` or ``"GPX"``.
        start_time: aware datetime of the first sample, in the recording's UTC offset when the file
            gives it (FIT ``activity.local_timestamp``, an offset in TCX/GPX times), else UTC.
        sport: SportTracks wire type ("Cycling: Mountain").
        streams: the samples (see :class:`Streams`).
        laps: laps in time order (at least one for a non-empty activity).
        pauses: timer stops in time order.
        summary: the figures to show and upload: the file's own totals where it records them,
            computed from the streams otherwise.
        computed_summary: figures computed from the streams and pauses alone.
        recorded_summary: totals the file itself records (FIT sessions, TCX laps), if any.
        name, notes: from the file, if any.
        device: recording device or app ("Garmin Edge 500"), if known.
        warnings: sentences the user should read (recovered damage, no GPS, sorted times ...).
        source_name: the file (or archive member) name it was read from, if known.
    """

    format: str
    start_time: datetime
    sport: str
    streams: Streams
    laps: list[Lap] = field(default_factory=list)
    pauses: list[Pause] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    computed_summary: Summary = field(default_factory=Summary)
    recorded_summary: Summary | None = None
    name: str | None = None
    notes: str | None = None
    device: str | None = None
    warnings: list[str] = field(default_factory=list)
    source_name: str | None = None

    @property
    def distance(self) -> float:
        """Total distance in metres (0 when unknown)."""
        return self.summary.distance or 0.0

    @property
    def elapsed_time(self) -> float:
        """Seconds from start to end, pauses included."""
        return self.summary.elapsed_time or 0.0

    @property
    def moving_time(self) -> float:
        """Seconds with the timer running."""
        return self.summary.moving_time or 0.0

    @property
    def calories(self) -> float | None:
        """Energy in kilojoules, if the file records it."""
        return self.summary.calories

    @property
    def end_time(self) -> datetime:
        """``start_time`` plus the elapsed time."""
        return self.start_time + timedelta(seconds=self.elapsed_time)

    @property
    def has_gps(self) -> bool:
        """True when at least one sample has a position."""
        return self.streams.has("lat") and self.streams.has("lon")
