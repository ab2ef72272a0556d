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

from datetime import UTC, datetime, timedelta, timezone, tzinfo

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
from st_desktop.parsers.raw_activity import (
    NO_DATE_WARNING,
    RawActivity,
    RawLap,
    format_clock,
    format_duration,
)
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

__all__ = [
    "NO_DATE_WARNING",
    "RawActivity",
    "RawLap",
    "assemble",
    "format_clock",
    "format_duration",
]

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


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
    columns = dict(zip(names, block, strict=True))
    facts = clean_values(columns, block, warnings)

    start = _start(raw, times)
    elapsed_axis = times - start
    streams = _complete_streams(columns, facts.has_values, facts.gap_free, elapsed_axis, bounds)
    end = _end(raw, start, elapsed_axis)
    pauses = _pauses(raw, times, elapsed_axis, bounds, start, end, streams.distance)
    computed = compute_summary(streams, pauses, end, begin=0.0)
    summary = _prefer_recorded(raw.recorded, computed) if raw.recorded else computed
    laps = _laps(raw, start, summary, len(times))

    if len(times) and not facts.has_values.get("lat", False):
        warnings.append("No GPS: indoor activity (no route to show).")
    if not len(times):
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
    activity.segments = _segments(raw, bounds, elapsed_axis, start_time)
    activity.verdicts = judge(
        _recording(raw, start, elapsed_axis, streams, bounds, activity.zone, now, laps, warnings)
    )
    return activity


def _start(raw: RawActivity, times: FloatArray) -> float:
    """Unix time of elapsed 0: the first sample, or the timer start up to an hour before it."""
    if len(times):
        start = float(times[0])
        if raw.start_hint is not None and 0 < start - raw.start_hint <= 3600:
            start = raw.start_hint
        return start
    if raw.start_hint is not None:
        return raw.start_hint
    if raw.laps:
        return min(lap.start for lap in raw.laps)
    return 0.0


def _complete_streams(
    columns: dict[str, FloatArray],
    has_values: dict[str, bool],
    gap_free: dict[str, bool],
    elapsed_axis: FloatArray,
    bounds: list[Bounds],
) -> Streams:
    """The streams, with distance from the GPS track and speed from the distance when the file
    has none (both are added to ``columns``, as is the time axis).

    ``has_values`` and ``gap_free``: what the cleaning learnt about each column.
    """
    if not has_values.get("distance", False) and has_values.get("lat", False) and "lon" in columns:
        lat, lon = columns["lat"], columns["lon"]
        segment_of = segment_index(bounds, len(elapsed_axis)) if len(bounds) > 1 else None
        if gap_free["lat"] and gap_free["lon"]:
            columns["distance"] = track_distance_complete(lat, lon, segment_of)
        else:
            columns["distance"] = track_distance(lat, lon, segment_of)
    if not has_values.get("speed", False) and "distance" in columns:
        columns["speed"] = speed_from_distance(elapsed_axis, columns["distance"])
    columns["time"] = elapsed_axis
    return Streams.from_columns(
        {k: v for k, v in columns.items() if k in STREAM_NAMES}, len(elapsed_axis)
    )


def _end(raw: RawActivity, start: float, elapsed_axis: FloatArray) -> float:
    """Elapsed seconds at the end: the last sample, or the final timer stop soon after it."""
    n = len(elapsed_axis)
    end = float(elapsed_axis[-1]) if n else 0.0
    if n and raw.end_hint is not None and 0 < raw.end_hint - start - end <= 600:
        # Extend the axis to the final timer stop so that the elapsed time covers it.
        end = raw.end_hint - start
    return end


def _pauses(
    raw: RawActivity,
    times: FloatArray,
    elapsed_axis: FloatArray,
    bounds: list[Bounds],
    start: float,
    end: float,
    distance: FloatArray,
) -> list[Pause]:
    """The timer's pauses, the breaks between segments and (without a timer) the standstills,
    merged, in elapsed seconds."""
    pauses = [
        Pause(a - start, b - start) for a, b in [*raw.pauses, *_break_pauses(raw, times, bounds)]
    ]
    if not raw.timer_known:
        pauses += infer_pauses(elapsed_axis, distance)
    return _merge_pauses(pauses, end)


def _laps(raw: RawActivity, start: float, summary: Summary, samples: int) -> list[Lap]:
    """The file's laps in time order (one lap of the whole when it has none), each with both
    its times."""
    laps = [
        Lap(lap.start - start, lap.summary, lap.intensity, lap.sport)
        for lap in sorted(raw.laps, key=lambda lap: lap.start)
    ]
    if not laps and (samples or raw.recorded):
        laps = [Lap(0.0, summary)]
    for lap in laps:
        if lap.summary.moving_time is None:
            lap.summary.moving_time = lap.summary.elapsed_time
        if lap.summary.elapsed_time is None:
            lap.summary.elapsed_time = lap.summary.moving_time
    return laps


def _segments(
    raw: RawActivity, bounds: list[Bounds], elapsed_axis: FloatArray, start_time: datetime
) -> tuple[Segment, ...]:
    """The segments as the Activity shows them (sample range, elapsed and clock times, group)."""
    return tuple(
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


def _recording(
    raw: RawActivity,
    start: float,
    elapsed_axis: FloatArray,
    streams: Streams,
    bounds: list[Bounds],
    zone: tzinfo,
    now: float,
    laps: list[Lap],
    warnings: list[str],
) -> Recording:
    """What the verdicts judge (see :mod:`st_desktop.parsers.plausibility`)."""
    return Recording(
        start=start,
        time=elapsed_axis,
        lat=streams.lat,
        lon=streams.lon,
        distance=streams.distance,
        sport=raw.sport,
        bounds=bounds,
        zone=zone,
        part_word=raw.part_word,
        now=now,
        groups=[raw.group(b.part) for b in bounds],
        group_word=raw.group_word,
        no_real_date=NO_DATE_WARNING in warnings,
        sports=(
            [(t - start, sport) for t, sport in raw.legs] if len(raw.legs) > 1 else _legs(laps)
        ),
    )
