"""The sidebar of views follows a change between light and dark (its style sheet is applied
again: Qt fixes a styled widget's palette when the sheet is applied)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QToolButton
from pytestqt.qtbot import QtBot

from st_desktop.settings import Settings
from st_desktop.ui import theme
from st_desktop.ui.views import ViewSwitcher
from tests.qt.theming import at, near, pixels, restore_palette, use_palette

__all__ = ["restore_palette"]


@pytest.mark.usefixtures("restore_palette")
def test_the_sidebar_turns_dark_and_back(qtbot: QtBot, settings: Settings) -> None:
    switcher = ViewSwitcher(settings)
    qtbot.addWidget(switcher)
    switcher.add_view("workouts", "&Workouts", QLabel("workouts"), "Ctrl+1")
    switcher.add_view("calendar", "&Calendar", QLabel("calendar"), "Ctrl+2")
    switcher.resize(500, 300)
    switcher.show()
    qtbot.waitExposed(switcher)
    roles = QPalette.ColorRole

    def sidebar() -> QPalette:
        return switcher.palette()

    def shown() -> tuple[bool, bool]:
        image = pixels(switcher.sidebar)
        ground = at(image, 2, image.shape[0] - 3)  # below the buttons
        button = switcher.sidebar.findChild(QToolButton, "workoutsViewButton")
        assert button is not None
        assert button.isChecked()
        chosen = at(image, button.x() + 6, button.y() + button.height() // 2)
        return (
            near(ground, sidebar().color(roles.AlternateBase), 3),
            near(chosen, sidebar().color(roles.Highlight), 3),
        )

    assert shown() == (True, True)
    use_palette(theme.dark_palette())
    assert theme.is_dark(sidebar())
    assert shown() == (True, True)  # the dark alternate base, the dark highlight
    use_palette(QPalette())
    assert not theme.is_dark(sidebar())
    assert shown() == (True, True)
