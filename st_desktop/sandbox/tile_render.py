"""Map tiles drawn from nothing: shaded, tinted terrain in Web Mercator, written as PNG.

The terrain is one made-up world: fractal value noise over the whole Web Mercator square (it
wraps east-west), so neighbouring tiles join without seams and every zoom level shows the same
land, more finely. Each octave of noise is a grid of hashed lattice values smoothed between its
points; for a tile it is evaluated as ``Wy @ L @ Wx.T`` (two sparse interpolation matrices around
the few lattice values the tile covers), which keeps a 256 px tile to a few milliseconds. Heights
are tinted (lakes, lowland green, brown hills, snow), shaded by a light from the north-west, and
crossed by a faint grid (tile edges and quarters) with the tile's ``z/x/y`` written in its corner.

Only numpy, zlib and struct: the sandbox never imports Qt. The same ``(z, x, y, scale)`` always
gives the same bytes.
"""

from __future__ import annotations

import math
import struct
import zlib

import numpy as np
import numpy.typing as npt

TILE_SIZE = 256
MAX_ZOOM = 22
#: Bump when the drawing changes, so ETags change with it.
RENDER_VERSION = 1
_BASE_CELLS = 6  # lattice cells across the world in the coarsest octave
_FINEST_CELL_PX = 4.0  # octaves finer than this many pixels per cell are left out
_SEA_LEVEL = -0.42  # noise value below which there is water
_RELIEF = 0.05  # shading exaggeration (height units per world unit to slope)
_SEED = 0x5EED_7113
_COARSE_CELL_TILES = 4  # octaves with cells wider than this many tiles go on the coarse grid
_COARSE_POINTS = 17  # points across the coarse grid (16 px apart on a 256 px tile)
_DETAIL_FADE = 0.8  # weight of each finer detail octave relative to the one before
#: Raised ground, as (latitude, longitude, east-west and north-south radius in world units,
#: height): the demo account's home around Lucerne is land, with higher mountains to its south,
#: so its routes do not cross a sea.
_UPLIFTS = ((46.6, 8.5, 0.022, 0.016, 0.7), (46.55, 8.3, 0.03, 0.0045, 0.45))

Floats = npt.NDArray[np.float64]
Steps = tuple[npt.NDArray[np.int64], Floats]

_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_PRIME_X = np.uint64(0x9E3779B97F4A7C15)
_PRIME_Y = np.uint64(0xC2B2AE3D27D4EB4F)


def _lattice(octave: int, ix: npt.NDArray[np.int64], iy: npt.NDArray[np.int64]) -> Floats:
    """Pseudo-random values in [0, 1) at lattice points (rows ``iy``, columns ``ix``)."""
    salt = np.uint64((_SEED + octave * 0x632BE59BD9B4E019) % 2**64)
    with np.errstate(over="ignore"):  # unsigned wrap-around is the point of the hash
        h = (ix.astype(np.uint64)[None, :] * _PRIME_X) ^ (iy.astype(np.uint64)[:, None] * _PRIME_Y)
        h ^= salt
        h ^= h >> np.uint64(30)
        h *= _MIX1
        h ^= h >> np.uint64(27)
        h *= _MIX2
        h ^= h >> np.uint64(31)
    return (h >> np.uint64(11)).astype(np.float64) / float(2**53)


def _steps(
    coords: Floats, wrap: int = 0, smooth: bool = True
) -> tuple[Steps, npt.NDArray[np.int64]]:
    """Where each coordinate (in lattice units) falls between two lattice points: the first
    point's position in the returned index array, and the fraction towards the next (smoothed
    to a C2 step unless ``smooth`` is False). Indices wrap at ``wrap`` when it is not 0."""
    first = np.floor(coords).astype(np.int64)
    frac = coords - first
    if smooth:
        frac = frac * frac * frac * (frac * (frac * 6.0 - 15.0) + 10.0)
    low = int(first.min())
    index = np.arange(low, int(first.max()) + 2, dtype=np.int64)
    return (first - low, frac), (index % wrap if wrap else index)


def _world(lat: float, lon: float) -> tuple[float, float]:
    """Web Mercator world coordinates (0..1 east and south) of a latitude and longitude."""
    mercator = math.asinh(math.tan(math.radians(lat)))
    return (lon + 180.0) / 360.0, (1.0 - mercator / math.pi) / 2.0


