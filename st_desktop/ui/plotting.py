"""The only module that imports pyqtgraph: stacked line charts with a crosshair, and a route plot.

Widgets elsewhere (``ui/detail/charts.py``, ``ui/detail/route.py``) use these wrappers, so the
plotting library stays replaceable and its Qt binding is chosen in one place (PySide6, imported
before pyqtgraph). Long streams are drawn with ``clipToView`` and automatic peak downsampling, and
NaN gaps break the line instead of bridging it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, Signal
from PySide6.QtWidgets import QGraphicsRectItem, QVBoxLayout, QWidget

# isort: split
# pyqtgraph picks its Qt binding when first imported: PySide6 is loaded above and named here.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
import pyqtgraph as pg

FloatArray = npt.NDArray[np.float64]
TickFormatter = Callable[[float], str]


def _binding_drops_none_references() -> bool:
    """True when this PySide6 loses references to None (e.g. each null pointer it returns).

    PySide6 6.12.0 on Python 3.11 does (3.12+ makes None immortal, so it cannot matter there).
    pyqtgraph asks ``scene()``/``parentItem()`` thousands of times per redraw, so None's
    reference count would reach zero and the interpreter abort ("deallocating None").
    """
    if sys.version_info >= (3, 12):
        return False
    item = QGraphicsRectItem()
    before = sys.getrefcount(None)
    for _ in range(16):
        item.scene()
    return sys.getrefcount(None) < before


_NONE_LEAKS = _binding_drops_none_references()
_BALLAST: list[bool | None] = []
if _NONE_LEAKS:  # never free the ballast, not even at exit: the dropped references stay dropped
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(_BALLAST))
_LOW_WATER = 200_000


def keep_none_alive() -> None:
    """Work around the binding bug above: hold enough extra references to None, True, False.

    The same bug drops references to True and False. Called around every plotting operation;
    costs 8 bytes per reference the binding dropped. Remove once the supported PySide6
    versions are fixed (or Python >= 3.12 is required).
    """
    if not _NONE_LEAKS:
        return
    for singleton in (None, True, False):
        if sys.getrefcount(singleton) < _LOW_WATER:
            _BALLAST.extend([singleton] * _LOW_WATER)


class _Axis(pg.AxisItem):  # type: ignore[misc]
    """A bottom axis whose tick labels come from a formatter (e.g. h:mm for elapsed time)."""

    def __init__(self, formatter: TickFormatter | None = None) -> None:
        super().__init__("bottom")
        self.formatter = formatter

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.formatter is None:
            return list(super().tickStrings(values, scale, spacing))
        return [self.formatter(v) for v in values]


class StackedPlots(QWidget):
    """Charts stacked vertically on one linked x axis, with a vertical crosshair line in each.

    Signals:
        hovered(float): the mouse is over x (in the charts' x units); NaN when it left.
    """

    hovered = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = pg.GraphicsLayoutWidget(self)
        self._view.setBackground("w")
        self._view.ci.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._view)
        self._plots: list[pg.PlotItem] = []
        self._lines: list[pg.InfiniteLine] = []
        self._labels: list[pg.TextItem] = []
        self._series: list[tuple[FloatArray, FloatArray, Callable[[float], str]]] = []
        self._formatter: TickFormatter | None = None
        self._view.scene().sigMouseMoved.connect(self._mouse_moved)

    def clear(self) -> None:
        """Remove every chart."""
        keep_none_alive()
        self._view.clear()
        self._plots, self._lines, self._labels, self._series = [], [], [], []

    def set_x_formatter(self, formatter: TickFormatter | None) -> None:
        """How bottom tick labels are written (applies to charts added afterwards)."""
        self._formatter = formatter

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
    ) -> None:
        """Append a chart of ``y`` against ``x`` (NaN breaks the line).

        Args:
            title: shown at the left ("Heart rate (bpm)").
            x, y: samples.
            color: line colour ("#d32f2f").
            value_text: formats the value under the crosshair.
            invert_y: larger values at the bottom (pace: faster is higher).
            fill: shade the area under the line (elevation).
        """
        row = len(self._plots)
        plot = self._view.addPlot(row=row, col=0, axisItems={"bottom": _Axis(self._formatter)})
        plot.setLabel("left", title)
        plot.showGrid(x=True, y=True, alpha=0.15)
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        plot.getAxis("left").setWidth(64)
        plot.invertY(invert_y)
        pen = pg.mkPen(color, width=1.5)
        brush = pg.mkBrush(color + "40") if fill else None
        finite = y[np.isfinite(y)]
        level = float(finite.min()) if fill and len(finite) else None
        # Attach first, then data: clipping asks the view box for its range.
        curve = plot.plot(pen=pen, connect="finite", fillLevel=level, brush=brush)
        curve.setClipToView(True)
        curve.setDownsampling(auto=True, method="peak")
        curve.setData(x, y)
        if self._plots:
            plot.setXLink(self._plots[0])
        line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#555", width=1))
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        label = pg.TextItem(anchor=(0, 0), color="#222", fill=pg.mkBrush(255, 255, 255, 200))
        label.setVisible(False)
        plot.addItem(label, ignoreBounds=True)
        self._plots.append(plot)
        self._lines.append(line)
        self._labels.append(label)
        self._series.append((x, y, value_text))
        keep_none_alive()
        for other in self._plots[:-1]:  # only the lowest chart shows the x axis labels
            other.getAxis("bottom").setStyle(showValues=False)

    def shade(self, spans: list[tuple[float, float]]) -> None:
        """Grey out x spans (pauses) in every chart."""
        for plot in self._plots:
            for low, high in spans:
                region = pg.LinearRegionItem(
                    (low, high), movable=False, brush=pg.mkBrush(0, 0, 0, 25)
                )
                region.setZValue(-10)
                for line in region.lines:
                    line.setPen(pg.mkPen(None))
                plot.addItem(region, ignoreBounds=True)

    def chart_count(self) -> int:
        """Number of charts shown."""
        return len(self._plots)

    def set_cursor(self, x: float | None) -> None:
        """Put the crosshair at ``x`` in every chart (None hides it) and show the values."""
        keep_none_alive()
        for line, label, plot, (xs, ys, text) in zip(
            self._lines, self._labels, self._plots, self._series, strict=True
        ):
            if x is None or not len(xs) or not np.isfinite(x):
                line.setVisible(False)
                label.setVisible(False)
                continue
            line.setPos(x)
            line.setVisible(True)
            i = int(np.clip(np.searchsorted(xs, x), 0, len(xs) - 1))
            value = float(ys[i])
            label.setText(text(value) if np.isfinite(value) else "–")
            _, (y0, y1) = plot.viewRange()
            top = y0 if plot.getViewBox().yInverted() else y1
            label.setPos(x, top)
            label.setVisible(True)

    def _mouse_moved(self, position: QPointF) -> None:
        keep_none_alive()
        for plot in self._plots:
            if plot.sceneBoundingRect().contains(position):
                x = float(plot.getViewBox().mapSceneToView(position).x())
                self.hovered.emit(x)
                return

    def grab_x_range(self) -> tuple[float, float] | None:
        """The visible x range (None without charts)."""
        if not self._plots:
            return None
        low, high = self._plots[0].viewRange()[0]
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
        keep_none_alive()
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
        keep_none_alive()
        for item in (self._line, self._start, self._finish, self._marker):
            item.setData([], [])
        self._message.setText(text)
        self._message.setPos(0, 0)
        self._plot.setRange(xRange=(-1, 1), yRange=(-1, 1))

    def set_marker(self, x: float | None, y: float | None) -> None:
        """Show the position marker at (x, y); None hides it."""
        keep_none_alive()
        if x is None or y is None:
            self._marker.setData([], [])
        else:
            self._marker.setData([x], [y])

    def marker_position(self) -> tuple[float, float] | None:
        """Where the marker is (None when hidden)."""
        xs, ys = self._marker.getData()
        return (float(xs[0]), float(ys[0])) if len(xs) else None
