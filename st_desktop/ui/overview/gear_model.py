"""The gear table model: one row per item, with the figures of its cached linked workouts.

:data:`VALUE_ROLE` gives each cell's native value (metres, seconds, a count, an ordinal date)
for sorting and tests; :data:`GEAR_ROLE` the :class:`~st_desktop.domain.gear.Gear` itself.
"""

from __future__ import annotations

from datetime import date
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from st_desktop.domain.gear import Gear
from st_desktop.domain.totals import Entry, Figures, linked_figures
from st_desktop.domain.units import distance_unit
from st_desktop.ui.i18n import plural
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.gear_dialog import kind_name

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1
GEAR_ROLE = Qt.ItemDataRole.UserRole + 2


class GearColumn(IntEnum):
    """The columns, in order."""

    NAME = 0
    BRAND = 1
    MODEL = 2
    KIND = 3
    STATUS = 4
    WORKOUTS = 5
    DISTANCE = 6
    DURATION = 7
    ODOMETER = 8
    PURCHASED = 9


_HEADERS = {
    GearColumn.NAME: QT_TRANSLATE_NOOP("GearModel", "Name"),
    GearColumn.BRAND: QT_TRANSLATE_NOOP("GearModel", "Brand"),
    GearColumn.MODEL: QT_TRANSLATE_NOOP("GearModel", "Model"),
    GearColumn.KIND: QT_TRANSLATE_NOOP("GearModel", "Type"),
    GearColumn.STATUS: QT_TRANSLATE_NOOP("GearModel", "Status"),
    GearColumn.WORKOUTS: QT_TRANSLATE_NOOP("GearModel", "Workouts"),
    GearColumn.DISTANCE: QT_TRANSLATE_NOOP("GearModel", "Distance"),
    GearColumn.DURATION: QT_TRANSLATE_NOOP("GearModel", "Moving time"),
    GearColumn.ODOMETER: QT_TRANSLATE_NOOP("GearModel", "Odometer"),
    GearColumn.PURCHASED: QT_TRANSLATE_NOOP("GearModel", "Bought"),
}
_NUMERIC = {GearColumn.WORKOUTS, GearColumn.DISTANCE, GearColumn.DURATION, GearColumn.ODOMETER}


class GearModel(QAbstractTableModel):
    """Gear items with the figures of their cached linked workouts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[Gear] = []
        self._usage: list[tuple[Figures, int]] = []
        self._by_id: dict[str, Entry] = {}
        self._units = "metric"

    def set_gear(self, items: list[Gear], by_id: dict[str, Entry] | None = None) -> None:
        """Show these items (``by_id``: the cached workouts, for their mileage)."""
        self.beginResetModel()
        self._items = list(items)
        if by_id is not None:
            self._by_id = by_id
        self._usage = [linked_figures(self._by_id, item.activities) for item in self._items]
        self.endResetModel()

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self._units = units
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(GearColumn) - 1)
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, len(GearColumn) - 1)
            )

    def item(self, row: int) -> Gear:
        """The item of a row."""
        return self._items[row]

    def usage(self, row: int) -> tuple[Figures, int]:
        """The figures of a row's cached linked workouts, and how many are not cached."""
        return self._usage[row]

    def missing(self) -> int:
        """Linked workouts (of all items) not on this computer."""
        return sum(missing for _f, missing in self._usage)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(GearColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(GearColumn):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = GearColumn(section)
        title = self.tr(str(_HEADERS[column]))
        if column in (GearColumn.DISTANCE, GearColumn.ODOMETER):
            return f"{title} ({distance_unit(self._units)[1]})"
        if column == GearColumn.DURATION:
            return f"{title} (h:mm)"
        return title

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item, column = self._items[index.row()], GearColumn(index.column())
        figures, missing = self._usage[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, column, figures)
        if role == VALUE_ROLE:
            return self._value(item, column, figures)
        if role == GEAR_ROLE:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and item.retired:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, figures, missing)
        return None

    def _text(self, item: Gear, column: GearColumn, figures: Figures) -> str:
        units = self._units
        if column == GearColumn.NAME:
            return item.label
        if column == GearColumn.BRAND:
            return item.brand
        if column == GearColumn.MODEL:
            return item.model
        if column == GearColumn.KIND:
            return kind_name(item.kind)
        if column == GearColumn.STATUS:
            return self.tr("Retired") if item.retired else self.tr("Active")
        if column == GearColumn.WORKOUTS:
            return fmt.number(len(item.activities))
        if column == GearColumn.DISTANCE:
            return fmt.distance(figures.distance, units, with_unit=False)
        if column == GearColumn.DURATION:
            return fmt.hours(figures.duration)
        if column == GearColumn.ODOMETER:
            total = item.total_distance
            return "" if total is None else fmt.distance(total, units, with_unit=False)
        return fmt.short_date(item.purchase_date) if item.purchase_date else ""

    def _value(self, item: Gear, column: GearColumn, figures: Figures) -> Any:
        values: dict[GearColumn, Any] = {
            GearColumn.WORKOUTS: len(item.activities),
            GearColumn.DISTANCE: figures.distance,
            GearColumn.DURATION: figures.duration,
            GearColumn.ODOMETER: item.total_distance if item.total_distance is not None else -1.0,
            GearColumn.PURCHASED: (item.purchase_date or date.min).toordinal(),
        }
        return values.get(column, self._text(item, column, figures).lower())

    def _tooltip(self, item: Gear, figures: Figures, missing: int) -> str:
        lines = [" ".join(p for p in (item.brand, item.model) if p) or item.label]
        figures_text = f"{fmt.distance(figures.distance, self._units)}, " + self.tr(
            "{hours} h"
        ).format(hours=fmt.hours(figures.duration))
        lines.append(
            plural(
                figures.count,
                self.tr("{count} cached workout: {figures}"),
                self.tr("{count} cached workouts: {figures}"),
                figures=figures_text,
            )
        )
        if missing:
            lines.append(
                plural(
                    missing,
                    self.tr("{count} linked workout is not on this computer yet"),
                    self.tr("{count} linked workouts are not on this computer yet"),
                )
            )
        if item.initial_distance:
            before = fmt.distance(item.initial_distance, self._units)
            lines.append(self.tr("Distance before: {distance}").format(distance=before))
        if item.notes:
            lines.append(item.notes)
        return "\n".join(lines)
