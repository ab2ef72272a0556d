"""The workout model reads the service leniently and writes back exactly what it read."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from st_desktop.domain.streams import MAX_RESAMPLE_POINTS, Stream
from st_desktop.domain.workout import (
    Lap,
    TimerStop,
    Workout,
    WorkoutSummary,
    workout_id,
)


def _captured(test_data: Path, ident: str) -> bytes:
    return (test_data / "api" / f"sporttracks_track_{ident}.json").read_bytes()


@pytest.mark.parametrize("ident", ["5522409", "5555562"])
def test_captured_workout_round_trips_byte_for_byte(test_data: Path, ident: str) -> None:
    captured = _captured(test_data, ident)
    workout = Workout.from_json(json.loads(captured))

    assert json.dumps(workout.to_json(), separators=(",", ":")).encode() == captured.strip()


def test_editing_changes_only_the_edited_keys_in_place(test_data: Path) -> None:
    original = json.loads(_captured(test_data, "5522409"))
    workout = Workout.from_json(original)

    edited = workout.with_changes(name="Commute", notes="windy", privacy="Private")
    sent = edited.to_json()

    assert list(sent)[: len(original)] == list(original)  # order kept; new keys appended
    assert list(sent)[len(original) :] == ["notes"]
    assert (sent["name"], sent["notes"], sent["privacy"]) == ("Commute", "windy", "private")
    assert {k: v for k, v in sent.items() if k not in ("name", "notes", "privacy")} == {
        k: v for k, v in original.items() if k != "name" and k != "privacy"
    }
    assert (edited.name, edited.notes, edited.privacy) == ("Commute", "windy", "private")
    assert workout.name == "cycling"
    assert workout.to_json() == original
    assert edited.laps == workout.laps
    assert edited.streams == workout.streams


def test_a_workout_read_without_its_streams_sends_them_back_as_they_came(
    test_data: Path,
) -> None:
    original = json.loads(_captured(test_data, "5522409"))
    whole = Workout.from_json(original)
    lean = Workout.from_json(original, streams=False)

    assert whole.streams
    assert not lean.streams  # the samples are never decoded
    assert (lean.start_time, lean.name, lean.laps) == (whole.start_time, whole.name, whole.laps)
    edited = lean.with_changes(name="Commute")
    assert edited.wire_body() == edited.to_json() == whole.with_changes(name="Commute").to_json()
    assert edited.wire_body()["location"] is original["location"]  # shared, not copied
    assert lean.to_json() == original


def test_unknown_keys_survive_an_edit() -> None:
    raw = {"start_time": "2024-01-01T10:00:00Z", "gear": {"id": 7}, "weather": "rain", "name": "a"}
    sent = Workout.from_json(raw).with_changes(name="b").to_json()
    assert sent == {
        "start_time": "2024-01-01T10:00:00Z",
        "gear": {"id": 7},
        "weather": "rain",
        "name": "b",
    }


def test_type_is_normalised_and_sharing_kept_in_step() -> None:
    raw = {"start_time": "2024-01-01T10:00:00Z", "type": "running", "sharing": "public"}
    workout = Workout.from_json(raw)
    assert workout.type == "Running"
    assert workout.privacy == "public"

    sent = workout.with_changes(type="CYCLING: mountain", privacy="private").to_json()
    assert sent["type"] == "Cycling: Mountain"
    assert sent["sharing"] == sent["privacy"] == "private"


def test_start_time_edit_updates_timezone() -> None:
    raw = {"start_time": "2024-01-01T10:00:00+01:00", "timezone": 1, "duration": 60}
    moved = Workout.from_json(raw).with_changes(
        start_time=datetime(2024, 7, 1, 6, 30, tzinfo=timezone(timedelta(hours=-2, minutes=-30)))
    )
    assert moved.to_json() == {
        "start_time": "2024-07-01T06:30:00-02:30",
        "timezone": -2.5,
        "duration": 60,
    }


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"uri": "x"}, TypeError),
        ({"duration": -1}, ValueError),
        ({"type": " "}, ValueError),
        ({"name": 3}, ValueError),
        ({"calories": "lots"}, ValueError),
    ],
)
def test_bad_edits_are_refused(changes: dict[str, object], error: type[Exception]) -> None:
    workout = Workout.from_json({"start_time": "2024-01-01T10:00:00Z"})
    with pytest.raises(error):
        workout.with_changes(**changes)


def test_lenient_scalars_strings_offsets_and_missing_keys() -> None:
    raw = {
        "start_time": "2014-01-01T10:00:00-2:-30",  # the service's offset bug
        "total_distance": "1234.5",
        "duration": "600.00",
        "calories": "418.4",
        "user_id": "16964",
        "avg_heartrate": None,
        "max_heartrate": "n/a",
        "max_speed": True,
        "laps": [{"type": "ACTIVE", "number": "1"}, {"type": "Rest"}, "junk"],
        "timer_stops": [["2014-01-01T10:05:00Z", "2014-01-01T10:06:00Z"], ["bad"], "x"],
    }
    workout = Workout.from_json(raw)

    assert workout.start_time == datetime(
        2014, 1, 1, 10, 0, tzinfo=timezone(-timedelta(hours=2, minutes=30))
    )
    assert (workout.total_distance, workout.duration, workout.user_id) == (1234.5, 600.0, 16964)
    assert workout.calories_kcal == pytest.approx(100.0)
    assert workout.avg_heartrate is None
    assert workout.max_heartrate is None
    assert workout.max_speed is None
    assert workout.elevation_gain is None
    assert workout.streams == {}
    assert workout.notes == ""
    assert [lap.type for lap in workout.laps] == ["active", "rest"]
    assert [lap.is_rest for lap in workout.laps] == [False, True]
    assert workout.laps[0].number == 1
    assert workout.timer_stops == (
        TimerStop(datetime(2014, 1, 1, 10, 5, tzinfo=UTC), datetime(2014, 1, 1, 10, 6, tzinfo=UTC)),
    )
    assert workout.timer_stops[0].seconds == 60


def test_unreadable_start_time_is_no_data_not_a_crash() -> None:
    workout = Workout.from_json({"start_time": "yesterday", "type": None})
    assert workout.start_time is None
    assert workout.type == "Other"
    assert workout.id is None


def test_summary_reads_a_list_item_with_strings() -> None:
    item = WorkoutSummary.from_json(
        {
            "start_time": "2014-03-19T07:00:32Z",
            "total_distance": "40188",
            "duration": "1976.00",
            "user_id": "16964",
            "uri": "https://api.sporttracks.mobi/api/v2/fitnessActivities/5",
        }
    )
    assert item.start_time == datetime(2014, 3, 19, 7, 0, 32, tzinfo=UTC)
    assert (item.total_distance, item.duration, item.id) == (40188.0, 1976.0, "5")


def test_streams_decode_offsets_and_values() -> None:
    workout = Workout.from_json(
        {
            "location": [0, [51.5, -0.19], "3", ["51.6", "-0.2"], 5, [999, 0]],
            "heartrate": [1, 96, 4, "101", 7],  # dangling last element
            "power": [],
            "temperature": None,
        }
    )
    location = workout.streams["location"]
    assert location.offsets == (0, 3)
    assert location.values == ((51.5, -0.19), (51.6, -0.2))
    assert list(workout.streams["heartrate"]) == [(1, 96), (4, 101)]
    assert set(workout.streams) == {"location", "heartrate"}  # empty streams mean no data


def test_stream_with_offsets_going_backwards_is_ordered_and_terminates() -> None:
    stream = Stream.from_json("distance", [0, 0, 2, 5, 1, 3, 3, 9])
    assert stream is not None
    assert stream.reordered
    assert stream.offsets == (0, 1, 2, 3)
    assert stream.values == (0, 3, 5, 9)
    assert stream.value_at(2.5) == 5
    assert stream.value_at(-1) is None
    assert stream.resample(1.0) == [(0, 0), (1, 3), (2, 5), (3, 9)]


def test_resample_is_bounded_whatever_the_offsets() -> None:
    stream = Stream.from_json("heartrate", [0, 100, 10**12, 120])
    assert stream is not None
    assert len(stream.resample(1.0)) <= MAX_RESAMPLE_POINTS + 1


def test_new_workout_always_sends_duration() -> None:
    start = datetime(2024, 5, 1, 7, 0, tzinfo=timezone(timedelta(hours=2)))
    workout = Workout.new(start, 1800, 5000.5, type="running: trail", name="Trail", notes="muddy")

    assert workout.to_json() == {
        "start_time": "2024-05-01T07:00:00+02:00",
        "timezone": 2,
        "total_distance": 5000.5,
        "duration": 1800,
        "clock_duration": 1800,
        "type": "Running: Trail",
        "name": "Trail",
        "notes": "muddy",
    }
    assert Workout.new(datetime(2024, 5, 1), 0).to_json()["duration"] == 0
    with pytest.raises(ValueError):
        Workout.new(start, -5)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://api.sporttracks.mobi/api/v2/fitnessActivities/5522409", "5522409"),
        ("https://x/api/v2/fitnessActivities/12/", "12"),
        ("77", "77"),
        (77, "77"),
        ("https://x/api/v2/fitnessActivity/9?x=1", "9"),
    ],
)
def test_workout_id_is_the_last_path_segment(value: str | int, expected: str) -> None:
    assert workout_id(value) == expected


def test_lap_from_json_ignores_non_objects() -> None:
    assert Lap.from_json(["not", "a", "lap"]) is None


def test_streams_read_numbers_and_skip_what_is_not_one_wherever_it_is() -> None:
    plain = Stream.from_json("power", [0, 200, 1, 210.5, 2, 220, 3])  # dangling last element
    assert plain is not None
    assert plain.offsets == (0.0, 1.0, 2.0)
    assert plain.values == (200.0, 210.5, 220.0)
    assert all(type(v) is float for v in plain.offsets + plain.values)
    mixed = Stream.from_json(
        "power", [0, 200, 1, True, 2, "230", 3, None, 4, float("nan"), 5, float("inf"), 6, 250]
    )
    assert mixed is not None
    assert mixed.offsets == (0.0, 2.0, 6.0)
    assert mixed.values == (200.0, 230.0, 250.0)
    assert Stream.from_json("power", [0, None, 1, False]) is None


def test_locations_read_pairs_and_skip_what_is_not_one_wherever_it_is() -> None:
    plain = Stream.from_json("location", [0, [51.5, -0.19], 2, [51.6, -0.2], 3])
    assert plain is not None
    assert plain.offsets == (0.0, 2.0)
    assert plain.values == ((51.5, -0.19), (51.6, -0.2))
    mixed = Stream.from_json(
        "location", [0, [51.5, -0.19], 1, [95, 0], 2, ["51.6", -0.2], 3, [51.7], 4, [1, 2, 3]]
    )
    assert mixed is not None
    assert mixed.offsets == (0.0, 2.0, 4.0)
    assert mixed.values == ((51.5, -0.19), (51.6, -0.2), (1.0, 2.0))
