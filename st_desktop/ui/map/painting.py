"""Drawing a map with QPainter: tiles, the route, its markers, privacy zones and the scale bar.

Colours come from the widget's palette, so the map reads in the light and the dark theme: the
ground under missing tiles is a neutral shade of the window colour, and the route has a casing
in the base colour (white on light, near-black on dark) that sets it off from any tile. On a
dark palette the tiles are dimmed (drawn translucent over the dark ground): the map is not a
white block in a dark window.

Privacy zones are translucent grey circles with a dashed edge, and the part of the route they
hide on upload is a dashed grey line (the palette's secondary text colour, light or dark).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QPolygonF,
)

from st_desktop.domain.mercator import (
    TILE_SIZE,
    Viewport,
    metres_per_pixel,
    project,
    scale_bar,
    to_world,
)
from st_desktop.domain.track import FloatArray
from st_desktop.parsers.privacy import HiddenStretches, PrivacyZone
from st_desktop.ui.theme import colours as theme_colours
from st_desktop.ui.theme import is_dark

#: Longest the scale bar may be, in logical pixels.
SCALE_BAR_PX = 120
#: How many zoom levels up a missing tile may borrow a scaled-up part of a loaded parent.
PARENT_LEVELS = 4
MARKER_RADIUS = 7.0
#: Route points further off screen than this are not drawn (unless next to one that is on).
CULL_PX = 64.0

#: Tiles on a dark palette are drawn this opaque over the dark ground: dimmed, still legible.
DARK_TILE_OPACITY = 0.65

#: tile (z, x, y) -> image in memory, or None.
ImageLookup = Callable[[int, int, int], "QImage | None"]


@dataclass(frozen=True)
class MapColours:
    """The map's colours for one palette."""

    ground: QColor
    route: QColor
    casing: QColor
    start: QColor
    finish: QColor
    marker: QColor
    panel: QColor
    text: QColor
    #: The part of the route privacy zones hide, and the zones' edge and inside.
    hidden: QColor
    zone_fill: QColor
    #: How opaque tiles are drawn over the ground (below 1: dimmed, on a dark palette).
    tile_opacity: float = 1.0

    @classmethod
    def from_palette(cls, palette: QPalette) -> MapColours:
        """Colours that read on ``palette`` (light or dark)."""
        window = palette.color(QPalette.ColorRole.Window)
        dark = is_dark(palette)
        ground = window.lighter(125) if dark else window.darker(106)
        casing = QColor(palette.color(QPalette.ColorRole.Base))
        casing.setAlpha(235)
        panel = QColor(palette.color(QPalette.ColorRole.Base))
        panel.setAlpha(215)
        hidden = QColor(theme_colours(palette).muted)
        zone_fill = QColor(hidden)
        zone_fill.setAlpha(56)
        return cls(
            ground=ground,
            # A magenta that no map style uses for roads, water or woods; lighter on dark.
            route=QColor("#ff3d8b") if dark else QColor("#c2185b"),
            casing=casing,
            start=QColor("#2e7d32"),
            finish=QColor("#c62828"),
            marker=QColor("#ff9800"),
            panel=panel,
            text=palette.color(QPalette.ColorRole.Text),
            hidden=hidden,
            zone_fill=zone_fill,
            tile_opacity=DARK_TILE_OPACITY if dark else 1.0,
        )


def draw_tiles(
    painter: QPainter, view: Viewport, z: int, lookup: ImageLookup, opacity: float = 1.0
) -> int:
    """Draw the zoom-``z`` tiles in view; a missing one borrows from a loaded parent if any.

    Args:
        opacity: below 1, the tiles are drawn translucent over what is painted (dimmed on a
            dark ground). The tiles do not overlap, so none is blended twice.

    Returns:
        How many tiles were drawn from their own image.
    """
    painter.save()
    painter.setOpacity(opacity)
    try:
        return _draw_tiles(painter, view, z, lookup)
    finally:
        painter.restore()


def _draw_tiles(painter: QPainter, view: Viewport, z: int, lookup: ImageLookup) -> int:
    n = 2**z
    size = TILE_SIZE * 2.0 ** (view.zoom - z)
    first_x, last_x, first_y, last_y = view.tile_range(z)
    drawn = 0
    for ty in range(first_y, last_y + 1):
        for tx in range(first_x, last_x + 1):
            left, top = view.to_screen(tx / n, ty / n)
            # Whole pixels edge to edge: no hairline seams between tiles at fractional zooms.
            x0, y0 = math.floor(left), math.floor(top)
            target = QRectF(x0, y0, math.floor(left + size) - x0, math.floor(top + size) - y0)
            image = lookup(z, tx % n, ty)
            if image is not None:
                painter.drawImage(target, image, QRectF(image.rect()))
                drawn += 1
                continue
            _draw_from_parent(painter, target, z, tx % n, ty, lookup)
    return drawn


