"""The workout table model: rows paged in from the offline cache, never blocking the GUI.

DESIGN.md's paged-model pattern: the model holds the loaded rows, ``has_more``, ``in_flight`` and
a ``generation``. ``canFetchMore`` is true only while more rows exist and no page is in flight;
``fetchMore`` submits the next cache query to the task runner and returns at once. A page that
arrives for an old generation (the filter, sort or account changed meanwhile) is dropped.

:meth:`WorkoutTableModel.refresh` re-reads the loaded span after a sync and applies the
difference as row removals, insertions and ``dataChanged``, so the selection and scroll position
survive a background refresh.
"""

from __future__ import annotations

import difflib
import logging
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from st_desktop.domain.units import (
    distance_unit,
    elevation_unit,
    format_distance,
    format_duration,
    format_elevation,
    known_distance,
)
from st_desktop.domain.workout import WorkoutSummary
from st_desktop.store.cache import WorkoutCache, WorkoutQuery
from st_desktop.tasks import TaskRunnerBase

log = logging.getLogger(__name__)

PAGE_SIZE = 200
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    """The table's columns, in their default order."""

    DATE = 0
    NAME = 1
    TYPE = 2
    DISTANCE = 3
    DURATION = 4
    ELEVATION = 5
    HEARTRATE = 6


#: Column -> sort key of :class:`~st_desktop.store.cache.WorkoutQuery`.
SORT_KEYS: dict[Column, str] = {
    Column.DATE: "start",
    Column.NAME: "name",
    Column.TYPE: "type",
    Column.DISTANCE: "distance",
    Column.DURATION: "duration",
    Column.ELEVATION: "elevation_gain",
    Column.HEARTRATE: "avg_heartrate",
}

#: Data role giving the native value a column sorts by (datetime, float, str or None).
SortRole = Qt.ItemDataRole.UserRole + 1
#: Data role giving the row's :class:`~st_desktop.domain.workout.WorkoutSummary`.
WorkoutRole = Qt.ItemDataRole.UserRole + 2

_NUMERIC = frozenset({Column.DISTANCE, Column.DURATION, Column.ELEVATION, Column.HEARTRATE})


