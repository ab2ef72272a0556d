"""The upload list: one row per dropped activity (or per thing that could not be read)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from st_desktop.domain.activity import Activity
from st_desktop.domain.track import Track
from st_desktop.services.duplicates import DuplicateMatch

Index = QModelIndex | QPersistentModelIndex


class RowStatus(StrEnum):
    """What the status column says."""

    PARSING = "Parsing"
    READY = "Ready"
    WARNING = "Warning"
    ERROR = "Error"
    DUPLICATE = "Possible duplicate"
    QUEUED = "Queued"
    UPLOADING = "Uploading"
    UPLOADED = "Uploaded"
    FAILED = "Failed"
    SKIPPED = "Skipped"


#: Rows the user can still upload.
UPLOADABLE = frozenset({RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE, RowStatus.FAILED})
#: Rows that may be removed from the list.
REMOVABLE = frozenset(
    {
        RowStatus.PARSING, RowStatus.READY, RowStatus.WARNING, RowStatus.ERROR,
        RowStatus.DUPLICATE, RowStatus.FAILED, RowStatus.SKIPPED, RowStatus.UPLOADED,
    }
)  # fmt: skip

#: Status colours (text), shared with the row delegate.
COLOURS = {
    RowStatus.WARNING: "#b26a00",
    RowStatus.ERROR: "#c62828",
    RowStatus.FAILED: "#c62828",
    RowStatus.DUPLICATE: "#6a1b9a",
    RowStatus.UPLOADED: "#2e7d32",
    RowStatus.SKIPPED: "#757575",
}

_ids = itertools.count(1)


@dataclass
class UploadRow:
    """Everything the list and the preview show about one row.

    Attributes:
        row_id: stable key of the row (rows move when others are removed).
        display_name: file or archive member name.
        origin: where it came from (tooltip).
        status: see :class:`RowStatus`.
        item_id: the upload store's item, None for a row that was never stored.
        activity: the parsed activity, once parsed.
        message: the error, duplicate reason, warnings or progress sentence.
        duplicates: why it looks already uploaded.
        upload_anyway: the user's decision for a duplicate (default: skip).
        name, type, notes: the user's edits (None: as the file says).
        uris: the workouts created.
        track: the activity as the route and charts show it (built on the worker).
        progress: fraction of the upload done while Uploading (None: no bar).
        step: the short step text drawn on the bar ("Sending 1/2…").
        checking: the duplicate check is running (the row cannot be uploaded meanwhile).
    """

    display_name: str
    origin: str
    status: RowStatus = RowStatus.PARSING
    item_id: int | None = None
    activity: Activity | None = None
    message: str = ""
    duplicates: list[DuplicateMatch] = field(default_factory=list)
    account_checked: bool = False
    upload_anyway: bool = False
    name: str | None = None
    type: str | None = None
    notes: str | None = None
    uris: tuple[str, ...] = ()
    track: Track | None = None
    progress: float | None = None
    step: str = ""
    checking: bool = False
    row_id: int = field(default_factory=lambda: next(_ids))

    @property
    def start_time(self) -> datetime | None:
        """The activity's start, when parsed."""
        return self.activity.start_time if self.activity is not None else None

    @property
    def sport(self) -> str:
        """The type to upload: the user's choice, else the file's."""
        if self.type:
            return self.type
        return self.activity.sport if self.activity is not None else ""


class Column(IntEnum):
    """Columns of the upload list."""

    STATUS = 0
    FILE = 1
    START = 2
    SPORT = 3
    DURATION = 4
    DISTANCE = 5
    DETAILS = 6


HEADERS = {
    Column.STATUS: "Status",
    Column.FILE: "File",
    Column.START: "Start",
    Column.SPORT: "Type",
    Column.DURATION: "Duration",
    Column.DISTANCE: "Distance",
    Column.DETAILS: "Details",
}

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
#: The explanation drawn under the file name (the Details column's text).
DetailRole = Qt.ItemDataRole.UserRole + 3


