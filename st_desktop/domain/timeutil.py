"""Lenient reading and strict writing of SportTracks timestamps (contract sections 2.3, 7.2 Q1).

The service writes ISO 8601 with whole seconds and a numeric offset (``Z`` for UTC), but it has a
long-standing bug that writes negative half-hour offsets as ``-2:-30``; some clients also send
fractions of seconds or single-digit hours. Reading accepts all of these; writing always produces
``YYYY-MM-DDTHH:MM:SS±HH:MM`` (``Z`` for UTC), which is what the service itself sends.
"""

from __future__ import annotations

import functools
import logging
import re
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_log = logging.getLogger(__name__)

_ISO_RE = re.compile(
    r"""^\s*
    (?P<date>\d{4}-\d{2}-\d{2})
    [T\s]
    (?P<time>\d{1,2}:\d{2}(?::\d{2})?)
    (?P<frac>[.,]\d+)?
    \s*
    (?P<tz>Z|z|UTC|[+-]\s*\d{1,2}(?::?-?\d{2})?)?
    \s*$""",
    re.VERBOSE,
)
_OFFSET_RE = re.compile(r"^(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<neg>-)?(?P<m>\d{2}))?$")


class TimestampError(ValueError):
    """A text that is not a timestamp at all."""


def parse_offset(text: str) -> timezone:
    """Parse ``Z``, ``+01:00``, ``-0530``, ``-2:-30`` (the service's bug) into a timezone."""
    text = text.strip()
    if text in ("Z", "z", "UTC"):
        return UTC
    match = _OFFSET_RE.match(text)
    if not match:
        raise TimestampError(f"not a UTC offset: {text!r}")
    hours = int(match["h"])
    minutes = int(match["m"] or 0)
    if hours > 23 or minutes > 59:
        raise TimestampError(f"UTC offset out of range: {text!r}")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if match["sign"] == "-" else delta)


def parse_timestamp(text: str, *, default_tz: timezone | None = None) -> datetime:
    """Parse a service timestamp leniently into an aware datetime.

    Args:
        text: e.g. ``"2014-04-04T18:31:58+01:00"``, ``"2014-03-19T07:00:32Z"``,
            ``"2020-06-30T22:00:00.000Z"`` or ``"2014-01-01T10:00:00-2:-30"``.
        default_tz: zone to assume when the text has none (default: UTC).

    Returns:
        An aware datetime keeping the offset the text gave.

    Raises:
        TimestampError: the text is not a timestamp.
    """
    if not isinstance(text, str):
        raise TimestampError(f"not a timestamp: {text!r}")
    match = _ISO_RE.match(text)
    if not match:
        raise TimestampError(f"not a timestamp: {text!r}")
    time_part = match["time"]
    if time_part.count(":") == 1:
        time_part += ":00"
    hh, mm, ss = time_part.split(":")
    try:
        naive = datetime.fromisoformat(f"{match['date']}T{int(hh):02d}:{mm}:{ss}")
    except ValueError as exc:
        raise TimestampError(f"not a timestamp: {text!r}") from exc
    if match["frac"]:
        digits = match["frac"][1:7].ljust(6, "0")
        naive = naive.replace(microsecond=int(digits))
    tz = parse_offset(match["tz"].replace(" ", "")) if match["tz"] else (default_tz or UTC)
    return naive.replace(tzinfo=tz)


def format_offset(offset: timedelta | None) -> str:
    """Format a UTC offset the way the service does: ``Z`` or ``±HH:MM``."""
    if not offset:
        return "Z"
    total = int(offset.total_seconds())
    sign = "-" if total < 0 else "+"
    total = abs(total)
    return f"{sign}{total // 3600:02d}:{total % 3600 // 60:02d}"


def format_timestamp(moment: datetime) -> str:
    """Format an aware datetime as the service writes it (whole seconds, ``Z`` or ``±HH:MM``).

    Naive datetimes are taken to be UTC.
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + format_offset(moment.utcoffset())


def utc_offset_hours(moment: datetime) -> int | float:
    """The ``timezone`` field of a workout: the offset in hours (a float for half-hour zones)."""
    offset = moment.utcoffset()
    hours = (offset.total_seconds() if offset else 0.0) / 3600.0
    return int(hours) if hours == int(hours) else hours


@functools.lru_cache(maxsize=64)
def zone_info(name: str) -> tzinfo | None:
    """The IANA zone called ``name`` ("Europe/Zurich"), None when this system does not know it
    (Windows needs the ``tzdata`` package for any zone)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        _log.info("time zone %r is not known on this system", name)
        return None


def zone_offset(name: str, unix: float) -> timedelta | None:
    """The UTC offset of the IANA zone ``name`` at Unix time ``unix`` (None if unknown)."""
    zone = zone_info(name)
    if zone is None:
        return None
    try:
        return datetime.fromtimestamp(unix, UTC).astimezone(zone).utcoffset()
    except (OverflowError, OSError, ValueError):
        return None


def computer_offset(unix: float) -> timedelta:
    """This computer's UTC offset at Unix time ``unix`` (its own zone, daylight saving included;
    UTC for a time the system cannot convert)."""
    try:
        offset = datetime.fromtimestamp(unix, UTC).astimezone().utcoffset()
    except (OverflowError, OSError, ValueError):
        return timedelta(0)
    return offset or timedelta(0)


def format_local_clock(moment: datetime) -> str:
    """``"11:40"``: the time of day of an aware datetime, in its own zone."""
    return f"{moment:%H:%M}"


def format_local_date(moment: date, year: bool = True) -> str:
    """``"13 Dec 1901"`` (or ``"13 Dec"``): a day (an aware datetime's, in its own zone)."""
    # Not strftime's %b: that follows the process locale; the sentences around it are English.
    month = _MONTHS[moment.month - 1]
    return f"{moment.day} {month} {moment.year}" if year else f"{moment.day} {month}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
