"""An Activity as the SportTracks workout JSON (contract sections 3-5), and fileUpload fields.

Streams follow contract 3.3: one flat array per stream alternating integer offsets (elapsed
seconds since ``start_time``) and values; ``location`` values are ``[lat, lon]``; a stream
without data is left out; when several samples fall in the same second the first one is kept
(offsets are whole seconds). There is no speed stream in the API (it is derived from distance).
"""

from __future__ import annotations

import base64
import gzip
import math
from datetime import timedelta
from typing import Any

import numpy as np

from st_desktop.domain.activity import Activity, FloatArray, Summary
from st_desktop.domain.timeutil import format_timestamp, utc_offset_hours
from st_desktop.domain.types import normalize_type

#: Stream name in the API -> (our stream, decimals or None for integers).
_STREAMS: tuple[tuple[str, str, int | None], ...] = (
    ("elevation", "elevation", 1),
    ("distance", "distance", 2),
    ("heartrate", "heartrate", None),
    ("cadence", "cadence", None),
    ("power", "power", None),
    ("temperature", "temperature", 1),
)

_SUMMARY_KEYS: tuple[tuple[str, str, int | None], ...] = (
    ("elevation_gain", "elevation_gain", 1),
    ("elevation_loss", "elevation_loss", 1),
    ("avg_speed", "avg_speed", 3),
    ("max_speed", "max_speed", 3),
    ("avg_heartrate", "avg_heartrate", None),
    ("max_heartrate", "max_heartrate", None),
    ("avg_cadence", "avg_cadence", None),
    ("max_cadence", "max_cadence", None),
    ("avg_power", "avg_power", None),
    ("max_power", "max_power", None),
)


def _round(value: float, decimals: int | None) -> float | int:
    return round(value) if decimals is None else round(value, decimals)


def _figures(summary: Summary) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, attr, decimals in _SUMMARY_KEYS:
        value = getattr(summary, attr)
        if value is not None and np.isfinite(value):
            out[key] = _round(value, decimals)
    return out


def _durations(summary: Summary) -> tuple[float, int]:
    """``duration`` (timer time, to the hundredth) and ``clock_duration`` (whole seconds).

    The clock never shows less than the timer: an elapsed time that rounds below the timer time
    (1916.0 s of samples for 1916.17 s of timer) is rounded up to the next whole second.
    """
    duration = round(summary.moving_time or 0.0, 2)
    clock = round(summary.elapsed_time or 0.0)
    return duration, max(clock, math.ceil(duration))


def _interleave(offsets: list[int], values: list[Any]) -> list[Any]:
    flat: list[Any] = [None] * (2 * len(offsets))
    flat[0::2] = offsets
    flat[1::2] = values
    return flat


def _first_per_second(time: FloatArray, mask: np.ndarray[Any, Any]) -> tuple[Any, Any]:
    idx = np.flatnonzero(mask)
    offsets = np.round(time[idx]).astype(np.int64)
    _, first = np.unique(offsets, return_index=True)
    return idx[first], offsets[first]


def stream_arrays(activity: Activity) -> dict[str, list[Any]]:
    """The activity's streams in the API's offset/value form (only streams with data)."""
    streams = activity.streams
    time = streams.time
    out: dict[str, list[Any]] = {}
    lat, lon = streams.lat, streams.lon
    has_fix = np.isfinite(lat) & np.isfinite(lon) & np.isfinite(time)
    if has_fix.any():
        idx, offsets = _first_per_second(time, has_fix)
        points = [
            [a, b]
            for a, b in zip(
                np.round(lat[idx], 7).tolist(), np.round(lon[idx], 7).tolist(), strict=True
            )
        ]
        out["location"] = _interleave(offsets.tolist(), points)
    for key, name, decimals in _STREAMS:
        values = streams.get(name)
        mask = np.isfinite(values) & np.isfinite(time)
        if not mask.any():
            continue
        idx, offsets = _first_per_second(time, mask)
        chosen = values[idx]
        converted = (
            np.round(chosen).astype(np.int64).tolist()
            if decimals is None
            else np.round(chosen, decimals).tolist()
        )
        out[key] = _interleave(offsets.tolist(), converted)
    return out


def activity_to_workout_json(activity: Activity) -> dict[str, Any]:
    """The SportTracks workout object for ``POST /fitnessActivities`` (contract 3 and 4.1).

    ``start_time`` has the ride's own UTC offset (from its position, else the device, else this
    computer) and ``timezone`` is that offset in hours.
    ``duration`` is the moving (timer) time and ``clock_duration`` the elapsed time; calories are
    kilojoules; laps carry number, type ("active"/"rest"), start_time, duration, clock_duration
    and distance (the fields the service requires) plus whatever figures are known.
    """
    summary = activity.summary
    start = activity.start_time
    # The start in the ride's own UTC offset (see Activity.start_time), and that offset in
    # hours as the service's ``timezone`` field (contract 3.2).
    workout: dict[str, Any] = {
        "start_time": format_timestamp(start),
        "timezone": utc_offset_hours(start),
        "type": normalize_type(activity.sport),
    }
    if activity.name:
        workout["name"] = activity.name
    if activity.notes:
        workout["notes"] = activity.notes
    workout["total_distance"] = round(summary.distance or 0.0, 2)
    workout["duration"], workout["clock_duration"] = _durations(summary)
    workout["calories"] = round(summary.calories) if summary.calories is not None else 0
    workout.update(_figures(summary))
    laps: list[dict[str, Any]] = []
    for number, lap in enumerate(activity.laps, start=1):
        figures = lap.summary
        duration, clock_duration = _durations(figures)
        entry: dict[str, Any] = {
            "number": number,
            "type": lap.intensity,
            "start_time": format_timestamp(start + timedelta(seconds=lap.start)),
            "duration": duration,
            "clock_duration": clock_duration,
            "distance": round(figures.distance or 0.0, 2),
        }
        if figures.calories is not None:
            entry["calories"] = round(figures.calories)
        entry.update(_figures(figures))
        laps.append(entry)
    workout["laps"] = laps
    workout["timer_stops"] = [
        [
            format_timestamp(start + timedelta(seconds=pause.start)),
            format_timestamp(start + timedelta(seconds=pause.end)),
        ]
        for pause in activity.pauses
    ]
    workout.update(stream_arrays(activity))
    return workout


def file_upload_payload(data: bytes, fmt: str, name: str | None = None) -> dict[str, str]:
    """Form fields of ``POST /fileUpload`` (contract 5): ``format``, ``data`` and optional ``name``.

    A FIT file is sent base64-encoded, TCX and GPX as text. Gzip-compressed data is unpacked
    first, since ``format`` names the content.

    Raises:
        ValueError: ``fmt`` is not FIT, TCX or GPX.
    """
    kind = fmt.strip().upper()
    if kind not in ("FIT", "TCX", "GPX"):
        raise ValueError(f"unknown upload format {fmt!r}")
    if data.startswith(b"\x1f\x8b"):
        data = gzip.decompress(data)
    if kind == "FIT":
        text = base64.b64encode(data).decode("ascii")
    else:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        text = body.decode("utf-8", errors="replace")
    fields = {"format": kind, "data": text}
    if name:
        fields["name"] = name
    return fields
