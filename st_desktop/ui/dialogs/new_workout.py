"""Manual entry of a workout: start, duration, distance, type, name and notes."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from st_desktop.domain.units import distance_unit, parse_distance, parse_duration
from st_desktop.domain.workout import Workout
from st_desktop.ui import theme
from st_desktop.ui.detail.type_picker import TypePicker
from st_desktop.ui.i18n import date_format
from st_desktop.ui.keyboard import TabLeaves


class NewWorkoutDialog(QDialog):
    """Asks for a workout typed in by hand; OK stays disabled until duration and distance read.

    Open it with ``open()`` (non-blocking) and read :meth:`workout` once ``accepted`` fires.

    Args:
        units: "metric" or "imperial": the unit of a distance typed without one.
    """

    def __init__(self, units: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newWorkoutDialog")
        self.setWindowTitle(self.tr("New Workout"))
        self._units = units
        self.start = QDateTimeEdit(QDateTime.currentDateTime().addSecs(-3600), self)
        self.start.setObjectName("newStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat(date_format(time=True))
        self.start.setAccessibleName(self.tr("Start date and time"))
        TabLeaves(self.start)  # Tab goes on to the duration, not to the date's next section
        self.duration = QLineEdit(self)
        self.duration.setObjectName("newDuration")
        self.duration.setPlaceholderText(self.tr("1:02:45, 45:00 or 90 min"))
        self.distance = QLineEdit(self)
        self.distance.setObjectName("newDistance")
        self.distance.setPlaceholderText(
            self.tr("5 km, 3.1 mi or 800 m (plain numbers: {unit})").format(
                unit=distance_unit(units)[1]
            )
        )
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("newType")
        self.type_picker.set_wire_type("Running")
        self.name = QLineEdit(self)
        self.name.setObjectName("newName")
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("newNotes")
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.notes.setTabChangesFocus(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("newProblem")
        theme.tint_text(self.problem, "error")  # follows light and dark
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Start:"), self.start)
        form.addRow(self.tr("D&uration:"), self.duration)
        form.addRow(self.tr("&Distance:"), self.distance)
        form.addRow(self.tr("&Type:"), self.type_picker)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("N&otes:"), self.notes)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        self.duration.textChanged.connect(self._validate)
        self.distance.textChanged.connect(self._validate)
        self.resize(440, self.sizeHint().height())
        self._validate()

    def _read(self) -> tuple[float, float | None]:
        """Duration and distance (None when left empty); ValueError says what is wrong."""
        duration = parse_duration(self.duration.text())
        if duration <= 0:
            raise ValueError(self.tr("The duration must be longer than zero."))
        text = self.distance.text().strip()
        return duration, parse_distance(text, self._units) if text else None

    def _validate(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if not self.duration.text().strip():
            self.problem.setText("")
            ok.setEnabled(False)
            return
        try:
            self._read()
        except ValueError as exc:
            self.problem.setText(str(exc))
            ok.setEnabled(False)
        else:
            self.problem.setText("")
            ok.setEnabled(True)

    def workout(self) -> Workout:
        """The workout as entered (call after the dialog was accepted).

        Raises:
            ValueError: the duration or distance cannot be read.
        """
        duration, distance = self._read()
        start: datetime = self.start.dateTime().toPython()  # type: ignore[assignment]
        return Workout.new(
            start_time=start.astimezone(),  # the computer's own offset at that date
            duration=duration,
            distance=distance,
            type=self.type_picker.wire_type(),
            name=self.name.text().strip(),
            notes=self.notes.toPlainText().strip(),
        )
