"""Lap and session messages of our FIT files: their rows of values, and laps grouped by sport.

Laps of the same sport in a row form one session; a single session carries the activity's own
totals, several (a multi-sport activity) the totals of their laps.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import Activity, FloatArray, Lap, Summary
from st_desktop.domain.types import parse_type
from st_desktop.parsers.writers.fit_messages import (
    EVENT_LAP,
    EVENT_SESSION,
    EVENT_TYPE_STOP,
    FIT_EPOCH_OFFSET,
    INTENSITY_ACTIVE,
    INTENSITY_REST,
    LAP_TRIGGER_MANUAL,
    LAP_TRIGGER_SESSION_END,
    SEMICIRCLES_PER_DEGREE,
    SESSION_TRIGGER_ACTIVITY_END,
    fit_sport,
)
from st_desktop.parsers.writers.summaries import combine_summaries

KJ_PER_KCAL = 4.184

Row = dict[str, float | None]


def fit_seconds(unix: FloatArray | float) -> npt.NDArray[np.float64]:
    """Unix seconds -> whole FIT seconds (FIT times have a resolution of one second)."""
    return np.rint(np.asarray(unix, dtype=np.float64) - FIT_EPOCH_OFFSET)


def _figures(summary: Summary) -> Row:
    """A summary as the columns shared by lap and session messages."""
    kcal = summary.calories / KJ_PER_KCAL if summary.calories is not None else None
    return {
        "total_elapsed_time": summary.elapsed_time,
        "total_timer_time": summary.moving_time,
        "total_distance": summary.distance,
        "total_calories": kcal,
        "avg_speed": summary.avg_speed,
        "max_speed": summary.max_speed,
        "enhanced_avg_speed": summary.avg_speed,
        "enhanced_max_speed": summary.max_speed,
        "avg_heart_rate": summary.avg_heartrate,
        "max_heart_rate": summary.max_heartrate,
        "avg_cadence": summary.avg_cadence,
        "max_cadence": summary.max_cadence,
        "avg_power": summary.avg_power,
        "max_power": summary.max_power,
        "total_ascent": summary.elevation_gain,
        "total_descent": summary.elevation_loss,
    }


def columns(rows: list[Row]) -> dict[str, FloatArray]:
    """Rows of values (None = invalid) as one float column per key."""
    keys = {key for row in rows for key in row}
    return {
        key: np.array([np.nan if row.get(key) is None else row[key] for row in rows], dtype=float)
        for key in keys
    }


@dataclass
class Positions:
    """Finds the first and last GPS fix inside a stretch of elapsed time."""

    time: FloatArray
    lat: FloatArray
    lon: FloatArray

    def __post_init__(self) -> None:
        fixes = np.isfinite(self.lat) & np.isfinite(self.lon) & np.isfinite(self.time)
        self.fix_time = self.time[fixes]
        self.fix_lat = self.lat[fixes]
        self.fix_lon = self.lon[fixes]

    def first(self, begin: float, end: float) -> tuple[float | None, float | None]:
        """The first fix at or after ``begin`` (up to ``end``), or (None, None)."""
        i = int(np.searchsorted(self.fix_time, begin, side="left"))
        if i < len(self.fix_time) and self.fix_time[i] <= end:
            return float(self.fix_lat[i]), float(self.fix_lon[i])
        return None, None

    def last(self, begin: float, end: float) -> tuple[float | None, float | None]:
        """The last fix at or before ``end`` (back to ``begin``), or (None, None)."""
        i = int(np.searchsorted(self.fix_time, end, side="right")) - 1
        if i >= 0 and self.fix_time[i] >= begin:
            return float(self.fix_lat[i]), float(self.fix_lon[i])
        return None, None


def _semicircles(lat: float | None, lon: float | None) -> tuple[float | None, float | None]:
    if lat is None or lon is None:
        return None, None
    return lat * SEMICIRCLES_PER_DEGREE, _wrap(lon) * SEMICIRCLES_PER_DEGREE


def _wrap(lon: float) -> float:
    return lon - 360.0 if lon >= 180.0 else lon


def lap_rows(
    activity: Activity,
    laps: list[Lap],
    spans: list[tuple[float, float]],
    session_of: list[int],
    positions: Positions,
    start: float,
) -> list[Row]:
    """One lap message's values per lap (``spans``: their elapsed begin and end).

    ``session_of`` gives each lap's session, so the last lap of each says it ended the session;
    ``start`` is the activity's start in Unix seconds.
    """
    rows: list[Row] = []
    for i, (lap, (begin, end)) in enumerate(zip(laps, spans, strict=True)):
        sport, sub_sport = fit_sport(lap.sport or activity.sport)
        last_of_session = i + 1 == len(laps) or session_of[i + 1] != session_of[i]
        start_lat, start_lon = _semicircles(*positions.first(begin, end))
        end_lat, end_lon = _semicircles(*positions.last(begin, end))
        figures = _figures(lap.summary)
        if figures["total_elapsed_time"] is None:
            figures["total_elapsed_time"] = end - begin
        rows.append(
            {
                "message_index": float(i),
                "timestamp": float(fit_seconds(start + end)),
                "event": EVENT_LAP,
                "event_type": EVENT_TYPE_STOP,
                "start_time": float(fit_seconds(start + begin)),
                "start_position_lat": start_lat,
                "start_position_long": start_lon,
                "end_position_lat": end_lat,
                "end_position_long": end_lon,
                **figures,
                "intensity": INTENSITY_REST if lap.intensity == "rest" else INTENSITY_ACTIVE,
                "lap_trigger": LAP_TRIGGER_SESSION_END if last_of_session else LAP_TRIGGER_MANUAL,
                "sport": sport,
                "sub_sport": sub_sport,
            }
        )
    return rows


@dataclass
class Session:
    """Consecutive laps of one sport, from ``begin`` to ``end`` elapsed seconds."""

    sport: str
    first_lap: int
    laps: list[Lap]
    begin: float
    end: float


def group_sessions(
    activity: Activity, laps: list[Lap], end: float
) -> tuple[list[Session], list[int]]:
    """Laps grouped into sessions: a new session wherever the lap's sport changes."""
    sessions: list[Session] = []
    session_of: list[int] = []
    for i, lap in enumerate(laps):
        sport = parse_type(lap.sport or activity.sport).wire
        if not sessions or sessions[-1].sport != sport:
            begin = 0.0 if not sessions else min(lap.start, sessions[-1].end)
            if sessions:
                sessions[-1].end = begin
            sessions.append(Session(sport, i, [], begin, end))
        sessions[-1].laps.append(lap)
        session_of.append(len(sessions) - 1)
    return sessions, session_of


