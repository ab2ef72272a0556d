"""The only package that imports pyqtgraph: stacked line charts with a crosshair, and a route plot.

Widgets elsewhere (``ui/detail/charts.py``, ``ui/detail/route.py``) use these wrappers, so the
plotting library stays replaceable and its Qt binding is chosen in one place (PySide6, imported
before pyqtgraph, here, before any module of the package loads it). Long streams are drawn with
``clipToView`` and automatic peak downsampling, and NaN gaps break the line instead of bridging
it. Tick placement and label text are plain arithmetic in :mod:`st_desktop.ui.chart_format`.

The charts and the route paint in the colours of :mod:`st_desktop.ui.theme` for their palette,
and restyle their plots (no data is set again) when the palette changes between light and dark.

Modules: :mod:`.chart` (one chart of a stack: axes, curve, crosshair, pause bands),
:mod:`.stacked` (:class:`StackedPlots`), :mod:`.route` (:class:`RoutePlot`).
"""

from __future__ import annotations

import os

import PySide6.QtCore  # noqa: F401 - the binding pyqtgraph is told to use below, loaded first

# pyqtgraph picks its Qt binding when first imported: PySide6 is loaded above and named here.
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

# isort: split
from st_desktop.ui.chart_format import (
    LABEL_MARGIN,
    MIN_LABEL_GAP,
    TIME_STEPS,
    FloatArray,
    TickFormatter,
)
from st_desktop.ui.plotting.chart import TITLE_ROOM, Y_AXIS_WIDTH, ZOOM_DETAIL, ChartSpec
from st_desktop.ui.plotting.route import RoutePlot
from st_desktop.ui.plotting.stacked import MIN_CHART_HEIGHT, X_AXIS_HEIGHT, StackedPlots

# The tick constants moved to chart_format with the arithmetic; they stay importable from here.
__all__ = [
    "LABEL_MARGIN",
    "MIN_CHART_HEIGHT",
    "MIN_LABEL_GAP",
    "TIME_STEPS",
    "TITLE_ROOM",
    "X_AXIS_HEIGHT",
    "Y_AXIS_WIDTH",
    "ZOOM_DETAIL",
    "ChartSpec",
    "FloatArray",
    "RoutePlot",
    "StackedPlots",
    "TickFormatter",
]
