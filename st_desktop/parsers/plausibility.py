"""Verdicts: what about a parsed recording is not plausible, said where it happens.

Every parsed :class:`~st_desktop.domain.activity.Activity` is judged (times in the ride's own
local time):

* ``date_too_early`` / ``date_in_future``: a start before 1990 (no GPS sports device recorded
  earlier; FIT files of devices without a clock start in 1989) or more than a day after now;
* ``long_span``: more than 24 h from the first to the last sample;
* ``gap``: an hour or more without samples inside a part of the recording;
* ``segment_jump``: the next track, segment or session starts more than 1 km (in a straight
  line) or 10 min away from where the one before it ended; a hole of 15 min or more after which
  the track goes on more than 1 km away. The jump is never distance (see
  :mod:`st_desktop.parsers.segments`);
* ``several_days``: the file's tracks (segments, sessions) were recorded on different days;
* ``impossible_speed``: a speed above the sport's limit sustained for a minute or more. Speed is
  the straight-line distance covered over each minute of the recording (the distance stream's
  gain without GPS), so a single GPS spike, which leaves and comes back, never counts; a stretch
  is only sustained when every window starting in it is too fast. Limits (m/s, with km/h): see
  :data:`~st_desktop.parsers.plausibility_speed.SPEED_LIMITS`; sports without a limit (Other,
  Driving, Flying) are not judged.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import Verdict
from st_desktop.domain.timeutil import format_local_date
from st_desktop.parsers.plausibility_speed import (
    SPEED_LIMITS,
    SPEED_WINDOW_S,
    speed_limit,
    speed_verdicts,
)
from st_desktop.parsers.recording import (
    Recording,
    hours_minutes,
    local,
    number_word,
    position,
    when,
)
from st_desktop.parsers.summary import EARTH_RADIUS_M

__all__ = [
    "EARLIEST_PLAUSIBLE",
    "SPEED_LIMITS",
    "SPEED_WINDOW_S",
    "Recording",
    "hours_minutes",
    "judge",
    "local",
    "number_word",
    "speed_limit",
]

#: Unix time of 1990-01-01: no GPS sports device recorded anything earlier.
EARLIEST_PLAUSIBLE = 631152000.0
FUTURE_SLACK_S = 86400.0
LONG_SPAN_S = 24 * 3600.0
GAP_S = 3600.0
JUMP_M = 1000.0
JUMP_S = 600.0
#: Verdicts of one kind listed one by one before the rest are counted in one more.
MAX_LISTED = 5


def judge(rec: Recording) -> tuple[Verdict, ...]:
    """Every verdict about a recording, in the order of the module docstring."""
    verdicts: list[Verdict] = []
    verdicts += _dates(rec)
    if len(rec.time):
        verdicts += _span(rec)
        verdicts += _breaks(rec)
        verdicts += _days(rec)
        verdicts += speed_verdicts(rec)
    return tuple(verdicts)


def _dates(rec: Recording) -> list[Verdict]:
    first = rec.start + (float(rec.time[0]) if len(rec.time) else 0.0)
    try:
        day = format_local_date(local(rec, first - rec.start))
    except (OverflowError, ValueError):
        day = "an impossible date"
    if first > rec.now + FUTURE_SLACK_S:
        return [
            Verdict(
                "date_in_future",
                f"It starts on {day}, in the future: the device's clock was wrong.",
                index=0 if len(rec.time) else None,
                at=0.0,
            )
        ]
    if first < EARLIEST_PLAUSIBLE or rec.no_real_date:
        return [
            Verdict(
                "date_too_early",
                f"It starts on {day}: the device recorded no real date.",
                index=0 if len(rec.time) else None,
                at=0.0,
            )
        ]
    return []


def _span(rec: Recording) -> list[Verdict]:
    span = float(rec.time[-1] - rec.time[0])
    if span <= LONG_SPAN_S:
        return []
    hours = round(span / 3600)
    text = f"{int(span // 86400)} days ({hours:,} h)" if span >= 2 * 86400 else f"{hours} h"
    return [
        Verdict(
            "long_span",
            f"It spans {text}, far longer than one activity: it probably holds several.",
        )
    ]


def _straight(rec: Recording, fixes: npt.NDArray[np.intp], before: int, after: int) -> float | None:
    """Metres in a straight line from the last fix up to ``before`` to the first from ``after``
    (``fixes``: the indices of the samples with a position)."""
    where = int(np.searchsorted(fixes, after))
    if where == 0 or where == len(fixes):
        return None
    a, b = int(fixes[where - 1]), int(fixes[where])
    if a > before:
        return None
    # One pair: plain math costs less than numpy's per-call overhead.
    lat1, lat2 = math.radians(float(rec.lat[a])), math.radians(float(rec.lat[b]))
    half_lat = math.sin((lat2 - lat1) / 2)
    half_lon = math.sin(math.radians(float(rec.lon[b]) - float(rec.lon[a])) / 2)
    h = half_lat * half_lat + math.cos(lat1) * math.cos(lat2) * half_lon * half_lon
    return 2 * EARTH_RADIUS_M * math.asin(math.sqrt(min(1.0, max(0.0, h))))


def _breaks(rec: Recording) -> list[Verdict]:
    """Gaps of an hour or more, and jumps between segments.

    Every gap of an hour is a segment break (a hole of :data:`HOLE_S` ends a segment), so only
    the breaks are looked at.
    """
    if len(rec.bounds) < 2:
        return []
    time = rec.time
    jumps: list[Verdict] = []
    gaps: list[Verdict] = []
    fixes = np.flatnonzero(np.isfinite(rec.lat) & np.isfinite(rec.lon))
    for number, bound in enumerate(rec.bounds[1:], start=2):  # number: 1-based, of bound
        before, after = bound.first - 1, bound.first
        pause = float(time[after] - time[before])
        metres = _straight(rec, fixes, before, after)
        far = metres is not None and metres > JUMP_M
        if bound.reason == "file" and (far or pause > JUMP_S):
            jumps.append(_part_jump(rec, number, after, pause, metres if far else None))
        elif bound.reason == "hole" and far and pause < GAP_S and metres is not None:
            jumps.append(_hole_jump(rec, after, pause, metres))
        elif pause >= GAP_S:
            gaps.append(_gap(rec, before, after, pause))
    return _capped(gaps, "gaps of an hour or more") + _capped(jumps, "jumps between parts")


def _part_jump(
    rec: Recording, number: int, after: int, pause: float, metres: float | None
) -> Verdict:
    """The file's next part (segment ``number``, 1-based) starts ``pause`` seconds later, and
    ``metres`` away when that is far."""
    new_group = rec.groups[number - 1] != rec.groups[number - 2]
    word = rec.group_word if new_group else rec.part_word
    place = (
        f"{metres / 1000:.1f} km from where the last one ended and " if metres is not None else ""
    )
    return Verdict(
        "segment_jump",
        f"A new {word} starts {place}{hours_minutes(pause)} after it, at "
        f"{when(rec, float(rec.time[after]))}; the jump is not counted as distance.",
        "warning" if metres is not None or pause >= GAP_S else "notice",
        index=after,
        at=float(rec.time[after]),
        position=position(rec, after),
    )


def _hole_jump(rec: Recording, after: int, pause: float, metres: float) -> Verdict:
    """After a hole in the samples, the track goes on far away."""
    return Verdict(
        "segment_jump",
        f"After {hours_minutes(pause)} without samples, the track goes on "
        f"{metres / 1000:.1f} km away at {when(rec, float(rec.time[after]))}; the jump is not "
        "counted as distance.",
        index=after,
        at=float(rec.time[after]),
        position=position(rec, after),
    )


def _gap(rec: Recording, before: int, after: int, pause: float) -> Verdict:
    """An hour or more without samples."""
    return Verdict(
        "gap",
        f"A {hours_minutes(pause)} gap at {when(rec, float(rec.time[before]))} has no samples.",
        index=after,
        at=float(rec.time[before]),
        position=position(rec, before),
    )


def _capped(verdicts: list[Verdict], what: str) -> list[Verdict]:
    if len(verdicts) <= MAX_LISTED:
        return verdicts
    rest = len(verdicts) - MAX_LISTED
    more = Verdict(verdicts[0].kind, f"There are {rest:,} more {what}.", verdicts[0].severity)
    return [*verdicts[:MAX_LISTED], more]


def _days(rec: Recording) -> list[Verdict]:
    if float(rec.time[-1] - rec.time[0]) < 12 * 3600:
        return []
    firsts: dict[int, float] = {}
    for bound, group in zip(rec.bounds, rec.groups, strict=True):
        firsts.setdefault(group, float(rec.time[bound.first]))
    if len(firsts) < 2:
        return []
    days = sorted({local(rec, elapsed).date() for elapsed in firsts.values()})
    if len(days) < 2:
        return []
    same_year = len({day.year for day in days}) == 1
    names = [format_local_date(day, year=not same_year) for day in days]
    if same_year:
        names[-1] += f" {days[-1].year}"
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    word = rec.group_word + ("s" if len(firsts) != 1 else "")
    return [
        Verdict(
            "several_days",
            f"The file holds {number_word(len(firsts))} {word} recorded on "
            f"{number_word(len(days))} different days ({listed}): they are probably separate "
            "activities.",
        )
    ]
