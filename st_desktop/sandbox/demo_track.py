"""Synthesis of one believable recorded track: route, elevation, speed, heart rate, power, laps.

Everything is drawn from the ``numpy.random.Generator`` passed in, so the same generator state
gives the same track, and the work is done on whole arrays: the demo account's few hundred
workouts (about 370,000 samples) are synthesised in a fraction of a second, and the streams of
one workout can be rebuilt on demand when a client first asks for its detail. Samples are taken
every 3-7 s ("smart recording", as in the captured workouts).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from st_desktop.sandbox.demo_route import Home, Layout, Route, Terrain, draw_layout

_STEPS = np.array([3, 4, 5, 5, 6, 7])
_HR_RESPONSE = 1 - math.exp(-5 / 35)  # heart rate follows effort with a ~35 s time constant
_MAX_HR = 192.0

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Sport:
    """How one kind of workout moves.

    Attributes:
        speed: mean moving speed (m/s); 0 for workouts without distance.
        hr_target: steady-state heart rate (bpm).
        cadence: typical cadence (rpm; running counts strides) or 0 for none.
        lap_every: auto-lap distance in metres, 0 for a single lap.
        hills: elevation amplitude in metres.
        route: True when recorded with GPS.
        power: probability that a power meter was used.
        hr: probability that a heart rate strap was worn.
        grade_drag: how much climbing slows the athlete.
        met: metabolic equivalent, for the energy estimate.
        routes: how often a route is an out-and-back, a loop, a lollipop.
    """

    speed: float
    hr_target: float
    cadence: float
    lap_every: float
    hills: float
    route: bool
    power: float
    hr: float
    grade_drag: float
    met: float
    routes: tuple[float, float, float] = (0.3, 0.45, 0.25)


@dataclass
class Track:
    """A synthesised recording and the facts a workout's summary is made of.

    Attributes:
        columns: stream key (the contract's names) -> (offsets in seconds, values), for the
            recorded streams except ``location``.
        route: how to draw the ``location`` stream, if recorded: (offsets, the route, distance
            at each offset). Positions are only computed by :meth:`streams`, as no summary
            figure needs them.
        moving: moving time (s).
        elapsed: elapsed time (s), pause included.
        distance: distance (m).
        pause: elapsed seconds of (stop, resume), or None.
        laps: auto-laps (``elapsed_start`` plus the lap figures), empty for a single lap.
        max_speed: fastest sample (m/s).
    """

    columns: dict[str, tuple[Ints, npt.NDArray[Any]]] = field(default_factory=dict)
    route: tuple[Ints, Route, Floats] | None = None
    moving: float = 0.0
    elapsed: float = 0.0
    distance: float = 0.0
    pause: tuple[float, float] | None = None
    laps: list[dict[str, float]] = field(default_factory=list)
    max_speed: float = 0.0

    def values(self, key: str) -> npt.NDArray[Any]:
        """One stream's values (empty when it was not recorded)."""
        column = self.columns.get(key)
        return np.empty(0) if column is None else column[1]

    def streams(self) -> dict[str, list[Any]]:
        """The streams as stored: flat ``[offset, value, offset, value, ...]`` lists."""
        columns = dict(self.columns)
        if self.route is not None:
            offsets, route, distance = self.route
            columns = {"location": (offsets, route.positions(distance)), **columns}
        out: dict[str, list[Any]] = {}
        for key, (offsets, values) in columns.items():
            flat: list[Any] = [None] * (2 * len(offsets))
            flat[::2] = offsets.tolist()
            flat[1::2] = values.tolist()
            out[key] = flat
        return out


def synthesise(
    rng: np.random.Generator,
    sport: Sport,
    duration: float,
    home: Home,
) -> Track:
    """Record one workout of ``duration`` moving seconds, starting and ending at ``home``."""
    drawn = _draw(rng, sport, duration)
    # Every sample is taken while moving <= duration; enough steps are drawn to get past it.
    steps = _STEPS[rng.integers(0, len(_STEPS), int(duration // 3) + 2)]
    moving_all = np.concatenate(([0], np.cumsum(steps)))
    count = int(np.searchsorted(moving_all, duration, side="right"))
    steps, moving = steps[:count], moving_all[:count].astype(np.float64)
    noise = {name: rng.standard_normal(count) for name in ("speed", "hr")}
    cadence_noise, power_noise = rng.random(count), rng.uniform(0.85, 1.15, count)

    track = Track()
    elapsed = moving.copy()
    if drawn.paused:
        first = int(np.searchsorted(moving, drawn.pause_at, side="left"))
        if first < count:  # nothing is recorded while paused
            track.pause = (float(moving[first]), float(moving[first] + drawn.pause_length))
            elapsed[first:] += drawn.pause_length
    wobble = (
        1 + 0.07 * np.sin(elapsed / drawn.surge_every + drawn.surge_phase) + 0.03 * noise["speed"]
    )
    distance, speed, grade, elev = _motion(rng, sport, drawn, home, steps, wobble)
    hr = _heart_rate(sport, drawn.hr_start, speed, grade, elapsed, noise["hr"])
    offsets = elapsed.astype(np.int64)
    samples = _Samples(
        offsets, elapsed, distance, speed, grade, elev, hr, cadence_noise, power_noise
    )
    _record(track, sport, drawn, home, samples)

    last = count - 1
    track.moving, track.elapsed = float(moving[last]), float(offsets[last])
    track.distance, track.max_speed = float(distance[last]), float(speed.max())
    if sport.lap_every:
        track.laps = _laps(
            sport.lap_every, elapsed, moving, distance, speed, elev, hr, drawn.has_hr
        )
    return track


@dataclass(frozen=True)
class _Drawn:
    """The workout's random choices, drawn first and always in the same order, so that the same
    generator state gives the same track."""

    has_hr: bool
    has_power: bool
    speed_base: float
    layout: Layout
    route_seed: int
    paused: bool
    pause_at: float
    pause_length: int
    dropout_at: float  # elapsed seconds at which GPS drops out (inf: it never does)
    cadence_from: int
    surge_every: float
    surge_phase: float
    climb_scale: float
    hr_start: float


def _draw(rng: np.random.Generator, sport: Sport, duration: float) -> _Drawn:
    """The choices of :class:`_Drawn`, in their fixed order (a reordering changes every track)."""
    has_hr = bool(rng.random() < sport.hr)
    has_power = bool(rng.random() < sport.power)
    speed_base = sport.speed * float(rng.uniform(0.9, 1.1))
    layout = draw_layout(rng, sport.routes)
    route_seed = int(rng.integers(2**62))
    paused = bool(sport.speed and rng.random() < 0.3)
    pause_at = duration * float(rng.uniform(0.3, 0.7))
    pause_length = int(rng.integers(30, 601))
    dropout_at = duration * float(rng.uniform(0.75, 0.95)) if rng.random() < 0.05 else math.inf
    cadence_from = int(rng.integers(0, 16))
    surge_every, surge_phase = float(rng.uniform(150, 420)), float(rng.uniform(0, 6.3))
    climb_scale = float(rng.uniform(0.5, 1.5)) * sport.hills
    hr_start = 62.0 + float(rng.uniform(-4, 4))
    return _Drawn(
        has_hr,
        has_power,
        speed_base,
        layout,
        route_seed,
        paused,
        pause_at,
        pause_length,
        dropout_at,
        cadence_from,
        surge_every,
        surge_phase,
        climb_scale,
        hr_start,
    )


@dataclass(frozen=True)
class _Samples:
    """The recording, one value per sample (and the sensors' noise drawn for each)."""

    offsets: Ints
    elapsed: Floats
    distance: Floats
    speed: Floats
    grade: Floats
    elev: Floats
    hr: Floats
    cadence_noise: Floats
    power_noise: Floats


def _motion(
    rng: np.random.Generator,
    sport: Sport,
    drawn: _Drawn,
    home: Home,
    steps: Ints,
    wobble: Floats,
) -> tuple[Floats, Floats, Floats, Floats]:
    """Distance, speed, grade and elevation at each sample.

    The terrain is laid along the route the unhindered pace would cover; the route itself is
    then stretched to the distance actually covered.
    """
    planned = _covered(drawn.speed_base * wobble, steps)
    hill_length = 500 * sport.speed  # a hill top every few minutes at a steady pace
    terrain = Terrain(
        rng,
        drawn.layout,
        max(float(planned[-1]), 1.0),
        drawn.climb_scale,
        hill_length,
        sport.hills > 100,
        home,
    )
    count = len(steps)
    distance = np.zeros(count)
    speed = np.zeros(count)
    grade = np.zeros(count)
    if sport.speed:
        # Climbing slows the athlete, which moves where the climbs are: two rounds bring the
        # slow stretches close enough to the climbs that cause them.
        distance = planned
        for _ in range(2):
            grade = _grade(terrain, distance)
            drag = np.maximum(0.35, 1 - sport.grade_drag * grade)
            speed = np.maximum(0.3, drawn.speed_base * wobble * drag)
            distance = _covered(speed, steps)
        grade = _grade(terrain, distance)
    elev = terrain.elevation(distance / max(float(distance[-1]), 1.0))
    return distance, speed, grade, elev


def _heart_rate(
    sport: Sport, start: float, speed: Floats, grade: Floats, elapsed: Floats, noise: Floats
) -> Floats:
    """Heart rate at each sample (whole beats per minute), from ``start`` at rest."""
    # Climbing costs effort in proportion to the vertical speed.
    target = sport.hr_target + 80 * speed * np.maximum(grade, -0.05) + 2 * noise
    if not sport.speed:  # strength sets: effort comes and goes every ~90 s
        target += 20 * np.sin(elapsed / 14.3)
    return np.rint(_follow(np.minimum(target, _MAX_HR), start))


def _record(track: Track, sport: Sport, drawn: _Drawn, home: Home, samples: _Samples) -> None:
    """Fill ``track.columns`` (and the route) with the streams the devices recorded."""
    offsets, speed, grade = samples.offsets, samples.speed, samples.grade
    if sport.route and sport.speed:
        keep = samples.elapsed < drawn.dropout_at
        route = Route(drawn.layout, home, drawn.route_seed, float(samples.distance[-1]))
        track.route = (offsets[keep], route, samples.distance[keep])
        track.columns["elevation"] = (offsets, np.round(samples.elev, 1))
    if sport.speed:
        track.columns["distance"] = (offsets, np.round(samples.distance, 1))
    if drawn.has_hr:
        track.columns["heartrate"] = (offsets, samples.hr.astype(np.int64))
    if sport.cadence:
        keep = offsets >= drawn.cadence_from
        effort = np.minimum(1.0, speed / drawn.speed_base) * (0.97 + 0.06 * samples.cadence_noise)
        cadence = np.rint(sport.cadence * effort).astype(np.int64)
        track.columns["cadence"] = (offsets[keep], cadence[keep])
    if drawn.has_power:
        watts = 80 * 9.81 * speed * (0.005 + grade) + 0.5 * 1.2 * 0.32 * speed**3
        power = np.maximum(0, np.rint(watts * samples.power_noise)).astype(np.int64)
        track.columns["power"] = (offsets, power)


def _grade(terrain: Terrain, distance: Floats) -> Floats:
    """Slope (rise over run) 20 m ahead of each sample, on a route as long as ``distance``."""
    length = max(float(distance[-1]), 1.0)
    here = terrain.elevation(distance / length)
    return (terrain.elevation((distance + 20) / length) - here) / 20


def _covered(speed: Floats, steps: Ints) -> Floats:
    """Distance at each sample: what the speeds of the samples before it covered."""
    covered = np.empty(len(speed))
    covered[0] = 0.0
    np.cumsum(speed[:-1] * steps[:-1], out=covered[1:])
    return covered


def _follow(target: Floats, start: float, block: int = 512) -> Floats:
    """Heart rate drifting towards the target effort: a first-order lag.

    ``rate[i] = keep * rate[i-1] + (1 - keep) * target[i]``, solved for a block at a time as
    ``keep**(i+1) * (rate_before + (1 - keep) * cumsum(target[j] / keep**(j+1)))``; blocks keep
    ``keep**-block`` far from overflowing.
    """
    keep = 1 - _HR_RESPONSE
    out = np.empty(len(target))
    rate = start
    for low in range(0, len(target), block):
        chunk = target[low : low + block]
        decay = keep ** np.arange(1, len(chunk) + 1)
        out[low : low + len(chunk)] = decay * (rate + _HR_RESPONSE * np.cumsum(chunk / decay))
        rate = float(out[low + len(chunk) - 1])
    return out


def _laps(
    lap_every: float,
    elapsed: Floats,
    moving: Floats,
    distance: Floats,
    speed: Floats,
    elev: Floats,
    hr: Floats,
    has_hr: bool,
) -> list[dict[str, float]]:
    """Auto-laps every ``lap_every`` metres; the rest becomes a last lap when over a metre.

    A lap ends at the first sample ``lap_every`` metres past its start, and that sample also
    starts the next lap.
    """
    starts: list[int] = []
    start, last = 0, len(distance) - 1
    while True:
        reached = int(np.searchsorted(distance, distance[start] + lap_every, side="left"))
        if reached > last:
            break
        starts.append(start)
        start = reached
    if distance[last] - distance[start] > 1:
        starts.append(start)
    if not starts:
        return []
    first = np.array(starts)
    end = np.append(first[1:], last)
    climb = np.diff(elev)
    gained = np.concatenate(([0.0], np.cumsum(np.maximum(climb, 0.0))))
    lost = np.concatenate(([0.0], np.cumsum(np.maximum(-climb, 0.0))))
    beats = np.concatenate(([0.0], np.cumsum(hr)))  # whole beats per minute: sums are exact
    # reduceat covers [start, next start); the shared end sample is added with maximum().
    fastest = np.maximum(np.maximum.reduceat(speed, first), speed[end])
    highest = np.maximum(np.maximum.reduceat(hr, first), hr[end])
    columns = {
        "elapsed_start": elapsed[first],
        "distance": distance[end] - distance[first],
        "duration": moving[end] - moving[first],
        "clock_duration": elapsed[end] - elapsed[first],
        "elevation_gain": gained[end] - gained[first],
        "elevation_loss": lost[end] - lost[first],
        "avg_speed": np.zeros(len(first)),
        "max_speed": fastest,
        "avg_heartrate": (beats[end + 1] - beats[first]) / (end - first + 1),
        "max_heartrate": highest,
    }
    moved = columns["duration"] > 0
    np.divide(columns["distance"], columns["duration"], out=columns["avg_speed"], where=moved)
    if not has_hr:
        del columns["avg_heartrate"], columns["max_heartrate"]
    rows = {key: values.tolist() for key, values in columns.items()}
    return [{key: values[i] for key, values in rows.items()} for i in range(len(first))]
