"""Workout table at scale: 10,000 cached workouts must open, scroll and filter smoothly.

Fills a fresh cache with 10,000 synthetic workouts, then times (medians of several runs) what the
user waits for: opening the table (first page shown), scrolling (the next page fetched and
painted) and filtering (a search typed, first matching page shown), and reports the process RSS.
Targets: each under 50 ms, RSS under 250 MB.

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/table_scale.py``
"""

from __future__ import annotations

import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.browser import WorkoutBrowser
from st_desktop.ui.workouts.model import Column, WorkoutTableModel

COUNT = 10_000
RUNS = 7
ACCOUNT = "benchmark"
TYPES = ("Running", "Running: Trail", "Cycling", "Cycling: Road", "Swimming: Pool", "Walking")
WORDS = ("Morning", "Evening", "Lunch", "Hill", "Lake", "Tempo", "Easy", "Long", "Ridge", "Park")


def fill(cache: WorkoutCache) -> float:
    rng = random.Random(1)
    items = []
    for i in range(COUNT):
        day = i // 2
        year, rest = 2000 + day // 365, day % 365
        month, dom = 1 + rest // 31 % 12, 1 + rest % 28
        raw = {
            "start_time": f"{year}-{month:02d}-{dom:02d}T{6 + i % 12:02d}:15:00+02:00",
            "type": rng.choice(TYPES),
            "name": f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} {i}",
            # Every 20th has no distance (the service writes 0): those sort after the rest.
            "total_distance": "0" if i % 20 == 0 else f"{rng.uniform(2000, 90000):.1f}",
            "duration": f"{rng.uniform(900, 14000):.2f}",
            "elevation_gain": round(rng.uniform(0, 1200), 1),
            "avg_heartrate": rng.randint(110, 170),
            "uri": f"https://example.test/api/v2/fitnessActivities/{1_000_000 + i}",
        }
        items.append(WorkoutSummary.from_json(raw))
    started = time.perf_counter()
    cache.upsert_summaries(ACCOUNT, items)
    return time.perf_counter() - started


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the table did not settle")
        time.sleep(0.0005)


def median_ms(samples: list[float]) -> str:
    low, high = min(samples) * 1000, max(samples) * 1000
    return f"{statistics.median(samples) * 1000:6.1f} ms (min {low:.1f}, max {high:.1f})"


def settle(app: QApplication, model: WorkoutTableModel, generation: int, rows: int) -> None:
    """Wait until a page for a newer generation (or more rows) arrived and nothing is in flight."""
    wait(
        app,
        lambda: (
            (model.generation > generation or model.rowCount() > rows)
            and model.rowCount() > 0
            and not model.in_flight
        ),
    )


def run_once(
    app: QApplication,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    times: dict[str, list[float]],
) -> None:
    """One open, five page scrolls, three searches and one sort, each timed until painted."""
    browser = WorkoutBrowser(runner, settings, cache)
    browser.resize(1000, 600)
    browser.show()
    model = browser.model
    started = time.perf_counter()
    browser.set_client(None, ACCOUNT)  # offline start: the cache only
    settle(app, model, -1, 0)
    browser.table.viewport().repaint()
    times["open"].append(time.perf_counter() - started)

    for _page in range(5):
        started = time.perf_counter()
        rows = model.rowCount()
        browser.table.scrollToBottom()
        app.processEvents()
        model.fetchMore(QModelIndex())  # no-op when the view already asked for it
        settle(app, model, model.generation, rows)
        browser.table.viewport().repaint()
        times["scroll"].append(time.perf_counter() - started)

    for text in ("lake", "hill 9", "tempo trail"):
        started = time.perf_counter()
        generation = model.generation
        model.set_query(WorkoutQuery(text=text))
        settle(app, model, generation, 1 << 30)
        browser.table.viewport().repaint()
        times["filter"].append(time.perf_counter() - started)

    started = time.perf_counter()
    generation = model.generation
    model.sort(Column.DISTANCE, Qt.SortOrder.DescendingOrder)
    settle(app, model, generation, 1 << 30)
    browser.table.viewport().repaint()
    times["sort"].append(time.perf_counter() - started)
    browser.close()
    browser.deleteLater()
    app.processEvents()


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    base = Path(tempfile.mkdtemp(prefix="st-bench-"))
    cache = WorkoutCache(base / "cache.sqlite3")
    fill_s = fill(cache)
    runner = TaskRunner()
    settings = Settings(base / "settings.ini")
    size_mb = cache.path.stat().st_size / 1e6
    print(f"filled {COUNT} workouts in {fill_s * 1000:.0f} ms ({size_mb:.1f} MB file)")

    times: dict[str, list[float]] = {"open": [], "scroll": [], "filter": [], "sort": []}
    for _ in range(RUNS):
        run_once(app, runner, settings, cache, times)
    open_t, scroll_t, filter_t, sort_t = (times[k] for k in ("open", "scroll", "filter", "sort"))

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"open   (first page shown): {median_ms(open_t)}   target < 50 ms")
    print(f"scroll (next page of 200): {median_ms(scroll_t)}   target < 50 ms")
    print(f"filter (search, 1st page): {median_ms(filter_t)}   target < 50 ms")
    print(f"sort   (by distance):      {median_ms(sort_t)}")
    print(f"peak RSS: {rss_mb:.0f} MB   target < 250 MB")
    runner.shutdown(5.0)
    cache.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
