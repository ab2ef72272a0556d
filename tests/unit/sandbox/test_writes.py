"""Create, full-replace update, delete and system/connect, as section 4 and 9.5 describe them."""

from __future__ import annotations

import pytest

from st_desktop.sandbox import SandboxServer
from tests.unit.sandbox.conftest import Api, workout


@pytest.mark.parametrize("path", ["/fitnessActivities", "/fitnessActivities.json"])
def test_create_answers_200_with_an_absolute_uri(api: Api, path: str) -> None:
    response = api.post(path, json=workout())
    assert response.status_code == 200
    body = response.json()
    assert list(body) == ["size", "uris"]
    assert body["size"] == 1
    uri = body["uris"][0]
    assert uri.startswith(api.server.api_base + "/fitnessActivities/")
    assert api.get(uri).json()["name"] == "Test run"
    assert api.server.workout_count() == 1


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"name": "no start"}, "start_time"),
        ({"start_time": "soon"}, "start_time"),
        ({"start_time": "2024-01-01T10:00:00Z", "duration": "long"}, "duration"),
        ({"start_time": "2024-01-01T10:00:00Z", "heartrate": [0, 1, 2]}, "heartrate"),
        ({"start_time": "2024-01-01T10:00:00Z", "privacy": "everyone"}, "privacy"),
    ],
)
def test_invalid_workouts_are_refused_with_400_and_a_reason(
    api: Api, body: dict[str, object], reason: str
) -> None:
    response = api.post("/fitnessActivities", json=body)
    assert response.status_code == 400
    assert reason in response.json()["error"]
    assert api.server.workout_count() == 0


def test_a_body_that_is_not_json_is_refused(api: Api) -> None:
    response = api.post("/fitnessActivities", data="start_time=2024")
    assert response.status_code == 400
    assert "JSON" in response.json()["error"]


def test_create_normalises_what_tapiriik_sends(api: Api) -> None:
    body = workout(type="walking: hiking", sharing="private", duration=None)
    body["laps"].append({"start_time": "2024-05-04T10:00:00+02:00", "distance": 10})  # no duration
    body["power"] = []
    body["uri"] = "https://elsewhere.example/fitnessActivities/1"  # read-only, ignored
    stored = api.get(api.create(body)).json()
    assert stored["type"] == "Walking: Hiking"
    assert stored["privacy"] == "private"
    assert stored["duration"] == 0  # missing duration is stored as 0 ("all time stopped")
    assert len(stored["laps"]) == 2  # the lap without duration was dropped
    assert "power" not in stored
    assert stored["uri"].startswith(api.server.api_base)


def test_start_time_with_the_offset_bug_is_accepted_and_written_properly(api: Api) -> None:
    stored = api.get(api.create({"start_time": "2024-01-01T10:00:00-2:-30"})).json()
    assert stored["start_time"] == "2024-01-01T10:00:00-02:30"
    assert stored["timezone"] == -2.5


def test_put_replaces_the_whole_workout(api: Api) -> None:
    uri = api.create(workout())
    full = api.get(uri).json()
    full["name"] = "Renamed"
    full["notes"] = "Edited on the desktop"
    response = api.put(uri, json=full)  # read-modify-write: uri and activity are sent back
    assert response.status_code == 200
    assert response.json()["uris"] == [uri]
    after = api.get(uri).json()
    assert after == full  # every field, laps and streams included, as sent
    assert after["name"] == "Renamed"
    assert list(after).index("notes") == list(after).index("name") + 1
    # A PUT without laps and streams loses them: PUT is a full replace.
    api.put(uri + ".json", json={"start_time": full["start_time"], "name": "Bare"})
    bare = api.get(uri).json()
    assert bare["name"] == "Bare"
    assert "location" not in bare
    assert "heartrate" not in bare
    assert "timer_stops" not in bare
    assert api.server.workout_count() == 1


def test_get_then_put_round_trips_a_demo_workout_unchanged(demo_api: Api) -> None:
    uri = demo_api.get("/fitnessActivities", pageSize=1, page=3).json()["items"][0]["uri"]
    before = demo_api.get(uri).json()
    assert demo_api.put(uri, json=before).status_code == 200
    assert demo_api.get(uri).json() == before


def test_put_needs_start_time_and_an_existing_workout(api: Api) -> None:
    uri = api.create(workout())
    assert api.put(uri, json={"name": "x"}).status_code == 400
    missing = api.put("/fitnessActivities/1", json=workout())
    assert missing.status_code == 404
    assert api.server.workout_count() == 1


def test_delete_answers_status_ok_then_404(api: Api) -> None:
    uri = api.create(workout())
    response = api.delete(uri)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert api.get(uri).status_code == 404
    assert api.delete(uri + ".json").status_code == 404
    assert api.server.workout_count() == 0


def test_ids_are_never_reused_after_a_delete(api: Api) -> None:
    first = api.create(workout())
    api.delete(first)
    second = api.create(workout())
    assert first != second


@pytest.mark.parametrize("path", ["/system/connect", "/system/connect.json"])
def test_system_connect_returns_the_user_id(api: Api, server: SandboxServer, path: str) -> None:
    response = api.post(path)
    assert response.status_code == 200
    assert response.json() == {"user": {"uid": server.user_id}}
    assert isinstance(server.user_id, int)
    assert server.user_id > 0


def test_wrong_method_is_405_json(api: Api) -> None:
    response = api.delete("/fitnessActivities")
    assert response.status_code == 405
    assert "error" in response.json()
