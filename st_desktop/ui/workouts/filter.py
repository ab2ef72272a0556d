"""The filter bar above the workout table: search as you type, type filter, date range."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from st_desktop.domain.types import CATEGORIES
from st_desktop.store.cache import WorkoutQuery
from st_desktop.ui.i18n import date_format

#: Typing pauses this long before the table is filtered, so each key press doesn't query.
SEARCH_DELAY_MS = 150


class FilterBar(QWidget):
    """Search field (``workoutSearch``), type combo (``workoutTypeFilter``) and date range.

    Signals:
        changed(): the filters changed; read them with :meth:`apply_to`.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutFilterBar")
        self.search = QLineEdit(self)
        self.search.setObjectName("workoutSearch")
        self.search.setPlaceholderText(self.tr("Search name, type and notes…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search workouts"))
        self.type_combo = QComboBox(self)
        self.type_combo.setObjectName("workoutTypeFilter")
        self.type_combo.setAccessibleName(self.tr("Filter by type"))
        self.type_combo.addItem(self.tr("All types"), "")
        for category in CATEGORIES:
            self.type_combo.addItem(category, category)
        self.dates = QCheckBox(self.tr("From"), self)
        self.dates.setObjectName("workoutDateFilter")
        self.dates.setAccessibleDescription(self.tr("Show only the workouts between two dates"))
        self.date_from = QDateEdit(self)
        self.date_from.setObjectName("workoutDateFrom")
        self.date_from.setAccessibleName(self.tr("From date"))
        self.date_to = QDateEdit(self)
        self.date_to.setObjectName("workoutDateTo")
        self.date_to.setAccessibleName(self.tr("To date"))
        today = QDate.currentDate()
        for edit, value in ((self.date_from, today.addMonths(-1)), (self.date_to, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format())
            edit.setDate(value)
            edit.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 3)
        layout.addWidget(self.type_combo, 1)
        layout.addWidget(self.dates)
        layout.addWidget(self.date_from)
        layout.addWidget(QLabel(self.tr("to"), self))
        layout.addWidget(self.date_to)

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(SEARCH_DELAY_MS)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.type_combo.currentIndexChanged.connect(self.changed)
        self.dates.toggled.connect(self._dates_toggled)
        self.date_from.dateChanged.connect(self._date_changed)
        self.date_to.dateChanged.connect(self._date_changed)

    def _dates_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.changed.emit()

    def _date_changed(self) -> None:
        if self.dates.isChecked():
            self.changed.emit()

    def clear(self) -> None:
        """No search, all types, no dates: one ``changed``."""
        widgets = (self.search, self.type_combo, self.dates)
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        self.type_combo.setCurrentIndex(0)
        self.dates.setChecked(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._typing.stop()
        self.changed.emit()

    def set_categories(self, categories: list[str]) -> None:
        """Add categories found in the cache that the catalogue does not list."""
        for category in categories:
            if self.type_combo.findData(category) < 0:
                self.type_combo.addItem(category, category)

    def apply_to(self, query: WorkoutQuery) -> WorkoutQuery:
        """``query`` with this bar's filters (its sort order kept)."""
        date_from: date | None = None
        date_to: date | None = None
        if self.dates.isChecked():
            date_from = self.date_from.date().toPython()  # type: ignore[assignment]
            date_to = self.date_to.date().toPython()  # type: ignore[assignment]
        return replace(
            query,
            text=self.search.text().strip(),
            category=str(self.type_combo.currentData() or ""),
            date_from=date_from,
            date_to=date_to,
        )