def _add_octave(out: Floats, octave: int, u: Floats, v: Floats, weight: float) -> None:
    """Add ``weight`` times one octave of value noise at the grid ``u`` (columns) by ``v``
    (rows) to ``out`` in place."""
    cells = _BASE_CELLS * 2**octave
    (col, sx), ix = _steps(u * cells, wrap=cells)
    (row, sy), iy = _steps(v * cells)
    amplitude = weight * 0.5**octave
    values = _lattice(octave, ix, iy) * (2.0 * amplitude) - amplitude
    # Separable smoothing, across the few lattice rows first, then down by copying whole rows
    # (no matrix product: BLAS threads fight on a busy machine, and a tile took ten times longer).
    across = values[:, col] + (values[:, col + 1] - values[:, col]) * sx
    step = across[1:] - across[:-1]
    out += across[row]
    out += step[row] * sy[:, None]


def heights(z: int, x: int, y: int, size: int) -> tuple[Floats, Floats]:
    """Terrain height (noise units, about -1..1) at the pixel centres of a tile, plus a margin
    of one pixel on every side, as two ``(size + 2, size + 2)`` arrays: the *detail* (octaves
    with cells up to a few tiles wide, which the shading shows) and the *base* (the wider
    octaves and the uplifts). Their sum is the height, which the tint shows."""
    scale = float(size * 2**z)  # pixels across the world
    pixels = np.arange(-1, size + 1, dtype=np.float64) + 0.5
    u = (x * size + pixels) / scale
    v = (y * size + pixels) / scale
    total = np.zeros((size + 2, size + 2))
    base = np.zeros((size + 2, size + 2))
    for lat, lon, radius_u, radius_v, height in _UPLIFTS:
        u0, v0 = _world(lat, lon)
        across = np.exp(-0.5 * ((u - u0) / radius_u) ** 2)
        down = np.exp(-0.5 * ((v - v0) / radius_v) ** 2)
        base += height * np.outer(down, across)
    # Octaves whose cells are much larger than the tile are nearly planes across it: they are
    # summed on a coarse grid and spread over the pixels in one linear step (deep zooms have
    # twenty such octaves; every pixel of each would cost as much as a fine one). They tint but
    # do not shade: a regional slope would make a whole tile dark or washed out.
    coarse = np.linspace(-1.0, size + 1.0, _COARSE_POINTS)
    coarse_u = (x * size + coarse) / scale
    coarse_v = (y * size + coarse) / scale
    background = np.zeros((_COARSE_POINTS, _COARSE_POINTS))
    octave = 0
    first_detail = -1
    while scale / (_BASE_CELLS * 2**octave) >= _FINEST_CELL_PX:
        if scale / (_BASE_CELLS * 2**octave) > _COARSE_CELL_TILES * size:
            _add_octave(background, octave, coarse_u, coarse_v, 1.0)
        else:
            # Finer octaves count for less than the widest one shown: rolling hills with some
            # texture at every zoom, rather than crumpled paper.
            first_detail = octave if first_detail < 0 else first_detail
            _add_octave(total, octave, u, v, _DETAIL_FADE ** (octave - first_detail))
        octave += 1
    if background.any():
        (col, sx), _ = _steps((pixels + 1.0) / (size + 2.0) * (_COARSE_POINTS - 1), smooth=False)
        across = background[:, col] + (background[:, col + 1] - background[:, col]) * sx
        upper = across[col]
        base += upper + (across[col + 1] - upper) * sx[:, None]
    return total, base


def _palette() -> npt.NDArray[np.uint8]:
    """256 colours for heights -1..1: water, then lowland green up to rock and snow."""
    stops = [
        (-1.00, (118, 160, 200)),
        (_SEA_LEVEL, (170, 205, 232)),
        (_SEA_LEVEL + 0.001, (160, 196, 140)),
        (-0.10, (196, 214, 156)),
        (0.20, (226, 222, 170)),
        (0.45, (206, 180, 142)),
        (0.70, (170, 150, 132)),
        (0.85, (232, 232, 232)),
        (1.00, (252, 252, 252)),
    ]
    levels = np.linspace(-1.0, 1.0, 256)
    where = [level for level, _ in stops]
    channels = [np.interp(levels, where, [rgb[c] for _, rgb in stops]) for c in range(3)]
    return np.stack(channels, axis=1).round().astype(np.uint8)


