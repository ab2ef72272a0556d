"""A parsed activity file: what a FIT, TCX or GPX file holds, in one shape.

The parsers in :mod:`st_desktop.parsers` build :class:`Activity` objects; the UI draws them and
:func:`st_desktop.parsers.activity_to_workout_json` turns them into a SportTracks workout.

Streams are numpy ``float64`` arrays of one common length on one axis, ``Streams.time``: seconds
elapsed (wall clock, pauses included) since ``Activity.start_time``. A value that a sample does not
have is NaN, so a sensor that dropped out for a minute is a run of NaN, and a stream the file never
had is all NaN (``Streams.has`` tells which). Units: degrees, metres, bpm, rpm, watts, m/s, °C.

Summary figures follow SportTracks: distance in metres, times in seconds, calories in kilojoules.

Times of day are the ride's own: ``start_time`` carries the UTC offset the ride had where it was
recorded (from its first GPS fix, else from the device, else from this computer; ``timezone`` and
``timezone_source`` say which), so "11:40" in a sentence is 11:40 where the athlete was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

from st_desktop.domain.timeutil import zone_info

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


#: Kinds of :class:`Verdict`, and what each one means.
VERDICT_KINDS: dict[str, str] = {
    "long_span": "the recording spans more than a day",
    "gap": "an hour or more without samples",
    "impossible_speed": "a sustained speed no one reaches in this sport",
    "date_too_early": "a start before 1990: the device had no real date",
    "date_in_future": "a start more than a day in the future: the device's clock was wrong",
    "segment_jump": "a straight jump between two tracks or segments",
    "several_days": "tracks or segments recorded on different days",
}


@dataclass(frozen=True)
class Verdict:
    """Something about the recording that is not plausible, said for the user.

    Attributes:
        kind: one of :data:`VERDICT_KINDS`.
        message: one sentence saying what and where, in the ride's local time ("A 5 h 02 min
            gap at 11:40 has no samples.").
        severity: ``"warning"`` (the file's row is shown as a warning) or ``"notice"``.
        index: the sample where it happens (the first one of a stretch), if it has one.
        at: seconds since the start where it happens, if it has a place in time.
        position: (lat, lon) where it happens, if known.
    """

    kind: str
    message: str
    severity: str = "warning"
    index: int | None = None
    at: float | None = None
    position: tuple[float, float] | None = None


@dataclass(frozen=True)
class Segment:
    """A stretch of samples recorded without a break: split and trim cut between segments.

    Attributes:
        first: index of its first sample.
        stop: index after its last sample (``streams.time[first:stop]``).
        start: seconds since the activity start of its first sample.
        end: seconds since the activity start of its last sample.
        start_time: when it starts (aware, in the ride's UTC offset).
        reason: why a segment starts here: ``"start"`` (the first one), ``"file"`` (the file
            starts a new track, track segment or session) or ``"hole"`` (no samples for
            :data:`HOLE_S` seconds or more).
        part: the file's track (GPX), track (TCX) or session (FIT) it belongs to, from 0.
    """

    first: int
    stop: int
    start: float
    end: float
    start_time: datetime
    reason: str = "start"
    part: int = 0

    def __len__(self) -> int:
        return self.stop - self.first


#: No samples for this long (seconds) ends a segment: the hole is a pause, never a straight
#: line of distance.
HOLE_S = 15 * 60.0


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
        verdicts: what is not plausible about the recording (see :class:`Verdict`).
        segments: the stretches recorded without a break, in time order, covering every
            sample (empty for a file without samples).
        timezone: the IANA zone of the ride ("Europe/Zurich"), None when unknown.
        utc_offset: the ride's UTC offset at its start (that of ``start_time``).
        timezone_source: where the zone came from: ``"gps"`` (the first position), ``"device"``
            (an offset the file records) or ``"computer"`` (this computer's zone).
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
    verdicts: tuple[Verdict, ...] = ()
    segments: tuple[Segment, ...] = ()
    timezone: str | None = None
    utc_offset: timedelta = timedelta(0)
    timezone_source: str = "computer"

    @property
    def local_start(self) -> datetime:
        """The start in the ride's own zone (a ``ZoneInfo`` time when the zone is known).

        Do arithmetic on ``start_time`` (a fixed offset): adding hours to a zone-aware time
        follows the wall clock across a daylight-saving change.
        """
        return self.local_time(0.0)

    @property
    def zone(self) -> tzinfo:
        """The ride's zone: the IANA zone when known, else the fixed offset at the start."""
        named = zone_info(self.timezone) if self.timezone else None
        return named if named is not None else self.start_time.tzinfo or timezone(self.utc_offset)

    def local_time(self, elapsed: float) -> datetime:
        """The ride's local time ``elapsed`` seconds after the start (right across DST)."""
        return (self.start_time + timedelta(seconds=elapsed)).astimezone(self.zone)

    @property
    def has_warnings(self) -> bool:
        """True when a verdict of severity ``"warning"`` says the recording is not plausible."""
        return any(verdict.severity == "warning" for verdict in self.verdicts)

    @property
    def problems(self) -> list[str]:
        """What the user should read before uploading, most important first: the verdicts of
        severity ``"warning"`` (what and where), then the reader's warnings."""
        said = [v.message for v in self.verdicts if v.severity == "warning"]
        return said + [w for w in self.warnings if w not in said]

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
