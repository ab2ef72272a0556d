"""FIT files (single, multi-sport and chained) into an :class:`Activity`.

Decoding is done by :mod:`st_desktop.parsers.fit_decode`; this module picks the streams, laps,
pauses, sport, device and the file's own totals out of the decoded messages.
"""

from __future__ import annotations

import logging
from datetime import timedelta

import numpy as np

from st_desktop.domain.activity import Activity, FloatArray, Summary
from st_desktop.parsers.assemble import (
    NO_DATE_WARNING,
    RawActivity,
    RawLap,
    assemble,
    format_clock,
    format_duration,
)
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.errors import CorruptFileError, NoActivityDataError
from st_desktop.parsers.fit_decode import FitData, MessageTable, NotFitError, decode_fit
from st_desktop.parsers.fit_profile import (
    EVENT_TIMER,
    EVENT_TYPE_START,
    FIT_EPOCH_OFFSET,
    FIT_SYSTEM_TIME_LIMIT,
    GARMIN_PRODUCTS,
    INTENSITY_REST,
    MANUFACTURERS,
    SEMICIRCLE_DEGREES,
    SPORTS,
    STOP_EVENT_TYPES,
    SUB_SPORTS,
)
from st_desktop.parsers.segments import parts_from_starts
from st_desktop.parsers.sports import fit_sport_type

_log = logging.getLogger(__name__)

KCAL_TO_KJ = 4.184


def _unix(raw: FloatArray) -> FloatArray:
    """FIT date_time values to Unix seconds (NaN stays NaN).

    Values below ``FIT_SYSTEM_TIME_LIMIT`` are seconds since the device powered up (it had no
    clock); they still order the samples, and :func:`assemble` warns that the date is unknown.
    """
    return raw + FIT_EPOCH_OFFSET


def _first(values: FloatArray) -> float | None:
    finite = values[np.isfinite(values)]
    return float(finite[0]) if len(finite) else None


def _value(table: MessageTable, name: str, i: int) -> float | None:
    v = float(table.column(name)[i])
    return v if np.isfinite(v) else None


def _either(table: MessageTable, preferred: str, fallback: str) -> FloatArray:
    a = table.column(preferred)
    return np.where(np.isfinite(a), a, table.column(fallback))


def _sport_name(table: MessageTable, i: int) -> str:
    sport = _value(table, "sport", i)
    sub = _value(table, "sub_sport", i)
    return fit_sport_type(
        SPORTS.get(int(sport)) if sport is not None else None,
        SUB_SPORTS.get(int(sub)) if sub is not None else None,
    )


def _summary_row(table: MessageTable, i: int) -> Summary:
    """Figures of one lap or session message (calories converted to kJ)."""
    kcal = _value(table, "total_calories", i)
    avg_speed = _either(table, "enhanced_avg_speed", "avg_speed")[i]
    max_speed = _either(table, "enhanced_max_speed", "max_speed")[i]
    return Summary(
        distance=_value(table, "total_distance", i),
        elapsed_time=_value(table, "total_elapsed_time", i),
        moving_time=_value(table, "total_timer_time", i),
        elevation_gain=_value(table, "total_ascent", i),
        elevation_loss=_value(table, "total_descent", i),
        avg_heartrate=_value(table, "avg_heart_rate", i),
        max_heartrate=_value(table, "max_heart_rate", i),
        avg_cadence=_value(table, "avg_cadence", i),
        max_cadence=_value(table, "max_cadence", i),
        avg_power=_value(table, "avg_power", i),
        max_power=_value(table, "max_power", i),
        avg_speed=float(avg_speed) if np.isfinite(avg_speed) else None,
        max_speed=float(max_speed) if np.isfinite(max_speed) else None,
        calories=kcal * KCAL_TO_KJ if kcal is not None else None,
    )


def _start_of(table: MessageTable, i: int) -> float | None:
    start = _unix(table.column("start_time")[i : i + 1])[0]
    if np.isfinite(start):
        return float(start)
    end = _unix(table.column("timestamp")[i : i + 1])[0]
    elapsed = _value(table, "total_elapsed_time", i)
    if np.isfinite(end) and elapsed is not None:
        return float(end) - elapsed
    return None


def _sessions_total(sessions: MessageTable) -> Summary | None:
    if not len(sessions):
        return None
    rows = [_summary_row(sessions, i) for i in range(len(sessions))]

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


