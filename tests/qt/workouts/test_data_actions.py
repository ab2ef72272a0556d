"""Workouts > Back Up Account… and Export Selected… in the window, against the sandbox."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.services.account import Account
from st_desktop.services.data import DataService
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.browser import WorkoutBrowser
from st_desktop.ui.workouts.data_actions import DataActions

from .conftest import DEMO_SIZE


def browser_with_rows(
    qtbot: QtBot, runner: TaskRunner, settings: Settings, cache: WorkoutCache, account: Account
) -> WorkoutBrowser:
    browser = WorkoutBrowser(runner, settings, WorkoutService(cache), confirm=lambda *a: True)
    qtbot.addWidget(browser)
    browser.show()
    browser.set_account(account)
    qtbot.waitUntil(lambda: browser.model.rowCount() > 3 and not runner.is_busy(), timeout=10_000)
    return browser


def test_back_up_account_shows_progress_and_writes_every_workout(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    tmp_path: Path,
) -> None:
    signed_in = Account(account, "test", client)
    browser = browser_with_rows(qtbot, runner, settings, cache, signed_in)
    actions = DataActions(browser, runner, DataService(), browser)
    actions.choose_folder = lambda _title, _start: str(tmp_path / "backup")
    with qtbot.waitSignal(actions.message, timeout=30_000) as done:
        actions.backup_action.trigger()
        assert actions.progress is not None
        assert actions.progress.isVisible()
    assert done.args[0].startswith(f"Backup of {DEMO_SIZE} workouts: {DEMO_SIZE} workouts saved")
    index = json.loads((tmp_path / "backup" / "index.json").read_text())
    assert len(index["workouts"]) == DEMO_SIZE
    qtbot.waitUntil(lambda: actions.progress is None, timeout=5000)


def test_export_selected_writes_the_chosen_workouts_in_the_chosen_format(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    tmp_path: Path,
) -> None:
    signed_in = Account(account, "test", client)
    browser = browser_with_rows(qtbot, runner, settings, cache, signed_in)
    actions = DataActions(browser, runner, DataService(), browser)
    errors: list[str] = []
    actions.error.connect(errors.append)
    actions.export_action.trigger()
    assert errors == ["Select the workouts to export in the table first."]
    browser.table.selectRow(0)
    browser.table.selectionModel().select(
        browser.model.index(2, 0),
        browser.table.selectionModel().SelectionFlag.Select
        | browser.table.selectionModel().SelectionFlag.Rows,
    )
    actions.export_action.trigger()
    dialog = actions.export_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Export 2 Workouts"
    dialog.format.setCurrentIndex(dialog.format.findData("tcx"))
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(actions.message, timeout=30_000) as done:
        dialog.accept()
    assert done.args[0].startswith("Exported 2 workouts as TCX.")
    written = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert written == [".tcx", ".tcx"]
