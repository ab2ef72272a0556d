"""A track's route in a local projection, with start, finish, a position marker and privacy
zones (circles, with the part of the route they hide dashed and grey)."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QVBoxLayout, QWidget

from st_desktop.ui import theme
from st_desktop.ui.chart_format import FloatArray

#: The ring around the position marker (dark on either background, like the map's).
MARKER_RING = "#202020"
#: Opacity of the inside of a privacy zone, of 255.
ZONE_ALPHA = 56

#: A line: x and y (NaN breaks it).
Line = tuple[FloatArray, FloatArray]
#: A circle: centre x, centre y, radius (plot units).
Circle = tuple[float, float, float]


class RoutePlot(QWidget):
    """A track drawn in a local projection, with start, finish and a position marker."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._colours = theme.colours(self.palette())
        self._plot = pg.PlotWidget(self, enableMenu=False)
        self._plot.setAspectLocked(True)
        self._plot.hideAxis("left")
        self._plot.hideAxis("bottom")
        self._plot.setMenuEnabled(False)
        self._plot.hideButtons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._plot)
        self._line = pg.PlotDataItem(connect="finite")
        self._line.setDownsampling(auto=True, method="peak")
        self._hidden = pg.PlotDataItem(connect="finite")  # what privacy zones hide on upload
        self._zones: list[QGraphicsEllipseItem] = []
        self._start = pg.ScatterPlotItem(size=12)
        self._finish = pg.ScatterPlotItem(size=12)
        # A dark ring sets the marker off from the line in either scheme.
        self._marker = pg.ScatterPlotItem(size=11, pen=pg.mkPen(MARKER_RING))
        self._plot.addItem(self._hidden)
        for item in (self._line, self._start, self._finish, self._marker):
            self._plot.addItem(item)
        self._message = pg.TextItem("", anchor=(0.5, 0.5))
        self._plot.addItem(self._message, ignoreBounds=True)
        self._paint(self._colours)
        self._fitted = False  # showing the route as fitted (the user has not moved it)
        view = self._plot.getViewBox()
        view.sigResized.connect(self._resized)
        view.sigRangeChangedManually.connect(self._moved_by_user)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            colours = theme.colours(self.palette())
            if colours is not self._colours:
                self._paint(colours)

    def _paint(self, colours: theme.Colours) -> None:
        """Background, line, pins and message in ``colours`` (the route's data stay)."""
        self._colours = colours
        self._plot.setBackground(colours.background)
        self._line.setPen(pg.mkPen(colours.route, width=2.5))
        # The pins are ringed in the background colour: they stand out from the line on it.
        ring = pg.mkPen(colours.background)
        self._start.setBrush(pg.mkBrush(colours.start))
        self._start.setPen(ring)
        self._finish.setBrush(pg.mkBrush(colours.finish))
        self._finish.setPen(ring)
        self._marker.setBrush(pg.mkBrush(colours.marker))
        self._message.setColor(colours.muted)
        self._hidden.setPen(pg.mkPen(colours.muted, width=2.5, style=Qt.PenStyle.DashLine))
        for zone in self._zones:
            self._paint_zone(zone)

    def _paint_zone(self, zone: QGraphicsEllipseItem) -> None:
        pen = QPen(self._colours.muted, 1.5, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)  # pixels wide, whatever the scale
        fill = QColor(self._colours.muted)
        fill.setAlpha(ZONE_ALPHA)
        zone.setPen(pen)
        zone.setBrush(QBrush(fill))

    def colours(self) -> theme.Colours:
        """The colours the route is painted in."""
        return self._colours

    def set_route(
        self,
        x: FloatArray,
        y: FloatArray,
        ends: tuple[tuple[float, float], tuple[float, float]] | None = None,
    ) -> None:
        """Draw the projected track; start and finish at ``ends`` (default: first and last fix).

        Privacy zones drawn for the route before go (see :meth:`show_private`)."""
        self._message.setText("")
        self.show_private(None, None, ())
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
        self.show_private(None, None, ())
        for item in (self._line, self._start, self._finish, self._marker):
            item.setData([], [])
        self._message.setText(text)
        self._message.setPos(0, 0)
        self._fitted = False
        self._plot.setRange(xRange=(-1, 1), yRange=(-1, 1))

    def show_private(
        self, shown: Line | None, hidden: Line | None, zones: Sequence[Circle]
    ) -> None:
        """Privacy ``zones`` as circles, the route's ``shown`` part as its line (None keeps the
        line) and the ``hidden`` part dashed and grey (None: none). The view does not move."""
        if shown is not None:
            self._line.setData(*shown)
        self._hidden.setData(*(hidden if hidden is not None else ([], [])))
        for old in self._zones:
            self._plot.removeItem(old)
        self._zones = []
        for cx, cy, radius in zones:
            zone = QGraphicsEllipseItem(QRectF(cx - radius, cy - radius, 2 * radius, 2 * radius))
            zone.setZValue(-20)  # under the route
            self._paint_zone(zone)
            self._plot.addItem(zone, ignoreBounds=True)  # the route is fitted, not the zones
            self._zones.append(zone)

    def private_parts(self) -> tuple[int, int]:
        """How many zones are drawn, and how many points of the route are drawn hidden."""
        _xs, ys = self._hidden.getData()
        hidden = int(np.isfinite(ys).sum()) if ys is not None else 0
        return len(self._zones), hidden

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
