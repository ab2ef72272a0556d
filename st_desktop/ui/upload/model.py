"""The upload list: one row per dropped activity (or per thing that could not be read).

The row itself (:class:`UploadRow`, :class:`RowStatus`) lives in :mod:`.rows` and the words in
:mod:`.texts`; both are re-exported here, where most code imports them from.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QPalette

from st_desktop.domain.activity import Activity, Streams
from st_desktop.ui import theme
from st_desktop.ui.i18n import date_format
from st_desktop.ui.upload.rows import REMOVABLE, UPLOADABLE, RowStatus, UploadRow
from st_desktop.ui.upload.texts import (
    details,
    format_distance,
    format_duration,
    moving_time,
    row_tooltip,
    status_text,
)

__all__ = [
    "CHANGES",
    "COLOURS",
    "HEADERS",
    "REMOVABLE",
    "STATUS_COLOUR_NAMES",
    "UPLOADABLE",
    "Column",
    "DetailRole",
    "RowRole",
    "RowStatus",
    "SortRole",
    "UploadListModel",
    "UploadRow",
    "details",
    "format_distance",
    "format_duration",
    "status_colour",
    "summary_of",
]

Index = QModelIndex | QPersistentModelIndex

#: The :class:`~st_desktop.ui.theme.Colours` field each status is painted in.
STATUS_COLOUR_NAMES = {
    RowStatus.WARNING: "warning",
    RowStatus.ERROR: "error",
    RowStatus.FAILED: "error",
    RowStatus.DUPLICATE: "duplicate",
    RowStatus.UPLOADED: "ok",
    RowStatus.SKIPPED: "skipped",
}


def status_colour(status: RowStatus, palette: QPalette | None = None) -> QColor | None:
    """The colour a status reads well in on ``palette`` (light or dark); None: the text's."""
    key = STATUS_COLOUR_NAMES.get(status)
    return QColor(getattr(theme.colours(palette), key)) if key else None


#: Status colours on a light palette, as names (for style sheets); prefer :func:`status_colour`,
#: which follows the palette.
COLOURS = {
    status: getattr(theme.LIGHT_COLOURS, key).name() for status, key in STATUS_COLOUR_NAMES.items()
}


class Column(IntEnum):
    """Columns of the upload list."""

    STATUS = 0
    FILE = 1
    START = 2
    SPORT = 3
    DURATION = 4
    DISTANCE = 5
    DETAILS = 6


#: The headers, in English (translated in :meth:`UploadListModel.headerData`).
HEADERS = {
    Column.STATUS: QT_TRANSLATE_NOOP("UploadListModel", "Status"),
    Column.FILE: QT_TRANSLATE_NOOP("UploadListModel", "File"),
    Column.START: QT_TRANSLATE_NOOP("UploadListModel", "Start"),
    Column.SPORT: QT_TRANSLATE_NOOP("UploadListModel", "Type"),
    Column.DURATION: QT_TRANSLATE_NOOP("UploadListModel", "Moving"),
    Column.DISTANCE: QT_TRANSLATE_NOOP("UploadListModel", "Distance"),
    Column.DETAILS: QT_TRANSLATE_NOOP("UploadListModel", "Details"),
}
#: What a header means, where its title is short.
HEADER_TIPS = {
    Column.START: QT_TRANSLATE_NOOP(
        "UploadListModel", "When it started, in the local time where it was recorded"
    ),
    Column.DURATION: QT_TRANSLATE_NOOP(
        "UploadListModel",
        "Moving time: how long the timer ran, pauses left out (SportTracks' Duration). "
        "Each row's tooltip gives the elapsed time too.",
    ),
    Column.DETAILS: QT_TRANSLATE_NOOP("UploadListModel", "Why a file has its status"),
}

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
#: The explanation drawn under the file name (the Details column's text).
DetailRole = Qt.ItemDataRole.UserRole + 3

