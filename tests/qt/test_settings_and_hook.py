"""Settings keep their types across restarts; the exception hook logs and shows a dialog."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from st_desktop.api.redact import MASK
from st_desktop.logsetup import redact_text, setup_logging, teardown_logging
from st_desktop.settings import Keys, Settings
from st_desktop.ui.dialogs.errors import ExceptionHook


def test_settings_round_trip_with_types(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    first = Settings(path)
    first.set(Keys.UNITS, "imperial")
    first.set(Keys.UPLOAD_PANE_VISIBLE, False)
    first.set(Keys.WINDOW_GEOMETRY, QByteArray(b"\x01\x02geom"))
    first.sync()
    second = Settings(path)
    assert second.get(Keys.UNITS) == "imperial"
    assert second.get(Keys.UPLOAD_PANE_VISIBLE) is False
    assert bytes(second.get(Keys.WINDOW_GEOMETRY).data()) == b"\x01\x02geom"
    assert second.get(Keys.API_BASE) == Keys.API_BASE.default  # untouched: default


def test_unreadable_value_falls_back_to_default(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    path.write_text("[window]\nupload_pane_visible=maybe\n")
    assert Settings(path).get(Keys.UPLOAD_PANE_VISIBLE) is False


@pytest.mark.expect_log("unhandled exception")
def test_exception_hook_logs_traceback_and_shows_readable_dialog(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    shown: list[QMessageBox] = []
    hook = ExceptionHook(lambda: None, "/tmp/st-desktop.log", show=shown.append)
    try:
        raise ZeroDivisionError("division by zero")
    except ZeroDivisionError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    box = shown[0]
    assert "unexpected problem" in box.text()
    assert "Traceback" not in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert "/tmp/st-desktop.log" in box.text()
    record = next(r for r in caplog.records if r.getMessage() == "unhandled exception")
    assert record.levelno == logging.CRITICAL
    assert record.exc_info is not None
    # A second error while the first dialog is open doesn't stack another dialog.
    try:
        raise ValueError("again")
    except ValueError as exc:
        hook(type(exc), exc, exc.__traceback__)
    assert len(shown) == 1
    box.done(0)


@pytest.mark.expect_log("unhandled exception")
def test_the_crash_dialog_details_never_show_a_token(qtbot: QtBot, tmp_path: Path) -> None:
    token = "live-" + secrets.token_urlsafe(16)
    setup_logging(tmp_path / "st-desktop.log").add_secret(token)
    try:
        shown: list[QMessageBox] = []
        hook = ExceptionHook(
            lambda: None, str(tmp_path / "st-desktop.log"), show=shown.append, redact=redact_text
        )
        try:
            raise RuntimeError(f"the server answered 401 for Bearer {token}")
        except RuntimeError as exc:
            hook(type(exc), exc, exc.__traceback__)
        [box] = shown
        details = box.detailedText()
        assert "RuntimeError" in details
        assert token not in details
        assert MASK in details
        box.done(0)
    finally:
        teardown_logging()
