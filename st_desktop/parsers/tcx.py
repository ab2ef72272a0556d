"""TCX (Garmin Training Center) activities, multi-sport sessions and courses into an Activity.

Trackpoints are read wherever they are (``Activities/Activity``, ``MultiSportSession``,
``Courses/Course``), with or without positions. TCX has no timer events: a new ``<Track>`` inside
a lap is where the device's timer was restarted, so the gap before it is a pause; gaps of a
minute or more are pauses too, but that is only an estimate (``computed_summary``).

The laps' own totals are the file's recorded summary, which the Activity shows (as FIT session
totals are): the moving time is the sum of the laps' ``TotalTimeSeconds`` (the device's timer
time), the distance the sum of their ``DistanceMeters``, the calories the sum of their
``Calories`` (kcal in TCX, kJ here). A total is only taken when every lap records that figure:
a sum over some laps would understate it, so the computed figure is used instead.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import numpy.typing as npt
from lxml import etree

from st_desktop.domain.activity import Activity, Summary
from st_desktop.parsers.assemble import assemble
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.errors import FileTooLargeError, NoActivityDataError
from st_desktop.parsers.raw_activity import RawActivity, RawLap
from st_desktop.parsers.segments import parts_from_counts
from st_desktop.parsers.sports import text_sport_type
from st_desktop.parsers.xmlsafe import (
    collect_points,
    local_name,
    parse_times,
    parse_xml,
)

KCAL_TO_KJ = 4.184
#: TCX files are read as a tree, which costs about 10 times the file's size in memory: larger
#: files are refused before that (a 24 h recording at 1 Hz is about 35 MB of TCX).
MAX_TCX_BYTES = 64 * 1024 * 1024

#: Local element names inside a ``<Trackpoint>`` -> stream.
TCX_NAMES: dict[str, str] = {
    "time": "time",
    "latitudedegrees": "lat",
    "longitudedegrees": "lon",
    "altitudemeters": "elevation",
    "distancemeters": "distance",
    "value": "heartrate",  # the only <Value> in a trackpoint is inside <HeartRateBpm>
    "cadence": "cadence",
    "runcadence": "cadence",
    "speed": "speed",
    "watts": "power",
    "temperature": "temperature",
}


def _child(element: object, name: str) -> object | None:
    for child in element:  # type: ignore[attr-defined]
        if local_name(child.tag) == name:
            return child  # type: ignore[no-any-return]
    return None


def _number(element: object | None, *path: str) -> float | None:
    for name in path:
        if element is None:
            return None
        element = _child(element, name)
    if element is None:
        return None
    text = element.text  # type: ignore[attr-defined]
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _text(element: object | None, name: str) -> str | None:
    found = _child(element, name) if element is not None else None
    text = found.text if found is not None else None  # type: ignore[attr-defined]
    return text.strip() if text and text.strip() else None


def _lap_summary(lap: object) -> Summary:
    kcal = _number(lap, "calories")
    ext = _child(lap, "extensions")
    lx = _child(ext, "lx") if ext is not None else None
    return Summary(
        distance=_number(lap, "distancemeters"),
        moving_time=_number(lap, "totaltimeseconds"),
        max_speed=_number(lap, "maximumspeed"),
        avg_heartrate=_number(lap, "averageheartratebpm", "value"),
        max_heartrate=_number(lap, "maximumheartratebpm", "value"),
        avg_cadence=_number(lap, "cadence"),
        avg_speed=_number(lx, "avgspeed") if lx is not None else None,
        avg_power=_number(lx, "avgwatts") if lx is not None else None,
        max_power=_number(lx, "maxwatts") if lx is not None else None,
        calories=kcal * KCAL_TO_KJ if kcal is not None else None,
    )


def _total(laps: list[Summary]) -> Summary | None:
    if not laps:
        return None
    timed = [lap for lap in laps if lap.moving_time is not None]

    def add(name: str) -> float | None:
        values = [getattr(lap, name) for lap in laps]
        return None if None in values else float(sum(values))

    def peak(name: str) -> float | None:
        values = [getattr(lap, name) for lap in laps if getattr(lap, name) is not None]
        return float(max(values)) if values else None

    weight = sum(lap.moving_time or 0.0 for lap in timed if lap.avg_heartrate is not None)
    avg_hr = (
        sum((lap.avg_heartrate or 0.0) * (lap.moving_time or 0.0) for lap in timed) / weight
        if weight
        else None
    )
    summary = Summary(
        distance=add("distance"),
        moving_time=add("moving_time"),
        max_speed=peak("max_speed"),
        avg_heartrate=avg_hr,
        max_heartrate=peak("max_heartrate"),
        # The schema requires <Calories>: devices that do not count them write 0 in every lap.
        calories=add("calories") or None,
    )
    if summary.distance and summary.moving_time:
        summary.avg_speed = summary.distance / summary.moving_time
    return summary


def parse_tcx(data: bytes, context: ParseContext | None = None) -> Activity:
    """Read a TCX file (all activities, multi-sport sessions and courses in it) into one Activity.

    Raises:
        NoActivityDataError: no trackpoints with times and no laps.
        FileTooLargeError: larger than :data:`MAX_TCX_BYTES`.
        MalformedXmlError, UnsafeXmlError: see :func:`st_desktop.parsers.xmlsafe.parse_xml`.
    """
    if len(data) > MAX_TCX_BYTES:
        raise FileTooLargeError(
            f"This TCX file is larger than {MAX_TCX_BYTES // (1024 * 1024)} MB, more than any "
            "recording needs; it was not read, to keep memory free. Export the activity as FIT "
            "or GPX instead."
        )
    root, warnings = parse_xml(data, "TCX")
    # "{*}" matches any namespace (or none): lxml filters in C, far faster than a Python walk.
    time_texts, columns, per_track = collect_points(root.iter("{*}Track"), "trackpoint", TCX_NAMES)
    count = len(time_texts)
    times, first = parse_times(time_texts)
    timed = np.isfinite(times)
    laps = _laps(root)
    _check_samples(timed, count, laps, warnings)
    activities = list(root.iter("{*}Activity", "{*}Course"))
    first_activity = activities[0] if activities else None
    creator = _child(first_activity, "creator") if first_activity is not None else None
    offset = first.utcoffset() if first is not None else None
    return assemble(
        RawActivity(
            format="TCX",
            times=times[timed],
            columns={k: v[timed] for k, v in columns.items() if len(v) == count},
            sport=_sport(laps, activities, warnings),
            laps=laps,
            timer_known=False,
            recorded=_total([lap.summary for lap in laps]),
            utc_offset=offset if offset != timedelta(0) else None,
            start_hint=min(lap.start for lap in laps) if laps else None,
            name=_text(first_activity, "name"),
            notes=_text(first_activity, "notes"),
            device=_text(creator, "name") if creator is not None else None,
            warnings=warnings,
            parts=parts_from_counts(per_track, count)[timed],
            part_word="track",
            group_word="track",
        ),
        context,
    )


def _laps(root: etree._Element) -> list[RawLap]:
    """Every lap with a readable start time (in activities, multi-sport sessions and courses)."""
    laps: list[RawLap] = []
    for lap in (e for e in root.iter("{*}Lap") if e.get("StartTime")):
        start_times, _ = parse_times([lap.get("StartTime")])
        if np.isfinite(start_times[0]):
            parent = lap.getparent()
            sport = text_sport_type(parent.get("Sport")) if parent is not None else None
            intensity = "rest" if (_text(lap, "intensity") or "").lower() == "resting" else "active"
            laps.append(RawLap(float(start_times[0]), _lap_summary(lap), intensity, sport))
    return laps


def _check_samples(
    timed: npt.NDArray[np.bool_], count: int, laps: list[RawLap], warnings: list[str]
) -> None:
    """Refuse a file with nothing to show; warn about trackpoints left out for want of a time.

    Raises:
        NoActivityDataError: no trackpoints with times and no laps.
    """
    if not timed.any() and not laps:
        if count:
            raise NoActivityDataError(
                "This TCX file has no trackpoints with times, so it cannot be uploaded as an "
                "activity."
            )
        raise NoActivityDataError("This TCX file holds no activity or course.")
    if timed.any() and not timed.all():
        warnings.append(f"{int((~timed).sum())} trackpoints without a time were left out.")


def _sport(laps: list[RawLap], activities: list[etree._Element], warnings: list[str]) -> str:
    """The sport of the laps' longest total time (else the first activity's); a multi-sport
    file adds a warning saying how it is read."""
    sports = [text_sport_type(a.get("Sport")) for a in activities if a.get("Sport")]
    sport = "Other"
    if laps:
        by_sport: dict[str, float] = {}
        for lap in laps:
            if lap.sport:
                by_sport[lap.sport] = by_sport.get(lap.sport, 0.0) + (lap.summary.moving_time or 0)
        if by_sport:
            sport = max(by_sport, key=lambda s: by_sport[s])
    elif sports:
        sport = sports[0]
    distinct = list(dict.fromkeys(lap.sport for lap in laps if lap.sport))
    if len(distinct) > 1:
        warnings.append(
            f"Multi-sport activity ({', '.join(distinct)}): it is read as one {sport} workout, "
            "with each part as its own lap."
        )
    return sport
