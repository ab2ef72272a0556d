"""Preferences > Appearance (System, Light, Dark): kept in the settings, applied at once and at
start, and the whole window follows: welcome, notices, status bar."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QAction, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.app_theme import install_theme
from st_desktop.application import Application
from st_desktop.settings import Keys, Settings
from st_desktop.ui import theme
from st_desktop.ui.dialogs.appearance import (
    AppearancePage,
    add_appearance_page,
    stored_appearance,
)
from st_desktop.ui.dialogs.preferences import PreferencesDialog
from tests.doubles import MemoryKeyring
from tests.qt.theming import at, pixels, restore_palette, share_near

__all__ = ["restore_palette"]


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings) -> PreferencesDialog:
    shown = PreferencesDialog(settings)
    qtbot.addWidget(shown)
    return shown


def page_titles(dialog: PreferencesDialog) -> list[str]:
    return [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]


@pytest.mark.usefixtures("restore_palette")
def test_the_choice_applies_at_once_and_is_kept(
    qtbot: QtBot, qapp: QApplication, dialog: PreferencesDialog, settings: Settings
) -> None:
    page = add_appearance_page(dialog)
    assert page_titles(dialog)[-1] == "Appearance"
    assert page.buttons[theme.SYSTEM].isChecked()  # following the system by default
    assert not theme.is_dark()
    page.buttons[theme.DARK].click()
    assert not theme.is_dark()  # nothing changes before OK or Apply
    dialog.apply_button.click()
    assert theme.is_dark()
    assert settings.get(Keys.APPEARANCE) == theme.DARK
    # Kept: read back from the file, the next dialog shows it.
    again = Settings(settings.path)
    assert stored_appearance(again) == theme.DARK
    later = PreferencesDialog(again)
    qtbot.addWidget(later)
    assert add_appearance_page(later).buttons[theme.DARK].isChecked()
    # Back to the system's scheme (light here), with OK.
    page.buttons[theme.SYSTEM].click()
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not theme.is_dark()
    assert settings.get(Keys.APPEARANCE) == theme.SYSTEM


def test_a_value_this_version_does_not_know_means_system(settings: Settings) -> None:
    settings.set(Keys.APPEARANCE, "sepia")
    assert stored_appearance(settings) == theme.SYSTEM
    settings.set(Keys.APPEARANCE, " Dark ")
    assert stored_appearance(settings) == theme.DARK


@pytest.fixture
def first_start(qtbot: QtBot, isolated_basedir: Path) -> Iterator[Application]:
    application = create_application(
        ["--basedir", str(isolated_basedir)], keyring_backend=MemoryKeyring()
    )
    qtbot.addWidget(application.window)
    yield application
    application.shutdown(5.0)


@pytest.mark.usefixtures("restore_palette")
def test_the_stored_appearance_is_applied_at_start_and_offered_in_preferences(
    qtbot: QtBot, first_start: Application
) -> None:
    application = first_start
    application.settings.set(Keys.APPEARANCE, theme.DARK)
    watcher = install_theme(application)
    assert theme.is_dark()
    assert watcher.dark
    assert watcher is theme.watcher()  # one for the application
    window = application.window
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    # The welcome of a first start, dark and readable.
    welcome = window.welcome
    assert welcome.isVisible()
    qtbot.waitUntil(lambda: theme.is_dark(welcome.palette()))  # Qt posts it to every widget
    shown = pixels(welcome)
    assert share_near(shown, theme.dark_palette().color(QPalette.ColorRole.Window)) > 0.5
    for name in ("welcomeTitle", "welcomeText", "welcomeDropHint"):
        label = welcome.findChild(QLabel, name)
        assert label is not None
        text = (
            label.palette().color(label.foregroundRole())
            if label.isEnabled()
            else (label.palette().color(QPalette.ColorGroup.Disabled, label.foregroundRole()))
        )
        window_colour = label.palette().color(QPalette.ColorRole.Window)
        assert text.lightness() - window_colour.lightness() > 80, name
    # A notice above the table (once the welcome made way), in the dark palette too.
    window.show_welcome(False)
    notice = application.browser.notice
    notice.show_message("Could not reach SportTracks.", error=True)
    qtbot.waitUntil(notice.isVisible)
    assert at(pixels(notice), 4, 4).lightness() < 80
    # Preferences offers the choice, and Light applies at once.
    preferences, page = open_appearance(window)
    assert "Appearance" in page_titles(preferences)
    assert page.buttons[theme.DARK].isChecked()
    page.buttons[theme.LIGHT].click()
    preferences.apply_button.click()
    assert not theme.is_dark()
    assert application.settings.get(Keys.APPEARANCE) == theme.LIGHT
    preferences.reject()


def open_appearance(window: QWidget) -> tuple[PreferencesDialog, AppearancePage]:
    """Edit > Preferences…, as the user opens it: the dialog and its Appearance page."""
    action = window.findChild(QAction, "preferencesAction")
    assert action is not None
    action.trigger()
    preferences = window.findChild(PreferencesDialog)
    assert preferences is not None
    page = preferences.findChild(AppearancePage)
    assert page is not None
    return preferences, page


def light_share(shown: np.ndarray) -> float:
    """How much of what is shown is light (white, a light window, a light panel)."""
    return float((shown.min(axis=-1) > LIGHT).mean())


#: A channel above this is light.
LIGHT = 200


@pytest.mark.usefixtures("restore_palette")
def test_switched_live_the_whole_window_turns_dark_and_back(
    qtbot: QtBot, first_start: Application
) -> None:
    application = first_start
    install_theme(application)  # "system": light here
    window = application.window
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    window.show_welcome(False)  # the table, the detail's charts and route, the upload pane
    application.detail.charts.plots.show()  # built, as the app builds them once idle
    assert light_share(pixels(window)) > 0.6

    preferences, page = open_appearance(window)
    page.buttons[theme.DARK].click()
    preferences.apply_button.click()
    qtbot.waitUntil(lambda: theme.is_dark(window.palette()))
    # No light block is left anywhere: sidebar, table, charts, route, upload list, status bar.
    assert light_share(pixels(window)) < 0.02  # the light text only
    page.buttons[theme.SYSTEM].click()
    preferences.apply_button.click()
    qtbot.waitUntil(lambda: not theme.is_dark(window.palette()))
    assert light_share(pixels(window)) > 0.6
    preferences.reject()
