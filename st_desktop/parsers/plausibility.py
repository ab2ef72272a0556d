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
  :data:`SPEED_LIMITS`; sports without a limit (Other, Driving, Flying) are not judged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import FloatArray, Verdict
from st_desktop.domain.timeutil import format_local_clock, format_local_date
from st_desktop.domain.types import parse_type
from st_desktop.parsers.segments import Bounds
from st_desktop.parsers.summary import EARTH_RADIUS_M

#: Unix time of 1990-01-01: no GPS sports device recorded anything earlier.
EARLIEST_PLAUSIBLE = 631152000.0
FUTURE_SLACK_S = 86400.0
LONG_SPAN_S = 24 * 3600.0
GAP_S = 3600.0
JUMP_M = 1000.0
JUMP_S = 600.0
SPEED_WINDOW_S = 60.0
#: Verdicts of one kind listed one by one before the rest are counted in one more.
MAX_LISTED = 5

#: Highest plausible sustained speed (m/s) by SportTracks category or "Category: Subtype".
SPEED_LIMITS: dict[str, float | None] = {
    "Running": 12.0,  # 43 km/h: faster than any runner over a minute
    "Walking": 7.0,  # 25 km/h
    "Cycling": 30.0,  # 108 km/h: descents reach 100 km/h only in bursts
    "Swimming": 4.0,  # 14 km/h
    "Rowing": 10.0,  # 36 km/h: paddling and rowing
    "Rowing: Kitesurf": 40.0,
    "Rowing: Windsurf": 40.0,
    "Rowing: Sailing": 40.0,
    "Skating": 20.0,  # 72 km/h
    "Skiing": 60.0,  # 216 km/h: alpine skiing and snowboarding
    "Skiing: Nordic": 20.0,
    "Skiing: Roller": 20.0,
    "Gym": 12.0,
    "Other": None,
}
_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class Recording:
    """What the verdicts look at.

    Attributes:
        start: Unix time of elapsed 0.
        time: elapsed seconds of each sample (sorted).
        lat, lon, distance: the streams (NaN where absent).
        sport: SportTracks type.
        bounds: the segments.
        zone: the ride's zone, for local times.
        part_word: what the file calls its parts ("segment", "track", "session").
        now: Unix time now.
        groups: the group (GPX track) of each segment in ``bounds``.
        group_word: what the file calls its groups ("track").
        no_real_date: the file itself shows the device had no clock (FIT system time).
        sports: (elapsed start, sport) of the legs of a multi-sport file, in time order.
    """

    start: float
    time: FloatArray
    lat: FloatArray
    lon: FloatArray
    distance: FloatArray
    sport: str
    bounds: list[Bounds]
    zone: tzinfo
    part_word: str
    now: float
    groups: list[int]
    group_word: str
    no_real_date: bool = False
    sports: list[tuple[float, str]] = field(default_factory=list)


def judge(rec: Recording) -> tuple[Verdict, ...]:
    """Every verdict about a recording, in the order of the module docstring."""
    verdicts: list[Verdict] = []
    verdicts += _dates(rec)
    if len(rec.time):
        verdicts += _span(rec)
        verdicts += _breaks(rec)
        verdicts += _days(rec)
        verdicts += _speed(rec)
    return tuple(verdicts)


def local(rec: Recording, elapsed: float) -> datetime:
    """The local time ``elapsed`` seconds after the start (any year, any platform)."""
    return (_EPOCH + timedelta(seconds=rec.start + elapsed)).astimezone(rec.zone)


def number_word(count: int) -> str:
    """``"three"`` for 3, digits from 11 on."""
    return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else f"{count:,}"


def hours_minutes(seconds: float) -> str:
    """``"5 h 02 min"``, ``"25 min"``; ``"28 days 18 h"`` from two days on."""
    total = round(seconds / 60)
    hours, minutes = divmod(total, 60)
    if hours >= 48:
        days, hours = divmod(round(seconds / 3600), 24)
        return f"{days} days {hours} h" if hours else f"{days} days"
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def _position(rec: Recording, index: int) -> tuple[float, float] | None:
    lat, lon = float(rec.lat[index]), float(rec.lon[index])
    return (lat, lon) if np.isfinite(lat) and np.isfinite(lon) else None


