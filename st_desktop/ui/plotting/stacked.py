"""Charts stacked on one linked x axis, each with a crosshair: :class:`StackedPlots`."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from st_desktop.ui import theme
from st_desktop.ui.chart_format import FloatArray, TickFormatter
from st_desktop.ui.plotting.chart import ZOOM_DETAIL, Chart, ChartSpec
from st_desktop.ui.plotting.selection import RangeSelector, XRange

#: Height a chart keeps at least (pixels), and what the x axis under the lowest one takes.
MIN_CHART_HEIGHT = 40
X_AXIS_HEIGHT = 26


class StackedPlots(QWidget):
    """Charts stacked vertically on one linked x axis, with a vertical crosshair line in each.

    Each chart's title ("Heart rate (bpm)") sits small at its top left, and shows the value under
    the crosshair while there is one. The x range ends where the data ends; the widget asks for
    :data:`MIN_CHART_HEIGHT` per chart so short panes don't squash the charts flat.

    Plots are built once per key and reused: showing another track only sets data (building a
    plot costs far more than drawing one), and charts without data are hidden.

    Args:
        keys: every chart key, in the order the charts are stacked.
        parent: Qt parent.

    Shift+drag across the charts selects an x range, drawn on every chart; Escape or a plain
    click clears it (:class:`~st_desktop.ui.plotting.selection.RangeSelector`).

    Signals:
        hovered(float): the mouse is over x (in the charts' x units); NaN when it left.
        zoomed_in(): the visible x range became narrower than :data:`ZOOM_DETAIL` of the whole.
        range_selected(object): the user selected ``(low, high)`` (x units, low < high), or
            cleared the selection (None).
    """

    hovered = Signal(float)
    zoomed_in = Signal()
    range_selected = Signal(object)

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = list(keys)
        self._colours = theme.colours(self.palette())
        self._view = pg.GraphicsLayoutWidget(self)
        self._view.setBackground(self._colours.background)
        self._view.ci.setSpacing(0)
        self._view.ci.setContentsMargins(2, 4, 10, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._slots: dict[str, Chart] = {}
        self._charts: list[Chart] = []  # shown, top to bottom
        self._span = 0.0  # of the whole x range
        self._placing = False  # show_charts moves the ranges: not the user zooming
        self._title_font = QFont(self.font())
        self._title_font.setPointSizeF(self.font().pointSizeF() * 0.9)
        self._tick_font = QFont(self.font())
        self._tick_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        self._view.scene().sigMouseMoved.connect(self._mouse_moved)
        self._selector = RangeSelector(
            self._view, lambda: self._charts, self._draw_selection, self._hover_at
        )
        self._selector.selected.connect(self.range_selected)
        self._update_minimum_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.restyle()

    def restyle(self) -> None:
        """Paint the charts in the colours of the widget's palette (light or dark) if they are
        not: pens and brushes only, every plot and its data stay."""
        colours = theme.colours(self.palette())
        if colours is self._colours:
            return
        self._colours = colours
        self._view.setBackground(colours.background)
        for chart in self._slots.values():
            chart.restyle(colours)

    def colours(self) -> theme.Colours:
        """The colours the charts are painted in."""
        return self._colours

    def clear(self) -> None:
        """Hide every chart (their plots are kept for the next track)."""
        self.show_charts(np.empty(0), [])

    def show_charts(
        self,
        x: FloatArray,
        specs: Sequence[ChartSpec],
        *,
        x_formatter: TickFormatter | None = None,
        time_steps: bool = False,
        day_formatter: Callable[[int], str] | None = None,
        shaded: Sequence[tuple[float, float]] = (),
        full_x: FloatArray | None = None,
    ) -> None:
        """Show one chart per spec against ``x`` (ascending); the other charts are hidden.

        Args:
            x: the shared x values.
            specs: the charts, each with a key from the stack's ``keys``.
            full_x: the x values of the specs' ``full_y`` (when ``x`` is a reduction).
            x_formatter: how bottom tick labels are written; None for plain numbers.
            time_steps: the x values are seconds: put ticks on whole minutes and hours.
            day_formatter: with ``time_steps``, how ticks whole days apart are labelled, from a
                day count ("50 d"); None: as the other ticks.
            shaded: x spans (pauses) greyed out in every chart.
        """
        self._placing = True
        try:
            self._show_charts(x, specs, (x_formatter, time_steps, day_formatter), shaded, full_x)
        finally:
            self._placing = False
        # The ranges moved while linking and fitting (a chart last shown for a shorter track
        # briefly set them all): whether to draw every sample is decided on the final range.
        self._x_range_changed()

    def _show_charts(
        self,
        x: FloatArray,
        specs: Sequence[ChartSpec],
        labels: tuple[TickFormatter | None, bool, Callable[[int], str] | None],
        shaded: Sequence[tuple[float, float]],
        full_x: FloatArray | None,
    ) -> None:
        wanted = {spec.key for spec in specs}
        for key, chart in self._slots.items():
            if key not in wanted:
                chart.plot.setVisible(False)
                chart.plot.setXLink(None)
        shown = []
        for spec in sorted(specs, key=lambda s: self._keys.index(s.key)):
            chart = self._slot(spec.key)
            bottom = chart.bottom
            if (bottom.formatter, bottom.time_steps, bottom.day_formatter) != labels:
                bottom.formatter, bottom.time_steps, bottom.day_formatter = labels
                bottom.picture = None
            chart.show(spec, x, full_x)
            chart.shade(shaded)
            chart.plot.setVisible(True)
            shown.append(chart)
        self._charts = shown
        for index, chart in enumerate(shown):  # only the lowest chart shows the x axis labels
            lowest = index == len(shown) - 1
            if chart.bottom.style["showValues"] != lowest:
                chart.bottom.setStyle(showValues=lowest)
                chart.bottom.setHeight(None if lowest else 2)
            chart.plot.setXLink(shown[0].plot if index else None)
        self._update_minimum_height()
        # Lay the plots out now, not when Qt gets to it: that is after the next paint, so the
        # charts would be painted twice (once at their old sizes, once at their new ones).
        view = self._view
        view.ci.layout.activate()
        if view.ci.geometry() != view.range:
            # Activating the layout of the scene's top item shrinks it to its smallest size
            # when the plots were built before the view was first shown (the charts built
            # while the app is idle): give it the view's whole size again, laid out at once.
            view.ci.setGeometry(view.range)
            view.ci.layout.activate()
        self._fit_x()
        for chart in shown:
            chart.draw()
            # The view applies its new range when it is next painted; changing the items'
            # transform then marks them dirty again, and Qt paints the charts a second time.
            chart.plot.getViewBox().prepareForPaint()

    def set_full(self, full_x: FloatArray | None, full: dict[str, FloatArray]) -> None:
        """Give the charts shown every sample behind their curves (same track, read again)."""
        for key, chart in self._slots.items():
            if chart in self._charts and full_x is not None and key in full:
                chart.full_x, chart.full_y = full_x, full[key]
        self._x_range_changed()

    def built(self) -> list[str]:
        """The keys whose chart is built (shown or not)."""
        return [key for key in self._keys if key in self._slots]

    def plot_item(self, key: str) -> pg.PlotItem | None:
        """The plot of ``key``'s chart, if built."""
        chart = self._slots.get(key)
        return chart.plot if chart is not None else None

    def prepare(self, key: str) -> bool:
        """Build the chart of ``key`` ahead of its first use (hidden); False if it was built."""
        if key in self._slots:
            return False
        self._slot(key).plot.setVisible(False)
        return True

    def _slot(self, key: str) -> Chart:
        chart = self._slots.get(key)
        if chart is None:
            chart = Chart(self._keys.index(key), self._title_font, self._tick_font, self._colours)
            self._view.ci.addItem(chart.plot, row=chart.row, col=0)
            chart.plot.getViewBox().sigXRangeChanged.connect(self._x_range_changed)
            self._slots[key] = chart
        return chart

    def _x_range_changed(self, *_args: object) -> None:
        """Zoomed in far enough, every sample is drawn; at the whole range, the reduced ones."""
        if self._placing or not self._charts or self._span <= 0:
            return
        low, high = self._charts[0].plot.viewRange()[0]
        detail = (high - low) < ZOOM_DETAIL * self._span
        was = any(chart.detailed for chart in self._charts)
        for chart in self._charts:
            chart.draw_detail(detail)
        if detail and not was:
            self.zoomed_in.emit()

    def _fit_x(self) -> None:
        """The x range runs from the first to the last sample of all charts, no padding."""
        lows, highs = [], []
        for chart in self._charts:
            finite = chart.x[np.isfinite(chart.x)]
            if len(finite):
                lows.append(float(finite.min()))
                highs.append(float(finite.max()))
        if not lows or max(highs) <= min(lows):
            self._span = 0.0
            return
        low, high = min(lows), max(highs)
        self._span = high - low
        for chart in self._charts:  # no zooming or panning out past the data either
            chart.plot.getViewBox().setLimits(xMin=low, xMax=high)
        self._charts[0].plot.setXRange(low, high, padding=0)

    def _update_minimum_height(self) -> None:
        count = max(len(self._charts), 1)
        self.setMinimumHeight(count * MIN_CHART_HEIGHT + X_AXIS_HEIGHT)

    def chart_count(self) -> int:
        """Number of charts shown."""
        return len(self._charts)

    def chart_titles(self) -> list[str]:
        """What each chart's title currently reads, top to bottom (with the crosshair value)."""
        return [chart.title_item.text() for chart in self._charts]

    def plot_items(self) -> list[pg.PlotItem]:
        """The plot of each chart shown, top to bottom."""
        return [chart.plot for chart in self._charts]

    def set_selection(self, selected: XRange | None) -> None:
        """Show ``selected`` (x units; None: no selection) without emitting ``range_selected``."""
        self._selector.set_range(selected)

    def selection(self) -> XRange | None:
        """The x range selected, if any."""
        return self._selector.range

    def drawn_selection(self) -> list[XRange | None]:
        """The range each chart shown tints as selected, top to bottom (None: none)."""
        return [next(iter(chart.selection.spans()), None) for chart in self._charts]

    def _draw_selection(self, selected: XRange | None) -> None:
        for chart in self._slots.values():
            chart.select(selected if chart in self._charts else None)

    def canvas(self) -> QWidget:
        """The widget the charts are painted on, which gets their mouse events."""
        viewport: QWidget = self._view.viewport()
        return viewport

    def point_at(self, x: float) -> QPoint:
        """Where ``x`` is on :meth:`canvas`, halfway down the top chart."""
        return self._selector.point_at(x)

    def set_cursor(self, x: float | None) -> None:
        """Put the crosshair at ``x`` in every chart (None hides it) and show the values."""
        for chart in self._charts:
            chart.show_value(x)

    def _hover_at(self, position: QPointF | None) -> None:
        if position is not None:
            self._mouse_moved(position)
        elif self._charts:  # the mouse left the charts: no crosshair
            self.hovered.emit(math.nan)

    def _mouse_moved(self, position: QPointF) -> None:
        for chart in self._charts:
            view = chart.plot.getViewBox()
            if view.sceneBoundingRect().contains(position):
                self.hovered.emit(float(view.mapSceneToView(position).x()))
                return
        if self._charts:
            self.hovered.emit(math.nan)

    def grab_x_range(self) -> tuple[float, float] | None:
        """The visible x range (None without charts)."""
        if not self._charts:
            return None
        low, high = self._charts[0].plot.viewRange()[0]
        return float(low), float(high)