class WorkoutTableModel(QAbstractTableModel):
    """Cached workouts of one account, filtered and sorted by a :class:`WorkoutQuery`.

    Args:
        runner: runs the cache queries.
        cache: the offline cache.
        page_size: rows per page.

    Signals:
        page_loaded(int): rows added by a page (0 for the last, empty page).
        refreshed(): the loaded rows were re-read after a sync.
        load_failed(str): a cache query failed; the sentence says why.
    """

    page_loaded = Signal(int)
    refreshed = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunnerBase,
        cache: WorkoutCache,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache = cache
        self._page_size = page_size
        self._account: str | None = None
        self._query = WorkoutQuery()
        self._rows: list[WorkoutSummary] = []
        self._has_more = False
        self._in_flight = False
        self._generation = 0
        self._revision = 0  # bumped on every change of _rows, to spot stale refresh diffs
        self._units = "metric"
        self.pages_requested: list[tuple[int, int]] = []  # (generation, offset): for tests

    # ------------------------------------------------------------------ state

    @property
    def account(self) -> str | None:
        """The account whose workouts are shown."""
        return self._account

    @property
    def query(self) -> WorkoutQuery:
        """The current filter and sort."""
        return self._query

    @property
    def generation(self) -> int:
        """Increases whenever the row set is reset (account, filter or sort changed)."""
        return self._generation

    @property
    def in_flight(self) -> bool:
        """True while a page query is running."""
        return self._in_flight

    @property
    def has_more(self) -> bool:
        """True while the cache may hold further matching rows."""
        return self._has_more

    def set_account(self, account: str | None) -> None:
        """Show another account's cached workouts (None: nothing)."""
        self._account = account
        self.reload()

    def set_query(self, query: WorkoutQuery) -> None:
        """Filter and sort differently; rows reload from the first page."""
        if query != self._query:
            self._query = query
            self.reload()

    def set_units(self, units: str) -> None:
        """Show distances and heights in ``"metric"`` or ``"imperial"`` units."""
        if units != self._units:
            self._units = units
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
            if self._rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1)
                )

    def reload(self) -> None:
        """Forget the loaded rows and load the first page again."""
        self.beginResetModel()
        self._generation += 1
        self._revision += 1
        self._rows = []
        self._has_more = self._account is not None
        self._in_flight = False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def workout(self, row: int) -> WorkoutSummary:
        """The summary shown in ``row``."""
        return self._rows[row]

    def row_of(self, workout_id: str) -> int | None:
        """The row showing the workout with this id, if it is loaded."""
        for row, item in enumerate(self._rows):
            if item.id == workout_id:
                return row
        return None

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(Column(section))
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _header(self, column: Column) -> str:
        distance = distance_unit(self._units)[1]
        height = elevation_unit(self._units)[1]
        return {
            Column.DATE: "Date",
            Column.NAME: "Name",
            Column.TYPE: "Type",
            Column.DISTANCE: f"Distance ({distance})",
            Column.DURATION: "Duration",
            Column.ELEVATION: f"Climb ({height})",
            Column.HEARTRATE: "Avg HR (bpm)",
        }[column]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SortRole:
            return self._sort_value(item, column)
        if role == WorkoutRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == Column.NAME and item.name:
            return item.name
        return None

    def _display(self, item: WorkoutSummary, column: Column) -> str:
        if column == Column.DATE:
            start = item.start_time  # shown in the workout's own offset, as recorded
            return start.strftime("%Y-%m-%d %H:%M") if start else ""
        if column == Column.NAME:
            return item.name
        if column == Column.TYPE:
            return item.type
        if column == Column.DISTANCE:
            return format_distance(item.total_distance, self._units).rsplit(" ", 1)[0]
        if column == Column.DURATION:
            return format_duration(item.duration)
        if column == Column.ELEVATION:
            return format_elevation(item.elevation_gain, self._units).rsplit(" ", 1)[0]
        hr = item.avg_heartrate
        return f"{hr:.0f}" if hr is not None else ""

    @staticmethod
    def _sort_value(item: WorkoutSummary, column: Column) -> Any:
        return {
            Column.DATE: item.start_time,
            Column.NAME: item.name,
            Column.TYPE: item.type,
            Column.DISTANCE: known_distance(item.total_distance),
            Column.DURATION: item.duration,
            Column.ELEVATION: item.elevation_gain,
            Column.HEARTRATE: item.avg_heartrate,
        }[column]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in the cache (the API cannot): reloads from the first page."""
        if not 0 <= column < len(Column):
            return
        key = SORT_KEYS[Column(column)]
        descending = order == Qt.SortOrder.DescendingOrder
        q = self._query
        self.set_query(WorkoutQuery(q.text, q.category, q.date_from, q.date_to, key, descending))

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and not self._in_flight

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._account is None:
            return
        self._in_flight = True
        generation, offset = self._generation, len(self._rows)
        self.pages_requested.append((generation, offset))
        self._runner.submit(
            self._cache.page,
            self._account,
            self._query,
            offset,
            self._page_size,
            on_result=lambda rows: self._page_arrived(generation, offset, rows),
            on_error=lambda exc: self._page_failed(generation, exc),
            description="Reading cached workouts",
        )

    def _page_arrived(self, generation: int, offset: int, rows: list[WorkoutSummary]) -> None:
        if generation != self._generation:
            log.debug("dropping a stale page (generation %d, offset %d)", generation, offset)
            return
        self._in_flight = False
        if offset != len(self._rows):  # a merge changed the rows meanwhile: ask again
            self.fetchMore(QModelIndex())
            return
        self._has_more = len(rows) == self._page_size
        if rows:
            self.beginInsertRows(QModelIndex(), offset, offset + len(rows) - 1)  # inclusive
            self._rows.extend(rows)
            self._revision += 1
            self.endInsertRows()
        self.page_loaded.emit(len(rows))

    def _page_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._in_flight = False
        self._has_more = False  # don't retry in a loop; refresh() or a new filter tries again
        self.load_failed.emit(str(exc))

    # ------------------------------------------------------------------ merge after a sync

    def refresh(self) -> None:
        """Re-read the loaded span from the cache and merge the differences in place."""
        if self._account is None:
            return
        generation, revision = self._generation, self._revision
        old_ids = [item.id or "" for item in self._rows]
        limit = max(len(self._rows), self._page_size)
        account, query = self._account, self._query

        def read() -> tuple[list[WorkoutSummary], list[Any]]:
            rows = self._cache.page(account, query, 0, limit)
            matcher = difflib.SequenceMatcher(None, old_ids, [r.id or "" for r in rows], False)
            return rows, [tuple(op) for op in matcher.get_opcodes()]

        self._runner.submit(
            read,
            on_result=lambda result: self._merge(generation, revision, limit, *result),
            on_error=lambda exc: self._page_failed(generation, exc),
            description="Reading cached workouts",
        )

    def _merge(
        self,
        generation: int,
        revision: int,
        limit: int,
        rows: list[WorkoutSummary],
        opcodes: list[tuple[str, int, int, int, int]],
    ) -> None:
        if generation != self._generation:
            return
        if revision != self._revision:  # rows changed since the diff was made: try again
            self.refresh()
            return
        for tag, i1, i2, j1, j2 in reversed(opcodes):  # back to front keeps indexes valid
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del self._rows[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                self._rows[i1:i1] = rows[j1:j2]
                self.endInsertRows()
            if tag == "equal":
                self._rows[i1:i2] = rows[j1:j2]
                self.dataChanged.emit(self.index(i1, 0), self.index(i2 - 1, len(Column) - 1))
        self._revision += 1
        if not self._in_flight:
            self._has_more = len(rows) == limit
        self.refreshed.emit()
