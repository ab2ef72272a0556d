"""The preview's fixes for one file: its start time (in the ride's own zone), Split and Trim.

:class:`FixBar` sits under the name, type and notes of the upload preview. It only says what the
user asked for (signals); :class:`~st_desktop.ui.upload.fixes.FixActions` does it on the queue.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.activity import Activity
from st_desktop.ui.i18n import date_format

#: Where the ride's zone came from, for the label beside the start.
_ZONE_SOURCES = {
    "gps": QT_TRANSLATE_NOOP("FixBar", "from the first GPS position"),
    "device": QT_TRANSLATE_NOOP("FixBar", "as the device recorded it"),
    "computer": QT_TRANSLATE_NOOP("FixBar", "this computer's zone: the file says none"),
}


def zone_text(activity: Activity) -> str:
    """ "Europe/Zurich, UTC+02:00, from the first GPS position" for the start's label."""
    local = activity.local_start
    offset = local.utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    utc = f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    name = activity.timezone or utc
    parts = [name] if name == utc else [name, utc]
    source = _ZONE_SOURCES.get(activity.timezone_source)
    if source:
        parts.append(QCoreApplication.translate("FixBar", str(source)))
    return ", ".join(parts)


def to_qdatetime(moment: datetime) -> QDateTime:
    """The wall-clock time of ``moment`` (seconds kept; the zone is shown beside it)."""
    return QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )


class FixBar(QWidget):
    """Start time, Split… and Trim for the file the preview shows.

    Signals:
        start_edited(object): the wall-clock start typed (naive ``datetime``, the ride's zone),
            emitted when editing finishes and only when it differs from the file's.
        split_clicked(): Split… was pressed.
        trim_clicked(): Trim to Selection was pressed.
    """

    start_edited = Signal(object)
    split_clicked = Signal()
    trim_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewFixes")
        self._shown: datetime | None = None  # the start the file has (wall clock)
        self._editable = False
        self._selection: tuple[float, float] | None = None
        self.start_edit = QDateTimeEdit(self)
        self.start_edit.setObjectName("previewStart")
        self.start_edit.setCalendarPopup(True)
        # The locale's date with a four-digit year ("5 08 2010" in the C locale would read
        # badly), and seconds: a start is corrected to the second.
        self.start_edit.setDisplayFormat(f"{date_format()} HH:mm:ss")
        self.start_edit.setAccessibleName(self.tr("Start time"))
        self.start_edit.setToolTip(
            self.tr(
                "When the recording started, in the time zone where it was recorded. Change it "
                "to move every sample; it applies when you leave the field or press Enter."
            )
        )
        self.start_edit.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.start_edit.editingFinished.connect(self._start_finished)
        self.zone_label = QLabel(self)
        self.zone_label.setObjectName("previewZone")
        self.zone_label.setTextFormat(Qt.TextFormat.PlainText)
        self.zone_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.zone_label.setEnabled(False)  # secondary text, drawn grey

        self.split_button = QPushButton(self.tr("S&plit…"), self)
        self.split_button.setObjectName("splitButton")
        self.split_button.setToolTip(
            self.tr(
                "Cut the file into separate workouts: at long gaps, where a new day starts, or "
                "per sport of a multi-sport recording."
            )
        )
        self.split_button.clicked.connect(self.split_clicked)
        self.trim_button = QPushButton(self.tr("T&rim to Selection"), self)
        self.trim_button.setObjectName("trimButton")
        self.trim_button.clicked.connect(self.trim_clicked)
        self.set_selection(None)

        # Two lines: the start and its zone, then the buttons; one line would make the
        # preview too wide for the pane of a 1024 px window.
        start_line = QHBoxLayout()
        start_line.addWidget(self.start_edit)
        start_line.addWidget(self.zone_label, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.split_button)
        buttons.addWidget(self.trim_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(start_line)
        layout.addLayout(buttons)

    def show_activity(self, activity: Activity | None, editable: bool) -> None:
        """Show the file's start (None: nothing to fix) and whether it may still be changed."""
        self._shown = None
        self._editable = editable and activity is not None
        if activity is None:
            self.start_edit.setEnabled(False)
            self.zone_label.clear()
            self.split_button.setEnabled(False)
            self.trim_button.setEnabled(False)
            return
        local = activity.local_start
        shown = local.replace(tzinfo=None, microsecond=0)
        self.start_edit.blockSignals(True)
        self.start_edit.setDateTime(to_qdatetime(shown))
        self.start_edit.blockSignals(False)
        self._shown = shown
        self.zone_label.setText(zone_text(activity))
        self.zone_label.setToolTip(self.zone_label.text())
        self.start_edit.setEnabled(editable)
        self.split_button.setEnabled(editable)
        self.set_selection(self._selection)  # kept while a row is busy, usable again after

    def set_selection(self, selection: tuple[float, float] | None) -> None:
        """The range selected on the charts (seconds since the start), None when none."""
        self._selection = selection
        self.trim_button.setEnabled(self._editable and selection is not None)
        if selection is None:
            self.trim_button.setToolTip(
                self.tr(
                    "Drag across the charts with the Shift key held to select the part to keep."
                )
            )
        else:
            begin, end = selection
            self.trim_button.setToolTip(
                self.tr("Keep only {begin} to {end} after the start; the rest is cut.").format(
                    begin=_clock(begin), end=_clock(end)
                )
            )

    @property
    def selection(self) -> tuple[float, float] | None:
        """The range selected on the charts, if any."""
        return self._selection

    def _start_finished(self) -> None:
        if self._shown is None or not self.start_edit.isEnabled():
            return
        value = self.start_edit.dateTime()
        date, time = value.date(), value.time()
        typed = datetime(
            date.year(), date.month(), date.day(), time.hour(), time.minute(), time.second()
        )
        if typed != self._shown:
            self._shown = typed  # Enter then leaving the field: one request
            self.start_edited.emit(typed)


def _clock(seconds: float) -> str:
    whole = max(0, round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
