"""Keyboard: Tab moves between controls (not inside a table or a date), Ctrl+End selects."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunner
from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog
from st_desktop.ui.workouts.browser import WorkoutBrowser


def test_tab_in_new_workout_goes_from_the_date_to_the_duration(qtbot: QtBot) -> None:
    dialog = NewWorkoutDialog("metric")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    dialog.start.setFocus()
    date = dialog.start.dateTime()
    qtbot.keyClick(dialog.start, Qt.Key.Key_Tab)
    qtbot.waitUntil(dialog.duration.hasFocus, timeout=2000)
    qtbot.keyClicks(dialog.duration, "45:00")
    assert dialog.start.dateTime() == date  # typing the duration left the date alone
    qtbot.keyClick(dialog.duration, Qt.Key.Key_Backtab)
    qtbot.waitUntil(dialog.start.hasFocus, timeout=2000)


def test_tab_leaves_the_table_and_ctrl_end_selects_the_last_workout(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
) -> None:
    browser = WorkoutBrowser(runner, settings, WorkoutService(cache), confirm=lambda *a: True)
    qtbot.addWidget(browser)
    browser.show()
    browser.activateWindow()
    qtbot.waitActive(browser)
    browser.set_account(Account(account, "test", client))
    qtbot.waitUntil(lambda: browser.model.rowCount() > 3 and not runner.is_busy(), timeout=10_000)
    table = browser.table
    table.setFocus()
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = browser.model.rowCount() - 1
    assert [i.row() for i in table.selectionModel().selectedRows()] == [last]
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not table.hasFocus(), timeout=2000)  # out, not to the next cell