def _timer_events(
    events: MessageTable,
) -> tuple[list[tuple[float, float]], float | None, float | None]:
    """Pauses (stopped, resumed) from timer events, the first start, and the final stop.

    The final stop is when the timer was stopped for good (None when it runs to the end).
    """
    pauses: list[tuple[float, float]] = []
    first_start: float | None = None
    stopped_at: float | None = None
    times = _unix(events.column("timestamp"))
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


def _recorded_span(sessions: MessageTable) -> tuple[float | None, float | None]:
    """When the sessions say the recording started and ended (Unix seconds), if they say."""
    starts = [_start_of(sessions, i) for i in range(len(sessions))]
    ends = [
        start + elapsed
        for start, elapsed in zip(
            starts, sessions.column("total_elapsed_time").tolist(), strict=True
        )
        if start is not None and np.isfinite(elapsed)
    ]
    known = [start for start in starts if start is not None]
    return (min(known) if known else None), (max(ends) if ends else None)


def _device(fit: FitData) -> str | None:
    file_id = fit.table("file_id")
    if not len(file_id):
        return None
    maker_num = _value(file_id, "manufacturer", 0)
    product = _value(file_id, "product", 0)
    names = file_id.strings.get("product_name") or [None]
    maker = MANUFACTURERS.get(int(maker_num)) if maker_num is not None else None
    model = names[0]
    if model is None and product is not None:
        if maker_num == 1:
            model = GARMIN_PRODUCTS.get(int(product), f"product {int(product)}")
        else:
            model = f"product {int(product)}"
    parts = [p for p in (maker, model) if p]
    return " ".join(parts) or None


def _utc_offset(fit: FitData) -> timedelta | None:
    activity = fit.table("activity")
    if not len(activity):
        return None
    local = _first(activity.column("local_timestamp"))
    utc = _first(activity.column("timestamp"))
    if local is None or utc is None:
        return None
    # Round to a quarter of an hour: the two values are written a moment apart.
    minutes = round((local - utc) / 900.0) * 15
    if abs(minutes) > 14 * 60:
        return None
    return timedelta(minutes=minutes)


def _recorded_end(sessions: MessageTable) -> float | None:
    """Unix time the file's sessions say the recording ended, if they say."""
    ends = _unix(sessions.column("start_time")) + sessions.column("total_elapsed_time")
    ends = np.where(np.isfinite(ends), ends, _unix(sessions.column("timestamp")))
    return _first(np.sort(ends)[::-1]) if len(ends) else None


def _damage_warning(fit: FitData, times: FloatArray, sessions: MessageTable) -> str | None:
    if fit.damage is None:
        return None
    finite = times[np.isfinite(times)]
    span = format_duration(float(finite.max() - finite.min())) if len(finite) > 1 else "0 s"
    if fit.damage.kind == "truncated":
        recorded_end = _recorded_end(sessions)
        if recorded_end is not None and len(finite) and finite.max() >= recorded_end - 1:
            # Only the last bytes (the CRC, bytes lost inside a damaged file) are missing: the
            # samples reach the end the file's own session gives, nothing the user sees is lost.
            _log.info("FIT cut short after its last record: %s", fit.damage.detail)
            return None
        return f"The file is cut short after {span}; everything before the cut was recovered."
    return (
        f"The file is damaged at byte {fit.damage.position:,}; the {span} before the damage "
        "were recovered."
    )


def _skip_warning(fit: FitData, records: MessageTable, start: float) -> str | None:
    """What damage was jumped over, and how much was recovered after it."""
    if not fit.skips:
        return None
    first = fit.skips[0]
    after = records.seq >= first.seq
    if first.last_time is not None:
        damaged_at = first.last_time + FIT_EPOCH_OFFSET - start
    else:
        damaged_at = (_first(_unix(records.column("timestamp"))[after]) or start) - start
    for skip in fit.skips:
        _log.info(
            "FIT damage at byte %d (%s); resumed at %d", skip.position, skip.detail, skip.resumed
        )
    places = len(fit.skips) - 1
    where = format_clock(damaged_at)
    if places:
        where += f" and in {places} more place{'s' if places > 1 else ''}"
    recovered = int(after.sum())
    if not recovered:
        return f"The file is damaged at {where}; no samples after the damage could be read."
    return f"The file is damaged at {where}; {recovered:,} records after the damage were recovered."


