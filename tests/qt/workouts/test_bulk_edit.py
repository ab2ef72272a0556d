"""Edit Selected…: one change for several workouts against the sandbox, then Ctrl+Z."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.browser import WorkoutBrowser


def test_edit_selected_changes_each_workout_and_undo_puts_them_back(
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
    browser.set_account(Account(account, "test", client))
    qtbot.waitUntil(lambda: browser.model.rowCount() > 3 and not runner.is_busy(), timeout=10_000)
    assert not browser.edit_action.isEnabled()  # nothing selected yet
    selection = browser.table.selectionModel()
    browser.table.selectRow(0)
    selection.select(
        browser.model.index(1, 0),
        selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
    )
    chosen = browser.selected_workouts()
    before = {w.uri: client.get_workout(w.uri or "") for w in chosen}
    qtbot.waitUntil(browser.edit_action.isEnabled, timeout=5000)  # selection handled queued
    browser.edit_action.trigger()
    dialog = browser._bulk.dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Edit 2 Workouts"
    assert not dialog.buttons.buttons()[0].isEnabled()  # nothing ticked: nothing to change
    dialog.set_privacy.setChecked(True)
    dialog.privacy.setCurrentIndex(dialog.privacy.findData("private"))
    dialog.notes.setPlainText("Group ride with the club")
    with qtbot.waitSignal(browser._bulk.edited, timeout=15_000):
        dialog.accept()
    for uri, old in before.items():
        now = client.get_workout(uri or "")
        assert now.privacy == "private"
        assert now.notes.endswith("Group ride with the club")
        assert now.notes.startswith(old.notes)  # appended, not replaced
        assert now.type == old.type  # unticked: untouched
    assert browser.undo_action.text() == "&Undo Edit"
    with qtbot.waitSignal(browser._bulk.undone, timeout=15_000):
        browser.undo_action.trigger()
    for uri, old in before.items():
        now = client.get_workout(uri or "")
        assert (now.privacy or "friends", now.notes) == (old.privacy or "friends", old.notes)
    assert not browser.undo_action.isEnabled()
