"""What the writers share: the start time, where each lap ends, totals over several laps."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import numpy as np

from st_desktop.domain.activity import Activity, FloatArray, Lap, Summary

_SUMS = ("distance", "elapsed_time", "moving_time", "elevation_gain", "elevation_loss", "calories")
_PEAKS = ("max_heartrate", "max_cadence", "max_power", "max_speed")
_AVERAGES = ("avg_heartrate", "avg_cadence", "avg_power")


def start_of(activity: Activity) -> datetime:
    """The activity's start as an aware datetime (a naive one is taken as UTC)."""
    start = activity.start_time
    return start if start.tzinfo is not None else start.replace(tzinfo=UTC)


def lap_spans(laps: list[Lap], total: float | None = None) -> list[tuple[float, float]]:
    """(begin, end) elapsed seconds of each lap.

    A lap ends after its own elapsed time (or timer time); without either, where the next lap
    begins, and the last one at ``total`` (or where it begins).
    """
    spans: list[tuple[float, float]] = []
    for i, lap in enumerate(laps):
        length = lap.summary.elapsed_time
        if length is None:
            length = lap.summary.moving_time
        if length is not None:
            end = lap.start + max(0.0, length)
        elif i + 1 < len(laps):
            end = max(lap.start, laps[i + 1].start)
        else:
            end = max(lap.start, total if total is not None else lap.start)
        spans.append((lap.start, end))
    return spans


def combine_summaries(parts: list[Summary]) -> Summary:
    """Totals over consecutive parts: sums, peaks, and averages weighted by timer time.

    A sum is left unknown (None) when no part knows it; average speed is distance over timer time.
    """
    out = Summary()
    for name in _SUMS:
        values = [getattr(p, name) for p in parts if getattr(p, name) is not None]
        setattr(out, name, float(sum(values)) if values else None)
    for name in _PEAKS:
        values = [getattr(p, name) for p in parts if getattr(p, name) is not None]
        setattr(out, name, float(max(values)) if values else None)
    for name in _AVERAGES:
        pairs = [(getattr(p, name), p.moving_time or 0.0) for p in parts]
        known = [(v, w) for v, w in pairs if v is not None]
        weight = sum(w for _, w in known)
        if not known:
            continue
        if weight > 0:
            setattr(out, name, float(sum(v * w for v, w in known) / weight))
        else:
            setattr(out, name, float(sum(v for v, _ in known) / len(known)))
    if out.distance is not None and out.moving_time:
        out.avg_speed = out.distance / out.moving_time
    return out


def _distance_between(
    time: FloatArray, distance: FloatArray, begin: float, end: float
) -> float | None:
    good = np.isfinite(time) & np.isfinite(distance)
    if not good.any():
        return None
    t, d = time[good], distance[good]
    return float(max(0.0, np.interp(end, t, d) - np.interp(begin, t, d)))


def completed_laps(
    activity: Activity, laps: list[Lap], spans: list[tuple[float, float]]
) -> list[Lap]:
    """Laps with the totals they leave out filled in, for formats whose only totals are laps.

    A single lap takes the activity's figures where it has none (or 0 calories). With several
    laps, a lap without a distance gets the distance covered during it (from the distance
    stream), and when no lap has calories the activity's calories are shared out by timer time.
    """
    if len(laps) == 1:
        lap = laps[0]
        figures = lap.summary.merged_over(activity.summary)
        # A lone lap with 0 calories next to a real total is a device that did not count them.
        if not figures.calories and activity.summary.calories:
            figures.calories = activity.summary.calories
        return [Lap(lap.start, figures, lap.intensity, lap.sport)]
    time, distance = activity.streams.time, activity.streams.distance
    out: list[Lap] = []
    for lap, (begin, end) in zip(laps, spans, strict=True):
        figures = replace(lap.summary)
        if figures.distance is None:
            figures.distance = _distance_between(time, distance, begin, end)
        out.append(Lap(lap.start, figures, lap.intensity, lap.sport))
    total = activity.summary.calories
    if total is not None and all(lap.summary.calories is None for lap in out):
        weights = [
            lap.summary.moving_time or (end - begin)
            for lap, (begin, end) in zip(out, spans, strict=True)
        ]
        weight = sum(weights)
        for lap, share in zip(out, weights, strict=True):
            lap.summary.calories = total * share / weight if weight > 0 else total / len(out)
    return out
