"""The upload pane: the list of dropped files, the preview, and the upload buttons.

The list repaints only the cells a change touches and never asks its rows for their size: the
figure columns are fitted to the texts they show once per batch of changes, and the preview is
brought up to date once per turn of the event loop, however many rows changed in it.

From top to bottom: the buttons (:mod:`.actions`, in places that never move), the hint of an
empty list, the list (:mod:`.list_view`), the progress of an upload run (``batchProgress``), the
status line (:mod:`.notice`), and under the splitter the preview of the selected file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMenu,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from st_desktop.memory import release_free_memory
from st_desktop.ui.i18n import plural
from st_desktop.ui.upload.actions import UploadButtons
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.delegate import row_height
from st_desktop.ui.upload.drop import DropTarget
from st_desktop.ui.upload.full_track import FullTrackLoader
from st_desktop.ui.upload.list_view import UploadListView
from st_desktop.ui.upload.model import REMOVABLE, UPLOADABLE, RowStatus, UploadRow
from st_desktop.ui.upload.notice import Notice, NoticeLine
from st_desktop.ui.upload.preview import PreviewView

#: Quiet time after which freed memory is given back (ms).
TRIM_AFTER_MS = 1000
#: How often the buttons follow the rows while many change (a pass over every row each time).
BUTTONS_EVERY_MS = 100


class UploadPane(QWidget):
    """Drop files here (or anywhere on the window), preview them, fix them, upload them.

    Args:
        controller: does the work; the pane only shows its model and forwards clicks.
        parent: Qt parent.

    Signals:
        files_added(list): paths just handed to the pane (dropped, opened or on the command line).
        workouts_uploaded(list): uris of the workouts created (relayed from the controller).
        show_workout_requested(str): the uri of an uploaded row's workout, to select it in the
            workout table ("Show in Table", double-click or Enter on an uploaded row).
    """

    files_added = Signal(list)
    workouts_uploaded = Signal(list)
    show_workout_requested = Signal(str)

    def __init__(self, controller: UploadController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("uploadPane")
        self.controller = controller
        self.model = controller.model
        self.drop_target = DropTarget(self)
        self.drop_target.watch(self)
        self.drop_target.paths_dropped.connect(self.add_paths)

        self.hint = QLabel(
            self.tr("Drop FIT, TCX or GPX files, folders or .zip archives anywhere on the window."),
            self,
        )
        self.hint.setObjectName("uploadHint")
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.list = UploadListView(self.model, self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.activated.connect(self._activated)  # Enter, double-click

        self.preview = PreviewView(self)
        self.preview.edited.connect(controller.set_edits)
        self.preview.duplicate_decided.connect(controller.set_upload_anyway)
        self.full_tracks = FullTrackLoader(controller.service, controller.runner, self)
        self.full_tracks.loaded.connect(self.preview.show_full_track)
        self.full_tracks.failed.connect(self.preview.full_track_failed)
        self.preview.full_track_wanted.connect(self._read_full_track)
        self.preview.drawn.connect(controller.preview_drawn)

        self.buttons = UploadButtons(self, self.list)
        self.upload_button = self.buttons.upload_button
        self.cancel_button = self.buttons.cancel_button
        self.remove_button = self.buttons.remove_button
        self.clear_button = self.buttons.clear_button
        self._connect_buttons()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("batchProgress")
        self.progress.setAccessibleName(self.tr("Upload progress"))
        self.progress.setTextVisible(True)
        self.progress.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.progress.hide()
        self.notice = NoticeLine(self)
        self.status_label = self.notice.label
        self._progress = (0, 0)

        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(self.buttons.row)
        top_layout.addWidget(self.hint)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.progress)
        top_layout.addWidget(self.notice)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("uploadSplitter")
        splitter.addWidget(top)
        # On a low screen the preview scrolls instead of squeezing its fields into each other.
        scroll = QScrollArea(self)
        scroll.setObjectName("previewScroll")
        scroll.setWidget(self.preview)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        bar = scroll.verticalScrollBar().sizeHint().width()
        scroll.setMinimumWidth(self.preview.minimumSizeHint().width() + bar)
        splitter.addWidget(scroll)
        splitter.setChildrenCollapsible(False)
        # The list gets a few rows; the preview (route and charts) the rest.
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([row_height(self.list) * 6, 10_000])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)

        # Many rows change in one turn of the event loop (a drop, an upload step): the preview
        # follows once, after it.
        self._changed_rows: set[int] = set()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self._refresh)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.dataChanged.connect(self._data_changed)
        # A drop of thousands of files changes rows thousands of times in a few turns of the
        # event loop: the buttons (a pass over every row) follow at most every BUTTONS_EVERY_MS.
        self._buttons_timer = QTimer(self)
        self._buttons_timer.setSingleShot(True)
        self._buttons_timer.setInterval(BUTTONS_EVERY_MS)
        self._buttons_timer.timeout.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._buttons_timer.start)
        # Once the list has been quiet for a moment after a burst of work (a drop, a preview,
        # an upload run), the memory it freed goes back to the system.
        self._trim_timer = QTimer(self)
        self._trim_timer.setSingleShot(True)
        self._trim_timer.setInterval(TRIM_AFTER_MS)
        self._trim_timer.timeout.connect(release_free_memory)
        for signal in (
            self.model.dataChanged,
            self.model.rowsRemoved,
            controller.busy_changed,
            self.list.selectionModel().selectionChanged,
        ):
            signal.connect(self._trim_timer.start)
        self.model.rowsRemoved.connect(self._rows_removed)
        controller.notice_changed.connect(self.notice.show_notice)
        controller.status_changed.connect(self._status_changed)
        controller.busy_changed.connect(self._update_buttons)
        controller.batch_progress.connect(self._show_progress)
        controller.workouts_uploaded.connect(self.workouts_uploaded)
        self._update_buttons()

    def _connect_buttons(self) -> None:
        buttons = self.buttons
        buttons.upload_button.clicked.connect(self.upload_selected_or_all)
        buttons.cancel_button.clicked.connect(self.controller.cancel)
        buttons.remove_button.clicked.connect(self.remove_selected)
        buttons.clear_button.clicked.connect(self.clear_uploaded)
        buttons.remove_action.triggered.connect(self.remove_selected)
        buttons.upload_action.triggered.connect(self.upload_selected_or_all)
        buttons.clear_action.triggered.connect(self.clear_uploaded)
        buttons.show_action.triggered.connect(self.show_selected_in_table)

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

    def clear_uploaded(self) -> int:
        """Take every uploaded row off the list (the queue's archive keeps them); returns how
        many."""
        uploaded = [r.row_id for r in self.model.rows() if r.status == RowStatus.UPLOADED]
        self.controller.remove(uploaded)
        return len(uploaded)

    def show_in_table(self, row: UploadRow) -> bool:
        """Ask for the workout of an uploaded row in the table; False when it has none."""
        if row.status != RowStatus.UPLOADED or not row.uris:
            return False
        self.show_workout_requested.emit(row.uris[0])
        return True

    def show_selected_in_table(self) -> None:
        """Show in Table for the current uploaded row."""
        current = self._current_row()
        if current is not None:
            self.show_in_table(current)

    def show_duplicate_reasons(self, row: UploadRow) -> None:
        """Every reason a row may already be in SportTracks, listed under the status line."""
        reasons = row.duplicate_reasons
        self.notice.show_notice(
            Notice(
                plural(
                    len(reasons),
                    self.tr("{file} may already be uploaded, for {count} reason:"),
                    self.tr("{file} may already be uploaded, for {count} reasons:"),
                    file=row.display_name,
                ),
                tuple(reasons),
            )
        )
        self.notice.show_details()

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

    def context_menu(self, row: UploadRow | None) -> QMenu:
        """The menu for the rows selected (``row``: the one clicked)."""
        menu = QMenu(self)
        menu.setObjectName("uploadListMenu")
        if row is not None and row.status == RowStatus.UPLOADED and row.uris:
            if len(row.uris) == 1:
                menu.addAction(self.buttons.show_action)
            for number, uri in enumerate(row.uris if len(row.uris) > 1 else (), start=1):
                action = menu.addAction(
                    self.tr("Show Workout {number} of {count} in Table").format(
                        number=QLocale().toString(number), count=QLocale().toString(len(row.uris))
                    )
                )
                action.triggered.connect(lambda _=False, u=uri: self.show_workout_requested.emit(u))
        if row is not None and len(row.duplicates) > 1:
            reasons = menu.addAction(
                self.tr("Show All {count} Reasons").format(
                    count=QLocale().toString(len(row.duplicates))
                )
            )
            reasons.setObjectName("uploadShowReasonsAction")
            reasons.triggered.connect(lambda: self.show_duplicate_reasons(row))
        if not menu.isEmpty():
            menu.addSeparator()
        for action in (self.buttons.upload_action, self.buttons.remove_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.buttons.clear_action)
        return menu

    # ------------------------------------------------------------------ slots

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        row = self.model.row_at(index.row()) if index.isValid() else None
        menu = self.context_menu(row)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(pos))

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.show_in_table(self.model.row_at(index.row()))

    def _current_row(self) -> UploadRow | None:
        rows = self.selected_rows()
        return rows[0] if len(rows) == 1 else None

    def _selection_changed(self) -> None:
        self.full_tracks.forget()  # a wish for another row is not read any more
        current = self._current_row()
        self.controller.preview_shows(current.row_id if current is not None else None)
        self.preview.show_row(current, selected=len(self.selected_rows()))
        self._update_buttons()

    def _read_full_track(self, row_id: int) -> None:
        row = self.model.row(row_id)
        if row is not None and row.item_id is not None:
            self.full_tracks.want(row_id, row.item_id)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        for position in range(top.row(), bottom.row() + 1):
            self._changed_rows.add(self.model.row_at(position).row_id)
        if not self._refresh_timer.isActive():
            self._refresh_timer.start()
        if not self._buttons_timer.isActive():
            self._buttons_timer.start()

    def _status_changed(self, text: str) -> None:
        # Sentences said with Notice come first (with their details); a plain sentence (the
        # fixes' "Split ride.gpx into 3 files.") is shown as it is.
        if text != self.notice.notice.text:
            self.notice.show_notice(Notice(text))

    def _rows_removed(self, *_args: object) -> None:
        if self.model.rowCount() == 0:
            self.notice.clear_if_about_list()  # "ride.fit is already in the list." is not
        self._update_buttons()

    def _refresh(self) -> None:
        changed, self._changed_rows = self._changed_rows, set()
        current = self._current_row()
        if current is not None and current.row_id in changed:
            # The same row changed (status, a parse result): keep what the user is typing.
            same = self.preview.current_row_id() == current.row_id
            self.preview.show_row(current, keep_edits=same)

    def _show_progress(self, done: int, total: int) -> None:
        """``Uploading 12 of 37`` while a run is open; hidden when there is none."""
        self._progress = (done, total)
        if not total:
            self.progress.hide()
            return
        self.progress.setRange(0, total)
        self.progress.setValue(done)
        if self.controller.account is not None:  # going, or waiting for a retry
            text = self.tr("Uploading {number} of {total}").format(
                number=QLocale().toString(min(done + 1, total)), total=QLocale().toString(total)
            )
        else:
            text = self.tr("{done} of {total} sent, the rest waiting for sign-in").format(
                done=QLocale().toString(done), total=QLocale().toString(total)
            )
        self.progress.setFormat(text)
        self.progress.setAccessibleDescription(text)
        self.progress.show()

    def _update_buttons(self, *_args: object) -> None:
        everything = self.model.rows()
        selected = self.selected_rows()
        rows = selected or everything
        waiting = any(r.status == RowStatus.QUEUED for r in everything)
        ready = any(r.status in UPLOADABLE and not r.checking for r in rows)
        self.upload_button.setEnabled(waiting or ready)
        self.buttons.upload_action.setEnabled(waiting or ready)
        # Queued files may be taken back while they wait (for a sign-in, or a retry) too.
        sending = (RowStatus.QUEUED, RowStatus.UPLOADING)
        self.cancel_button.setEnabled(any(r.status in sending for r in everything))
        removable = any(r.status in REMOVABLE for r in selected)
        self.remove_button.setEnabled(removable)
        self.buttons.remove_action.setEnabled(removable)
        uploaded = any(r.status == RowStatus.UPLOADED for r in everything)
        self.clear_button.setEnabled(uploaded)
        self.buttons.clear_action.setEnabled(uploaded)
        current = selected[0] if len(selected) == 1 else None
        self.buttons.show_action.setEnabled(
            current is not None and current.status == RowStatus.UPLOADED and bool(current.uris)
        )
        self.hint.setVisible(not everything)
