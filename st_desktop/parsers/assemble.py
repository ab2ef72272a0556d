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

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone

import numpy as np

from st_desktop.domain.activity import (
    STREAM_NAMES,
    Activity,
    FloatArray,
    Lap,
    Pause,
    Segment,
    Streams,
    Summary,
)
from st_desktop.parsers.cleaning import clean_values
from st_desktop.parsers.context import DEFAULT_CONTEXT, ParseContext
from st_desktop.parsers.plausibility import EARLIEST_PLAUSIBLE, Recording, judge
from st_desktop.parsers.segments import (
    Bounds,
    IntArray,
    order_samples,
    plausible_times,
    segment_bounds,
    segment_index,
)
from st_desktop.parsers.summary import (
    compute_summary,
    infer_pauses,
    speed_from_distance,
    track_distance,
    track_distance_complete,
)
from st_desktop.parsers.zone import ride_zone

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

NO_DATE_WARNING = (
    "The device did not record a real date, so the start time is wrong: correct it before "
    "uploading."
)


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
        parts: the file's part (track segment, track, session: 0, 1, ...) of each sample,
            None for one part; see :mod:`st_desktop.parsers.segments`.
        legs: (Unix start, sport) of each leg of a multi-sport recording (FIT sessions);
            without them, the laps that say their sport give the legs.
        part_groups: the group (GPX track) of each part, None when each part is its own.
        part_word, group_word: what the file calls its parts and groups, for sentences
            ("segment" and "track" in GPX, "track" in TCX, "session" in FIT).
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
    parts: IntArray | None = None
    legs: list[tuple[float, str]] = field(default_factory=list)
    part_groups: list[int] | None = None
    part_word: str = "segment"
    group_word: str = "segment"

    def group(self, part: int) -> int:
        """The group of a part (the part itself without ``part_groups``)."""
        groups = self.part_groups
        return groups[part] if groups is not None and 0 <= part < len(groups) else part


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


def _order(
    raw: RawActivity, times: FloatArray, block: FloatArray, warnings: list[str], now: float
) -> tuple[FloatArray, FloatArray, IntArray]:
    """Drop samples without a plausible time and sort the rest (see :mod:`.segments`)."""
    parts = (
        np.asarray(raw.parts, dtype=np.int64)
        if raw.parts is not None
        else np.zeros(len(times), dtype=np.int64)
    )
    latest_plausible = now + 2 * 86400
    keep = plausible_times(times, parts)
    if keep is None:
        # The common case, decided without a median: every time is finite and the median lies
        # in [lowest, highest].
        if len(times) and not (
            times.min() >= EARLIEST_PLAUSIBLE and times.max() <= latest_plausible
        ):
            median = float(np.median(times))
            if not EARLIEST_PLAUSIBLE <= median <= latest_plausible:
                _add_once(warnings, NO_DATE_WARNING)
    elif len(times):
        finite = np.isfinite(times)
        if finite.any():
            median = float(np.median(times[finite]))
            if not EARLIEST_PLAUSIBLE <= median <= latest_plausible:
                _add_once(warnings, NO_DATE_WARNING)
        dropped = int(len(times) - keep.sum())
        if dropped:
            # Samples far from the rest of their part are clock glitches (one record dated 2065
            # in a 2001 run); a part spread over more than a month does not happen.
            warnings.append(
                f"{dropped} samples had impossible times and were left out."
                if dropped > 1
                else "1 sample had an impossible time and was left out."
            )
            times = times[keep]
            block = np.compress(keep, block, axis=1)  # rows stay contiguous: see below
            parts = parts[keep]
    ordering = order_samples(times, parts)
    if ordering.order is not None:
        if ordering.backwards_at is not None:
            warnings.append(
                f"Timestamps go backwards at {format_clock(ordering.backwards_at)}; the samples "
                "were sorted by time."
            )
        if ordering.parts_reordered:
            warnings.append(
                f"The file's {raw.group_word}s are not in time order; they were put in order."
            )
        times = times[ordering.order]
        # take, not block[:, order]: fancy indexing gives a column-major result, and rows
        # (streams) must stay contiguous, or every later pass over a stream is strided.
        block = np.take(block, ordering.order, axis=1)
    return times, block, ordering.parts


