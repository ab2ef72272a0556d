"""The preview of one upload row: summary, duplicate decision, editable metadata, route, charts.

The route and charts are the detail editor's own widgets; the charts' crosshair moves the
route's marker, as in the editor. The route sits beside the name, type and notes, so the charts
get the full width and the rest of the height.

A row holds a reduced track, drawn at once. When the user hovers or zooms into the charts of a
long recording, its full track is read again (on a worker, see :mod:`.full_track`) and put behind
the same curves: only the row shown has its full track, and only while it is shown.

Shift+drag across the charts selects the range Trim to Selection keeps; showing another row
clears it. With privacy zones set (:attr:`PreviewView.privacy_zones`), the route draws the zones
near it and, dashed, the part they hide on upload, and a line says how much
(:mod:`.preview_private`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.track import Track
from st_desktop.parsers.privacy import PrivacyZone
from st_desktop.ui import theme
from st_desktop.ui.detail.charts import ChartsView
from st_desktop.ui.detail.route import RouteDisplay, RouteView, swap_in_map
from st_desktop.ui.detail.type_picker import TypePicker
from st_desktop.ui.elided_label import ElidedLabel
from st_desktop.ui.upload.fix_bar import FixBar
from st_desktop.ui.upload.fix_dialogs import SplitDialog
from st_desktop.ui.upload.merging import CHANGEABLE, SelectionPanel
from st_desktop.ui.upload.model import STATUS_COLOUR_NAMES, UploadRow
from st_desktop.ui.upload.preview_parts import (
    duplicate_box,
    duplicate_text,
    status_text,
    summary_text,
)
from st_desktop.ui.upload.preview_private import privacy_label, private_parts, private_sentence

log = logging.getLogger(__name__)

EDITABLE = CHANGEABLE
NOTHING_SELECTED = QT_TRANSLATE_NOOP(
    "PreviewView",
    "Select a file in the list to see its route and charts, and to set the name, type and "
    "notes it is uploaded with.",
)


class PreviewView(QWidget):
    """Shows the selected row and lets the user edit what travels with the upload.

    Signals:
        edited(int, object, object, object): row id, name, type, notes after a user change.
        duplicate_decided(int, bool): row id, True for "Upload anyway".
        full_track_wanted(int): row id whose full track the user wants (hovering or zooming into
            its reduced charts); give it with :meth:`show_full_track`.
        drawn(int): row id whose route and charts were just drawn.
        start_changed(int, object): row id and the new start (aware, in the ride's zone).
        split_requested(int, object): row id and where to cut (a ``SplitChoice``).
        trim_requested(int, float, float): row id and the seconds to keep (from, to).
        merge_requested(list): row ids to join into one workout.
    """

    edited = Signal(int, object, object, object)
    duplicate_decided = Signal(int, bool)
    full_track_wanted = Signal(int)
    drawn = Signal(int)
    start_changed = Signal(int, object)
    split_requested = Signal(int, object)
    trim_requested = Signal(int, float, float)
    merge_requested = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        self._row_id: int | None = None
        self._units = "metric"
        self._track_for: object = None  # the activity the route and charts show
        self._full: Track | None = None  # every sample of the row shown, once read again
        self._full_note = ""  # why they could not be read again
        self._stage = 0  # counts the tracks to draw: a step for an older one does nothing
        self._activity: object = None  # the row's activity (summary, segments, laps)
        #: The selected rows when several are (set by whoever owns the list).
        self.selection_source: Callable[[], list[UploadRow]] = list
        #: The gap Split… proposes first (hours).
        self.split_gap_hours = 2.0
        #: The privacy zones, read whenever a route is drawn (set by whoever keeps them).
        self.privacy_zones: Callable[[], Sequence[PrivacyZone]] = tuple
        self._notes_timer = QTimer(self)
        self._notes_timer.setSingleShot(True)
        self._notes_timer.setInterval(400)
        self._notes_timer.timeout.connect(self._emit_edit)

        self.title = ElidedLabel(self)
        self.title.setObjectName("previewTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("previewSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.duplicate_box, self.duplicate_reason, self.skip_button, self.anyway_button = (
            duplicate_box(self)
        )
        self.anyway_button.toggled.connect(self._decided)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("previewName")
        self.name_edit.setPlaceholderText(self.tr("Name in SportTracks"))
        self.name_edit.setAccessibleName(self.tr("Name"))
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("previewType")
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setObjectName("previewNotes")
        self.notes_edit.setPlaceholderText(self.tr("Notes"))
        # Three lines, as in the editor: a height of its own would overlap the start below it.
        self.notes_edit.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.name_edit.editingFinished.connect(self._emit_edit)
        self.type_picker.type_changed.connect(self._emit_edit)
        self.notes_edit.textChanged.connect(self._notes_timer.start)  # not on every key

        self.route: RouteDisplay = RouteView(self)
        self.charts = ChartsView(self)
        self.charts.cursor_moved.connect(self.route.set_marker_at)
        self.charts.details_wanted.connect(self._details_wanted)
        self.charts.selection_changed.connect(self._selection_changed)
        self.charts.setMinimumHeight(120)  # the pane must fit a 700 px tall window
        self.route.setMinimumHeight(120)

        # Name, type and notes on the left, the route beside them, the charts below.
        self.form_box = QWidget(self)
        self.form_box.setObjectName("previewForm")
        form = QFormLayout(self.form_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Type"), self.type_picker)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        self.fixes = FixBar(self.form_box)
        start_label = QLabel(self.tr("&Start"), self.form_box)
        start_label.setBuddy(self.fixes.start_edit)
        form.addRow(start_label, self.fixes)
        self.fixes.start_edited.connect(self._start_edited)
        self.fixes.split_clicked.connect(self._split_clicked)
        self.fixes.trim_clicked.connect(self._trim_clicked)
        upper = QWidget(self)
        upper_layout = QHBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        # At the top, at its own height: a taller route must not spread the rows apart.
        upper_layout.addWidget(self.form_box, 3, Qt.AlignmentFlag.AlignTop)
        upper_layout.addWidget(self.route, 2)
        self.views = QSplitter(Qt.Orientation.Vertical, self)
        self.views.setObjectName("previewSplitter")
        self.views.setChildrenCollapsible(False)
        self.views.addWidget(upper)
        self.views.addWidget(self.charts)
        self.views.setStretchFactor(0, 0)
        self.views.setStretchFactor(1, 1)
        self.views.setSizes([180, 10_000])  # the form's height; the charts take the rest

        self.status_note = QLabel(self)
        self.status_note.setObjectName("previewStatus")
        self.status_note.setTextFormat(Qt.TextFormat.PlainText)
        self.status_note.setWordWrap(True)
        self.status_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.privacy_note = privacy_label(self)

        content = QWidget(self)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.status_note)
        layout.addWidget(self.privacy_note)
        layout.addWidget(self.duplicate_box)
        layout.addWidget(self.views, 1)
        self.stretch = QWidget(self)  # keeps an unreadable file's text at the top
        layout.addWidget(self.stretch, 1)

        self.selection = SelectionPanel(
            QCoreApplication.translate("PreviewView", str(NOTHING_SELECTED)), self
        )
        self.placeholder = self.selection.label
        self.merge_button = self.selection.merge_button
        self.selection.merge_clicked.connect(self.merge_requested)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.selection)
        self.pages.addWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.show_row(None)

    # ------------------------------------------------------------------ showing

    def set_map_view(self, view: QWidget) -> None:
        """Show the route on ``view`` (a map with tiles) instead of the plain route plot."""
        swap_in_map(self.route, view, self.charts)  # type: ignore[arg-type]
        self.route = view  # type: ignore[assignment]  # a MapView: the same calls
        self._show_private(self.route.track)

    def set_units(self, units: str) -> None:
        """Metric or imperial figures (the charts are redrawn, typed text is kept)."""
        if units == self._units:
            return
        self._units = units
        if self.charts.track is not None:
            self.charts.set_track(self.charts.track, units)
            self.route.set_track(self.route.track, units)
            self._show_private(self.route.track)

    def current_row_id(self) -> int | None:
        """The row shown, if any."""
        return self._row_id

    def is_empty(self) -> bool:
        """True while the empty state (nothing selected) is shown."""
        return self.pages.currentIndex() == 0

    def show_row(
        self, row: UploadRow | None, *, keep_edits: bool = False, selected: int = 0
    ) -> None:
        """Show ``row`` (None: nothing, or several rows, selected).

        Args:
            row: the row to show.
            keep_edits: the row shown already changed (its status, say): refresh the summary
                but leave the name, type and notes fields as the user is typing them.
            selected: how many rows are selected when ``row`` is None.
        """
        if self._notes_timer.isActive():
            self._emit_edit()  # notes typed for the row shown before belong to it
        # The row shown was still being read and now has its data: nobody is stepping through
        # the list, so its route is drawn with its texts (a turn of the event loop sooner).
        arrived = row is not None and row.row_id == self._row_id and self._track_for is None
        if row is None or row.row_id != self._row_id:
            self._full, self._full_note = None, ""  # the full samples go with the row shown
            self.charts.set_selection(None)  # a range of the row shown before
        self._row_id = None  # edits made while filling the fields are not the user's
        if row is None:
            self.pages.setCurrentIndex(0)
            self.selection.show_rows(selected, self.selection_source() if selected > 1 else [])
            self._activity = None
            self._track_for = None
            self._stage += 1
            self.route.set_track(None)
            self._show_private(None)
            self.charts.set_track(None, self._units)
            self.charts.release()
            return
        self.pages.setCurrentIndex(1)
        activity = row.activity
        self._activity = activity
        self.title.setText(row.upload_name or row.display_name)
        self.summary.setText(summary_text(row, self._units))
        self.summary.setVisible(activity is not None)
        note = "\n".join(line for line in (status_text(row), self._full_note) if line)
        self.status_note.setText(note)
        self.status_note.setVisible(bool(note))
        theme.tint_text(self.status_note, STATUS_COLOUR_NAMES.get(row.status))
        self.duplicate_box.setVisible(bool(row.duplicates))
        if row.duplicates:
            self.duplicate_reason.setText(duplicate_text(row))
            (self.anyway_button if row.upload_anyway else self.skip_button).setChecked(True)
        self.views.setVisible(activity is not None)
        self.stretch.setVisible(activity is None)
        editable = row.status in EDITABLE and activity is not None
        self.fixes.show_activity(activity, editable)
        if activity is not None:  # what an unnamed file is called in SportTracks
            self.name_edit.setPlaceholderText(activity.name or row.suggested_name or "")
        for widget in (self.name_edit, self.type_picker, self.notes_edit, self.duplicate_box):
            widget.setEnabled(editable)
        if not keep_edits or self._track_for is not activity:
            self.name_edit.setText(row.name or (activity.name if activity else "") or "")
            self.type_picker.set_wire_type(row.sport or None)
            self.notes_edit.blockSignals(True)  # filling the field is not a user edit
            self.notes_edit.setPlainText(row.notes or (activity.notes if activity else "") or "")
            self.notes_edit.blockSignals(False)
            self._show_track(row, route_now=arrived)
        self._row_id = row.row_id

    def _show_track(self, row: UploadRow, *, route_now: bool = False) -> None:
        """Draw the row's route and charts, each in a turn of the event loop of its own.

        The texts are painted first, then the route, then the charts are set (held: not painted
        yet), then painted: short pauses of the GUI thread instead of one long one, and
        stepping quickly through the list only draws the row it stops at. ``route_now``: the
        route is drawn in this turn, with the texts.
        """
        self._track_for = row.activity
        track = self._full if self._full is not None else row.track
        if track is not self.charts.track:
            self.charts.hold()  # the texts change the charts' size: no repaint of the old ones
        self._stage += 1
        stage = self._stage
        if route_now and row.activity is not None:
            self._draw_route(stage, track)
        else:
            QTimer.singleShot(0, self, lambda: self._draw_route(stage, track))

    def _draw_route(self, stage: int, track: Track | None) -> None:
        if stage == self._stage:
            self.route.set_track(track, self._units)
            self.route.set_marker_at(None)
            self._show_private(track)
            QTimer.singleShot(0, self, lambda: self._draw_charts(stage, track))

    def _draw_charts(self, stage: int, track: Track | None) -> None:
        if stage == self._stage:
            self.charts.set_track(track, self._units)
            QTimer.singleShot(0, self, lambda: self._paint_charts(stage))

    def _paint_charts(self, stage: int) -> None:
        if stage == self._stage:
            self.charts.release()
            if self._row_id is not None:
                self.drawn.emit(self._row_id)

    def _details_wanted(self) -> None:
        if self._row_id is not None and self._full is None and not self._full_note:
            self.full_track_wanted.emit(self._row_id)

    def show_full_track(self, row_id: int, track: Track) -> None:
        """Every sample of ``row_id``'s file (read again): drawn if that row is still shown."""
        if row_id != self._row_id:
            return
        self._full = track
        self._stage += 1  # drawn now: a step still waiting would draw the reduced track
        # Same samples as the reduced track drawn: the views only swap what is behind them.
        self.charts.set_track(track, self._units)
        self.charts.release()
        self.route.set_track(track, self._units)
        self._show_private(track)
        self.drawn.emit(row_id)  # a step still waiting was dropped: it is drawn now

    def _show_private(self, track: Track | None) -> None:
        """Draw the zones near ``track``'s route and what they hide, and say how much."""
        zones, hidden = private_parts(track, self.privacy_zones())
        if track is not None:
            self.route.set_private(zones, hidden)
        text = private_sentence(hidden, self._units)
        self.privacy_note.setText(text)
        self.privacy_note.setVisible(bool(text))

    def full_track_failed(self, row_id: int, reason: str) -> None:
        """The file shown could not be read again: say so; the reduced charts stay."""
        if row_id != self._row_id:
            return
        self._full_note = self.tr("Only a reduced copy of the charts is shown: {reason}").format(
            reason=reason
        )
        text = self.status_note.text()
        self.status_note.setText(f"{text}\n{self._full_note}" if text else self._full_note)
        self.status_note.setVisible(True)

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

    # ------------------------------------------------------------------ fixes

    def _start_edited(self, wall_clock: datetime) -> None:
        activity = self._activity
        if self._row_id is None or activity is None:
            return
        zone = activity.zone  # type: ignore[attr-defined]
        self.start_changed.emit(self._row_id, wall_clock.replace(tzinfo=zone))

    def _split_clicked(self) -> None:
        if self._row_id is None or self._activity is None:
            return
        row_id = self._row_id
        dialog = SplitDialog(self._activity, self.split_gap_hours, self)  # type: ignore[arg-type]

        def chosen() -> None:
            choice = dialog.choice()
            self.split_gap_hours = choice.gap_hours
            self.split_requested.emit(row_id, choice)

        dialog.accepted.connect(chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _selection_changed(self, selection: tuple[float, float] | None) -> None:
        self.fixes.set_selection(selection)

    def _trim_clicked(self) -> None:
        selection = self.fixes.selection
        if self._row_id is not None and selection is not None:
            self.trim_requested.emit(self._row_id, *selection)
