"""Fixing a parsed activity before upload: move its start, trim it, split it, merge several.

Every operation returns new :class:`Activity` objects (the input is left alone) whose figures,
laps, pauses, segments and plausibility verdicts are worked out again from the samples kept,
as if a file holding only those had been read. Hiding places (privacy zones) is in
:mod:`.privacy`.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import time
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import (
    HOLE_S,
    Activity,
    Lap,
    Pause,
    Segment,
    Streams,
    Verdict,
)
from st_desktop.parsers.plausibility import Recording, judge
from st_desktop.parsers.segments import Bounds, segment_bounds
from st_desktop.parsers.summary import compute_summary

log = logging.getLogger(__name__)

#: A gap at least this long suggests two activities in one file (the Split dialog's default).
DEFAULT_SPLIT_GAP_S = 2 * 3600.0
#: Merged activities may be this far apart at most (longer is not "back to back").
MAX_MERGE_GAP_S = 12 * 3600.0


class EditError(ValueError):
    """An edit that cannot be done; the message says why, for the user."""


# ----------------------------------------------------------------------------- start time


def shift_start(activity: Activity, new_start: datetime) -> Activity:
    """The activity with its first sample at ``new_start`` (every sample moves with it).

    Args:
        new_start: an aware time; its offset becomes the ride's UTC offset only when the ride's
            own zone is unknown (otherwise the zone's offset at that time is kept).

    Raises:
        EditError: ``new_start`` is naive.
    """
    if new_start.tzinfo is None:
        raise EditError("The new start needs a time zone.")
    local = new_start.astimezone(activity.zone) if activity.timezone else new_start
    offset = local.utcoffset() or timedelta(0)
    start = local.astimezone(timezone(offset))  # a fixed offset, like every parsed start
    moved = dataclasses.replace(activity, start_time=start, utc_offset=offset, warnings=[])
    moved.segments = tuple(
        dataclasses.replace(s, start_time=start + timedelta(seconds=s.start))
        for s in activity.segments
    )
    moved.verdicts = _verdicts(moved)
    return moved


# ----------------------------------------------------------------------------- slices


def trim(activity: Activity, begin: float, end: float) -> Activity:
    """Only the samples from ``begin`` to ``end`` (seconds since the start, inclusive).

    The new start is the first sample kept; laps and pauses are cut to the range.

    Raises:
        EditError: the range holds fewer than two samples.
    """
    times = activity.streams.time
    keep = (times >= begin) & (times <= end)
    if int(np.count_nonzero(keep)) < 2:
        raise EditError("Keep at least two samples: the range chosen is too short.")
    return _slice(activity, keep)


def split_at(activity: Activity, cuts: Sequence[float]) -> list[Activity]:
    """The activity cut into pieces at ``cuts`` (seconds since the start).

    A sample at a cut starts the next piece; pieces with fewer than two samples are dropped.
    """
    times = activity.streams.time
    edges = sorted({float(c) for c in cuts if times[0] < c <= times[-1]}) if len(times) else []
    pieces: list[Activity] = []
    lows = [float("-inf"), *edges]
    highs = [*edges, float("inf")]
    for low, high in zip(lows, highs, strict=True):
        keep = (times >= low) & (times < high)
        if int(np.count_nonzero(keep)) >= 2:
            pieces.append(_slice(activity, keep))
    return pieces


def split_points(activity: Activity, min_gap_s: float = DEFAULT_SPLIT_GAP_S) -> list[float]:
    """Where the activity looks like several: gaps of ``min_gap_s`` or more, and segment
    starts on another local day than the segment before.

    Read from the segments when the activity has them (every hole of :data:`HOLE_S` or more
    starts one), so a preview without its samples can say where a split would cut.
    """
    points: set[float] = set()
    segments = activity.segments
    if segments:
        for before, after in itertools.pairwise(segments):
            if after.start - before.end >= min_gap_s:
                points.add(after.start)
    times = activity.streams.time
    if len(times) > 1 and (not segments or min_gap_s < HOLE_S):
        steps = np.diff(times)
        for index in np.flatnonzero(steps >= min_gap_s):
            points.add(float(times[index + 1]))
    for before, after in itertools.pairwise(segments):
        day_before = activity.local_time(before.end).date()
        if activity.local_time(after.start).date() != day_before:
            points.add(after.start)
    return sorted(points)


def split_by_sport(activity: Activity) -> list[Activity]:
    """A multi-sport activity as one activity per leg, each with its own sport.

    Returns the activity alone when its laps name fewer than two sports.
    """
    legs = [(lap.start, lap.sport) for lap in activity.laps if lap.sport]
    sports = [sport for _, sport in legs]
    if len(set(sports)) < 2:
        return [activity]
    cuts = [
        start
        for (start, sport), (_, before) in zip(legs[1:], legs, strict=False)
        if sport != before
    ]
    pieces = split_at(activity, cuts)
    for piece in pieces:
        sport = next((lap.sport for lap in piece.laps if lap.sport), None)
        if sport:
            piece.sport = sport
            piece.verdicts = _verdicts(piece)
    return pieces


def _slice(activity: Activity, keep: npt.NDArray[np.bool_]) -> Activity:
    """The samples where ``keep``, as an activity of their own (times start again at 0)."""
    streams = activity.streams.select(keep)
    origin = float(streams.time[0])
    streams.time = streams.time - origin
    if len(streams.distance) and np.isfinite(streams.distance).any():
        first = streams.distance[np.isfinite(streams.distance)][0]
        streams.distance = streams.distance - first  # cumulative from the new start
    end = float(streams.time[-1])
    pauses = [
        Pause(max(0.0, p.start - origin), min(end, p.end - origin))
        for p in activity.pauses
        if p.end - origin > 0 and p.start - origin < end
    ]
    start_time = activity.start_time + timedelta(seconds=origin)
    kept = np.flatnonzero(keep)
    bounds = _bounds(activity.segments, kept)
    piece = dataclasses.replace(
        activity,
        start_time=start_time,
        streams=streams,
        pauses=pauses,
        laps=_laps(activity.laps, streams, pauses, origin, end),
        recorded_summary=None,
        warnings=[],
    )
    _refigure(piece, bounds)
    return piece


def _bounds(segments: Sequence[Segment], kept: npt.NDArray[np.intp]) -> list[Bounds]:
    """The segments of the kept samples (renumbered), from the activity's segments."""
    if not segments:
        return [Bounds(0, len(kept), "start", 0)]
    owner = np.zeros(int(kept[-1]) + 1, dtype=np.int64)
    for number, segment in enumerate(segments):
        owner[segment.first : min(segment.stop, len(owner))] = number
    which = owner[kept]
    starts = [0, *(np.flatnonzero(np.diff(which)) + 1).tolist()]
    stops = [*starts[1:], len(kept)]
    return [
        Bounds(
            first,
            stop,
            "start" if i == 0 else segments[which[first]].reason,
            segments[which[first]].part,
        )
        for i, (first, stop) in enumerate(zip(starts, stops, strict=True))
    ]


def _laps(
    laps: Sequence[Lap], streams: Streams, pauses: list[Pause], origin: float, end: float
) -> list[Lap]:
    """The laps overlapping the kept range, cut to it, with figures from their samples."""
    spans: list[tuple[float, float, Lap]] = []
    ordered = sorted(laps, key=lambda lap: lap.start)
    for lap, following in zip(ordered, [*ordered[1:], None], strict=True):
        lap_end = following.start - origin if following else float("inf")
        begin = max(0.0, lap.start - origin)
        if lap_end > 0 and begin <= end:
            spans.append((begin, min(end, lap_end), lap))
    if not spans:
        spans = [(0.0, end, Lap(0.0, compute_summary(streams, pauses)))]
    result = []
    for begin, stop, lap in spans:
        inside = (streams.time >= begin) & (streams.time <= stop)
        summary = compute_summary(streams.select(inside), pauses, end=stop, begin=begin)
        result.append(dataclasses.replace(lap, start=begin, summary=summary))
    return result


def _refigure(activity: Activity, bounds: list[Bounds]) -> None:
    """Figures, segments and verdicts of an activity whose samples changed."""
    streams = activity.streams
    computed = compute_summary(streams, activity.pauses)
    activity.summary = computed
    activity.computed_summary = computed
    activity.segments = tuple(
        Segment(
            b.first,
            b.stop,
            float(streams.time[b.first]),
            float(streams.time[b.stop - 1]),
            activity.start_time + timedelta(seconds=float(streams.time[b.first])),
            b.reason,
            b.part,
        )
        for b in bounds
    )
    activity.verdicts = _verdicts(activity)


def _verdicts(activity: Activity) -> tuple[Verdict, ...]:
    streams = activity.streams
    bounds = [Bounds(s.first, s.stop, s.reason, s.part) for s in activity.segments]
    if not bounds and len(streams):
        bounds = segment_bounds(streams.time, np.zeros(len(streams), dtype=np.int64))
    legs = [(lap.start, lap.sport) for lap in activity.laps if lap.sport]
    recording = Recording(
        activity.start_time.timestamp(),
        streams.time,
        streams.lat,
        streams.lon,
        streams.distance,
        activity.sport,
        bounds,
        activity.zone,
        "segment",
        time.time(),
        [b.part for b in bounds],
        "track",
        False,
        legs if len({s for _, s in legs}) > 1 else [],
    )
    return judge(recording)


# ----------------------------------------------------------------------------- merge


def merge(activities: Sequence[Activity]) -> Activity:
    """Several recordings of one sport, back to back, as one activity (the time between them
    becomes a pause, never distance).

    Raises:
        EditError: fewer than two, different sports, overlapping, or too far apart.
    """
    if len(activities) < 2:
        raise EditError("Choose at least two files to merge.")
    ordered = sorted(activities, key=lambda a: a.start_time)
    sports = {a.sport.split(":")[0] for a in ordered}
    if len(sports) > 1:
        raise EditError(
            "Only recordings of the same sport can be merged (these are "
            + ", ".join(sorted(sports))
            + ")."
        )
    first = ordered[0]
    names = sorted({n for a in ordered for n in a.streams.available()} - {"time"})
    columns: dict[str, list[npt.NDArray[np.float64]]] = {name: [] for name in ["time", *names]}
    pauses: list[Pause] = []
    laps: list[Lap] = []
    bounds: list[Bounds] = []
    carried = 0.0  # distance covered by the recordings before
    count = 0
    previous_end: float | None = None
    for number, item in enumerate(ordered):
        offset = (item.start_time - first.start_time).total_seconds()
        times = item.streams.time + offset
        if previous_end is not None:
            _check_gap(previous_end, float(times[0]))
            pauses.append(Pause(previous_end, float(times[0])))
        columns["time"].append(times)
        for name in names:
            values = item.streams.get(name)
            if not len(values):
                values = np.full(len(times), np.nan)
            columns[name].append(values + carried if name == "distance" else values)
        pauses += [Pause(p.start + offset, p.end + offset) for p in item.pauses]
        laps += [dataclasses.replace(lap, start=lap.start + offset) for lap in item.laps]
        segments = item.segments or (Segment(0, len(times), 0.0, 0.0, item.start_time),)
        bounds += [
            Bounds(s.first + count, s.stop + count, s.reason if not number else "file", number)
            for s in segments
        ]
        carried += item.summary.distance or 0.0
        count += len(times)
        previous_end = float(times[-1])
    streams = Streams.from_columns(
        {name: np.concatenate(chunks) for name, chunks in columns.items()}, count
    )
    merged = dataclasses.replace(
        first,
        streams=streams,
        pauses=pauses,
        laps=laps,
        recorded_summary=None,
        warnings=[],
        name=first.name,
        notes="\n".join(a.notes for a in ordered if a.notes) or None,
    )
    _refigure(merged, bounds)
    return merged


def _check_gap(previous_end: float, next_start: float) -> None:
    if next_start < previous_end:
        raise EditError("These recordings overlap in time; they cannot be merged.")
    if next_start - previous_end > MAX_MERGE_GAP_S:
        raise EditError(
            "These recordings are more than 12 hours apart; merge only recordings made back "
            "to back."
        )
