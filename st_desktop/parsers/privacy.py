"""Privacy zones: places (home, work) whose surroundings never go up with a ride.

GPS points within a zone at the start and at the end of an activity are removed (the position
only: time, distance, heart rate and the rest stay, so the figures do not change). A ride that
merely passes through a zone in its middle keeps its track there: hiding that would not hide
where the athlete lives, and would break the route in two.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import Activity

EARTH_RADIUS_M = 6_371_008.8
#: A line to draw: x and y (NaN breaks it).
Line = tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]
#: The smallest and largest zone radius offered (metres).
MIN_RADIUS_M, MAX_RADIUS_M = 100.0, 5000.0


@dataclass(frozen=True)
class PrivacyZone:
    """A place to hide: a circle around a point.

    Attributes:
        name: what the user calls it ("Home").
        lat, lon: its centre in degrees.
        radius_m: its radius in metres.
    """

    name: str
    lat: float
    lon: float
    radius_m: float = 500.0


@dataclass(frozen=True)
class Hidden:
    """What the zones hide of one activity.

    Attributes:
        head: samples hidden at the start (indexes ``[0, head)``).
        tail: samples hidden at the end (the last ``tail`` ones).
        zones: the names of the zones that hid something.
    """

    head: int = 0
    tail: int = 0
    zones: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.head or self.tail)


def distances_to(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], zone: PrivacyZone
) -> npt.NDArray[np.float64]:
    """Metres from each point to the zone's centre (NaN where there is no position)."""
    phi1, phi2 = np.radians(lat), np.radians(zone.lat)
    dphi = phi2 - phi1
    dlmb = np.radians(zone.lon - lon)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    metres: npt.NDArray[np.float64] = 2 * EARTH_RADIUS_M * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))
    return metres


def find_hidden(activity: Activity, zones: Sequence[PrivacyZone]) -> Hidden:
    """The stretches at the start and the end that lie in a zone (without changing anything)."""
    return find_hidden_in(activity.streams.lat, activity.streams.lon, zones)


def find_hidden_in(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], zones: Sequence[PrivacyZone]
) -> Hidden:
    """:func:`find_hidden` on bare positions (a preview's track as well as a parsed file)."""
    if not zones or not len(lat):
        return Hidden()
    inside = np.zeros(len(lat), dtype=bool)
    for zone in zones:
        inside |= distances_to(lat, lon, zone) <= zone.radius_m
    has_fix = np.isfinite(lat) & np.isfinite(lon)
    # A sample without a position next to hidden ones is hidden with them (no fix, no place).
    covered = inside | ~has_fix
    head = _run_length(covered)
    tail = _run_length(covered[::-1])
    if head == len(lat):  # the whole ride is in a zone
        tail = 0
    if not inside[:head].any():
        head = 0
    if not inside[len(lat) - tail :].any():
        tail = 0
    if not (head or tail):
        return Hidden()
    # Only the zones that hide something at the start or the end are named.
    ends = np.zeros(len(lat), dtype=bool)
    ends[:head] = True
    ends[len(lat) - tail :] = True
    named = [z.name for z in zones if (distances_to(lat[ends], lon[ends], z) <= z.radius_m).any()]
    return Hidden(head, tail, tuple(named))


def hide_zones(activity: Activity, zones: Sequence[PrivacyZone]) -> tuple[Activity, Hidden]:
    """The activity with the positions near its start and end in a zone removed."""
    hidden = find_hidden(activity, zones)
    if not hidden:
        return activity, hidden
    streams = dataclasses.replace(
        activity.streams, lat=activity.streams.lat.copy(), lon=activity.streams.lon.copy()
    )
    n = len(streams.lat)
    for column in (streams.lat, streams.lon):
        column[: hidden.head] = np.nan
        column[n - hidden.tail :] = np.nan
    return dataclasses.replace(activity, streams=streams), hidden


