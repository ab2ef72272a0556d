"""The first start shows a welcome with three ways in, each one click."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.application import Application
from st_desktop.ui.dialogs.sign_in import SignInDialog
from tests.doubles import MemoryKeyring
from tests.unit.services.upload_helpers import START, write_gpx


@pytest.fixture
def first_start(qtbot: QtBot, isolated_basedir: Path) -> Application:
    application = create_application(
        ["--basedir", str(isolated_basedir)], keyring_backend=MemoryKeyring()
    )
    qtbot.addWidget(application.window)
    application.window.show()
    yield application  # type: ignore[misc]
    application.shutdown(5.0)


def test_a_first_start_welcomes_and_says_what_st_desktop_does(first_start: Application) -> None:
    window = first_start.window
    assert window.welcome_shown
    assert window.welcome.isVisible()
    assert window.welcome.objectName() == "welcomeView"
    welcome = window.welcome
    for button in (welcome.sign_in_button, welcome.demo_button, welcome.open_button):
        assert button.isVisible()
        assert button.isEnabled()


def test_sign_in_from_the_welcome_opens_the_dialog(qtbot: QtBot, first_start: Application) -> None:
    window = first_start.window
    window.welcome.sign_in_button.click()
    qtbot.waitUntil(lambda: window.findChild(SignInDialog) is not None, timeout=5000)
    window.findChild(SignInDialog).reject()


def test_a_dropped_file_replaces_the_welcome_with_its_preview(
    qtbot: QtBot, first_start: Application, tmp_path: Path
) -> None:
    window = first_start.window
    first_start.upload.add_paths([write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: not window.welcome_shown, timeout=10_000)
    assert first_start.upload.isVisible()


def test_try_the_demo_starts_the_sandbox_and_signs_in(
    qtbot: QtBot, first_start: Application
) -> None:
    window = first_start.window
    window.welcome.demo_button.click()
    assert not window.welcome_shown
    qtbot.waitUntil(lambda: first_start.account.account is not None, timeout=30_000)
    assert first_start.account.account.sandbox
    assert "SANDBOX" in window.windowTitle()
    qtbot.waitUntil(lambda: first_start.browser.model.rowCount() > 0, timeout=30_000)
