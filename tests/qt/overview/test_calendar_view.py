"""The Calendar view against the sandbox: each day's workouts; a click shows one in the table."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.app import Application
from st_desktop.progress import TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services import sync
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.tasks import TaskRunner
from st_desktop.ui.overview.calendar import ID_ROLE, CalendarPane, add_months
from st_desktop.ui.overview.calendar_model import (
    DAY_ROLE,
    ENTRIES_ROLE,
    IN_MONTH_ROLE,
    WEEK_COLUMN,
    chip_rects,
)
from st_desktop.ui.overview.locate import WorkoutLocator
from st_desktop.ui.workouts.browser import WorkoutBrowser

from .conftest import digest_ready, item_id, local_day, pane, sandbox_items


def show_calendar(qtbot: QtBot, app: Application) -> CalendarPane:
    app.window.show_view("calendar")
    calendar: CalendarPane = pane(app, "calendarPane")
    digest_ready(qtbot, app)
    return calendar


def chip_point(calendar: CalendarPane, day: date, position: int = 0) -> QPoint:
    """The middle of a workout's chip in the grid, where a user would click."""
    view = calendar.view
    index = calendar.model.index_of(day)
    assert index.isValid()
    entries = index.data(ENTRIES_ROLE)
    chips = chip_rects(view.visualRect(index), view.fontMetrics().height(), entries)
    rect, entry = chips[position]
    assert entry is not None, "the chip does not fit the cell"
    return rect.center()


def test_each_day_lists_the_sandbox_workouts_of_that_day(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    calendar = show_calendar(qtbot, app)
    items = sandbox_items(server)
    newest = max(local_day(i) for i in items)
    calendar.go_to(newest)
    model = calendar.model
    by_day: dict[date, set[str]] = {}
    for item in items:
        by_day.setdefault(local_day(item), set()).add(item_id(item))
    seen = 0
    for row in range(model.rowCount()):
        week_count = 0
        for column in range(WEEK_COLUMN):
            index = model.index(row, column)
            day = index.data(DAY_ROLE)
            ids = {e.id for e in index.data(ENTRIES_ROLE)}
            assert ids == by_day.get(day, set()), day
            seen += len(ids) if index.data(IN_MONTH_ROLE) else 0
            week_count += len(ids)
        week = model.index(row, WEEK_COLUMN).data()
        assert (week or "").startswith(f"{week_count} workout") or (not week and not week_count)
    in_month = [d for d in by_day if (d.year, d.month) == (newest.year, newest.month)]
    assert seen == sum(len(by_day[d]) for d in in_month)
    assert calendar.month_summary.text().startswith(f"{seen} workout")


def test_clicking_a_workout_selects_it_in_the_table_and_shows_it(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    calendar = show_calendar(qtbot, app)
    oldest = min(sandbox_items(server), key=lambda i: i["start_time"])
    day = local_day(oldest)
    calendar.go_to(day)
    position = [e.id for e in calendar.model.entries(day)].index(item_id(oldest))
    qtbot.mouseClick(
        calendar.view.viewport(), Qt.MouseButton.LeftButton, pos=chip_point(calendar, day, position)
    )
    browser = app.browser
    qtbot.waitUntil(lambda: [w.id for w in browser.selected_workouts()] == [item_id(oldest)])
    assert app.window.views.current == "workouts"
    qtbot.waitUntil(
        lambda: app.detail.workout is not None and app.detail.workout.id == item_id(oldest),
        timeout=10_000,
    )


def test_the_keyboard_reaches_a_workout_and_the_filters_make_way(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    calendar = show_calendar(qtbot, app)
    item = sandbox_items(server)[5]
    # The table's search hides the workout: the calendar clears it rather than fail.
    app.browser.filter_bar.search.setText("no workout is called this")
    qtbot.waitUntil(lambda: app.browser.model.query.text == "no workout is called this")
    qtbot.waitUntil(lambda: app.browser.model.rowCount() == 0 and not app.browser.model.in_flight)
    day = local_day(item)
    calendar.go_to(day)
    calendar.view.setFocus()
    assert calendar.chosen_day == day
    wanted = item_id(item)
    if len(calendar.model.entries(day)) == 1:
        qtbot.keyClick(calendar.view, Qt.Key.Key_Return)
    else:
        qtbot.keyClick(calendar.view, Qt.Key.Key_Return)  # several: the day's list takes focus
        assert calendar.day_list.hasFocus()
        listed = [calendar.day_list.item(r).data(ID_ROLE) for r in range(calendar.day_list.count())]
        row = listed.index(wanted)
        calendar.day_list.setCurrentRow(row)
        qtbot.keyClick(calendar.day_list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: [w.id for w in app.browser.selected_workouts()] == [wanted])
    assert app.browser.filter_bar.search.text() == ""
    assert "filters were cleared" in app.window.message_area.text()


def test_months_and_years_step_by_button_and_key(qtbot: QtBot, app: Application) -> None:
    calendar = show_calendar(qtbot, app)
    calendar.go_to(date(2025, 1, 31))
    start = calendar.month
    next_month = calendar.findChild(QToolButton, "calendarNextMonth")
    qtbot.mouseClick(next_month, Qt.MouseButton.LeftButton)
    assert calendar.month == add_months(start, 1)
    assert calendar.chosen_day == date(2025, 2, 28)  # the 31st does not exist in February
    calendar.view.setFocus()
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ShiftModifier)
    assert calendar.month == date(2024, 2, 1)
    qtbot.keyClick(calendar.view, Qt.Key.Key_PageDown)
    assert calendar.month == date(2024, 3, 1)
    assert calendar.title.text().endswith("2024")
    qtbot.mouseClick(calendar.today_button, Qt.MouseButton.LeftButton)
    assert calendar.chosen_day == date.today()


def test_the_locator_reads_further_pages_of_the_table(
    qtbot: QtBot,
    runner: TaskRunner,
    cache: WorkoutCache,
    client: SportTracksClient,
    server: SandboxServer,
    settings: Settings,
) -> None:
    key = f"sandbox|{server.user_id}"
    sync.load_full_history(TaskContext(), client, cache, key)
    oldest = cache.page(key, WorkoutQuery(descending=False), 0, 1)[0]
    browser = WorkoutBrowser(runner, settings, WorkoutService(cache), page_size=5)
    qtbot.addWidget(browser)
    browser.set_account(Account(key, "Sandbox", None, sandbox=True))  # signed out: cache only
    locator = WorkoutLocator(browser)
    with qtbot.waitSignal(locator.found, timeout=15_000) as found:
        locator.locate(oldest.id or "")
    assert found.args == [oldest.id]
    assert [w.id for w in browser.selected_workouts()] == [oldest.id]
    assert browser.model.rowCount() > 5  # it had to read on


def test_the_calendar_model_passes_the_model_tester(
    qtbot: QtBot, app: Application, qtmodeltester: Any
) -> None:
    calendar = show_calendar(qtbot, app)
    qtmodeltester.check(calendar.model)


def test_the_year_heat_map_shades_the_days_read_while_another_view_was_shown(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    calendar: CalendarPane = pane(app, "calendarPane")
    calendar.heatmap_box.setChecked(True)
    digest_ready(qtbot, app)  # read while the Workouts view is on screen
    items = sandbox_items(server)
    newest = max(local_day(i) for i in items)
    calendar.go_to(newest)  # e.g. from the table, with the Workouts view still shown
    app.window.show_view("calendar")
    year = newest.year
    days = {local_day(i) for i in items if local_day(i).year == year}
    assert calendar.heatmap.accessibleDescription() == f"{year}: workouts on {len(days)} days"
