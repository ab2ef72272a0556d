"""The summary figures of a workout (distance, times, speed or pace, heart rate, energy…)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from st_desktop.domain.units import (
    format_calories,
    format_distance,
    format_duration,
    format_elevation,
    format_speed_or_pace,
)
from st_desktop.domain.workout import Workout
from st_desktop.ui.i18n import figure

#: Summary figures: key, caption (two columns, filled row by row; translated where shown).
FIGURES = (
    ("distance", QT_TRANSLATE_NOOP("FiguresView", "Distance")),
    ("duration", QT_TRANSLATE_NOOP("FiguresView", "Moving time")),
    ("elapsed", QT_TRANSLATE_NOOP("FiguresView", "Elapsed")),
    ("paused", QT_TRANSLATE_NOOP("FiguresView", "Paused")),
    ("avg_speed", QT_TRANSLATE_NOOP("FiguresView", "Average")),
    ("max_speed", QT_TRANSLATE_NOOP("FiguresView", "Best")),
    ("gain", QT_TRANSLATE_NOOP("FiguresView", "Climb")),
    ("loss", QT_TRANSLATE_NOOP("FiguresView", "Descent")),
    ("hr", QT_TRANSLATE_NOOP("FiguresView", "Heart rate")),
    ("cadence", QT_TRANSLATE_NOOP("FiguresView", "Cadence")),
    ("power", QT_TRANSLATE_NOOP("FiguresView", "Power")),
    ("calories", QT_TRANSLATE_NOOP("FiguresView", "Energy")),
)

#: Shown for a figure the workout doesn't have.
MISSING = "–"


class FiguresView(QWidget):
    """Captions and values in two columns; a value label is named ``figure_<key>``.

    Attributes:
        labels: value label by key of :data:`FIGURES`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailFigures")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(4)
        self.labels: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(FIGURES):
            caption_label = QLabel(self.tr(str(caption)), self)
            # Captions in the palette's secondary text colour: a role, not a copy of the
            # palette, so they follow a change between light and dark.
            caption_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value_label = QLabel(MISSING, self)
            value_label.setObjectName(f"figure_{key}")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label.setBuddy(value_label)
            row, column = i // 2, (i % 2) * 2
            grid.addWidget(caption_label, row, column)
            grid.addWidget(value_label, row, column + 1)
            self.labels[key] = value_label
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(len(FIGURES) // 2 + 1, 1)

    def clear(self) -> None:
        """Show no workout."""
        for label in self.labels.values():
            label.setText(MISSING)

    def show_workout(self, w: Workout, units: str) -> None:
        """Show ``w``'s figures in "metric" or "imperial" units."""
        paused = (w.clock_duration - w.duration) if w.clock_duration and w.duration else None
        values = {
            "distance": format_distance(w.total_distance, units),
            "duration": format_duration(w.duration),
            "elapsed": format_duration(w.clock_duration),
            "paused": format_duration(paused) if paused and paused > 0 else "",
            "avg_speed": format_speed_or_pace(w.avg_speed, units, w.type),
            "max_speed": format_speed_or_pace(w.max_speed, units, w.type),
            "gain": format_elevation(w.elevation_gain, units),
            "loss": format_elevation(w.elevation_loss, units),
            "hr": _avg_max(w.avg_heartrate, w.max_heartrate, "bpm"),
            "cadence": _avg_max(w.avg_cadence, w.max_cadence, "rpm"),
            "power": _avg_max(w.avg_power, w.max_power, "W"),
            "calories": format_calories(w.calories),
        }
        for key, label in self.labels.items():
            label.setText(figure(values.get(key) or MISSING))


def _avg_max(avg: float | None, best: float | None, unit: str) -> str:
    if avg is None and best is None:
        return ""
    if best is None:
        return f"{avg:.0f} {unit}"
    if avg is None:
        return QCoreApplication.translate("FiguresView", "max {best} {unit}").format(
            best=f"{best:.0f}", unit=unit
        )
    return QCoreApplication.translate("FiguresView", "{avg} avg / {best} max {unit}").format(
        avg=f"{avg:.0f}", best=f"{best:.0f}", unit=unit
    )
