"""The summary figures of a workout (distance, times, speed or pace, heart rate, energy…)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QPalette, QResizeEvent
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


def typical_values(units: str) -> dict[str, str]:
    """For each figure, a value as wide as most workouts' get: each value column keeps room for
    it, so that loading a workout after another (or after "–") does not re-flow the editor
    (the charts below would be laid out and painted again at another height)."""
    wide = {
        "distance": format_distance(888_880.0, units),
        "duration": format_duration(88 * 3600 + 58 * 60 + 58),
        "elapsed": format_duration(88 * 3600 + 58 * 60 + 58),
        "paused": format_duration(8 * 3600 + 58 * 60 + 58),
        "avg_speed": max(
            format_speed_or_pace(8.8, units, "Running"),
            format_speed_or_pace(28.8, units, "Cycling"),
            key=len,
        ),
        "gain": format_elevation(8888.0, units),
        "hr": _avg_max(188.0, 208.0, "bpm"),
        "cadence": _avg_max(188.0, 208.0, "rpm"),
        "power": _avg_max(888.0, 1888.0, "W"),
        "calories": format_calories(38_888.0),
    }
    wide["max_speed"], wide["loss"] = wide["avg_speed"], wide["gain"]
    return wide


class FiguresView(QWidget):
    """Captions and values in two columns, or one where the width is short (the editor beside
    the upload pane in a 1024 px window); a value label is named ``figure_<key>``.

    Attributes:
        labels: value label by key of :data:`FIGURES`.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailFigures")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self._grid = grid
        self._pairs: list[tuple[QLabel, QLabel]] = []
        self._columns = 0
        self._units = "metric"
        self._room: dict[str, int] = {}  # the width kept for each value (see typical_values)
        self.labels: dict[str, QLabel] = {}
        for key, caption in FIGURES:
            caption_label = QLabel(self.tr(str(caption)), self)
            # Captions in the palette's secondary text colour: a role, not a copy of the
            # palette, so they follow a change between light and dark.
            caption_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value_label = QLabel(MISSING, self)
            value_label.setObjectName(f"figure_{key}")
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            caption_label.setBuddy(value_label)
            self._pairs.append((caption_label, value_label))
            self.labels[key] = value_label
        self._arrange(2)

    def _arrange(self, columns: int) -> None:
        """Lay the pairs out in ``columns`` columns of caption and value."""
        if columns == self._columns:
            return
        self._columns = columns
        grid = self._grid
        for i, (caption, value) in enumerate(self._pairs):
            row, column = i // columns, (i % columns) * 2
            grid.addWidget(caption, row, column)  # moves it: a widget is in one cell only
            grid.addWidget(value, row, column + 1)
        for column in range(4):
            grid.setColumnStretch(column, 1 if column % 2 and column < 2 * columns else 0)
        rows = -(-len(self._pairs) // columns)
        for row in range(len(self._pairs) + 1):
            grid.setRowStretch(row, 1 if row == rows else 0)
        self.updateGeometry()

    def _width(self, columns: int) -> int:
        """The width the pairs need in ``columns`` columns."""
        widths = [0] * (2 * columns)
        for i, (caption, value) in enumerate(self._pairs):
            column = (i % columns) * 2
            widths[column] = max(widths[column], caption.sizeHint().width())
            room = self._room.get(value.objectName(), 0)
            widths[column + 1] = max(widths[column + 1], value.sizeHint().width(), room)
        return sum(widths) + self._grid.horizontalSpacing() * (len(widths) - 1)

    def sizeHint(self) -> QSize:
        """Wide enough for two columns of pairs (a wide editor gives them room)."""
        hint = super().sizeHint()
        return QSize(self._width(2), hint.height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as one column of pairs allows; as high as the columns shown need."""
        hint = super().minimumSizeHint()
        return QSize(self._width(1), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Two columns of pairs where they fit, else one."""
        super().resizeEvent(event)
        self._arrange(2 if event.size().width() >= self._width(2) else 1)

    def _keep_room(self, units: str) -> None:
        """Keep room for typical values in ``units`` (measured again when they change)."""
        if self._room and units == self._units:
            return
        self._units = units
        typical = typical_values(units)
        self._room = {
            label.objectName(): label.fontMetrics().horizontalAdvance(typical.get(key, MISSING))
            for key, label in self.labels.items()
        }
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        """A new font (the appearance settings) measures the room kept for values again."""
        super().changeEvent(event)
        if self._room and event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._room = {}
            self._keep_room(self._units)

    def clear(self, *, loading: bool = False) -> None:
        """Show no workout; ``loading``: one is on its way, and its values will take the room
        kept for them (with none on its way, the fields beside get it)."""
        if loading:
            self._keep_room(self._units)
        elif self._room:
            self._room = {}
            self.updateGeometry()
        for label in self.labels.values():
            label.setText(MISSING)

    def show_workout(self, w: Workout, units: str) -> None:
        """Show ``w``'s figures in "metric" or "imperial" units."""
        self._keep_room(units)
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
        self._arrange(2 if self.width() >= self._width(2) else 1)


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
