"""Adding body metrics (weight, body fat, resting heart rate at one time) or changing one value.

Values are typed in the units shown (kg or lb, %, bpm) and converted to the service's (kg, a
fraction, bpm); the limits of each box are the service's plausible range, so nothing
implausible can be sent.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDateTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QWidget,
)

from st_desktop.domain.metrics import (
    BODY_FAT,
    METRIC_KINDS,
    RESTING_HEARTRATE,
    WEIGHT,
    MetricPoint,
    fraction_to_percent,
    kg_to_lb,
    lb_to_kg,
    percent_to_fraction,
)
from st_desktop.domain.units import is_imperial
from st_desktop.ui.i18n import date_format

ORDER = (WEIGHT, BODY_FAT, RESTING_HEARTRATE)
#: The metrics' names as shown (translated where used; the domain's labels are English).
KIND_LABELS = {
    WEIGHT: QT_TRANSLATE_NOOP("MetricDialog", "Weight"),
    BODY_FAT: QT_TRANSLATE_NOOP("MetricDialog", "Body fat"),
    RESTING_HEARTRATE: QT_TRANSLATE_NOOP("MetricDialog", "Resting heart rate"),
}
#: The same, as a form row's label with its accelerator.
_FORM_LABELS = {
    WEIGHT: QT_TRANSLATE_NOOP("MetricDialog", "&Weight:"),
    BODY_FAT: QT_TRANSLATE_NOOP("MetricDialog", "&Body fat:"),
    RESTING_HEARTRATE: QT_TRANSLATE_NOOP("MetricDialog", "&Resting heart rate:"),
}


def kind_label(metric: str) -> str:
    """A metric's name in the user's language ("Weight", "Gewicht")."""
    label = KIND_LABELS.get(metric)
    return QCoreApplication.translate("MetricDialog", str(label)) if label else metric


def shown_unit(metric: str, units: str) -> str:
    """The unit a metric is shown and typed in."""
    if metric == WEIGHT:
        return "lb" if is_imperial(units) else "kg"
    if metric == BODY_FAT:
        return "%"
    return "bpm"


def to_shown(metric: str, value: float, units: str) -> float:
    """A wire value (kg, fraction, bpm) in the unit shown."""
    if metric == WEIGHT and is_imperial(units):
        return kg_to_lb(value)
    if metric == BODY_FAT:
        return fraction_to_percent(value)
    return value


def to_wire(metric: str, value: float, units: str) -> float:
    """A value typed in the unit shown, in the service's unit."""
    if metric == WEIGHT:
        return round(lb_to_kg(value), 2) if is_imperial(units) else value
    if metric == BODY_FAT:
        return round(percent_to_fraction(value), 4)
    return value


class MetricDialog(QDialog):
    """Asks for body metrics at one time.

    Open it with ``open()`` and read :meth:`points` once ``accepted`` fires.

    Args:
        units: "metric" or "imperial".
        point: the point to change (only its metric is offered), or None to add.
        moment: the time offered for a new entry.
    """

    def __init__(
        self,
        units: str,
        point: MetricPoint | None = None,
        moment: datetime | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("metricDialog")
        self._units = units
        self.point = point
        self.setWindowTitle(
            self.tr("Change Value") if point is not None else self.tr("Add Body Metrics")
        )
        when = point.timestamp if point is not None else moment or datetime.now(UTC)
        self.when = QDateTimeEdit(QDateTime.fromSecsSinceEpoch(int(when.timestamp())), self)
        self.when.setObjectName("metricWhen")
        self.when.setAccessibleName(self.tr("Date and time"))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat(date_format(time=True))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.boxes: dict[str, QDoubleSpinBox] = {}
        self.enabled: dict[str, QCheckBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("&When:"), self.when)
        for metric in ORDER if point is None else (point.metric,):
            kind = METRIC_KINDS[metric]
            box = QDoubleSpinBox(self)
            box.setObjectName(f"metricValue_{metric}")
            box.setAccessibleName(kind_label(metric))
            box.setDecimals(0 if metric == RESTING_HEARTRATE else 1)
            low, high = to_shown(metric, kind.low, units), to_shown(metric, kind.high, units)
            box.setRange(max(low, 0.0), high)
            box.setSuffix(f" {shown_unit(metric, units)}")
            check = QCheckBox(kind_label(metric), self)
            check.setObjectName(f"metricUse_{metric}")
            check.toggled.connect(box.setEnabled)
            check.toggled.connect(self._check)
            row = QHBoxLayout()
            row.addWidget(box, 1)
            if point is None:
                form.addRow(check, row)
                check.setChecked(metric == WEIGHT)
                box.setEnabled(metric == WEIGHT)
            else:
                check.setChecked(True)
                check.hide()
                form.addRow(self.tr(str(_FORM_LABELS[metric])), row)
            self.boxes[metric], self.enabled[metric] = box, check
        defaults = {WEIGHT: 70.0, BODY_FAT: 0.15, RESTING_HEARTRATE: 55.0}
        for metric, box in self.boxes.items():
            value = (
                point.value if point is not None and point.value is not None else defaults[metric]
            )
            box.setValue(to_shown(metric, value, units))
        form.addRow(self.buttons)
        self._check()

    def _check(self) -> None:
        chosen = any(check.isChecked() for check in self.enabled.values())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(chosen)

    def moment(self) -> datetime:
        """The instant chosen (aware, UTC, whole seconds)."""
        return datetime.fromtimestamp(self.when.dateTime().toSecsSinceEpoch(), UTC)

    def points(self) -> list[MetricPoint]:
        """The points entered, in the service's units."""
        moment = self.moment()
        return [
            MetricPoint(metric, moment, to_wire(metric, box.value(), self._units))
            for metric, box in self.boxes.items()
            if self.enabled[metric].isChecked()
        ]