_PALETTE = _palette()
_FONT = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111",
    "3": "111001111001111", "4": "101101111001001", "5": "111100111001111",
    "6": "111100111101111", "7": "111001001010010", "8": "111101111101111",
    "9": "111101111001111", "/": "001001010100100",
}  # fmt: skip


def _label(image: npt.NDArray[np.float32], text: str, scale: int) -> None:
    """Darken the glyphs of ``text`` into the top-left corner of ``image`` (H, W, 3)."""
    left = top = 3 * scale
    for char in text:
        glyph = np.array([int(b) for b in _FONT[char]], dtype=bool).reshape(5, 3)
        mask = np.kron(glyph, np.ones((scale, scale), dtype=bool))
        region = image[top : top + 5 * scale, left : left + 3 * scale]
        region[mask[: region.shape[0], : region.shape[1]]] *= 0.62
        left += 4 * scale


def render_rgb(z: int, x: int, y: int, scale: int = 1) -> npt.NDArray[np.uint8]:
    """The tile's pixels, ``(size, size, 3)`` RGB with ``size = 256 * scale``."""
    size = TILE_SIZE * scale
    field, base = heights(z, x, y, size)
    inner = (field + base)[1:-1, 1:-1]
    step = 2.0 / (size * 2**z)  # world units between the two samples of a central difference
    # Heights need float64 (deep zooms differ in the tenth decimal); slopes and colours do not.
    dx = ((field[1:-1, 2:] - field[1:-1, :-2]) * (_RELIEF / step)).astype(np.float32)
    dy = ((field[2:, 1:-1] - field[:-2, 1:-1]) * (_RELIEF / step)).astype(np.float32)
    # Lambert shading, light from the north-west 45 degrees up, 1.0 on flat ground.
    shade = (dx + dy + np.float32(math.sqrt(2.0))) / np.sqrt(dx * dx + dy * dy + np.float32(1.0))
    shade = np.clip(np.float32(0.45) + np.float32(0.55 / math.sqrt(2.0)) * shade, 0.45, 1.2)
    shade[inner < _SEA_LEVEL] = 1.0  # water is flat
    index = np.clip(((inner + 1.0) * 127.5).astype(np.int64), 0, 255)
    image = _PALETTE[index] * shade[..., None]
    quarter = size // 4
    for offset in range(0, size, quarter):
        fade = 0.72 if offset == 0 else 0.9  # tile edges darker than the quarter lines
        image[offset : offset + scale, :] *= fade
        image[:, offset : offset + scale] *= fade
    _label(image, f"{z}/{x}/{y}", 2 * scale)
    pixels: npt.NDArray[np.uint8] = np.clip(image, 0, 255).astype(np.uint8)
    return pixels


def encode_png(rgb: npt.NDArray[np.uint8], level: int = 1) -> bytes:
    """An 8-bit RGB PNG of ``rgb`` (H, W, 3)."""
    height, width, _ = rgb.shape
    # PNG's "Up" filter (type 2) per row: smooth terrain compresses about a third smaller.
    rows = rgb.reshape(height, width * 3)
    filtered = np.empty((height, width * 3 + 1), dtype=np.uint8)
    filtered[:, 0] = 2
    filtered[0, 1:] = rows[0]
    filtered[1:, 1:] = rows[1:] - rows[:-1]  # uint8 arithmetic wraps, as PNG wants

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(filtered.tobytes(), level))
        + chunk(b"IEND", b"")
    )


def render_tile(z: int, x: int, y: int, scale: int = 1) -> bytes:
    """The PNG of tile ``z/x/y`` (``scale`` 2 for the 512 px ``@2x`` tile).

    Raises:
        ValueError: no such tile (zoom 0-22, x and y within ``0 .. 2**z - 1``, scale 1 or 2).
    """
    if not 0 <= z <= MAX_ZOOM or not (0 <= x < 2**z and 0 <= y < 2**z) or scale not in (1, 2):
        raise ValueError(f"no tile {z}/{x}/{y} at scale {scale}")
    return encode_png(render_rgb(z, x, y, scale))
