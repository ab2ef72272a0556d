"""The demo account: about two years of believable training, generated from a seed.

Rides, runs (some on trails), pool swims, hikes and strength sessions, more rides and hikes in
summer and more gym in winter, at plausible times of day, in Central European time with summer
time. Outdoor workouts have a GPS route from one of a few home points (out and back, a loop or
a lollipop) over irregular hills, elevation, distance, heart rate (usually), cadence and
sometimes power, auto-laps, and now and then a pause. The same seed always gives the
same account: nothing depends on the clock.

The account is written in two steps. On first start every workout's document (summary, laps,
timer stops) is stored with a small *recipe*; its streams, the bulk of the data, are rebuilt
from the recipe when a client first reads the workout. This works because each workout's track
is drawn from its own generator, seeded from (account seed, workout index), so it can be
synthesised again alone and comes out the same as when its summary was computed.
"""

from __future__ import annotations

import itertools
import json
import math
import random
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import numpy as np

from st_desktop.domain.timeutil import format_timestamp
from st_desktop.sandbox.demo_route import Home
from st_desktop.sandbox.demo_track import Sport, Track, synthesise
from st_desktop.sandbox.store import Doc, Streams

#: Last day of the demo history unless the caller picks one (keeps the demo reproducible).
DEMO_END = date(2025, 9, 30)
HISTORY_DAYS = 730
#: Where workouts start, and how often: home in Lucerne (lake, hills and mountains within reach),
#: the office in Kriens, the family's place in Meggen.
HOMES = (
    (Home(47.0502, 8.3093, 436.0), 0.6),
    (Home(47.0345, 8.2790, 478.0), 0.25),
    (Home(47.0466, 8.3725, 462.0), 0.15),
)
WEIGHT_KG = 74.0

SPORTS: dict[str, Sport] = {
    "ride": Sport(7.6, 134, 86, 5000, 35, True, 0.6, 0.9, 7.0, 7.5, (0.25, 0.5, 0.25)),
    "run": Sport(3.05, 151, 82, 1000, 12, True, 0.0, 0.95, 3.5, 10.0, (0.4, 0.35, 0.25)),
    "trail": Sport(2.55, 149, 80, 1000, 70, True, 0.0, 0.95, 3.0, 10.5, (0.3, 0.4, 0.3)),
    "swim": Sport(0.78, 128, 0, 100, 0, False, 0.0, 0.35, 0.0, 8.0),
    "hike": Sport(1.25, 112, 0, 0, 260, True, 0.0, 0.8, 2.5, 6.0, (0.5, 0.25, 0.25)),
    "gym": Sport(0.0, 104, 0, 0, 0, False, 0.0, 0.9, 0.0, 5.0),
}
_TYPES = {
    "ride": (("Cycling", 8), ("Cycling: Road", 2), ("Cycling: Mountain", 1)),
    "run": (("Running", 9), ("Running: Intervals", 1)),
    "trail": (("Running: Trail", 1),),
    "swim": (("Swimming: Pool", 3), ("Swimming", 1)),
    "hike": (("Walking: Hiking", 1),),
    "gym": (("Gym: Strength", 1),),
}
_DURATION_MIN = {
    "ride": (45, 200), "run": (25, 95), "trail": (45, 130), "swim": (30, 60),
    "hike": (120, 320), "gym": (35, 70),
}  # fmt: skip
_NOUN = {
    "ride": "Ride",
    "run": "Run",
    "trail": "Trail Run",
    "swim": "Swim",
    "hike": "Hike",
    "gym": "Strength Training",
}
_CUSTOM_NAMES = {
    "ride": ("Lake loop", "Coffee ride", "Hill repeats", "Sunday long ride", "Commute"),
    "run": ("Tempo run", "Easy run", "Long run", "Intervals 6x800", "Parkrun"),
    "trail": ("Forest trails", "Gütsch loop", "Ridge run"),
    "swim": ("Technique drills", "Endurance set"),
    "hike": ("Pilatus summit", "Rigi panorama trail", "Lake shore walk"),
    "gym": ("Leg day", "Core and upper body"),
}
_NOTES = (
    "Felt strong today.", "Windy on the way back.", "Legs heavy after yesterday.",
    "New shoes, still breaking them in.", "Rain for the last 20 minutes.", "Perfect weather!",
    "Easy recovery pace.", "Stopped for coffee at the lake.",
)  # fmt: skip


def _season_weights(month: int) -> dict[str, float]:
    summer = math.cos((month - 7) / 12 * 2 * math.pi)  # 1 in July, -1 in January
    return {
        "ride": 0.36 + 0.14 * summer,
        "run": 0.30 - 0.04 * summer,
        "trail": 0.06,
        "swim": 0.08,
        "hike": 0.07 + 0.05 * summer,
        "gym": 0.13 - 0.09 * summer,
    }


