"""Where a demo workout goes: the route's family, its terrain and (on demand) its geometry.

A route is walked by *fraction* ``t`` of its length, from 0 at the start to 1 at the finish,
so it fits whatever distance the athlete ends up covering. Each family folds the walk onto the
path that is drawn, the *place*, also measured as a fraction of the route's length:

- out and back: along a wandering road to a turning point and back the same way
  (place ``t`` then ``1 - t``; the road is half the route);
- loop: a closed ride around a shape of its own (place ``t``);
- lollipop: out along a road, around a loop at its end, back along the road
  (place ``t`` until ``1 - stem``, then ``1 - t``).

The terrain is a height for each place, so a road climbed on the way out is descended on the
way back and a loop ends at the height it started from. The geometry (latitude, longitude) is
only needed for the ``location`` stream, so it is drawn from a generator of its own the first
time positions are asked for.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

EARTH_M_PER_DEG = 111_320.0
LAKE_LEVEL = 434.0  # Lake Lucerne: roads along the shore are flat, nothing is below it
_TERRAIN_STEP = 20.0  # metres between terrain samples

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Home:
    """A place workouts start from and return to: latitude, longitude, elevation (m)."""

    lat: float
    lon: float
    elevation: float


@dataclass(frozen=True)
class Layout:
    """How a route is folded onto its path.

    Attributes:
        family: ``"out_and_back"``, ``"loop"`` or ``"lollipop"``.
        stem: for a lollipop, the fraction of the route spent on the way out (as much again
            on the way back); 0 otherwise.
    """

    family: str
    stem: float = 0.0

    @property
    def extent(self) -> float:
        """Length of the drawn path as a fraction of the route's."""
        return {"out_and_back": 0.5, "loop": 1.0}.get(self.family, 1.0 - self.stem)

    def place(self, t: Floats) -> Floats:
        """Where on the drawn path each traversal fraction ``t`` is."""
        if self.family == "out_and_back":
            return np.where(t <= 0.5, t, 1.0 - t)
        if self.family == "lollipop":
            return np.where(t <= 1.0 - self.stem, t, 1.0 - t)
        return t


def draw_layout(rng: np.random.Generator, weights: tuple[float, float, float]) -> Layout:
    """A route family picked with ``weights`` (out and back, loop, lollipop)."""
    total = sum(weights)
    family = str(rng.choice(("out_and_back", "loop", "lollipop"), p=[w / total for w in weights]))
    stem = float(rng.uniform(0.15, 0.32))
    return Layout(family, stem if family == "lollipop" else 0.0)


