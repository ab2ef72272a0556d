"""Preferences > Language: the choice is kept and chooses the language of the next start."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QTabWidget
from pytestqt.qtbot import QtBot

from st_desktop.settings import Keys, Settings
from st_desktop.ui.dialogs.language import LanguagePage, add_language_page
from st_desktop.ui.dialogs.preferences import PreferencesDialog
from st_desktop.ui.i18n import install_translators, remove_translators


@pytest.fixture
def dialog(qtbot: QtBot, settings: Settings) -> PreferencesDialog:
    preferences = PreferencesDialog(settings)
    qtbot.addWidget(preferences)
    add_language_page(preferences)
    return preferences


def page_of(dialog: PreferencesDialog) -> LanguagePage:
    page = dialog.findChild(LanguagePage, "languagePage")
    assert page is not None
    return page


def test_the_page_offers_the_system_english_and_german(dialog: PreferencesDialog) -> None:
    tabs = dialog.findChild(QTabWidget, "preferencesPages")
    assert tabs is not None
    assert "Language" in [tabs.tabText(i) for i in range(tabs.count())]
    combo = page_of(dialog).language
    offered = [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]
    assert offered == [("System language", ""), ("Deutsch", "de"), ("English", "en")]
    assert page_of(dialog).chosen() == ""  # nothing chosen yet: the system's
    assert "started again" in page_of(dialog).note.text()


def test_ok_keeps_the_choice_and_the_next_start_speaks_it(
    qtbot: QtBot, qapp: QApplication, dialog: PreferencesDialog, settings: Settings
) -> None:
    page = page_of(dialog)
    page.language.setCurrentIndex(page.language.findData("de"))
    dialog.accept()
    assert settings.get(Keys.LANGUAGE) == "de"
    again = PreferencesDialog(settings)
    qtbot.addWidget(again)
    assert page_of_added(again).chosen() == "de"
    try:  # what main() does with it at the next start
        assert install_translators(qapp, settings.get(Keys.LANGUAGE) or None) == "de"
    finally:
        remove_translators(qapp)


def test_cancel_keeps_the_language_as_it_was(dialog: PreferencesDialog, settings: Settings) -> None:
    settings.set(Keys.LANGUAGE, "en")
    page = page_of(dialog)
    page.load()
    assert page.chosen() == "en"
    page.language.setCurrentIndex(page.language.findData("de"))
    dialog.reject()
    assert settings.get(Keys.LANGUAGE) == "en"


def page_of_added(dialog: PreferencesDialog) -> LanguagePage:
    add_language_page(dialog)
    return page_of(dialog)