def parse_fit(data: bytes, context: ParseContext | None = None) -> Activity:
    """Read a FIT file (possibly chained or multi-sport) into one Activity.

    Raises:
        CorruptFileError: nothing usable precedes the damage.
        NoActivityDataError: a valid FIT file without activity data (a course, settings ...).
    """
    try:
        fit = decode_fit(data)
    except NotFitError as exc:
        raise CorruptFileError("This FIT file has a broken header.") from exc
    records = fit.table("record")
    sessions = fit.table("session")
    laps_table = fit.table("lap")
    times = _unix(records.column("timestamp"))
    if not len(records) and not len(sessions) and not len(laps_table):
        if fit.damage is not None:
            raise CorruptFileError(
                f"This FIT file is damaged at byte {fit.damage.position:,}, before any "
                "activity data.",
                detail=fit.damage.detail,
            )
        raise NoActivityDataError(
            "This FIT file holds no activity (it may be a course, workout or settings file)."
        )
    warnings: list[str] = []
    raw_times = records.column("timestamp")
    known = raw_times[np.isfinite(raw_times)]
    if len(known) and np.median(known) < FIT_SYSTEM_TIME_LIMIT:
        warnings.append(NO_DATE_WARNING)
    damage = _damage_warning(fit, times, sessions)
    if damage:
        _log.info("FIT damage: %s at %d", fit.damage.detail if fit.damage else "", len(data))
        warnings.append(damage)
    if fit.files > 1:
        _log.debug("%d chained FIT files read", fit.files)

    columns = {
        "lat": records.column("position_lat") * SEMICIRCLE_DEGREES,
        "lon": records.column("position_long") * SEMICIRCLE_DEGREES,
        "elevation": _either(records, "enhanced_altitude", "altitude"),
        "distance": records.column("distance"),
        "heartrate": records.column("heart_rate"),
        "cadence": records.column("cadence"),
        "power": records.column("power"),
        "speed": _either(records, "enhanced_speed", "speed"),
        "temperature": records.column("temperature"),
    }

    sport = "Other"
    if len(sessions):
        durations = np.nan_to_num(sessions.column("total_elapsed_time"), nan=0.0)
        sports = [_sport_name(sessions, i) for i in range(len(sessions))]
        # The longest part names the whole; generic parts and transitions only if nothing else.
        specific = [s != "Other" for s in sports]
        if any(specific):
            durations = np.where(specific, durations, -1.0)
        sport = sports[int(np.argmax(durations))]
        distinct = list(dict.fromkeys(s for s in sports if s != "Other"))
        if len(distinct) > 1:
            warnings.append(
                f"Multi-sport activity ({', '.join(distinct)}): it is read as one {sport} "
                "workout, with each part as its own lap."
            )
    elif len(fit.table("sport")):
        sport = _sport_name(fit.table("sport"), 0)
    elif len(laps_table) and np.isfinite(laps_table.column("sport")).any():
        sport = _sport_name(laps_table, 0)

    laps: list[RawLap] = []
    for i in range(len(laps_table)):
        start = _start_of(laps_table, i)
        if start is None:
            continue
        intensity = "rest" if _value(laps_table, "intensity", i) == INTENSITY_REST else "active"
        lap_sport = (
            _sport_name(laps_table, i) if _value(laps_table, "sport", i) is not None else None
        )
        laps.append(RawLap(start, _summary_row(laps_table, i), intensity, lap_sport))

    pauses, first_start, final_stop = _timer_events(fit.table("event"))
    # The recording runs from the session's start (or the first timer start, if earlier) to the
    # session's end: devices close the session a few seconds to minutes after the last sample,
    # and count that time in the elapsed total (and in the timer total unless it was stopped).
    session_start, session_end = _recorded_span(sessions)
    starts = [t for t in (first_start, session_start) if t is not None]
    start_hint = min(starts) if starts else None
    end_hint = final_stop if session_end is None else session_end
    if final_stop is not None and session_end is not None and session_end > final_stop:
        pauses.append((final_stop, session_end))  # stopped until the session was closed
    # Each session (a multi-sport file's legs, chained files) is a part of the recording.
    session_starts = [_start_of(sessions, i) or np.nan for i in range(len(sessions))]
    activity = assemble(
        RawActivity(
            format="FIT",
            times=times,
            columns=columns,
            sport=sport,
            laps=laps,
            pauses=pauses,
            end_hint=end_hint,
            recorded=_sessions_total(sessions),
            utc_offset=_utc_offset(fit),
            start_hint=start_hint,
            name=None,
            device=_device(fit),
            warnings=warnings,
            parts=parts_from_starts(times, session_starts),
            legs=sorted(
                (start, _sport_name(sessions, i))
                for i, start in enumerate(session_starts)
                if np.isfinite(start)
            ),
            part_word="session",
            group_word="session",
        ),
        context,
    )
    skipped = _skip_warning(fit, records, activity.start_time.timestamp())
    if skipped:
        activity.warnings.insert(0, skipped)
    return activity
