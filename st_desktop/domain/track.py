"""A workout's samples aligned on one time axis, ready to chart and to draw as a route.

The SportTracks API gives every stream its own time base (contract 3.3: different lengths, late
starts, GPS dropouts, irregular "smart recording" gaps) and no speed stream; a parsed file
(:class:`~st_desktop.domain.activity.Activity`) is already aligned. :class:`Track` is the common
shape both become, and what :class:`~st_desktop.ui.detail.charts.ChartsView` and
:class:`~st_desktop.ui.detail.route.RouteView` draw.

Every array has the same length as ``time`` (seconds elapsed since the start, wall clock, pauses
included) and holds NaN where a stream has no value: before its first and after its last sample
(a GPS dropout ends ``lat``/``lon`` early), or where it was never recorded. Between samples values
are interpolated linearly. ``speed`` is derived from ``distance`` (smoothed over a few seconds)
when there is no recorded speed.

The builders also prepare :attr:`Track.display`, the same track reduced to at most
:data:`DISPLAY_POINTS` samples (:meth:`Track.downsampled`: every channel's lowest and highest
value in each stretch of time is kept, so spikes stay visible): built where the track is built,
on a worker, so drawing a long recording costs the GUI thread little, and small enough to keep
for every file of an upload list.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeAlias

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from st_desktop.domain.activity import Activity
    from st_desktop.domain.workout import Workout

FloatArray: TypeAlias = npt.NDArray[np.float64]
BoolArray: TypeAlias = npt.NDArray[np.bool_]
IntArray: TypeAlias = npt.NDArray[np.intp]

#: The numeric channels of a track, in display order (``time`` is the axis).
CHANNELS: tuple[str, ...] = (
    "distance", "elevation", "heartrate", "speed", "cadence", "power", "temperature", "lat", "lon",
)  # fmt: skip

#: The axis never has more points than this: a longer union of offsets becomes a regular grid.
MAX_POINTS = 200_000

#: Window (seconds) of the moving average that smooths speed derived from distance.
SPEED_SMOOTHING_S = 5.0

#: Samples of :attr:`Track.display` at most: about four per pixel of a wide chart.
DISPLAY_POINTS = 4000

_WIRE_CHANNELS = ("elevation", "distance", "heartrate", "cadence", "power", "temperature")
_ACTIVITY_CHANNELS = (*_WIRE_CHANNELS, "lat", "lon")


def _empty() -> FloatArray:
    return np.empty(0, dtype=np.float64)


@dataclass(frozen=True)
class Track:
    """Aligned samples of one workout or parsed file.

    Attributes:
        time: elapsed seconds since ``start_time``, strictly increasing.
        distance: cumulative metres. elevation: metres. heartrate: bpm. speed: m/s.
        cadence: rpm. power: watts. temperature: °C. lat, lon: degrees.
        sport: SportTracks type ("Running: Trail"), decides pace vs speed.
        pauses: (start, end) elapsed seconds of each timer stop.
        start_time: when the workout started (None if unknown).
    """

    time: FloatArray = field(default_factory=_empty)
    distance: FloatArray = field(default_factory=_empty)
    elevation: FloatArray = field(default_factory=_empty)
    heartrate: FloatArray = field(default_factory=_empty)
    speed: FloatArray = field(default_factory=_empty)
    cadence: FloatArray = field(default_factory=_empty)
    power: FloatArray = field(default_factory=_empty)
    temperature: FloatArray = field(default_factory=_empty)
    lat: FloatArray = field(default_factory=_empty)
    lon: FloatArray = field(default_factory=_empty)
    sport: str = "Other"
    pauses: tuple[tuple[float, float], ...] = ()
    start_time: datetime | None = None
    _display: Track | None = field(default=None, init=False, repr=False, compare=False)
    _reduced: bool = field(default=False, init=False, repr=False, compare=False)

    def __len__(self) -> int:
        return len(self.time)

    def channel(self, name: str) -> FloatArray:
        """The array called ``name`` (one of :data:`CHANNELS` or ``"time"``)."""
        if name != "time" and name not in CHANNELS:
            raise KeyError(name)
        value: FloatArray = getattr(self, name)
        return value

    def has(self, name: str) -> bool:
        """True when the channel holds at least one real value."""
        values = self.channel(name)
        return len(values) > 0 and bool(np.isfinite(values).any())

    @property
    def has_route(self) -> bool:
        """True when there are positions to draw."""
        return self.has("lat") and self.has("lon")

    @property
    def duration(self) -> float:
        """Elapsed seconds from first to last sample (0 for an empty track)."""
        return float(self.time[-1]) if len(self.time) else 0.0

    def index_at(self, elapsed: float) -> int:
        """Index of the sample nearest to ``elapsed`` seconds (clamped to the track)."""
        if not len(self.time):
            raise IndexError("the track is empty")
        i = int(np.searchsorted(self.time, elapsed))
        if i <= 0:
            return 0
        if i >= len(self.time):
            return len(self.time) - 1
        return i if self.time[i] - elapsed < elapsed - self.time[i - 1] else i - 1

    def position_at(self, elapsed: float) -> tuple[float, float] | None:
        """(lat, lon) at ``elapsed`` seconds, None where there is no fix."""
        if not len(self.time) or not self.has_route:
            return None
        i = self.index_at(elapsed)
        lat, lon = float(self.lat[i]), float(self.lon[i])
        return (lat, lon) if np.isfinite(lat) and np.isfinite(lon) else None

    def elapsed_at_distance(self, metres: float) -> float | None:
        """First elapsed time at which ``distance`` reached ``metres``; None without distance."""
        if not self.has("distance"):
            return None
        finite = np.isfinite(self.distance)
        reached = np.nonzero(finite & (self.distance >= metres))[0]
        index = int(reached[0]) if len(reached) else int(np.nonzero(finite)[0][-1])
        return float(self.time[index])

    # ------------------------------------------------------------------ drawing

    @property
    def display(self) -> Track:
        """The track to draw: at most :data:`DISPLAY_POINTS` samples (itself when short).

        The builders compute it with the track (on the worker); a track made otherwise computes
        it on first use.
        """
        if len(self.time) <= DISPLAY_POINTS:
            return self
        if self._display is None:
            object.__setattr__(self, "_display", self.downsampled(DISPLAY_POINTS))
        assert self._display is not None
        return self._display

    @property
    def is_reduced(self) -> bool:
        """True for a track made by :meth:`downsampled` (some samples of its source left out)."""
        return self._reduced

    def same_samples(self, other: Track) -> bool:
        """Whether ``other`` holds the same samples (a file read again gives the same track)."""
        if other is self:
            return True
        if len(other) != len(self) or (other.sport, other.pauses) != (self.sport, self.pauses):
            return False
        return all(
            np.array_equal(self.channel(name), other.channel(name), equal_nan=True)
            for name in ("time", *CHANNELS)
        )

    def downsampled(self, max_points: int) -> Track:
        """The same track with at most ``max_points`` samples (itself when it has no more).

        Time is cut into equal stretches; in each one the samples holding every channel's
        lowest and highest value are kept, and the first missing one (so a dropout stays a gap
        in the line), plus the first and last sample. Spikes and the route's extent survive
        whatever the reduction; everything kept is a real sample, on the common axis.
        """
        count = len(self.time)
        if count <= max(max_points, 2):
            return self
        channels = _prepared([self.channel(name) for name in CHANNELS if self.has(name)])
        width = max(1, len(channels))
        # Three samples per channel and stretch always fit; channels often share their extremes,
        # so more stretches are tried while the result stays within ``max_points``.
        keep = _extremes(channels, count, max(1, (max_points - 2) // (3 * width)))
        buckets = max(1, (max_points - 2) // (2 * width))
        for _ in range(3):
            candidate = _extremes(channels, count, buckets)
            if len(candidate) > max_points:
                break
            keep = candidate
            if len(keep) >= 0.8 * max_points or buckets >= count:
                break
            buckets = min(count, max(buckets + 1, int(buckets * 0.9 * max_points / len(keep))))
        shared_nan = np.full(len(keep), np.nan)
        arrays = {
            name: self.channel(name)[keep] if self.has(name) else shared_nan for name in CHANNELS
        }
        reduced = Track(
            time=self.time[keep],
            sport=self.sport,
            pauses=self.pauses,
            start_time=self.start_time,
            **arrays,
        )
        object.__setattr__(reduced, "_reduced", True)
        return reduced

    # ------------------------------------------------------------------ builders

    @classmethod
    def from_workout(cls, workout: Workout) -> Track:
        """Align a downloaded workout's streams (each on its own offsets) on one axis."""
        series: dict[str, tuple[FloatArray, FloatArray]] = {}
        for key in _WIRE_CHANNELS:
            stream = workout.stream(key)
            if stream is not None and len(stream):
                series[key] = (
                    np.asarray(stream.offsets, dtype=np.float64),
                    np.asarray(stream.values, dtype=np.float64),
                )
        location = workout.stream("location")
        if location is not None and len(location):
            offsets = np.asarray(location.offsets, dtype=np.float64)
            points = np.asarray(location.values, dtype=np.float64).reshape(-1, 2)
            series["lat"] = (offsets, points[:, 0])
            series["lon"] = (offsets, points[:, 1])
        axis = _axis([t for t, _ in series.values()])
        aligned = {name: _align(axis, t, v) for name, (t, v) in series.items()}
        start = workout.start_time
        pauses = tuple(
            ((s.stopped_at - start).total_seconds(), (s.resumed_at - start).total_seconds())
            for s in workout.timer_stops
            if start is not None
        )
        distance = aligned.get("distance")
        speed = derive_speed(axis, distance) if distance is not None else None
        return cls._build(axis, aligned, speed, workout.type, pauses, start)

    @classmethod
    def from_activity(cls, activity: Activity) -> Track:
        """Wrap a parsed file (already aligned); speed is derived when the file has none."""
        streams = activity.streams
        axis = np.asarray(streams.time, dtype=np.float64)
        keep = np.concatenate(([True], np.diff(axis) > 0)) if len(axis) else np.ones(0, bool)
        axis = axis[keep]
        aligned = {
            name: np.asarray(streams.get(name), dtype=np.float64)[keep]
            for name in _ACTIVITY_CHANNELS
            if streams.has(name)
        }
        speed: FloatArray | None = None
        if streams.has("speed"):
            speed = np.asarray(streams.speed, dtype=np.float64)[keep]
        elif "distance" in aligned:
            speed = derive_speed(axis, aligned["distance"])
        breaks = _segment_breaks(activity, keep)
        if len(breaks):
            axis, aligned, speed = _insert_breaks(axis, aligned, speed, breaks)
        pauses = tuple((p.start, p.end) for p in activity.pauses)
        return cls._build(axis, aligned, speed, activity.sport, pauses, activity.start_time)

    @classmethod
    def _build(
        cls,
        axis: FloatArray,
        aligned: dict[str, FloatArray],
        speed: FloatArray | None,
        sport: str,
        pauses: tuple[tuple[float, float], ...],
        start: datetime | None,
    ) -> Track:
        def get(name: str) -> FloatArray:
            return aligned.get(name, np.full(len(axis), np.nan))

        track = cls(
            time=axis,
            distance=get("distance"),
            elevation=get("elevation"),
            heartrate=get("heartrate"),
            speed=speed if speed is not None else np.full(len(axis), np.nan),
            cadence=get("cadence"),
            power=get("power"),
            temperature=get("temperature"),
            lat=get("lat"),
            lon=get("lon"),
            sport=sport,
            pauses=pauses,
            start_time=start,
        )
        track.display  # noqa: B018 - computed here, on the worker that builds the track
        return track


