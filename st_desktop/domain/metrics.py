"""Health metrics (contract section 6, SportTracks' health-metrics page) in plain Python.

``GET /metrics`` answers an object keyed by metric id, each value a list of ``[timestamp, value]``
pairs; ``POST /metrics`` upserts such pairs and deletes a point written with ``null``. The ids
Forest Park Explorer uses are the ones modelled here, in the service's units: ``weight`` in
**kilograms**, ``bodyFat`` as a **fraction** (0.078 for 7.8 %) and ``restingHeartrate`` in
**beats per minute**.

Reading is lenient (section 10): values may be numeric strings, a pair that is not a
``[timestamp, number]`` is skipped, and the points of a series come back sorted by time with one
point per instant (the last one read wins, like the service's upsert). Writing always sends UTC
timestamps with whole seconds and ``Z``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from st_desktop.domain.timeutil import TimestampError, format_timestamp, parse_timestamp
from st_desktop.domain.units import lenient_float

__all__ = [
    "BODY_FAT",
    "KG_PER_LB",
    "METRIC_KINDS",
    "RESTING_HEARTRATE",
    "WEIGHT",
    "HealthMetrics",
    "MetricKind",
    "MetricPoint",
    "check_value",
    "fraction_to_percent",
    "kg_to_lb",
    "lb_to_kg",
    "percent_to_fraction",
    "points_to_json",
]

WEIGHT = "weight"
BODY_FAT = "bodyFat"
RESTING_HEARTRATE = "restingHeartrate"
KG_PER_LB = 0.45359237


@dataclass(frozen=True)
class MetricKind:
    """What a metric id means.

    Attributes:
        id: the wire id ("weight").
        label: a name for people ("Weight").
        unit: the wire unit: "kg", "fraction" or "bpm".
        low, high: the plausible range of wire values (inclusive).
    """

    id: str
    label: str
    unit: str
    low: float
    high: float


METRIC_KINDS: dict[str, MetricKind] = {
    WEIGHT: MetricKind(WEIGHT, "Weight", "kg", 1.0, 700.0),
    BODY_FAT: MetricKind(BODY_FAT, "Body fat", "fraction", 0.0, 1.0),
    RESTING_HEARTRATE: MetricKind(RESTING_HEARTRATE, "Resting heart rate", "bpm", 10.0, 300.0),
}


def kg_to_lb(kilograms: float) -> float:
    """Kilograms (the service's weight unit) in pounds."""
    return kilograms / KG_PER_LB


def lb_to_kg(pounds: float) -> float:
    """Pounds in kilograms."""
    return pounds * KG_PER_LB


def fraction_to_percent(fraction: float) -> float:
    """A body fat fraction (the wire's 0.078) as a percentage (7.8)."""
    return fraction * 100.0


def percent_to_fraction(percent: float) -> float:
    """A body fat percentage (7.8) as the fraction the service stores (0.078)."""
    return percent / 100.0


def check_value(metric: str, value: float) -> float:
    """Return ``value`` when it is a plausible wire value for ``metric``.

    Raises:
        ValueError: an unknown metric or an implausible value; the message is a sentence for
            the user (a body fat of 7.8 is caught here: the service wants 0.078).
    """
    kind = METRIC_KINDS.get(metric)
    if kind is None:
        raise ValueError(f"SportTracks keeps no health metric called {metric!r}.")
    if not math.isfinite(value) or not kind.low <= value <= kind.high:
        if kind.unit == "fraction":
            raise ValueError(
                f"{kind.label} must be a fraction between 0 and 1 (7.8 % is 0.078), not {value:g}."
            )
        raise ValueError(
            f"{kind.label} must be between {kind.low:g} and {kind.high:g} {kind.unit}, "
            f"not {value:g}."
        )
    return value


@dataclass(frozen=True)
class MetricPoint:
    """One value of one metric at one instant; ``value`` None means "delete this point".

    Attributes:
        metric: the wire id ("weight").
        timestamp: the instant (aware; a naive one is taken as UTC when written).
        value: the value in the wire unit, or None to delete the point.
    """

    metric: str
    timestamp: datetime
    value: float | None

    @property
    def deletes(self) -> bool:
        """True for a point that asks the service to delete the value at its instant."""
        return self.value is None

    def wire_timestamp(self) -> str:
        """The instant as the wire writes it: UTC, whole seconds, ``Z``."""
        moment = self.timestamp
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return format_timestamp(moment.astimezone(UTC).replace(microsecond=0))


def _pair(metric: str, pair: object) -> MetricPoint | None:
    if not isinstance(pair, list | tuple) or len(pair) < 2 or not isinstance(pair[0], str):
        return None
    try:
        moment = parse_timestamp(pair[0])
    except TimestampError:
        return None
    value = lenient_float(pair[1])
    return None if value is None else MetricPoint(metric, moment, value)


@dataclass(frozen=True)
class HealthMetrics:
    """Every series of a ``GET /metrics`` answer.

    Attributes:
        series: metric id -> its points, oldest first (unknown ids are kept as they came).
    """

    series: Mapping[str, tuple[MetricPoint, ...]] = field(default_factory=dict)

    @classmethod
    def from_json(cls, raw: object) -> HealthMetrics:
        """Read an answer leniently; anything but an object of lists gives no series."""
        if not isinstance(raw, Mapping):
            return cls()
        series: dict[str, tuple[MetricPoint, ...]] = {}
        for metric, pairs in raw.items():
            if not isinstance(metric, str) or not isinstance(pairs, list):
                continue
            by_instant: dict[float, MetricPoint] = {}
            for pair in pairs:
                point = _pair(metric, pair)
                if point is not None:
                    by_instant[point.timestamp.timestamp()] = point  # the last one wins
            series[metric] = tuple(by_instant[key] for key in sorted(by_instant))
        return cls(series)

    def points(self, metric: str) -> tuple[MetricPoint, ...]:
        """The points of one metric, oldest first (empty when there are none)."""
        return self.series.get(metric, ())

    def latest(self, metric: str) -> MetricPoint | None:
        """The newest point of one metric, or None."""
        points = self.points(metric)
        return points[-1] if points else None

    def value_at(self, metric: str, moment: datetime) -> float | None:
        """The metric's value at ``moment``: the newest point not after it (None before any)."""
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        found = None
        for point in self.points(metric):
            if point.timestamp > moment:
                break
            found = point.value
        return found


def points_to_json(points: Iterable[MetricPoint]) -> dict[str, list[list[Any]]]:
    """The ``POST /metrics`` body for some points: ``{id: [[utc, value or None], ...]}``.

    The order is kept, so a later point for the same instant wins, as on the service.

    Raises:
        ValueError: a value that :func:`check_value` refuses (nothing is sent then).
    """
    body: dict[str, list[list[Any]]] = {}
    for point in points:
        value = None if point.value is None else check_value(point.metric, float(point.value))
        if point.value is None and point.metric not in METRIC_KINDS:
            check_value(point.metric, 0.0)  # raises: unknown metric
        body.setdefault(point.metric, []).append([point.wire_timestamp(), value])
    return body