def _break_pauses(
    raw: RawActivity, times: FloatArray, bounds: list[Bounds]
) -> list[tuple[float, float]]:
    """Pauses between segments: every hole, and every part break of a format without a timer
    (a device starts a new track segment when its timer restarts). A hole that the device's
    own timer stops already cover is left to them (they say to the second when it stopped)."""
    pauses: list[tuple[float, float]] = []
    for bound in bounds[1:]:
        if bound.reason == "hole" or not raw.timer_known:
            before, after = float(times[bound.first - 1]), float(times[bound.first])
            if raw.timer_known and any(a < after and b > before for a, b in raw.pauses):
                continue
            if after > before:
                pauses.append((before, after))
    return pauses


def _legs(laps: list[Lap]) -> list[tuple[float, str]]:
    """(start, sport) of each leg of a multi-sport file (laps that say their sport)."""
    legs: list[tuple[float, str]] = []
    for lap in laps:
        if lap.sport and (not legs or legs[-1][1] != lap.sport):
            legs.append((lap.start, lap.sport))
    return legs if len(legs) > 1 else []


def _first_fix(columns: dict[str, FloatArray]) -> tuple[float, float] | None:
    lat, lon = columns.get("lat"), columns.get("lon")
    if lat is None or lon is None:
        return None
    fixes = np.flatnonzero(np.isfinite(lat) & np.isfinite(lon))
    return (float(lat[fixes[0]]), float(lon[fixes[0]])) if len(fixes) else None


def assemble(raw: RawActivity, context: ParseContext | None = None) -> Activity:
    """Check, sort and complete what a parser read; see the module docstring."""
    context = context or DEFAULT_CONTEXT
    now = context.now()
    warnings = list(raw.warnings)
    times = np.asarray(raw.times, dtype=np.float64)
    names = list(raw.columns)
    # One copy of every column, as the rows of one block: the plausibility checks then run
    # once over all streams instead of once per stream (see clean_values).
    block = _stack([raw.columns[k] for k in names], len(times))
    times, block, parts = _order(raw, times, block, warnings, now)
    bounds = segment_bounds(times, parts)
    segment_of = segment_index(bounds, len(times)) if len(bounds) > 1 else None
    columns = dict(zip(names, block, strict=True))
    facts = clean_values(columns, block, warnings)

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
            columns["distance"] = track_distance_complete(lat, lon, segment_of)
        else:
            columns["distance"] = track_distance(lat, lon, segment_of)
    if not has_values.get("speed", False) and "distance" in columns:
        columns["speed"] = speed_from_distance(elapsed_axis, columns["distance"])
    columns["time"] = elapsed_axis
    streams = Streams.from_columns({k: v for k, v in columns.items() if k in STREAM_NAMES}, n)

    end = float(elapsed_axis[-1]) if n else 0.0
    if n and raw.end_hint is not None and 0 < raw.end_hint - start - end <= 600:
        # Extend the axis to the final timer stop so that the elapsed time covers it.
        end = raw.end_hint - start
    pauses = [
        Pause(a - start, b - start) for a, b in [*raw.pauses, *_break_pauses(raw, times, bounds)]
    ]
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
    zone = ride_zone(start, _first_fix(columns), raw.utc_offset, context)
    start_time = (_EPOCH + timedelta(seconds=start)).astimezone(timezone(zone.offset))
    activity = Activity(
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
        timezone=zone.name,
        utc_offset=zone.offset,
        timezone_source=zone.source,
    )
    activity.segments = tuple(
        Segment(
            bound.first,
            bound.stop,
            float(elapsed_axis[bound.first]),
            float(elapsed_axis[bound.stop - 1]),
            start_time + timedelta(seconds=float(elapsed_axis[bound.first])),
            bound.reason,
            raw.group(bound.part),
        )
        for bound in bounds
    )
    recording = Recording(
        start, elapsed_axis, streams.lat, streams.lon, streams.distance, raw.sport,
        bounds, activity.zone, raw.part_word, now, [raw.group(b.part) for b in bounds],
        raw.group_word, NO_DATE_WARNING in warnings,
        [(t - start, sport) for t, sport in raw.legs] if len(raw.legs) > 1 else _legs(laps),
    )  # fmt: skip
    activity.verdicts = judge(recording)
    return activity
