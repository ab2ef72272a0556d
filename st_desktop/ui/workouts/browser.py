"""The workout browser area (table and filter bar). Filled in by the workout browser work."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class WorkoutBrowser(QWidget):
    """Placeholder until the workout table lands: says what will appear here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutBrowser")
        label = QLabel("Your SportTracks workouts will be listed here once you sign in.", self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
