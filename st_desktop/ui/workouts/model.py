"""The workout table model: rows paged in from the offline cache, never blocking the GUI.

DESIGN.md's paged-model pattern, made to scale to 100,000 workouts:

- The first query of a generation reads the first page; a second one counts the matches. Once
  the count is known the model has that many rows, and the scrollbar spans the whole table.
  Rows not read yet are placeholders (empty cells).
- ``canFetchMore`` is true while the page after the loaded top rows is missing and nothing is in
  flight; ``fetchMore`` reads it, continuing from the last loaded row's key (keyset paging:
  as cheap at row 90,000 as at row 0), and returns at once.
- A placeholder the view paints asks for its rows: the requests of one paint are gathered and
  read as one window, continuing from the nearest loaded row above it (an index walk). Dragging
  the scrollbar to 90 % costs one such window.
- Every result carries the generation it was asked for; one from an old generation (the filter,
  sort or account changed meanwhile) is dropped.
- Rows are compact (:class:`~st_desktop.store.cache.WorkoutRow`: the shown figures and the JSON
  text; the summary is parsed when asked for), and only :data:`MAX_LOADED` rows are kept: the
  windows furthest from the last one read go back to placeholders.

:meth:`WorkoutTableModel.refresh` re-reads the loaded top rows after a sync and applies the
difference as row removals, insertions and ``dataChanged``, so the selection and scroll position
survive a background refresh.
"""

from __future__ import annotations

import difflib
import logging
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.store.cache import WorkoutCache, WorkoutQuery, WorkoutRow
from st_desktop.store.paging import LoadedRows
from st_desktop.tasks import TaskRunner
from st_desktop.ui.workouts.columns import (
    ALIGNMENT_ROLE,
    ALL_ROLES,
    DISPLAY_ROLE,
    NUMERIC_COLUMNS,
    RIGHT_ALIGNED,
    SORT_KEYS,
    Column,
    SortRole,
    WorkoutRole,
    display_text,
    extra_data,
    header_text,
    header_tooltip,
    sort_value,
)

__all__ = ["PAGE_SIZE", "SORT_KEYS", "Column", "SortRole", "WorkoutRole", "WorkoutTableModel"]

log = logging.getLogger(__name__)

PAGE_SIZE = 200
#: Rows kept in memory at most (about 1 kB each); windows far from the view are dropped.
MAX_LOADED = 20_000
Index = QModelIndex | QPersistentModelIndex


