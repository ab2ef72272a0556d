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
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QVBoxLayout, QWidget

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
    "ChartSpec",
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


@dataclass(frozen=True)
class ChartSpec:
    """One chart of a stack, as :meth:`StackedPlots.show_charts` draws it.

    Attributes:
        key: which chart this is ("heartrate"): each key keeps its own plot, reused for every
            track, in the row the key has in the stack's ``keys``.
        title: name and unit, shown small at the top left ("Heart rate (bpm)").
        y: samples against the stack's x values (NaN breaks the line).
        full_y: every sample, against the stack's ``full_x``, when ``y`` is a reduction of
            them: the crosshair reads them, and they are drawn once the user zooms in.
        color: line colour ("#d32f2f").
        value_text: formats the value under the crosshair ("142 bpm").
        invert_y: larger values at the bottom (pace: faster is higher).
        fill: shade the area under the line (elevation).
        y_formatter: how left tick labels are written (pace as m:ss); None for numbers.
    """

    key: str
    title: str
    y: FloatArray
    color: str
    value_text: Callable[[float], str]
    invert_y: bool = False
    fill: bool = False
    y_formatter: TickFormatter | None = None
    full_y: FloatArray | None = None


#: Zoomed in to less than this share of the whole x range, the charts draw every sample.
ZOOM_DETAIL = 0.5


class _Shade(pg.GraphicsObject):  # type: ignore[misc]
    """Grey bands over x spans (pauses), the full height of the view: one item for all spans."""

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[float, float]] = []
        self._brush = QBrush(QColor(0, 0, 0, 25))
        self.setZValue(-10)

    def set_spans(self, spans: Sequence[tuple[float, float]]) -> None:
        """Shade ``spans`` (x from, x to) instead of the ones shaded so far."""
        spans = [(float(low), float(high)) for low, high in spans if high > low]
        if spans == self._spans:
            return
        self.prepareGeometryChange()
        self._spans = spans
        self.update()

    def viewRangeChanged(self) -> None:
        """The bands follow the view's height."""
        self.prepareGeometryChange()
        self.update()

    def _height(self) -> tuple[float, float]:
        view = self.getViewBox()
        if view is None or not self._spans:
            return 0.0, 0.0
        low, high = view.viewRange()[1]
        return float(low), float(high)

    def boundingRect(self) -> QRectF:
        low, high = self._height()
        if not self._spans:
            return QRectF()
        left = min(a for a, _ in self._spans)
        right = max(b for _, b in self._spans)
        return QRectF(left, low, right - left, high - low)

    def paint(self, painter: QPainter, *_args: object) -> None:
        low, high = self._height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._brush)
        for left, right in self._spans:
            painter.drawRect(QRectF(left, low, right - left, high - low))