def session_rows(
    activity: Activity, sessions: list[Session], positions: Positions, start: float
) -> list[Row]:
    """One session message's values per session (the activity's own totals when alone)."""
    rows: list[Row] = []
    for i, session in enumerate(sessions):
        if len(sessions) == 1:
            summary = activity.summary
            sport = activity.sport
        else:
            summary = combine_summaries([lap.summary for lap in session.laps])
            summary.elapsed_time = session.end - session.begin
            sport = session.sport
        figures = _figures(summary)
        if figures["total_elapsed_time"] is None:
            figures["total_elapsed_time"] = session.end - session.begin
        sport_number, sub_sport = fit_sport(sport)
        lat, lon = _semicircles(*positions.first(session.begin, session.end))
        rows.append(
            {
                "message_index": float(i),
                "timestamp": float(fit_seconds(start + session.end)),
                "event": EVENT_SESSION,
                "event_type": EVENT_TYPE_STOP,
                "start_time": float(fit_seconds(start + session.begin)),
                "start_position_lat": lat,
                "start_position_long": lon,
                "sport": sport_number,
                "sub_sport": sub_sport,
                **figures,
                "first_lap_index": float(session.first_lap),
                "num_laps": float(len(session.laps)),
                "trigger": SESSION_TRIGGER_ACTIVITY_END,
            }
        )
    return rows
