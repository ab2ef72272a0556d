"""Units as the SportTracks API gives them, and lenient reading of its numbers.

The service sends metres, seconds, m/s and **kilojoules** (its ``calories`` field, contract Q4), and
sometimes writes numbers as JSON strings (``"9902.4"``, ``"1976.00"``, contract Q3). Everything here
reads both, and treats anything else (``null``, ``true``, ``"n/a"``, NaN) as "no data".
"""

from __future__ import annotations

import math

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