def _run_length(flags: npt.NDArray[np.bool_]) -> int:
    """How many leading entries are True."""
    falses = np.flatnonzero(~flags)
    return int(falses[0]) if len(falses) else len(flags)


@dataclass(frozen=True)
class HiddenStretches:
    """Where the zones hide a recording, on its time axis: what a preview draws and says.

    Attributes:
        head_until: seconds since the start of the last hidden sample at the start, if any.
        tail_from: seconds since the start of the first hidden sample at the end, if any.
        metres: how much of the route is hidden, start and end together (0 when the
            recording has no distance).
        zones: the names of the zones that hide something.
    """

    head_until: float | None
    tail_from: float | None
    metres: float
    zones: tuple[str, ...]

    def mask(self, time: npt.NDArray[np.float64]) -> npt.NDArray[np.bool_]:
        """Which samples on the time axis ``time`` (seconds since the start) are hidden."""
        hidden = np.zeros(len(time), dtype=bool)
        if self.head_until is not None:
            hidden |= time <= self.head_until
        if self.tail_from is not None:
            hidden |= time >= self.tail_from
        return hidden

    def split(
        self,
        time: npt.NDArray[np.float64],
        x: npt.NDArray[np.float64],
        y: npt.NDArray[np.float64],
    ) -> tuple[Line, Line]:
        """A route's line (x, y on the time axis ``time``) as the part that goes up and the
        hidden part, each with NaN where the other is; the hidden part reaches one point into
        the other, so the two join."""
        hidden = self.mask(time)
        joined = hidden.copy()
        joined[1:] |= hidden[:-1]
        joined[:-1] |= hidden[1:]
        shown = (np.where(hidden, np.nan, x), np.where(hidden, np.nan, y))
        return shown, (np.where(joined, x, np.nan), np.where(joined, y, np.nan))


def hidden_stretches(
    time: npt.NDArray[np.float64],
    lat: npt.NDArray[np.float64],
    lon: npt.NDArray[np.float64],
    distance: npt.NDArray[np.float64],
    zones: Sequence[PrivacyZone],
) -> HiddenStretches | None:
    """What ``zones`` hide of a recording given as arrays on one time axis (None: nothing)."""
    hidden = find_hidden_in(lat, lon, zones)
    if not hidden:
        return None
    n = len(time)
    head_until = float(time[hidden.head - 1]) if hidden.head else None
    tail_from = float(time[n - hidden.tail]) if hidden.tail else None
    metres = 0.0
    if hidden.head:  # up to the first position that goes up
        metres += _span(distance, 0, min(hidden.head, n - 1))
    if hidden.tail:
        metres += _span(distance, n - hidden.tail - 1, n - 1)
    return HiddenStretches(head_until, tail_from, metres, hidden.zones)


def zones_near(
    lat: npt.NDArray[np.float64], lon: npt.NDArray[np.float64], zones: Sequence[PrivacyZone]
) -> list[PrivacyZone]:
    """The zones within reach of a route's box (the ones worth drawing beside it)."""
    has_fix = np.isfinite(lat) & np.isfinite(lon)
    if not has_fix.any():
        return []
    south, north = float(lat[has_fix].min()), float(lat[has_fix].max())
    west, east = float(lon[has_fix].min()), float(lon[has_fix].max())
    near = []
    for zone in zones:
        # The box's point nearest to the centre, then its distance.
        lat_in = np.array([min(max(zone.lat, south), north)])
        lon_in = np.array([min(max(zone.lon, west), east)])
        if distances_to(lat_in, lon_in, zone)[0] <= zone.radius_m:
            near.append(zone)
    return near


def _span(distance: npt.NDArray[np.float64], first: int, last: int) -> float:
    """Metres covered from sample ``first`` to sample ``last`` (0 without distances)."""
    part = distance[first : last + 1]
    finite = part[np.isfinite(part)]
    return float(finite[-1] - finite[0]) if len(finite) >= 2 else 0.0
