"""Shared pieces of the writer tests: a made-up activity with every stream, schemas, resolutions."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import numpy as np
from lxml import etree

from st_desktop.domain.activity import Activity, Lap, Pause, Streams, Summary
from st_desktop.domain.workout import Workout
from tests.conftest import TEST_DATA

SCHEMAS = Path(__file__).resolve().parent / "schemas"

#: Largest difference a FIT field's storage allows, per stream (half its resolution, plus float
#: noise): semicircles for positions, 1/5 m altitude, cm distance, mm/s speed, whole units else.
FIT_RESOLUTION: dict[str, float] = {
    "time": 0.5,
    "lat": 0.5 * 180 / 2**31 + 1e-12,
    "lon": 0.5 * 180 / 2**31 + 1e-12,
    "elevation": 0.1 + 1e-9,
    "distance": 0.005 + 1e-9,
    "speed": 0.0005 + 1e-9,
    "heartrate": 0.5,
    "cadence": 0.5,
    "power": 0.5,
    "temperature": 0.5,
}

START = datetime(2026, 11, 15, 10, 27, 3, tzinfo=timezone(timedelta(hours=1)))


def made_up_activity(
    sport: str = "Cycling: Mountain", start: datetime = START, samples: int = 900
) -> Activity:
    """An 18-minute ride with every stream, sensor dropouts, a 2-minute pause and three laps.

    The samples stop at 300 s and resume at 420 s (the pause); heart rate drops out for 20 s,
    GPS for 15 s, and the temperature goes below zero.
    """
    rng = np.random.default_rng(7)
    time = np.concatenate([np.arange(300.0), np.arange(420.0, 420.0 + samples - 300)])
    n = len(time)
    speed = np.clip(6.0 + np.cumsum(rng.normal(0, 0.2, n)) * 0.1, 0.5, 15.0)
    distance = np.concatenate([[0.0], np.cumsum(speed[1:] * np.diff(time))])
    distance[300:] -= speed[300] * 120  # no distance covered during the pause
    lat = 46.51 + distance / 111_000.0
    lon = 6.63 + np.sin(time / 200.0) * 0.01
    heartrate = np.rint(np.clip(120 + np.cumsum(rng.normal(0, 1, n)), 80, 190))
    cadence = np.rint(np.clip(85 + rng.normal(0, 5, n), 0, 130))
    power = np.rint(np.clip(210 + rng.normal(0, 40, n), 0, 900))
    elevation = 372.3 + np.cumsum(rng.normal(0, 0.3, n))
    temperature = np.rint(np.linspace(2.0, -3.0, n))
    heartrate[100:120] = np.nan
    lat[500:515] = np.nan
    lon[500:515] = np.nan
    streams = Streams.from_columns(
        {
            "time": time,
            "lat": lat,
            "lon": lon,
            "elevation": elevation,
            "distance": distance,
            "heartrate": heartrate,
            "cadence": cadence,
            "power": power,
            "speed": speed,
            "temperature": temperature,
        },
        n,
    )
    end = float(time[-1]) + 1.0
    summary = Summary(
        distance=float(distance[-1]),
        elapsed_time=end,
        moving_time=end - 120.0,
        elevation_gain=41.6,
        elevation_loss=38.2,
        avg_heartrate=131.4,
        max_heartrate=float(np.nanmax(heartrate)),
        avg_cadence=84.7,
        max_cadence=float(cadence.max()),
        avg_power=209.6,
        max_power=float(power.max()),
        avg_speed=float(distance[-1]) / (end - 120.0),
        max_speed=float(speed.max()),
        calories=812.0,
    )
    laps = [
        Lap(0.0, _lap_summary(time, distance, heartrate, 0.0, 420.0, 120.0, 300.0)),
        Lap(420.0, _lap_summary(time, distance, heartrate, 420.0, 720.0, 0.0, 250.0), "rest"),
        Lap(720.0, _lap_summary(time, distance, heartrate, 720.0, end, 0.0, 262.0)),
    ]
    return Activity(
        format="FIT",
        start_time=start,
        sport=sport,
        streams=streams,
        laps=laps,
        pauses=[Pause(300.0, 420.0)],
        summary=summary,
        computed_summary=summary,
        name="Col du Test & <back>",
        notes='Windy, "cold" & wet\nsecond line',
        device="Garmin Edge 530",
    )


def _lap_summary(
    time: np.ndarray,
    distance: np.ndarray,
    heartrate: np.ndarray,
    begin: float,
    end: float,
    paused: float,
    kj: float,
) -> Summary:
    inside = (time >= begin) & (time < end)
    return Summary(
        distance=float(distance[inside][-1] - distance[inside][0]),
        elapsed_time=end - begin,
        moving_time=end - begin - paused,
        avg_heartrate=float(np.nanmean(heartrate[inside])),
        max_heartrate=float(np.nanmax(heartrate[inside])),
        max_speed=7.25,
        avg_speed=6.1,
        avg_power=205.0,
        max_power=640.0,
        avg_cadence=84.0,
        max_cadence=118.0,
        elevation_gain=12.0,
        elevation_loss=9.0,
        calories=kj,
    )


def api_workout(name: str) -> Workout:
    """A workout the live service returned (tests/data/api)."""
    return Workout.from_json(json.loads((TEST_DATA / "api" / name).read_text(encoding="utf-8")))


def schema(main: str, *extensions: tuple[str, str]) -> etree.XMLSchema:
    """A schema for ``main`` (namespace, file) plus extension schemas, from ``SCHEMAS``."""
    imports = "".join(
        f'<xsd:import namespace="{ns}" schemaLocation="{(SCHEMAS / name).as_uri()}"/>'
        for ns, name in (tuple(main.split(" ", 1)), *extensions)
    )
    text = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    return etree.XMLSchema(etree.XML(text.encode()))


def tcx_schema() -> etree.XMLSchema:
    """TrainingCenterDatabase v2 with the ActivityExtension v2 (TPX, LX) schema."""
    return schema(
        "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 TrainingCenterDatabasev2.xsd",
        ("http://www.garmin.com/xmlschemas/ActivityExtension/v2", "ActivityExtensionv2.xsd"),
    )


def gpx_schema() -> etree.XMLSchema:
    """GPX 1.1 with Garmin's TrackPointExtension v2."""
    return schema(
        "http://www.topografix.com/GPX/1/1 gpx.xsd",
        ("http://www.garmin.com/xmlschemas/TrackPointExtension/v2", "TrackPointExtensionv2.xsd"),
    )


def assert_streams_close(
    expected: Activity, actual: Activity, names: tuple[str, ...], tolerance: dict[str, float]
) -> None:
    """Same samples, same gaps, every value within the stream's tolerance."""
    assert len(actual.streams) == len(expected.streams)
    for name in names:
        want, got = expected.streams.get(name), actual.streams.get(name)
        assert np.array_equal(np.isfinite(want), np.isfinite(got)), f"{name}: gaps differ"
        both = np.isfinite(want)
        if both.any():
            worst = float(np.max(np.abs(want[both] - got[both])))
            assert worst <= tolerance[name], f"{name}: off by {worst}"