def _prepared(channels: list[FloatArray]) -> list[tuple[FloatArray, FloatArray, BoolArray]]:
    """Each channel with its missing samples as +inf and as -inf, and where they are missing:
    made once for the several reductions :meth:`Track.downsampled` tries."""
    prepared = []
    for values in channels:
        missing = ~np.isfinite(values)
        prepared.append(
            (np.where(missing, np.inf, values), np.where(missing, -np.inf, values), missing)
        )
    return prepared


def _extremes(
    prepared: list[tuple[FloatArray, FloatArray, BoolArray]], count: int, buckets: int
) -> npt.NDArray[np.intp]:
    """Sorted indices of each channel's lowest, highest and first missing sample per stretch
    (channels as :func:`_prepared` gives them)."""
    size = -(-count // buckets)  # ceil: every sample falls in one of ``buckets`` stretches
    pad = buckets * size - count
    starts = np.arange(buckets) * size
    found = [np.array([0, count - 1])]
    nan_pad, no_gap = np.full(pad, np.nan), np.zeros(pad, dtype=bool)
    for low, high, missing in prepared:
        # The padding is NaN, as it always was: the last stretch's argmin/argmax land on it
        # (dropped below) when the samples do not fill it.
        found.append(starts + np.concatenate((low, nan_pad)).reshape(buckets, size).argmin(1))
        found.append(starts + np.concatenate((high, nan_pad)).reshape(buckets, size).argmax(1))
        rows = np.concatenate((missing, no_gap)).reshape(buckets, size)
        gaps = rows.any(axis=1)
        found.append(starts[gaps] + rows[gaps].argmax(axis=1))
    kept = np.zeros(count + pad, dtype=bool)  # a mask sorts and dedups in one pass
    for indices in found:
        kept[indices] = True
    return np.flatnonzero(kept[:count])


def _axis(offsets: list[FloatArray]) -> FloatArray:
    """The union of every stream's offsets, or a regular grid when that would be too long."""
    if not offsets:
        return _empty()
    union = np.unique(np.concatenate(offsets))
    union = union[np.isfinite(union)]
    if len(union) <= MAX_POINTS:
        return union.astype(np.float64)
    return np.linspace(union[0], union[-1], MAX_POINTS)


def _align(axis: FloatArray, offsets: FloatArray, values: FloatArray) -> FloatArray:
    """``values`` interpolated onto ``axis``; NaN outside the stream's own span."""
    good = np.isfinite(offsets) & np.isfinite(values)
    offsets, values = offsets[good], values[good]
    out = np.full(len(axis), np.nan)
    if not len(offsets):
        return out
    offsets, first = np.unique(offsets, return_index=True)  # duplicate offsets: keep the first
    values = values[first]
    inside = (axis >= offsets[0]) & (axis <= offsets[-1])
    out[inside] = np.interp(axis[inside], offsets, values)
    return out


def derive_speed(
    time: FloatArray, distance: FloatArray, window_s: float = SPEED_SMOOTHING_S
) -> FloatArray:
    """Speed (m/s) from cumulative distance: a centred moving average over ``window_s`` seconds.

    Distance going backwards (a corrected GPS fix) never yields negative speed.
    """
    speed = np.full(len(time), np.nan)
    good = np.isfinite(distance)
    if good.sum() < 2:
        return speed
    t, d = time[good], distance[good]
    half = window_s / 2.0
    lo = np.searchsorted(t, t - half, side="left")
    hi = np.searchsorted(t, t + half, side="right") - 1
    # Always span at least one neighbour, so sparse samples still give a speed.
    hi = np.maximum(hi, np.minimum(np.arange(len(t)) + 1, len(t) - 1))
    lo = np.minimum(lo, np.maximum(np.arange(len(t)) - 1, 0))
    dt = t[hi] - t[lo]
    with np.errstate(divide="ignore", invalid="ignore"):
        values = np.where(dt > 0, (d[hi] - d[lo]) / dt, np.nan)
    speed[good] = np.clip(values, 0.0, None)
    return speed


def _segment_breaks(activity: Activity, keep: BoolArray) -> IntArray:
    """Where (in the kept samples) each segment after the first starts.

    Segments are recorded apart (separate tracks, or a hole of hours): the route and the charts
    break there instead of drawing a straight line across the gap.
    """
    firsts = [seg.first for seg in activity.segments[1:] if 0 < seg.first < len(keep)]
    if not firsts:
        return np.empty(0, dtype=np.intp)
    kept_before: IntArray = np.cumsum(keep) - keep  # kept samples before each original sample
    return np.unique(kept_before[np.asarray(firsts, dtype=np.intp)])


def _insert_breaks(
    axis: FloatArray,
    aligned: dict[str, FloatArray],
    speed: FloatArray | None,
    breaks: IntArray,
) -> tuple[FloatArray, dict[str, FloatArray], FloatArray | None]:
    """A sample with no values half-way before each break (the time axis stays increasing)."""
    breaks = breaks[(breaks > 0) & (breaks < len(axis))]
    midpoints = (axis[breaks - 1] + axis[breaks]) / 2.0
    axis = np.insert(axis, breaks, midpoints)
    aligned = {name: np.insert(values, breaks, np.nan) for name, values in aligned.items()}
    if speed is not None:
        speed = np.insert(speed, breaks, np.nan)
    return axis, aligned, speed
