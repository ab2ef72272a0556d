"""What the overview service answers: the workout digest, completeness, gear, metrics.

Plain values (see :mod:`st_desktop.services.overview` for the service that produces them).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from st_desktop.domain.gear import Gear
from st_desktop.domain.metrics import HealthMetrics
from st_desktop.domain.totals import UNTYPED, Entry
from st_desktop.domain.units import lenient_float
from st_desktop.domain.workout import workout_id


@dataclass(frozen=True)
class Digest:
    """Every cached workout of an account, reduced to :class:`Entry` (what totals need).

    Attributes:
        entries: newest first.
        by_id: workout id -> its entry.
        categories: sport categories, the most frequent first.
    """

    entries: tuple[Entry, ...] = ()
    by_id: Mapping[str, Entry] = field(default_factory=dict)
    categories: tuple[str, ...] = ()

    @classmethod
    def of(cls, entries: Iterable[Entry]) -> Digest:
        """A digest of some entries (any order)."""
        ordered = sorted(entries, key=lambda e: (e.day, e.start, e.id), reverse=True)
        counts = Counter(e.category for e in ordered)
        categories = tuple(c for c, _n in sorted(counts.items(), key=lambda i: (-i[1], i[0])))
        return cls(tuple(ordered), {e.id: e for e in ordered}, categories)


def _plain_number(value: int) -> str:
    return f"{value:,}"


@dataclass(frozen=True)
class Completeness:
    """How much of the account the cached workouts cover.

    Attributes:
        cached: workouts in the local cache.
        oldest: start of the oldest cached workout (None: nothing cached).
        server_total: workouts in the account, as the service last said (None: not asked yet).
        server_since_oldest: workouts the service has from :attr:`oldest` on (None: unknown).
        checked_at: when the service was asked (epoch seconds), None: never.
    """

    cached: int = 0
    oldest: datetime | None = None
    server_total: int | None = None
    server_since_oldest: int | None = None
    checked_at: float | None = None

    @property
    def older_missing(self) -> int | None:
        """Workouts older than the oldest cached one (None: unknown)."""
        if self.server_total is None:
            return None
        if self.server_since_oldest is None:
            return max(0, self.server_total - self.cached) if self.cached == 0 else None
        return max(0, self.server_total - self.server_since_oldest)

    @property
    def complete(self) -> bool | None:
        """True when every workout of the account is cached; None when unknown."""
        if self.server_total is None:
            return None
        return self.cached >= self.server_total

    def sentence(
        self,
        number: Callable[[int], str] = _plain_number,
        day: Callable[[date], str] = date.isoformat,
    ) -> str:
        """What the figures cover, for people ("Figures cover 320 of 320 workouts since ...").

        Args:
            number: formats a count (the ui passes its locale's).
            day: formats a date (likewise).
        """
        if self.cached == 0:
            if self.server_total:
                return (
                    f"No workouts are on this computer yet; the account has "
                    f"{number(self.server_total)}."
                )
            if self.server_total == 0:
                return "The account has no workouts yet."
            return "No workouts are on this computer yet."
        if self.complete:
            return f"Figures cover all {number(self.cached)} workouts of the account."
        since = day(self.oldest.date()) if self.oldest is not None else "the first one cached"
        if self.server_since_oldest is None:
            return (
                f"Figures cover the {number(self.cached)} workouts on this computer, since "
                f"{since}; older ones may not be loaded."
            )
        text = (
            f"Figures cover {number(min(self.cached, self.server_since_oldest))} of "
            f"{number(self.server_since_oldest)} workouts since {since}"
        )
        older = self.older_missing or 0
        if older:
            text += f"; {number(older)} older {'one is' if older == 1 else 'ones are'} not loaded"
        return text + "."


@dataclass(frozen=True)
class GearList:
    """The account's gear as last read.

    Attributes:
        items: full items in the service's order.
        fetched_at: when it was read from the service (None: never; nothing known).
    """

    items: tuple[Gear, ...] = ()
    fetched_at: float | None = None

    def find(self, uri_or_id: str) -> Gear | None:
        """The item with this uri or id."""
        ident = workout_id(uri_or_id)
        return next((item for item in self.items if item.id == ident), None)

    def for_workout(self, workout: str | int) -> list[Gear]:
        """The items a workout (id or uri) is linked to."""
        return [item for item in self.items if item.uses(workout)]


@dataclass(frozen=True)
class MetricsSnapshot:
    """The account's health metrics as last read (``fetched_at`` None: never read)."""

    metrics: HealthMetrics = field(default_factory=HealthMetrics)
    fetched_at: float | None = None


@dataclass
class AssignResult:
    """Outcome of assigning gear to several workouts: items saved, one sentence per failure."""

    saved: list[Gear] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def entry_from_row(row: Any) -> Entry | None:
    """An :class:`Entry` from a compact cache row (``WorkoutRow``: id, start_local, type,
    distance, duration, elevation_gain and the list item's JSON text ``raw``)."""
    start = row.start_local
    if not start or not row.id:
        return None
    try:
        day = date.fromisoformat(start[:10])
        clock = [int(part) for part in start[11:19].split(":")] if len(start) >= 19 else [0, 0, 0]
        calories = json.loads(row.raw).get("calories") if '"calories"' in row.raw else None
    except ValueError:
        return None
    wire = row.type or ""
    return Entry(
        id=row.id,
        day=day,
        category=wire.partition(":")[0].strip() or UNTYPED,
        type=wire,
        name=row.name or "",
        start=clock[0] * 3600 + clock[1] * 60 + clock[2],
        distance=_positive(row.distance),
        duration=_positive(row.duration),
        climb=_positive(row.elevation_gain),
        energy=_positive(lenient_float(calories)),
    )


def _positive(value: float | None) -> float:
    return value if value is not None and value > 0 else 0.0
