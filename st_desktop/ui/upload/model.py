"""The upload list: one row per dropped activity (or per thing that could not be read)."""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum, StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from st_desktop.domain.activity import Activity, Streams
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
        activity: what the parsed file says (start, sport, figures, warnings ...), once parsed;
            the model keeps it without its samples (see ``track``).
        message: the error, duplicate reason, warnings or progress sentence.
        duplicates: why it looks already uploaded.
        upload_anyway: the user's decision for a duplicate (default: skip).
        name, type, notes: the user's edits (None: as the file says).
        uris: the workouts created.
        track: the activity as the route and charts show it, reduced to at most
            :data:`~st_desktop.domain.track.DISPLAY_POINTS` samples (built on the worker). The
            full samples are only read again, from the queue's copy, for the row previewed.
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
    if row.activity is not None and row.activity.problems:
        return "; ".join(row.activity.problems)
    return ""


_Roles = tuple[int, ...]
_DISPLAY: _Roles = (
    Qt.ItemDataRole.DisplayRole, SortRole, Qt.ItemDataRole.AccessibleTextRole,
)  # fmt: skip
#: The explanation: the File column's second line and every cell's tooltip.
_EXPLAINED: dict[Column, _Roles] = {
    **dict.fromkeys(Column, (Qt.ItemDataRole.ToolTipRole,)),
    Column.FILE: (DetailRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole),
    Column.DETAILS: (*_DISPLAY, Qt.ItemDataRole.ToolTipRole),
}
_FIGURES = (Column.START, Column.SPORT, Column.DURATION, Column.DISTANCE)
#: The cells (and roles) each field of :class:`UploadRow` shows in; RowRole marks cells the
#: delegate draws from the row itself (the progress bar, the coloured second line).
CHANGES: dict[str, dict[Column, _Roles]] = {
    "display_name": {Column.FILE: (*_DISPLAY, Qt.ItemDataRole.ToolTipRole)},
    "origin": {Column.FILE: (Qt.ItemDataRole.ToolTipRole,)},
    "status": {
        Column.STATUS: (*_DISPLAY, Qt.ItemDataRole.ForegroundRole, RowRole),
        Column.FILE: (RowRole,),
        Column.DETAILS: (Qt.ItemDataRole.ForegroundRole,),
    },
    "message": _EXPLAINED,
    "checking": _EXPLAINED,
    "activity": {
        **_EXPLAINED,
        **dict.fromkeys(_FIGURES, (*_DISPLAY, Qt.ItemDataRole.ToolTipRole)),
    },
    "type": {Column.SPORT: _DISPLAY},
    "progress": {Column.STATUS: (RowRole,)},
    "step": {Column.STATUS: (Qt.ItemDataRole.AccessibleTextRole, RowRole)},
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