def _when(rec: Recording, elapsed: float) -> str:
    """``"11:40"``, or ``"11:40 on 13 Mar"`` when the recording covers several days."""
    moment = local(rec, elapsed)
    if local(rec, 0.0).date() == local(rec, float(rec.time[-1])).date():
        return format_local_clock(moment)
    return f"{format_local_clock(moment)} on {format_local_date(moment, year=False)}"


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
            new_group = rec.groups[number - 1] != rec.groups[number - 2]
            word = rec.group_word if new_group else rec.part_word
            where = _when(rec, float(time[after]))
            place = (
                f"{metres / 1000:.1f} km from where the last one ended and "
                if far and metres is not None
                else ""
            )
            jumps.append(
                Verdict(
                    "segment_jump",
                    f"A new {word} starts {place}{hours_minutes(pause)} after it, at {where}; "
                    "the jump is not counted as distance.",
                    "warning" if far or pause >= GAP_S else "notice",
                    index=after,
                    at=float(time[after]),
                    position=_position(rec, after),
                )
            )
        elif bound.reason == "hole" and far and pause < GAP_S and metres is not None:
            where = _when(rec, float(time[after]))
            jumps.append(
                Verdict(
                    "segment_jump",
                    f"After {hours_minutes(pause)} without samples, the track goes on "
                    f"{metres / 1000:.1f} km away at {where}; the jump is not counted as distance.",
                    index=after,
                    at=float(time[after]),
                    position=_position(rec, after),
                )
            )
        elif pause >= GAP_S:
            gaps.append(
                Verdict(
                    "gap",
                    f"A {hours_minutes(pause)} gap at {_when(rec, float(time[before]))} has no "
                    "samples.",
                    index=after,
                    at=float(time[before]),
                    position=_position(rec, before),
                )
            )
    return _capped(gaps, "gaps of an hour or more") + _capped(jumps, "jumps between parts")


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


def speed_limit(sport: str) -> float | None:
    """The sport's speed limit in m/s (:data:`SPEED_LIMITS`), None for no limit."""
    kind = parse_type(sport)
    if kind.wire in SPEED_LIMITS:
        return SPEED_LIMITS[kind.wire]
    return SPEED_LIMITS.get(kind.category)


def _haversine(
    lat1: FloatArray, lon1: FloatArray, lat2: FloatArray, lon2: FloatArray
) -> FloatArray:
    p1, p2 = np.radians(lat1), np.radians(lat2)
    half_lat = np.sin((p2 - p1) / 2)
    half_lon = np.sin(np.radians(lon2 - lon1) / 2)
    a = half_lat * half_lat + np.cos(p1) * np.cos(p2) * half_lon * half_lon
    metres: FloatArray = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return metres


@dataclass
class _Path:
    """The samples the speed is judged on: positions (or the distance stream without GPS),
    thinned to one every :data:`THIN_S` seconds, with what the distances need precomputed."""

    use: npt.NDArray[np.intp]
    time: FloatArray
    part: npt.NDArray[np.intp]
    gps: bool
    lat: FloatArray  # radians (gps)
    lon: FloatArray  # radians (gps)
    cos_lat: FloatArray  # (gps)
    distance: FloatArray  # metres (no gps)

    def metres(self, i: npt.NDArray[np.intp], j: npt.NDArray[np.intp]) -> FloatArray:
        """Straight-line metres from path points ``i`` to ``j`` (a local flat projection:
        within a kilometre or two it is as exact as the great circle, at a third of the
        cost)."""
        if not self.gps:
            gained: FloatArray = self.distance[j] - self.distance[i]
            return gained
        north = self.lat[j] - self.lat[i]
        east = (self.lon[j] - self.lon[i] + np.pi) % (2 * np.pi) - np.pi
        east *= self.cos_lat[i]
        flat: FloatArray = EARTH_RADIUS_M * np.sqrt(north * north + east * east)
        return flat


#: The speed is judged on samples at least this many seconds apart (1 Hz files: a fifth).
THIN_S = 5.0


def _path(rec: Recording) -> _Path | None:
    fixes = np.isfinite(rec.lat) & np.isfinite(rec.lon)
    gps = int(np.count_nonzero(fixes)) >= 2
    use = np.flatnonzero(fixes if gps else np.isfinite(rec.distance))
    if len(use) < 2:
        return None
    time = rec.time[use]
    if time[-1] - time[0] < THIN_S * (len(use) - 1):
        pick = np.searchsorted(time, np.arange(time[0], time[-1], THIN_S))
        # Sorted already: dropping repeats needs no np.unique (which sorts again, 10x slower).
        pick = pick[np.concatenate(([True], pick[1:] != pick[:-1]))]
        use = use[pick]
        time = rec.time[use]
    firsts = np.array([bound.first for bound in rec.bounds])
    part = np.searchsorted(firsts, use, side="right") - 1
    empty = np.empty(0)
    if gps:
        lat, lon = np.radians(rec.lat[use]), np.radians(rec.lon[use])
        return _Path(use, time, part, True, lat, lon, np.cos(lat), empty)
    return _Path(use, time, part, False, empty, empty, empty, rec.distance[use])


