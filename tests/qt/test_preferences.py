"""Preferences: menu entry, pages, OK/Apply/Cancel, units in sync, folders, devices, keyboard."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from st_desktop import APP_ID
from st_desktop.app import Application, create_application
from st_desktop.app_handsfree import HandsFreeParts, install_hands_free
from st_desktop.sandbox import SandboxServer
from st_desktop.services.autostart import Autostart
from st_desktop.services.devices import MOUNT_ROOTS_ENV
from st_desktop.services.handsfree import (
    KnownDevice,
    devices_from_json,
    devices_to_json,
    folders_from_json,
    folders_to_json,
)
from st_desktop.services.watch import WatchedFolder
from st_desktop.settings import Keys
from st_desktop.ui.dialogs.preferences import PreferencesDialog
from st_desktop.ui.upload.model import RowStatus
from tests.doubles import MemoryKeyring
from tests.unit.services.upload_helpers import START, make_gpx

WAIT_MS = 20_000


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox", seed=9, demo_size=3) as running:
        yield running


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def built(
    qtbot: QtBot,
    isolated_basedir: Path,
    server: SandboxServer,
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[tuple[Application, HandsFreeParts]]:
    monkeypatch.setenv(MOUNT_ROOTS_ENV, str(tmp_path / "media"))
    application = create_application(
        ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
        keyring_backend=MemoryKeyring(),
    )
    qtbot.addWidget(application.window)
    parts = install_hands_free(
        application,
        tray_available=False,
        quit_app=lambda: None,
        autostart=Autostart("linux", home=home, environ={}, command=["st-desktop"]),
        tick_ms=0,
        device_poll_ms=0,
    )
    yield application, parts
    application.shutdown(5.0)


def open_dialog(qtbot: QtBot, built: tuple[Application, HandsFreeParts]) -> PreferencesDialog:
    """Edit > Preferences…, as the user chooses it."""
    application, parts = built
    application.window.findChild(QAction, "preferencesAction").trigger()
    dialog = parts.preferences
    assert dialog is not None
    assert dialog.objectName() == "preferencesDialog"
    assert dialog.parent() is application.window
    qtbot.waitUntil(dialog.isVisible, timeout=WAIT_MS)
    return dialog


def test_edit_preferences_opens_the_dialog_with_its_pages(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts]
) -> None:
    application, parts = built
    window = application.window
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    if sys.platform != "darwin":
        assert menus[:3] == ["File", "Edit", "Workouts"]
    action = parts.preferences_action
    assert action.shortcut() == QKeySequence("Ctrl+,")
    assert action.menuRole() == QAction.MenuRole.PreferencesRole
    dialog = open_dialog(qtbot, built)
    pages = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert pages == [
        "General",
        "Automatic Import",
        "Devices",
        "Appearance",
        "Map",
        "Privacy Zones",
        "Language",
    ]
    index = dialog.add_page("Map tiles", QLabel("tile server"))
    assert dialog.tabs.tabText(index) == "Map tiles"
    action.trigger()  # a second time: the same dialog, not another one
    assert len(window.findChildren(PreferencesDialog)) == 1
    dialog.reject()


def test_units_chosen_in_preferences_follow_view_units_and_back(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts]
) -> None:
    application, _parts = built
    window = application.window
    dialog = open_dialog(qtbot, built)
    assert dialog.metric_button.isChecked()
    dialog.imperial_button.setChecked(True)
    with qtbot.waitSignal(window.units_changed, timeout=WAIT_MS) as changed:
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert changed.args == ["imperial"]
    assert application.settings.get(Keys.UNITS) == "imperial"
    assert window.unit_actions["imperial"].isChecked()  # View > Units agrees
    assert application.upload.model.units == "imperial"  # and the panes were told
    window.unit_actions["metric"].trigger()  # View > Units, then Preferences again
    dialog = open_dialog(qtbot, built)
    assert dialog.metric_button.isChecked()
    dialog.reject()


def test_cancel_discards_and_apply_writes_without_closing(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts], tmp_path: Path
) -> None:
    application, parts = built
    settings = application.settings
    folder = tmp_path / "Rides"
    folder.mkdir()
    dialog = open_dialog(qtbot, built)
    dialog.add_folder(folder)
    dialog.notify.setChecked(False)
    dialog.paused.setChecked(True)
    dialog.reject()
    assert settings.get(Keys.WATCHED_FOLDERS) == "[]"
    assert settings.get(Keys.NOTIFY_UPLOADS)
    assert not settings.get(Keys.AUTO_IMPORT_PAUSED)

    dialog = open_dialog(qtbot, built)
    assert dialog.folders == []  # what was cancelled is gone
    dialog.add_folder(folder)
    dialog.folder_mode.setCurrentIndex(1)  # only add to the list
    dialog.paused.setChecked(True)
    dialog.apply_button.click()
    assert dialog.isVisible()
    assert folders_from_json(settings.get(Keys.WATCHED_FOLDERS)) == [WatchedFolder(folder, False)]
    qtbot.waitUntil(
        lambda: [f.path for f in parts.handsfree.watcher.folders] == [folder], timeout=WAIT_MS
    )
    assert parts.handsfree.paused
    qtbot.waitUntil(parts.tray.pause_action.isChecked, timeout=WAIT_MS)  # the tray agrees
    dialog.remove_folder()
    dialog.paused.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: parts.handsfree.watcher.folders == [], timeout=WAIT_MS)
    assert not parts.handsfree.paused


def test_known_devices_can_be_changed_and_forgotten(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts]
) -> None:
    application, _parts = built
    settings = application.settings
    settings.set(
        Keys.KNOWN_DEVICES,
        devices_to_json(
            [
                KnownDevice("garmin:1", "Forerunner 255", "Garmin", "auto"),
                KnownDevice("volume:BOLT", "ELEMNT BOLT", "Wahoo", "list"),
            ]
        ),
    )
    dialog = open_dialog(qtbot, built)
    dialog.tabs.setCurrentIndex(2)
    assert dialog.device_list.count() == 2
    assert "Forerunner 255" in dialog.device_list.item(0).text()
    assert not dialog.history_button.isEnabled()  # not plugged in
    dialog.device_list.setCurrentRow(0)
    dialog.device_answer.setCurrentIndex(dialog.device_answer.findData("never"))
    dialog.device_list.setCurrentRow(1)
    dialog.forget_device()
    dialog.accept()
    assert devices_from_json(settings.get(Keys.KNOWN_DEVICES)) == [
        KnownDevice("garmin:1", "Forerunner 255", "Garmin", "never")
    ]


def test_start_at_login_is_written_and_removed(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts], home: Path
) -> None:
    entry = home / ".config" / "autostart" / f"{APP_ID}.desktop"
    dialog = open_dialog(qtbot, built)
    assert not dialog.start_at_login.isChecked()  # off by default
    dialog.start_at_login.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(entry.is_file, timeout=WAIT_MS)
    assert "Exec=st-desktop" in entry.read_text()
    dialog = open_dialog(qtbot, built)
    assert dialog.start_at_login.isChecked()
    dialog.start_at_login.setChecked(False)
    dialog.accept()
    qtbot.waitUntil(lambda: not entry.exists(), timeout=WAIT_MS)


def test_import_existing_files_of_a_watched_folder(
    qtbot: QtBot,
    isolated_basedir: Path,
    server: SandboxServer,
    tmp_path: Path,
    home: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(MOUNT_ROOTS_ENV, str(tmp_path / "media"))
    folder = tmp_path / "Zwift"
    folder.mkdir()
    (folder / "old ride.gpx").write_bytes(make_gpx(START))
    application = create_application(
        ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
        keyring_backend=MemoryKeyring(),
    )
    qtbot.addWidget(application.window)
    try:
        application.settings.set(Keys.WATCHED_FOLDERS, folders_to_json([WatchedFolder(folder)]))
        with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
            application.account.use_pasted_token(server.issue_token()["access_token"])
        parts = install_hands_free(
            application,
            tray_available=False,
            quit_app=lambda: None,
            autostart=Autostart("linux", home=home, environ={}, command=["x"]),
            tick_ms=0,
            device_poll_ms=0,
        )
        qtbot.waitUntil(lambda: bool(parts.handsfree.watcher.folders), timeout=WAIT_MS)
        assert application.upload.model.rowCount() == 0  # there before: left alone
        dialog = open_dialog(qtbot, (application, parts))
        dialog.tabs.setCurrentIndex(1)
        dialog.folder_list.setCurrentRow(0)
        assert dialog.existing_button.isEnabled()
        dialog.existing_button.click()
        qtbot.waitUntil(
            lambda: [r.status for r in application.upload.model.rows()] == [RowStatus.UPLOADED],
            timeout=WAIT_MS,
        )
        dialog.reject()
    finally:
        application.shutdown(5.0)


def tab_through(qtbot: QtBot) -> list[QWidget]:
    """Press Tab until focus comes back; the widgets that got focus, in order."""
    seen: list[QWidget] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget in seen:
            break
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    return seen


def test_every_control_is_reachable_with_tab(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts], tmp_path: Path
) -> None:
    application, _parts = built
    application.settings.set(
        Keys.KNOWN_DEVICES, devices_to_json([KnownDevice("garmin:1", "FR 255", "Garmin")])
    )
    dialog = open_dialog(qtbot, built)
    dialog.add_folder(tmp_path)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    pages = {
        0: ["prefsMetric", "prefsCloseToTray", "prefsNotify", "prefsStartAtLogin"],
        1: [
            "prefsAutoImport",
            "prefsPaused",
            "prefsFolders",
            "prefsFolderMode",
            "prefsAddFolder",
            "prefsRemoveFolder",
            "prefsImportExisting",
            "prefsWatchDevices",
        ],
        2: ["prefsDevices", "prefsDeviceAnswer", "prefsForgetDevice", "prefsDeviceHistory"],
    }
    for page, names in pages.items():
        dialog.tabs.setCurrentIndex(page)
        dialog.tabs.tabBar().setFocus()
        reached = tab_through(qtbot)
        controls = [dialog.findChild(QWidget, n) for n in names]
        usable = [c for c in controls if c.isEnabled()]  # greyed out: skipped, as it should
        missing = [c.objectName() for c in usable if c not in reached]
        assert not missing, f"page {page}: Tab never reaches {missing}"
        buttons = [b for b in dialog.buttons.buttons() if b.isEnabled()]
        assert all(b in reached for b in buttons)  # OK, Cancel, Apply
        assert dialog.tabs.tabBar() in reached  # and back to the page tabs
    dialog.reject()


def test_privacy_zones_are_kept_on_ok_and_read_back(
    qtbot: QtBot, built: tuple[Application, HandsFreeParts]
) -> None:
    from st_desktop.parsers.privacy import PrivacyZone
    from st_desktop.ui.dialogs.privacy_zones import PrivacyZonesPage, load_zones

    application, _parts = built
    dialog = open_dialog(qtbot, built)
    page = dialog.findChild(PrivacyZonesPage, "privacyZonesPage")
    assert page is not None
    page.add_zone(PrivacyZone("Home", 47.05, 8.3, 400))
    page.add_zone(PrivacyZone("Work", 47.06, 8.31, 250))
    page.table.selectRow(1)
    page.remove_selected()
    dialog.accept()
    assert load_zones(application.settings) == [PrivacyZone("Home", 47.05, 8.3, 400)]
