"""The notice above the table: an error is framed in red on a tinted panel, light or dark."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.ui import theme
from st_desktop.ui.workouts.notice import NoticeBar
from tests.qt.theming import at, near, pixels, restore_palette, use_palette

__all__ = ["restore_palette"]


@pytest.mark.usefixtures("restore_palette")
def test_an_error_notice_reads_in_light_and_in_dark(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    notice = NoticeBar(window)
    QVBoxLayout(window).addWidget(notice)
    window.resize(600, 80)
    window.show()
    qtbot.waitExposed(window)
    notice.show_message("SportTracks refused the sign-in.", "Retry", lambda: None, error=True)
    qtbot.waitUntil(notice.isVisible)

    def contrast() -> int:
        panel = at(pixels(notice), 4, 4)
        text = notice.label.palette().color(QPalette.ColorRole.WindowText)
        return abs(text.lightness() - panel.lightness())

    light = pixels(notice)
    assert near(at(light, 0, 0), theme.LIGHT_COLOURS.error)  # the red frame
    assert at(light, 4, 4).lightness() > 200  # a pale red panel
    assert contrast() > 150
    use_palette(theme.dark_palette())
    dark = pixels(notice)
    assert near(at(dark, 0, 0), theme.DARK_COLOURS.error)
    assert at(dark, 4, 4).lightness() < 70  # a dark red panel: no pale block in a dark window
    assert contrast() > 150  # the dark palette's light text on it
    notice.show_message("Showing 42 of 320 workouts.")
    assert not notice.error
    assert at(pixels(notice), 4, 4).lightness() < 70
