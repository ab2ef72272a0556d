"""Overview totals at scale: summing 100,000 cached workouts for Totals, Calendar and Gear.

Fills a fresh cache with synthetic workouts, then times (medians of a few runs) the steps the
overview runs on a worker: reading every cached workout in chunks into compact entries
(``OverviewService.digest``), and grouping them per ISO week, month and year
(``domain.totals.totals``), plus the current-period comparison. Reports the process RSS.

Run: ``python benchmarks/overview_totals.py [COUNT]`` (default 100,000).
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from st_desktop.domain.totals import Period, compare, totals
from st_desktop.domain.workout import WorkoutSummary
from st_desktop.progress import TaskContext
from st_desktop.services.overview import OverviewService
from st_desktop.store.cache import WorkoutCache

RUNS = 3
ACCOUNT = "benchmark"
TYPES = ("Running", "Running: Trail", "Cycling", "Cycling: Road", "Swimming: Pool", "Walking")


def fill(cache: WorkoutCache, count: int) -> float:
    """Write ``count`` synthetic list items (with summary figures); seconds taken."""
    rng = random.Random(7)
    items = []
    for i in range(count):
        day = date.fromordinal(date(1995, 1, 1).toordinal() + i * 11_000 // count)
        raw = {
            "start_time": f"{day.isoformat()}T{6 + i % 12:02d}:15:00+02:00",
            "type": rng.choice(TYPES),
            "name": f"Workout {i}",
            "total_distance": f"{rng.uniform(2000, 90000):.1f}",
            "duration": f"{rng.uniform(900, 14000):.2f}",
            "elevation_gain": round(rng.uniform(0, 1200), 1),
            "calories": rng.randint(500, 5000),
            "uri": f"https://example.test/api/v2/fitnessActivities/{1_000_000 + i}",
        }
        items.append(WorkoutSummary.from_json(raw))
    started = time.perf_counter()
    for first in range(0, count, 10_000):
        cache.upsert_summaries(ACCOUNT, items[first : first + 10_000])
    return time.perf_counter() - started


def median_ms(step: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        step()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        cache = WorkoutCache(Path(folder) / "cache.sqlite3")
        print(f"filled {count:,} workouts in {fill(cache, count):.1f} s")
        service = OverviewService(cache)
        digest = service.digest(TaskContext(), ACCOUNT)
        assert len(digest.entries) == count

        def read() -> object:
            return service.digest(TaskContext(), ACCOUNT)

        def coverage() -> object:
            return service.completeness(ACCOUNT)

        today = max(e.day for e in digest.entries)

        def this_week() -> object:
            return compare(digest.entries, Period.WEEK, today)

        print(f"digest (read every cached workout):   {median_ms(read):8.0f} ms")
        for period in Period:

            def group(period: Period = period) -> object:
                return totals(digest.entries, period)

            print(f"totals per {period.value:<5}:                    {median_ms(group):8.0f} ms")
        print(f"this week against the previous four:  {median_ms(this_week):8.0f} ms")
        print(f"completeness (count + oldest):        {median_ms(coverage):8.0f} ms")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak RSS: {rss:.0f} MB")
        cache.close()


if __name__ == "__main__":
    main()
