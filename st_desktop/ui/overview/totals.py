"""The Totals view: per week, month or year, per sport and overall, with a bar chart beside it.

The table (``totalsView``) lists every period from the newest back to the first cached workout,
each with a child row per sport; the chart (``totalsChart``) shows the chosen figure over the
last periods, the current one highlighted and the average of the previous ones as a dashed line.
Above them: how this period so far compares with the same point of the previous one, and how
complete the figures are, with Load Full History when older workouts are not on this computer.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.totals import Comparison, Metric, Period, PeriodTotals, compare, totals
from st_desktop.services.overview import Completeness, Digest
from st_desktop.settings import Keys, Settings
from st_desktop.ui.i18n import plural
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.bars import Bar, BarChart
from st_desktop.ui.overview.hub import OverviewHub
from st_desktop.ui.overview.totals_model import PERIOD_ROLE, TotalsModel

log = logging.getLogger(__name__)

#: Bars the chart shows per grouping.
CHART_BARS = {Period.WEEK: 16, Period.MONTH: 12, Period.YEAR: 10}
#: Previous periods averaged for the reference line and the summary.
HISTORY = {Period.WEEK: 4, Period.MONTH: 3, Period.YEAR: 3}
#: Per period: how the summary's sentences start, compare and average (translated where used;
#: whole sentences, for languages whose words for "this" and "last" follow the noun's gender).
_SO_FAR = {
    Period.WEEK: QT_TRANSLATE_NOOP("TotalsPane", "<b>This week so far:</b> {figures}."),
    Period.MONTH: QT_TRANSLATE_NOOP("TotalsPane", "<b>This month so far:</b> {figures}."),
    Period.YEAR: QT_TRANSLATE_NOOP("TotalsPane", "<b>This year so far:</b> {figures}."),
}
_MORE = {
    Period.WEEK: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % more {what} than at this point last week ({figure})."
    ),
    Period.MONTH: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % more {what} than at this point last month ({figure})."
    ),
    Period.YEAR: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % more {what} than at this point last year ({figure})."
    ),
}
_LESS = {
    Period.WEEK: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % less {what} than at this point last week ({figure})."
    ),
    Period.MONTH: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % less {what} than at this point last month ({figure})."
    ),
    Period.YEAR: QT_TRANSLATE_NOOP(
        "TotalsPane", "{percent} % less {what} than at this point last year ({figure})."
    ),
}
_AVERAGE = {
    Period.WEEK: (
        QT_TRANSLATE_NOOP("TotalsPane", "The previous week: {figure}."),
        QT_TRANSLATE_NOOP("TotalsPane", "Average of the previous {count} weeks: {figure}."),
    ),
    Period.MONTH: (
        QT_TRANSLATE_NOOP("TotalsPane", "The previous month: {figure}."),
        QT_TRANSLATE_NOOP("TotalsPane", "Average of the previous {count} months: {figure}."),
    ),
    Period.YEAR: (
        QT_TRANSLATE_NOOP("TotalsPane", "The previous year: {figure}."),
        QT_TRANSLATE_NOOP("TotalsPane", "Average of the previous {count} years: {figure}."),
    ),
}
_CHART_TITLES = {
    Period.WEEK: QT_TRANSLATE_NOOP("TotalsPane", "{metric} per week · {sport}"),
    Period.MONTH: QT_TRANSLATE_NOOP("TotalsPane", "{metric} per month · {sport}"),
    Period.YEAR: QT_TRANSLATE_NOOP("TotalsPane", "{metric} per year · {sport}"),
}
#: A metric's name inside a sentence ("12 % more distance than ...").
_IN_SENTENCE = {
    Metric.DISTANCE: QT_TRANSLATE_NOOP("TotalsPane", "distance"),
    Metric.DURATION: QT_TRANSLATE_NOOP("TotalsPane", "moving time"),
    Metric.CLIMB: QT_TRANSLATE_NOOP("TotalsPane", "climb"),
    Metric.ENERGY: QT_TRANSLATE_NOOP("TotalsPane", "energy"),
    Metric.COUNT: QT_TRANSLATE_NOOP("TotalsPane", "workouts"),
}


def _tr(text: object) -> str:
    return QCoreApplication.translate("TotalsPane", str(text))


def combo(parent: QWidget, name: str, accessible: str, items: list[tuple[str, str]]) -> QComboBox:
    """A combo box of (label, data) items with an object and accessible name."""
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setAccessibleName(accessible)
    for label, data in items:
        box.addItem(label, data)
    return box


def select_data(box: QComboBox, data: str) -> None:
    """Choose the item holding ``data`` (the first when none does)."""
    box.setCurrentIndex(max(0, box.findData(data)))


class TotalsPane(QWidget):
    """Totals table, chart, comparison and completeness (``totalsPane``).

    Args:
        hub: the overview's data.
        settings: grouping, chart figure and sport are remembered here.
        history_action: the browser's Load Full History action (shown when figures are partial).
    """

    def __init__(
        self,
        hub: OverviewHub,
        settings: Settings,
        history_action: QAction | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("totalsPane")
        self._hub, self._settings = hub, settings
        self._units = settings.get(Keys.UNITS)
        self._digest = Digest()
        self.comparison: Comparison | None = None
        self._build_choices(settings)
        self._build_texts(history_action)
        self._build_table_and_chart()
        self._lay_out()

        hub.watch(self)
        hub.digest_changed.connect(self._digest_changed)
        hub.completeness_changed.connect(self._completeness_changed)
        self._digest_changed(hub.digest)
        self._completeness_changed(hub.completeness)

    def _build_choices(self, settings: Settings) -> None:
        """Grouping, chart figure and sport, as last chosen."""
        self.period_box = combo(
            self,
            "totalsPeriod",
            self.tr("Group totals by"),
            [
                (self.tr("Week"), Period.WEEK),
                (self.tr("Month"), Period.MONTH),
                (self.tr("Year"), Period.YEAR),
            ],
        )
        select_data(self.period_box, settings.get(Keys.TOTALS_PERIOD))
        self.metric_box = combo(
            self,
            "totalsMetric",
            self.tr("Figure in the chart"),
            [
                (fmt.metric_title(m), m.value)
                for m in (
                    Metric.DISTANCE,
                    Metric.DURATION,
                    Metric.CLIMB,
                    Metric.ENERGY,
                    Metric.COUNT,
                )
            ],
        )
        select_data(self.metric_box, settings.get(Keys.TOTALS_METRIC))
        self.sport_box = combo(self, "totalsSport", self.tr("Sport"), [(self.tr("All sports"), "")])
        self._wanted_sport = settings.get(Keys.TOTALS_SPORT)
        for box in (self.period_box, self.metric_box, self.sport_box):
            box.currentIndexChanged.connect(self._choice_changed)

    def _build_texts(self, history_action: QAction | None) -> None:
        """The comparison with the previous period, and how complete the figures are."""
        self.summary = QLabel(self)
        self.summary.setObjectName("totalsSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.coverage = QLabel(self)
        self.coverage.setObjectName("totalsCoverage")
        self.coverage.setWordWrap(True)
        self.history_button = QToolButton(self)
        self.history_button.setObjectName("totalsLoadHistory")
        if history_action is not None:
            self.history_button.setDefaultAction(history_action)
        self.history_button.setVisible(False)

    def _build_table_and_chart(self) -> None:
        """The totals per period (``totalsView``) and the chart of one figure (``totalsChart``)."""
        self.model = TotalsModel(self)
        self.view = QTreeView(self)
        self.view.setObjectName("totalsView")
        self.view.setAccessibleName(self.tr("Totals"))
        self.view.setModel(self.model)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSortingEnabled(False)
        header = self.view.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.chart = BarChart(self)
        self.chart.setObjectName("totalsChart")
        self.chart.setAccessibleName(self.tr("Totals chart"))
        self.chart.bar_clicked.connect(self._bar_clicked)

    def _lay_out(self) -> None:
        """Choices on top, then the texts, then the table beside the chart."""
        controls = QHBoxLayout()
        for text, box in (
            (self.tr("&Group by:"), self.period_box),
            (self.tr("C&hart:"), self.metric_box),
            (self.tr("&Sport:"), self.sport_box),
        ):
            label = QLabel(text, self)
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box)
            controls.addSpacing(8)
        controls.addStretch(1)
        coverage = QHBoxLayout()
        coverage.addWidget(self.coverage, 1)
        coverage.addWidget(self.history_button)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("totalsSplitter")
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 420])  # the table wide enough for its columns
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(controls)
        layout.addWidget(self.summary)
        layout.addLayout(coverage)
        layout.addWidget(splitter, 1)

    # -- inputs ---------------------------------------------------------------------------------

    @property
    def period(self) -> Period:
        """The grouping chosen."""
        return Period(self.period_box.currentData())

    @property
    def chart_metric(self) -> Metric:
        """The figure the chart shows."""
        return Metric(self.metric_box.currentData())

    @property
    def sport(self) -> str | None:
        """The sport chosen (None: all)."""
        return self.sport_box.currentData() or None

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self._units = units
        self.model.set_units(units)
        self._update_chart()

    def showEvent(self, event: QShowEvent) -> None:
        self._hub.ensure_digest()
        super().showEvent(event)

    def _choice_changed(self) -> None:
        self._settings.set(Keys.TOTALS_PERIOD, self.period.value)
        self._settings.set(Keys.TOTALS_METRIC, self.chart_metric.value)
        if self.sport_box.count() > 1 or self.sport is None:
            self._wanted_sport = self.sport or ""
            self._settings.set(Keys.TOTALS_SPORT, self._wanted_sport)
        self._rebuild()

    # -- data -----------------------------------------------------------------------------------

    def _digest_changed(self, digest: Digest) -> None:
        self._digest = digest
        self.sport_box.blockSignals(True)
        self.sport_box.clear()
        self.sport_box.addItem(self.tr("All sports"), "")
        for category in digest.categories:
            self.sport_box.addItem(category, category)
        select_data(self.sport_box, self._wanted_sport)
        self.sport_box.blockSignals(False)
        self._rebuild()

    def _completeness_changed(self, completeness: Completeness) -> None:
        self.coverage.setText(completeness.sentence(number=fmt.number, day=fmt.short_date))
        partial = completeness.complete is False or (
            completeness.complete is None and completeness.cached == 0
        )
        self.history_button.setVisible(partial and self._hub.account is not None)

    def _rebuild(self) -> None:
        today = self._hub.today()
        periods = totals(self._digest.entries, self.period, category=self.sport, until=today)
        expanded = self._expanded()
        self.model.set_periods(periods, split=self.sport is None)
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(PERIOD_ROLE) in expanded:
                self.view.expand(self.model.index(row, 0))
        self.comparison = compare(
            self._digest.entries,
            self.period,
            today,
            history=HISTORY[self.period],
            category=self.sport,
        )
        self._update_summary()
        self._update_chart()

    def _expanded(self) -> set[object]:
        return {
            self.model.item(row, 0).data(PERIOD_ROLE)
            for row in range(self.model.rowCount())
            if self.view.isExpanded(self.model.index(row, 0))
        }

    def _update_summary(self) -> None:
        result = self.comparison
        if result is None or not self._digest.entries:
            self.summary.setText(self.tr("No workouts are on this computer yet."))
            return
        period, units, metric = self.period, self._units, self.chart_metric
        now = result.current
        figures = ", ".join(
            (
                fmt.figure_text(now, Metric.COUNT, units),
                fmt.distance(now.distance, units),
                f"{fmt.hours(now.duration)} h",
                fmt.climb(now.climb, units),
                fmt.energy(now.energy),
            )
        )
        texts = [_tr(_SO_FAR[period]).format(figures=figures)]
        change = result.change(metric)
        if change is not None:
            sentence = _MORE[period] if change >= 0 else _LESS[period]
            texts.append(
                _tr(sentence).format(
                    percent=fmt.number(abs(change) * 100),
                    what=_tr(_IN_SENTENCE[metric]),
                    figure=fmt.figure_text(result.same_point, metric, units),
                )
            )
        one, other = _AVERAGE[period]
        average = fmt.figure_text(result.average, metric, units)
        texts.append(plural(len(result.previous), _tr(one), _tr(other), figure=average))
        self.summary.setText(" ".join(texts))

    def _update_chart(self) -> None:
        periods = self.model.periods[: CHART_BARS[self.period]]
        metric, units = self.chart_metric, self._units
        today = self._hub.today()
        bars = [
            Bar(
                _bar_label(p),
                fmt.display_value(p.overall, metric, units),
                "\n".join(
                    (fmt.period_title(p.start, p.period), fmt.figure_text(p.overall, metric, units))
                ),
                p.contains(today),
            )
            for p in reversed(periods)
        ]
        average = None
        if self.comparison is not None and self.comparison.previous:
            average = fmt.display_value(self.comparison.average, metric, units)
        sport = self.sport or self.tr("All sports")
        self.chart.set_bars(
            bars,
            title=_tr(_CHART_TITLES[self.period]).format(
                metric=fmt.metric_title(metric), sport=sport
            ),
            unit=fmt.unit_label(metric, units),
            reference=average,
            reference_label=self.tr("avg", "the average, beside its line in a bar chart"),
            empty_text=self.tr("No workouts are on this computer yet."),
        )

    def _bar_clicked(self, index: int) -> None:
        bars = self.chart.bars
        periods = self.model.periods[: len(bars)]
        chosen = list(reversed(periods))[index]
        row = self.model.row_of(chosen.start)
        if row is not None:
            target = self.model.index(row, 0, QModelIndex())
            self.view.setCurrentIndex(target)
            self.view.scrollTo(target)


def _bar_label(totals: PeriodTotals) -> str:
    if totals.period == Period.WEEK:
        return fmt.day_month(totals.start)
    if totals.period == Period.MONTH:
        return fmt.short_month(totals.start)
    return str(totals.start.year)
