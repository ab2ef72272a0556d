"""The ``impossible_speed`` verdict: a speed above the sport's limit sustained for a minute.

Speed is the straight-line distance covered over each minute of the recording (the distance
stream's gain without GPS), so a single GPS spike, which leaves and comes back, never counts; a
stretch is only sustained when every window starting in it is too fast. Sports without a limit
(Other, Driving, Flying) are not judged. See :mod:`st_desktop.parsers.plausibility`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import FloatArray, Verdict
from st_desktop.domain.types import parse_type
from st_desktop.parsers.recording import Recording, hours_minutes, position, when
from st_desktop.parsers.summary import EARTH_RADIUS_M

#: Speed is judged over windows of this many seconds (a minute that lasts).
SPEED_WINDOW_S = 60.0

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


def speed_verdicts(rec: Recording) -> list[Verdict]:
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
                f"{when(rec, float(time[begin]))} are impossible for {sport} (limit "
                f"{limit * 3.6:.0f} km/h): part of it was probably recorded in a vehicle, or "
                "the sport is wrong.",
                index=index,
                at=float(time[begin]),
                position=position(rec, index),
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
