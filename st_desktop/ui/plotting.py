"""The only module that imports pyqtgraph: stacked line charts with a crosshair, and a route plot.

Widgets elsewhere (``ui/detail/charts.py``, ``ui/detail/route.py``) use these wrappers, so the
plotting library stays replaceable and its Qt binding is chosen in one place (PySide6, imported
before pyqtgraph). Long streams are drawn with ``clipToView`` and automatic peak downsampling, and
NaN gaps break the line instead of bridging it. Tick placement and label text are plain
arithmetic in :mod:`st_desktop.ui.chart_format`.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from st_desktop.ui.chart_format import (
    LABEL_MARGIN,
    MIN_LABEL_GAP,
    TIME_STEPS,
    FloatArray,
    TickFormatter,
    strip_unit,
    time_tick_spacing,
    value_ticks,
)

# isort: split
# pyqtgraph picks its Qt binding when first imported: PySide6 is loaded above and named here.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg

#: Height a chart keeps at least (pixels), and what the x axis under the lowest one takes.
MIN_CHART_HEIGHT = 40
X_AXIS_HEIGHT = 26
#: Width of every left axis, so the stacked charts line up.
Y_AXIS_WIDTH = 46
#: Room kept free above the curve for the chart's title (pixels).
TITLE_ROOM = 16

# The tick constants moved to chart_format with the arithmetic; they stay importable from here.
__all__ = [
    "LABEL_MARGIN",
    "MIN_CHART_HEIGHT",
    "MIN_LABEL_GAP",
    "TIME_STEPS",
    "TITLE_ROOM",
    "X_AXIS_HEIGHT",
    "Y_AXIS_WIDTH",
    "FloatArray",
    "RoutePlot",
    "StackedPlots",
    "TickFormatter",
]


class _Axis(pg.AxisItem):  # type: ignore[misc]
    """An axis whose tick labels come from a formatter (h:mm for elapsed time, m:ss for pace).

    With ``time_steps`` the ticks fall on whole seconds, minutes or hours (:data:`TIME_STEPS`).
    """

    def __init__(
        self, orientation: str, formatter: TickFormatter | None = None, *, time_steps: bool = False
    ) -> None:
        super().__init__(orientation)
        self.formatter = formatter
        self.time_steps = time_steps
        #: Ticks outside (low, high) are not drawn: no label beside the empty room for the title.
        self.data_range: tuple[float, float] | None = None

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.formatter is None:
            return list(super().tickStrings(values, scale, spacing))
        return [self.formatter(v) for v in values]

    def tickValues(self, low: float, high: float, size: float) -> list[tuple[float, list[float]]]:
        if self.data_range is None or size <= 0 or high <= low:
            return list(super().tickValues(low, high, size))
        return [value_ticks(self.data_range, low, high, size)]

    def tickSpacing(self, low: float, high: float, size: float) -> list[tuple[float, float]]:
        span = abs(high - low)
        if span == 0 or size <= 0:
            return []
        if self.time_steps:
            return time_tick_spacing(span, size)
        return list(super().tickSpacing(low, high, size))


@dataclass
class _Chart:
    """One chart of the stack and what the crosshair needs to read it."""

    plot: pg.PlotItem
    line: pg.InfiniteLine
    title_item: pg.TextItem
    title: str
    x: FloatArray
    y: FloatArray
    value_text: Callable[[float], str]
    low: float
    high: float

    def fit_y(self) -> None:
        """Show the whole y range with room at the top for the title, whatever the height."""
        view = self.plot.getViewBox()
        pixels = max(view.height(), 1.0)
        span = self.high - self.low or max(abs(self.high) * 0.1, 1.0)
        # Solve for a range whose top TITLE_ROOM pixels stay free, plus a 5 % margin below.
        free = min(TITLE_ROOM / pixels, 0.5)
        total = span * 1.05 / (1.0 - free)
        bottom_pad = span * 0.05
        top_pad = total - span - bottom_pad
        if view.yInverted():  # the low values are at the top
            view.setYRange(self.low - top_pad, self.high + bottom_pad, padding=0)
        else:
            view.setYRange(self.low - bottom_pad, self.high + top_pad, padding=0)

    def show_value(self, x: float | None) -> None:
        """Crosshair at ``x`` and the value there in the title (None: back to the title)."""
        if x is None or not len(self.x) or not math.isfinite(x):
            self.line.setVisible(False)
            self.title_item.setText(self.title)
            return
        self.line.setPos(x)
        self.line.setVisible(True)
        i = int(np.clip(np.searchsorted(self.x, x), 0, len(self.x) - 1))
        value = float(self.y[i])
        shown = self.value_text(value) if math.isfinite(value) else "–"
        self.title_item.setText(f"{strip_unit(self.title)}  {shown}")


class StackedPlots(QWidget):
    """Charts stacked vertically on one linked x axis, with a vertical crosshair line in each.

    Each chart's title ("Heart rate (bpm)") sits small at its top left, and shows the value under
    the crosshair while there is one. The x range ends where the data ends; the widget asks for
    :data:`MIN_CHART_HEIGHT` per chart so short panes don't squash the charts flat.

    Signals:
        hovered(float): the mouse is over x (in the charts' x units); NaN when it left.
    """

    hovered = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsLayoutWidget(self)
        self._view.setBackground("w")
        self._view.ci.setSpacing(0)
        self._view.ci.setContentsMargins(2, 4, 10, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._charts: list[_Chart] = []
        self._formatter: TickFormatter | None = None
        self._time_steps = False
        self._title_font = QFont(self.font())
        self._title_font.setPointSizeF(self.font().pointSizeF() * 0.9)
        self._tick_font = QFont(self.font())
        self._tick_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        self._view.scene().sigMouseMoved.connect(self._mouse_moved)
        self._update_minimum_height()

    def clear(self) -> None:
        """Remove every chart."""
        self._view.clear()
        self._charts = []
        self._update_minimum_height()

    def set_x_formatter(self, formatter: TickFormatter | None, *, time_steps: bool = False) -> None:
        """How bottom tick labels are written (applies to charts added afterwards).

        Args:
            formatter: value -> label; None for plain numbers.
            time_steps: the x values are seconds: put ticks on whole minutes and hours.
        """
        self._formatter = formatter
        self._time_steps = time_steps

    def add_chart(
        self,
        title: str,
        x: FloatArray,
        y: FloatArray,
        color: str,
        value_text: Callable[[float], str],
        *,
        invert_y: bool = False,
        fill: bool = False,
        y_formatter: TickFormatter | None = None,
    ) -> None:
        """Append a chart of ``y`` against ``x`` (NaN breaks the line).

        Args:
            title: name and unit, shown small at the top left ("Heart rate (bpm)").
            x, y: samples, ``x`` ascending.
            color: line colour ("#d32f2f").
            value_text: formats the value under the crosshair ("142 bpm").
            invert_y: larger values at the bottom (pace: faster is higher).
            fill: shade the area under the line (elevation).
            y_formatter: how left tick labels are written (pace as m:ss); None for numbers.
        """
        bottom = _Axis("bottom", self._formatter, time_steps=self._time_steps)
        left = _Axis("left", y_formatter)
        plot = self._view.addPlot(
            row=len(self._charts), col=0, axisItems={"bottom": bottom, "left": left}
        )
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        for axis in (left, bottom):
            axis.setStyle(tickFont=self._tick_font, tickLength=-4)
            axis.setTextPen("#555")
        left.setWidth(Y_AXIS_WIDTH)
        plot.invertY(invert_y)
        pen = pg.mkPen(color, width=1.5)
        brush = pg.mkBrush(color + "40") if fill else None
        finite_y = y[np.isfinite(y)]
        level = float(finite_y.min()) if fill and len(finite_y) else None
        # Attach first, then data: clipping asks the view box for its range.
        curve = plot.plot(pen=pen, connect="finite", fillLevel=level, brush=brush)
        curve.setClipToView(True)
        curve.setDownsampling(auto=True, method="peak")
        curve.setData(x, y)
        line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#555", width=1))
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        # Parented to the view box, not the data: the title stays put when the charts pan.
        title_item = pg.TextItem(title, anchor=(0, 0), color="#333")
        title_item.setFont(self._title_font)
        title_item.textItem.document().setDocumentMargin(1)
        title_item.setParentItem(plot.getViewBox())
        title_item.setPos(3, 1)
        title_item.setZValue(20)
        low, high = (float(finite_y.min()), float(finite_y.max())) if len(finite_y) else (0.0, 1.0)
        left.data_range = (low, high)
        chart = _Chart(plot, line, title_item, title, x, y, value_text, low, high)
        view = plot.getViewBox()
        view.sigResized.connect(lambda _view, c=chart: c.fit_y())
        chart.fit_y()
        if self._charts:
            plot.setXLink(self._charts[0].plot)
        self._charts.append(chart)
        self._fit_x()
        for other in self._charts[:-1]:  # only the lowest chart shows the x axis labels
            other.plot.getAxis("bottom").setStyle(showValues=False)
            other.plot.getAxis("bottom").setHeight(2)
        self._update_minimum_height()

    def _fit_x(self) -> None:
        """The x range runs from the first to the last sample of all charts, no padding."""
        lows, highs = [], []
        for chart in self._charts:
            finite = chart.x[np.isfinite(chart.x)]
            if len(finite):
                lows.append(float(finite.min()))
                highs.append(float(finite.max()))
        if not lows or max(highs) <= min(lows):
            return
        low, high = min(lows), max(highs)
        for chart in self._charts:  # no zooming or panning out past the data either
            chart.plot.getViewBox().setLimits(xMin=low, xMax=high)
        self._charts[0].plot.setXRange(low, high, padding=0)

    def _update_minimum_height(self) -> None:
        count = max(len(self._charts), 1)
        self.setMinimumHeight(count * MIN_CHART_HEIGHT + X_AXIS_HEIGHT)

    def shade(self, spans: Sequence[tuple[float, float]]) -> None:
        """Grey out x spans (pauses) in every chart."""
        for chart in self._charts:
            for low, high in spans:
                region = pg.LinearRegionItem(
                    (low, high), movable=False, brush=pg.mkBrush(0, 0, 0, 25)
                )
                region.setZValue(-10)
                for line in region.lines:
                    line.setPen(pg.mkPen(None))
                chart.plot.addItem(region, ignoreBounds=True)

    def chart_count(self) -> int:
        """Number of charts shown."""
        return len(self._charts)

    def chart_titles(self) -> list[str]:
        """What each chart's title currently reads, top to bottom (with the crosshair value)."""
        return [chart.title_item.toPlainText() for chart in self._charts]

    def set_cursor(self, x: float | None) -> None:
        """Put the crosshair at ``x`` in every chart (None hides it) and show the values."""
        for chart in self._charts:
            chart.show_value(x)

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


class RoutePlot(QWidget):
    """A track drawn in a local projection, with start, finish and a position marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._plot = pg.PlotWidget(self)
        self._plot.setBackground("w")
        self._plot.setAspectLocked(True)
        self._plot.hideAxis("left")
        self._plot.hideAxis("bottom")
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)
        self._line = pg.PlotDataItem(pen=pg.mkPen("#1565c0", width=2.5), connect="finite")
        self._line.setDownsampling(auto=True, method="peak")
        self._start = pg.ScatterPlotItem(size=12, brush=pg.mkBrush("#2e7d32"), pen=pg.mkPen("w"))
        self._finish = pg.ScatterPlotItem(size=12, brush=pg.mkBrush("#c62828"), pen=pg.mkPen("w"))
        self._marker = pg.ScatterPlotItem(size=11, brush=pg.mkBrush("#ff9800"), pen=pg.mkPen("k"))
        for item in (self._line, self._start, self._finish, self._marker):
            self._plot.addItem(item)
        self._message = pg.TextItem("", color="#666", anchor=(0.5, 0.5))
        self._plot.addItem(self._message, ignoreBounds=True)

    def set_route(self, x: FloatArray, y: FloatArray) -> None:
        """Draw the projected track; start and finish at the first and last fix."""
        self._message.setText("")
        self._line.setData(x, y)
        good = np.nonzero(np.isfinite(x) & np.isfinite(y))[0]
        if len(good):
            first, last = good[0], good[-1]
            self._start.setData([x[first]], [y[first]])
            self._finish.setData([x[last]], [y[last]])
        self._marker.setData([], [])
        self._plot.autoRange(padding=0.08)

    def show_message(self, text: str) -> None:
        """Clear the route and show ``text`` (e.g. "No GPS data") in its place."""
        for item in (self._line, self._start, self._finish, self._marker):
            item.setData([], [])
        self._message.setText(text)
        self._message.setPos(0, 0)
        self._plot.setRange(xRange=(-1, 1), yRange=(-1, 1))

    def set_marker(self, x: float | None, y: float | None) -> None:
        """Show the position marker at (x, y); None hides it."""
        if x is None or y is None:
            self._marker.setData([], [])
        else:
            self._marker.setData([x], [y])

    def marker_position(self) -> tuple[float, float] | None:
        """Where the marker is (None when hidden)."""
        xs, ys = self._marker.getData()
        return (float(xs[0]), float(ys[0])) if len(xs) else None
