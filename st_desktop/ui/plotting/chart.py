"""One chart of a stack: its plot, axes, curve, crosshair, title, pause shading and the selected
range."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter
from PySide6.QtWidgets import QGraphicsSimpleTextItem

from st_desktop.ui.chart_format import (
    DAY_S,
    FloatArray,
    TickFormatter,
    strip_unit,
    time_tick_spacing,
    value_ticks,
    whole_days,
)
from st_desktop.ui.theme import Colours

#: Width of every left axis, so the stacked charts line up.
Y_AXIS_WIDTH = 46
#: Room kept free above the curve for the chart's title (pixels).
TITLE_ROOM = 16
#: Zoomed in to less than this share of the whole x range, the charts draw every sample.
ZOOM_DETAIL = 0.5
#: Opacity of the shade under a filled curve (elevation), of 255.
FILL_ALPHA = 0x40


class Axis(pg.AxisItem):  # type: ignore[misc]
    """An axis whose tick labels come from a formatter (h:mm for elapsed time, m:ss for pace).

    With ``time_steps`` the ticks fall on whole seconds, minutes or hours (``TIME_STEPS``).
    """

    def __init__(
        self, orientation: str, formatter: TickFormatter | None = None, *, time_steps: bool = False
    ) -> None:
        super().__init__(orientation)
        self.formatter = formatter
        self.time_steps = time_steps
        #: With ``time_steps``, the labels of ticks whole days apart ("50 d"), from a day count.
        self.day_formatter: Callable[[int], str] | None = None
        #: Ticks outside (low, high) are not drawn: no label beside the empty room for the title.
        self.data_range: tuple[float, float] | None = None

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if self.time_steps and self.day_formatter is not None and whole_days(spacing):
            # Every label of the level in days, never "36:00:00" beside "2 d".
            return [self.day_formatter(round(v / DAY_S)) for v in values]
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
    """One chart of a stack, as ``StackedPlots.show_charts`` draws it.

    Attributes:
        key: which chart this is ("heartrate"): each key keeps its own plot, reused for every
            track, in the row the key has in the stack's ``keys``.
        title: name and unit, shown small at the top left ("Heart rate (bpm)").
        y: samples against the stack's x values (NaN breaks the line).
        colour: the line's colour, named as a series of :class:`~st_desktop.ui.theme.Colours`
            ("heartrate"): the light or the dark one, whichever the palette is.
        value_text: formats the value under the crosshair ("142 bpm").
        invert_y: larger values at the bottom (pace: faster is higher).
        fill: shade the area under the line (elevation).
        y_formatter: how left tick labels are written (pace as m:ss); None for numbers.
        full_y: every sample, against the stack's ``full_x``, when ``y`` is a reduction of
            them: the crosshair reads them, and they are drawn once the user zooms in.
    """

    key: str
    title: str
    y: FloatArray
    colour: str
    value_text: Callable[[float], str]
    invert_y: bool = False
    fill: bool = False
    y_formatter: TickFormatter | None = None
    full_y: FloatArray | None = None


class Shade(pg.GraphicsObject):  # type: ignore[misc]
    """Bands over x spans (pauses), the full height of the view: one item for all spans."""

    def __init__(self, colour: QColor) -> None:
        super().__init__()
        self._spans: list[tuple[float, float]] = []
        self._brush = QBrush(colour)
        self.setZValue(-10)

    def set_colour(self, colour: QColor) -> None:
        """Paint the bands in ``colour`` (translucent)."""
        if colour != self._brush.color():
            self._brush = QBrush(colour)
            self.update()

    def colour(self) -> QColor:
        """The colour the bands are painted in."""
        return self._brush.color()

    def spans(self) -> list[tuple[float, float]]:
        """The x spans shaded."""
        return list(self._spans)

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


class Chart:
    """One chart of the stack: its plot, curve, crosshair, title and pause shading, kept for reuse.

    Built once per key; showing another track only sets data, ranges and texts, and a change
    between light and dark only sets pens (:meth:`restyle`).
    """

    def __init__(self, row: int, title_font: QFont, tick_font: QFont, colours: Colours) -> None:
        self.row = row
        self.bottom = Axis("bottom")
        self.left = Axis("left")
        # No menu: nothing in it is useful here, and not building it halves the plot's cost.
        self.plot = pg.PlotItem(
            axisItems={"bottom": self.bottom, "left": self.left}, enableMenu=False
        )
        plot = self.plot
        plot.showGrid(x=True, y=True, alpha=0.15)  # the grid is drawn in the axes' pen, faint
        plot.setMouseEnabled(x=True, y=False)
        plot.hideButtons()
        for axis in (self.left, self.bottom):
            axis.setStyle(tickFont=tick_font, tickLength=-4)
        for side in ("left", "bottom", "top", "right"):
            # No unit labels: re-rendering one at every change of range is wasted work.
            plot.getAxis(side).enableAutoSIPrefix(False)
        self.left.setWidth(Y_AXIS_WIDTH)
        self.curve = plot.plot(connect="finite")
        self.curve.setClipToView(True)
        # The lowest and highest sample of each pixel column draw the same line as all of them.
        self.curve.opts["autoDownsampleFactor"] = 1.0
        self.curve.setDownsampling(auto=True, method="peak")
        self.line = pg.InfiniteLine(angle=90, movable=False)
        self.line.setVisible(False)
        plot.addItem(self.line, ignoreBounds=True)
        # Parented to the view box, not the data: the title stays put when the charts pan.
        # A plain text item (its geometry is Qt's, not computed in Python at every paint).
        self.title_item = QGraphicsSimpleTextItem("")
        self.title_item.setFont(title_font)
        self.title_item.setParentItem(plot.getViewBox())
        self.title_item.setPos(4, 2)
        self.title_item.setZValue(20)
        self.pauses = Shade(colours.shade)
        plot.addItem(self.pauses, ignoreBounds=True)
        self.selection = Shade(colours.selection)  # the range selected (Shift+drag)
        self.selection.setZValue(-5)  # over the pauses, under the curve
        plot.addItem(self.selection, ignoreBounds=True)
        self.title = ""
        self.x: FloatArray = np.empty(0)  # drawn at full view
        self.y: FloatArray = np.empty(0)
        self.full_x: FloatArray = self.x  # every sample: read by the crosshair, drawn zoomed in
        self.full_y: FloatArray = self.y
        self.detailed = False  # drawing full_x, full_y
        self.value_text: Callable[[float], str] = str
        self.low, self.high = 0.0, 1.0
        self.colours = colours
        self._style: tuple[str, bool] | None = None  # (colour name, filled) the curve has
        self.restyle(colours)
        plot.getViewBox().sigResized.connect(lambda _view: self.fit_y())

    def restyle(self, colours: Colours) -> None:
        """Paint axes, texts, crosshair, pause bands and curve in ``colours`` (data untouched)."""
        self.colours = colours
        for axis in (self.left, self.bottom):
            axis.setPen(colours.axis)
            axis.setTextPen(colours.muted)
        self.line.setPen(pg.mkPen(colours.muted, width=1))
        self.title_item.setBrush(colours.foreground)
        self.pauses.set_colour(colours.shade)
        self.selection.set_colour(colours.selection)
        if self._style is not None:
            self._paint_curve(*self._style)

    def _paint_curve(self, colour_name: str, fill: bool) -> None:
        self._style = (colour_name, fill)
        colour = self.colours.series(colour_name)
        self.curve.setPen(pg.mkPen(colour, width=1.5))
        under = QColor(colour)
        under.setAlpha(FILL_ALPHA)
        self.curve.setBrush(pg.mkBrush(under) if fill else None)

    def show(self, spec: ChartSpec, x: FloatArray, full_x: FloatArray | None) -> None:
        """Show ``spec``'s texts and y range for ``x`` (the plot is reused); :meth:`draw` then
        draws its curve, once the stack's x range is set too."""
        # Every change of range reduces the curve's samples again for the view: with no curve
        # until the ranges are final, the new samples are reduced once, not once per change.
        self.curve.clear()
        self.title, self.x, self.y, self.value_text = spec.title, x, spec.y, spec.value_text
        detail = full_x is not None and spec.full_y is not None
        self.full_x = full_x if full_x is not None and detail else x
        self.full_y = spec.full_y if spec.full_y is not None and detail else spec.y
        self.detailed = False
        finite_y = spec.y[np.isfinite(spec.y)]
        self.low, self.high = (
            (float(finite_y.min()), float(finite_y.max())) if len(finite_y) else (0.0, 1.0)
        )
        if self._style != (spec.colour, spec.fill):
            self._paint_curve(spec.colour, spec.fill)
        self.curve.setFillLevel(self.low if spec.fill and len(finite_y) else None)
        self.plot.invertY(spec.invert_y)
        if self.left.formatter is not spec.y_formatter:
            self.left.formatter = spec.y_formatter
            self.left.picture = None
        self.left.data_range = (self.low, self.high)
        self.title_item.setText(spec.title)
        self.line.setVisible(False)
        self.fit_y()

    def draw(self) -> None:
        """Draw the curve of the samples :meth:`show` was given."""
        self.curve.setData(self.x, self.y)

    def draw_detail(self, detail: bool) -> None:
        """Draw every sample (zoomed in) or the reduced samples (the whole range)."""
        detail = detail and self.full_x is not self.x
        if detail != self.detailed:
            self.detailed = detail
            self.curve.setData(*((self.full_x, self.full_y) if detail else (self.x, self.y)))

    def shade(self, spans: Sequence[tuple[float, float]]) -> None:
        """Grey out x spans (pauses)."""
        self.pauses.set_spans(spans)

    def select(self, selected: tuple[float, float] | None) -> None:
        """Tint the x range ``selected`` (None: none); a range of no width shows a thin line."""
        if selected is None:
            self.selection.set_spans([])
            return
        low, high = selected
        if high <= low:  # the drag has just begun: a hairline where it started
            x_span = self.plot.viewRange()[0]
            high = low + max((x_span[1] - x_span[0]) * 1e-3, 1e-9)
        self.selection.set_spans([(low, high)])

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
