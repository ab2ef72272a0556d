"""The status bar's message area: an error is a badge that reads in light and in dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from st_desktop.ui import theme
from st_desktop.ui.status import MessageArea
from tests.qt.theming import at, near, pixels, restore_palette, use_palette

__all__ = ["restore_palette"]


@pytest.mark.usefixtures("restore_palette")
def test_an_error_badge_follows_light_and_dark(qtbot: QtBot) -> None:
    area = MessageArea()
    qtbot.addWidget(area)
    area.resize(500, 30)
    area.show()
    qtbot.waitExposed(area)
    label = area.findChild(QLabel, "statusMessageText")
    assert label is not None

    def badge() -> tuple[str, str]:
        shown = pixels(label)
        text = label.palette().color(QPalette.ColorRole.WindowText)
        return at(shown, 1, 1).name(), text.name()

    area.show_error("The upload failed: the server did not answer.")
    assert area.is_error()
    light = theme.LIGHT_COLOURS
    assert badge() == (light.error.name(), light.background.name())  # white on red
    use_palette(theme.dark_palette())
    dark = theme.DARK_COLOURS
    assert badge() == (dark.error.name(), dark.background.name())  # dark on light red
    area.show_info("Uploaded.")
    assert not area.is_error()
    window = area.palette().color(QPalette.ColorRole.Window)
    assert near(at(pixels(label), 1, 1), window)  # no badge for news
