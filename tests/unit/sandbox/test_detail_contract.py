"""Contract of ``GET /fitnessActivities/{id}``: key order, types, laps, streams, absolute uris."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.unit.sandbox.conftest import Api, workout
from tests.unit.sandbox.test_list_contract import in_canonical_order, kind

#: Section 3.1 as captured, plus the fields no capture showed, where we put them.
DETAIL_ORDER = [
    "start_time", "timezone", "privacy", "total_distance", "duration", "clock_duration", "type",
    "name", "notes", "location_name", "calories", "user_id", "uri", "activity", "elevation_gain",
    "elevation_loss", "avg_speed", "max_speed", "avg_heartrate", "max_heartrate", "avg_cadence",
    "max_cadence", "avg_power", "max_power", "laps", "timer_stops", "location", "elevation",
    "distance", "heartrate", "cadence", "power",
]  # fmt: skip
ALWAYS = [
    "start_time", "timezone", "privacy", "total_distance", "duration", "clock_duration", "type",
    "name", "calories", "user_id", "uri", "activity", "laps",
]  # fmt: skip
LAP_ORDER = [
    "number", "type", "start_time", "distance", "duration", "clock_duration", "calories",
    "elevation_gain", "elevation_loss", "avg_speed", "max_speed", "avg_heartrate", "max_heartrate",
]  # fmt: skip
STREAMS = ("location", "elevation", "distance", "heartrate", "cadence", "power")


def check_detail(ours: dict[str, Any], captured: dict[str, Any] | None = None) -> None:
    assert in_canonical_order(list(ours), DETAIL_ORDER)
    assert set(ALWAYS) <= set(ours)
    assert kind(ours["timezone"]) == kind(ours["user_id"]) == "number"
    assert isinstance(ours["user_id"], int)
    assert None not in ours.values()
    for lap in ours["laps"]:
        assert in_canonical_order(list(lap), LAP_ORDER)
        assert lap["type"] == lap["type"].lower()
    for key in STREAMS:
        if key in ours:
            flat = ours[key]
            assert flat
            assert len(flat) % 2 == 0
            assert all(isinstance(offset, int) for offset in flat[::2])
            value_kind = "list" if key == "location" else "number"
            assert all(kind(v) == value_kind for v in flat[1::2])
    if captured is not None:
        assert in_canonical_order(list(captured), DETAIL_ORDER)
        for key in set(ours) & set(captured):
            assert kind(ours[key]) == kind(captured[key]), key
        for lap in captured["laps"]:
            assert in_canonical_order(list(lap), LAP_ORDER)
        shared = set(ours["laps"][0]) & set(captured["laps"][0])
        assert {k: kind(ours["laps"][0][k]) for k in shared} == {
            k: kind(captured["laps"][0][k]) for k in shared
        }


def _first_uris(api: Api, count: int) -> list[str]:
    items = api.get("/fitnessActivities", pageSize=count).json()["items"]
    return [item["uri"] for item in items]


def test_demo_details_follow_the_observed_order_and_types(demo_api: Api) -> None:
    for uri in _first_uris(demo_api, 25):
        response = demo_api.get(uri)
        assert response.status_code == 200
        body = response.json()
        check_detail(body)
        assert body["uri"] == uri  # absolute, pointing at the sandbox itself
        assert body["activity"].startswith(demo_api.server.base_url + "/activity/")
        assert demo_api.get(body["activity"]).status_code == 200


def test_detail_with_and_without_json_suffix_is_identical(demo_api: Api) -> None:
    uri = _first_uris(demo_api, 1)[0]
    assert demo_api.get(uri).json() == demo_api.get(uri + ".json").json()


def test_list_and_detail_agree_on_the_summary(demo_api: Api) -> None:
    item = demo_api.get("/fitnessActivities", data="summary", pageSize=1).json()["items"][0]
    detail = demo_api.get(item["uri"]).json()
    assert float(item["total_distance"]) == pytest.approx(detail["total_distance"], abs=0.01)
    assert float(item["duration"]) == pytest.approx(detail["duration"], abs=0.01)
    assert int(item["user_id"]) == detail["user_id"]
    for key in ("clock_duration", "calories", "avg_speed", "max_speed", "elevation_gain"):
        assert item[key] == detail[key]


CAPTURED_DETAILS = ["sporttracks_track_5522409.json", "sporttracks_track_5555562.json"]


def _check_posted_capture(api: Api, path: Path) -> None:
    captured = json.loads(path.read_text())
    uri = api.create(captured)  # a captured workout posted back is served exactly as captured
    ours = api.get(uri).json()
    check_detail(ours, captured)
    assert list(ours) == list(captured)
    for key, value in captured.items():
        if key not in ("uri", "activity", "user_id"):
            assert ours[key] == value, key


@pytest.mark.parametrize("name", CAPTURED_DETAILS)
def test_detail_matches_the_captured_workouts(api: Api, test_data: Path, name: str) -> None:
    _check_posted_capture(api, test_data / "api" / name)


@pytest.mark.parametrize("name", CAPTURED_DETAILS)
def test_detail_matches_the_shared_corpus(api: Api, corpus_dir: Path, name: str) -> None:
    _check_posted_capture(api, corpus_dir / "api" / name)


def test_absent_streams_and_scalars_are_left_out(api: Api) -> None:
    uri = api.create({"start_time": "2024-01-02T08:00:00Z", "heartrate": [], "power": []})
    body = api.get(uri).json()
    assert list(body) == ALWAYS  # nothing unknown is sent, not even as null
    assert body["start_time"] == "2024-01-02T08:00:00Z"
    assert body["timezone"] == 0
    assert body["type"] == "Other"
    assert body["name"] == ""
    assert body["calories"] == 0
    assert len(body["laps"]) == 1  # one lap covering the workout, as the service keeps
    assert body["laps"][0]["start_time"] == body["start_time"]


def test_lap_types_are_lowercase_and_timer_stops_kept(api: Api) -> None:
    body = api.get(api.create(workout())).json()
    assert [lap["type"] for lap in body["laps"]] == ["active", "rest"]
    assert [lap["number"] for lap in body["laps"]] == [1, 2]
    assert body["timer_stops"] == [["2024-05-04T09:40:00+02:00", "2024-05-04T09:41:00+02:00"]]
    assert body["timezone"] == 2
    check_detail(body)


def test_unknown_workout_is_404_json(api: Api) -> None:
    response = api.get("/fitnessActivities/12345")
    assert response.status_code == 404
    assert "error" in response.json()
    assert api.get("/fitnessActivities/notanumber").status_code == 404