_TIP = Qt.ItemDataRole.ToolTipRole
_ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_Roles = tuple[int, ...]
_DISPLAY: _Roles = (Qt.ItemDataRole.DisplayRole, SortRole, _ACCESSIBLE)
#: The explanation: the File column's second line and every cell's tooltip.
_EXPLAINED: dict[Column, _Roles] = {
    **dict.fromkeys(Column, (_TIP,)),
    Column.FILE: (DetailRole, _TIP, _ACCESSIBLE),
    Column.DETAILS: (*_DISPLAY, _TIP),
}
_FIGURES = (Column.START, Column.SPORT, Column.DURATION, Column.DISTANCE)
#: The cells (and roles) each field of :class:`UploadRow` shows in; RowRole marks cells the
#: delegate draws from the row itself (the progress bar, the second line: the explanation, or
#: the name the workout gets).
CHANGES: dict[str, dict[Column, _Roles]] = {
    "display_name": {Column.FILE: (*_DISPLAY, _TIP)},
    "origin": {Column.FILE: (_TIP,)},
    "status": {
        Column.STATUS: (*_DISPLAY, Qt.ItemDataRole.ForegroundRole, RowRole),
        Column.FILE: (RowRole,),
        Column.DETAILS: (Qt.ItemDataRole.ForegroundRole,),
    },
    "message": _EXPLAINED,
    "checking": _EXPLAINED,
    "activity": {
        **_EXPLAINED,
        Column.FILE: (DetailRole, _TIP, _ACCESSIBLE, RowRole),
        **dict.fromkeys(_FIGURES, (*_DISPLAY, _TIP)),
    },
    "duplicates": {Column.FILE: (_TIP,)},
    "name": {Column.FILE: (_TIP, RowRole)},
    "type": {Column.FILE: (_TIP, RowRole), Column.SPORT: (*_DISPLAY, _TIP)},
    "progress": {Column.STATUS: (RowRole,)},
    "step": {Column.STATUS: (_ACCESSIBLE, RowRole)},
}


def summary_of(activity: Activity) -> Activity:
    """The activity without its samples: what a row keeps of a parsed file."""
    if not len(activity.streams):
        return activity
    return dataclasses.replace(activity, streams=Streams())


