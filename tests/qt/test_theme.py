"""Light and dark: the app notices the palette and scheme changing, and can force either."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from st_desktop.ui import theme


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[None]:
    palette = QPalette(qapp.palette())
    yield
    theme.apply_appearance(theme.SYSTEM)
    qapp.setPalette(palette)


@pytest.mark.usefixtures("restore_palette")
def test_dark_is_chosen_and_noticed_live(qtbot: QtBot, qapp: QApplication) -> None:
    assert not theme.is_dark()  # the offscreen platform starts light
    assert theme.colours() is theme.LIGHT_COLOURS
    watcher = theme.ThemeWatcher()
    with qtbot.waitSignal(watcher.changed) as changed:
        theme.apply_appearance(theme.DARK)
    assert changed.args == [True]
    assert theme.is_dark()
    assert watcher.dark
    assert theme.colours() is theme.DARK_COLOURS
    # Light text on the dark window: what is painted reads.
    palette = QGuiApplication.palette()
    assert palette.color(QPalette.ColorRole.Window).lightness() < 60
    with qtbot.waitSignal(watcher.changed) as changed:
        theme.apply_appearance(theme.LIGHT)
    assert changed.args == [False]
    assert not theme.is_dark()


@pytest.mark.usefixtures("restore_palette")
def test_a_palette_set_by_the_platform_is_followed(qtbot: QtBot, qapp: QApplication) -> None:
    watcher = theme.ThemeWatcher()
    with qtbot.waitSignal(watcher.changed):
        qapp.setPalette(theme.dark_palette())  # as a platform theme switching to dark does
    assert watcher.dark
    with qtbot.assertNotEmitted(watcher.changed):
        qapp.setPalette(theme.dark_palette())  # no change, no signal


def test_status_colours_contrast_with_their_background() -> None:
    for scheme in (theme.LIGHT_COLOURS, theme.DARK_COLOURS):
        background = scheme.background.lightnessF()
        for colour in (scheme.ok, scheme.warning, scheme.error, scheme.foreground, scheme.route):
            assert abs(colour.lightnessF() - background) > 0.3, (scheme, colour.name())
