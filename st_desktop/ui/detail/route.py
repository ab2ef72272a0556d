"""The route of a track, drawn in a local projection (no map tiles), with start and finish.

Public API (stable; the upload pane shows parsed files with it too)::

    route = RouteView()                       # objectName "routeView"
    route.set_track(track, units)             # Track | None, "metric" | "imperial"
    route.set_marker_at(elapsed_s)            # follows ChartsView.cursor_moved; NaN/None hides

The projection is equirectangular around the track's mean latitude (x = lon * cos(lat0),
y = lat), which is accurate enough for the few kilometres a workout covers.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtWidgets import QVBoxLayout, QWidget

from st_desktop.domain.track import FloatArray, Track
from st_desktop.ui.plotting import RoutePlot


def project(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray, float]:
    """Equirectangular projection in degrees of latitude; returns x, y and cos(lat0)."""
    finite = np.isfinite(lat) & np.isfinite(lon)
    lat0 = float(np.mean(lat[finite])) if finite.any() else 0.0
    scale = math.cos(math.radians(lat0))
    return lon * scale, lat.copy(), scale


class RouteView(QWidget):
    """The track's route with start (green), finish (red) and a position marker (orange)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routeView")
        self.setAccessibleName("Route")
        self._track: Track | None = None
        self._scale = 1.0
        self.plot = RoutePlot(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.setMinimumSize(160, 160)
        self.plot.show_message("No route")

    def set_track(self, track: Track | None, units: str = "metric") -> None:  # noqa: ARG002
        """Draw ``track``'s route (None clears; a track without GPS says so)."""
        self._track = track
        if track is None:
            self.plot.show_message("No workout selected")
        elif not track.has_route:
            self.plot.show_message("No GPS data")
        else:
            x, y, self._scale = project(track.lat, track.lon)
            self.plot.set_route(x, y)

    def set_marker_at(self, elapsed: float | None) -> None:
        """Put the marker where the track was ``elapsed`` seconds in (None/NaN hides it)."""
        track = self._track
        if track is None or elapsed is None or math.isnan(elapsed):
            self.plot.set_marker(None, None)
            return
        position = track.position_at(elapsed)
        if position is None:
            self.plot.set_marker(None, None)
        else:
            lat, lon = position
            self.plot.set_marker(lon * self._scale, lat)

    def marker_position(self) -> tuple[float, float] | None:
        """(lat, lon) of the marker, None when hidden."""
        shown = self.plot.marker_position()
        if shown is None:
            return None
        x, y = shown
        return y, x / self._scale