class UploadListModel(QAbstractTableModel):
    """The rows of the upload pane.

    Rows are :class:`UploadRow` objects owned by the model; the controller changes them through
    :meth:`add`, :meth:`update` and :meth:`remove` so views repaint. A change is signalled for
    the cells it changes only (a progress step repaints one cell, never the row), and a row
    keeps the parsed activity's summary and reduced track, not its samples.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UploadRow] = []
        self._positions: dict[int, int] = {}  # row id -> list position
        self._by_item: dict[int, int] = {}  # store item id -> row id
        self.units = "metric"
        self._status_colours = {status: status_colour(status) for status in RowStatus}

    # -- Qt API ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(str(HEADERS[Column(section)]))
        if role == _TIP:
            tip = HEADER_TIPS.get(Column(section))
            return self.tr(str(tip)) if tip else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = Column(index.column())
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SortRole:
            return self._sort_value(row, column)
        if role == DetailRole:
            return details(row)
        if role == _ACCESSIBLE:
            return self._accessible(row, column)
        if role == _TIP:
            # The whole story of the row on every cell: names and reasons elided in the list
            # are read in full here.
            return row_tooltip(row, self.units)
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.STATUS, Column.DETAILS):
            colour = self._status_colours.get(row.status)
            return QBrush(colour) if colour is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.DURATION,
            Column.DISTANCE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: UploadRow, column: Column) -> str:
        activity = row.activity
        if column == Column.STATUS:
            return status_text(row.status)
        if column == Column.FILE:
            return row.display_name
        if column == Column.DETAILS:
            return details(row)
        if activity is None:
            return ""
        if column == Column.START:  # two lines: a narrow column; the ride's own clock
            start = activity.local_start
            day = QDate(start.year, start.month, start.day)
            return f"{QLocale().toString(day, date_format())}\n{start:%H:%M}"
        if column == Column.SPORT:  # "Cycling: Mountain" as two short lines
            return row.sport.replace(": ", "\n", 1)
        if column == Column.DURATION:
            seconds = moving_time(activity)
            return format_duration(seconds) if seconds else ""
        return format_distance(activity.distance, self.units)  # Column.DISTANCE

    def _accessible(self, row: UploadRow, column: Column) -> str:
        if column == Column.STATUS and row.step:
            return f"{status_text(row.status)}: {row.step}"
        if column == Column.FILE:
            detail = details(row)
            return f"{row.display_name}: {detail}" if detail else row.display_name
        if column == Column.SPORT:
            return row.sport
        if column == Column.DURATION and self._display(row, column):
            return self.tr("Moving time {time}").format(time=self._display(row, column))
        return self._display(row, column).replace("\n", " ")

    def _sort_value(self, row: UploadRow, column: Column) -> Any:
        activity = row.activity
        if column == Column.START:
            return activity.start_time.timestamp() if activity else 0.0
        if column == Column.DURATION:
            return moving_time(activity) if activity else 0.0
        if column == Column.DISTANCE:
            return activity.distance if activity else 0.0
        return self._display(row, column)

    # -- colours --------------------------------------------------------------------------

    def set_palette(self, palette: QPalette) -> None:
        """Paint the statuses in colours that read on ``palette`` (after a light/dark switch)."""
        colours = {status: status_colour(status, palette) for status in RowStatus}
        if colours == self._status_colours:
            return
        self._status_colours = colours
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self._rows) - 1, len(Column) - 1),
                [Qt.ItemDataRole.ForegroundRole, RowRole],
            )

    # -- rows -----------------------------------------------------------------------------

    def rows(self) -> list[UploadRow]:
        """All rows, in list order."""
        return list(self._rows)

    def row(self, row_id: int) -> UploadRow | None:
        """The row with ``row_id``, if it is still in the list."""
        position = self._positions.get(row_id)
        return self._rows[position] if position is not None else None

    def row_for_item(self, item_id: int) -> UploadRow | None:
        """The row showing the store item ``item_id``."""
        row_id = self._by_item.get(item_id)
        return self.row(row_id) if row_id is not None else None

    def row_at(self, position: int) -> UploadRow:
        """The row at a list position."""
        return self._rows[position]

    def position(self, row_id: int) -> int:
        """The list position of ``row_id`` (-1 when absent)."""
        return self._positions.get(row_id, -1)

    def add(self, row: UploadRow) -> UploadRow:
        """Append a row."""
        self._keep_small(row)
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first)  # last is inclusive
        self._rows.append(row)
        self._positions[row.row_id] = first
        if row.item_id is not None:
            self._by_item.setdefault(row.item_id, row.row_id)
        self.endInsertRows()
        return row

    def add_many(self, rows: list[UploadRow], at: int | None = None) -> list[UploadRow]:
        """Insert rows in one insertion (one layout pass of the view, not one per row).

        Args:
            rows: the new rows.
            at: the list position of the first (None: after the last row).
        """
        if not rows:
            return rows
        first = len(self._rows) if at is None else max(0, min(at, len(self._rows)))
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        for row in rows:
            self._keep_small(row)
        self._rows[first:first] = rows
        for position, row in enumerate(self._rows[first:], start=first):
            self._positions[row.row_id] = position
        for row in rows:
            if row.item_id is not None:
                self._by_item.setdefault(row.item_id, row.row_id)
        self.endInsertRows()
        return rows

    def update(self, row_id: int, **changes: Any) -> UploadRow | None:
        """Change fields of a row and repaint the cells they show in; None when the row is gone
        (a stale result)."""
        position = self._positions.get(row_id)
        if position is None:
            return None
        row = self._rows[position]
        changed = [key for key, value in changes.items() if not _same(getattr(row, key), value)]
        if "item_id" in changes and row.item_id != changes["item_id"]:
            if row.item_id is not None and self._by_item.get(row.item_id) == row_id:
                del self._by_item[row.item_id]
            if changes["item_id"] is not None:
                self._by_item.setdefault(changes["item_id"], row_id)
        for key, value in changes.items():
            setattr(row, key, value)
        self._keep_small(row)
        self._signal(position, changed)
        return row

    def remove(self, row_id: int) -> None:
        """Remove a row."""
        position = self._positions.get(row_id)
        if position is None:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        row = self._rows.pop(position)
        del self._positions[row_id]
        for later in self._rows[position:]:
            self._positions[later.row_id] -= 1
        if row.item_id is not None and self._by_item.get(row.item_id) == row_id:
            del self._by_item[row.item_id]
            other = next((r for r in self._rows if r.item_id == row.item_id), None)
            if other is not None:
                self._by_item[row.item_id] = other.row_id
        self.endRemoveRows()

    @staticmethod
    def _keep_small(row: UploadRow) -> None:
        """A row keeps the activity's summary and the reduced track, never all the samples."""
        if row.activity is not None:
            row.activity = summary_of(row.activity)
        if row.track is not None:
            row.track = row.track.display

    def _signal(self, position: int, fields: Iterable[str]) -> None:
        """dataChanged for the cells ``fields`` show in: one signal per run of adjacent columns,
        with the roles that changed there."""
        cells: dict[Column, set[int]] = {}
        for name in fields:
            # A field no cell shows (account_checked, uris ...) still tells observers of the
            # model (hands-free import) that the row moved on: on the hidden Details column,
            # which nothing repaints.
            for column, roles in CHANGES.get(name, {Column.DETAILS: (RowRole,)}).items():
                cells.setdefault(column, set()).update(roles)
        runs: list[list[Column]] = []
        for column in sorted(cells):
            if runs and column == runs[-1][-1] + 1:
                runs[-1].append(column)
            else:
                runs.append([column])
        for run in runs:
            changed = sorted(set().union(*(cells[c] for c in run)))
            self.dataChanged.emit(
                self.index(position, run[0]), self.index(position, run[-1]), changed
            )

    def set_units(self, units: str) -> None:
        """Repaint distances in ``units`` ("metric" or "imperial")."""
        self.units = units
        if self._rows:
            column = Column.DISTANCE
            self.dataChanged.emit(
                self.index(0, column), self.index(len(self._rows) - 1, column), list(_DISPLAY)
            )


def _same(old: object, new: object) -> bool:
    """Whether a field keeps its value (plain values by equality, objects by identity)."""
    if old is new:
        return True
    plain = (str, int, float, tuple)
    return isinstance(old, plain) and type(old) is type(new) and old == new