def format_duration(seconds: float) -> str:
    """``1:02:03`` or ``42:10``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_distance(metres: float, units: str = "metric") -> str:
    """``12.34 km`` or ``7.67 mi``; empty when unknown."""
    if metres <= 0:
        return ""
    if units == "imperial":
        return f"{metres / 1609.344:.2f} mi"
    return f"{metres / 1000:.2f} km"


def details(row: UploadRow) -> str:
    """The Details column: the sentence that matters most for the row's status."""
    if row.message:
        return row.message
    if row.checking:
        return "Checking whether it is already in SportTracks…"
    if row.activity is not None and row.activity.warnings:
        return "; ".join(row.activity.warnings)
    return ""


class UploadListModel(QAbstractTableModel):
    """The rows of the upload pane.

    Rows are :class:`UploadRow` objects owned by the model; the controller changes them through
    :meth:`add`, :meth:`update` and :meth:`remove` so views repaint.
    """

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[UploadRow] = []
        self.units = "metric"

    # -- Qt API ---------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(Column(section)) if 0 <= section < len(Column) else None
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
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == Column.STATUS and row.step:
                return f"{row.status.value}: {row.step}"
            if column == Column.FILE and details(row):
                return f"{row.display_name}: {details(row)}"
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = details(row)
            if column == Column.FILE:
                return f"{row.origin}\n{text}" if text else row.origin
            return text or None
        if role == Qt.ItemDataRole.ForegroundRole and column in (Column.STATUS, Column.DETAILS):
            colour = COLOURS.get(row.status)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            Column.DURATION,
            Column.DISTANCE,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: UploadRow, column: Column) -> str:
        activity = row.activity
        if column == Column.STATUS:
            return row.status.value
        if column == Column.FILE:
            return row.display_name
        if column == Column.DETAILS:
            return details(row)
        if activity is None:
            return ""
        if column == Column.START:
            return activity.start_time.strftime("%Y-%m-%d\n%H:%M")  # two lines: a narrow column
        if column == Column.SPORT:
            return row.sport
        if column == Column.DURATION:
            return format_duration(activity.elapsed_time) if activity.elapsed_time else ""
        return format_distance(activity.distance, self.units)  # Column.DISTANCE

    def _sort_value(self, row: UploadRow, column: Column) -> Any:
        activity = row.activity
        if column == Column.START:
            return activity.start_time.timestamp() if activity else 0.0
        if column == Column.DURATION:
            return activity.elapsed_time if activity else 0.0
        if column == Column.DISTANCE:
            return activity.distance if activity else 0.0
        return self._display(row, column)

    # -- rows -----------------------------------------------------------------------------

    def rows(self) -> list[UploadRow]:
        """All rows, in list order."""
        return list(self._rows)

    def row(self, row_id: int) -> UploadRow | None:
        """The row with ``row_id``, if it is still in the list."""
        return next((r for r in self._rows if r.row_id == row_id), None)

    def row_for_item(self, item_id: int) -> UploadRow | None:
        """The row showing the store item ``item_id``."""
        return next((r for r in self._rows if r.item_id == item_id), None)

    def row_at(self, position: int) -> UploadRow:
        """The row at a list position."""
        return self._rows[position]

    def position(self, row_id: int) -> int:
        """The list position of ``row_id`` (-1 when absent)."""
        return next((i for i, r in enumerate(self._rows) if r.row_id == row_id), -1)

    def add(self, row: UploadRow) -> UploadRow:
        """Append a row."""
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first)  # last is inclusive
        self._rows.append(row)
        self.endInsertRows()
        return row

    def update(self, row_id: int, **changes: Any) -> UploadRow | None:
        """Change fields of a row and repaint it; None when the row is gone (a stale result)."""
        position = self.position(row_id)
        if position < 0:
            return None
        row = self._rows[position]
        for key, value in changes.items():
            setattr(row, key, value)
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(Column) - 1))
        return row

    def remove(self, row_id: int) -> None:
        """Remove a row."""
        position = self.position(row_id)
        if position < 0:
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def set_units(self, units: str) -> None:
        """Repaint distances in ``units`` ("metric" or "imperial")."""
        self.units = units
        if self._rows:
            column = Column.DISTANCE
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))
