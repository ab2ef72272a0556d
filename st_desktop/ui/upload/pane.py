"""The upload pane: the list of dropped files, the preview, and the upload buttons.

The list repaints only the cells a change touches and never asks its rows for their size: the
figure columns are fitted to the texts they show once per batch of changes, and the preview is
brought up to date once per turn of the event loop, however many rows changed in it.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.delegate import UploadRowDelegate, row_height
from st_desktop.ui.upload.drop import DropTarget
from st_desktop.ui.upload.full_track import FullTrackLoader
from st_desktop.ui.upload.model import (
    REMOVABLE,
    UPLOADABLE,
    Column,
    RowStatus,
    UploadRow,
)
from st_desktop.ui.upload.preview import PreviewView

#: Columns fitted to what they show, once per batch of changes (never by measuring each row).
FITTED = (Column.START, Column.SPORT, Column.DURATION, Column.DISTANCE)
#: Room around a cell's text (pixels): the item delegate's margins on both sides.
CELL_MARGIN = 8
#: The figure columns are fitted to the rows at most this often (milliseconds).
FIT_DELAY_MS = 200


class UploadPane(QWidget):
    """Drop files here (or anywhere on the window), preview them, fix them, upload them.

    Args:
        controller: does the work; the pane only shows its model and forwards clicks.
        parent: Qt parent.

    Signals:
        files_added(list): paths just handed to the pane (dropped, opened or on the command line).
        workouts_uploaded(list): uris of the workouts created (relayed from the controller).
    """

    files_added = Signal(list)
    workouts_uploaded = Signal(list)

    def __init__(self, controller: UploadController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadPane")
        self.controller = controller
        self.model = controller.model
        self.drop_target = DropTarget(self)
        self.drop_target.watch(self)
        self.drop_target.paths_dropped.connect(self.add_paths)

        self.hint = QLabel(
            "Drop FIT, TCX or GPX files, folders or .zip archives anywhere on the window.", self
        )
        self.hint.setObjectName("uploadHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.list = QTableView(self)
        self.list.setObjectName("uploadList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.verticalHeader().hide()
        self.list.setWordWrap(True)  # "Possible duplicate" and the start take two lines
        # Only the two columns drawn differently go through Python; the rest are Qt's own.
        delegate = UploadRowDelegate(self.list)
        self.list.setItemDelegateForColumn(Column.STATUS, delegate)
        self.list.setItemDelegateForColumn(Column.FILE, delegate)
        rows = self.list.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(row_height(self.list))
        # The list shares the window with the workout table: the explanation of each status is
        # drawn under the file name, so the Details column is only there for sorting and
        # screen readers.
        self.list.setColumnHidden(Column.DETAILS, True)
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        metrics = self.list.fontMetrics()
        header.setMinimumSectionSize(metrics.horizontalAdvance("0:00:00") + 8)
        # Widths from the texts shown, measured once per batch of changes: never by asking every
        # row for its size (that re-measured every row at every change: quadratic in a drop).
        for column in FITTED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.list.setColumnWidth(column, self._width_for(column, [""]))
        header.setSectionResizeMode(Column.FILE, QHeaderView.ResizeMode.Stretch)
        self._fitted = set(FITTED)  # a column the user resized keeps the user's width
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(FIT_DELAY_MS)
        self._fit_timer.timeout.connect(self._fit_columns)
        # Wide enough for the longest status and a progress bar, so nothing jumps.
        header.setSectionResizeMode(Column.STATUS, QHeaderView.ResizeMode.Fixed)
        widest = max(
            metrics.horizontalAdvance(t) for t in ("Uploading", "duplicate", "Sending 1/2…")
        )
        self.list.setColumnWidth(Column.STATUS, widest + 28)  # the bar's frame and margins
        self.list.setAccessibleName("Files to upload")

        self.preview = PreviewView(self)
        self.preview.edited.connect(controller.set_edits)
        self.preview.duplicate_decided.connect(controller.set_upload_anyway)
        self.full_tracks = FullTrackLoader(controller.service, controller.runner, self)
        self.full_tracks.loaded.connect(self.preview.show_full_track)
        self.full_tracks.failed.connect(self.preview.full_track_failed)
        self.preview.full_track_wanted.connect(self._read_full_track)

        self.upload_button = QPushButton("&Upload", self)
        self.upload_button.setObjectName("uploadButton")
        self.upload_button.setToolTip("Upload the selected files, or all when none is selected")
        self.upload_button.clicked.connect(self.upload_selected_or_all)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("uploadCancel")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(controller.cancel)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setObjectName("uploadRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("uploadStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)

        buttons = QHBoxLayout()
        buttons.addWidget(self.upload_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.list, 1)
        top_layout.addLayout(buttons)
        top_layout.addWidget(self.status_label)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("uploadSplitter")
        splitter.addWidget(top)
        splitter.addWidget(self.preview)
        splitter.setChildrenCollapsible(False)
        # The list gets a few rows; the preview (route and charts) the rest.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([row_height(self.list) * 9, 10_000])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        self._add_shortcuts()
        # Many rows change in one turn of the event loop (a drop, an upload step): the preview
        # follows once, after it.
        self._changed_rows: set[int] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.dataChanged.connect(self._data_changed)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.rowsRemoved.connect(self._update_buttons)
        controller.status_changed.connect(self.status_label.setText)
        controller.busy_changed.connect(self._update_buttons)
        controller.workouts_uploaded.connect(self.workouts_uploaded)
        self._update_buttons()

    def _add_shortcuts(self) -> None:
        delete = QAction("Remove from list", self)
        delete.setObjectName("uploadRemoveAction")
        delete.setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.Delete), QKeySequence("Backspace")]
        )
        delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.triggered.connect(self.remove_selected)
        self.list.addAction(delete)
        upload = QAction("Upload selected", self)
        upload.setObjectName("uploadSelectedAction")
        upload.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        upload.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        upload.triggered.connect(self.upload_selected_or_all)
        self.addAction(upload)

    # ------------------------------------------------------------------ public API

    def add_paths(self, paths: list[Path]) -> None:
        """Add files (from the command line, File > Open or a drop) to the pane."""
        paths = list(paths)
        self.controller.add_paths(paths)
        self.files_added.emit(paths)

    def set_units(self, units: str) -> None:
        """Show distances in "metric" or "imperial" units."""
        self.model.set_units(units)
        self.preview.set_units(units)
        current = self._current_row()
        same = current is not None and self.preview.current_row_id() == current.row_id
        self.preview.show_row(current, keep_edits=same, selected=len(self.selected_rows()))

    def selected_rows(self) -> list[UploadRow]:
        """Rows selected in the list, in list order."""
        indexes = sorted(self.list.selectionModel().selectedRows(), key=QModelIndex.row)
        return [self.model.row_at(i.row()) for i in indexes]

    def upload_selected_or_all(self) -> int:
        """Upload the selected rows, or every uploadable row when none is selected."""
        self.preview.flush_edits()  # Ctrl+Enter while typing: the typed text goes along
        selected = self.selected_rows()
        return self.controller.upload([r.row_id for r in selected] if selected else None)

    def remove_selected(self) -> None:
        """Remove the selected rows that are not being uploaded."""
        self.controller.remove([r.row_id for r in self.selected_rows()])

    def select_row(self, row_id: int) -> None:
        """Select one row (and preview it)."""
        position = self.model.position(row_id)
        if position >= 0:
            self.list.selectionModel().select(
                self.model.index(position, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.list.setCurrentIndex(self.model.index(position, 0))

    # ------------------------------------------------------------------ slots

    def _current_row(self) -> UploadRow | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        self.full_tracks.forget()  # a wish for another row is not read any more
        self.preview.show_row(self._current_row(), selected=len(self.selected_rows()))
        self._update_buttons()

    def _read_full_track(self, row_id: int) -> None:
        row = self.model.row(row_id)
        if row is not None and row.item_id is not None:
            self.full_tracks.want(row_id, row.item_id)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        for position in range(top.row(), bottom.row() + 1):
            self._changed_rows.add(self.model.row_at(position).row_id)
        if top.column() <= Column.DISTANCE and bottom.column() >= Column.START:
            self._fit_timer.start()
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()
        self._update_buttons()

    def _rows_inserted(self, *_args: object) -> None:
        self._fit_timer.start()
        self._update_buttons()

    def _refresh(self) -> None:
        changed, self._changed_rows = self._changed_rows, set()
        current = self._current_row()
        if current is not None and current.row_id in changed:
            # The same row changed (status, a parse result): keep what the user is typing.
            same = self.preview.current_row_id() == current.row_id
            self.preview.show_row(current, keep_edits=same)

    # ------------------------------------------------------------------ column widths

    def _width_for(self, column: Column, texts: Iterable[str]) -> int:
        metrics = self.list.fontMetrics()
        header = self.list.horizontalHeader()
        title = header.sectionSizeFromContents(column).width()  # the header's own measure
        lines = {line for text in texts for line in text.splitlines()} or {""}
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        return max(title, header.minimumSectionSize(), widest + CELL_MARGIN)

    def _fit_columns(self) -> None:
        """One measurement for a batch of changes: each figure column fits its longest text."""
        model = self.model
        for column in self._fitted:
            texts = {str(model.index(i, column).data() or "") for i in range(model.rowCount())}
            width = self._width_for(column, texts)
            if width != self.list.columnWidth(column):
                self._fitting = True
                self.list.setColumnWidth(column, width)
                self._fitting = False

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if not self._fitting and column in FITTED:
            self._fitted.discard(Column(column))

    def _update_buttons(self, *_args: object) -> None:
        rows = self.selected_rows() or self.model.rows()
        waiting = any(r.status == RowStatus.QUEUED for r in self.model.rows())
        ready = any(r.status in UPLOADABLE and not r.checking for r in rows)
        self.upload_button.setEnabled(waiting or ready)
        # Queued files may be taken back while they wait (for a sign-in, or a retry) too.
        sending = (RowStatus.QUEUED, RowStatus.UPLOADING)
        self.cancel_button.setEnabled(any(r.status in sending for r in self.model.rows()))
        self.remove_button.setEnabled(any(r.status in REMOVABLE for r in self.selected_rows()))
        self.hint.setVisible(self.model.rowCount() == 0)
