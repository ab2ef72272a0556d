"""The Body view: weight, body fat and resting heart rate over time; add, change, delete values.

The chart (``metricsChart``) shows the three series over the chosen span; the table
(``metricsView``) lists the values of one metric, newest first. Add asks for any of the three
at one time; Edit changes the selected value (moving it in time deletes the old one in the same
request); Delete removes it (the service's ``null`` upsert). Everything is saved through the
service and read back, and kept on this computer for offline reading.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
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

from st_desktop.domain.metrics import (
    BODY_FAT,
    RESTING_HEARTRATE,
    WEIGHT,
    HealthMetrics,
    MetricPoint,
)
from st_desktop.services.overview import MetricsSnapshot
from st_desktop.settings import Keys, Settings
from st_desktop.ui.dialogs.confirm import ConfirmFn, ask
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.hub import OverviewHub
from st_desktop.ui.overview.metric_dialog import (
    ORDER,
    MetricDialog,
    kind_label,
    shown_unit,
    to_shown,
)
from st_desktop.ui.overview.metrics_chart import MetricsChart, Series
from st_desktop.ui.overview.totals import combo, select_data

Index = QModelIndex | QPersistentModelIndex
POINT_ROLE = Qt.ItemDataRole.UserRole + 1
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
RANGES = (
    (QT_TRANSLATE_NOOP("MetricsPane", "3 months"), "quarter", 92),
    (QT_TRANSLATE_NOOP("MetricsPane", "1 year"), "year", 366),
    (QT_TRANSLATE_NOOP("MetricsPane", "2 years"), "two_years", 731),
    (QT_TRANSLATE_NOOP("MetricsPane", "Everything"), "all", 0),
)
#: A metric's name inside a sentence ("Delete the weight of 72.5 kg ...").
_IN_SENTENCE = {
    WEIGHT: QT_TRANSLATE_NOOP("MetricsPane", "weight"),
    BODY_FAT: QT_TRANSLATE_NOOP("MetricsPane", "body fat"),
    RESTING_HEARTRATE: QT_TRANSLATE_NOOP("MetricsPane", "resting heart rate"),
}
COLOURS = {WEIGHT: "#1a73e8", BODY_FAT: "#e8710a", RESTING_HEARTRATE: "#d01884"}
DECIMALS = {WEIGHT: 1, BODY_FAT: 1, RESTING_HEARTRATE: 0}


class MetricPointsModel(QAbstractTableModel):
    """The values of one metric, newest first: when, and the value in the unit shown."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._points: list[MetricPoint] = []
        self._metric = WEIGHT
        self._units = "metric"

    def set_points(self, metric: str, points: list[MetricPoint], units: str) -> None:
        """Show ``points`` (any order) of ``metric``."""
        self.beginResetModel()
        self._metric, self._units = metric, units
        self._points = sorted(points, key=lambda p: p.timestamp, reverse=True)
        self.endResetModel()

    def point(self, row: int) -> MetricPoint:
        """The point of a row."""
        return self._points[row]

    def row_of(self, point: MetricPoint) -> int | None:
        """The row of a point (same metric and instant)."""
        for row, item in enumerate(self._points):
            if item.metric == point.metric and item.timestamp == point.timestamp:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._points)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if section == 0:
            return self.tr("When")
        if section == 1:
            return f"{kind_label(self._metric)} ({shown_unit(self._metric, self._units)})"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._points):
            return None
        point = self._points[index.row()]
        value = to_shown(point.metric, point.value or 0.0, self._units)
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                local = point.timestamp.astimezone()
                when = fmt.locale().toString(
                    fmt.qdate(local.date()), QLocale.FormatType.ShortFormat
                )
                return f"{when} {local:%H:%M}"
            return fmt.number(value, DECIMALS.get(point.metric, 1))
        if role == VALUE_ROLE:
            return point.timestamp.timestamp() if index.column() == 0 else value
        if role == POINT_ROLE:
            return point
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class MetricsPane(QWidget):
    """Chart, value table and buttons of the Body view (``bodyPane``).

    Args:
        hub: the overview's data.
        settings: units and the span shown.
        confirm: asks before deleting (tests pass an answering function).
    """

    def __init__(
        self,
        hub: OverviewHub,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        confirm: ConfirmFn = ask,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bodyPane")
        self._hub, self._settings, self._confirm = hub, settings, confirm
        self._units = settings.get(Keys.UNITS)
        self._metrics = HealthMetrics()
        self.dialog: MetricDialog | None = None
        self._build_controls(settings)
        self._build_chart_and_table()
        self._lay_out()

        hub.metrics_changed.connect(self._metrics_changed)
        hub.account_changed.connect(lambda _account: self._update_buttons())
        self._metrics_changed(hub.metrics)

    def _build_controls(self, settings: Settings) -> None:
        """The span and metric choices, Add, Edit and Delete, and the latest values."""
        self.range_box = combo(
            self,
            "metricsRange",
            self.tr("Span shown"),
            [(self.tr(str(label)), key) for label, key, _d in RANGES],
        )
        select_data(self.range_box, settings.get(Keys.METRICS_RANGE))
        self.range_box.currentIndexChanged.connect(self._range_changed)
        self.metric_box = combo(
            self, "metricsKind", self.tr("Values listed"), [(kind_label(m), m) for m in ORDER]
        )
        self.metric_box.currentIndexChanged.connect(self._refill)
        self.add_button = QPushButton(self.tr("&Add…"), self)
        self.add_button.setObjectName("metricsAdd")
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("metricsEdit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("metricsDelete")
        self.delete_button.clicked.connect(self.delete_selected)
        self.latest = QLabel(self)
        self.latest.setObjectName("metricsLatest")
        self.latest.setWordWrap(True)

    def _build_chart_and_table(self) -> None:
        """The chart of the three metrics (``metricsChart``) and the listed values
        (``metricsView``)."""
        self.chart = MetricsChart(self)
        self.chart.point_clicked.connect(self.select_point)
        self.model = MetricPointsModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("metricsView")
        self.view.setAccessibleName(self.tr("Body metric values"))
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.fontMetrics()
        self.view.setMinimumWidth(
            metrics.horizontalAdvance("00/00/0000 00:00")
            + metrics.horizontalAdvance(f"{kind_label(WEIGHT)} (kg)")
            + 48
        )
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _lay_out(self) -> None:
        """Choices and buttons on top, the latest values, then the chart beside the table."""
        top = QHBoxLayout()
        for text, box in (
            (self.tr("&Span:"), self.range_box),
            (self.tr("&List:"), self.metric_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            top.addWidget(label)
            top.addWidget(box)
            top.addSpacing(8)
        top.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            top.addWidget(button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([800, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.latest)
        layout.addWidget(splitter, 1)

    # -- data -----------------------------------------------------------------------------------

    @property
    def listed_metric(self) -> str:
        """The metric listed in the table."""
        return str(self.metric_box.currentData())

    def set_units(self, units: str) -> None:
        """Show weight in kg ("metric") or lb ("imperial")."""
        self._units = units
        self._refill()

    def _range_changed(self) -> None:
        self._settings.set(Keys.METRICS_RANGE, str(self.range_box.currentData()))
        self._refill()

    def _metrics_changed(self, snapshot: MetricsSnapshot) -> None:
        self._metrics = snapshot.metrics
        self._refill()

    def _span(self) -> tuple[datetime, datetime]:
        now = datetime.combine(self._hub.today(), datetime.min.time(), UTC) + timedelta(days=1)
        days = next(d for _l, key, d in RANGES if key == self.range_box.currentData())
        every = [p.timestamp for m in ORDER for p in self._metrics.points(m)]
        # A value entered for a later day than today still shows.
        end = max(now, max(every) + timedelta(hours=1)) if every else now
        if days:
            return now - timedelta(days=days), end
        return (min(every) if every else now - timedelta(days=365)), end

    def _refill(self) -> None:
        chosen = self.selected()
        first, last = self._span()
        series = []
        for metric in ORDER:
            points = tuple(
                (p.timestamp, to_shown(metric, p.value or 0.0, self._units), p)
                for p in self._metrics.points(metric)
                if first <= p.timestamp <= last and p.value is not None
            )
            series.append(
                Series(
                    metric,
                    kind_label(metric),
                    shown_unit(metric, self._units),
                    COLOURS[metric],
                    points,
                    DECIMALS[metric],
                )
            )
        self.chart.set_series(series, (first, last), chosen)
        self.model.set_points(
            self.listed_metric,
            [p for p in self._metrics.points(self.listed_metric) if first <= p.timestamp <= last],
            self._units,
        )
        if chosen is not None:
            self.select_point(chosen)
        self._update_latest()
        self._update_buttons()

    def _update_latest(self) -> None:
        parts = []
        for metric in ORDER:
            point = self._metrics.latest(metric)
            if point is not None and point.value is not None:
                value = to_shown(metric, point.value, self._units)
                day = fmt.short_date(point.timestamp.astimezone().date())
                parts.append(
                    f"{kind_label(metric)} {fmt.number(value, DECIMALS[metric])} "
                    f"{shown_unit(metric, self._units)} ({day})"
                )
        self.latest.setText(
            self.tr("Latest: {values}.").format(values=", ".join(parts))
            if parts
            else self.tr("No body metrics yet.")
        )

    # -- selection and actions ------------------------------------------------------------------

    def selected(self) -> MetricPoint | None:
        """The value selected in the table, or None."""
        rows = self.view.selectionModel().selectedRows()
        return self.model.point(rows[0].row()) if rows else None

    def select_point(self, point: MetricPoint) -> None:
        """List ``point``'s metric and select it."""
        if point.metric != self.listed_metric:
            select_data(self.metric_box, point.metric)
        row = self.model.row_of(point)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))

    def _selection_changed(self) -> None:
        first, last = self._span()
        self.chart.set_series(self.chart.series, (first, last), self.selected())
        self._update_buttons()

    def _update_buttons(self) -> None:
        online = self._hub.online
        chosen = self.selected() is not None
        self.add_button.setEnabled(online)
        self.edit_button.setEnabled(online and chosen)
        self.delete_button.setEnabled(online and chosen)
        tip = "" if online else self.tr("Sign in to SportTracks to change your body metrics.")
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setToolTip(tip)

    def add(self) -> MetricDialog | None:
        """Ask for new values (saved when accepted)."""
        if not self._hub.online:
            return None
        dialog = MetricDialog(self._units, None, datetime.now(UTC), self)
        dialog.accepted.connect(
            lambda: self._hub.write_metrics(dialog.points(), self.tr("Added the values."))
        )
        return self._open(dialog)

    def edit_selected(self) -> MetricDialog | None:
        """Change the selected value (saved when accepted)."""
        point = self.selected()
        if point is None or not self._hub.online:
            return None
        dialog = MetricDialog(self._units, point, None, self)
        dialog.accepted.connect(lambda: self._hub.edit_metric(point, dialog.points()[0]))
        return self._open(dialog)

    def _open(self, dialog: MetricDialog) -> MetricDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def delete_selected(self) -> None:
        """Delete the selected value after confirmation."""
        point = self.selected()
        if point is None or not self._hub.online:
            return
        value = to_shown(point.metric, point.value or 0.0, self._units)
        what = _IN_SENTENCE.get(point.metric, point.metric)
        text = self.tr("Delete the {what} of {value} from {day}?").format(
            what=self.tr(str(what)),
            value=f"{fmt.number(value, DECIMALS[point.metric])} "
            f"{shown_unit(point.metric, self._units)}",
            day=fmt.short_date(point.timestamp.astimezone().date()),
        )
        if self._confirm(self, self.tr("Delete value"), text, self.tr("Delete")):
            self._hub.delete_metric(point)
