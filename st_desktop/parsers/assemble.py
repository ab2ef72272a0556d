"""Turn what a format parser read (absolute times, raw columns) into a checked :class:`Activity`.

Every format parser fills a :class:`RawActivity` and calls :func:`assemble`, so the rules below
hold the same way for FIT, TCX and GPX:

* samples without a plausible time (before 1990, or in the future) are left out, with a warning;
* samples whose times go backwards are sorted, with a warning that says where;
* implausible sensor values (a heart rate of 255, a latitude of 300) become NaN, with a warning;
  a position of exactly (0, 0) is the "no fix yet" placeholder of many devices and is dropped
  silently;
* a missing distance stream is computed from the GPS track, and a missing speed stream from the
  distance;
* the summary takes the file's own totals where it records them, and computed figures elsewhere.
"""

from __future__ import annotations

import math
import time as _time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from st_desktop.domain.activity import (
    STREAM_NAMES,
    Activity,
    FloatArray,
    Lap,
    Pause,
    Streams,
    Summary,
)
from st_desktop.parsers.summary import (
    compute_summary,
    infer_pauses,
    speed_from_distance,
    track_distance,
    track_distance_complete,
)

#: Unix time of 1990-01-01: no GPS sports device recorded anything earlier.
EARLIEST_PLAUSIBLE = 631152000.0

NO_DATE_WARNING = (
    "The device did not record a real date, so the start time is wrong: correct it before "
    "uploading."
)

#: Samples more than this many seconds from the median time are clock glitches.
MAX_SPREAD_S = 30 * 86400.0

#: Plausible range of each stream; values outside become NaN.
LIMITS: dict[str, tuple[float, float]] = {
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
    "elevation": (-500.0, 9000.0),
    "distance": (0.0, 50_000_000.0),
    "heartrate": (1.0, 260.0),
    "cadence": (0.0, 300.0),
    "power": (0.0, 3000.0),
    "speed": (0.0, 150.0),
    "temperature": (-60.0, 70.0),
}
_READABLE = {
    "lat": "latitude",
    "lon": "longitude",
    "elevation": "elevation",
    "distance": "distance",
    "heartrate": "heart rate",
    "cadence": "cadence",
    "power": "power",
    "speed": "speed",
    "temperature": "temperature",
}


@dataclass
class RawLap:
    """A lap as a file records it; ``start`` is in Unix seconds."""

    start: float
    summary: Summary
    intensity: str = "active"
    sport: str | None = None


@dataclass
class RawActivity:
    """What a format parser hands to :func:`assemble`.

    Attributes:
        format: "FIT", "TCX" or "GPX".
        times: Unix seconds of each sample (NaN where the sample has no time).
        columns: stream name -> values, same length as ``times`` (names of ``STREAM_NAMES``).
        sport: SportTracks type.
        laps: the file's laps.
        pauses: (stopped, resumed) in Unix seconds, from the device's timer.
        timer_known: False for formats without timer events: standing-still gaps are then
            added to ``pauses`` (which holds the track breaks).
        recorded: the file's own totals, if any.
        utc_offset: the recording's UTC offset, if the file gives it.
        start_hint: Unix time the recording started when the file says (the first timer start);
            the activity starts there when it is up to an hour before the first sample, and it
            is the start of files without samples (summary-only).
        end_hint: Unix time the recording ended when the file says (the last timer stop);
            the elapsed time runs to it when it comes after the last sample.
        name, notes, device: from the file.
        warnings: what the format parser already has to say.
    """

    format: str
    times: FloatArray
    columns: dict[str, FloatArray]
    sport: str = "Other"
    laps: list[RawLap] = field(default_factory=list)
    pauses: list[tuple[float, float]] = field(default_factory=list)
    timer_known: bool = True
    recorded: Summary | None = None
    utc_offset: timedelta | None = None
    start_hint: float | None = None
    end_hint: float | None = None
    name: str | None = None
    notes: str | None = None
    device: str | None = None
    warnings: list[str] = field(default_factory=list)


