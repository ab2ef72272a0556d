"""From an uploaded file in the upload list to its workout in the table, in the whole app."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.domain.workout import workout_id
from st_desktop.sandbox import SandboxServer
from st_desktop.ui.upload.model import RowStatus
from tests.doubles import MemoryKeyring
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, drop, settled
from tests.unit.services.upload_helpers import START, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
WAIT_MS = 20_000


@pytest.fixture
def application(qtbot: QtBot, isolated_basedir: Path, tmp_path: Path) -> Iterator[Application]:
    with SandboxServer(tmp_path / "sandbox", seed=3, demo_size=6) as server:
        app = create_application(
            ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
            keyring_backend=MemoryKeyring(),
        )
        qtbot.addWidget(app.window)
        with qtbot.waitSignal(app.account.account_changed, timeout=WAIT_MS):
            app.account.use_pasted_token(server.issue_token()["access_token"])
        yield app
        app.shutdown(5.0)


def test_show_in_table_selects_the_uploaded_workout_even_behind_a_search(
    qtbot: QtBot, application: Application, tmp_path: Path
) -> None:
    browser, pane, window = application.browser, application.upload, application.window
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=WAIT_MS)
    drop(pane, [write_gpx(tmp_path, "evening.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    [row] = pane.model.rows()
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS):
        pane.upload_selected_or_all()
    qtbot.waitUntil(lambda: row.status == RowStatus.UPLOADED, timeout=WAIT_MS)
    # The user searched for something else and looks at another view.
    browser.filter_bar.search.setText("no workout is called this")
    qtbot.waitUntil(lambda: browser.model.rowCount() == 0, timeout=WAIT_MS)
    window.show_view("calendar")
    qtbot.waitUntil(lambda: window.views.current == "calendar", timeout=WAIT_MS)

    assert pane.show_in_table(row)
    assert window.views.current == "workouts"
    wanted = workout_id(row.uris[0])
    qtbot.waitUntil(
        lambda: [w.id for w in browser.selected_workouts()] == [wanted], timeout=WAIT_MS
    )
    assert browser.filter_bar.search.text() == ""  # the search that hid it was cleared
