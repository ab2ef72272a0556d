"""The packaged-build smoke test: it passes only when the app really came up cleanly."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from st_desktop.ui.smoke import EXIT_FAILED, SMOKE_ENV, import_all_modules, install_smoke_quit


class ExitRecorder(QObject):
    """Stands in for the QApplication: records the exit code instead of ending the test run."""

    def __init__(self) -> None:
        super().__init__()
        self.code: int | None = None

    def exit(self, code: int) -> None:
        self.code = code


@pytest.fixture
def shown_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    return window


def run_smoke(qtbot: QtBot, window: QWidget, before_quit: object = None) -> int:
    app = ExitRecorder()
    assert install_smoke_quit(app, window, "st-desktop.log")  # type: ignore[arg-type]
    if callable(before_quit):
        before_quit()
    qtbot.waitUntil(lambda: app.code is not None, timeout=20_000)
    assert app.code is not None
    return app.code


def test_not_armed_unless_asked(monkeypatch: pytest.MonkeyPatch, shown_window: QWidget) -> None:
    monkeypatch.delenv(SMOKE_ENV, raising=False)
    assert install_smoke_quit(ExitRecorder(), shown_window, "x.log") is False  # type: ignore[arg-type]


def test_every_module_of_the_package_imports() -> None:
    found, failures = import_all_modules()
    assert failures == []
    assert found >= 20


def test_passes_when_the_window_is_up_and_nothing_was_logged(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_window: QWidget
) -> None:
    monkeypatch.setenv(SMOKE_ENV, "0.05")
    assert run_smoke(qtbot, shown_window) == 0


@pytest.mark.expect_log("smoke test FAILED", "font directory missing")
def test_fails_when_a_warning_was_logged(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, shown_window: QWidget
) -> None:
    monkeypatch.setenv(SMOKE_ENV, "0.05")

    def warn() -> None:
        logging.getLogger("st_desktop.test").warning("font directory missing")

    assert run_smoke(qtbot, shown_window, warn) == EXIT_FAILED


@pytest.mark.expect_log("smoke test FAILED")
def test_fails_when_the_window_never_showed(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SMOKE_ENV, "0.05")
    hidden = QWidget()
    qtbot.addWidget(hidden)
    assert run_smoke(qtbot, hidden) == EXIT_FAILED
