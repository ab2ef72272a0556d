"""Track data of a workout (contract 3.3): flat ``[offset, value, ...]`` arrays, decoded leniently.

Each stream has its own time base; offsets are elapsed seconds since the workout's start. A stream
whose offsets go backwards (seen on the real service) is sorted, never looped over blindly.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from st_desktop.domain.units import lenient_float

V = TypeVar("V")
LatLon = tuple[float, float]

#: Every Track Data key of the contract (3.3). ``location`` holds (lat, lon), the others numbers.
STREAM_KEYS: tuple[str, ...] = (
    "location", "elevation", "distance", "heartrate", "cadence", "power", "temperature",
    "vertical_oscillation", "ground_contact_time", "left_power_percent",
    "total_hemoglobin_conc", "saturated_hemoglobin_percent",
)  # fmt: skip

#: A stream longer than this is resampled with a coarser step instead (bounds the work).
MAX_RESAMPLE_POINTS = 200_000


@dataclass(frozen=True)
class Stream(Generic[V]):
    """One time series: offsets (elapsed seconds since ``start_time``) and their values.

    Offsets are always non-decreasing: a wire stream whose offsets go backwards is sorted
    (stably, so nothing is dropped) and flagged ``reordered``.

    Attributes:
        key: the wire key ("heartrate", "location", ...).
        offsets: seconds since the workout's start, in elapsed (wall-clock) time.
        values: one value per offset; (lat, lon) for ``location``.
        reordered: True when the service sent offsets out of order.
    """

    key: str
    offsets: tuple[float, ...]
    values: tuple[V, ...]
    reordered: bool = False

    def __len__(self) -> int:
        return len(self.offsets)

    def __iter__(self) -> Iterator[tuple[float, V]]:
        return zip(self.offsets, self.values, strict=True)

    @property
    def start(self) -> float:
        """First offset (0.0 for an empty stream)."""
        return self.offsets[0] if self.offsets else 0.0

    @property
    def end(self) -> float:
        """Last offset (0.0 for an empty stream)."""
        return self.offsets[-1] if self.offsets else 0.0

    def value_at(self, offset: float) -> V | None:
        """The last value recorded at or before ``offset`` (None before the first sample)."""
        index = bisect.bisect_right(self.offsets, offset) - 1
        return self.values[index] if index >= 0 else None

    def resample(self, step: float = 1.0) -> list[tuple[float, V]]:
        """Values on a regular grid from first to last offset, carrying the last value forward.

        The grid never has more than :data:`MAX_RESAMPLE_POINTS` points: a longer span gets a
        coarser step, so an absurd offset cannot make this run for ever.
        """
        if not self.offsets:
            return []
        span = self.end - self.start
        step = max(step, span / MAX_RESAMPLE_POINTS, 1e-9)
        out: list[tuple[float, V]] = []
        index = 0
        for i in range(int(span / step) + 1):
            at = self.start + i * step
            while index + 1 < len(self.offsets) and self.offsets[index + 1] <= at:
                index += 1
            out.append((at, self.values[index]))
        return out

    @staticmethod
    def from_json(key: str, raw: object) -> Stream[Any] | None:
        """Decode a flat ``[offset, value, offset, value, ...]`` array; None when it holds nothing.

        Pairs with an unreadable offset or value are skipped; a dangling last element is ignored.
        """
        if not isinstance(raw, list):
            return None
        plain = _plain_locations(raw) if key == "location" else _plain_numbers(key, raw)
        if plain is not None:
            return plain
        pairs: list[tuple[float, Any]] = []
        for i in range(0, len(raw) - 1, 2):
            offset = lenient_float(raw[i])
            value = _location(raw[i + 1]) if key == "location" else lenient_float(raw[i + 1])
            if offset is not None and value is not None:
                pairs.append((offset, value))
        if not pairs:
            return None
        reordered = any(b[0] < a[0] for a, b in itertools.pairwise(pairs))
        if reordered:
            pairs.sort(key=lambda pair: pair[0])
        return Stream(key, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs), reordered)


def _plain_numbers(key: str, raw: list[Any]) -> Stream[float] | None:
    """The common case decoded at C speed: only finite JSON numbers, offsets in order.

    A long workout has tens of thousands of values per stream, and reading each one through
    :func:`lenient_float` was most of the time to its charts. None when anything needs the
    lenient reading (strings, booleans, nulls, NaN, offsets going backwards).
    """
    end = len(raw) - len(raw) % 2  # a dangling last element is ignored
    if not end or not set(map(type, raw)) <= {int, float}:  # bool is a type of its own here
        return None
    numbers = list(map(float, raw[:end]))
    if not math.isfinite(sum(numbers)):  # a NaN or infinity (or an absurd overflow) somewhere
        return None
    offsets = numbers[0::2]
    if offsets != sorted(offsets):
        return None
    return Stream(key, tuple(offsets), tuple(numbers[1::2]))


def _plain_locations(raw: list[Any]) -> Stream[LatLon] | None:
    """A location stream of ``[lat, lon]`` pairs of finite numbers within range, offsets in
    order, decoded at C speed (None: it needs the lenient reading, as :func:`_plain_numbers`)."""
    end = len(raw) - len(raw) % 2
    pairs = raw[1:end:2]
    if not end or set(map(type, pairs)) != {list} or set(map(len, pairs)) != {2}:
        return None
    times = raw[0:end:2]
    # The offsets checked as a stream of their own (each its own value): numbers, in order.
    offsets = _plain_numbers("offsets", [n for offset in times for n in (offset, offset)])
    flat = list(itertools.chain.from_iterable(pairs))
    if offsets is None or not set(map(type, flat)) <= {int, float}:
        return None
    degrees = list(map(float, flat))
    if not math.isfinite(sum(degrees)):
        return None
    lats, lons = degrees[0::2], degrees[1::2]
    if min(lats) < -90 or max(lats) > 90 or min(lons) < -180 or max(lons) > 180:
        return None
    return Stream("location", offsets.offsets, tuple(zip(lats, lons, strict=True)))


def _location(value: object) -> LatLon | None:
    if not isinstance(value, list | tuple) or len(value) < 2:
        return None
    lat, lon = lenient_float(value[0]), lenient_float(value[1])
    if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return (lat, lon)
