"""Streams with separate time bases become one chartable track (contract 3.3)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import Activity, Pause, Streams
from st_desktop.domain.track import Track, derive_speed
from st_desktop.domain.workout import Workout

DATA = Path(__file__).parents[2] / "data" / "api"


def workout(**streams: list[object]) -> Workout:
    raw = {
        "start_time": "2024-05-01T10:00:00+02:00",
        "type": "Running",
        "timer_stops": [["2024-05-01T10:00:20+02:00", "2024-05-01T10:00:30+02:00"]],
        **streams,
    }
    return Workout.from_json(raw)


def test_streams_with_their_own_offsets_share_one_axis() -> None:
    track = Track.from_workout(
        workout(
            heartrate=[0, 100, 10, 120, 40, 140],
            distance=[4, 0, 14, 30, 40, 100],  # starts late
            location=[0, [45.0, 6.0], 10, [45.001, 6.0]],  # GPS drops out after 10 s
        )
    )
    assert list(track.time) == [0, 4, 10, 14, 40]
    assert track.heartrate[1] == pytest.approx(108)  # interpolated between 0 s and 10 s
    assert np.isnan(track.distance[0])  # before the distance stream began
    assert np.isnan(track.lat[-1])  # after the GPS dropout
    assert track.position_at(9.0) == (45.001, 6.0)
    assert track.position_at(40.0) is None
    assert track.pauses == ((20.0, 30.0),)
    assert track.sport == "Running"
    assert not track.has("power")


def test_speed_is_derived_from_distance_and_never_negative() -> None:
    time = np.arange(0, 60, 1.0)
    distance = time * 3.0
    distance[30] = distance[29] - 5  # a GPS correction going backwards
    speed = derive_speed(time, distance)
    assert np.nanmedian(speed) == pytest.approx(3.0)
    assert np.nanmin(speed) >= 0


def test_sparse_smart_recording_still_gives_speed() -> None:
    time = np.array([0.0, 60.0, 143.0])
    assert derive_speed(time, np.array([0.0, 600.0, 1430.0]))[1] == pytest.approx(10.0)


def test_real_workout_from_the_service() -> None:
    raw = json.loads((DATA / "sporttracks_track_5522409.json").read_text())
    track = Track.from_workout(Workout.from_json(raw))
    assert track.has_route
    assert track.has("heartrate")
    assert track.has("cadence")
    assert track.has("speed")
    avg = float(raw["avg_speed"])
    assert np.nanmedian(track.speed) == pytest.approx(avg, rel=0.25)
    assert track.duration == max(raw["location"][-2], raw["heartrate"][-2], raw["distance"][-2])
    assert track.index_at(track.duration + 100) == len(track) - 1
    assert track.elapsed_at_distance(1000.0) is not None


def test_from_activity_keeps_the_aligned_samples() -> None:
    n = 5
    streams = Streams.from_columns(
        {
            "time": np.arange(n, dtype=float),
            "lat": np.linspace(45, 45.01, n),
            "lon": np.full(n, 6.0),
            "distance": np.arange(n) * 4.0,
        },
        n,
    )
    activity = Activity(
        format="GPX",
        start_time=datetime(2024, 1, 1, tzinfo=UTC),
        sport="Cycling",
        streams=streams,
        pauses=[Pause(2.0, 3.0)],
    )
    track = Track.from_activity(activity)
    assert len(track) == n
    assert track.has_route
    assert np.nanmedian(track.speed) == pytest.approx(4.0)
    assert track.pauses == ((2.0, 3.0),)
    assert not track.has("heartrate")


def test_empty_workout_gives_an_empty_track() -> None:
    track = Track.from_workout(Workout.from_json({"start_time": "2024-01-01T00:00:00Z"}))
    assert len(track) == 0
    assert not track.has_route
    assert track.position_at(0) is None
