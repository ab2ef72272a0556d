"""Synthesis of one believable recorded track: route, elevation, speed, heart rate, power, laps.

Everything is drawn from the ``random.Random`` passed in, so a seed gives the same track on every
machine. Samples are taken every 3-7 s ("smart recording", as in the captured workouts), which
keeps a few hundred workouts small and quick to generate.
"""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import dataclass, field
from typing import Any

EARTH_M_PER_DEG = 111_320.0


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


@dataclass
class Track:
    """A synthesised recording: streams keyed by the contract's names, plus derived facts."""

    streams: dict[str, list[Any]] = field(default_factory=dict)
    moving: float = 0.0
    elapsed: float = 0.0
    distance: float = 0.0
    pause: tuple[float, float] | None = None  # elapsed seconds of (stop, resume)
    laps: list[dict[str, float]] = field(default_factory=list)
    speeds: list[float] = field(default_factory=list)


class _Loop:
    """A closed route around home, walked by cumulative distance."""

    def __init__(self, rng: random.Random, home: tuple[float, float], length: float) -> None:
        phase_a, phase_b, turn = rng.uniform(0, 6.3), rng.uniform(0, 6.3), rng.uniform(0, 6.3)
        points: list[tuple[float, float]] = []
        for k in range(48):
            theta = 2 * math.pi * k / 48 + turn
            radius = 1 + 0.28 * math.sin(2 * theta + phase_a) + 0.1 * math.sin(5 * theta + phase_b)
            points.append((radius * math.cos(theta), radius * math.sin(theta)))
        x0, y0 = points[0]
        points = [(x - x0, y - y0) for x, y in points] + [(0.0, 0.0)]
        perimeter = sum(math.dist(a, b) for a, b in itertools.pairwise(points))
        scale = max(length, 400.0) / perimeter
        self._points = [(x * scale, y * scale) for x, y in points]
        self._cumulative = [0.0]
        for a, b in zip(self._points, self._points[1:], strict=False):
            self._cumulative.append(self._cumulative[-1] + math.dist(a, b))
        self._length = self._cumulative[-1]
        self._lat0, self._lon0 = home
        self._lon_scale = EARTH_M_PER_DEG * math.cos(math.radians(home[0]))
        self._index = 0

    def position(self, distance: float) -> list[float]:
        along = distance % self._length
        if along < self._cumulative[self._index]:
            self._index = 0
        while self._cumulative[self._index + 1] < along:
            self._index += 1
        start, end = self._cumulative[self._index], self._cumulative[self._index + 1]
        part = (along - start) / (end - start) if end > start else 0.0
        (xa, ya), (xb, yb) = self._points[self._index], self._points[self._index + 1]
        x, y = xa + (xb - xa) * part, ya + (yb - ya) * part
        return [
            round(self._lat0 + y / EARTH_M_PER_DEG, 7),
            round(self._lon0 + x / self._lon_scale, 7),
        ]


