"""The route on map tiles: :class:`MapView`.

Public API (the same marker methods as :class:`~st_desktop.ui.detail.route.RouteView`, so the
charts' crosshair drives either)::

    view = MapView(tiles)                     # objectName "mapView"; tiles: MapTiles
    view.set_track(track, units)              # Track | None, "metric" | "imperial"
    view.set_units(units)                     # the scale bar's units
    view.set_marker_at(elapsed_s)             # follows ChartsView.cursor_moved; NaN/None hides
    view.marker_position()                    # (lat, lon) of the marker, None when hidden
    view.set_private(zones, hidden)           # privacy zones and what they hide, drawn apart

The map fits the route when a track is set (and on resizes until the user moves the map). The
mouse wheel zooms about the cursor, a drag pans, a double click zooms in; the keyboard has
+ and - (zoom), the arrows (pan) and Home (fit the route again). Tiles are asked for only
while the map is visible: the tiles in view plus one all around. The tile server's credit is
always in the bottom-right corner (a link where the server names one) and the scale bar in the
bottom-left.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QHideEvent,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from st_desktop.domain.mercator import Bounds, Viewport, fit, scale_bar
from st_desktop.domain.track import Track
from st_desktop.parsers.privacy import HiddenStretches, PrivacyZone
from st_desktop.store.tiles import TileKey
from st_desktop.ui.map.credit import CreditLabel
from st_desktop.ui.map.loader import MapTiles
from st_desktop.ui.map.painting import (
    SCALE_BAR_PX,
    MapColours,
    RouteShape,
    draw_message,
    draw_scale_bar,
    draw_shape,
    draw_tiles,
)

#: Zoom levels per wheel notch (two notches make a level: fine steps at fractional zooms).
ZOOM_PER_NOTCH = 0.5
#: Pixels an arrow key moves the map.
PAN_STEP_PX = 80
#: Free pixels around the route when it is fitted (room for the markers).
FIT_PADDING_PX = 36
#: Zoom levels beyond the server's deepest that the map still allows (tiles scaled up).
OVERZOOM = 2
MIN_ZOOM = 1.0


class MapView(QWidget):
    """The route of a track on XYZ map tiles, with start, finish and a position marker.

    Args:
        tiles: the app's tile images (shared by every map).
        parent: the parent widget.
        units: "metric" or "imperial" (the scale bar).
    """

    def __init__(
        self, tiles: MapTiles, parent: QWidget | None = None, units: str = "metric"
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.setAccessibleName(self.tr("Map"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(160, 160)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self._tiles = tiles
        self._units = units
        self._track: Track | None = None
        self._shape = RouteShape(np.empty(0), np.empty(0))
        self._bounds: Bounds | None = None
        self._marker: tuple[float, float] | None = None
        self._view: Viewport | None = None
        self._auto_fit = True
        self._drag_from: QPointF | None = None
        self._message = self.tr("No workout selected")
        self._shown: frozenset[TileKey] = frozenset()  # the tiles last asked for
        self.attribution = CreditLabel(self)
        self._request_timer = QTimer(self)
        self._request_timer.setSingleShot(True)
        self._request_timer.setInterval(0)  # many moves in one event loop pass: one request
        self._request_timer.timeout.connect(self._request_tiles)
        tiles.tile_loaded.connect(self._tile_loaded)
        tiles.source_changed.connect(self._source_changed)
        owner_id = id(self)
        self.destroyed.connect(lambda: tiles.release(owner_id))
        self._style_attribution()

    # ------------------------------------------------------------------ public API

    def set_track(self, track: Track | None, units: str | None = None) -> None:
        """Draw ``track``'s route on the map, fitted to it (None clears it).

        ``units`` sets the scale bar's units too (None keeps them).
        """
        bounds = Bounds.around(track.lat, track.lon) if track is not None else None
        # The full samples of the reduced track shown (read when the user looks closer): the
        # same route, so the user's zoom, pan and marker stay.
        same_route = self._track is not None and bounds is not None and bounds == self._bounds
        if same_route and track is not None and self._view is not None:
            self._track = track
            self._units = units or self._units
            old, self._shape = self._shape, RouteShape.of(track.lat, track.lon)
            if old.time is not None:  # the zones stay; the hidden part follows the new samples
                self._shape.set_private(old.zones, old.hidden, track.time)
            self.update()
            return
        self._track = track
        self._units = units or self._units
        self._marker = None
        self._bounds = bounds
        if track is None or self._bounds is None:
            self._shape = RouteShape(np.empty(0), np.empty(0))
            self._view = None
            self._message = (
                self.tr("No workout selected") if track is None else self.tr("No GPS data")
            )
        else:
            self._shape = RouteShape.of(track.lat, track.lon)
            self._message = ""
            self.fit_route()
        self._schedule()
        self.update()

    @property
    def track(self) -> Track | None:
        """The track shown."""
        return self._track

    @property
    def units(self) -> str:
        """The scale bar's units: "metric" or "imperial"."""
        return self._units

    def set_units(self, units: str) -> None:
        """Show the scale bar in "metric" or "imperial" units."""
        self._units = units
        self.update()

    def set_marker_at(self, elapsed: float | None) -> None:
        """Put the marker where the track was ``elapsed`` seconds in (None/NaN hides it)."""
        track = self._track
        position = None
        if track is not None and elapsed is not None and not math.isnan(elapsed):
            position = track.position_at(elapsed)
        if position != self._marker:
            self._marker = position
            self.update()

    def marker_position(self) -> tuple[float, float] | None:
        """(lat, lon) of the marker, None when hidden."""
        return self._marker

    def set_private(
        self, zones: Sequence[PrivacyZone], hidden: HiddenStretches | None = None
    ) -> None:
        """Draw privacy ``zones`` and the part of the route they ``hidden`` on upload (dashed,
        grey) until the next track."""
        track = self._track
        time = track.time if track is not None else np.empty(0)
        self._shape.set_private(zones, hidden, time)
        self.update()

    def private_parts(self) -> tuple[tuple[PrivacyZone, ...], HiddenStretches | None]:
        """The zones drawn and what they hide."""
        return self._shape.zones, self._shape.hidden

    def viewport(self) -> Viewport | None:
        """What the map shows now (None without a route)."""
        return self._view

    def fit_route(self) -> None:
        """Show the whole route again, as large as it fits."""
        if self._bounds is None:
            return
        self._auto_fit = True
        self._set_view(
            fit(
                self._bounds,
                max(1, self.width()),
                max(1, self.height()),
                padding=self._fit_padding(),
                min_zoom=MIN_ZOOM,
                max_zoom=self._max_zoom() - OVERZOOM,
            )
        )

    def zoom_by(self, delta: float, at: QPointF | None = None) -> None:
        """Zoom in (``delta`` > 0) or out by ``delta`` levels about ``at`` (default: centre)."""
        if self._view is None:
            return
        self._auto_fit = False
        x, y = (at.x(), at.y()) if at is not None else (None, None)
        self._set_view(self._view.zoomed(delta, x, y, MIN_ZOOM, self._max_zoom()))

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map as a drag of (dx, dy) pixels would."""
        if self._view is None:
            return
        self._auto_fit = False
        self._set_view(self._view.panned(dx, dy))

    def tile_scale(self) -> int:
        """2 on a HiDPI screen (512 px tiles where the server has them), else 1."""
        return 2 if self.devicePixelRatioF() > 1.0 else 1

    def wanted_tiles(self) -> list[TileKey]:
        """The tiles this map needs now: those in view plus one all around (none if hidden)."""
        view = self._view
        if view is None or not self.isVisible():
            return []
        source = self._tiles.source
        z = view.tile_zoom(0, source.max_zoom)
        scale = self.tile_scale()
        return [source.key(z, x, y, scale) for x, y in view.tiles(z, margin=1)]

    def requested_tiles(self) -> frozenset[TileKey]:
        """The tiles this map asked for last (empty while hidden or without a route)."""
        return self._shown

    def scale_bar_text(self) -> str:
        """The scale bar's label now ("500 m", "1 mi"; "" without a route)."""
        if self._view is None:
            return ""
        return scale_bar(self._view.metres_per_pixel(), self._scale_bar_room(), self._units)[1]

    # ------------------------------------------------------------------ internals

    def _max_zoom(self) -> float:
        return float(min(21, self._tiles.source.max_zoom + OVERZOOM))

    def _set_view(self, view: Viewport) -> None:
        if view != self._view:
            self._view = view
            self._schedule()
            self.update()

    def _schedule(self) -> None:
        self._request_timer.start()

    def _request_tiles(self) -> None:
        wanted = self.wanted_tiles()
        self._shown = frozenset(wanted)
        self._tiles.request(self, wanted)

    def _tile_loaded(self, key: object) -> None:
        if key in self._shown and self.isVisible():
            self.update()

    def _source_changed(self) -> None:
        self._style_attribution()
        self._schedule()
        self.update()

    def _style_attribution(self) -> None:
        self.attribution.show_source(self._tiles.source, self.palette(), self.font().pointSizeF())
        self._place_attribution()

    def _place_attribution(self) -> None:
        self.attribution.place(self.width(), self.height())

    def _fit_padding(self) -> int:
        # Room for the markers, but a small map gives the route most of its space.
        return min(FIT_PADDING_PX, max(8, min(self.width(), self.height()) // 8))

    def _scale_bar_room(self) -> float:
        return float(min(SCALE_BAR_PX, max(40, self.width() * 0.4)))

    def _scale_bar_bottom(self) -> float:
        """Above the credit where the two would meet, else in the corner."""
        credit = self.attribution.geometry()
        if self.attribution.isVisible() and credit.left() < self._scale_bar_room() + 24:
            return float(credit.top() - 4)
        return float(self.height() - 6)

    def _image(self, z: int, x: int, y: int) -> QImage | None:
        source = self._tiles.source
        return self._tiles.image(source.key(z, x, y, self.tile_scale()))

    # ------------------------------------------------------------------ Qt events

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        colours = MapColours.from_palette(self.palette())
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), colours.ground)
            view = self._view
            if view is None:
                draw_message(painter, QRectF(self.rect()), self._message, colours)
                return
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            z = view.tile_zoom(0, self._tiles.source.max_zoom)
            draw_tiles(painter, view, z, self._image, colours.tile_opacity)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            draw_shape(painter, view, self._shape, self._marker, colours)
            draw_scale_bar(
                painter,
                view,
                self._units,
                colours,
                self.font(),
                self._scale_bar_room(),
                self._scale_bar_bottom(),
            )
        finally:
            painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_attribution()
        if self._view is None:
            return
        if self._auto_fit:
            self.fit_route()
        else:
            self._set_view(self._view.resized(self.width(), self.height()))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._shown = frozenset()
        self._tiles.request(self, [])  # a hidden map wants no tiles

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self._style_attribution()
            self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:
        notches = event.angleDelta().y() / 120.0
        if notches:
            self.zoom_by(notches * ZOOM_PER_NOTCH, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._view is not None:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_by(delta.x(), delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None and event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = None
            self.setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.zoom_by(1.0, event.position())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        steps = {
            Qt.Key.Key_Left: (PAN_STEP_PX, 0),
            Qt.Key.Key_Right: (-PAN_STEP_PX, 0),
            Qt.Key.Key_Up: (0, PAN_STEP_PX),
            Qt.Key.Key_Down: (0, -PAN_STEP_PX),
        }
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(1.0)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_by(-1.0)
        elif key in steps:
            self.pan_by(*steps[Qt.Key(key)])
        elif key in (Qt.Key.Key_Home, Qt.Key.Key_0):
            self.fit_route()
        else:
            super().keyPressEvent(event)
            return
        event.accept()
