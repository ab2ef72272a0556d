"""The paged workout table model over the offline cache (DESIGN.md paged-model pattern)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.model import Column, SortRole, WorkoutRole, WorkoutTableModel

ACCOUNT = "test-account"


def fill(cache: WorkoutCache, count: int) -> None:
    items = [
        WorkoutSummary.from_json(
            {
                "start_time": f"2024-{1 + i // 28:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+01:00",
                "type": "Running" if i % 3 else "Cycling: Road",
                "name": f"Workout {i:03d}" + (" hills" if i % 10 == 0 else ""),
                "total_distance": str(1000.0 + i),
                "duration": "1800.00",
                "uri": f"https://example.test/api/v2/fitnessActivities/{1000 + i}",
            }
        )
        for i in range(count)
    ]
    cache.upsert_summaries(ACCOUNT, items)


def wait_idle(qtbot: QtBot, model: WorkoutTableModel) -> None:
    qtbot.waitUntil(lambda: not model.in_flight, timeout=5000)


def test_model_passes_qtmodeltester_and_pages(
    qtbot: QtBot, qtmodeltester: Any, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 45)
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    # The count arrived after the first page: the table has every row, the unread ones as
    # placeholders (empty cells, no workout).
    assert model.rowCount() == 45
    assert model.loaded_rows == 20
    assert [offset for _, offset in model.pages_requested] == [0]
    assert model.index(30, Column.NAME).data(WorkoutRole) is None
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        assert not model.canFetchMore(QModelIndex())  # never two pages in flight
        wait_idle(qtbot, model)
    assert model.loaded_rows == 45
    # each page was asked for exactly once, in order
    assert [offset for _, offset in model.pages_requested] == [0, 20, 40]
    first = model.index(0, Column.DISTANCE)
    assert isinstance(first.data(WorkoutRole), WorkoutSummary)
    assert isinstance(first.data(SortRole), float)
    assert first.data(Qt.ItemDataRole.DisplayRole).replace(".", "").isdigit()
    qtmodeltester.check(model)
    model.set_query(WorkoutQuery(text="hills"))  # a reset, checked by the tester as it happens
    wait_idle(qtbot, model)
    assert model.rowCount() == 5


def test_filter_change_mid_fetch_drops_the_stale_page(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 60)
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    model.fetchMore(QModelIndex())  # page 2 of the unfiltered list is now in flight ...
    assert model.in_flight
    model.set_query(WorkoutQuery(text="hills"))  # ... and the filter changes before it lands
    wait_idle(qtbot, model)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)  # the stale page arrived too
    names = [model.index(r, Column.NAME).data() for r in range(model.rowCount())]
    assert names
    assert all("hills" in name for name in names)
    assert model.rowCount() == 6


def test_sorting_happens_in_the_cache(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 30)
    model = WorkoutTableModel(runner, cache, page_size=50, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    model.sort(Column.DISTANCE, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, model)
    values = [model.index(r, Column.DISTANCE).data(SortRole) for r in range(model.rowCount())]
    assert values == sorted(values)
    assert values[0] == 1000.0


def test_refresh_merges_new_rows_and_keeps_the_selection_target(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 10)
    model = WorkoutTableModel(runner, cache, page_size=50, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    tracked = model.index(3, 0)
    from PySide6.QtCore import QPersistentModelIndex

    persistent = QPersistentModelIndex(tracked)
    name = tracked.data(WorkoutRole).name
    newest = WorkoutSummary.from_json(
        {"start_time": "2030-01-01T00:00:00Z", "name": "Newest", "uri": "x/fitnessActivities/9"}
    )
    cache.upsert_summaries(ACCOUNT, [newest])
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 11
    assert model.index(0, Column.NAME).data() == "Newest"
    assert persistent.row() == 4
    assert persistent.data(WorkoutRole).name == name


def test_a_workout_without_distance_shows_an_empty_cell_and_sorts_last(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 3)
    gym = {
        "start_time": "2024-06-01T18:00:00+01:00",
        "type": "Gym: Strength",
        "name": "Gym",
        "total_distance": "0",
        "duration": "2700.00",
        "uri": "https://example.test/api/v2/fitnessActivities/9",
    }
    cache.upsert_summaries(ACCOUNT, [WorkoutSummary.from_json(gym)])
    model = WorkoutTableModel(runner, cache, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    row = next(r for r in range(model.rowCount()) if model.workout(r).name == "Gym")
    assert model.index(row, Column.DISTANCE).data() == ""  # not "0.00"
    assert model.index(row, Column.DISTANCE).data(SortRole) is None
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        model.sort(Column.DISTANCE, order)
        wait_idle(qtbot, model)
        assert model.workout(model.rowCount() - 1).name == "Gym", order


def test_a_jump_far_down_reads_only_the_rows_shown(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 300)
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.sort(Column.DISTANCE, Qt.SortOrder.DescendingOrder)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    assert model.rowCount() == 300
    assert model.index(271, Column.NAME).data() == ""  # a placeholder, asking for its page
    wait_idle(qtbot, model)
    assert model.is_loaded(271)
    assert [first for _, first in model.pages_requested] == [0, 260]  # nothing in between
    expected = cache.page(ACCOUNT, model.query, 260, 20)
    assert [model.workout(r) for r in range(260, 280)] == expected
    assert not model.is_loaded(259)
    assert not model.is_loaded(280)


def test_memory_is_bounded_and_dropped_rows_come_back(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 200)
    model = WorkoutTableModel(runner, cache, page_size=10, parent=runner, max_loaded=40)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    for row in range(0, 200, 10):  # the user scrolls through everything
        model.index(row, Column.DATE).data()
        wait_idle(qtbot, model)
        assert model.loaded_rows <= 40
    assert model.is_loaded(195)
    assert not model.is_loaded(0)  # read longest ago: dropped
    assert model.index(0, Column.NAME).data(WorkoutRole) is None
    # A selected row that was dropped is read back when asked for, directly.
    assert model.workout(0) == cache.page(ACCOUNT, model.query, 0, 1)[0]
    assert model.is_loaded(0)


def test_refresh_follows_rows_removed_from_the_cache(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    fill(cache, 50)
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.set_account(ACCOUNT)
    wait_idle(qtbot, model)
    assert (model.rowCount(), model.loaded_rows) == (50, 20)
    newest = model.workout(0)
    cache.remove(ACCOUNT, [newest.uri or "", "1000", "1001"])  # the newest and the two oldest
    with qtbot.waitSignal(model.refreshed, timeout=5000):
        model.refresh()
    assert model.rowCount() == 47
    assert model.row_of(newest.id or "") is None
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        wait_idle(qtbot, model)
    ids = [model.workout(r).id for r in range(model.rowCount())]
    assert ids == [s.id for s in cache.page(ACCOUNT, model.query, 0, 100)]
