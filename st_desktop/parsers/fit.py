"""FIT files (single, multi-sport and chained) into an :class:`Activity`.

Decoding is done by :mod:`st_desktop.parsers.fit_decode`, and what each kind of message says is
read by :mod:`st_desktop.parsers.fit_messages_read`; this module picks the streams, laps, pauses,
sport, device and the file's own totals out of them.
"""

from __future__ import annotations

import logging

import numpy as np

from st_desktop.domain.activity import Activity, FloatArray
from st_desktop.parsers.assemble import assemble
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.errors import CorruptFileError, NoActivityDataError
from st_desktop.parsers.fit_decode import FitData, MessageTable, NotFitError, decode_fit
from st_desktop.parsers.fit_messages_read import (
    KCAL_TO_KJ,
    device,
    either,
    first_finite,
    recorded_end,
    recorded_span,
    sessions_total,
    sport_name,
    start_of,
    summary_row,
    timer_events,
    unix,
    utc_offset,
    value_at,
)
from st_desktop.parsers.fit_profile import (
    FIT_EPOCH_OFFSET,
    FIT_SYSTEM_TIME_LIMIT,
    INTENSITY_REST,
    SEMICIRCLE_DEGREES,
)
from st_desktop.parsers.raw_activity import (
    NO_DATE_WARNING,
    RawActivity,
    RawLap,
    format_clock,
    format_duration,
)
from st_desktop.parsers.segments import parts_from_starts

__all__ = ["KCAL_TO_KJ", "parse_fit"]

_log = logging.getLogger(__name__)


