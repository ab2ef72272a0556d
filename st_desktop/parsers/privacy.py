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
    lat, lon = activity.streams.lat, activity.streams.lon
    if not zones or not len(lat):
        return Hidden()
    inside = np.zeros(len(lat), dtype=bool)
    named: list[str] = []
    for zone in zones:
        hit = distances_to(lat, lon, zone) <= zone.radius_m
        inside |= hit
        if hit.any():
            named.append(zone.name)
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
    return Hidden(head, tail, tuple(named)) if head or tail else Hidden()


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
