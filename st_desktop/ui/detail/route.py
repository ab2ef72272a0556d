"""The route of a track, drawn in a local projection (no map tiles), with start and finish.

Public API (stable; the upload pane shows parsed files with it too)::

    route = RouteView()                       # objectName "routeView"
    route.set_track(track, units)             # Track | None, "metric" | "imperial"
    route.set_marker_at(elapsed_s)            # follows ChartsView.cursor_moved; NaN/None hides
    route.set_private(zones, hidden)          # privacy zones, and the part they hide (dashed)

The projection is equirectangular around the track's mean latitude (x = lon * cos(lat0),
y = lat), which is accurate enough for the few kilometres a workout covers. The line is drawn
from :attr:`Track.display` (reduced on the worker that built the track); the marker follows the
full track. The plot (and the plotting library) is built when the first route is drawn.
"""

from __future__ import annotations

import importlib
import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

import numpy as np
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QBoxLayout, QLabel, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from st_desktop.domain.track import FloatArray, Track
from st_desktop.parsers.privacy import EARTH_RADIUS_M, HiddenStretches, PrivacyZone
from st_desktop.ui import theme

#: Metres in a degree of latitude (the projection's unit).
METRES_PER_DEGREE = math.pi * EARTH_RADIUS_M / 180.0

if TYPE_CHECKING:
    from st_desktop.ui.plotting import RoutePlot


def project(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray, float]:
    """Equirectangular projection in degrees of latitude; returns x, y and cos(lat0)."""
    finite = np.isfinite(lat) & np.isfinite(lon)
    lat0 = float(np.mean(lat[finite])) if finite.any() else 0.0
    scale = math.cos(math.radians(lat0))
    return lon * scale, lat.copy(), scale


class RouteDisplay(Protocol):
    """What a pane asks of its route: the plain :class:`RouteView` or a map (``MapView``)."""

    @property
    def track(self) -> Track | None: ...

    def set_track(self, track: Track | None, units: str = ...) -> None: ...

    def set_marker_at(self, elapsed: float | None) -> None: ...

    def marker_position(self) -> tuple[float, float] | None: ...

    def set_private(
        self, zones: Sequence[PrivacyZone], hidden: HiddenStretches | None = None
    ) -> None: ...