class _Chart:
    """One chart of the stack: its plot, curve, crosshair, title and pause shading, kept for reuse.

    Built once per key; showing another track only sets data, ranges and texts.
    """

    def __init__(self, row: int, title_font: QFont, tick_font: QFont) -> None:
        self.row = row
        self.bottom = _Axis("bottom")
        self.left = _Axis("left")
        # No menu: nothing in it is useful here, and not building it halves the plot's cost.
        self.plot = pg.PlotItem(
            axisItems={"bottom": self.bottom, "left": self.left}, enableMenu=False
        )
        plot = self.plot
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        for axis in (self.left, self.bottom):
            axis.setStyle(tickFont=tick_font, tickLength=-4)
            axis.setTextPen("#555")
        for side in ("left", "bottom", "top", "right"):
            # No unit labels: re-rendering one at every change of range is wasted work.
            plot.getAxis(side).enableAutoSIPrefix(False)
        self.left.setWidth(Y_AXIS_WIDTH)
        self.curve = plot.plot(connect="finite")
        self.curve.setClipToView(True)
        # The lowest and highest sample of each pixel column draw the same line as all of them.
        self.curve.opts["autoDownsampleFactor"] = 1.0
        self.curve.setDownsampling(auto=True, method="peak")
        self.line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#555", width=1))
        self.line.setVisible(False)
        plot.addItem(self.line, ignoreBounds=True)
        # Parented to the view box, not the data: the title stays put when the charts pan.
        # A plain text item (its geometry is Qt's, not computed in Python at every paint).
        self.title_item = QGraphicsSimpleTextItem("")
        self.title_item.setBrush(QColor("#333"))
        self.title_item.setFont(title_font)
        self.title_item.setParentItem(plot.getViewBox())
        self.title_item.setPos(4, 2)
        self.title_item.setZValue(20)
        self.pauses = _Shade()
        plot.addItem(self.pauses, ignoreBounds=True)
        self.title = ""
        self.x: FloatArray = np.empty(0)  # drawn at full view
        self.y: FloatArray = np.empty(0)
        self.full_x: FloatArray = self.x  # every sample: read by the crosshair, drawn zoomed in
        self.full_y: FloatArray = self.y
        self.detailed = False  # drawing full_x, full_y
        self.value_text: Callable[[float], str] = str
        self.low, self.high = 0.0, 1.0
        self._style: tuple[str, bool] | None = None
        plot.getViewBox().sigResized.connect(lambda _view: self.fit_y())

    def show(self, spec: ChartSpec, x: FloatArray, full_x: FloatArray | None) -> None:
        """Draw ``spec`` against ``x`` (data and texts only: the plot is reused)."""
        self.title, self.x, self.y, self.value_text = spec.title, x, spec.y, spec.value_text
        detail = full_x is not None and spec.full_y is not None
        self.full_x = full_x if full_x is not None and detail else x
        self.full_y = spec.full_y if spec.full_y is not None and detail else spec.y
        self.detailed = False
        finite_y = spec.y[np.isfinite(spec.y)]
        self.low, self.high = (
            (float(finite_y.min()), float(finite_y.max())) if len(finite_y) else (0.0, 1.0)
        )
        if self._style != (spec.color, spec.fill):
            self._style = (spec.color, spec.fill)
            self.curve.setPen(pg.mkPen(spec.color, width=1.5))
            self.curve.setBrush(pg.mkBrush(spec.color + "40") if spec.fill else None)
        self.curve.setFillLevel(self.low if spec.fill and len(finite_y) else None)
        self.plot.invertY(spec.invert_y)
        if self.left.formatter is not spec.y_formatter:
            self.left.formatter = spec.y_formatter
            self.left.picture = None
        self.left.data_range = (self.low, self.high)
        self.curve.setData(x, spec.y)
        self.title_item.setText(spec.title)
        self.line.setVisible(False)
        self.fit_y()

    def draw_detail(self, detail: bool) -> None:
        """Draw every sample (zoomed in) or the reduced samples (the whole range)."""
        detail = detail and self.full_x is not self.x
        if detail != self.detailed:
            self.detailed = detail
            self.curve.setData(*((self.full_x, self.full_y) if detail else (self.x, self.y)))

    def shade(self, spans: Sequence[tuple[float, float]]) -> None:
        """Grey out x spans (pauses)."""
        self.pauses.set_spans(spans)

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
        i = int(np.clip(np.searchsorted(self.full_x, x), 0, len(self.full_x) - 1))
        value = float(self.full_y[i])
        shown = self.value_text(value) if math.isfinite(value) else "–"
        self.title_item.setText(f"{strip_unit(self.title)}  {shown}")


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

    Signals:
        hovered(float): the mouse is over x (in the charts' x units); NaN when it left.
        zoomed_in(): the visible x range became narrower than :data:`ZOOM_DETAIL` of the whole.
    """

    hovered = Signal(float)
    zoomed_in = Signal()

    def __init__(self, keys: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._keys = list(keys)
        self._view = pg.GraphicsLayoutWidget(self)
        self._view.setBackground("w")
        self._view.ci.setSpacing(0)
        self._view.ci.setContentsMargins(2, 4, 10, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._slots: dict[str, _Chart] = {}
        self._charts: list[_Chart] = []  # shown, top to bottom
        self._span = 0.0  # of the whole x range
        self._title_font = QFont(self.font())
        self._title_font.setPointSizeF(self.font().pointSizeF() * 0.9)
        self._tick_font = QFont(self.font())
        self._tick_font.setPointSizeF(self.font().pointSizeF() * 0.85)
        self._view.scene().sigMouseMoved.connect(self._mouse_moved)
        self._update_minimum_height()

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
            shaded: x spans (pauses) greyed out in every chart.
        """
        wanted = {spec.key for spec in specs}
        for key, chart in self._slots.items():
            if key not in wanted:
                chart.plot.setVisible(False)
                chart.plot.setXLink(None)
        shown = []
        for spec in sorted(specs, key=lambda s: self._keys.index(s.key)):
            chart = self._slot(spec.key)
            bottom = chart.bottom
            if bottom.formatter is not x_formatter or bottom.time_steps != time_steps:
                bottom.formatter, bottom.time_steps = x_formatter, time_steps
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
        self._fit_x()
        self._update_minimum_height()

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

    def _slot(self, key: str) -> _Chart:
        chart = self._slots.get(key)
        if chart is None:
            chart = _Chart(self._keys.index(key), self._title_font, self._tick_font)
            self._view.ci.addItem(chart.plot, row=chart.row, col=0)
            chart.plot.getViewBox().sigXRangeChanged.connect(self._x_range_changed)
            self._slots[key] = chart
        return chart

    def _x_range_changed(self, *_args: object) -> None:
        """Zoomed in far enough, every sample is drawn; at the whole range, the reduced ones."""
        if not self._charts or self._span <= 0:
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
        self._plot = pg.PlotWidget(self, enableMenu=False)
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
        self._fitted = False  # showing the route as fitted (the user has not moved it)
        view = self._plot.getViewBox()
        view.sigResized.connect(self._resized)
        view.sigRangeChangedManually.connect(self._moved_by_user)

    def set_route(
        self,
        x: FloatArray,
        y: FloatArray,
        ends: tuple[tuple[float, float], tuple[float, float]] | None = None,
    ) -> None:
        """Draw the projected track; start and finish at ``ends`` (default: first and last fix)."""
        self._message.setText("")
        self._line.setData(x, y)
        if ends is None:
            good = np.nonzero(np.isfinite(x) & np.isfinite(y))[0]
            if len(good):
                first, last = good[0], good[-1]
                ends = ((float(x[first]), float(y[first])), (float(x[last]), float(y[last])))
        if ends is not None:
            (x0, y0), (x1, y1) = ends
            self._start.setData([x0], [y0])
            self._finish.setData([x1], [y1])
        self._marker.setData([], [])
        self._fitted = True
        self._plot.autoRange(padding=0.08)

    def _resized(self) -> None:
        # Built just before its first route, the plot may not have its size yet: fit it again
        # when it gets one, unless the user moved the route since.
        if self._fitted:
            self._plot.autoRange(padding=0.08)

    def _moved_by_user(self) -> None:
        self._fitted = False

    def show_message(self, text: str) -> None:
        """Clear the route and show ``text`` (e.g. "No GPS data") in its place."""
        for item in (self._line, self._start, self._finish, self._marker):
            item.setData([], [])
        self._message.setText(text)
        self._message.setPos(0, 0)
        self._fitted = False
        self._plot.setRange(xRange=(-1, 1), yRange=(-1, 1))

    def set_marker(self, x: float | None, y: float | None) -> None:
        """Show the position marker at (x, y); None hides it."""
        if x is None or y is None:
            self._marker.setData([], [])
        else:
            self._marker.setData([x], [y])

    def plot_item(self) -> pg.PlotItem:
        """The plot the route is drawn in."""
        return self._plot.getPlotItem()

    def marker_position(self) -> tuple[float, float] | None:
        """Where the marker is (None when hidden)."""
        xs, ys = self._marker.getData()
        return (float(xs[0]), float(ys[0])) if len(xs) else None
