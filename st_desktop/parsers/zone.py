"""The ride's own time zone: from its first GPS fix, else the file's offset, else this computer's.

The zone comes from an offline lookup of the first position (``tzfpy``: the time zone boundary
polygons shipped in a 3 MB wheel, 1.5 µs a lookup after a 0.2 s first load). Without it (the
package missing, a position in no zone) the UTC offset the file records is used (FIT
``activity.local_timestamp - timestamp``, an offset written in TCX/GPX times), and without that
this computer's zone at the time of the ride.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from st_desktop.domain.timeutil import zone_offset
from st_desktop.parsers.context import ParseContext

_log = logging.getLogger(__name__)


@functools.cache
def _finder() -> Callable[[float, float], str] | None:
    try:
        from tzfpy import get_tz
    except ImportError:
        _log.info("tzfpy is not installed: rides get the file's or this computer's zone")
        return None
    return get_tz


def lookup_zone(lat: float, lon: float) -> str | None:
    """The IANA zone at a position ("Europe/Zurich"), None when unknown or not installed."""
    get_tz = _finder()
    if get_tz is None:
        return None
    try:
        name = get_tz(lon, lat)  # tzfpy takes the longitude first
    except (ValueError, OverflowError):
        return None
    return name or None


def warm_up() -> None:
    """Load the lookup's boundaries now (the first lookup's 0.1-0.2 s), so the first file
    dropped is previewed without that wait: the app runs it on a worker after its first paint."""
    lookup_zone(47.05, 8.31)


@dataclass(frozen=True)
class RideZone:
    """Where the ride's zone came from, and its offset at the start.

    Attributes:
        name: IANA zone name, None when only an offset is known.
        offset: UTC offset at the start of the ride.
        source: ``"gps"``, ``"device"`` or ``"computer"``.
    """

    name: str | None
    offset: timedelta
    source: str


def ride_zone(
    start: float,
    fix: tuple[float, float] | None,
    device_offset: timedelta | None,
    context: ParseContext,
) -> RideZone:
    """The zone of a ride starting at Unix time ``start`` (see the module docstring)."""
    if fix is not None:
        name = (context.zone_lookup or lookup_zone)(*fix)
        if name:
            offset = zone_offset(name, start)
            if offset is not None:
                return RideZone(name, offset, "gps")
    if device_offset is not None:
        return RideZone(None, device_offset, "device")
    return RideZone(context.computer_zone, context.computer_offset(start), "computer")
