"""The laps table and the list of pauses of a workout."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.units import (
    format_calories,
    format_distance,
    format_duration,
    format_speed_or_pace,
    shows_pace,
)
from st_desktop.domain.workout import Lap, TimerStop
from st_desktop.ui.i18n import figure, plural

#: The columns' titles (translated where shown).
HEADERS = (
    "#",
    QT_TRANSLATE_NOOP("LapsView", "Type"),
    QT_TRANSLATE_NOOP("LapsView", "Start"),
    QT_TRANSLATE_NOOP("LapsView", "Duration"),
    QT_TRANSLATE_NOOP("LapsView", "Distance"),
    QT_TRANSLATE_NOOP("LapsView", "Speed"),
    QT_TRANSLATE_NOOP("LapsView", "Avg HR"),
    QT_TRANSLATE_NOOP("LapsView", "Max HR"),
    QT_TRANSLATE_NOOP("LapsView", "Energy"),
)
#: What a lap's type (lower-cased, from the file or the service) reads as.
LAP_TYPES = {
    "active": QT_TRANSLATE_NOOP("LapsView", "active"),
    "rest": QT_TRANSLATE_NOOP("LapsView", "rest"),
}
TYPE_COLUMN = 1
SPEED_COLUMN = 5


class LapsView(QWidget):
    """Laps (``lapsTable``) and pauses (``pausesLabel``) of one workout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lapsView")
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("lapsTable")
        self.table.setAccessibleName(self.tr("Laps"))
        self.table.setHorizontalHeaderLabels([self.tr(str(h)) for h in HEADERS])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.pauses = QLabel(self)
        self.pauses.setObjectName("pausesLabel")
        self.pauses.setWordWrap(True)
        self.pauses.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.pauses)

    def show_laps(
        self,
        laps: tuple[Lap, ...],
        stops: tuple[TimerStop, ...],
        start: datetime | None,
        sport: str,
        units: str,
    ) -> None:
        """Fill the table (times relative to the workout start) and the pauses line."""
        self.table.setRowCount(len(laps))
        speed_header = self.table.horizontalHeaderItem(SPEED_COLUMN)
        if speed_header is not None:
            speed_header.setText(self.tr("Pace") if shows_pace(sport) else self.tr("Speed"))
        for row, lap in enumerate(laps):
            offset = (lap.start_time - start).total_seconds() if lap.start_time and start else None
            speed = lap.avg_speed
            if speed is None and lap.distance and lap.duration:
                speed = lap.distance / lap.duration
            cells = (
                str(lap.number if lap.number is not None else row + 1),
                self._lap_type(lap.type or "active"),
                format_duration(offset),
                format_duration(lap.duration),
                figure(format_distance(lap.distance, units)),
                figure(format_speed_or_pace(speed, units, sport)),
                f"{lap.avg_heartrate:.0f}" if lap.avg_heartrate is not None else "",
                f"{lap.max_heartrate:.0f}" if lap.max_heartrate is not None else "",
                format_calories(lap.calories),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != TYPE_COLUMN:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        if not stops:
            self.pauses.setText(self.tr("No pauses recorded."))
            return
        parts = []
        for stop in stops:
            at = (stop.stopped_at - start).total_seconds() if start else None
            parts.append(
                self.tr("at {at} for {time}").format(
                    at=format_duration(at), time=format_duration(stop.seconds)
                )
            )
        total = sum(stop.seconds for stop in stops)
        self.pauses.setText(
            plural(
                len(stops),
                self.tr("{count} pause, {time} in all: {pauses}."),
                self.tr("{count} pauses, {time} in all: {pauses}."),
                time=format_duration(total),
                pauses="; ".join(parts),
            )
        )

    def _lap_type(self, kind: str) -> str:
        known = LAP_TYPES.get(kind)
        return self.tr(str(known)) if known else kind

    def clear(self) -> None:
        """Show nothing."""
        self.table.setRowCount(0)
        self.pauses.setText("")
