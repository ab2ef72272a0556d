"""Light and dark: the app notices the palette and scheme changing, and can force either."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
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


def test_chart_lines_and_axes_read_on_their_background() -> None:
    for scheme in (theme.LIGHT_COLOURS, theme.DARK_COLOURS):
        background = scheme.background.lightnessF()
        for key in theme.SERIES:
            assert abs(scheme.series(key).lightnessF() - background) > 0.3, (key, scheme)
        assert abs(scheme.muted.lightnessF() - background) > 0.3  # tick labels, crosshair
        assert abs(scheme.axis.lightnessF() - background) > 0.2
    assert theme.DARK_COLOURS.series("temperature") == theme.DARK_COLOURS.foreground


@pytest.mark.usefixtures("restore_palette")
def test_a_tinted_text_follows_the_scheme(qtbot: QtBot, qapp: QApplication) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = QLabel("The tile server refused the address.", window)
    theme.tint_text(label, "error")

    def shown() -> str:
        return label.palette().color(QPalette.ColorRole.WindowText).name()

    assert shown() == theme.LIGHT_COLOURS.error.name()
    qapp.setPalette(theme.dark_palette())
    qtbot.waitUntil(lambda: shown() == theme.DARK_COLOURS.error.name())
    # Only the text is its own: the rest of the label's palette is still the window's.
    assert label.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
    theme.tint_text(label, "ok")
    assert shown() == theme.DARK_COLOURS.ok.name()
    with pytest.raises(ValueError, match="no colour"):
        theme.tint_text(label, "chartreuse")
    theme.tint_text(label, None)  # the palette's own text colour again, following it
    assert shown() == "#e8eaed"
    qapp.setPalette(QPalette())
    qtbot.waitUntil(lambda: shown() == QPalette().color(QPalette.ColorRole.WindowText).name())


@pytest.mark.usefixtures("restore_palette")
def test_a_change_of_the_system_scheme_applies_the_preference_again(
    qtbot: QtBot, qapp: QApplication
) -> None:
    preference = [theme.DARK]
    owner = QWidget()
    qtbot.addWidget(owner)
    follower = theme.SystemFollower(lambda: preference[0], owner)
    theme.apply_appearance(theme.DARK)
    assert theme.is_dark()
    qapp.setPalette(QPalette())  # a platform switching to its light palette meanwhile
    assert not theme.is_dark()
    qapp.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert theme.is_dark()  # Dark was chosen: dark it stays
    preference[0] = theme.SYSTEM
    follower.scheme_changed()
    assert not theme.is_dark()  # the system (light here) again


def test_there_is_one_watcher_for_the_application() -> None:
    assert theme.watcher() is theme.watcher()
    assert isinstance(theme.watcher(), theme.ThemeWatcher)


def test_a_panel_tint_mixes_towards_the_colour() -> None:
    white, red = QColor("#ffffff"), QColor("#c62828")
    assert theme.mix(white, red, 0.0) == white
    assert theme.mix(white, red, 1.0) == red
    assert theme.mix(white, red, 0.25).name() == "#f1c9c9"
    assert theme.css(QColor(30, 31, 34, 215)) == "rgba(30, 31, 34, 215)"
