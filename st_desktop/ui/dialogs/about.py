"""Help > About: what st-desktop is, its version, and where it keeps its log and data."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop import APP_DISPLAY_NAME, __version__

#: The names of the folders the composition root passes, for the translations to find them.
FOLDER_NAMES = (
    QT_TRANSLATE_NOOP("AboutDialog", "Log"),
    QT_TRANSLATE_NOOP("AboutDialog", "Data"),
    QT_TRANSLATE_NOOP("AboutDialog", "Settings"),
    QT_TRANSLATE_NOOP("AboutDialog", "Cache"),
)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the system's file manager."""
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))))


class AboutDialog(QDialog):
    """The About box (``aboutDialog``) with the log and data folders and buttons to open them.

    Args:
        folders: what each folder holds -> the folder ("Log" -> ``~/.local/state/...``).
        icon: the app icon to show.
    """

    def __init__(
        self, folders: dict[str, Path], icon: QPixmap, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About {app}").format(app=APP_DISPLAY_NAME))
        picture = QLabel(self)
        picture.setPixmap(icon)
        text = QLabel(
            f"<h3>{APP_DISPLAY_NAME} {__version__}</h3><p>"
            + self.tr(
                "Preview, fix and upload your FIT, TCX and GPX files to SportTracks, and browse "
                "and edit the workouts in your account, even offline."
            )
            + "</p>",
            self,
        )
        text.setWordWrap(True)
        grid = QGridLayout()
        self.open_buttons: dict[str, QPushButton] = {}
        for row, (what, folder) in enumerate(folders.items()):
            # The composition root names the folders in English; shown in the user's language.
            shown = QCoreApplication.translate("AboutDialog", what)
            label = QLabel(f"<b>{shown}:</b>", self)
            where = QLabel(str(folder), self)
            where.setObjectName(f"about{what.replace(' ', '')}Folder")
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            button = QPushButton(self.tr("Open"), self)
            button.setObjectName(f"aboutOpen{what.replace(' ', '')}")
            button.setAccessibleName(self.tr("Open the {folder} folder").format(folder=shown))
            button.clicked.connect(lambda _checked=False, f=folder: open_folder(f))
            self.open_buttons[what] = button
            grid.addWidget(label, row, 0)
            grid.addWidget(where, row, 1)
            grid.addWidget(button, row, 2)
        grid.setColumnStretch(1, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(picture)
        layout.addWidget(text)
        layout.addLayout(grid)
        layout.addWidget(buttons)