class WorkoutTableModel(QAbstractTableModel):
    """Cached workouts of one account, filtered and sorted by a :class:`WorkoutQuery`.

    Args:
        runner: runs the cache queries.
        cache: the offline cache.
        page_size: rows per page.
        max_loaded: rows kept in memory at most.

    Signals:
        page_loaded(int): rows read by a page or window (0 for the last, empty page).
        refreshed(): the loaded rows were re-read after a sync.
        load_failed(str): a cache query failed; the sentence says why.
    """

    page_loaded = Signal(int)
    refreshed = Signal()
    load_failed = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        cache: WorkoutCache,
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
        max_loaded: int = MAX_LOADED,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self._cache = cache
        self._page_size = page_size
        self._account: str | None = None
        self._query = WorkoutQuery()
        self._held = LoadedRows(page_size, max_loaded)  # one slot per row; None: a placeholder
        self._pending: set[int] = set()  # pages asked for
        self._wanted: set[int] = set()  # pages of placeholders painted since the last request
        self._counted = False  # the row count is the true total (not just the pages read)
        self._counting = False
        self._end_seen = False  # a short page showed where the rows end
        self._has_more = False
        self._generation = 0
        self._revision = 0  # bumped on every change of row positions, to spot stale results
        self._units = "metric"
        self._want_timer = QTimer(self)
        self._want_timer.setSingleShot(True)
        self._want_timer.setInterval(0)
        self._want_timer.timeout.connect(self._fetch_wanted)
        self.pages_requested: list[tuple[int, int]] = []  # (generation, first row): for tests

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
        """True while a cache query for this generation is running or about to be asked."""
        return (
            bool(self._pending)
            or self._counting
            or bool(self._wanted)
            or self._want_timer.isActive()
        )

    @property
    def has_more(self) -> bool:
        """True while rows below the loaded top rows may still have to be read."""
        return self._has_more

    @property
    def loaded_rows(self) -> int:
        """How many rows hold a workout (the rest are placeholders)."""
        return self._held.loaded

    def is_loaded(self, row: int) -> bool:
        """True when ``row`` holds a workout, False for a placeholder (or no such row)."""
        return 0 <= row < len(self._held) and self._held.rows[row] is not None

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
            if self._held.rows:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._held) - 1, len(Column) - 1)
                )

    def reload(self) -> None:
        """Forget the loaded rows and load the first page again."""
        self.beginResetModel()
        self._generation += 1
        self._revision += 1
        self._held.clear()
        self._pending.clear()
        self._wanted.clear()
        self._counted = self._counting = self._end_seen = False
        self._has_more = self._account is not None
        self._want_timer.stop()
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def workout(self, row: int) -> WorkoutSummary:
        """The summary shown in ``row``.

        A placeholder row (selected, but not read yet or dropped from memory) is read from the
        cache at once: a short indexed query, needed only when a selection outgrows what the
        view shows.

        Raises:
            IndexError: no such row, or the cache no longer has it.
        """
        item = self._held.rows[row]
        if item is None:
            self._read_now(row)
            item = self._held.rows[row]
        if item is None:
            raise IndexError(row)
        return item.summary()

    def row_of(self, workout_id: str) -> int | None:
        """The row showing the workout with this id, if it is loaded."""
        for row, item in enumerate(self._held.rows):
            if item is not None and item.id == workout_id:
                return row
        return None

    # ------------------------------------------------------------------ Qt model API

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._held)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return header_text(Column(section), self._units)
        if role == Qt.ItemDataRole.TextAlignmentRole and Column(section) in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return header_tooltip(Column(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every cell and role on each paint: roles we never answer leave first.
        if role not in ALL_ROLES or not index.isValid():
            return None
        row, rows = index.row(), self._held.rows
        item = rows[row] if row < len(rows) else None
        column = index.column()
        if item is None:
            if role == DISPLAY_ROLE and row < len(rows):
                self._want(row)
                return ""
            return None
        if role == DISPLAY_ROLE:
            return display_text(item, Column(column), self._units)
        if role == ALIGNMENT_ROLE:
            return RIGHT_ALIGNED if column in NUMERIC_COLUMNS else None
        if role == SortRole:
            return sort_value(item, Column(column))
        if role == WorkoutRole:
            return item.summary()
        return extra_data(item, Column(column), role)

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

    # ------------------------------------------------------------------ reading pages

    def _next_page(self) -> int:
        return self._held.top_end() // self._page_size

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._has_more and self._next_page() not in self._pending

    def fetchMore(self, parent: Index) -> None:
        if self.canFetchMore(parent) and self._account is not None:
            self._request([self._next_page()])

    def _request(self, pages: list[int]) -> None:
        """Read consecutive pages as one query, from the nearest loaded row above them."""
        assert self._account is not None
        first = pages[0] * self._page_size
        anchor, after = self._held.anchor(pages[0])
        generation, revision = self._generation, self._revision
        for page in pages:
            self._pending.add(page)
            self.pages_requested.append((generation, page * self._page_size))
        self._runner.submit(
            self._cache.rows,
            self._account,
            self._query,
            len(pages) * self._page_size,
            after=after,
            offset=first - anchor - 1,
            on_result=lambda rows: self._arrived(generation, revision, pages, rows),
            on_error=lambda exc: self._failed(generation, exc),
            description=self.tr("Reading cached workouts"),
            owner=self,  # a model gone (its table closed) takes no more rows
        )

    def _arrived(
        self, generation: int, revision: int, pages: list[int], rows: list[WorkoutRow]
    ) -> None:
        if generation != self._generation:
            log.debug("dropping a stale page (generation %d, pages %s)", generation, pages)
            return
        self._pending.difference_update(pages)
        if revision == self._revision:  # else a merge moved the rows meanwhile: ask again
            self._store(pages, rows)
            if not self._counted and pages[0] == 0:
                if len(rows) < self._page_size:
                    self._counted = True
                else:
                    self._count(generation)
            self.page_loaded.emit(len(rows))
            self._check_end()
        self._fetch_wanted()  # what the view painted meanwhile

    def _check_end(self) -> None:
        # Every counted row is read and the last page was full: the count is a snapshot, so one
        # more page (normally empty) says whether rows were added since. A view asks for it only
        # when its scrollbar moves, which a page read in place does not do.
        if self._counted and self._has_more and self._held.top_end() == len(self._held):
            self.fetchMore(QModelIndex())

    def _store(self, pages: list[int], rows: list[WorkoutRow]) -> None:
        first = pages[0] * self._page_size
        end = first + len(rows)
        self._resize(max(end, len(self._held)))  # before the count, or rows added since it
        self._held.put(pages, rows)
        if len(rows) < len(pages) * self._page_size:  # the end of the rows
            self._end_seen = True
            if self._counted:  # rows deleted since the count
                self._resize(end)
        if rows:
            self.dataChanged.emit(self.index(first, 0), self.index(end - 1, len(Column) - 1))
        self._held.evict(pages)
        self._has_more = not self._end_seen or self._held.top_end() < len(self._held)

    def _count(self, generation: int) -> None:
        assert self._account is not None
        self._counting = True
        self._runner.submit(
            self._cache.count,
            self._account,
            self._query,
            on_result=lambda total: self._counted_rows(generation, total),
            on_error=lambda exc: self._failed(generation, exc),
            description=self.tr("Counting cached workouts"),
            owner=self,  # a model gone (its table closed) takes no more rows
        )

    def _counted_rows(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._counting = False
        self._counted = True
        self._resize(max(total, len(self._held)))
        self._has_more = not self._end_seen or self._held.top_end() < len(self._held)
        self._check_end()
        self._fetch_wanted()

    def _resize(self, total: int) -> None:
        """Add placeholders up to ``total`` rows, or drop the rows past it."""
        if total > len(self._held):
            self.beginInsertRows(QModelIndex(), len(self._held), total - 1)  # last is inclusive
            self._held.grow(total)
            self.endInsertRows()
        elif total < len(self._held):
            self.beginRemoveRows(QModelIndex(), total, len(self._held) - 1)
            self._held.shrink(total)
            self.endRemoveRows()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._pending.clear()
        self._counting = False
        self._has_more = False  # don't retry in a loop; refresh() or a new filter tries again
        self._wanted.clear()
        self.load_failed.emit(str(exc))

    # ------------------------------------------------------------------ rows the view paints

    def _want(self, row: int) -> None:
        self._wanted.add(row // self._page_size)
        if not self._want_timer.isActive():
            self._want_timer.start()

    def _fetch_wanted(self) -> None:
        """Read the pages of the placeholders painted since the last request."""
        if self._account is None:
            self._wanted.clear()
            return
        wanted = (p for p in self._wanted if p not in self._pending)
        pages = sorted(p for p in wanted if not self._held.has_page(p))
        self._wanted.clear()
        runs: list[list[int]] = []
        for page in pages:
            if page * self._page_size >= len(self._held):
                continue
            if runs and runs[-1][-1] == page - 1:
                runs[-1].append(page)
            else:
                runs.append([page])
        for run in runs:
            self._request(run)

    def _read_now(self, row: int) -> None:
        """Read the page of ``row`` on this thread (see :meth:`workout`)."""
        if self._account is None:
            return
        page = row // self._page_size
        first = page * self._page_size
        anchor, after = self._held.anchor(page)
        rows = self._cache.rows(
            self._account, self._query, self._page_size, after=after, offset=first - anchor - 1
        )
        self._store([page], rows)

    # ------------------------------------------------------------------ merge after a sync

    def refresh(self) -> None:
        """Re-read the loaded top rows from the cache and merge the differences in place.

        Rows loaded further down (after a jump) go back to placeholders and are read again when
        shown; the row count follows the cache.
        """
        if self._account is None:
            return
        generation, revision, top = self._generation, self._revision, self._held.top_end()
        old_ids = [item.id for item in self._held.rows[:top] if item is not None]
        size = self._page_size
        limit = max(size, -(-top // size) * size)  # whole pages
        account, query = self._account, self._query

        def read() -> tuple[list[WorkoutRow], int, list[Any]]:
            rows = self._cache.rows(account, query, limit)
            total = self._cache.count(account, query) if len(rows) == limit else len(rows)
            matcher = difflib.SequenceMatcher(None, old_ids, [r.id for r in rows], False)
            return rows, total, [tuple(op) for op in matcher.get_opcodes()]

        self._runner.submit(
            read,
            on_result=lambda result: self._merge(generation, revision, top, limit, *result),
            on_error=lambda exc: self._failed(generation, exc),
            description=self.tr("Reading cached workouts"),
            owner=self,  # a model gone (its table closed) takes no more rows
        )

    def _merge(
        self,
        generation: int,
        revision: int,
        top: int,
        limit: int,
        rows: list[WorkoutRow],
        total: int,
        opcodes: list[tuple[str, int, int, int, int]],
    ) -> None:
        if generation != self._generation:
            return
        if revision != self._revision or top != self._held.top_end():  # rows changed: try again
            self.refresh()
            return
        self._revision += 1
        cleared = self._held.forget_from(top)  # below the top: placeholders, moved along
        if cleared:
            self.dataChanged.emit(
                self.index(cleared[0], 0), self.index(cleared[1], len(Column) - 1)
            )
        slots = self._held.rows
        for tag, i1, i2, j1, j2 in reversed(opcodes):  # back to front keeps indexes valid
            if tag in ("delete", "replace"):
                self.beginRemoveRows(QModelIndex(), i1, i2 - 1)
                del slots[i1:i2]
                self.endRemoveRows()
            if tag in ("insert", "replace"):
                self.beginInsertRows(QModelIndex(), i1, i1 + (j2 - j1) - 1)
                slots[i1:i1] = rows[j1:j2]
                self.endInsertRows()
            if tag == "equal":
                slots[i1:i2] = rows[j1:j2]
                self.dataChanged.emit(self.index(i1, 0), self.index(i2 - 1, len(Column) - 1))
        self._held.reset_pages()  # pages in flight carry the old revision: they will be dropped
        self._end_seen = len(rows) < limit
        self._counted = True
        self._store(list(range(max(1, -(-len(rows) // self._page_size)))), rows)
        self._resize(max(total, self._held.top_end()))
        self._has_more = not self._end_seen or self._held.top_end() < len(self._held)
        self.refreshed.emit()
