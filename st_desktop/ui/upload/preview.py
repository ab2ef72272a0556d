"""The preview of one upload row: summary, duplicate decision, editable metadata, route, charts."""

from __future__ import annotations

import importlib
import logging
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from st_desktop.ui.detail.type_picker import TypePicker
from st_desktop.ui.upload.model import RowStatus, UploadRow, format_distance, format_duration

log = logging.getLogger(__name__)

EDITABLE = frozenset(
    {RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE, RowStatus.FAILED, RowStatus.SKIPPED}
)


def _detail_widget(module: str, name: str, parent: QWidget) -> Any | None:
    """The detail editor's chart or route widget (shared with the editor), if available."""
    try:
        cls = getattr(importlib.import_module(f"st_desktop.ui.detail.{module}"), name)
    except (ImportError, AttributeError):
        log.info("st_desktop.ui.detail.%s.%s is not available; preview without it", module, name)
        return None
    return cls(parent)


class PreviewView(QWidget):
    """Shows the selected row and lets the user edit what travels with the upload.

    Signals:
        edited(int, object, object, object): row id, name, type, notes after a user change.
        duplicate_decided(int, bool): row id, True for "Upload anyway".
    """

    edited = Signal(int, object, object, object)
    duplicate_decided = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self._row_id: int | None = None
        self._units = "metric"
        self._track_for: object = None  # the activity the route and charts show
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(400)
        self._notes_timer.timeout.connect(self._emit_edit)

        self.title = QLabel(self)
        self.title.setObjectName("previewTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("previewSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.duplicate_box = QFrame(self)
        self.duplicate_box.setObjectName("duplicateBox")
        self.duplicate_box.setFrameShape(QFrame.Shape.StyledPanel)
        self.duplicate_reason = QLabel(self.duplicate_box)
        self.duplicate_reason.setWordWrap(True)
        self.duplicate_reason.setTextFormat(Qt.TextFormat.PlainText)
        self.skip_button = QRadioButton("Skip (it is already there)", self.duplicate_box)
        self.skip_button.setObjectName("duplicateSkip")
        self.anyway_button = QRadioButton("Upload anyway", self.duplicate_box)
        self.anyway_button.setObjectName("duplicateUploadAnyway")
        group = QButtonGroup(self)
        group.addButton(self.skip_button)
        group.addButton(self.anyway_button)
        box = QVBoxLayout(self.duplicate_box)
        box.addWidget(self.duplicate_reason)
        box.addWidget(self.skip_button)
        box.addWidget(self.anyway_button)
        self.anyway_button.toggled.connect(self._decided)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("previewName")
        self.name_edit.setPlaceholderText("Name in SportTracks")
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("previewType")
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("previewNotes")
        self.notes_edit.setPlaceholderText("Notes")
        self.notes_edit.setFixedHeight(60)
        form = QFormLayout()
        form.addRow("&Name", self.name_edit)
        form.addRow("&Type", self.type_picker)
        form.addRow("N&otes", self.notes_edit)
        self.name_edit.editingFinished.connect(self._emit_edit)
        self.type_picker.type_changed.connect(self._emit_edit)
        self.notes_edit.textChanged.connect(self._notes_timer.start)  # not on every key

        self.route = _detail_widget("route", "RouteView", self)
        self.charts = _detail_widget("charts", "ChartsView", self)
        views = QSplitter(Qt.Orientation.Vertical, self)
        for view in (self.route, self.charts):
            if view is not None:
                views.addWidget(view)
        self.placeholder = QLabel("Select a file in the list to preview it.", self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)

        layout = QVBoxLayout(self)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.duplicate_box)
        layout.addLayout(form)
        layout.addWidget(views, 1)
        self._content = [self.title, self.summary, views, self.name_edit, self.type_picker,
                         self.notes_edit]  # fmt: skip
        self.show_row(None)

    # ------------------------------------------------------------------ showing

    def set_units(self, units: str) -> None:
        """Metric or imperial figures."""
        self._units = units

    def current_row_id(self) -> int | None:
        """The row shown, if any."""
        return self._row_id

    def show_row(self, row: UploadRow | None, *, keep_edits: bool = False) -> None:
        """Show ``row`` (None: nothing selected).

        Args:
            row: the row to show.
            keep_edits: the row shown already changed (its status, say): refresh the summary
                but leave the name, type and notes fields as the user is typing them.
        """
        if self._notes_timer.isActive():
            self._emit_edit()  # notes typed for the row shown before belong to it
        self._row_id = None  # edits made while filling the fields are not the user's
        self.placeholder.setVisible(row is None)
        for widget in self._content:
            widget.setVisible(row is not None)
        self.duplicate_box.setVisible(row is not None and bool(row.duplicates))
        if row is None:
            return
        activity = row.activity
        self.title.setText(row.name or (activity.name if activity else None) or row.display_name)
        self.summary.setText(self._summary_text(row))
        if row.duplicates:
            self.duplicate_reason.setText(row.message)
            (self.anyway_button if row.upload_anyway else self.skip_button).setChecked(True)
        editable = row.status in EDITABLE and activity is not None
        for widget in (self.name_edit, self.type_picker, self.notes_edit, self.duplicate_box):
            widget.setEnabled(editable)
        if not keep_edits or self._track_for is not activity:
            self.name_edit.setText(row.name or (activity.name if activity else "") or "")
            self.type_picker.set_wire_type(row.sport or None)
            self.notes_edit.blockSignals(True)  # filling the field is not a user edit
            self.notes_edit.setPlainText(row.notes or (activity.notes if activity else "") or "")
            self.notes_edit.blockSignals(False)
            self._show_track(row)
        self._row_id = row.row_id

    def _summary_text(self, row: UploadRow) -> str:
        activity = row.activity
        if activity is None:
            return f"{row.status.value}: {row.message}" if row.message else row.status.value
        parts = [
            activity.start_time.strftime("%a %d %b %Y, %H:%M:%S"),
            format_duration(activity.elapsed_time) if activity.elapsed_time else "",
            format_distance(activity.distance, self._units),
            f"{activity.format} from {activity.device}" if activity.device else activity.format,
        ]
        text = " · ".join(p for p in parts if p)
        if activity.warnings:
            text += "\n⚠ " + "\n⚠ ".join(activity.warnings)
        if row.message and not row.duplicates:
            text += f"\n{row.status.value}: {row.message}"
        return text

    def _show_track(self, row: UploadRow) -> None:
        self._track_for = row.activity
        if (self.route is None and self.charts is None) or row.activity is None:
            return
        from st_desktop.domain.track import Track

        track = Track.from_activity(row.activity)
        for view in (self.route, self.charts):
            if view is not None:
                view.set_track(track, self._units)

    # ------------------------------------------------------------------ user changes

    def flush_edits(self) -> None:
        """Hand over what is typed but not yet reported (before an upload starts)."""
        if self._row_id is not None and self.name_edit.isEnabled():
            self._emit_edit()

    def _emit_edit(self, *_args: object) -> None:
        self._notes_timer.stop()
        if self._row_id is None:
            return
        name = self.name_edit.text().strip() or None
        notes = self.notes_edit.toPlainText()
        self.title.setText(name or self.title.text())
        self.edited.emit(self._row_id, name, self.type_picker.wire_type(), notes)

    def _decided(self, anyway: bool) -> None:
        if self._row_id is not None:
            self.duplicate_decided.emit(self._row_id, anyway)
