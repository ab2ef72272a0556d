"""Downloaded workouts (the service's JSON) as Activities, and as FIT files."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import numpy as np
import pytest

from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.parsers import parse_bytes
from st_desktop.parsers.writers import (
    NoStartTimeError,
    WorkoutMeta,
    workout_to_activity,
    write_fit,
)
from tests.unit.parsers.writers.helpers import START, api_workout

WORKOUTS = ["sporttracks_track_5522409.json", "sporttracks_track_5555562.json"]


def test_streams_are_aligned_on_one_axis_with_the_services_values() -> None:
    workout = api_workout("sporttracks_track_5522409.json")
    activity = workout_to_activity(workout)
    s = activity.streams
    assert activity.start_time == workout.start_time
    assert activity.start_time.utcoffset() == timedelta(hours=1)
    assert activity.sport == "Cycling"
    assert activity.name == "cycling"
    for key, name in (("heartrate", "heartrate"), ("distance", "distance"), ("cadence", "cadence")):
        stream = workout.stream(key)
        assert stream is not None
        at = np.searchsorted(s.time, stream.offsets)
        assert np.array_equal(s.time[at], stream.offsets)
        assert np.allclose(s.get(name)[at], stream.values)
    location = workout.stream("location")
    assert location is not None
    at = np.searchsorted(s.time, location.offsets)
    assert np.allclose(s.lat[at], [p[0] for p in location.values])
    assert np.allclose(s.lon[at], [p[1] for p in location.values])
    # Distance starts at 4 s and cadence at 10 s: nothing is made up before a stream begins.
    assert np.isnan(s.distance[s.time < 4]).all()
    assert np.isnan(s.cadence[s.time < 10]).all()
    assert s.has("speed")  # derived from distance: the service has no speed stream


def test_totals_and_laps_are_the_services_own() -> None:
    workout = api_workout("sporttracks_track_5522409.json")
    activity = workout_to_activity(workout)
    assert activity.summary.distance == 9985.88
    assert activity.summary.moving_time == 1828
    assert activity.summary.elapsed_time == 1828
    assert activity.summary.calories == 1242  # kJ, as the service keeps them
    assert activity.summary.avg_heartrate == 133
    assert [lap.start for lap in activity.laps] == [0.0, 595.0, 1052.0, 1536.0]
    assert [lap.summary.distance for lap in activity.laps] == [3000, 3000, 3000, 985.88]
    assert activity.laps[1].summary.moving_time == 456.59
    assert activity.laps[1].summary.elapsed_time == 456
    assert activity.laps[0].summary.calories == 305


def _workout(**extra: Any) -> Workout:
    raw: dict[str, Any] = {
        "start_time": "2026-11-15T10:27:03+01:00",
        "type": "Running: Trail",
        "name": "Morning run",
        "total_distance": 10000,
        "duration": 3300,
        "clock_duration": 3600,
        "calories": 2900,
        **extra,
    }
    return Workout.from_json(raw)


def test_timer_stops_become_pauses() -> None:
    workout = _workout(
        timer_stops=[
            ["2026-11-15T10:47:03+01:00", "2026-11-15T10:52:03+01:00"],
            ["2026-11-15T11:20:03+01:00", "2026-11-15T11:30:03+01:00"],
        ],
        distance=[0, 0, 3600, 10000],
    )
    activity = workout_to_activity(workout)
    assert [(p.start, p.end) for p in activity.pauses] == [(1200.0, 1500.0), (3180.0, 3600.0)]
    back = parse_bytes(write_fit(activity))
    assert [(p.start, p.end) for p in back.pauses] == [(1200.0, 1500.0), (3180.0, 3600.0)]
    assert back.summary.moving_time == 3300


def test_a_workout_without_streams_or_laps_gets_one_lap_with_its_totals() -> None:
    activity = workout_to_activity(_workout())
    assert len(activity.streams) == 0
    assert len(activity.laps) == 1
    assert activity.laps[0].summary.distance == 10000
    back = parse_bytes(write_fit(activity))
    assert back.start_time == START
    assert back.sport == "Running: Trail"
    assert back.summary.distance == pytest.approx(10000)
    assert back.summary.moving_time == pytest.approx(3300)
    assert back.summary.elapsed_time == pytest.approx(3600)
    assert back.summary.calories == pytest.approx(2900, abs=2.1)


def test_a_workout_without_a_start_time_cannot_be_written() -> None:
    with pytest.raises(NoStartTimeError, match="no start time"):
        workout_to_activity(Workout.from_json({"type": "Running", "duration": 60}))


@pytest.mark.parametrize("name", WORKOUTS)
def test_workout_json_to_fit_keeps_the_totals_within_one_percent(name: str) -> None:
    workout = api_workout(name)
    back = parse_bytes(write_fit(workout_to_activity(workout)))
    assert back.start_time == workout.start_time
    assert back.sport == workout.type
    for ours, theirs in (
        (back.summary.distance, workout.total_distance),
        (back.summary.moving_time, workout.duration),
        (back.summary.elapsed_time, workout.clock_duration),
        (back.summary.calories, workout.calories),
        (back.summary.avg_speed, workout.avg_speed),
        (back.summary.max_speed, workout.max_speed),
        (back.summary.avg_heartrate, workout.avg_heartrate),
        (back.summary.max_heartrate, workout.max_heartrate),
    ):
        if theirs is not None:
            assert ours == pytest.approx(theirs, rel=0.01, abs=0.01)
    # FIT stores ascent in whole metres: within 1 % or half a metre.
    assert back.summary.elevation_gain == pytest.approx(workout.elevation_gain, rel=0.01, abs=0.5)
    assert len(back.laps) == max(1, len(workout.laps))
    assert len(back.streams) == len(workout_to_activity(workout).streams)


def test_meta_comes_from_full_workouts_and_list_items() -> None:
    workout = api_workout("sporttracks_track_5522409.json")
    meta = WorkoutMeta.from_workout(workout)
    assert meta.id == "5522409"
    assert meta.uri == "https://api.sporttracks.mobi/api/v2/fitnessActivities/5522409"
    assert meta.privacy == "friends"
    item = WorkoutSummary.from_json(
        {"uri": "https://api.sporttracks.mobi/api/v2/fitnessActivities/7", "privacy": "public"}
    )
    assert WorkoutMeta.from_workout(item) == WorkoutMeta(
        id="7", uri="https://api.sporttracks.mobi/api/v2/fitnessActivities/7", privacy="public"
    )
