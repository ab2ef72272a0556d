"""The main window shell: areas, menus and shortcuts, persisted layout, errors shown to the user."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QSplitter, QWidget
from pytestqt.qtbot import QtBot

from st_desktop import __version__
from st_desktop.app import Application, create_application
from st_desktop.errors import OfflineError
from st_desktop.tasks import TaskRunner

AppFactory = Callable[..., Application]


@pytest.fixture
def app_factory(qtbot: QtBot, isolated_basedir: Path) -> Iterator[AppFactory]:
    made: list[Application] = []

    def make(*argv: str) -> Application:
        application = create_application(["--basedir", str(isolated_basedir), *argv])
        qtbot.addWidget(application.window)
        made.append(application)
        return application

    yield make
    for application in made:
        application.shutdown(5.0)


def test_window_has_the_three_areas_and_menus(app_factory: AppFactory) -> None:
    window = app_factory().window
    window.show()
    for name in ("workoutBrowser", "detailEditor", "uploadPane"):
        assert window.findChild(QWidget, name) is not None, name
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Workouts", "Account", "View", "Help"]
    workout_actions = [a.objectName() for a in window.workouts_menu.actions()]
    assert "newWorkoutAction" in workout_actions
    assert "deleteWorkoutAction" in workout_actions
    assert window.open_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Open)
    assert window.quit_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Quit)
    assert window.refresh_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Refresh)
    assert not window.sign_out_action.isEnabled()


def test_signed_out_start_says_how_to_sign_in(app_factory: AppFactory, qtbot: QtBot) -> None:
    application = app_factory()
    window = application.window
    window.show()
    assert window.welcome_shown  # the first start: the welcome's Sign In is the way in
    window.show_welcome(False)  # once left (a file dropped), the banner says it too
    notice = application.browser.notice
    assert notice.isVisible()
    assert "not signed in" in notice.label.text()
    with qtbot.waitSignal(window.sign_in_requested, timeout=2000):
        notice.button.click()
    dialog = window.findChild(QWidget, "signInDialog")
    assert dialog is not None
    dialog.close()


def test_layout_and_geometry_persist(app_factory: AppFactory, qtbot: QtBot) -> None:
    first = app_factory().window
    first.show()
    # A size that fits the offscreen screen (800x600), so restoreGeometry keeps it.
    first.resize(first.minimumSizeHint().expandedTo(QSize(700, 500)))
    width = first.size().width()
    first.main_splitter.setSizes([width // 3, width - width // 3])
    sizes = first.main_splitter.sizes()
    first.close()

    second = app_factory().window
    second.show()
    assert second.size().width() == width
    assert second.findChild(QSplitter, "mainSplitter").sizes() == sizes
    second.toggle_upload_action.setChecked(False)
    second.close()

    third = app_factory().window
    third.show()
    assert not third.toggle_upload_action.isChecked()
    assert not third.upload.isVisible()


def test_files_on_the_command_line_go_to_the_upload_pane(
    app_factory: AppFactory, qtbot: QtBot, test_data: Path
) -> None:
    ride = test_data / "fit" / "fp_garmin-fenix-5-run.fit"
    application = app_factory(str(ride))
    model = application.upload.model
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    assert model.rows()[0].display_name == ride.name
    qtbot.waitUntil(lambda: model.rows()[0].activity is not None, timeout=10000)


@pytest.mark.expect_log("failed")
def test_task_error_without_handler_reaches_the_status_bar(
    app_factory: AppFactory, qtbot: QtBot
) -> None:
    application = app_factory()
    window = application.window
    window.show()

    def fetch() -> None:
        raise OfflineError()

    with qtbot.waitSignal(application.runner.unhandled_error, timeout=5000):
        application.runner.submit(fetch, description="Refreshing")
    assert window.message_area.text() == OfflineError.default_message
    assert window.findChild(QMessageBox, "errorDialog") is None  # expected errors: no popup


@pytest.mark.expect_log("failed")
def test_unexpected_task_error_also_opens_a_readable_dialog(
    app_factory: AppFactory, qtbot: QtBot
) -> None:
    application = app_factory()
    window = application.window
    window.show()

    def broken() -> None:
        raise KeyError("laps")

    with qtbot.waitSignal(application.runner.unhandled_error, timeout=5000):
        application.runner.submit(broken, description="Opening the workout")
    assert "Opening the workout failed unexpectedly" in window.message_area.text()
    dialog = window.findChild(QMessageBox, "errorDialog")
    assert dialog is not None
    assert "Traceback" not in dialog.text()
    dialog.close()


def test_about_shows_the_version_and_where_the_log_and_data_are(
    app_factory: AppFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    application = app_factory()
    box = application.window.show_about()
    texts = " ".join(label.text() for label in box.findChildren(QLabel))
    assert __version__ in texts
    assert str(application.paths.logs) in texts
    assert str(application.paths.data) in texts
    opened: list[str] = []
    monkeypatch.setattr(
        "st_desktop.ui.dialogs.about.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )  # the file manager is the one thing that cannot run here
    box.open_buttons["Log"].click()
    assert opened == [str(application.paths.logs)]
    box.close()


def test_sandbox_is_marked_clearly(app_factory: AppFactory) -> None:
    window = app_factory().window
    window.set_account("Demo athlete", sandbox=True)
    assert "SANDBOX" in window.windowTitle()
    # The app's name once: Qt adds it to titles that do not already end with it (X11).
    assert window.windowTitle().endswith("SportTracks Desktop")
    assert window.windowTitle().count("SportTracks Desktop") == 1
    assert "SANDBOX" in window.account_label.text()
    assert window.sign_out_action.isEnabled()
    window.set_account(None)
    assert window.account_label.text() == "Not signed in"
    assert not window.sign_out_action.isEnabled()


def test_quit_from_menu_is_clean(
    app_factory: AppFactory, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    application = app_factory()
    window = application.window
    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()
    assert application.shutdown(5.0) is True
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
    assert isinstance(application.runner, TaskRunner)
    assert QApplication.instance() is not None


def test_the_window_fits_a_small_screen_with_every_pane_shown(
    app_factory: AppFactory, qtbot: QtBot
) -> None:
    application = app_factory("--sandbox")
    window = application.window
    window.show()
    window.show_upload_pane()
    # A 1024 x 700 screen (a small laptop, or 2048 x 1400 at 200 %): the table, the editor and
    # the upload pane all fit beside each other, the title bar stays on the screen; with a
    # workout shown too (a long name, wide figures).
    browser = application.browser
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=20_000)
    # The demo ends today: the newest workout may be one without a distance (a gym session).
    model = browser.model
    qtbot.waitUntil(lambda: model.is_loaded(min(model.rowCount(), 10) - 1), timeout=20_000)
    with_distance = next(r for r in range(10) if model.workout(r).total_distance)
    browser.table.selectRow(with_distance)
    detail = application.detail
    qtbot.waitUntil(lambda: detail.figure_labels["distance"].text() != "–", timeout=20_000)
    detail.title.setText("A very long workout name that nobody would read whole " * 3)
    for _ in range(10):  # each layout level takes in its children's sizes in a turn
        QApplication.processEvents()
    central = window.centralWidget().minimumSizeHint()
    menus = window.menuBar().sizeHint().height() + window.statusBar().sizeHint().height()
    assert central.width() <= 1024
    assert central.height() + menus <= 700 - 40
    # The default 1280 x 800 is cut down to the screen (offscreen: 800 x 800), never below the
    # window's minimum.
    free = window.screen().availableGeometry()
    assert window.height() <= free.height() - 40