def _draw_from_parent(
    painter: QPainter, target: QRectF, z: int, x: int, y: int, lookup: ImageLookup
) -> None:
    for up in range(1, min(PARENT_LEVELS, z) + 1):
        parent = lookup(z - up, x >> up, y >> up)
        if parent is None:
            continue
        part = parent.width() / 2**up
        source = QRectF((x % 2**up) * part, (y % 2**up) * part, part, part)
        painter.drawImage(target, parent, source)
        return


def route_polylines(view: Viewport, wx: FloatArray, wy: FloatArray) -> list[QPolygonF]:
    """The route on screen: one polyline per stretch without gaps, one point per pixel at most.

    Points far off screen are left out unless a neighbour is on screen (zoomed in on a long
    route, drawing stays as quick as the part in view).
    """
    sx, sy = view.screen_arrays(wx, wy)
    with np.errstate(invalid="ignore"):
        near = (sx > -CULL_PX) & (sx < view.width + CULL_PX)
        near &= (sy > -CULL_PX) & (sy < view.height + CULL_PX)
    on = near.copy()
    near[1:] |= on[:-1]
    near[:-1] |= on[1:]
    finite = np.flatnonzero(near & np.isfinite(sx) & np.isfinite(sy))
    if not len(finite):
        return []
    runs = np.split(finite, np.flatnonzero(np.diff(finite) > 1) + 1)
    lines: list[QPolygonF] = []
    for run in runs:
        px, py = sx[run], sy[run]
        rx, ry = np.rint(px), np.rint(py)
        keep = np.ones(len(run), dtype=bool)
        keep[1:] = (np.diff(rx) != 0) | (np.diff(ry) != 0)
        keep[-1] = True
        lines.append(QPolygonF([QPointF(x, y) for x, y in zip(px[keep], py[keep], strict=True)]))
    return lines


@dataclass
class RouteShape:
    """A route in world units, with what privacy zones hide of it and the zones around it.

    Attributes:
        wx, wy: every position, projected (NaN: no position).
        hidden: which positions the zones hide on upload (None: none).
        zones: the zones to draw.
    """

    wx: FloatArray
    wy: FloatArray
    hidden: HiddenStretches | None = None
    time: FloatArray | None = None
    zones: tuple[PrivacyZone, ...] = ()
    _lines: tuple[Viewport, list[QPolygonF], list[QPolygonF]] | None = field(
        default=None, repr=False
    )

    @classmethod
    def of(cls, lat: FloatArray, lon: FloatArray) -> RouteShape:
        """The route of these positions."""
        return cls(*project(lat, lon))

    def ends(self) -> tuple[tuple[float, float], tuple[float, float]] | None:
        """World units of the first and last position (None without one)."""
        good = np.flatnonzero(np.isfinite(self.wx) & np.isfinite(self.wy))
        if not len(good):
            return None
        first, last = int(good[0]), int(good[-1])
        return (
            (float(self.wx[first]), float(self.wy[first])),
            (float(self.wx[last]), float(self.wy[last])),
        )

    def set_private(
        self, zones: Sequence[PrivacyZone], hidden: HiddenStretches | None, time: FloatArray
    ) -> None:
        """Draw ``zones``, and the positions at times ``time`` that ``hidden`` covers apart."""
        self.zones, self.hidden, self.time = tuple(zones), hidden, time
        self._lines = None

    def lines(self, view: Viewport) -> tuple[list[QPolygonF], list[QPolygonF]]:
        """The polylines on screen: what goes up, and what the zones hide (kept per view)."""
        if self._lines is None or self._lines[0] != view:
            if self.hidden is None or self.time is None or len(self.time) != len(self.wx):
                shown, hidden = route_polylines(view, self.wx, self.wy), []
            else:
                (sx, sy), (hx, hy) = self.hidden.split(self.time, self.wx, self.wy)
                shown = route_polylines(view, sx, sy)
                hidden = route_polylines(view, hx, hy)
            self._lines = (view, shown, hidden)
        return self._lines[1], self._lines[2]


def draw_shape(
    painter: QPainter,
    view: Viewport,
    shape: RouteShape,
    marker: tuple[float, float] | None,
    colours: MapColours,
) -> None:
    """Privacy zones, the route (its hidden part apart), its pins and the marker at ``marker``
    (lat, lon; None: none), bottom to top."""
    draw_zones(painter, view, shape.zones, colours)
    shown, hidden = shape.lines(view)
    draw_hidden(painter, hidden, colours)
    draw_route(painter, shown, colours)
    ends = shape.ends()
    if ends is not None:
        start, finish = (QPointF(*view.to_screen(*end)) for end in ends)
        draw_ends(painter, start, finish, colours)
    if marker is not None:
        draw_marker(painter, QPointF(*view.to_screen(*to_world(*marker))), colours)


