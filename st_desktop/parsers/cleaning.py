"""Implausible sensor values become NaN, with a warning naming the streams.

A heart rate of 255, a latitude of 300: values outside :data:`LIMITS` are not readings. A
position of exactly (0, 0) is the "no fix yet" placeholder of many devices and is dropped
silently, as is a zero heart rate (no strap).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from st_desktop.domain.activity import FloatArray

#: Plausible range of each stream; values outside become NaN.
LIMITS: dict[str, tuple[float, float]] = {
    "lat": (-90.0, 90.0),
    "lon": (-180.0, 180.0),
    "elevation": (-500.0, 9000.0),
    "distance": (0.0, 50_000_000.0),
    "heartrate": (1.0, 260.0),
    "cadence": (0.0, 300.0),
    "power": (0.0, 3000.0),
    "speed": (0.0, 150.0),
    "temperature": (-60.0, 70.0),
}
_READABLE = {
    "lat": "latitude",
    "lon": "longitude",
    "elevation": "elevation",
    "distance": "distance",
    "heartrate": "heart rate",
    "cadence": "cadence",
    "power": "power",
    "speed": "speed",
    "temperature": "temperature",
}


@dataclass
class _Facts:
    """What the plausibility pass learnt about each stream, valid after the cleaning."""

    has_values: dict[str, bool] = field(default_factory=dict)  # some finite value
    gap_free: dict[str, bool] = field(default_factory=dict)  # no NaN at all


def clean_values(columns: dict[str, FloatArray], block: FloatArray, warnings: list[str]) -> _Facts:
    """Make implausible values NaN, in place; ``columns`` are the rows of ``block``."""
    facts = _Facts()
    if not block.size:
        for name in columns:
            facts.has_values[name] = False
            facts.gap_free[name] = True
        return facts
    # Three reductions over the block give every stream's range (NaN ignored; NaN only for a
    # stream with no value at all) and whether it has a gap (a sum with a NaN is NaN); the
    # common case, every value plausible, ends there.
    lows = np.fmin.reduce(block, axis=1).tolist()
    highs = np.fmax.reduce(block, axis=1).tolist()
    sums = np.add.reduce(block, axis=1).tolist()
    ranges = dict(zip(columns, zip(lows, highs, strict=True), strict=True))
    # Streams whose values changed here, or with values beyond any limit: facts re-counted.
    changed = {name for name in columns if name not in LIMITS}
    lat = columns.get("lat")
    lon = columns.get("lon")
    if lat is not None and lon is not None:
        lat_low, lat_high = ranges["lat"]
        lon_low, lon_high = ranges["lon"]
        if lat_low <= 0.0 <= lat_high and lon_low <= 0.0 <= lon_high:
            null_island = (lat == 0.0) & (lon == 0.0)
            if np.count_nonzero(null_island):
                lat[null_island] = np.nan
                lon[null_island] = np.nan
                changed |= {"lat", "lon"}
    bad_streams: list[str] = []
    for name, (low, high) in LIMITS.items():
        values = columns.get(name)
        if values is None:
            continue
        smallest, largest = ranges[name]
        if not (smallest < low or largest > high):
            continue
        bad = (values < low) | (values > high)  # NaN compares False
        # A zero heart rate means "no strap", not a reading: drop it without a warning.
        reported = bad & (values != 0) if name == "heartrate" else bad
        values[bad] = np.nan
        changed.add(name)
        if np.count_nonzero(reported):
            bad_streams.append(_READABLE[name])
    for name, high, total in zip(columns, highs, sums, strict=True):
        # Unchanged streams hold only values within their limits (so finite) and NaN.
        facts.has_values[name] = not math.isnan(high)
        facts.gap_free[name] = not math.isnan(total)
    for name in changed:
        _count_facts(facts, name, columns[name])
    gaps = not (facts.gap_free.get("lat", True) and facts.gap_free.get("lon", True))
    if lat is not None and lon is not None and gaps:
        no_fix = np.isnan(lat) | np.isnan(lon)
        if np.count_nonzero(no_fix):
            lat[no_fix] = np.nan
            lon[no_fix] = np.nan
            _count_facts(facts, "lat", lat)
            _count_facts(facts, "lon", lon)
    if bad_streams:
        warnings.append(f"Implausible values were ignored in: {', '.join(bad_streams)}.")
    return facts


def _count_facts(facts: _Facts, name: str, values: FloatArray) -> None:
    finite = int(np.count_nonzero(np.isfinite(values)))
    facts.has_values[name] = finite > 0
    facts.gap_free[name] = finite == len(values)


__all__ = ["LIMITS", "clean_values"]
