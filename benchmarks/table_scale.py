"""Workout table at scale: a big cache must open, scroll, filter, sort and jump smoothly.

Fills a fresh cache with ``--count`` synthetic workouts (default 10,000; the issue's target case
is 100,000), then times (medians of ``--runs`` runs, at least 5) what the user waits for, each
until the rows are painted:

- open: the table shown for the account (first rows on screen; the keyset model sizes the
  scrollbar from a count that lands a moment later: "complete" times that too);
- scroll: the next page of rows below the loaded ones brought into view;
- filter: a search typed (three different searches per run), first matching rows shown;
- sort: sorted by distance, first rows shown;
- deep page: in distance order, the scrollbar dragged to 90 % of the table, those rows shown.

It also reports the process's peak RSS. Targets: each under 50 ms, peak RSS under 250 MB.
The last line printed is one JSON object with ``open_ms``, ``scroll_ms``, ``filter_ms``,
``sort_ms``, ``deep_page_ms`` (medians) and ``rss_mb``.

A model without row placeholders (before the keyset model) cannot jump to 90 % at all: the
scrollbar only spans the rows loaded so far. For it, "deep page" times the one cache query it
would need at best (``page`` at offset 90 % in distance order).

Run: ``QT_QPA_PLATFORM=offscreen python benchmarks/table_scale.py --count 100000``
"""

from __future__ import annotations

import argparse
import json
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
from PySide6.QtWidgets import QAbstractItemView, QApplication

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.browser import WorkoutBrowser
from st_desktop.ui.workouts.model import Column, WorkoutTableModel

ACCOUNT = "benchmark"
TYPES = ("Running", "Running: Trail", "Cycling", "Cycling: Road", "Swimming: Pool", "Walking")
WORDS = ("Morning", "Evening", "Lunch", "Hill", "Lake", "Tempo", "Easy", "Long", "Ridge", "Park")
SEARCHES = ("lake", "hill 9", "tempo trail")
CHUNK = 5000  # written like a sync does, a page at a time (and the benchmark stays small)


