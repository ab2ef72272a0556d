"""Selecting an x range on stacked charts: Shift+drag selects, Escape or a plain click clears.

:class:`RangeSelector` watches the charts' graphics view. A drag with Shift held is taken from
the plots (they would pan) and becomes the selection; a drag without Shift pans as before. The
selection is drawn by the charts (:meth:`~st_desktop.ui.plotting.chart.Chart.select`); this
module only turns mouse and keys into x ranges.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent

from st_desktop.ui.plotting.chart import Chart

#: A press and release this close (pixels) is a click, not a drag.
CLICK_SLOP_PX = 4.0
#: A Shift+drag narrower than this (pixels) selects nothing.
MIN_SELECTION_PX = 3.0

XRange = tuple[float, float]


class RangeSelector(QObject):
    """Turns Shift+drag over the charts into an x range, Escape and plain clicks into none.

    Args:
        view: the graphics view the charts are drawn in.
        charts: the charts shown, top to bottom (all on one linked x axis).
        show: draws a range (None: none) on every chart while it is dragged and after.
        hover: told where the mouse is (scene coordinates) while a drag takes its moves from
            the plots, and None when it leaves them: the crosshair follows either way.

    Signals:
        selected(object): the range the user selected, ``(low, high)`` in x units with
            low < high, or None when the user cleared it.
    """

    selected = Signal(object)

    def __init__(
        self,
        view: pg.GraphicsView,
        charts: Callable[[], Sequence[Chart]],
        show: Callable[[XRange | None], None],
        hover: Callable[[QPointF | None], None] = lambda _at: None,
    ) -> None:
        super().__init__(view)
        self._view = view
        self._charts = charts
        self._show = show
        self._hover = hover
        self._range: XRange | None = None
        self._anchor: float | None = None  # where a Shift+drag started (x units)
        self._anchor_px = 0.0
        self._pressed_at: QPointF | None = None  # a plain press, maybe a click
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)  # keys go to the view, the mouse to its viewport

    @property
    def range(self) -> XRange | None:
        """The range selected (x units), None when none."""
        return self._range

    def set_range(self, selected: XRange | None) -> None:
        """Show ``selected`` (from the program, not the user: nothing is emitted)."""
        self._anchor = None
        self._range = selected
        self._show(selected)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Leave and watched is self._view.viewport():
            self._hover(None)
        elif isinstance(event, QMouseEvent) and watched is self._view.viewport():
            if kind == QEvent.Type.MouseButtonPress:
                return self._pressed(event)
            if kind == QEvent.Type.MouseMove and self._anchor is not None:
                self._dragged(event.position())
                return True
            if kind == QEvent.Type.MouseButtonRelease:
                return self._released(event)
        elif isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if self._range is None and self._anchor is None:
                return False
            if kind == QEvent.Type.ShortcutOverride:  # ours, not a window's Escape shortcut
                event.accept()
                return True
            if kind == QEvent.Type.KeyPress:
                self._clear()
                return True
        return False

    # ------------------------------------------------------------------ mouse

    def _pressed(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        x = self._x_at(event.position(), inside=True)
        if x is None:
            return False
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._anchor, self._anchor_px = x, event.position().x()
            self._pressed_at = None
            self._view.setFocus(Qt.FocusReason.MouseFocusReason)  # for Escape
            self._show((x, x))
            return True  # the plots would pan
        self._pressed_at = event.position()
        return False

    def _dragged(self, position: QPointF) -> None:
        self._hover(self._view.mapToScene(position.toPoint()))
        x = self._x_at(position, inside=False)
        if x is not None and self._anchor is not None:
            self._show((min(self._anchor, x), max(self._anchor, x)))

    def _released(self, event: QMouseEvent) -> bool:
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        if self._anchor is not None:
            anchor, self._anchor = self._anchor, None
            x = self._x_at(event.position(), inside=False)
            wide = abs(event.position().x() - self._anchor_px) >= MIN_SELECTION_PX
            if x is None or not wide or x == anchor:
                self._clear()
            else:
                self._range = (min(anchor, x), max(anchor, x))
                self._show(self._range)
                self.selected.emit(self._range)
            return True
        pressed, self._pressed_at = self._pressed_at, None
        if pressed is not None and self._range is not None:
            moved = event.position() - pressed
            if abs(moved.x()) + abs(moved.y()) <= CLICK_SLOP_PX:
                self._clear()  # a plain click; a drag panned the charts and keeps the range
        return False

    def _clear(self) -> None:
        had = self._range is not None
        self._anchor = None
        self._range = None
        self._show(None)
        if had:
            self.selected.emit(None)

    # ------------------------------------------------------------------ geometry

    def _x_at(self, position: QPointF, *, inside: bool) -> float | None:
        """The x value under ``position`` (viewport pixels), within the data's x range.

        Args:
            inside: only over a chart's plot area (a press); else anywhere left or right of
                them (a drag may leave the charts: it stops at their edge).
        """
        charts = [chart for chart in self._charts() if len(chart.x)]
        if not charts:
            return None
        scene = self._view.mapToScene(position.toPoint())
        box = charts[0].plot.getViewBox()
        if inside:
            over = [c for c in charts if c.plot.getViewBox().sceneBoundingRect().contains(scene)]
            if not over:
                return None
            box = over[0].plot.getViewBox()
        x = float(box.mapSceneToView(scene).x())
        finite = np.concatenate([chart.x[np.isfinite(chart.x)] for chart in charts])
        if not len(finite):
            return None
        return float(np.clip(x, finite.min(), finite.max()))

    def point_at(self, x: float) -> QPoint:
        """Where ``x`` is in the view's viewport, halfway down the top chart (for tests and
        assistive tools that drive the mouse)."""
        box = self._charts()[0].plot.getViewBox()
        middle = box.sceneBoundingRect().center().y()
        scene = box.mapViewToScene(QPointF(x, 0.0))
        return self._view.mapFromScene(QPointF(scene.x(), middle))