def parse_fit(data: bytes, context: ParseContext | None = None) -> Activity:
    """Read a FIT file (possibly chained or multi-sport) into one Activity.

    Raises:
        CorruptFileError: nothing usable precedes the damage.
        NoActivityDataError: a valid FIT file without activity data (a course, settings ...).
    """
    fit = _decode(data)
    records = fit.table("record")
    sessions = fit.table("session")
    times = unix(records.column("timestamp"))
    warnings = _file_warnings(fit, records, times, len(data))
    sport = _sport(fit, warnings)
    pauses, start_hint, end_hint = _timer_span(fit)
    # Each session (a multi-sport file's legs, chained files) is a part of the recording.
    session_starts = [start_of(sessions, i) or np.nan for i in range(len(sessions))]
    activity = assemble(
        RawActivity(
            format="FIT",
            times=times,
            columns=_streams(records),
            sport=sport,
            laps=_laps(fit.table("lap")),
            pauses=pauses,
            end_hint=end_hint,
            recorded=sessions_total(sessions),
            utc_offset=utc_offset(fit),
            start_hint=start_hint,
            name=None,
            device=device(fit),
            warnings=warnings,
            parts=parts_from_starts(times, session_starts),
            legs=sorted(
                (start, sport_name(sessions, i))
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


def _decode(data: bytes) -> FitData:
    """The decoded file, refused when it holds nothing an activity can be made of.

    Raises:
        CorruptFileError: a broken header, or damage before any activity data.
        NoActivityDataError: no records, sessions or laps.
    """
    try:
        fit = decode_fit(data)
    except NotFitError as exc:
        raise CorruptFileError("This FIT file has a broken header.") from exc
    if not len(fit.table("record")) and not len(fit.table("session")) and not len(fit.table("lap")):
        if fit.damage is not None:
            raise CorruptFileError(
                f"This FIT file is damaged at byte {fit.damage.position:,}, before any "
                "activity data.",
                detail=fit.damage.detail,
            )
        raise NoActivityDataError(
            "This FIT file holds no activity (it may be a course, workout or settings file)."
        )
    return fit


def _file_warnings(fit: FitData, records: MessageTable, times: FloatArray, size: int) -> list[str]:
    """What the user is told about the file as a whole: no real date, damage."""
    warnings: list[str] = []
    raw_times = records.column("timestamp")
    known = raw_times[np.isfinite(raw_times)]
    if len(known) and np.median(known) < FIT_SYSTEM_TIME_LIMIT:
        warnings.append(NO_DATE_WARNING)
    damage = _damage_warning(fit, times, fit.table("session"))
    if damage:
        _log.info("FIT damage: %s at %d", fit.damage.detail if fit.damage else "", size)
        warnings.append(damage)
    if fit.files > 1:
        _log.debug("%d chained FIT files read", fit.files)
    return warnings


def _damage_warning(fit: FitData, times: FloatArray, sessions: MessageTable) -> str | None:
    """What the damage that ended the decoding cost (None when nothing the user sees is lost)."""
    if fit.damage is None:
        return None
    finite = times[np.isfinite(times)]
    span = format_duration(float(finite.max() - finite.min())) if len(finite) > 1 else "0 s"
    if fit.damage.kind == "truncated":
        end = recorded_end(sessions)
        if end is not None and len(finite) and finite.max() >= end - 1:
            # Only the last bytes (the CRC, bytes lost inside a damaged file) are missing: the
            # samples reach the end the file's own session gives, nothing the user sees is lost.
            _log.info("FIT cut short after its last record: %s", fit.damage.detail)
            return None
        return f"The file is cut short after {span}; everything before the cut was recovered."
    return (
        f"The file is damaged at byte {fit.damage.position:,}; the {span} before the damage "
        "were recovered."
    )


def _streams(records: MessageTable) -> dict[str, FloatArray]:
    """The record messages' fields as streams (positions in degrees)."""
    return {
        "lat": records.column("position_lat") * SEMICIRCLE_DEGREES,
        "lon": records.column("position_long") * SEMICIRCLE_DEGREES,
        "elevation": either(records, "enhanced_altitude", "altitude"),
        "distance": records.column("distance"),
        "heartrate": records.column("heart_rate"),
        "cadence": records.column("cadence"),
        "power": records.column("power"),
        "speed": either(records, "enhanced_speed", "speed"),
        "temperature": records.column("temperature"),
    }


def _sport(fit: FitData, warnings: list[str]) -> str:
    """The activity's sport; a multi-sport file adds a warning saying how it is read."""
    sessions, laps = fit.table("session"), fit.table("lap")
    if len(sessions):
        durations = np.nan_to_num(sessions.column("total_elapsed_time"), nan=0.0)
        sports = [sport_name(sessions, i) for i in range(len(sessions))]
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
        return sport
    if len(fit.table("sport")):
        return sport_name(fit.table("sport"), 0)
    if len(laps) and np.isfinite(laps.column("sport")).any():
        return sport_name(laps, 0)
    return "Other"


def _laps(laps_table: MessageTable) -> list[RawLap]:
    """The lap messages that say when they started."""
    laps: list[RawLap] = []
    for i in range(len(laps_table)):
        start = start_of(laps_table, i)
        if start is None:
            continue
        intensity = "rest" if value_at(laps_table, "intensity", i) == INTENSITY_REST else "active"
        lap_sport = (
            sport_name(laps_table, i) if value_at(laps_table, "sport", i) is not None else None
        )
        laps.append(RawLap(start, summary_row(laps_table, i), intensity, lap_sport))
    return laps


def _timer_span(fit: FitData) -> tuple[list[tuple[float, float]], float | None, float | None]:
    """The timer's pauses, and when the recording started and ended (Unix seconds, if known)."""
    pauses, first_start, final_stop = timer_events(fit.table("event"))
    # The recording runs from the session's start (or the first timer start, if earlier) to the
    # session's end: devices close the session a few seconds to minutes after the last sample,
    # and count that time in the elapsed total (and in the timer total unless it was stopped).
    session_start, session_end = recorded_span(fit.table("session"))
    starts = [t for t in (first_start, session_start) if t is not None]
    start_hint = min(starts) if starts else None
    end_hint = final_stop if session_end is None else session_end
    if final_stop is not None and session_end is not None and session_end > final_stop:
        pauses.append((final_stop, session_end))  # stopped until the session was closed
    return pauses, start_hint, end_hint


def _skip_warning(fit: FitData, records: MessageTable, start: float) -> str | None:
    """What damage was jumped over, and how much was recovered after it."""
    if not fit.skips:
        return None
    first = fit.skips[0]
    after = records.seq >= first.seq
    if first.last_time is not None:
        damaged_at = first.last_time + FIT_EPOCH_OFFSET - start
    else:
        damaged_at = (first_finite(unix(records.column("timestamp"))[after]) or start) - start
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
