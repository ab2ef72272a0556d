"""Units: lenient reading of the API's numbers, display formatting and parsing of typed input.

The service sends metres, seconds, m/s and **kilojoules** (its ``calories`` field, contract Q4), and
sometimes writes numbers as JSON strings (``"9902.4"``, ``"1976.00"``, contract Q3). The readers
accept both, and treat anything else (``null``, ``true``, ``"n/a"``, NaN) as "no data".

The formatters show SI values in the user's unit system (``"metric"`` or ``"imperial"``); the
parsers read what a user types (``"1:02:45"``, ``"5 km"``, ``"3.1 mi"``) and raise ``ValueError``
with a sentence that can be shown as it is.
"""

from __future__ import annotations

import math
import re

#: Kilojoules in one kilocalorie (thermochemical calorie, as nutrition labels use).
KJ_PER_KCAL = 4.184


def lenient_float(value: object) -> float | None:
    """Read a JSON number or numeric string as a float; None for anything else.

    Args:
        value: a decoded JSON value.

    Returns:
        The finite float, or None when the value holds no usable number.
    """
    if isinstance(value, bool):  # bool is an int subclass, but true/false is never a measurement
        return None
    if isinstance(value, int | float):
        number = float(value)
    elif isinstance(value, str):
        try:
            number = float(value.strip())
        except ValueError:
            return None
    else:
        return None
    return number if math.isfinite(number) else None


def lenient_int(value: object) -> int | None:
    """Read a JSON integer, integral float or numeric string as an int; None otherwise."""
    number = lenient_float(value)
    if number is None or number != int(number):
        return None
    return int(number)


def kj_to_kcal(kilojoules: float) -> float:
    """Convert the service's kilojoules into kilocalories."""
    return kilojoules / KJ_PER_KCAL


def kcal_to_kj(kilocalories: float) -> float:
    """Convert kilocalories into the kilojoules the service stores."""
    return kilocalories * KJ_PER_KCAL


# ----------------------------------------------------------------------------- display

#: The two unit systems a user can pick (settings ``display/units``).
METRIC = "metric"
IMPERIAL = "imperial"

METRES_PER_MILE = 1609.344
METRES_PER_FOOT = 0.3048

#: Categories whose speed reads better as a pace (time per km or mile).
_PACE_CATEGORIES = frozenset({"running", "walking"})


def is_imperial(units: str) -> bool:
    """True for ``"imperial"``; anything else counts as metric."""
    return units == IMPERIAL


def distance_unit(units: str) -> tuple[float, str]:
    """Metres per display unit and its label: (1000, "km") or (1609.344, "mi")."""
    return (METRES_PER_MILE, "mi") if is_imperial(units) else (1000.0, "km")


def elevation_unit(units: str) -> tuple[float, str]:
    """Metres per display unit of height: (1, "m") or (0.3048, "ft")."""
    return (METRES_PER_FOOT, "ft") if is_imperial(units) else (1.0, "m")


def speed_unit(units: str) -> tuple[float, str]:
    """Factor from m/s to the display unit and its label: km/h or mph."""
    per, label = distance_unit(units)
    return 3600.0 / per, "km/h" if label == "km" else "mph"


def shows_pace(sport: str | None) -> bool:
    """True when a workout of this type is better read as pace than speed (running, walking)."""
    category = (sport or "").partition(":")[0].strip().lower()
    return category in _PACE_CATEGORIES


def known_distance(metres: float | None) -> float | None:
    """The distance, or None when there is none to show.

    The service writes ``0`` for workouts that cover no distance (strength training, manual
    entries without one); "0.00 km" would read as a measurement, so zero counts as unknown.
    """
    return metres if metres is not None and metres > 0 else None


def format_distance(metres: float | None, units: str, decimals: int = 2) -> str:
    """``"10.02 km"`` / ``"6.23 mi"``; "" when unknown or zero (see :func:`known_distance`)."""
    metres = known_distance(metres)
    if metres is None:
        return ""
    per, label = distance_unit(units)
    return f"{metres / per:.{decimals}f} {label}"


def format_elevation(metres: float | None, units: str) -> str:
    """``"123 m"`` / ``"404 ft"``; "" when unknown."""
    if metres is None:
        return ""
    per, label = elevation_unit(units)
    return f"{metres / per:.0f} {label}"


def format_duration(seconds: float | None) -> str:
    """``"1:02:45"`` or ``"45:00"`` (minutes:seconds under an hour); "" when unknown."""
    if seconds is None or seconds < 0:
        return ""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_speed(mps: float | None, units: str) -> str:
    """``"24.5 km/h"`` / ``"15.2 mph"``; "" when unknown."""
    if mps is None:
        return ""
    factor, label = speed_unit(units)
    return f"{mps * factor:.1f} {label}"


