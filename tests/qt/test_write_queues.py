"""Writes of different things never wait for each other: a Save beside a long upload run."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.progress import TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services import sync
from st_desktop.services.account import Account
from st_desktop.services.uploads import UploadService
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.store.uploads import UploadStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.detail.editor import DetailEditor
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.model import RowStatus
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.services.upload_helpers import START, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)

FILES = 20


def test_a_save_during_an_upload_run_of_20_files_does_not_wait_for_it(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    server: SandboxServer,
    client: SportTracksClient,
    account: str,
    tmp_path: Path,
) -> None:
    signed_in = Account(account, "test", client)
    store = UploadStore(tmp_path / "queue")
    pane = UploadPane(UploadController(UploadService(store, cache), runner))
    qtbot.addWidget(pane)
    pane.controller.set_account(signed_in)
    files = [
        write_gpx(tmp_path, f"ride{i:02d}.gpx", START + timedelta(days=i, minutes=7 * i, seconds=i))
        for i in range(FILES)
    ]
    drop(pane, files)
    qtbot.waitUntil(lambda: settled(pane, FILES), timeout=WAIT_MS)

    editor = DetailEditor(runner, settings, WorkoutService(cache), confirm=lambda *a: True)
    qtbot.addWidget(editor)
    editor.set_account(signed_in)
    sync.refresh_recent(TaskContext(), client, cache, account)
    summary = client.list_workouts(0, 1).items[0]
    with qtbot.waitSignal(editor.workout_loaded, timeout=10_000):
        editor.show_workout(summary)

    server.faults.delay = 0.15  # every request takes a while: the run needs several seconds
    pane.upload_selected_or_all()
    qtbot.waitUntil(
        lambda: any(r.status == RowStatus.UPLOADED for r in pane.model.rows()), timeout=WAIT_MS
    )
    editor.name.setText("Saved while uploading")
    with qtbot.waitSignal(editor.workout_saved, timeout=10_000):
        editor.save_button.click()
    uploaded = sum(r.status == RowStatus.UPLOADED for r in pane.model.rows())
    # The save took about three requests (GET, PUT, GET), not the rest of the run.
    assert uploaded < FILES // 2, f"the save waited for {uploaded} uploads"
    assert client.get_workout(summary.uri or "").name == "Saved while uploading"
    server.faults.delay = 0.0
    qtbot.waitUntil(lambda: settled(pane, FILES), timeout=60_000)
    assert all(r.status == RowStatus.UPLOADED for r in pane.model.rows())
    store.close()