def draw_zones(
    painter: QPainter, view: Viewport, zones: Sequence[PrivacyZone], colours: MapColours
) -> None:
    """Privacy zones: translucent circles with a dashed edge."""
    pen = QPen(colours.hidden, 1.5, Qt.PenStyle.DashLine)
    for zone in zones:
        centre = QPointF(*view.to_screen(*to_world(zone.lat, zone.lon)))
        radius = zone.radius_m / metres_per_pixel(zone.lat, view.zoom)
        painter.setPen(pen)
        painter.setBrush(QBrush(colours.zone_fill))
        painter.drawEllipse(centre, radius, radius)


def draw_hidden(painter: QPainter, lines: list[QPolygonF], colours: MapColours) -> None:
    """The part of the route the zones hide: dashed grey on a thin casing."""
    for colour, width, style in (
        (colours.casing, 5.0, Qt.PenStyle.SolidLine),
        (colours.hidden, 3.0, Qt.PenStyle.DashLine),
    ):
        pen = QPen(colour, width, style)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line in lines:
            painter.drawPolyline(line)


def draw_route(painter: QPainter, lines: list[QPolygonF], colours: MapColours) -> None:
    """The route: a wide casing, then the line on it."""
    for colour, width in ((colours.casing, 6.5), (colours.route, 3.5)):
        pen = QPen(colour, width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for line in lines:
            if line.size() == 1:
                painter.drawPoint(line.at(0))
            else:
                painter.drawPolyline(line)


def draw_pin(painter: QPainter, at: QPointF, fill: QColor, casing: QColor, glyph: str) -> None:
    """A round marker with a white glyph: ``"start"`` (a triangle), ``"finish"`` (a square)
    or ``""`` (none: the position marker)."""
    r = MARKER_RADIUS
    painter.setPen(QPen(casing, 2.5))
    painter.setBrush(QBrush(fill))
    painter.drawEllipse(at, r, r)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("white")))
    if glyph == "start":
        path = QPainterPath()
        path.moveTo(at.x() - r * 0.3, at.y() - r * 0.45)
        path.lineTo(at.x() + r * 0.5, at.y())
        path.lineTo(at.x() - r * 0.3, at.y() + r * 0.45)
        path.closeSubpath()
        painter.drawPath(path)
    elif glyph == "finish":
        side = r * 0.75
        painter.drawRect(QRectF(at.x() - side / 2, at.y() - side / 2, side, side))


def draw_ends(painter: QPainter, start: QPointF, finish: QPointF, colours: MapColours) -> None:
    """Start and finish pins; where they meet (a loop, out and back) the finish rings the start."""
    gap = start - finish
    if math.hypot(gap.x(), gap.y()) < 2 * MARKER_RADIUS:
        ring = MARKER_RADIUS + 5.0
        painter.setPen(QPen(colours.casing, 2.0))
        painter.setBrush(QBrush(colours.finish))
        painter.drawEllipse(start, ring, ring)
    else:
        draw_pin(painter, finish, colours.finish, colours.casing, "finish")
    draw_pin(painter, start, colours.start, colours.casing, "start")


def draw_marker(painter: QPainter, at: QPointF, colours: MapColours) -> None:
    """The chart cursor's position: an orange dot in a dark ring, in a casing-coloured halo."""
    r = MARKER_RADIUS
    painter.setPen(QPen(colours.casing, 3.0))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(at, r + 3, r + 3)
    painter.setPen(QPen(QColor("#202020"), 2.0))
    painter.setBrush(QBrush(colours.marker))
    painter.drawEllipse(at, r, r)


def draw_scale_bar(
    painter: QPainter,
    view: Viewport,
    units: str,
    colours: MapColours,
    font: QFont,
    room: float = SCALE_BAR_PX,
    bottom: float | None = None,
) -> QRectF:
    """The scale bar at the left, at most ``room`` long, its bottom edge at ``bottom`` (default:
    the bottom-left corner); returns where it went (empty if none)."""
    length, label = scale_bar(view.metres_per_pixel(), room, units)
    if not label:
        return QRectF()
    painter.setFont(font)
    metrics = painter.fontMetrics()
    pad = 5.0
    text_height = metrics.height()
    width = max(length, metrics.horizontalAdvance(label)) + 2 * pad
    height = text_height + 8 + 2 * pad
    bottom = view.height - 6 if bottom is None else bottom
    panel = QRectF(6, bottom - height, width, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colours.panel))
    painter.drawRoundedRect(panel, 3, 3)
    painter.setPen(colours.text)
    painter.drawText(
        QRectF(panel.left() + pad, panel.top() + pad, width - 2 * pad, text_height),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
        label,
    )
    pen = QPen(colours.text, 2.0)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    base = panel.bottom() - pad - 1
    left, right = panel.left() + pad, panel.left() + pad + length
    painter.drawLine(QPointF(left, base), QPointF(right, base))
    for x in (left, right):
        painter.drawLine(QPointF(x, base), QPointF(x, base - 6))
    return panel


def draw_message(painter: QPainter, rect: QRectF, text: str, colours: MapColours) -> None:
    """A line of text in the middle (e.g. "No GPS data")."""
    painter.setPen(colours.text)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), text)
