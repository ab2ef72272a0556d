"""Preferences > Appearance: follow the system's light or dark scheme, or pick one.

The choice is kept in the settings (``Keys.APPEARANCE``) and applied at once on OK or Apply;
:func:`apply_stored_appearance` applies it at start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QLabel, QRadioButton, QVBoxLayout, QWidget

from st_desktop.settings import Keys, Settings
from st_desktop.ui import theme

if TYPE_CHECKING:
    from st_desktop.ui.dialogs.preferences import PreferencesDialog

#: The choices, as the page offers them: text, value, object name of the radio button.
CHOICES = (
    (
        QT_TRANSLATE_NOOP("AppearancePage", "&System (follow the desktop)"),
        theme.SYSTEM,
        "prefsAppearanceSystem",
    ),
    (QT_TRANSLATE_NOOP("AppearancePage", "&Light"), theme.LIGHT, "prefsAppearanceLight"),
    (QT_TRANSLATE_NOOP("AppearancePage", "&Dark"), theme.DARK, "prefsAppearanceDark"),
)


def stored_appearance(settings: Settings) -> str:
    """The appearance in the settings ("system" for a value this version does not know)."""
    value = settings.get(Keys.APPEARANCE).strip().lower()
    return value if value in theme.APPEARANCES else theme.SYSTEM


def apply_stored_appearance(settings: Settings) -> None:
    """Paint the app as the settings say: the system's scheme, light or dark."""
    theme.apply_appearance(stored_appearance(settings))


class AppearancePage(QWidget):
    """The "Appearance" page (``preferencesAppearance``): System, Light or Dark.

    Args:
        settings: where the choice is kept.
        parent: the Preferences dialog.
    """

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesAppearance")
        self.settings = settings
        box = QGroupBox(self.tr("Colours"), self)
        self.buttons: dict[str, QRadioButton] = {}
        self._group = QButtonGroup(self)
        column = QVBoxLayout(box)
        for text, value, name in CHOICES:
            button = QRadioButton(self.tr(str(text)), box)
            button.setObjectName(name)
            self._group.addButton(button)
            self.buttons[value] = button
            column.addWidget(button)
        note = QLabel(
            self.tr(
                "System follows the light or dark setting of your desktop, also when it changes "
                "while st-desktop runs. Charts, routes and maps follow too."
            ),
            box,
        )
        note.setWordWrap(True)
        theme.tint_text(note, "muted")
        column.addWidget(note)
        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addStretch(1)
        self.load()

    def load(self) -> None:
        """Show the choice in the settings."""
        self.buttons[stored_appearance(self.settings)].setChecked(True)

    def appearance(self) -> str:
        """The choice shown: "system", "light" or "dark"."""
        return next(
            (value for value, button in self.buttons.items() if button.isChecked()), theme.SYSTEM
        )

    def apply(self) -> None:
        """Keep the choice and paint the app in it, now."""
        chosen = self.appearance()
        self.settings.set(Keys.APPEARANCE, chosen)
        self.settings.sync()
        theme.apply_appearance(chosen)


def add_appearance_page(dialog: PreferencesDialog) -> AppearancePage:
    """Add the "Appearance" page to a Preferences dialog (applied with its OK and Apply)."""
    page = AppearancePage(dialog.settings, dialog)
    dialog.add_page(QCoreApplication.translate("AppearancePage", "Appearance"), page)
    dialog.applied.connect(page.apply)
    return page
