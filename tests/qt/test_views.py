"""The view switcher: Ctrl+1 ... Ctrl+5, the View menu, a remembered view, drops on every view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSplitter, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.app_overview import install_overview
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, drop

AppFactory = Callable[..., Application]
VIEWS = {
    Qt.Key.Key_1: ("workouts", "workoutBrowser"),
    Qt.Key.Key_2: ("calendar", "calendarPane"),
    Qt.Key.Key_3: ("totals", "totalsPane"),
    Qt.Key.Key_4: ("gear", "gearPane"),
    Qt.Key.Key_5: ("body", "bodyPane"),
}


@pytest.fixture
def app_factory(qtbot: QtBot, isolated_basedir: Path) -> Iterator[AppFactory]:
    made: list[Application] = []

    def make(*argv: str) -> Application:
        application = create_application(["--basedir", str(isolated_basedir), *argv])
        install_overview(application)
        qtbot.addWidget(application.window)
        application.window.show()
        qtbot.waitExposed(application.window)
        application.window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is application.window, timeout=5000)
        made.append(application)
        return application

    yield make
    for application in made:
        application.shutdown(5.0)


def shown(window: QWidget, name: str) -> bool:
    widget = window.findChild(QWidget, name)
    return widget is not None and widget.isVisible()


def test_ctrl_and_a_digit_switch_views_and_the_view_menu_lists_them(
    qtbot: QtBot, app_factory: AppFactory
) -> None:
    window = app_factory().window
    window.show_welcome(False)  # an account's areas, not the first start's welcome
    for key, (view, name) in [*list(VIEWS.items())[1:], next(iter(VIEWS.items()))]:
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.views.current == view
        assert shown(window, name), name
        others = [n for _v, n in VIEWS.values() if n != name]
        assert not any(shown(window, other) for other in others)
    titles = [a.text().replace("&", "") for a in window.view_menu.actions()][:5]
    assert titles == ["Workouts", "Calendar", "Totals", "Gear", "Body"]
    shortcuts = [a.shortcut().toString() for a in window.views.actions_in_order()]
    assert shortcuts == ["Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+4", "Ctrl+5"]
    # The sidebar: a button per view, reachable by Tab, named for assistive tech.
    button = window.findChild(QToolButton, "gearViewButton")
    assert button is not None
    assert button.accessibleName() == "Gear view"
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.views.current == "gear"


def test_the_workouts_view_keeps_its_areas_and_splitters(app_factory: AppFactory) -> None:
    application = app_factory()
    install_overview(application)  # a second call adds nothing
    window = application.window
    assert len(window.views.actions_in_order()) == 5
    for name in ("workoutBrowser", "detailEditor", "uploadPane", "gearPicker"):
        assert window.findChild(QWidget, name) is not None, name
    assert isinstance(window.main_splitter, QSplitter)
    assert window.browser_splitter.parent() is window.main_splitter
    assert window.views.widget_of("workouts") is window.workouts_page
    assert window.main_splitter.parent() is window.workouts_page
    menus = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert menus == ["File", "Edit", "Workouts", "Account", "View", "Help"]
    assert "assignGearAction" in [a.objectName() for a in window.workouts_menu.actions()]


def test_the_chosen_view_is_there_again_at_the_next_start(
    qtbot: QtBot, app_factory: AppFactory
) -> None:
    first = app_factory()
    qtbot.keyClick(first.window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    first.window.close()
    first.shutdown(5.0)
    second = app_factory()
    assert second.window.views.current == "totals"
    assert shown(second.window, "totalsPane")


@pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
def test_files_dropped_on_another_view_bring_the_upload_pane_forward(
    qtbot: QtBot, app_factory: AppFactory, test_data: Path
) -> None:
    application = app_factory()
    window = application.window
    window.toggle_upload_action.setChecked(False)  # the pane was hidden
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    gpx = sorted(test_data.rglob("*.gpx"))[0]
    drop(window.findChild(QWidget, "gearView"), [gpx])
    assert window.views.current == "workouts"
    assert window.upload.isVisible()
    qtbot.waitUntil(lambda: application.upload.model.rowCount() == 1, timeout=10_000)


def test_files_on_the_command_line_show_the_upload_pane(
    app_factory: AppFactory, qtbot: QtBot, test_data: Path
) -> None:
    first = app_factory()
    qtbot.keyClick(first.window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    first.window.close()
    first.shutdown(5.0)
    gpx = sorted(test_data.rglob("*.gpx"))[0]
    second = app_factory(str(gpx))
    assert second.window.views.current == "workouts"
