"""Web Mercator (EPSG:3857) as XYZ tile servers use it: positions, tiles, viewports, scale.

Positions are kept as *world units*: x and y in [0, 1] across the whole map, x growing east
from longitude -180° and y growing south from latitude +85.0511° (where the square world of
tile 0/0/0 ends). At zoom ``z`` the world is ``256 * 2**z`` pixels wide and split into
``2**z`` × ``2**z`` tiles; a fractional zoom is the same world drawn at an in-between size.

:class:`Viewport` is what a map widget shows: a centre in world units, a zoom and a size in
logical pixels. It converts between screen pixels and world units, zooms about a point, pans,
lists the tiles it needs and tells the ground distance of a pixel for the scale bar.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from st_desktop.domain.track import FloatArray

#: Pixels of one tile at its own zoom (the @2x variants draw 512 into the same 256).
TILE_SIZE = 256
#: The latitude where the Web Mercator square ends (``atan(sinh(pi))``).
MAX_LATITUDE = 85.0511287798066
#: WGS84 equatorial radius: Web Mercator projects onto a sphere of this radius.
EARTH_RADIUS_M = 6_378_137.0
EQUATOR_M = 2 * math.pi * EARTH_RADIUS_M

METRES_PER_FOOT = 0.3048
METRES_PER_MILE = 1609.344


def to_world(lat: float, lon: float) -> tuple[float, float]:
    """World units (x, y) in [0, 1] of a latitude and longitude in degrees."""
    lat = max(-MAX_LATITUDE, min(MAX_LATITUDE, lat))
    x = (lon + 180.0) / 360.0
    phi = math.radians(lat)
    y = (1.0 - math.log(math.tan(phi) + 1.0 / math.cos(phi)) / math.pi) / 2.0
    return x, y


def from_world(x: float, y: float) -> tuple[float, float]:
    """Latitude and longitude in degrees of world units (x, y)."""
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y))))
    return lat, lon


def project(lat: FloatArray, lon: FloatArray) -> tuple[FloatArray, FloatArray]:
    """:func:`to_world` over arrays; NaN stays NaN (a gap in the route)."""
    clipped = np.radians(np.clip(lat, -MAX_LATITUDE, MAX_LATITUDE))
    x = (np.asarray(lon, dtype=np.float64) + 180.0) / 360.0
    with np.errstate(invalid="ignore"):
        y = (1.0 - np.log(np.tan(clipped) + 1.0 / np.cos(clipped)) / math.pi) / 2.0
    return x, y


def world_pixels(zoom: float) -> float:
    """Width of the world in pixels at ``zoom`` (256 at zoom 0)."""
    return float(TILE_SIZE * 2.0**zoom)


def tile_at(lat: float, lon: float, z: int) -> tuple[int, int]:
    """The (x, y) of the zoom-``z`` tile holding a position."""
    n = 2**z
    wx, wy = to_world(lat, lon)
    return min(n - 1, max(0, int(wx * n))), min(n - 1, max(0, int(wy * n)))


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground distance of one (logical) pixel at ``lat`` and ``zoom``."""
    return EQUATOR_M * math.cos(math.radians(lat)) / world_pixels(zoom)


@dataclass(frozen=True)
class Bounds:
    """A latitude/longitude box (degrees), south-west to north-east."""

    south: float
    west: float
    north: float
    east: float

    @classmethod
    def around(cls, lat: FloatArray, lon: FloatArray) -> Bounds | None:
        """The box holding every finite position; None when there is none."""
        good = np.isfinite(lat) & np.isfinite(lon)
        if not good.any():
            return None
        la, lo = lat[good], lon[good]
        return cls(float(la.min()), float(lo.min()), float(la.max()), float(lo.max()))


