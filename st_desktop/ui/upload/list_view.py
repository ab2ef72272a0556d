"""The upload list's table: columns that fit a narrow pane, colours that follow the palette.

The pane shares the window with the workout table: at 1024 px it is about 400 px wide. The file
name takes the room left by the figure columns (each fitted to its longest text, once per batch
of changes, never by measuring every row); when that room gets too small for a readable name,
the figure columns least needed in the list step aside (Type first, then the times), in the
order :data:`HIDE_ORDER` gives, and come back when the pane widens; a column the user sized by
hand stays. What they say is in every row's tooltip and in the preview.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from st_desktop.ui.upload.batch import step_labels
from st_desktop.ui.upload.delegate import UploadRowDelegate, row_height
from st_desktop.ui.upload.model import Column, RowStatus, UploadListModel
from st_desktop.ui.upload.texts import status_text

#: Columns fitted to what they show, once per batch of changes (never by measuring each row).
FITTED = (Column.START, Column.SPORT, Column.DURATION, Column.DISTANCE)
#: Columns that step aside, first to last, when the file name would get too little room.
HIDE_ORDER = (Column.SPORT, Column.DURATION, Column.START, Column.DISTANCE)
#: Room around a cell's text (pixels): the item delegate's margins on both sides.
CELL_MARGIN = 10
#: The figure columns are fitted to the rows at most this often (milliseconds).
FIT_DELAY_MS = 200
#: The file name keeps room for about this many average characters before columns step aside.
FILE_CHARS = 14
#: Room around the status: the cell's margins and the progress bar's frame.
STATUS_MARGIN = 14


class UploadListView(QTableView):
    """The table of upload rows (``uploadList``).

    Args:
        model: the upload rows.
        parent: Qt parent.

    Signals:
        columns_changed(): which columns are shown, or their widths, changed.
    """

    columns_changed = Signal()

    def __init__(self, model: UploadListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadList")
        self.setModel(model)
        self._model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.verticalHeader().hide()
        self.setWordWrap(True)  # "Possible duplicate", the start and the type take two lines
        # Only the two columns drawn differently go through Python; the rest are Qt's own.
        delegate = UploadRowDelegate(self)
        self.setItemDelegateForColumn(Column.STATUS, delegate)
        self.setItemDelegateForColumn(Column.FILE, delegate)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(self))
        # The explanation of each status is drawn under the file name, so the Details column
        # is only there for sorting and screen readers.
        self.setColumnHidden(Column.DETAILS, True)
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0:00") + CELL_MARGIN)
        #: The width each figure column wants (a hidden column measures 0 in Qt).
        self._widths = {column: self.width_for(column, [""]) for column in FITTED}
        for column in FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(column, self._widths[column])
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Stretch)
        # Wide enough for the longest status word and a progress bar, so nothing jumps.
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Fixed)
        self.setColumnWidth(Column.STATUS, self._status_width())
        self._fitted = set(FITTED)  # a column the user resized keeps the user's width
        self._fitting = False
        self._stepped_aside: set[Column] = set()
        header.sectionResized.connect(self._section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self.fit_columns)
        # Rows changed since the last measurement (None: measure every row again). Widths
        # follow the rows that changed, so a bulk drop of thousands of files costs no pass
        # over the whole list per batch.
        self._unmeasured: set[int] | None = None
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(self._measure_all)
        model.modelReset.connect(self._measure_all)
        model.dataChanged.connect(self._data_changed)
        model.set_palette(self.palette())
        self.setAccessibleName(self.tr("Files to upload"))

    # ------------------------------------------------------------------ widths

    def width_for(self, column: Column, texts: Iterable[str]) -> int:
        """The width a figure column needs for ``texts`` (each line of each) and its title."""
        metrics = self.fontMetrics()
        header = self.horizontalHeader()
        title = header.sectionSizeFromContents(column).width()  # the header's own measure
        lines = {line for text in texts for line in text.splitlines()} or {""}
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        return max(title, header.minimumSectionSize(), widest + CELL_MARGIN)

    def file_room(self) -> int:
        """The least width the file name keeps before other columns step aside."""
        return self.fontMetrics().averageCharWidth() * FILE_CHARS + CELL_MARGIN

    def _status_width(self) -> int:
        # The column holds every word of a status (a two-word status wraps) and the bar's step
        # texts whole, in the language shown.
        words = {w for status in RowStatus for w in status_text(status).split()}
        metrics = self.fontMetrics()
        texts = words | set(step_labels())
        return max(metrics.horizontalAdvance(t) for t in texts) + STATUS_MARGIN

    def fit_columns(self) -> None:
        """One measurement for a batch of changes: each figure column fits its longest text."""
        model = self._model
        count = model.rowCount()
        changed, self._unmeasured = self._unmeasured, set()
        rows = range(count) if changed is None else [r for r in changed if r < count]
        for column in self._fitted:
            texts = {str(model.index(i, column).data() or "") for i in rows}
            width = self.width_for(column, texts)
            # Measured again in part: a column only widens (every row fitted before still is).
            self._widths[column] = width if changed is None else max(width, self._widths[column])
            if not self.isColumnHidden(column) and self._widths[column] != self.columnWidth(column):
                self._fitting = True
                self.setColumnWidth(column, self._widths[column])
                self._fitting = False
        self.make_room()

    def make_room(self) -> None:
        """Show the figure columns the width allows, the file name keeping :meth:`file_room`."""
        available = self.viewport().width()
        if available <= 0:
            return
        room = available - self.columnWidth(Column.STATUS) - self.file_room()
        # A column the user sized stays (the user asked for it); the others share the rest.
        shown = {c for c in HIDE_ORDER if c in FITTED and c not in self._fitted}
        room -= sum(self._widths[c] for c in shown)
        # The columns that step aside last are given room first.
        for column in reversed(HIDE_ORDER):
            if column in shown:
                continue
            width = self._widths[column]
            if width <= room:
                shown.add(column)
                room -= width
            else:
                break  # a later one may be narrower, but keep the order predictable
        hidden = set(HIDE_ORDER) - shown
        if hidden == self._stepped_aside:
            return
        self._stepped_aside = hidden
        self._fitting = True
        for column in HIDE_ORDER:
            was_hidden = self.isColumnHidden(column)
            self.setColumnHidden(column, column in hidden)
            if was_hidden and column not in hidden:
                self.setColumnWidth(column, self._widths[column])
        self._fitting = False
        self.columns_changed.emit()

    def stepped_aside(self) -> set[Column]:
        """Figure columns hidden now for want of room."""
        return set(self._stepped_aside)

    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if not self._fitting and column in FITTED and new > 0:
            self._fitted.discard(Column(column))  # the user's width stays
            self._widths[Column(column)] = new

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        if top.column() <= Column.DISTANCE and bottom.column() >= Column.START:
            if self._unmeasured is not None:
                self._unmeasured.update(range(top.row(), bottom.row() + 1))
            self._fit_timer.start()

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._unmeasured is not None:
            self._unmeasured.update(range(first, last + 1))
        self._fit_timer.start()

    def _measure_all(self, *_args: object) -> None:
        self._unmeasured = None  # rows moved up: their numbers changed

    # ------------------------------------------------------------------ events

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.make_room()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._model.set_palette(self.palette())  # light and dark: statuses that read
