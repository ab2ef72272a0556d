"""Undo of a delete from anywhere in the real main window, against the sandbox over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.sandbox import SandboxServer
from tests.doubles import MemoryKeyring

DEMO_SIZE = 6


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox", seed=4, demo_size=DEMO_SIZE) as running:
        yield running


@pytest.fixture
def application(
    qtbot: QtBot, isolated_basedir: Path, server: SandboxServer
) -> Iterator[Application]:
    """The whole app, signed in to the sandbox, its window shown and active."""
    app = create_application(
        ["--basedir", str(isolated_basedir), "--api-base", server.api_base],
        keyring_backend=MemoryKeyring(),
    )
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    activate(qtbot, app.window)
    with qtbot.waitSignal(app.account.account_changed, timeout=15_000):
        app.account.use_pasted_token(server.issue_token()["access_token"])
    yield app
    app.shutdown(5.0)


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one: shortcuts only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def click_when_asked(button_text: str) -> QTimer:
    """Answer the next confirmation box by clicking ``button_text``, as a user would."""
    timer = QTimer()
    timer.setInterval(20)

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            for button in box.buttons():
                if button.text() == button_text:
                    timer.stop()
                    button.click()

    timer.timeout.connect(answer)
    timer.start()
    return timer


def names_shown(application: Application) -> list[str]:
    model = application.browser.model
    return [model.workout(row).name for row in range(model.rowCount())]


def test_ctrl_z_with_focus_in_the_upload_list_restores_the_deleted_workout(
    qtbot: QtBot, application: Application, server: SandboxServer
) -> None:
    browser, window = application.browser, application.window
    qtbot.waitUntil(lambda: browser.model.rowCount() == DEMO_SIZE, timeout=10_000)
    victim = browser.model.workout(0)
    assert victim.name

    browser.table.setFocus()
    browser.table.selectRow(0)
    qtbot.waitUntil(browser.delete_action.isEnabled, timeout=2000)
    answering = click_when_asked("Delete")
    with qtbot.waitSignal(browser.undo_available, timeout=10_000) as deleted:
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Delete)
    answering.stop()
    assert deleted.args[0] == f"Deleted “{victim.name}”."
    qtbot.waitUntil(lambda: server.workout_count() == DEMO_SIZE - 1, timeout=5000)
    qtbot.waitUntil(lambda: browser.model.rowCount() == DEMO_SIZE - 1, timeout=5000)
    assert browser.notice.button.text() == "Undo"
    assert browser.undo_action.isEnabled()

    # The user has moved on to the upload list; Ctrl+Z still undoes the delete.
    upload_list = application.upload.list
    activate(qtbot, window)  # the offscreen platform leaves no window active after the box
    upload_list.setFocus()
    qtbot.waitUntil(upload_list.hasFocus, timeout=2000)
    with qtbot.waitSignal(browser.message, timeout=10_000) as restored:
        qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert restored.args[0].startswith(f"Restored “{victim.name}”; SportTracks gave it a new id")
    assert server.workout_count() == DEMO_SIZE
    qtbot.waitUntil(lambda: victim.name in names_shown(application), timeout=5000)
    assert len(names_shown(application)) == DEMO_SIZE
    assert not browser.undo_action.isEnabled()
    assert upload_list.hasFocus()  # the shortcut did not pull the focus away


def test_undo_button_in_the_status_message_restores_the_deleted_workout(
    qtbot: QtBot, application: Application, server: SandboxServer
) -> None:
    browser, window = application.browser, application.window
    qtbot.waitUntil(lambda: browser.model.rowCount() == DEMO_SIZE, timeout=10_000)
    victim = browser.model.workout(0)
    browser.table.selectRow(0)
    qtbot.waitUntil(browser.delete_action.isEnabled, timeout=2000)
    answering = click_when_asked("Delete")
    with qtbot.waitSignal(browser.undo_available, timeout=10_000):
        browser.delete_action.trigger()
    answering.stop()
    qtbot.waitUntil(lambda: server.workout_count() == DEMO_SIZE - 1, timeout=5000)

    status = window.message_area
    assert status.text() == f"Deleted “{victim.name}”."
    assert status.action_button.isVisible()
    assert status.action_button.text() == "Undo"
    with qtbot.waitSignal(browser.message, timeout=10_000):
        qtbot.mouseClick(status.action_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: server.workout_count() == DEMO_SIZE, timeout=5000)
    qtbot.waitUntil(lambda: victim.name in names_shown(application), timeout=5000)
    assert not status.action_button.isVisible()  # one undo per delete
