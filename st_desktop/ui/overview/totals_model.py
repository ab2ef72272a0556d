"""The totals table: one row per week, month or year, with a child row per sport.

Cells show numbers in the user's locale and units (the unit is in the header); tooltips spell
them out with units, energy in kcal and kJ. :data:`VALUE_ROLE` gives the service's own value
(metres, seconds, kJ, a count; for the period column the start date) for sorting and tests.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFontMetrics, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

from st_desktop.domain.totals import Figures, Metric, Period, PeriodTotals
from st_desktop.domain.units import distance_unit, elevation_unit
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.colors import sport_colour, swatch

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
#: The period's first day (a :class:`datetime.date`) on every cell of a period row.
PERIOD_ROLE = Qt.ItemDataRole.UserRole + 2
#: The sport category on the cells of a sport row ("" on a period row).
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 3
#: What a figure cell shows when there is nothing to add up.
NOTHING = "–"


class TotalsColumn(IntEnum):
    """The columns, in order."""

    PERIOD = 0
    COUNT = 1
    DISTANCE = 2
    DURATION = 3
    CLIMB = 4
    ENERGY = 5


class TotalsModel(QStandardItemModel):
    """Period rows (newest first), each with a child row per sport."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(0, len(TotalsColumn), parent)
        self.setSortRole(VALUE_ROLE)
        self._units = "metric"
        self._periods: list[PeriodTotals] = []
        self._split = True
        self._swatch = max(8, QFontMetrics(QApplication.font()).height() - 6)
        self._headers()

    @property
    def periods(self) -> list[PeriodTotals]:
        """The periods shown, newest first."""
        return list(self._periods)

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        if units != self._units:
            self._units = units
            self.set_periods(self._periods, split=self._split)

    def set_periods(self, periods: list[PeriodTotals], *, split: bool = True) -> None:
        """Show these periods; ``split`` adds a child row per sport."""
        self._periods = list(periods)
        self._split = split
        self.removeRows(0, self.rowCount())
        self._headers()
        root = self.invisibleRootItem()
        for totals in self._periods:
            row = self._row(totals.start, totals.period, "", totals.overall)
            if split and len(totals.by_category) > 0:
                for category, figures in totals.by_category.items():
                    row[0].appendRow(self._row(totals.start, totals.period, category, figures))
            root.appendRow(row)

    def row_of(self, start: date) -> int | None:
        """The row of the period starting on ``start``."""
        for row, totals in enumerate(self._periods):
            if totals.start == start:
                return row
        return None

    def _headers(self) -> None:
        distance, climb = distance_unit(self._units)[1], elevation_unit(self._units)[1]
        titles = {
            TotalsColumn.PERIOD: self.tr("Period"),
            TotalsColumn.COUNT: self.tr("Workouts"),
            TotalsColumn.DISTANCE: self.tr("Distance ({unit})").format(unit=distance),
            TotalsColumn.DURATION: self.tr("Moving time (h:mm)"),
            TotalsColumn.CLIMB: self.tr("Climb ({unit})").format(unit=climb),
            TotalsColumn.ENERGY: self.tr("Energy (kcal)"),
        }
        self.setHorizontalHeaderLabels([titles[c] for c in TotalsColumn])

    def _row(
        self, start: date, period: Period, category: str, figures: Figures
    ) -> list[QStandardItem]:
        units = self._units
        label = category or fmt.period_title(start, period)
        cells: list[tuple[str, object, str]] = [
            (label, start.toordinal(), f"{label}\n{fmt.period_span(start, period)}"),
            (
                fmt.number(figures.count),
                figures.count,
                fmt.figure_text(figures, Metric.COUNT, units),
            ),
            (
                fmt.distance(figures.distance, units, with_unit=False),
                figures.distance,
                fmt.distance(figures.distance, units),
            ),
            (fmt.hours(figures.duration), figures.duration, f"{fmt.hours(figures.duration)} h"),
            (
                fmt.climb(figures.climb, units, with_unit=False),
                figures.climb,
                fmt.climb(figures.climb, units),
            ),
            (
                fmt.energy(figures.energy, with_unit=False),
                figures.energy,
                fmt.energy_both(figures.energy),
            ),
        ]
        items = []
        empty = figures.count == 0
        dim = QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        for column, (text, value, tip) in enumerate(cells):
            # No distance (strength training) is not "0.0 km".
            item = QStandardItem(NOTHING if column > TotalsColumn.COUNT and not value else text)
            item.setEditable(False)
            item.setData(value, VALUE_ROLE)
            item.setData(start, PERIOD_ROLE)
            item.setData(category, CATEGORY_ROLE)
            item.setToolTip(tip)
            if column != TotalsColumn.PERIOD:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if empty:
                item.setForeground(dim)
            items.append(item)
        if category:
            items[0].setData(
                swatch(sport_colour(category), self._swatch), Qt.ItemDataRole.DecorationRole
            )
        return items
