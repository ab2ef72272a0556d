"""Training totals per ISO week, month or year, per sport category and overall (plain Python).

A workout counts on the calendar day it started *where it was recorded*: the local date of its
``start_time`` (which carries its own UTC offset), the date the workout table shows. Weeks are
ISO weeks (Monday to Sunday; week 1 holds the year's first Thursday), so a run on Sunday night
and one on Monday morning land in different weeks wherever the computer is.

Figures are kept in the service's units: metres, seconds of moving (timer) time, metres of climb
and **kilojoules** of energy (the service's ``calories``, contract Q4); the ui converts them. An
unknown figure adds nothing, and a distance of 0 (strength training) is no distance.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum

from st_desktop.domain.types import parse_type
from st_desktop.domain.workout import WorkoutSummary

__all__ = [
    "UNTYPED",
    "Comparison",
    "Entry",
    "Figures",
    "Metric",
    "Period",
    "PeriodTotals",
    "by_day",
    "compare",
    "linked_figures",
    "next_start",
    "period_label",
    "period_start",
    "sum_entries",
    "totals",
]

#: The category of a workout without a type.
UNTYPED = "Other"


class Period(StrEnum):
    """How totals are grouped."""

    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class Metric(StrEnum):
    """One figure of a :class:`Figures` (for charts and comparisons)."""

    COUNT = "count"
    DISTANCE = "distance"
    DURATION = "duration"
    CLIMB = "climb"
    ENERGY = "energy"


def period_start(day: date, period: Period) -> date:
    """The first day of the week (Monday), month or year holding ``day``."""
    if period == Period.WEEK:
        return day - timedelta(days=day.weekday())
    if period == Period.MONTH:
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def next_start(start: date, period: Period) -> date:
    """The first day of the period after the one starting on ``start``."""
    if period == Period.WEEK:
        return start + timedelta(days=7)
    if period == Period.MONTH:
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def previous_start(start: date, period: Period) -> date:
    """The first day of the period before the one starting on ``start``."""
    return period_start(start - timedelta(days=1), period)


def period_label(start: date, period: Period) -> str:
    """A stable text key: ``"2025-W07"`` (ISO week), ``"2025-02"`` or ``"2025"``."""
    if period == Period.WEEK:
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    if period == Period.MONTH:
        return f"{start.year}-{start.month:02d}"
    return str(start.year)


@dataclass(frozen=True, slots=True)
class Entry:
    """One workout reduced to what totals, the calendar and gear mileage need.

    Attributes:
        id: the workout id.
        day: the local date it started.
        category: its sport category ("Cycling"; :data:`UNTYPED` without a type).
        type: its full type ("Cycling: Mountain"; "" without one).
        name: its name.
        start: seconds since midnight, local time (orders a day's workouts).
        distance, duration, climb: metres, seconds of moving time, metres (0 when unknown).
        energy: kilojoules (0 when unknown).
    """

    id: str
    day: date
    category: str
    type: str = ""
    name: str = ""
    start: int = 0
    distance: float = 0.0
    duration: float = 0.0
    climb: float = 0.0
    energy: float = 0.0

    @classmethod
    def from_summary(cls, summary: WorkoutSummary) -> Entry | None:
        """The entry of a workout; None when it has no start time or id (it has no day)."""
        start = summary.start_time
        if start is None or not summary.id:
            return None
        kind = parse_type(summary.type) if summary.type else None
        return cls(
            id=summary.id,
            day=start.date(),
            category=(kind.category if kind is not None else "") or UNTYPED,
            type=kind.wire if kind is not None else "",
            name=summary.name,
            start=start.hour * 3600 + start.minute * 60 + start.second,
            distance=_positive(summary.total_distance),
            duration=_positive(summary.duration),
            climb=_positive(summary.elevation_gain),
            energy=_positive(summary.calories),
        )


def _positive(value: float | None) -> float:
    return value if value is not None and value > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Figures:
    """Sums over some workouts (the service's units).

    Attributes:
        count: workouts.
        distance: metres.
        duration: seconds of moving time.
        climb: metres of elevation gain.
        energy: kilojoules.
    """

    count: int = 0
    distance: float = 0.0
    duration: float = 0.0
    climb: float = 0.0
    energy: float = 0.0

    def __add__(self, other: Figures) -> Figures:
        return Figures(
            self.count + other.count,
            self.distance + other.distance,
            self.duration + other.duration,
            self.climb + other.climb,
            self.energy + other.energy,
        )

    def value(self, metric: Metric) -> float:
        """One figure by name."""
        return float(getattr(self, metric.value))

    def scaled(self, factor: float) -> Figures:
        """Every figure multiplied by ``factor`` (an average over several periods)."""
        return Figures(
            round(self.count * factor),
            self.distance * factor,
            self.duration * factor,
            self.climb * factor,
            self.energy * factor,
        )


class _Sum:
    """A mutable accumulator (a frozen Figures per workout would be slow for 100,000)."""

    __slots__ = ("climb", "count", "distance", "duration", "energy")

    def __init__(self) -> None:
        self.count = 0
        self.distance = self.duration = self.climb = self.energy = 0.0

    def add(self, entry: Entry) -> None:
        self.count += 1
        self.distance += entry.distance
        self.duration += entry.duration
        self.climb += entry.climb
        self.energy += entry.energy

    def frozen(self) -> Figures:
        return Figures(self.count, self.distance, self.duration, self.climb, self.energy)


def sum_entries(entries: Iterable[Entry]) -> Figures:
    """The figures of some workouts together."""
    total = _Sum()
    for entry in entries:
        total.add(entry)
    return total.frozen()


@dataclass(frozen=True)
class PeriodTotals:
    """The totals of one week, month or year.

    Attributes:
        start: its first day.
        period: week, month or year.
        overall: every workout of the period (of the chosen category, if any).
        by_category: category -> its figures, categories with most workouts first.
    """

    start: date
    period: Period
    overall: Figures
    by_category: Mapping[str, Figures] = field(default_factory=dict)

    @property
    def end(self) -> date:
        """The first day after the period."""
        return next_start(self.start, self.period)

    @property
    def label(self) -> str:
        """The period's stable key (see :func:`period_label`)."""
        return period_label(self.start, self.period)

    def contains(self, day: date) -> bool:
        """True when ``day`` falls in this period."""
        return self.start <= day < self.end


def totals(
    entries: Iterable[Entry],
    period: Period,
    *,
    category: str | None = None,
    until: date | None = None,
) -> list[PeriodTotals]:
    """Totals of every period from the first workout's to the last one's (or ``until``'s).

    Periods without workouts are included (with zero figures), so a chart shows the gaps and the
    current period is there even before its first workout.

    Args:
        entries: the workouts (any order).
        period: week, month or year.
        category: only this sport category ("Running"); None for all.
        until: a day whose period must be included (today), even if later than every workout.

    Returns:
        The periods, newest first.
    """
    sums: dict[date, tuple[_Sum, dict[str, _Sum]]] = {}
    for entry in entries:
        if category is not None and entry.category != category:
            continue
        start = period_start(entry.day, period)
        found = sums.get(start)
        if found is None:
            found = sums[start] = (_Sum(), {})
        overall, parts = found
        overall.add(entry)
        part = parts.get(entry.category)
        if part is None:
            part = parts[entry.category] = _Sum()
        part.add(entry)
    if not sums:
        if until is None:
            return []
        return [PeriodTotals(period_start(until, period), period, Figures())]
    first = min(sums)
    last = max(sums)
    if until is not None:
        last = max(last, period_start(until, period))
    out: list[PeriodTotals] = []
    start = first
    while start <= last:
        found = sums.get(start)
        if found is None:
            out.append(PeriodTotals(start, period, Figures()))
        else:
            overall, parts = found
            ordered = sorted(parts.items(), key=lambda item: (-item[1].count, item[0]))
            out.append(
                PeriodTotals(start, period, overall.frozen(), {k: v.frozen() for k, v in ordered})
            )
        start = next_start(start, period)
    out.reverse()
    return out


def by_day(entries: Iterable[Entry]) -> dict[date, list[Entry]]:
    """The workouts of each day, in the order they started."""
    days: dict[date, list[Entry]] = {}
    for entry in entries:
        days.setdefault(entry.day, []).append(entry)
    for items in days.values():
        items.sort(key=lambda e: (e.start, e.id))
    return days


@dataclass(frozen=True)
class Comparison:
    """The current period against the previous ones.

    Attributes:
        period: week, month or year.
        current: the current period so far.
        same_point: the previous period up to the same day of it (a fair "so far" yardstick).
        previous: the complete previous periods, newest first.
        average: the mean of :attr:`previous` (zero figures when there are none).
    """

    period: Period
    current: Figures
    same_point: Figures
    previous: tuple[Figures, ...]
    average: Figures

    def change(self, metric: Metric) -> float | None:
        """The current value against the same point of the previous period, as a fraction
        (0.12 for 12 % more); None when the previous period had nothing yet."""
        before = self.same_point.value(metric)
        if before <= 0:
            return None
        return self.current.value(metric) / before - 1.0


def compare(
    entries: Sequence[Entry],
    period: Period,
    today: date,
    *,
    history: int = 4,
    category: str | None = None,
) -> Comparison:
    """The period holding ``today`` so far, against the previous ``history`` periods.

    Args:
        entries: the workouts.
        period: week, month or year.
        today: the current day (injected: never read from the clock here).
        history: how many complete previous periods to average.
        category: only this sport category; None for all.
    """
    chosen = [e for e in entries if category is None or e.category == category]
    start = period_start(today, period)
    current = sum_entries(e for e in chosen if start <= e.day <= today)
    before = previous_start(start, period)
    # The same point: as many days into the previous period as today is into this one (a
    # 31st becomes the previous month's last day).
    offset = (today - start).days
    point = min(before + timedelta(days=offset), start - timedelta(days=1))
    same_point = sum_entries(e for e in chosen if before <= e.day <= point)
    starts = [start]
    for _ in range(history):
        starts.append(previous_start(starts[-1], period))
    previous = tuple(
        sum_entries(e for e in chosen if s <= e.day < next_start(s, period)) for s in starts[1:]
    )
    total = Figures()
    for figures in previous:
        total = total + figures
    average = total.scaled(1.0 / len(previous)) if previous else Figures()
    return Comparison(period, current, same_point, previous, average)


def linked_figures(by_id: Mapping[str, Entry], ids: Iterable[int | str]) -> tuple[Figures, int]:
    """Totals of the workouts a gear item is linked to, from the entries known here.

    Returns:
        The figures of the linked workouts that are known, and how many linked ids are not
        (workouts not in the local cache yet).
    """
    total = _Sum()
    missing = 0
    for ident in ids:
        entry = by_id.get(str(ident))
        if entry is None:
            missing += 1
        else:
            total.add(entry)
    return total.frozen(), missing
