"""What the verdicts of :mod:`st_desktop.parsers.plausibility` look at, and how they say when.

A :class:`Recording` is one parsed recording as the verdicts see it (elapsed times, positions,
parts, the ride's zone); the helpers word times, durations and counts in the ride's own local
time for the verdicts' sentences.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo

import numpy as np

from st_desktop.domain.activity import FloatArray
from st_desktop.domain.timeutil import format_local_clock, format_local_date
from st_desktop.parsers.segments import Bounds

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


def position(rec: Recording, index: int) -> tuple[float, float] | None:
    """The (lat, lon) of sample ``index``, None without a fix there."""
    lat, lon = float(rec.lat[index]), float(rec.lon[index])
    return (lat, lon) if np.isfinite(lat) and np.isfinite(lon) else None


def when(rec: Recording, elapsed: float) -> str:
    """``"11:40"``, or ``"11:40 on 13 Mar"`` when the recording covers several days."""
    moment = local(rec, elapsed)
    if local(rec, 0.0).date() == local(rec, float(rec.time[-1])).date():
        return format_local_clock(moment)
    return f"{format_local_clock(moment)} on {format_local_date(moment, year=False)}"
