"""The CSV of workout summaries, and the service's JSON of one workout."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.parsers.writers import (
    CSV_COLUMNS,
    SummaryCsvWriter,
    WorkoutMeta,
    workout_json_bytes,
    workout_to_activity,
)
from tests.conftest import TEST_DATA
from tests.unit.parsers.writers.helpers import api_workout, made_up_activity


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_rows_have_typed_columns_and_a_header() -> None:
    stream = io.StringIO(newline="")
    writer = SummaryCsvWriter(stream)
    workout = api_workout("sporttracks_track_5522409.json")
    writer.write_activity(workout_to_activity(workout), WorkoutMeta.from_workout(workout))
    assert writer.rows_written == 1
    text = stream.getvalue()
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    (row,) = _rows(text)
    assert row == {
        "id": "5522409",
        "start_time": "2014-03-31T07:18:01+01:00",
        "local_date": "2014-03-31",
        "type": "Cycling",
        "name": "cycling",
        "notes": "",
        "distance_m": "9985.88",
        "duration_s": "1828.00",
        "elapsed_s": "1828.00",
        "elevation_gain_m": "8.4",
        "elevation_loss_m": "1.6",
        "calories_kj": "1242",
        "avg_heartrate_bpm": "133",
        "max_heartrate_bpm": "168",
        "avg_speed_mps": "5.463",
        "max_speed_mps": "34.805",
        "avg_cadence_rpm": "67",
        "avg_power_w": "",
        "max_power_w": "",
        "uri": "https://api.sporttracks.mobi/api/v2/fitnessActivities/5522409",
    }


def test_text_with_commas_quotes_and_line_breaks_is_quoted_as_rfc_4180_says() -> None:
    activity = made_up_activity()
    activity.name = 'Col, "the hard one"'
    stream = io.StringIO(newline="")
    SummaryCsvWriter(stream).write_activity(activity)
    text = stream.getvalue()
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2  # header and row; the notes keep their own line break
    assert '"Col, ""the hard one"""' in text
    assert '"Windy, ""cold"" & wet\nsecond line"' in text
    (row,) = _rows(text)
    assert row["name"] == activity.name
    assert row["notes"] == activity.notes
    assert row["local_date"] == "2026-11-15"
    assert row["start_time"] == "2026-11-15T10:27:03+01:00"
    assert row["type"] == "Cycling: Mountain"
    assert row["id"] == ""
    assert row["uri"] == ""


def test_list_items_are_enough_for_a_row(tmp_path: Path) -> None:
    page = json.loads((TEST_DATA / "api" / "sporttracks_list_0.json").read_text())
    items = [WorkoutSummary.from_json(raw) for raw in page["items"]]
    path = tmp_path / "workouts.csv"
    with SummaryCsvWriter.open(path) as writer:
        for item in items:
            writer.write_workout(item)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    rows = _rows(raw.decode("utf-8"))
    assert len(rows) == len(items)
    first, item = rows[0], page["items"][0]
    assert first["id"] == "5555562"
    assert float(first["distance_m"]) == float(item["total_distance"])  # "9902.4" on the wire
    assert float(first["duration_s"]) == float(item["duration"])
    assert first["start_time"] == item["start_time"]
    assert first["avg_heartrate_bpm"] == ""  # no heart rate: empty, not 0


def test_a_byte_order_mark_can_be_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    with SummaryCsvWriter.open(path, bom=True) as writer:
        writer.write_workout(api_workout("sporttracks_track_5555562.json"))
        writer.write_activity(made_up_activity())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,start_time,")
    rows = _rows(data.decode("utf-8-sig"))
    assert [r["name"] for r in rows] == ["cycling", "Col du Test & <back>"]


def test_json_is_the_services_object_in_its_key_order() -> None:
    path = TEST_DATA / "api" / "sporttracks_track_5522409.json"
    original = json.loads(path.read_text(encoding="utf-8"))
    workout = Workout.from_json(original).with_changes(name="Zürich loop")
    data = workout_json_bytes(workout)
    assert data.endswith(b"}\n")
    back = json.loads(data)
    assert list(back) == list(original)
    assert back == {**original, "name": "Zürich loop"}
    assert "Zürich".encode() in data  # UTF-8, not \\u escapes
    compact = workout_json_bytes(workout, indent=None)
    assert compact.count(b"\n") == 1
    assert json.loads(compact) == back


@pytest.mark.parametrize("value", [float("nan"), -0.0001])
def test_no_nan_or_negative_zero_in_numbers(value: float) -> None:
    activity = made_up_activity()
    activity.summary.elevation_loss = value
    stream = io.StringIO(newline="")
    SummaryCsvWriter(stream).write_activity(activity)
    (row,) = _rows(stream.getvalue())
    assert row["elevation_loss_m"] == ("" if value != value else "0.0")