class Terrain:
    """Height along a route's path: rolling hills of a few random wavelengths, a smoothed
    random walk for the small ups and downs, and a climb away from home (the summit of a hike).

    Args:
        rng: the workout's generator (drawn from now, in a fixed order).
        layout: the route's family.
        length: the route's expected length (m); wavelengths are in metres of it.
        hills: the size of the hills (m), 0 for flat.
        hill_length: a typical distance between hill tops (m).
        summit: True when the route climbs to a summit and back (hikes).
        home: where the route starts.
    """

    def __init__(
        self,
        rng: np.random.Generator,
        layout: Layout,
        length: float,
        hills: float,
        hill_length: float,
        summit: bool,
        home: Home,
    ) -> None:
        self._layout = layout
        extent = layout.extent
        count = max(64, int(extent * length / _TERRAIN_STEP) + 2)
        self._q = np.linspace(0.0, extent, count)
        metres = self._q * length
        # Five hill sizes a few kilometres apart and more, longer ones higher.
        relative = np.exp(rng.uniform(math.log(0.5), math.log(5.0), 5))
        sizes = rng.uniform(0.1, 1.0, 5) * relative / relative.max()
        shifts = rng.uniform(0, 2 * math.pi, 5)
        climb = hills * float(rng.uniform(1.4, 2.6) if summit else rng.uniform(0.0, 1.6))
        steepness = float(rng.uniform(0.7, 1.8))
        bend = float(rng.uniform(0.6, 1.6))
        walk = np.cumsum(rng.standard_normal(count))
        height = np.zeros(count)
        if hills:
            for wave, size, shift in zip(relative * hill_length, sizes, shifts, strict=True):
                height += size * np.sin(2 * math.pi * metres / wave + shift)
            width = max(3, int(250 / _TERRAIN_STEP))
            walk -= np.linspace(walk[0], walk[-1], count)
            walk = np.convolve(walk, np.ones(width) / width, "same")
            height = hills * (
                height / max(float(height.std()), 1e-9) + 0.6 * walk / max(float(walk.std()), 1e-9)
            )
            # No road is a wall: the rolling part is flattened to a steepest grade.
            steepest = float(np.abs(np.diff(height)).max()) / max(metres[1], 1e-9)
            height *= min(1.0, (0.12 if summit else 0.08) / max(steepest, 1e-9))
            height += climb * self._remoteness(bend) ** steepness
        height = self._closed(height) - height[0] + home.elevation
        # Down by the lake the road flattens out rather than going under water.
        margin, floor = 12.0, LAKE_LEVEL + 1.0
        low = height < floor + margin
        height[low] = floor + margin * np.exp((height[low] - floor - margin) / margin)
        self._height = height

    def _remoteness(self, bend: float) -> Floats:
        """How far from home each place feels, 0 at home and 1 at the far end."""
        q, layout = self._q, self._layout
        if layout.family == "out_and_back":
            return q / 0.5
        if layout.family == "loop":
            return np.sin(math.pi * q**bend)
        stem, far = layout.stem, 0.55
        around = np.sin(math.pi * np.clip((q - stem) / (1 - 2 * stem), 0, 1) ** bend)
        return np.where(q <= stem, far * q / stem, far + (1 - far) * around)

    def _closed(self, height: Floats) -> Floats:
        """The heights with any loop ending where it started (a linear correction along it)."""
        q, layout = self._q, self._layout
        if layout.family == "out_and_back":
            return height
        first = 0.0 if layout.family == "loop" else layout.stem
        last = float(q[-1])
        start, end = np.interp([first, last], q, height)
        share = np.clip((q - first) / (last - first), 0.0, 1.0)
        return height - (end - start) * share

    def elevation(self, t: Floats) -> Floats:
        """Elevation (m) at each traversal fraction ``t`` (clamped to the route)."""
        place = self._layout.place(np.clip(t, 0.0, 1.0))
        height: Floats = np.interp(place, self._q, self._height)
        return height


class Route:
    """The route drawn on the map, built on the first call to :meth:`positions`.

    Args:
        layout: the route's family.
        home: where it starts.
        seed: seeds the geometry's own generator.
        length: the route's length (m): the workout's distance.
    """

    def __init__(self, layout: Layout, home: Home, seed: int, length: float) -> None:
        self._layout = layout
        self._home = home
        self._seed = seed
        self._length = max(length, 400.0)
        self._path: tuple[Floats, Floats, Floats] | None = None

    def positions(self, distance: Floats) -> Floats:
        """Rows of [latitude, longitude] (7 decimals) at each cumulative distance."""
        cumulative, x_at, y_at = self._outline()
        along = self._layout.place(np.clip(distance / self._length, 0.0, 1.0)) * self._length
        x = np.interp(along, cumulative, x_at)
        y = np.interp(along, cumulative, y_at)
        home = self._home
        lat = np.round(home.lat + y / EARTH_M_PER_DEG, 7)
        lon = np.round(home.lon + x / (EARTH_M_PER_DEG * math.cos(math.radians(home.lat))), 7)
        return np.column_stack((lat, lon))

    def _outline(self) -> tuple[Floats, Floats, Floats]:
        if self._path is None:
            rng = np.random.default_rng(self._seed)
            heading = float(rng.uniform(0, 2 * math.pi))
            door = rng.uniform(-150, 150, 2)  # not every start is on the doorstep
            layout, length = self._layout, self._length
            if layout.family == "out_and_back":
                pieces = [_road(rng, 0.5 * length, heading)]
            elif layout.family == "loop":
                pieces = [_loop(rng, length, heading)]
            else:
                stem = _road(rng, layout.stem * length, heading)
                end, turn = stem[-1], math.atan2(*(stem[-1] - stem[-2])[::-1])
                pieces = [stem, _loop(rng, (1 - 2 * layout.stem) * length, turn)[1:] + end]
            points = np.concatenate(pieces) + door
            steps = np.hypot(*np.diff(points, axis=0).T)
            cumulative = np.concatenate(([0.0], np.cumsum(steps)))
            cumulative *= layout.extent * length / cumulative[-1]
            self._path = (cumulative, points[:, 0], points[:, 1])
        return self._path


