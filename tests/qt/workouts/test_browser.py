"""The workout browser against the sandbox over loopback: cache first, refresh, paging,
delete and undo, failures with Retry, manual entry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.domain.workout import Workout
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunner
from st_desktop.ui import theme
from st_desktop.ui.workouts.browser import WorkoutBrowser
from st_desktop.ui.workouts.model import Column, WorkoutRole

from .conftest import DEMO_SIZE


def make_browser(
    qtbot: QtBot, runner: TaskRunner, settings: Settings, cache: WorkoutCache, **kwargs: object
) -> WorkoutBrowser:
    browser = WorkoutBrowser(
        runner, settings, WorkoutService(cache), confirm=lambda *a: True, **kwargs
    )
    qtbot.addWidget(browser)
    browser.resize(900, 500)
    browser.show()
    return browser


def idle(qtbot: QtBot, runner: TaskRunner, browser: WorkoutBrowser) -> None:
    qtbot.waitUntil(lambda: not runner.is_busy() and not browser.model.in_flight, timeout=10_000)


def list_pages(server: SandboxServer) -> list[str]:
    return [path for method, path in server.request_log if path.endswith("/fitnessActivities")]


def test_first_page_then_offline_start_shows_the_cache(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache)
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    table = browser.table
    assert table.model().rowCount() > 0
    newest = table.model().index(0, Column.NAME).data(WorkoutRole)
    assert newest.name == client.list_workouts(0, 1).items[0].name

    server.stop()  # offline: a new window shows what is cached, at once and without errors
    offline = make_browser(qtbot, runner, settings, cache)
    offline.set_account(Account(account, "test", None))
    idle(qtbot, runner, offline)
    assert offline.model.rowCount() == browser.model.rowCount()
    assert not offline.notice.isVisible()
    assert not offline.refresh_action.isEnabled()


def test_full_history_and_scrolling_fetch_each_page_exactly_once(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache, page_size=20)
    browser.history_page_size = 25
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    server.request_log.clear()
    browser.history_action.trigger()
    assert browser.cancel_button.isVisible()
    idle(qtbot, runner, browser)
    assert not browser.cancel_button.isVisible()
    assert len(list_pages(server)) == 3  # 60 workouts in pages of 25: 0, 1 and 2, once each
    assert cache.count(account) == DEMO_SIZE

    for _ in range(10):  # scroll to the end until nothing more comes
        browser.table.scrollToBottom()
        QApplication.processEvents()  # the view asks for more as it lays out
        idle(qtbot, runner, browser)
    assert browser.model.rowCount() == DEMO_SIZE
    offsets = [
        offset
        for generation, offset in browser.model.pages_requested
        if generation == browser.model.generation
    ]
    assert offsets == [0, 20, 40, 60]  # 60 is a multiple of 20: one empty page ends it


def test_search_filters_as_you_type(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache)
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    some = browser.model.workout(0)
    word = some.type.split(":")[0]
    qtbot.keyClicks(browser.filter_bar.search, word.lower())
    qtbot.waitUntil(lambda: browser.model.query.text == word.lower(), timeout=2000)
    idle(qtbot, runner, browser)
    types = {browser.model.workout(r).type for r in range(browser.model.rowCount())}
    assert types
    assert all(word in t for t in types)


def test_delete_then_undo_restores_the_workout(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache)
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    before = client.get_workout(browser.model.workout(1).uri or "").to_json()
    browser.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    browser.table.selectRow(1)
    qtbot.waitUntil(browser.delete_action.isEnabled, timeout=2000)
    with qtbot.waitSignal(browser.undo_available, timeout=10_000) as undo:
        browser.delete_action.trigger()
    assert "Deleted" in undo.args[0]
    idle(qtbot, runner, browser)
    assert server.workout_count() == DEMO_SIZE - 1
    assert browser.model.rowCount() == min(DEMO_SIZE - 1, 200)
    assert browser.notice.button.text() == "Undo"

    with qtbot.waitSignal(browser.message, timeout=10_000) as restored:
        browser.undo_action.trigger()
    idle(qtbot, runner, browser)
    assert server.workout_count() == DEMO_SIZE
    assert "new id" in restored.args[0]
    again = browser.model.workout(1)
    assert again.name == before["name"]
    after = client.get_workout(again.uri or "").to_json()
    for key in ("start_time", "type", "duration", "laps", "location", "heartrate", "distance"):
        assert after.get(key) == before.get(key), key
    assert not browser.undo_action.isEnabled()


@pytest.mark.expect_log("Refreshing workouts failed")
def test_failed_refresh_shows_its_message_and_retry_works(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    server.faults.server_error = 1
    browser = make_browser(qtbot, runner, settings, cache)
    with qtbot.waitSignal(browser.error, timeout=10_000) as failure:
        browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    assert "Could not refresh the workouts" in failure.args[0]
    assert "SportTracks" in failure.args[0]  # the client's specific sentence, not a traceback
    assert browser.notice.isVisible()
    assert browser.model.rowCount() == 0
    qtbot.mouseClick(browser.notice.button, Qt.MouseButton.LeftButton)
    idle(qtbot, runner, browser)
    assert not browser.notice.isVisible()
    assert browser.model.rowCount() > 0


def test_new_workout_appears_in_the_table_and_sends_duration(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache)
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    dialog = browser.new_workout()
    assert dialog is not None
    dialog.duration.setText("1:02:45")
    dialog.distance.setText("3.1 mi")
    dialog.name.setText("Typed in")
    dialog.type_picker.set_wire_type("running: trail")
    dialog.start.setDateTime(
        dialog.start.dateTime().fromString("2031-05-01 07:30", "yyyy-MM-dd HH:mm")
    )
    with qtbot.waitSignal(browser.model.refreshed, timeout=10_000):
        dialog.accept()
    qtbot.waitUntil(lambda: bool(browser.selected_workouts()), timeout=5000)
    idle(qtbot, runner, browser)
    created = browser.selected_workouts()[0]
    assert created.name == "Typed in"
    assert created.type == "Running: Trail"
    stored = client.get_workout(created.uri or "")
    assert stored.duration == 3765
    assert stored.total_distance is not None
    assert round(stored.total_distance) == 4989
    assert server.workout_count() == DEMO_SIZE + 1


def test_new_workout_dialog_explains_bad_input(qtbot: QtBot) -> None:
    from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog

    dialog = NewWorkoutDialog("imperial")
    qtbot.addWidget(dialog)
    dialog.duration.setText("1:75")
    assert "below 60" in dialog.problem.text()
    # In the scheme's error colour (light here; the tint follows a switch to dark).
    shown = dialog.problem.palette().color(QPalette.ColorRole.WindowText)
    assert shown == theme.LIGHT_COLOURS.error
    dialog.duration.setText("45:00")
    dialog.distance.setText("5 parsecs")
    assert "unknown distance unit" in dialog.problem.text()
    dialog.distance.setText("3")
    assert dialog.problem.text() == ""
    workout = dialog.workout()
    assert isinstance(workout, Workout)
    assert workout.duration == 2700
    assert round(workout.total_distance or 0) == 4828  # three miles
    assert workout.start_time is not None
    assert workout.start_time < datetime.now(UTC)


def test_a_search_that_matches_nothing_says_so_and_clear_shows_everything(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
) -> None:
    browser = make_browser(qtbot, runner, settings, cache)
    browser.set_account(Account(account, "test", client))
    idle(qtbot, runner, browser)
    count = browser.findChild(QLabel, "workoutCount")
    notice = browser.findChild(QLabel, "noMatchNotice")
    assert count is not None
    assert notice is not None
    qtbot.waitUntil(lambda: count.text() == f"{DEMO_SIZE} workouts", timeout=5000)
    assert not notice.isVisible()
    browser.filter_bar.search.setText("xyzzy")
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert notice.text() == "No workouts match “xyzzy”."
    assert count.text() == f"0 of {DEMO_SIZE}"
    qtbot.mouseClick(browser.search_status.clear, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=5000)
    assert browser.filter_bar.search.text() == ""
    qtbot.waitUntil(lambda: count.text() == f"{DEMO_SIZE} workouts", timeout=5000)
    idle(qtbot, runner, browser)
    assert browser.model.rowCount() == DEMO_SIZE