def pace_seconds(mps: float, units: str) -> float | None:
    """Seconds per km (or mile) at ``mps``; None when standing still."""
    if mps <= 0.05:  # slower than 0.18 km/h is standing, and its pace would be absurd
        return None
    per, _ = distance_unit(units)
    return per / mps


def format_pace(mps: float | None, units: str) -> str:
    """``"5:12 /km"`` / ``"8:22 /mi"``; "" when unknown or standing still."""
    if mps is None:
        return ""
    pace = pace_seconds(mps, units)
    if pace is None:
        return ""
    _, label = distance_unit(units)
    return f"{format_duration(pace)} /{label}"


def format_speed_or_pace(mps: float | None, units: str, sport: str | None) -> str:
    """Pace for running and walking, speed otherwise."""
    return format_pace(mps, units) if shows_pace(sport) else format_speed(mps, units)


def format_calories(kilojoules: float | None) -> str:
    """The service's kilojoules shown as ``"458 kcal"``; "" when unknown or zero."""
    if not kilojoules:
        return ""
    return f"{kj_to_kcal(kilojoules):.0f} kcal"


# ----------------------------------------------------------------------------- input

_DISTANCE_UNITS: dict[str, float] = {
    "m": 1.0, "meter": 1.0, "meters": 1.0, "metre": 1.0, "metres": 1.0,
    "km": 1000.0, "kilometer": 1000.0, "kilometers": 1000.0, "kilometre": 1000.0,
    "kilometres": 1000.0, "k": 1000.0,
    "mi": METRES_PER_MILE, "mile": METRES_PER_MILE, "miles": METRES_PER_MILE,
    "yd": 0.9144, "yard": 0.9144, "yards": 0.9144,
    "ft": METRES_PER_FOOT, "feet": METRES_PER_FOOT, "foot": METRES_PER_FOOT,
}  # fmt: skip

_DURATION_WORDS: dict[str, float] = {
    "h": 3600, "hr": 3600, "hrs": 3600, "hour": 3600, "hours": 3600,
    "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60,
    "s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
}  # fmt: skip

_NUMBER_UNIT_RE = re.compile(r"(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)")


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def parse_duration(text: str) -> float:
    """Read a duration typed by a user into seconds.

    Accepts ``"1:02:45"`` (h:mm:ss), ``"45:00"`` (mm:ss), ``"1h 2m 45s"``, ``"90 min"`` and a bare
    number, which counts as minutes.

    Raises:
        ValueError: with a sentence saying what is wrong and what would work.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("Enter a duration, e.g. 1:02:45 or 45:00.")
    if ":" in cleaned:
        parts = cleaned.split(":")
        if len(parts) > 3 or not all(re.fullmatch(r"\d+(?:[.,]\d+)?", p.strip()) for p in parts):
            raise ValueError(
                f"'{text}' is not a duration: write h:mm:ss (1:02:45) or mm:ss (45:00)."
            )
        numbers = [_number(p.strip()) for p in parts]
        if any(n >= 60 for n in numbers[1:]):
            raise ValueError(f"'{text}': minutes and seconds must be below 60.")
        seconds = 0.0
        for number in numbers:
            seconds = seconds * 60 + number
        return seconds
    pieces = _NUMBER_UNIT_RE.findall(cleaned)
    leftover = _NUMBER_UNIT_RE.sub("", cleaned).strip()
    if not pieces or leftover:
        raise ValueError(f"'{text}' is not a duration: write e.g. 1:02:45, 45:00 or 90 min.")
    if len(pieces) == 1 and not pieces[0][1]:
        return _number(pieces[0][0]) * 60
    seconds = 0.0
    for number, word in pieces:
        if word not in _DURATION_WORDS:
            raise ValueError(f"'{text}': unknown time unit '{word or '?'}' (use h, min or s).")
        seconds += _number(number) * _DURATION_WORDS[word]
    return seconds


def parse_distance(text: str, units: str = METRIC) -> float:
    """Read a distance typed by a user into metres.

    Accepts ``"5 km"``, ``"3.1 mi"``, ``"800 m"``, ``"5,2km"``; a bare number is in km (metric)
    or miles (imperial).

    Raises:
        ValueError: with a sentence saying what is wrong and what would work.
    """
    cleaned = text.strip().lower()
    if not cleaned:
        raise ValueError("Enter a distance, e.g. 5 km, 3.1 mi or 800 m.")
    match = re.fullmatch(r"(\d+(?:[.,]\d+)?|[.,]\d+)\s*([a-z]*)\.?", cleaned)
    if not match:
        raise ValueError(f"'{text}' is not a distance: write e.g. 5 km, 3.1 mi or 800 m.")
    number, word = _number(match[1]), match[2]
    if not word:
        return number * distance_unit(units)[0]
    if word not in _DISTANCE_UNITS:
        raise ValueError(f"'{text}': unknown distance unit '{word}' (use km, mi or m).")
    return number * _DISTANCE_UNITS[word]
