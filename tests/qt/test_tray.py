"""The tray: state and menu (with or without a system tray), closing to the tray, Quit, notes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.app_handsfree import HandsFreeParts, install_hands_free
from st_desktop.sandbox import SandboxServer
from st_desktop.services.autostart import Autostart
from st_desktop.services.devices import MOUNT_ROOTS_ENV
from st_desktop.services.handsfree import KnownDevice, devices_to_json
from st_desktop.settings import Keys
from st_desktop.ui.icons import app_icon
from st_desktop.ui.tray import TrayState, icon_variant
from st_desktop.ui.upload.model import RowStatus
from tests.doubles import MemoryKeyring
from tests.unit.services.upload_helpers import START, make_gpx

WAIT_MS = 20_000


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox", seed=8, demo_size=3) as running:
        yield running


Factory = Callable[..., tuple[Application, HandsFreeParts, list[int]]]


@pytest.fixture
def make_app(
    qtbot: QtBot,
    isolated_basedir: Path,
    server: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Factory]:
    monkeypatch.setenv(MOUNT_ROOTS_ENV, str(tmp_path / "no media"))
    made: list[Application] = []

    def make(
        *,
        watch: list[Path] | None = None,
        tray: bool = True,
        sign_in: bool = False,
        clock: Clock | None = None,
    ) -> tuple[Application, HandsFreeParts, list[int]]:
        application = create_application(
            ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
            keyring_backend=MemoryKeyring(),
        )
        made.append(application)
        qtbot.addWidget(application.window)
        if sign_in:
            with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
                application.account.use_pasted_token(server.issue_token()["access_token"])
        quits: list[int] = []
        parts = install_hands_free(
            application,
            watch=watch or [],
            tray_available=tray,
            quit_app=lambda: quits.append(1),
            clock=clock or Clock(),
            autostart=Autostart("linux", home=tmp_path / "home", environ={}, command=["x"]),
            tick_ms=0,
            device_poll_ms=0,
        )
        return application, parts, quits

    yield make
    for application in made:
        application.shutdown(5.0)
    assert QApplication.quitOnLastWindowClosed()  # given back at shutdown


def test_the_menu_and_tooltip_follow_the_state_without_a_system_tray(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, parts, _ = make_app(watch=[tmp_path], tray=False, sign_in=True)
    tray = parts.tray
    names = [a.objectName() for a in tray.menu.actions() if not a.isSeparator()]
    assert names == ["trayOpenAction", "trayPauseAction", "trayQuitAction"]
    qtbot.waitUntil(lambda: tray.state == TrayState.IDLE, timeout=WAIT_MS)
    assert "Watching 1 folder" in tray.tooltip()
    tray.pause_action.trigger()
    qtbot.waitUntil(lambda: tray.state == TrayState.PAUSED, timeout=WAIT_MS)
    assert "paused" in tray.tooltip()
    assert parts.handsfree.paused
    tray.pause_action.trigger()
    qtbot.waitUntil(lambda: tray.state == TrayState.IDLE, timeout=WAIT_MS)
    application.window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: tray.state == TrayState.OFFLINE, timeout=WAIT_MS)
    assert "Offline" in tray.tooltip()


def test_uploading_shows_in_the_tray_and_a_batch_ends_with_one_notification(
    qtbot: QtBot, make_app: Factory, tmp_path: Path, server: SandboxServer
) -> None:
    watched = tmp_path / "watched"
    watched.mkdir()
    clock = Clock()
    application, parts, _ = make_app(watch=[watched], tray=False, sign_in=True, clock=clock)
    handsfree, tray = parts.handsfree, parts.tray
    qtbot.waitUntil(lambda: bool(handsfree.watcher.folders), timeout=WAIT_MS)
    (watched / "a.gpx").write_bytes(make_gpx(START))
    (watched / "b.gpx").write_bytes(make_gpx(START.replace(hour=18), points=90))
    handsfree.watcher.rescan_now()
    handsfree.poll_folders()
    qtbot.waitUntil(lambda: not handsfree.polling, timeout=WAIT_MS)
    clock.now += 10
    server.faults.delay = 0.3  # a slow server: the uploads take long enough to be seen
    notes: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: notes.append((title, text)))
    handsfree.poll_folders()
    qtbot.waitUntil(lambda: tray.state == TrayState.UPLOADING, timeout=WAIT_MS)
    assert tray.tooltip().startswith("SportTracks Desktop: Uploading ")
    server.faults.delay = 0
    qtbot.waitUntil(lambda: bool(notes), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: tray.state == TrayState.IDLE, timeout=WAIT_MS)
    assert len(notes) == 1  # one notification for the batch, not one per file
    title, text = notes[0]
    assert title == "Uploaded to SportTracks"
    assert text.startswith("2 rides uploaded: Test ride ")
    assert " km" in text
    statuses = {r.status for r in application.upload.model.rows()}
    assert statuses == {RowStatus.UPLOADED}


def test_closing_the_window_keeps_watching_in_the_tray(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, parts, quits = make_app(watch=[tmp_path], tray=True)
    window, tray = application.window, parts.tray
    window.show()
    qtbot.waitExposed(window)
    notes: list[tuple[str, str]] = []
    tray.notified.connect(lambda title, text: notes.append((title, text)))
    window.close()
    assert not window.isVisible()
    assert not QApplication.quitOnLastWindowClosed()  # a dialog closing must not quit now
    assert quits == []
    assert len(notes) == 1
    assert "keeps watching" in notes[0][0]
    assert "Quit" in notes[0][1]
    assert application.settings.get(Keys.TRAY_EXPLAINED)
    tray.open_action.trigger()
    assert window.isVisible()
    window.close()
    assert not window.isVisible()
    assert len(notes) == 1  # explained once only
    tray.quit_action.trigger()  # Quit from the tray quits for real
    assert quits == [1]
    assert not window.isVisible()


def test_file_quit_quits_for_real_while_watching(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, _parts, quits = make_app(watch=[tmp_path], tray=True)
    window = application.window
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert quits == [1]
    assert not window.isVisible()


def test_closing_quits_when_nothing_is_watched_or_the_setting_is_off(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, parts, _ = make_app(tray=True)
    window = application.window
    window.show()
    qtbot.waitExposed(window)
    assert parts.handsfree.devices.enabled  # looking for devices to ask about ...
    assert not parts.handsfree.active()  # ... is not automatic import set up
    window.close()
    assert QApplication.quitOnLastWindowClosed()  # a real close: the app ends as before
    assert not application.settings.get(Keys.TRAY_EXPLAINED)
    known = [KnownDevice("garmin:1", "Forerunner 255", "Garmin", "auto")]
    application.settings.set(Keys.KNOWN_DEVICES, devices_to_json(known))
    application.settings.set(Keys.CLOSE_TO_TRAY, False)
    parts.handsfree.reload()
    window.show()
    assert parts.handsfree.active()
    window.close()
    assert QApplication.quitOnLastWindowClosed()
    assert not application.settings.get(Keys.TRAY_EXPLAINED)


def test_without_a_system_tray_closing_never_hides(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, parts, _ = make_app(watch=[tmp_path], tray=False)
    assert parts.handsfree.active()
    application.window.show()
    application.window.close()
    assert QApplication.quitOnLastWindowClosed()  # nothing to come back from: it closes
    assert not application.settings.get(Keys.TRAY_EXPLAINED)  # it was never hidden


@pytest.mark.parametrize("state", [TrayState.PAUSED, TrayState.OFFLINE, TrayState.UPLOADING])
def test_each_state_has_its_own_icon(qtbot: QtBot, state: TrayState) -> None:
    icon = app_icon()
    variant = icon_variant(icon, state)
    assert not variant.isNull()
    assert variant.pixmap(32, 32).toImage() != icon.pixmap(32, 32).toImage()
    assert icon_variant(icon, TrayState.IDLE) is icon


def test_started_with_background_the_window_goes_to_the_tray(
    qtbot: QtBot,
    isolated_basedir: Path,
    server: SandboxServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(MOUNT_ROOTS_ENV, str(tmp_path / "no media"))
    application = create_application(["--basedir", str(isolated_basedir)])
    qtbot.addWidget(application.window)
    try:
        application.args.background = True  # as parsed once add_arguments() is wired in
        install_hands_free(
            application,
            watch=[tmp_path],
            tray_available=True,
            quit_app=lambda: None,
            autostart=Autostart("linux", home=tmp_path / "home", environ={}, command=["x"]),
            tick_ms=0,
            device_poll_ms=0,
        )
        application.window.show()  # what main() does next
        qtbot.waitUntil(lambda: not application.window.isVisible(), timeout=WAIT_MS)
        assert not QApplication.quitOnLastWindowClosed()
    finally:
        application.shutdown(5.0)


def test_installing_again_replaces_the_first_installation(
    qtbot: QtBot, make_app: Factory, tmp_path: Path
) -> None:
    application, first, first_quits = make_app(watch=[tmp_path])
    second_quits: list[int] = []
    second = install_hands_free(
        application,
        watch=[],
        tray_available=True,
        quit_app=lambda: second_quits.append(1),
        autostart=Autostart("linux", home=tmp_path / "home", environ={}, command=["x"]),
        tick_ms=0,
        device_poll_ms=0,
    )
    window = application.window
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus.count("Edit") == 1
    assert first.closed
    assert second.handsfree.folders() == []
    window.show()
    window.quit_action.trigger()
    assert (first_quits, second_quits) == ([], [1])
