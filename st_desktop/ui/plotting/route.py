"""A track's route in a local projection, with start, finish and a position marker."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from st_desktop.ui import theme
from st_desktop.ui.chart_format import FloatArray

#: The ring around the position marker (dark on either background, like the map's).
MARKER_RING = "#202020"


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
        self._start = pg.ScatterPlotItem(size=12)
        self._finish = pg.ScatterPlotItem(size=12)
        # A dark ring sets the marker off from the line in either scheme.
        self._marker = pg.ScatterPlotItem(size=11, pen=pg.mkPen(MARKER_RING))
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

    def colours(self) -> theme.Colours:
        """The colours the route is painted in."""
        return self._colours

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
