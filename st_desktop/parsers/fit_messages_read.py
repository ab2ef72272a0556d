"""What a decoded FIT file's messages say: lap and session figures, timer events, device, offset.

:mod:`st_desktop.parsers.fit` builds the Activity from these readings; each function here looks
at one kind of message of a :class:`~st_desktop.parsers.fit_decode.FitData` (a handful of rows,
never the records sample by sample).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from st_desktop.domain.activity import FloatArray, Summary
from st_desktop.parsers.fit_decode import FitData, MessageTable
from st_desktop.parsers.fit_devices import device_name
from st_desktop.parsers.fit_profile import (
    EVENT_TIMER,
    EVENT_TYPE_START,
    FIT_EPOCH_OFFSET,
    SPORTS,
    STOP_EVENT_TYPES,
    SUB_SPORTS,
)
from st_desktop.parsers.sports import fit_sport_type

KCAL_TO_KJ = 4.184


def unix(raw: FloatArray) -> FloatArray:
    """FIT date_time values to Unix seconds (NaN stays NaN).

    Values below ``FIT_SYSTEM_TIME_LIMIT`` are seconds since the device powered up (it had no
    clock); they still order the samples, and :func:`~st_desktop.parsers.assemble.assemble`
    warns that the date is unknown.
    """
    return raw + FIT_EPOCH_OFFSET


def first_finite(values: FloatArray) -> float | None:
    """The first value that is not NaN, if any."""
    finite = values[np.isfinite(values)]
    return float(finite[0]) if len(finite) else None


def value_at(table: MessageTable, name: str, i: int) -> float | None:
    """Field ``name`` of message ``i`` (None where invalid or absent)."""
    v = float(table.column(name)[i])
    return v if np.isfinite(v) else None


def either(table: MessageTable, preferred: str, fallback: str) -> FloatArray:
    """Field ``preferred`` where it is valid, ``fallback`` elsewhere (enhanced_* fields)."""
    a = table.column(preferred)
    return np.where(np.isfinite(a), a, table.column(fallback))


def sport_name(table: MessageTable, i: int) -> str:
    """The SportTracks type of message ``i`` (a session, lap or sport message)."""
    sport = value_at(table, "sport", i)
    sub = value_at(table, "sub_sport", i)
    return fit_sport_type(
        SPORTS.get(int(sport)) if sport is not None else None,
        SUB_SPORTS.get(int(sub)) if sub is not None else None,
    )


def summary_row(table: MessageTable, i: int) -> Summary:
    """Figures of one lap or session message (calories converted to kJ)."""
    kcal = value_at(table, "total_calories", i)
    avg_speed = either(table, "enhanced_avg_speed", "avg_speed")[i]
    max_speed = either(table, "enhanced_max_speed", "max_speed")[i]
    return Summary(
        distance=value_at(table, "total_distance", i),
        elapsed_time=value_at(table, "total_elapsed_time", i),
        moving_time=value_at(table, "total_timer_time", i),
        elevation_gain=value_at(table, "total_ascent", i),
        elevation_loss=value_at(table, "total_descent", i),
        avg_heartrate=value_at(table, "avg_heart_rate", i),
        max_heartrate=value_at(table, "max_heart_rate", i),
        avg_cadence=value_at(table, "avg_cadence", i),
        max_cadence=value_at(table, "max_cadence", i),
        avg_power=value_at(table, "avg_power", i),
        max_power=value_at(table, "max_power", i),
        avg_speed=float(avg_speed) if np.isfinite(avg_speed) else None,
        max_speed=float(max_speed) if np.isfinite(max_speed) else None,
        calories=kcal * KCAL_TO_KJ if kcal is not None else None,
    )


def start_of(table: MessageTable, i: int) -> float | None:
    """Unix start of lap or session ``i``: its start_time, else its end less its elapsed time."""
    start = unix(table.column("start_time")[i : i + 1])[0]
    if np.isfinite(start):
        return float(start)
    end = unix(table.column("timestamp")[i : i + 1])[0]
    elapsed = value_at(table, "total_elapsed_time", i)
    if np.isfinite(end) and elapsed is not None:
        return float(end) - elapsed
    return None


def sessions_total(sessions: MessageTable) -> Summary | None:
    """The file's own totals: the sessions' figures added up (None without sessions)."""
    if not len(sessions):
        return None
    rows = [summary_row(sessions, i) for i in range(len(sessions))]

    def total(name: str) -> float | None:
        values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
        return float(sum(values)) if values else None

    def peak(name: str) -> float | None:
        values = [getattr(r, name) for r in rows if getattr(r, name) is not None]
        return float(max(values)) if values else None

    def weighted(name: str) -> float | None:
        pairs = [(getattr(r, name), r.moving_time or 0.0) for r in rows]
        pairs = [(v, w) for v, w in pairs if v is not None]
        weight = sum(w for _, w in pairs)
        if not pairs:
            return None
        if weight <= 0:
            return float(sum(v for v, _ in pairs) / len(pairs))
        return float(sum(v * w for v, w in pairs) / weight)

    summary = Summary(
        distance=total("distance"),
        moving_time=total("moving_time"),
        elevation_gain=total("elevation_gain"),
        elevation_loss=total("elevation_loss"),
        avg_heartrate=weighted("avg_heartrate"),
        max_heartrate=peak("max_heartrate"),
        avg_cadence=weighted("avg_cadence"),
        max_cadence=peak("max_cadence"),
        avg_power=weighted("avg_power"),
        max_power=peak("max_power"),
        max_speed=peak("max_speed"),
        calories=total("calories"),
    )
    # Sessions follow each other (multi-sport files have transition sessions in between), so
    # their elapsed times add up to the whole; some devices write a wrong session start_time.
    summary.elapsed_time = total("elapsed_time")
    if summary.distance is not None and summary.moving_time:
        summary.avg_speed = summary.distance / summary.moving_time
    return summary


def timer_events(
    events: MessageTable,
) -> tuple[list[tuple[float, float]], float | None, float | None]:
    """Pauses (stopped, resumed) from timer events, the first start, and the final stop.

    The final stop is when the timer was stopped for good (None when it runs to the end).
    """
    pauses: list[tuple[float, float]] = []
    first_start: float | None = None
    stopped_at: float | None = None
    times = unix(events.column("timestamp"))
    kinds = events.column("event")
    types = events.column("event_type")
    for t, kind, etype in zip(times.tolist(), kinds.tolist(), types.tolist(), strict=True):
        if kind != EVENT_TIMER or not np.isfinite(t):
            continue
        if etype in STOP_EVENT_TYPES:
            if stopped_at is None:
                stopped_at = t  # a second stop while stopped changes nothing
        elif etype == EVENT_TYPE_START:
            if first_start is None:
                first_start = t
            if stopped_at is not None:
                pauses.append((stopped_at, t))
                stopped_at = None
    return pauses, first_start, stopped_at


def recorded_span(sessions: MessageTable) -> tuple[float | None, float | None]:
    """When the sessions say the recording started and ended (Unix seconds), if they say."""
    starts = [start_of(sessions, i) for i in range(len(sessions))]
    ends = [
        start + elapsed
        for start, elapsed in zip(
            starts, sessions.column("total_elapsed_time").tolist(), strict=True
        )
        if start is not None and np.isfinite(elapsed)
    ]
    known = [start for start in starts if start is not None]
    return (min(known) if known else None), (max(ends) if ends else None)


def recorded_end(sessions: MessageTable) -> float | None:
    """Unix time the file's sessions say the recording ended, if they say."""
    ends = unix(sessions.column("start_time")) + sessions.column("total_elapsed_time")
    ends = np.where(np.isfinite(ends), ends, unix(sessions.column("timestamp")))
    return first_finite(np.sort(ends)[::-1]) if len(ends) else None


def device(fit: FitData) -> str | None:
    """The recording device's maker and model, from the file_id message ("Garmin Edge 530")."""
    file_id = fit.table("file_id")
    if not len(file_id):
        return None
    maker = value_at(file_id, "manufacturer", 0)
    product = value_at(file_id, "product", 0)
    names = file_id.strings.get("product_name") or [None]
    return device_name(
        None if maker is None else int(maker),
        None if product is None else int(product),
        names[0],
    )


def utc_offset(fit: FitData) -> timedelta | None:
    """The device's UTC offset, from the activity message's local and UTC timestamps."""
    activity = fit.table("activity")
    if not len(activity):
        return None
    local = first_finite(activity.column("local_timestamp"))
    utc = first_finite(activity.column("timestamp"))
    if local is None or utc is None:
        return None
    # Round to a quarter of an hour: the two values are written a moment apart.
    minutes = round((local - utc) / 900.0) * 15
    if abs(minutes) > 14 * 60:
        return None
    return timedelta(minutes=minutes)