def _smooth_noise(rng: np.random.Generator, count: int, width: int) -> Floats:
    """A random walk smoothed over ``width`` samples, scaled to unit spread."""
    walk = np.cumsum(rng.standard_normal(count + width))
    smooth = np.convolve(walk, np.ones(width) / width, "valid")[:count]
    smooth = smooth - smooth.mean()
    scaled: Floats = smooth / max(float(smooth.std()), 1e-9)
    return scaled


def _road(rng: np.random.Generator, length: float, heading: float) -> Floats:
    """Points of a road ``length`` metres long leaving the origin roughly along ``heading``:
    long bends from a smoothed random walk of the direction, and tighter turns on top."""
    count = 240
    bends = 0.35 * _smooth_noise(rng, count, 60) + 0.2 * _smooth_noise(rng, count, 8)
    direction = heading + float(rng.uniform(0.4, 0.9)) * bends
    step = length / count
    moves = np.column_stack((np.cos(direction), np.sin(direction))) * step
    return np.concatenate(([[0.0, 0.0]], np.cumsum(moves, axis=0)))


def _loop(rng: np.random.Generator, length: float, heading: float) -> Floats:
    """Points of a closed loop of about ``length`` metres from the origin, lying ahead along
    ``heading``: a smooth blob or a rounded polygon of roads, stretched and turned."""
    if rng.random() < 0.5:
        theta = np.linspace(0, 2 * math.pi, 121)
        a, p = rng.uniform(0, [0.3, 0.15, 0.08]), rng.uniform(0, 2 * math.pi, 3)
        radius = 1 + sum(a[k] * np.sin((k + 2) * theta + p[k]) for k in range(3))
        shape = np.column_stack((radius * np.cos(theta), radius * np.sin(theta)))
    else:
        corners = int(rng.integers(3, 8))
        angles = np.sort(rng.uniform(0, 2 * math.pi, corners))
        radius = rng.uniform(0.6, 1.3, corners)
        shape = np.column_stack((radius * np.cos(angles), radius * np.sin(angles)))
        for _ in range(3):  # cut the corners: roads curve round them
            ring = np.concatenate((shape, shape[:1]))
            near, far = 0.75 * ring[:-1] + 0.25 * ring[1:], 0.25 * ring[:-1] + 0.75 * ring[1:]
            shape = np.stack((near, far), axis=1).reshape(-1, 2)
        shape = np.concatenate((shape, shape[:1]))
    shape[:, 0] *= float(rng.uniform(1.0, 2.2))  # long and thin, or round
    along = np.concatenate(([0.0], np.cumsum(np.hypot(*np.diff(shape, axis=0).T))))
    even = np.linspace(0.0, along[-1], 241)  # evenly spaced, for even wiggles
    shape = np.column_stack([np.interp(even, along, shape[:, k]) for k in (0, 1)])
    if rng.random() < 0.5:
        shape = shape[::-1]  # either way round
    start = int(np.argmin(shape[:-1, 0]))  # begin at the end nearest home, the rest ahead
    shape = np.concatenate((shape[start:-1], shape[: start + 1])) - shape[start]
    normal = np.column_stack((-np.gradient(shape[:, 1]), np.gradient(shape[:, 0])))
    normal /= np.maximum(np.hypot(normal[:, 0], normal[:, 1]), 1e-9)[:, None]
    window = np.sin(np.linspace(0, math.pi, len(shape)))
    shape += (
        normal
        * (
            (0.05 * _smooth_noise(rng, len(shape), 12) + 0.02 * _smooth_noise(rng, len(shape), 3))
            * window
        )[:, None]
    )
    cos, sin = math.cos(heading), math.sin(heading)
    turned = shape @ np.array([[cos, sin], [-sin, cos]])
    scale = length / float(np.hypot(*np.diff(turned, axis=0).T).sum())
    points: Floats = turned * scale
    return points
