"""The hands-free import queue, its settings and the words of a batch notification."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from st_desktop.services.autoimport import Candidate
from st_desktop.services.handsfree import (
    ImportQueue,
    KnownDevice,
    UploadedWorkout,
    batch_sentence,
    devices_from_json,
    devices_to_json,
    folders_from_json,
    folders_to_json,
    workout_label,
)
from st_desktop.services.watch import WatchedFolder


def make_candidates(count: int) -> list[Candidate]:
    return [Candidate("s", Path(f"/f/{n}.fit"), f"{n}.fit", 1, n) for n in range(count)]


def test_the_queue_hands_out_batches_within_the_window() -> None:
    queue = ImportQueue(batch_size=20, window=40)
    assert queue.add(make_candidates(500)) == 500
    assert queue.add(make_candidates(3)) == 0  # already waiting
    first = queue.next_batch(in_flight=0)
    assert len(first) == 20
    assert len(queue.next_batch(in_flight=20)) == 20
    assert queue.next_batch(in_flight=40) == []  # the window is full: wait
    queue.finished(15)
    assert (queue.done, queue.total) == (15, 500)
    assert len(queue.next_batch(in_flight=25)) == 15
    queue.paused = True
    assert queue.next_batch(in_flight=0) == []
    queue.paused = False
    dropped = queue.cancel()
    assert len(dropped) == 500 - 55
    assert queue.total == 55
    assert len(queue) == 0
    queue.finished(40)
    assert (queue.done, queue.total) == (0, 0)  # all done: the next import counts afresh


def ride(name: str | None, hour: int, km: float, sport: str = "Cycling") -> UploadedWorkout:
    start = datetime(2024, 5, 4, hour, 0, tzinfo=UTC)
    return UploadedWorkout(name, sport, start, km * 1000)


def test_the_batch_notification_names_the_rides() -> None:
    rides = [ride(None, 7, 45.0), ride("Evening loop", 18, 20.12)]
    assert batch_sentence(rides, "metric") == (
        "2 rides uploaded: Morning Ride 45.0 km, Evening loop 20.1 km"
    )
    assert batch_sentence([ride(None, 13, 10, "Running: Trail")], "imperial") == (
        "1 run uploaded: Lunch Trail Run 6.2 mi"
    )
    mixed = [ride(None, 7, 5, "Running"), ride(None, 23, 0, "Gym: Strength")] * 2
    assert batch_sentence(mixed, "metric") == (
        "4 workouts uploaded: Morning Run 5.0 km, Night Workout, Morning Run 5.0 km and 1 more"
    )
    assert workout_label(UploadedWorkout(None, "Swimming", None, None), "metric") == "Swim"


def test_folders_and_devices_round_trip_through_settings_json(tmp_path: Path) -> None:
    folders = [WatchedFolder(tmp_path / "Zwift", auto=True), WatchedFolder(tmp_path / "b", False)]
    assert folders_from_json(folders_to_json(folders)) == folders
    devices = [KnownDevice("garmin:1", "Forerunner 255", "Garmin", "list")]
    assert devices_from_json(devices_to_json(devices)) == devices
    odd = '[{"path": ""}, 3, {"id": "volume:X", "answer": "sometimes"}]'
    assert folders_from_json(odd) == []
    assert devices_from_json(odd) == [KnownDevice("volume:X", "volume:X", "", "auto")]


@pytest.mark.expect_log("not readable JSON")
def test_unreadable_settings_json_is_ignored_with_a_warning() -> None:
    assert folders_from_json("{not json") == []