def format_duration(seconds: float) -> str:
    """A short human duration: ``"4 h 39 min"``, ``"12 min"``, ``"45 s"``."""
    total = round(max(0.0, seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"


def format_clock(seconds: float) -> str:
    """Elapsed time as ``HH:MM:SS``."""
    total = int(max(0.0, seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"


def _stack(columns: list[FloatArray], length: int) -> FloatArray:
    """The columns as the rows of one new (len(columns), length) float64 array."""
    if not columns:
        return np.empty((0, length), dtype=np.float64)
    block = np.array(columns, dtype=np.float64)  # raises if the columns differ in length
    if block.shape != (len(columns), length):
        raise ValueError(f"columns of {block.shape[1:]} values for {length} times")
    return block


@dataclass
class _Facts:
    """What the plausibility pass learnt about each stream, valid after the cleaning."""

    has_values: dict[str, bool] = field(default_factory=dict)  # some finite value
    gap_free: dict[str, bool] = field(default_factory=dict)  # no NaN at all


def _clean_values(columns: dict[str, FloatArray], block: FloatArray, warnings: list[str]) -> _Facts:
    """Make implausible values NaN, in place; ``columns`` are the rows of ``block``."""
    facts = _Facts()
    if not block.size:
        for name in columns:
            facts.has_values[name] = False
            facts.gap_free[name] = True
        return facts
    # Three reductions over the block give every stream's range (NaN ignored; NaN only for a
    # stream with no value at all) and whether it has a gap (a sum with a NaN is NaN); the
    # common case, every value plausible, ends there.
    lows = np.fmin.reduce(block, axis=1).tolist()
    highs = np.fmax.reduce(block, axis=1).tolist()
    sums = np.add.reduce(block, axis=1).tolist()
    ranges = dict(zip(columns, zip(lows, highs, strict=True), strict=True))
    # Streams whose values changed here, or with values beyond any limit: facts re-counted.
    changed = {name for name in columns if name not in LIMITS}
    lat = columns.get("lat")
    lon = columns.get("lon")
    if lat is not None and lon is not None:
        lat_low, lat_high = ranges["lat"]
        lon_low, lon_high = ranges["lon"]
        if lat_low <= 0.0 <= lat_high and lon_low <= 0.0 <= lon_high:
            null_island = (lat == 0.0) & (lon == 0.0)
            if np.count_nonzero(null_island):
                lat[null_island] = np.nan
                lon[null_island] = np.nan
                changed |= {"lat", "lon"}
    bad_streams: list[str] = []
    for name, (low, high) in LIMITS.items():
        values = columns.get(name)
        if values is None:
            continue
        smallest, largest = ranges[name]
        if not (smallest < low or largest > high):
            continue
        bad = (values < low) | (values > high)  # NaN compares False
        # A zero heart rate means "no strap", not a reading: drop it without a warning.
        reported = bad & (values != 0) if name == "heartrate" else bad
        values[bad] = np.nan
        changed.add(name)
        if np.count_nonzero(reported):
            bad_streams.append(_READABLE[name])
    for name, high, total in zip(columns, highs, sums, strict=True):
        # Unchanged streams hold only values within their limits (so finite) and NaN.
        facts.has_values[name] = not math.isnan(high)
        facts.gap_free[name] = not math.isnan(total)
    for name in changed:
        _count_facts(facts, name, columns[name])
    gaps = not (facts.gap_free.get("lat", True) and facts.gap_free.get("lon", True))
    if lat is not None and lon is not None and gaps:
        no_fix = np.isnan(lat) | np.isnan(lon)
        if np.count_nonzero(no_fix):
            lat[no_fix] = np.nan
            lon[no_fix] = np.nan
            _count_facts(facts, "lat", lat)
            _count_facts(facts, "lon", lon)
    if bad_streams:
        warnings.append(f"Implausible values were ignored in: {', '.join(bad_streams)}.")
    return facts


def _count_facts(facts: _Facts, name: str, values: FloatArray) -> None:
    finite = int(np.count_nonzero(np.isfinite(values)))
    facts.has_values[name] = finite > 0
    facts.gap_free[name] = finite == len(values)


def _merge_pauses(pauses: list[Pause], end: float) -> list[Pause]:
    merged: list[Pause] = []
    for pause in sorted(pauses, key=lambda p: p.start):
        start, stop = max(0.0, pause.start), min(end, pause.end)
        if stop <= start:
            continue
        if merged and start <= merged[-1].end:
            if stop > merged[-1].end:
                merged[-1] = Pause(merged[-1].start, stop)
            continue
        merged.append(Pause(start, stop))
    return merged


def _prefer_recorded(recorded: Summary, computed: Summary) -> Summary:
    merged = recorded.merged_over(computed)
    # A zero total from the file next to real figures from the samples is a device that did not
    # fill the field in; the samples are the better source.
    for name in ("distance", "elapsed_time", "moving_time"):
        if getattr(recorded, name) == 0 and (getattr(computed, name) or 0) > 0:
            setattr(merged, name, getattr(computed, name))
    elapsed, moving = merged.elapsed_time, merged.moving_time
    # Without a clock time of its own (TCX laps record only timer time), the elapsed time is the
    # samples' whole-second span, which can fall a fraction short of the timer: the clock ran
    # at least as long as the timer did.
    slack = 0.0 if recorded.elapsed_time is None else 1.0
    if elapsed is not None and moving is not None and elapsed < moving - slack:
        # The clock cannot run for less time than the timer (an edited file says 1632 s elapsed
        # for 2760 s of timer time and 2759 s of samples): the samples' span is the truth.
        merged.elapsed_time = max(computed.elapsed_time or 0.0, moving)
    return merged


def _add_once(warnings: list[str], warning: str) -> None:
    if warning not in warnings:
        warnings.append(warning)


def assemble(raw: RawActivity) -> Activity:
    """Check, sort and complete what a parser read; see the module docstring."""
    warnings = list(raw.warnings)
    times = np.asarray(raw.times, dtype=np.float64)
    names = list(raw.columns)
    # One copy of every column, as the rows of one block: the plausibility checks then run
    # once over all streams instead of once per stream (see _clean_values).
    block = _stack([raw.columns[k] for k in names], len(times))
    latest_plausible = _time.time() + 2 * 86400
    lowest = float(np.minimum.reduce(times)) if len(times) else np.nan  # NaN if any is NaN
    highest = float(np.maximum.reduce(times)) if len(times) else np.nan
    if highest - lowest <= MAX_SPREAD_S:
        # The common case, decided without a median: every time is finite, none can be further
        # than MAX_SPREAD_S from the median, and the median lies in [lowest, highest].
        if not (lowest >= EARLIEST_PLAUSIBLE and highest <= latest_plausible):
            median = float(np.median(times))
            if not EARLIEST_PLAUSIBLE <= median <= latest_plausible:
                _add_once(warnings, NO_DATE_WARNING)
    elif len(times):
        finite = np.isfinite(times)
        if finite.any():
            median = float(np.median(times[finite]))
            # Samples far from the bulk of the recording are clock glitches (one record dated
            # 2065 in a 2001 run); a recording spread over more than a month does not happen.
            with np.errstate(invalid="ignore"):
                keep = finite & (np.abs(times - median) <= MAX_SPREAD_S)
            dropped = int(len(times) - keep.sum())
            if dropped:
                warnings.append(
                    f"{dropped} samples had impossible times and were left out."
                    if dropped > 1
                    else "1 sample had an impossible time and was left out."
                )
                times = times[keep]
                block = np.compress(keep, block, axis=1)  # rows stay contiguous: see below
            if not EARLIEST_PLAUSIBLE <= median <= latest_plausible:
                _add_once(warnings, NO_DATE_WARNING)
    if len(times) > 1:
        backwards = times[1:] < times[:-1]  # the same as a negative step, NaN included
        if np.count_nonzero(backwards):
            first_back = int(backwards.nonzero()[0][0]) + 1
            order = np.argsort(times, kind="stable")
            at = float(times[first_back] - times[order[0]])
            warnings.append(
                f"Timestamps go backwards at {format_clock(at)}; the samples were sorted by time."
            )
            times = times[order]
            # take, not block[:, order]: fancy indexing gives a column-major result, and rows
            # (streams) must stay contiguous, or every later pass over a stream is strided.
            block = np.take(block, order, axis=1)
    columns = dict(zip(names, block, strict=True))
    facts = _clean_values(columns, block, warnings)

    if len(times):
        start = float(times[0])
        if raw.start_hint is not None and 0 < start - raw.start_hint <= 3600:
            start = raw.start_hint
    elif raw.start_hint is not None:
        start = raw.start_hint
    elif raw.laps:
        start = min(lap.start for lap in raw.laps)
    else:
        start = 0.0
    elapsed_axis = times - start
    n = len(times)
    has_values = facts.has_values
    has_lat = has_values.get("lat", False)
    if not has_values.get("distance", False) and has_lat and "lon" in columns:
        lat, lon = columns["lat"], columns["lon"]
        if facts.gap_free["lat"] and facts.gap_free["lon"]:
            columns["distance"] = track_distance_complete(lat, lon)
        else:
            columns["distance"] = track_distance(lat, lon)
    if not has_values.get("speed", False) and "distance" in columns:
        columns["speed"] = speed_from_distance(elapsed_axis, columns["distance"])
    columns["time"] = elapsed_axis
    streams = Streams.from_columns({k: v for k, v in columns.items() if k in STREAM_NAMES}, n)

    end = float(elapsed_axis[-1]) if n else 0.0
    if n and raw.end_hint is not None and 0 < raw.end_hint - start - end <= 600:
        # Extend the axis to the final timer stop so that the elapsed time covers it.
        end = raw.end_hint - start
    pauses = [Pause(a - start, b - start) for a, b in raw.pauses]
    if not raw.timer_known:
        pauses += infer_pauses(elapsed_axis, streams.distance)
    pauses = _merge_pauses(pauses, end)
    computed = compute_summary(streams, pauses, end, begin=0.0)
    summary = _prefer_recorded(raw.recorded, computed) if raw.recorded else computed

    laps = [
        Lap(lap.start - start, lap.summary, lap.intensity, lap.sport)
        for lap in sorted(raw.laps, key=lambda lap: lap.start)
    ]
    if not laps and (n or raw.recorded):
        laps = [Lap(0.0, summary)]
    for lap in laps:
        if lap.summary.moving_time is None:
            lap.summary.moving_time = lap.summary.elapsed_time
        if lap.summary.elapsed_time is None:
            lap.summary.elapsed_time = lap.summary.moving_time

    if n and not has_lat:
        warnings.append("No GPS: indoor activity (no route to show).")
    if not n:
        warnings.append("This file holds totals but no samples: there is no route or chart.")
    tz = timezone(raw.utc_offset) if raw.utc_offset is not None else UTC
    start_time = datetime.fromtimestamp(start, UTC).astimezone(tz)
    return Activity(
        format=raw.format,
        start_time=start_time,
        sport=raw.sport,
        streams=streams,
        laps=laps,
        pauses=pauses,
        summary=summary,
        computed_summary=computed,
        recorded_summary=raw.recorded,
        name=raw.name,
        notes=raw.notes,
        device=raw.device,
        warnings=warnings,
    )