def _speed(rec: Recording) -> list[Verdict]:
    """A sustained impossible speed, judged leg by leg in a multi-sport file."""
    if len(rec.time) < 2 or rec.time[-1] - rec.time[0] < 2 * SPEED_WINDOW_S:
        return []  # too short for a minute that lasts
    legs = rec.sports or [(float(rec.time[0]), rec.sport)]
    if all(speed_limit(sport) is None for _, sport in legs):
        return []
    path = _path(rec)
    if path is None:
        return []
    starts = [start for start, _ in legs[1:]]
    for number, (_, sport) in enumerate(legs):
        limit = speed_limit(sport)
        if limit is None:
            continue
        low = -np.inf if number == 0 else starts[number - 1]
        high = starts[number] if number < len(starts) else np.inf
        inside = np.flatnonzero((path.time >= low) & (path.time < high))
        found = _speed_within(rec, path, inside, sport, limit)
        if found:
            return found
    return []


def _speed_within(
    rec: Recording, path: _Path, inside: npt.NDArray[np.intp], sport: str, limit: float
) -> list[Verdict]:
    if len(inside) < 2:
        return []
    steps = path.metres(inside[:-1], inside[1:])
    span = np.diff(path.time[inside])
    with np.errstate(divide="ignore", invalid="ignore"):
        fastest = np.fmax.reduce(np.where(span > 0, steps / np.where(span > 0, span, 1.0), 0.0))
    if fastest <= limit:
        return []  # no minute can be faster than the fastest step: the common case, cheaply
    time, part = path.time[inside], path.part[inside]
    ends = np.minimum(np.searchsorted(time, time + SPEED_WINDOW_S), len(time) - 1)
    span = time[ends] - time
    valid = (ends > np.arange(len(time))) & (part[ends] == part) & (span > 0)
    valid &= span <= 3 * SPEED_WINDOW_S  # not across a gap
    covered = path.metres(inside, inside[ends])
    with np.errstate(divide="ignore", invalid="ignore"):
        speed = np.where(valid, covered / np.where(span > 0, span, 1.0), 0.0)
    fast = valid & (speed > limit)
    if not np.count_nonzero(fast):
        return []
    return _sustained(rec, path.use[inside], ends, speed, fast, limit, sport)


def _sustained(
    rec: Recording,
    use: npt.NDArray[np.intp],
    ends: npt.NDArray[np.intp],
    speed: FloatArray,
    fast: npt.NDArray[np.bool_],
    limit: float,
    sport_type: str,
) -> list[Verdict]:
    time = rec.time[use]
    edges = np.diff(np.concatenate(([0], fast.astype(np.int8), [0])))
    starts, stops = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    for first, stop in zip(starts.tolist(), stops.tolist(), strict=True):
        if time[stop - 1] - time[first] < SPEED_WINDOW_S:
            continue  # a spike: only the windows that start or end at it are too fast
        top = float(np.max(speed[first:stop])) * 3.6
        # The first window starts a little before the vehicle does: the stretch begins at the
        # first step inside that window that is itself too fast.
        begin = _first_fast_step(rec, use, first, int(ends[first]), limit)
        lasting = float(time[ends[stop - 1]] - time[begin])
        sport = parse_type(sport_type).category.lower()
        index = int(use[begin])
        return [
            Verdict(
                "impossible_speed",
                f"Speeds up to {top:.0f} km/h for {hours_minutes(lasting)} from "
                f"{_when(rec, float(time[begin]))} are impossible for {sport} (limit "
                f"{limit * 3.6:.0f} km/h): part of it was probably recorded in a vehicle, or "
                "the sport is wrong.",
                index=index,
                at=float(time[begin]),
                position=_position(rec, index),
            )
        ]
    return []


def _first_fast_step(
    rec: Recording, use: npt.NDArray[np.intp], first: int, last: int, limit: float
) -> int:
    """The first sample in ``use[first:last]`` whose step to the next is over ``limit``."""
    picked = use[first : last + 1]
    if len(picked) < 2:
        return first
    span = np.diff(rec.time[picked])
    if np.isfinite(rec.lat[picked]).all() and np.isfinite(rec.lon[picked]).all():
        lat, lon = rec.lat[picked], rec.lon[picked]
        covered = _haversine(lat[:-1], lon[:-1], lat[1:], lon[1:])
    else:
        covered = np.diff(rec.distance[picked])
    with np.errstate(divide="ignore", invalid="ignore"):
        fast = np.flatnonzero((span > 0) & (covered > limit * span))
    return first + int(fast[0]) if len(fast) else first