@dataclass(frozen=True)
class Viewport:
    """What a map shows: ``centre`` in world units, ``zoom`` and a size in logical pixels."""

    cx: float
    cy: float
    zoom: float
    width: int
    height: int

    @property
    def scale(self) -> float:
        """Pixels per world unit."""
        return world_pixels(self.zoom)

    def to_screen(self, x: float, y: float) -> tuple[float, float]:
        """Screen pixel of world units (x, y)."""
        s = self.scale
        return (x - self.cx) * s + self.width / 2.0, (y - self.cy) * s + self.height / 2.0

    def screen_arrays(self, x: FloatArray, y: FloatArray) -> tuple[FloatArray, FloatArray]:
        """:meth:`to_screen` over arrays."""
        s = self.scale
        return (x - self.cx) * s + self.width / 2.0, (y - self.cy) * s + self.height / 2.0

    def to_world(self, sx: float, sy: float) -> tuple[float, float]:
        """World units under screen pixel (sx, sy)."""
        s = self.scale
        return self.cx + (sx - self.width / 2.0) / s, self.cy + (sy - self.height / 2.0) / s

    def resized(self, width: int, height: int) -> Viewport:
        """The same centre and zoom in another size."""
        return replace(self, width=width, height=height)

    def panned(self, dx: float, dy: float) -> Viewport:
        """Moved so the map follows a drag of (dx, dy) pixels."""
        s = self.scale
        return _clamped(replace(self, cx=self.cx - dx / s, cy=self.cy - dy / s))

    def zoomed(
        self,
        delta: float,
        sx: float | None = None,
        sy: float | None = None,
        min_zoom: float = 0.0,
        max_zoom: float = 20.0,
    ) -> Viewport:
        """Zoomed by ``delta`` levels about screen point (sx, sy) (default: the centre).

        The world point under (sx, sy) stays under it.
        """
        zoom = max(min_zoom, min(max_zoom, self.zoom + delta))
        if zoom == self.zoom:
            return self
        sx = self.width / 2.0 if sx is None else sx
        sy = self.height / 2.0 if sy is None else sy
        wx, wy = self.to_world(sx, sy)
        s = world_pixels(zoom)
        cx = wx - (sx - self.width / 2.0) / s
        cy = wy - (sy - self.height / 2.0) / s
        return _clamped(replace(self, cx=cx, cy=cy, zoom=zoom))

    def tile_zoom(self, min_zoom: int = 0, max_zoom: int = 19) -> int:
        """The tile level to draw at this zoom (nearest; tiles are scaled by at most √2)."""
        return max(min_zoom, min(max_zoom, math.floor(self.zoom + 0.5)))

    def tile_range(self, z: int, margin: int = 0) -> tuple[int, int, int, int]:
        """First and last tile column and row (inclusive) this view touches at zoom ``z``.

        Columns are not wrapped (they may fall outside ``[0, 2**z)`` near the antimeridian:
        take them modulo ``2**z``); rows beyond the poles are left out.
        """
        n = 2**z
        x0, y0 = self.to_world(0.0, 0.0)
        x1, y1 = self.to_world(float(self.width), float(self.height))
        first_x, last_x = math.floor(x0 * n) - margin, math.ceil(x1 * n) - 1 + margin
        first_y = max(0, math.floor(y0 * n) - margin)
        last_y = min(n - 1, math.ceil(y1 * n) - 1 + margin)
        return first_x, last_x, first_y, last_y

    def tiles(self, z: int, margin: int = 1) -> list[tuple[int, int]]:
        """The zoom-``z`` tiles (x, y) this view shows, plus ``margin`` tiles around them.

        Nearest the centre first (they matter most); x wraps around the antimeridian, rows
        beyond the poles are left out.
        """
        n = 2**z
        first_x, last_x, first_y, last_y = self.tile_range(z, margin)
        centre = (self.cx * n, self.cy * n)
        found: dict[tuple[int, int], float] = {}
        for ty in range(first_y, last_y + 1):
            for tx in range(first_x, last_x + 1):
                key = (tx % n, ty)
                distance = (tx + 0.5 - centre[0]) ** 2 + (ty + 0.5 - centre[1]) ** 2
                found[key] = min(distance, found.get(key, distance))
        return sorted(found, key=lambda key: (found[key], key))

    def metres_per_pixel(self) -> float:
        """Ground distance of one pixel at the centre's latitude."""
        lat, _ = from_world(self.cx, self.cy)
        return metres_per_pixel(lat, self.zoom)


def _clamped(view: Viewport) -> Viewport:
    return replace(view, cx=min(1.0, max(0.0, view.cx)), cy=min(1.0, max(0.0, view.cy)))


def fit(
    bounds: Bounds,
    width: int,
    height: int,
    *,
    padding: int = 24,
    min_zoom: float = 0.0,
    max_zoom: float = 18.0,
) -> Viewport:
    """The viewport of ``width`` × ``height`` pixels showing ``bounds`` as large as possible.

    ``padding`` pixels stay free on each side (for markers and the map's labels). A single
    point (or a very small box) is shown at ``max_zoom``.
    """
    x0, y1 = to_world(bounds.south, bounds.west)
    x1, y0 = to_world(bounds.north, bounds.east)
    span_x, span_y = max(x1 - x0, 1e-12), max(y1 - y0, 1e-12)
    room_x = max(1.0, width - 2.0 * padding)
    room_y = max(1.0, height - 2.0 * padding)
    zoom = math.log2(min(room_x / span_x, room_y / span_y) / TILE_SIZE)
    zoom = max(min_zoom, min(max_zoom, zoom))
    return _clamped(Viewport((x0 + x1) / 2.0, (y0 + y1) / 2.0, zoom, width, height))


#: Lengths a scale bar may show: 1, 2 and 5 times a power of ten.
_NICE = (1.0, 2.0, 5.0)


def _nice_below(value: float) -> float:
    """The largest 1/2/5 × 10^n not above ``value`` (``value`` > 0)."""
    power = 10.0 ** math.floor(math.log10(value))
    best = power
    for step in _NICE:
        if step * power <= value * (1 + 1e-9):
            best = step * power
    return best


def scale_bar(metres_per_px: float, max_px: float, units: str = "metric") -> tuple[float, str]:
    """A scale bar at most ``max_px`` long: its length in pixels and its label.

    Metric: metres below a kilometre, else kilometres. Imperial: feet below a mile, else miles.
    """
    if metres_per_px <= 0 or max_px <= 0 or not math.isfinite(metres_per_px):
        return 0.0, ""
    longest = metres_per_px * max_px
    if units == "imperial":
        if longest >= METRES_PER_MILE:
            miles = _nice_below(longest / METRES_PER_MILE)
            return miles * METRES_PER_MILE / metres_per_px, f"{_number(miles)} mi"
        feet = _nice_below(longest / METRES_PER_FOOT)
        return feet * METRES_PER_FOOT / metres_per_px, f"{_number(feet)} ft"
    if longest >= 1000.0:
        km = _nice_below(longest / 1000.0)
        return km * 1000.0 / metres_per_px, f"{_number(km)} km"
    metres = _nice_below(longest)
    return metres / metres_per_px, f"{_number(metres)} m"


def _number(value: float) -> str:
    return f"{value:g}" if value < 1 else f"{value:,.0f}"