class RouteView(QWidget):
    """The track's route with start (green), finish (red) and a position marker (orange).

    Painted in the light or dark colours of its palette (:mod:`st_desktop.ui.theme`), live.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeView")
        self.setAccessibleName(self.tr("Route"))
        self._track: Track | None = None
        self._cleared = False  # set_track(None) is what is shown
        self._scale = 1.0
        self._plot: RoutePlot | None = None  # built with the first route
        # Until then a label says what the plot would say, in the plot's colours.
        self.message = QLabel(self.tr("No route"), self)
        self.message.setObjectName("routeMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._style_message()
        # Sized like the plot that replaces it, so the first layout is the same.
        self.message.setMinimumSize(100, 68)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.message)
        self.setMinimumSize(160, 160)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style_message()

    def _style_message(self) -> None:
        colours = theme.colours(self.palette())
        style = f"background: {theme.css(colours.background)}; color: {theme.css(colours.muted)};"
        if self.message.styleSheet() != style:
            self.message.setStyleSheet(style)

    @property
    def plot(self) -> RoutePlot:
        """The route plot (built, and the plotting library imported, on first use)."""
        if self._plot is None:
            plotting = importlib.import_module("st_desktop.ui.plotting")
            self._plot = plotting.RoutePlot(self)
            self._layout.addWidget(self._plot)
        return self._plot

    @property
    def track(self) -> Track | None:
        """The track shown."""
        return self._track

    def warm_up(self) -> None:
        """Build the plot ahead of the first route (while the app is idle)."""
        if self._plot is None:
            self.plot.show_message(self.message.text())
            self.message.hide()

    def set_track(self, track: Track | None, units: str = "metric") -> None:  # noqa: ARG002
        """Draw ``track``'s route (None clears; a track without GPS says so).

        Given the full version of the track already drawn from its reduced samples (a file
        read again), the line stays and only the marker follows the full track.
        """
        if track is None and self._cleared:
            return  # cleared already: showing a file still being read costs no plot work
        old, self._track = self._track, track
        self._cleared = track is None
        drawn = old if old is not None and self._plot is not None and old.has_route else None
        if drawn is not None and track is not None and track.display.same_samples(drawn.display):
            return
        if track is None or not track.has_route:
            text = self.tr("No workout selected") if track is None else self.tr("No GPS data")
            if self._plot is None:
                self.message.setText(text)
            else:
                self._plot.show_message(text)
            return
        drawn = track.display
        x, y, self._scale = project(drawn.lat, drawn.lon)
        self.message.hide()
        self.plot.set_route(x, y, ends=_ends(track, self._scale))

    def set_marker_at(self, elapsed: float | None) -> None:
        """Put the marker where the track was ``elapsed`` seconds in (None/NaN hides it)."""
        track = self._track
        if self._plot is None:
            return
        if track is None or elapsed is None or math.isnan(elapsed):
            self._plot.set_marker(None, None)
            return
        position = track.position_at(elapsed)
        if position is None:
            self._plot.set_marker(None, None)
        else:
            lat, lon = position
            self._plot.set_marker(lon * self._scale, lat)

    def set_private(
        self, zones: Sequence[PrivacyZone], hidden: HiddenStretches | None = None
    ) -> None:
        """Draw privacy ``zones`` and, dashed and grey, the part of the route ``hidden`` on
        upload, until the next track (nothing without a route)."""
        track = self._track
        if self._plot is None or track is None or not track.has_route:
            return
        drawn = track.display
        x, y = drawn.lon * self._scale, drawn.lat.copy()  # as set_track projected them
        shown, hidden_line = hidden.split(drawn.time, x, y) if hidden else ((x, y), None)
        circles = [(z.lon * self._scale, z.lat, z.radius_m / METRES_PER_DEGREE) for z in zones]
        self._plot.show_private(shown, hidden_line, circles)

    def marker_position(self) -> tuple[float, float] | None:
        """(lat, lon) of the marker, None when hidden."""
        shown = self._plot.marker_position() if self._plot is not None else None
        if shown is None:
            return None
        x, y = shown
        return y, x / self._scale


def _ends(track: Track, scale: float) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """Projected first and last fix of the full track (the reduced line may start later)."""
    good = np.nonzero(np.isfinite(track.lat) & np.isfinite(track.lon))[0]
    if not len(good):
        return None
    first, last = good[0], good[-1]
    return (
        (float(track.lon[first]) * scale, float(track.lat[first])),
        (float(track.lon[last]) * scale, float(track.lat[last])),
    )


def swap_in_map(route: QWidget, view: QWidget, charts: QWidget) -> None:
    """Put ``view`` (a map drawing the route over tiles) where ``route`` is, and retire it.

    The map takes ``route``'s place in its splitter or layout, shows the track ``route``
    showed, and follows the crosshair of ``charts`` (a ChartsView) from now on.
    """
    parent = route.parentWidget()
    if isinstance(parent, QSplitter):
        parent.replaceWidget(parent.indexOf(route), view)
    elif parent is not None and (layout := parent.layout()) is not None:
        stretch = _stretch_of(layout, route)
        layout.replaceWidget(route, view)
        if stretch is not None and isinstance(layout, QBoxLayout):
            layout.setStretch(layout.indexOf(view), stretch)
    charts.cursor_moved.disconnect(route.set_marker_at)  # type: ignore[attr-defined]
    charts.cursor_moved.connect(view.set_marker_at)  # type: ignore[attr-defined]
    track = route.track  # type: ignore[attr-defined]
    if track is not None:
        view.set_track(track)  # type: ignore[attr-defined]
    route.hide()
    route.deleteLater()


def _stretch_of(layout: object, widget: QWidget) -> int | None:
    if isinstance(layout, QBoxLayout):
        index = layout.indexOf(widget)
        return layout.stretch(index) if index >= 0 else None
    return None
