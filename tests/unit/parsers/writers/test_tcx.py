"""TCX files we write: valid against Garmin's schema, and read back by our parser."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from lxml import etree

from st_desktop.domain.activity import Pause
from st_desktop.domain.workout import Workout
from st_desktop.parsers import parse_bytes, parse_file
from st_desktop.parsers.writers import workout_to_activity, write_tcx
from tests.unit.parsers.helpers import data_files
from tests.unit.parsers.writers.helpers import START, api_workout, made_up_activity, tcx_schema

NS = {
    "t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2",
    "x": "http://www.garmin.com/xmlschemas/ActivityExtension/v2",
}


def _validate(data: bytes) -> etree._Element:
    root = etree.fromstring(data)
    schema = tcx_schema()
    assert schema.validate(root), [e.message for e in schema.error_log][:3]
    return root


@pytest.mark.parametrize("sport", ["Cycling: Mountain", "Running: Trail", "Swimming"])
def test_output_is_valid_against_the_tcx_schema(sport: str) -> None:
    root = _validate(write_tcx(made_up_activity(sport=sport)))
    expected = {"Cycling: Mountain": "Biking", "Running: Trail": "Running"}.get(sport, "Other")
    assert root.find("t:Activities/t:Activity", NS).get("Sport") == expected


def test_laps_carry_totals_with_calories_in_kcal() -> None:
    activity = made_up_activity()
    root = _validate(write_tcx(activity))
    laps = root.findall(".//t:Lap", NS)
    assert [lap.get("StartTime") for lap in laps] == [
        "2026-11-15T09:27:03Z",
        "2026-11-15T09:34:03Z",
        "2026-11-15T09:39:03Z",
    ]
    assert [lap.findtext("t:Calories", namespaces=NS) for lap in laps] == ["72", "60", "63"]
    assert [lap.findtext("t:Intensity", namespaces=NS) for lap in laps] == [
        "Active",
        "Resting",
        "Active",
    ]
    assert laps[0].findtext("t:TotalTimeSeconds", namespaces=NS) == "300"
    assert laps[0].findtext("t:TriggerMethod", namespaces=NS) == "Manual"
    assert laps[0].findtext("t:MaximumHeartRateBpm/t:Value", namespaces=NS) == str(
        int(activity.laps[0].summary.max_heartrate or 0)
    )
    assert laps[0].findtext("t:Extensions/x:LX/x:AvgWatts", namespaces=NS) == "205"
    assert root.findtext(".//t:Activity/t:Notes", namespaces=NS) == activity.notes
    assert root.findtext(".//t:Creator/t:Name", namespaces=NS) == "Garmin Edge 530"


def test_a_new_track_starts_after_each_pause_and_every_sample_is_written() -> None:
    activity = made_up_activity()
    activity.pauses.append(Pause(800.0, 830.0))  # inside the third lap (720 s to the end)
    root = etree.fromstring(write_tcx(activity))
    tracks = [lap.findall("t:Track", NS) for lap in root.findall(".//t:Lap", NS)]
    sizes = [[len(t.findall("t:Trackpoint", NS)) for t in lap] for lap in tracks]
    assert sizes == [[300], [300], [110, 190]]
    points = root.findall(".//t:Trackpoint", NS)
    assert len(points) == len(activity.streams)
    assert points[0].findtext("t:Time", namespaces=NS) == "2026-11-15T09:27:03Z"
    gps_gap = points[505]
    assert gps_gap.find("t:Position", NS) is None
    assert gps_gap.find("t:HeartRateBpm", NS) is not None


def test_runs_write_run_cadence_in_the_extension() -> None:
    root = _validate(write_tcx(made_up_activity(sport="Running")))
    point = root.findall(".//t:Trackpoint", NS)[0]
    assert point.find("t:Cadence", NS) is None
    assert point.findtext("t:Extensions/x:TPX/x:RunCadence", namespaces=NS) is not None
    back = parse_bytes(write_tcx(made_up_activity(sport="Running")))
    assert back.streams.has("cadence")


def test_our_parser_reads_back_the_samples_and_lap_totals() -> None:
    activity = made_up_activity()
    back = parse_bytes(write_tcx(activity))
    assert back.start_time == activity.start_time  # the same moment (TCX times are UTC)
    assert len(back.streams) == len(activity.streams)
    for name, tolerance in (
        ("time", 1e-9),
        ("lat", 1e-8),
        ("lon", 1e-8),
        ("elevation", 0.005),
        ("distance", 0.005),
        ("heartrate", 0.5),
        ("cadence", 0.5),
        ("power", 0.5),
        ("speed", 5e-4),
    ):
        want, got = activity.streams.get(name), back.streams.get(name)
        assert np.array_equal(np.isfinite(want), np.isfinite(got)), name
        assert np.nanmax(np.abs(want - got)) <= tolerance, name
    assert [lap.intensity for lap in back.laps] == ["active", "rest", "active"]
    assert [lap.start for lap in back.laps] == [lap.start for lap in activity.laps]
    laps = activity.laps
    distance = sum(lap.summary.distance or 0 for lap in laps)
    assert back.summary.distance == pytest.approx(distance, abs=0.02)  # cm per lap
    assert back.summary.moving_time == sum(lap.summary.moving_time or 0 for lap in laps)
    assert back.summary.calories == pytest.approx(812.0, abs=3 * 2.1)
    assert back.notes == activity.notes
    assert back.pauses[0].start == 299.0
    assert back.pauses[0].end == 420.0


@pytest.mark.parametrize(
    "name", ["sporttracks_track_5522409.json", "sporttracks_track_5555562.json"]
)
def test_workout_json_to_tcx_keeps_the_totals_within_one_percent(name: str) -> None:
    workout = api_workout(name)
    data = write_tcx(workout_to_activity(workout))
    _validate(data)
    back = parse_bytes(data)
    assert back.summary.distance == pytest.approx(workout.total_distance, rel=0.01)
    assert back.summary.moving_time == pytest.approx(workout.duration, rel=0.01)
    if workout.calories:
        assert back.summary.calories == pytest.approx(workout.calories, rel=0.01, abs=4 * 2.1)
    if workout.max_heartrate is not None:
        assert back.summary.max_heartrate == workout.max_heartrate
        assert back.summary.avg_heartrate == pytest.approx(workout.avg_heartrate, rel=0.01)
    # TCX keeps only lap maxima (the service's 34.8 m/s spike is in none of the laps).
    lap_max = max(lap.max_speed or 0.0 for lap in workout.laps)
    assert back.summary.max_speed == pytest.approx(lap_max, rel=0.01)
    assert len(back.laps) == len(workout.laps)


@pytest.mark.parametrize("path", [*data_files("tcx"), *data_files("fit")], ids=lambda p: p.name)
def test_real_files_become_valid_tcx_with_their_lap_totals(path: Path) -> None:
    original = parse_file(path)
    data = write_tcx(original)
    _validate(data)
    back = parse_bytes(data)
    assert len(back.streams) == len(original.streams)
    assert len(back.laps) == len(original.laps)
    distances = [lap.summary.distance for lap in original.laps]
    if None not in distances:
        assert back.summary.distance == pytest.approx(sum(distances), rel=0.01)
    timers = [lap.summary.moving_time for lap in original.laps]
    if None not in timers:
        assert back.summary.moving_time == pytest.approx(sum(timers), rel=0.01)


def test_a_workout_without_samples_is_a_valid_tcx_with_its_totals() -> None:
    workout = Workout.new(START, 3300.0, 10_000.0, type="Running", name="Track", notes="6x1k")
    data = write_tcx(workout_to_activity(workout))
    root = _validate(data)
    assert root.find(".//t:Track", NS) is None
    back = parse_bytes(data)
    assert back.summary.distance == 10_000
    assert back.summary.moving_time == 3300
    assert back.notes == "6x1k"
    assert back.start_time == START
