"""Preferences > Language: the system's language, English or Deutsch (from the next start).

Widgets read their text when they are built, so the choice is kept in the settings
(:attr:`~st_desktop.settings.Keys.LANGUAGE`) and :func:`~st_desktop.ui.i18n.install_translators`
applies it when st-desktop starts again; the page says so.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from st_desktop.settings import Keys, Settings
from st_desktop.ui.i18n import available_languages

#: Each language's name in that language (a user looking for their own reads it there).
NATIVE_NAMES = {"en": "English", "de": "Deutsch"}


def native_name(code: str) -> str:
    """The name of language ``code`` in that language ("Deutsch")."""
    return NATIVE_NAMES.get(code) or QLocale(code).nativeLanguageName().capitalize() or code


class LanguagePage(QWidget):
    """The language choice (``languagePage``); ``apply()`` keeps it for the next start.

    Args:
        settings: where the choice is kept.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("languagePage")
        self._settings = settings
        self.language = QComboBox(self)
        self.language.setObjectName("prefsLanguage")
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System language"), "")
        for code in available_languages():
            self.language.addItem(native_name(code), code)
        self.note = QLabel(self.tr("A new language shows when st-desktop is started again."), self)
        self.note.setObjectName("languageNote")
        self.note.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.note)
        self.load()

    def load(self) -> None:
        """Show the language kept in the settings (the system's when it is not offered)."""
        index = self.language.findData(self._settings.get(Keys.LANGUAGE))
        self.language.setCurrentIndex(max(index, 0))

    def chosen(self) -> str:
        """The language chosen: "" for the system's, else its code ("de")."""
        return str(self.language.currentData() or "")

    def apply(self) -> None:
        """Keep the choice (it takes effect at the next start)."""
        self._settings.set(Keys.LANGUAGE, self.chosen())


def add_language_page(dialog: QWidget) -> LanguagePage:
    """Add the "Language" page to a Preferences dialog (its ``settings``, ``add_page(title,
    widget)`` and ``applied`` signal, emitted on OK and Apply)."""
    page = LanguagePage(dialog.settings, dialog)  # type: ignore[attr-defined]
    dialog.add_page(QCoreApplication.translate("LanguagePage", "Language"), page)  # type: ignore[attr-defined]
    dialog.applied.connect(page.apply)  # type: ignore[attr-defined]
    return page