def synthetic(i: int, rng: random.Random) -> WorkoutSummary:
    day = i // 2
    year, rest = 2000 + day // 365, day % 365
    month, dom = 1 + rest // 31 % 12, 1 + rest % 28
    return WorkoutSummary.from_json(
        {
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
    )


def fill(cache: WorkoutCache, count: int) -> float:
    rng = random.Random(1)
    started = time.perf_counter()
    for first in range(0, count, CHUNK):
        chunk = [synthetic(i, rng) for i in range(first, min(count, first + CHUNK))]
        cache.upsert_summaries(ACCOUNT, chunk)
    return time.perf_counter() - started


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise TimeoutError("the table did not settle")
        time.sleep(0.0002)


def median_ms(samples: list[float]) -> str:
    low, high = min(samples) * 1000, max(samples) * 1000
    return f"{statistics.median(samples) * 1000:7.1f} ms (min {low:.1f}, max {high:.1f})"


def sparse(model: WorkoutTableModel) -> bool:
    """True for a model that knows the total and shows placeholders (can jump anywhere)."""
    return hasattr(model, "is_loaded")


def shown(model: WorkoutTableModel, row: int) -> bool:
    """The row exists and holds a workout (not a placeholder)."""
    if row >= model.rowCount():
        return False
    return not sparse(model) or model.is_loaded(row)


def settled(model: WorkoutTableModel, generation: int, row: int) -> Callable[[], bool]:
    """A newer generation than ``generation`` has ``row`` read (the old model: nothing pending).

    The keyset model shows the first rows before it has counted the matches (the count only
    sizes the scrollbar); :func:`complete` waits for that too.
    """
    return lambda: (
        model.generation > generation
        and shown(model, row)
        and (sparse(model) or not model.in_flight)
    )


def complete(
    app: QApplication, model: WorkoutTableModel, started: float, times: dict[str, list[float]]
) -> None:
    """Wait until nothing is pending (count and scrollbar included); note how long it took."""
    wait(app, lambda: not model.in_flight)
    times["complete"].append(time.perf_counter() - started)


def run_once(
    app: QApplication,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    count: int,
    times: dict[str, list[float]],
) -> None:
    """One open, five page scrolls, three searches, one sort and one jump to 90 %."""
    browser = WorkoutBrowser(runner, settings, WorkoutService(cache))
    browser.resize(1000, 600)
    browser.show()
    model, table = browser.model, browser.table
    app.processEvents()

    started = time.perf_counter()
    generation = model.generation
    browser.set_account(Account(ACCOUNT, "benchmark", None))  # offline start: the cache only
    wait(app, settled(model, generation, 0))
    table.viewport().repaint()
    times["open"].append(time.perf_counter() - started)
    complete(app, model, started, times)

    for _page in range(5):
        started = time.perf_counter()
        if sparse(model):
            target = next(r for r in range(model.rowCount()) if not shown(model, r))
            table.scrollTo(model.index(target, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            table.viewport().repaint()  # the view asks for the rows it paints
        else:
            target = model.rowCount()
            table.scrollToBottom()
            app.processEvents()
            model.fetchMore(QModelIndex())  # no-op when the view already asked for it
        wait(app, settled(model, -1, target))
        table.viewport().repaint()
        times["scroll"].append(time.perf_counter() - started)

    for text in SEARCHES:
        started = time.perf_counter()
        generation = model.generation
        model.set_query(WorkoutQuery(text=text))
        wait(app, settled(model, generation, 0))
        table.viewport().repaint()
        times["filter"].append(time.perf_counter() - started)
        complete(app, model, started, times)

    generation = model.generation
    model.set_query(WorkoutQuery())
    wait(app, settled(model, generation, 0))
    wait(app, lambda: not model.in_flight)
    started = time.perf_counter()
    generation = model.generation
    model.sort(Column.DISTANCE, Qt.SortOrder.DescendingOrder)
    wait(app, settled(model, generation, 0))
    table.viewport().repaint()
    times["sort"].append(time.perf_counter() - started)
    complete(app, model, started, times)

    deep = int(count * 0.9)
    started = time.perf_counter()
    if sparse(model):
        table.verticalScrollBar().setValue(deep)  # the user drags the scrollbar to 90 %
        table.viewport().repaint()
        wait(app, settled(model, -1, table.rowAt(0)))
        table.viewport().repaint()
    else:
        cache.page(ACCOUNT, model.query, deep, 200)
    times["deep_page"].append(time.perf_counter() - started)

    browser.close()
    browser.deleteLater()
    app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000, help="workouts in the cache")
    parser.add_argument("--runs", type=int, default=5, help="runs (medians; at least 5)")
    args = parser.parse_args(argv)
    runs = max(5, args.runs)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    base = Path(tempfile.mkdtemp(prefix="st-bench-"))
    opened = time.perf_counter()
    cache = WorkoutCache(base / "cache.sqlite3")
    fill_s = fill(cache, args.count)
    cache.close()
    opened = time.perf_counter()
    cache = WorkoutCache(base / "cache.sqlite3")  # as the app finds it at start
    open_cache_s = time.perf_counter() - opened
    runner = TaskRunner()
    settings = Settings(base / "settings.ini")
    size_mb = cache.path.stat().st_size / 1e6
    print(f"filled {args.count} workouts in {fill_s * 1000:.0f} ms ({size_mb:.1f} MB file)")
    print(f"cache file opened in {open_cache_s * 1000:.1f} ms")

    keys = ("open", "scroll", "filter", "sort", "deep_page")
    times: dict[str, list[float]] = {key: [] for key in (*keys, "complete")}
    for _ in range(runs):
        run_once(app, runner, settings, cache, args.count, times)

    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"open   (first rows shown):     {median_ms(times['open'])}   target < 50 ms")
    print(f"scroll (next page of rows):    {median_ms(times['scroll'])}   target < 50 ms")
    print(f"filter (search, first rows):   {median_ms(times['filter'])}   target < 50 ms")
    print(f"sort   (by distance):          {median_ms(times['sort'])}   target < 50 ms")
    print(f"deep   (jump to 90 %, dist.):  {median_ms(times['deep_page'])}   target < 50 ms")
    print(
        f"complete (count, scrollbar):   {median_ms(times['complete'])}   (after open/filter/sort)"
    )
    print(f"peak RSS: {rss_mb:.0f} MB   target < 250 MB")
    runner.shutdown(5.0)
    cache.close()
    figures = {f"{key}_ms": round(statistics.median(times[key]) * 1000, 1) for key in keys}
    print(json.dumps({**figures, "rss_mb": round(rss_mb)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
