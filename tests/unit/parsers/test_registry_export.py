"""Format detection, compressed files and archives, size limits, and the SportTracks JSON."""

from __future__ import annotations

import base64
import gzip
import json
import zipfile
from pathlib import Path

import pytest

from st_desktop.domain.timeutil import parse_timestamp
from st_desktop.parsers import (
    activity_to_workout_json,
    detect_format,
    file_upload_payload,
    parse_archive,
    parse_bytes,
    parse_file,
    registry,
)
from st_desktop.parsers.errors import (
    EmptyFileError,
    FileTooLargeError,
    NoActivityDataError,
    ParseError,
    UnknownFormatError,
)

FIT = "fit/fp_garmin-fenix-5-run.fit"
GPX = "gpx/tg_Friday-Evening-Run.gpx"
TCX = "tcx/tg_garmin_connect_edge520.tcx"


@pytest.mark.parametrize(("name", "fmt"), [(FIT, "FIT"), (GPX, "GPX"), (TCX, "TCX")])
def test_format_comes_from_content_not_name(
    test_data: Path, tmp_path: Path, name: str, fmt: str
) -> None:
    data = (test_data / name).read_bytes()
    assert detect_format(data) == fmt
    misnamed = tmp_path / "activity.txt"
    misnamed.write_bytes(data)
    assert parse_file(misnamed).format == fmt


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 hello", "not a FIT, TCX or GPX file"),
        (b"<?xml version='1.0'?><kml></kml>", "root element is <kml>"),
        (b"\x89PNG\r\n\x1a\n", "not a FIT, TCX or GPX file"),
    ],
)
def test_other_files_are_named_as_such(data: bytes, message: str) -> None:
    with pytest.raises(UnknownFormatError, match=message):
        parse_bytes(data)


def test_empty_file_message() -> None:
    with pytest.raises(EmptyFileError) as info:
        detect_format(b"")
    assert str(info.value) == "This file is empty."


def test_gzip_is_opened_transparently(test_data: Path, tmp_path: Path) -> None:
    path = tmp_path / "run.fit.gz"
    path.write_bytes(gzip.compress((test_data / FIT).read_bytes()))
    activity = parse_file(path)
    assert activity.format == "FIT"
    assert activity.source_name == "run.fit.gz"


def test_size_limit(monkeypatch: pytest.MonkeyPatch, test_data: Path, tmp_path: Path) -> None:
    monkeypatch.setattr(registry, "MAX_FILE_BYTES", 1000)
    with pytest.raises(FileTooLargeError, match="larger than"):
        parse_file(test_data / GPX)
    bomb = tmp_path / "bomb.gpx.gz"
    bomb.write_bytes(gzip.compress(b" " * 5000))
    with pytest.raises(FileTooLargeError, match="unpacks to more than"):
        parse_file(bomb)


def test_archive_gives_one_result_per_member(test_data: Path, tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(test_data / FIT, "a/run.fit")
        zf.write(test_data / "gpx/gx_route.gpx", "a/route.gpx")
        zf.writestr("a/notes.txt", "not an activity")
        zf.writestr("__MACOSX/a/._run.fit", b"\0\0")
        zf.write(test_data / TCX, "ride.tcx")
    results = parse_archive(archive)
    assert len(results) == 4
    first, route, notes, ride = results
    assert not isinstance(first, ParseError)
    assert first.source_name == "a/run.fit"
    assert isinstance(route, NoActivityDataError)
    assert "a/route.gpx" in (route.detail or "")
    assert isinstance(notes, UnknownFormatError)
    assert not isinstance(ride, ParseError)
    assert ride.format == "TCX"


def test_a_zip_given_as_a_file_says_so(tmp_path: Path) -> None:
    archive = tmp_path / "x.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "x")
    with pytest.raises(UnknownFormatError, match="zip archive"):
        parse_file(archive)


def test_workout_json_follows_the_contract(test_data: Path) -> None:
    activity = parse_file(
        test_data / "fit/fp_elemnt-bolt-no-application-id-inside-developer-data-id.fit"
    )
    workout = activity_to_workout_json(activity)
    json.dumps(workout)  # serialisable as is
    start = parse_timestamp(workout["start_time"])
    assert start == activity.start_time
    assert workout["start_time"].endswith("+02:00")
    assert workout["type"] == "Cycling"
    assert workout["duration"] == pytest.approx(activity.moving_time)
    assert workout["clock_duration"] == round(activity.elapsed_time)
    assert workout["duration"] < workout["clock_duration"]  # it was paused
    assert workout["total_distance"] == pytest.approx(activity.distance, abs=0.01)
    location = workout["location"]
    assert isinstance(location[0], int)
    assert len(location[1]) == 2
    offsets = location[0::2]
    assert offsets == sorted(set(offsets))
    assert all(isinstance(v, int) for v in workout["power"][1::2])
    assert "heartrate" not in workout  # no HR sensor: the stream is left out
    assert "speed" not in workout
    lap = workout["laps"][0]
    assert {"number", "type", "start_time", "duration", "clock_duration", "distance"} <= set(lap)
    assert lap["type"] == "active"
    assert lap["number"] == 1
    # Stopped at the end, 8 s before the device closed the session: that stop is what makes
    # the clock and timer durations differ.
    [(stopped, resumed)] = workout["timer_stops"]
    gap = (parse_timestamp(resumed) - parse_timestamp(stopped)).total_seconds()
    assert gap == workout["clock_duration"] - round(workout["duration"]) == 8


def test_timer_stops_are_the_pauses(test_data: Path) -> None:
    activity = parse_file(test_data / "fit/fp_event_timestamp.fit")
    workout = activity_to_workout_json(activity)
    # One pause in the swim, and the timer stopped 2 min before the session was closed.
    assert len(workout["timer_stops"]) == len(activity.pauses) == 2
    for (stopped, resumed), pause in zip(workout["timer_stops"], activity.pauses, strict=True):
        length = (parse_timestamp(resumed) - parse_timestamp(stopped)).total_seconds()
        assert length == pytest.approx(pause.duration, abs=1)
    assert activity.pauses[-1].end == pytest.approx(activity.elapsed_time, abs=1)
    assert workout["duration"] < workout["clock_duration"]


def test_calories_are_kilojoules(test_data: Path) -> None:
    activity = parse_file(test_data / FIT)
    workout = activity_to_workout_json(activity)
    kcal = activity.recorded_summary.calories / 4.184  # type: ignore[union-attr, operator]
    assert workout["calories"] == round(kcal * 4.184)
    assert workout["calories"] > kcal


def test_file_upload_payload(test_data: Path) -> None:
    fit = (test_data / FIT).read_bytes()
    payload = file_upload_payload(fit, "fit", name="Morning run")
    assert payload["format"] == "FIT"
    assert payload["name"] == "Morning run"
    assert base64.b64decode(payload["data"]) == fit
    gpx = (test_data / GPX).read_bytes()
    text = file_upload_payload(gpx, "GPX")
    assert text["data"].lstrip().startswith("<gpx")
    assert "name" not in text
    with pytest.raises(ValueError, match="unknown upload format"):
        file_upload_payload(gpx, "KML")
