"""Every view, pane and dialog of the whole app names its controls, as it is used.

The app signed in to a sandbox over loopback (its demo workouts, gear and body metrics), each
view shown in turn, a workout open in the detail editor, a file in the upload pane with its
preview, Preferences on every page and the overview's dialogs: :func:`assert_named` walks each.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.app_handsfree import HandsFreeParts, install_hands_free
from st_desktop.application import Application
from st_desktop.domain.gear import Gear
from st_desktop.sandbox import SandboxServer
from st_desktop.services.autostart import Autostart
from st_desktop.ui.detail.gear_picker import GearAssignDialog
from st_desktop.ui.overview.gear_dialog import GearDialog
from st_desktop.ui.overview.hub import OverviewHub
from st_desktop.ui.overview.metric_dialog import MetricDialog
from st_desktop.ui.upload.model import UPLOADABLE
from tests.doubles import MemoryKeyring
from tests.qt.sandbox_account import DEMO_SIZE
from tests.qt.test_accessibility import assert_named

WAIT_MS = 20_000
VIEWS = ("workouts", "calendar", "totals", "gear", "body")


@pytest.fixture
def signed_in(
    qtbot: QtBot, isolated_basedir: Path, server: SandboxServer, tmp_path: Path
) -> Iterator[tuple[Application, HandsFreeParts]]:
    """The whole app (overview, maps, Preferences with every page), signed in, all loaded."""
    application = create_application(
        ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
        keyring_backend=MemoryKeyring(),
    )
    qtbot.addWidget(application.window)
    parts = install_hands_free(
        application,
        tray_available=False,
        quit_app=lambda: None,
        autostart=Autostart("linux", home=tmp_path / "home", environ={}, command=["st-desktop"]),
        tick_ms=0,
        device_poll_ms=0,
    )
    window = application.window
    window.resize(1280, 860)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
        application.account.use_pasted_token(server.issue_token()["access_token"])
    account = application.account.account
    assert account is not None
    cache = application.workouts.cache
    qtbot.waitUntil(lambda: cache.count(account.key) == DEMO_SIZE, timeout=WAIT_MS)
    hub = window.findChild(OverviewHub, "overviewHub")
    assert hub is not None
    qtbot.waitUntil(
        lambda: hub.gear.fetched_at is not None and hub.metrics.fetched_at is not None,
        timeout=WAIT_MS,
    )
    window.show_welcome(False)
    yield application, parts
    application.shutdown(5.0)


def test_every_view_names_its_controls(
    qtbot: QtBot, signed_in: tuple[Application, HandsFreeParts]
) -> None:
    application, _parts = signed_in
    window = application.window
    hub = window.findChild(OverviewHub, "overviewHub")
    assert hub is not None
    for key in VIEWS:
        window.show_view(key)
        shown = window.views.widget_of(key)
        assert shown is not None
        qtbot.waitUntil(shown.isVisible, timeout=WAIT_MS)
        if key in ("calendar", "totals"):
            qtbot.waitUntil(lambda: len(hub.digest.entries) == DEMO_SIZE, timeout=WAIT_MS)
        assert_named(window)
    # The sidebar's buttons say which view they show.
    names = [
        window.findChild(QWidget, f"{key}ViewButton").accessibleName()  # type: ignore[union-attr]
        for key in VIEWS
    ]
    assert names == [
        "Workouts view",
        "Calendar view",
        "Totals view",
        "Gear view",
        "Body view",
    ]


def test_the_detail_editor_with_a_workout_names_its_controls(
    qtbot: QtBot, signed_in: tuple[Application, HandsFreeParts]
) -> None:
    application, _parts = signed_in
    window, browser, detail = application.window, application.browser, application.detail
    window.show_view("workouts")
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=WAIT_MS)
    with qtbot.waitSignal(detail.workout_loaded, timeout=WAIT_MS):
        browser.table.selectRow(0)
    qtbot.waitUntil(detail.name.isEnabled, timeout=WAIT_MS)
    assert_named(window)
    detail.tabs.setCurrentIndex(1)  # laps and pauses
    assert_named(window)
    assert detail.name.accessibleName() == "Workout name"
    assert detail.type_picker.category.accessibleName() == "Activity category"


def test_the_upload_pane_with_a_file_shown_names_its_controls(
    qtbot: QtBot, signed_in: tuple[Application, HandsFreeParts], test_data: Path
) -> None:
    application, _parts = signed_in
    window, pane = application.window, application.upload
    window.show_upload_pane()
    files = [test_data / "fit" / "fp_garmin-fenix-5-run.fit"]
    pane.add_paths(files)
    model = pane.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.row_at(0).status in UPLOADABLE, timeout=WAIT_MS
    )
    qtbot.waitUntil(lambda: not model.row_at(0).checking, timeout=WAIT_MS)
    pane.list.selectionModel().select(
        model.index(0, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    qtbot.waitUntil(lambda: pane.preview.current_row_id() == model.row_at(0).row_id)
    assert_named(window)
    assert pane.list.accessibleName() == "Files to upload"


def test_every_preferences_page_names_its_controls(
    qtbot: QtBot, signed_in: tuple[Application, HandsFreeParts]
) -> None:
    application, parts = signed_in
    action = application.window.findChild(QAction, "preferencesAction")
    assert action is not None
    action.trigger()
    dialog = parts.preferences
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    titles = []
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        titles.append(dialog.tabs.tabText(index))
        page = dialog.tabs.widget(index)
        qtbot.waitUntil(page.isVisible)
        assert_named(dialog)
    assert len(titles) >= 7, titles  # General ... Language: each page was walked
    dialog.reject()


def test_the_overview_dialogs_name_their_controls(
    qtbot: QtBot, signed_in: tuple[Application, HandsFreeParts]
) -> None:
    application, _parts = signed_in
    window = application.window
    hub = window.findChild(OverviewHub, "overviewHub")
    assert hub is not None
    item = hub.gear.items[0] if hub.gear.items else Gear("/gear/1", "1", "Road bike")
    workouts = [str(i) for g in hub.gear.items for i in g.activities][:2] or ["1", "2"]
    dialogs: list[QDialog] = [
        GearDialog(None, window),
        GearDialog(item, window),
        MetricDialog("metric", None, datetime.now(UTC), window),
        GearAssignDialog(hub.gear, workouts, window),
    ]
    for dialog in dialogs:
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_named(dialog)
        dialog.reject()