def _last_sunday(year: int, month: int) -> date:
    day = date(year, month + 1, 1) - timedelta(days=1)
    return day - timedelta(days=(day.weekday() + 1) % 7)


def local_zone(day: date) -> timezone:
    """Central European time: +01:00, or +02:00 in summer (EU rules, to the day)."""
    summer = _last_sunday(day.year, 3) <= day < _last_sunday(day.year, 10)
    return timezone(timedelta(hours=2 if summer else 1))


def _start_hour(rng: random.Random, kind: str, weekend: bool) -> float:
    if kind in ("hike",) or (weekend and kind in ("ride", "trail")):
        return rng.uniform(8.5, 11)
    if kind == "gym":
        return rng.choice((rng.uniform(6.5, 7.5), rng.uniform(18, 20)))
    return rng.choice((rng.uniform(6.2, 8), rng.uniform(12, 13), rng.uniform(17.5, 19.5)))


def _name(rng: random.Random, kind: str, hour: float) -> str:
    if rng.random() < 0.25:
        return rng.choice(_CUSTOM_NAMES[kind])
    part = "Morning" if hour < 11 else "Lunch" if hour < 14 else "Afternoon"
    if hour >= 17.5:
        part = "Evening"
    return f"{part} {_NOUN[kind]}"


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


#: Written into every recipe; bump it when a change makes old recipes rebuild other streams.
RECIPE_VERSION = 2
_EARLIEST_START, _LATEST_START = 5.0, 22.0  # hours of the day
_SHORTEST_GAP = 40  # minutes between two workouts on one day


def _track_rng(seed: int, index: int) -> np.random.Generator:
    # Each workout draws from its own generator, so its streams can be rebuilt alone, later.
    entropy = np.random.SeedSequence([abs(seed), int(seed < 0), index])
    return np.random.Generator(np.random.PCG64(entropy))


def _track(seed: int, index: int, kind: str, duration: float) -> Track:
    rng = _track_rng(seed, index)
    home = HOMES[int(rng.choice(len(HOMES), p=[share for _, share in HOMES]))][0]
    return synthesise(rng, SPORTS[kind], duration, home)


def demo_workouts(seed: int, count: int, end: date | None = None) -> Iterator[tuple[Doc, str]]:
    """Yield ``count`` demo workouts, oldest first, as (stored document, streams recipe).

    The document is complete (summary, laps, timer stops); the recipe is a short JSON text from
    which :func:`streams_from_recipe` rebuilds the workout's streams, identical to those the
    document was computed from. This is what the sandbox writes on first start: documents are
    cheap to store, streams are the bulk.

    Args:
        seed: the account's seed; the same seed gives the same workouts.
        count: number of workouts.
        end: last day of the history (default :data:`DEMO_END`).
    """
    rng = random.Random(seed)
    last_day = end or DEMO_END
    days = sorted(rng.randrange(HISTORY_DAYS) for _ in range(count))
    previous_end = datetime.min.replace(tzinfo=UTC)
    index = 0
    for day_offset, group in itertools.groupby(days):
        day = last_day - timedelta(days=HISTORY_DAYS - 1 - day_offset)
        zone = local_zone(day)
        plans = [_plan(rng, seed, index + i, day, zone) for i in range(len(list(group)))]
        starts = _schedule(plans, previous_end, zone, day)
        previous_end = starts[-1] + timedelta(seconds=plans[-1][2].elapsed)
        for start, (_, _, track, kind, duration) in zip(starts, plans, strict=True):
            doc = _document(rng, kind, start, track)
            recipe = {
                "v": RECIPE_VERSION,
                "seed": seed,
                "index": index,
                "kind": kind,
                "duration": duration,
            }
            index += 1
            yield doc, json.dumps(recipe)


_Plan = tuple[datetime, timedelta, Track, str, float]


def _schedule(
    plans: list[_Plan], previous_end: datetime, zone: timezone, day: date
) -> list[datetime]:
    """When each of a day's workouts starts: as planned, each one after the one before."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=zone)
    earliest = midnight + timedelta(hours=_EARLIEST_START)
    shortest = timedelta(minutes=_SHORTEST_GAP)

    def chain(packed: bool) -> list[datetime]:
        starts: list[datetime] = []
        end = previous_end
        for planned, gap, track, _, _ in plans:
            if packed:  # from the earliest start on, with the shortest breaks
                start = max(earliest, end + shortest) if not starts else end + shortest
            else:
                start = planned if planned > end else end + gap
            starts.append(start.astimezone(zone))
            end = start + timedelta(seconds=track.elapsed)
        return starts

    starts = chain(packed=False)
    late = starts[-1] - (midnight + timedelta(hours=_LATEST_START))
    if late <= timedelta(0):
        return starts
    if late <= starts[0] - earliest:
        return [start - late for start in starts]  # a busy day starts earlier
    return chain(packed=True)  # too busy even then


def _plan(rng: random.Random, seed: int, index: int, day: date, zone: timezone) -> _Plan:
    """One workout's start (as planned), gap after a previous one, track, kind and duration."""
    weights = _season_weights(day.month)
    kind = rng.choices(list(weights), list(weights.values()))[0]
    hour = _start_hour(rng, kind, day.weekday() >= 5)
    start = datetime(day.year, day.month, day.day, tzinfo=zone) + timedelta(hours=hour)
    start = start.replace(second=rng.randrange(60), microsecond=0)
    gap = timedelta(minutes=rng.randint(_SHORTEST_GAP, 240))
    duration = rng.uniform(*_DURATION_MIN[kind]) * 60
    return start, gap, _track(seed, index, kind, duration), kind, duration