def synthesise(
    rng: random.Random,
    sport: Sport,
    duration: float,
    home: tuple[float, float],
    home_elevation: float,
) -> Track:
    """Record one workout of ``duration`` moving seconds."""
    track = Track()
    has_hr = rng.random() < sport.hr
    has_power = rng.random() < sport.power
    speed_base = sport.speed * rng.uniform(0.9, 1.1)
    loop = _Loop(rng, home, speed_base * duration) if sport.route and sport.speed else None
    pause_at = duration * rng.uniform(0.3, 0.7) if sport.speed and rng.random() < 0.3 else None
    dropout_at = duration * rng.uniform(0.75, 0.95) if rng.random() < 0.05 else math.inf
    cadence_from = rng.randint(0, 15)
    phases = [rng.uniform(0, 6.3) for _ in range(3)]
    climb_scale = rng.uniform(0.5, 1.5) * sport.hills

    # Hikes climb one mountain per loop; other sports roll over hills every few kilometres.
    mountain = sport.hills > 100
    period = max(speed_base * duration, 1.0) if mountain else 9000.0
    phase = 0.0 if mountain else phases[0]

    def elevation(d: float) -> float:
        return (
            home_elevation
            + climb_scale * (1 - math.cos(2 * math.pi * d / period + phase))
            + 0.15 * climb_scale * (1 + math.sin(2 * math.pi * d / 2300 + phases[1]))
        )

    streams: dict[str, list[Any]] = {"location": [], "elevation": [], "distance": []}
    for key in ("heartrate", "cadence", "power"):
        streams[key] = []
    hr = 62.0 + rng.uniform(-4, 4)
    moving = elapsed = distance = 0.0
    lap_start = {"elapsed": 0.0, "moving": 0.0, "distance": 0.0, "sample": 0}
    samples: list[tuple[float, float, float, float]] = []  # elapsed, speed, elevation, hr
    while moving <= duration:
        if pause_at is not None and moving >= pause_at:
            track.pause = (elapsed, elapsed + rng.randint(30, 600))
            elapsed = track.pause[1]  # nothing is recorded while paused
            pause_at = None
        offset = round(elapsed)
        elev = elevation(distance)
        grade = (elevation(distance + 20) - elev) / 20 if sport.speed else 0.0
        wobble = 1 + 0.07 * math.sin(elapsed / 240 + phases[2]) + rng.gauss(0, 0.03)
        speed = max(0.3, speed_base * wobble * max(0.35, 1 - sport.grade_drag * grade))
        if not sport.speed:
            speed = 0.0
        # Climbing costs effort in proportion to the vertical speed.
        target = sport.hr_target + 80 * speed * max(grade, -0.05) + rng.gauss(0, 2)
        if not sport.speed:  # strength sets: effort comes and goes every ~90 s
            target += 20 * math.sin(elapsed / 14.3)
        hr += (min(target, 192) - hr) * (1 - math.exp(-5 / 35))
        if loop is not None and elapsed < dropout_at:
            streams["location"] += [offset, loop.position(distance)]
        if loop is not None:
            streams["elevation"] += [offset, round(elev, 1)]
        if sport.speed:
            streams["distance"] += [offset, round(distance, 1)]
        if has_hr:
            streams["heartrate"] += [offset, round(hr)]
        if sport.cadence and offset >= cadence_from:
            cadence = sport.cadence * (0.97 + 0.06 * rng.random()) * min(1.0, speed / speed_base)
            streams["cadence"] += [offset, round(cadence)]
        if has_power:
            watts = 80 * 9.81 * speed * (0.005 + grade) + 0.5 * 1.2 * 0.32 * speed**3
            streams["power"] += [offset, max(0, round(watts * rng.uniform(0.85, 1.15)))]
        samples.append((elapsed, speed, elev, float(round(hr))))
        track.moving, track.elapsed, track.distance = moving, float(offset), distance
        if sport.lap_every and distance - lap_start["distance"] >= sport.lap_every:
            track.laps.append(_lap(lap_start, samples, elapsed, moving, distance))
            lap_start = {"elapsed": elapsed, "moving": moving, "distance": distance,
                         "sample": len(samples) - 1}  # fmt: skip
        step = rng.choice((3, 4, 5, 5, 6, 7))
        moving += step
        elapsed += step
        distance += speed * step
    track.streams = {key: flat for key, flat in streams.items() if flat}
    if sport.lap_every and track.distance - lap_start["distance"] > 1:
        track.laps.append(_lap(lap_start, samples, track.elapsed, track.moving, track.distance))
    track.speeds = [s[1] for s in samples]
    if not has_hr:
        track.laps = [{k: v for k, v in lap.items() if "heartrate" not in k} for lap in track.laps]
    return track


def _lap(
    start: dict[str, float],
    samples: list[tuple[float, float, float, float]],
    elapsed: float,
    moving: float,
    distance: float,
) -> dict[str, float]:
    part = samples[int(start["sample"]) :]
    gain = loss = 0.0
    for (_, _, a, _), (_, _, b, _) in itertools.pairwise(part):
        gain += max(0.0, b - a)
        loss += max(0.0, a - b)
    duration = moving - start["moving"]
    return {
        "elapsed_start": start["elapsed"],
        "distance": distance - start["distance"],
        "duration": duration,
        "clock_duration": elapsed - start["elapsed"],
        "elevation_gain": gain,
        "elevation_loss": loss,
        "avg_speed": (distance - start["distance"]) / duration if duration else 0.0,
        "max_speed": max(s[1] for s in part),
        "avg_heartrate": sum(s[3] for s in part) / len(part),
        "max_heartrate": max(s[3] for s in part),
    }
