"""The upload pane (drop files, preview, upload). Filled in by the upload work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget


class UploadPane(QWidget):
    """Placeholder that lists the files handed to it.

    Signals:
        files_added(list): the paths just added.
    """

    files_added = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadPane")
        hint = QLabel("Drop FIT, TCX or GPX files here", self)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.file_list = QListWidget(self)
        self.file_list.setObjectName("uploadList")
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.file_list)

    def add_paths(self, paths: list[Path]) -> None:
        """Add files (from the command line, File > Open or a drop) to the pane."""
        for path in paths:
            self.file_list.addItem(str(path))
        self.files_added.emit(list(paths))