def streams_from_recipe(recipe: str) -> Streams:
    """The streams of one demo workout, rebuilt from the recipe :func:`demo_workouts` gave.

    Raises:
        ValueError: the recipe is not one this version wrote.
    """
    try:
        data = json.loads(recipe)
        if data["v"] != RECIPE_VERSION:
            raise ValueError(f"demo recipe version {data['v']} is not supported")
        seed, index, kind = int(data["seed"]), int(data["index"]), str(data["kind"])
        track = _track(seed, index, kind, float(data["duration"]))
    except (KeyError, TypeError) as exc:
        raise ValueError(f"not a demo recipe: {recipe!r}") from exc
    return track.streams()


def generate_demo(seed: int, count: int, end: date | None = None) -> Iterator[tuple[Doc, Streams]]:
    """Yield ``count`` demo workouts, oldest first, as (stored document, streams).

    The eager form of :func:`demo_workouts`: what the account holds once every workout's
    detail has been read.

    Args:
        seed: the account's seed; the same seed gives the same workouts.
        count: number of workouts.
        end: last day of the history (default :data:`DEMO_END`).
    """
    for doc, recipe in demo_workouts(seed, count, end):
        yield doc, streams_from_recipe(recipe)


def _document(rng: random.Random, kind: str, start: datetime, track: Track) -> Doc:
    sport = SPORTS[kind]
    hours = track.moving / 3600
    power = track.values("power")
    if len(power):
        calories = float(power.mean()) * track.moving / 1000 / 0.24  # 24 % efficiency
    else:
        calories = sport.met * WEIGHT_KG * hours * 4.184  # kJ, as the service counts (Q4)
    doc: Doc = {
        "start_time": format_timestamp(start),
        "privacy": rng.choices(("friends", "public", "private"), (7, 2, 1))[0],
        "total_distance": round(track.distance, 2),
        "duration": float(round(track.moving)),
        "clock_duration": float(round(track.elapsed)),
        "type": _weighted(rng, _TYPES[kind]),
        "name": _name(rng, kind, start.hour + start.minute / 60),
    }
    if rng.random() < 0.2:
        doc["notes"] = rng.choice(_NOTES)
    if sport.route and rng.random() < 0.5:
        doc["location_name"] = "Lucerne, Switzerland"
    doc["calories"] = round(calories)
    elevation = track.values("elevation")
    if len(elevation):
        climb = np.diff(elevation)
        doc["elevation_gain"] = round(float(np.maximum(climb, 0.0).sum()), 1)
        doc["elevation_loss"] = round(float(np.maximum(-climb, 0.0).sum()), 1)
    if sport.speed:
        doc["avg_speed"] = track.distance / track.moving if track.moving else 0.0
        doc["max_speed"] = track.max_speed
    for key in ("heartrate", "cadence"):
        values = track.values(key)
        if len(values):
            doc[f"avg_{key}"] = float(values.mean())
            doc[f"max_{key}"] = int(values.max())
    if len(power):
        doc["avg_power"], doc["max_power"] = float(power.mean()), int(power.max())
    doc["laps"] = _laps(track, start, calories)
    doc["timer_stops"] = []
    if track.pause:
        doc["timer_stops"] = [
            [format_timestamp(start + timedelta(seconds=round(edge))) for edge in track.pause]
        ]
    return doc


def _laps(track: Track, start: datetime, calories: float) -> list[dict[str, Any]]:
    laps: list[dict[str, Any]] = []
    for number, lap in enumerate(track.laps, start=1):
        entry: dict[str, Any] = {
            "number": number,
            "type": "active",
            "start_time": format_timestamp(start + timedelta(seconds=round(lap["elapsed_start"]))),
        }
        for key, value in lap.items():
            if key != "elapsed_start":
                entry[key] = value
        entry["calories"] = calories * lap["duration"] / track.moving if track.moving else 0.0
        laps.append(entry)
    return laps
