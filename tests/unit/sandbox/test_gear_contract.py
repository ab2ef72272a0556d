"""``/gear`` as Forest Park Explorer uses it: list, follow each uri, PUT the whole object back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import requests

from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.demo import demo_workouts, streams_from_recipe
from st_desktop.sandbox.store import Store
from tests.unit.sandbox.conftest import DEMO_END, DEMO_SEED, DEMO_SIZE, Api, FakeClock, workout

FULL_KEYS = [
    "uri",
    "name",
    "brand",
    "model",
    "type",
    "status",
    "purchase_date",
    "initial_distance",
    "total_distance",
]


def ids_of(api: Api, path: str = "/fitnessActivities") -> dict[int, dict[str, Any]]:
    items = api.get(path, pageSize=1000, data="summary").json()["items"]
    return {int(item["uri"].rsplit("/", 1)[1]): item for item in items}


def new_item(api: Api, **fields: Any) -> str:
    body = {"brand": "Brooks", "model": "Ghost 15", "type": "shoes", **fields}
    response = api.post("/gear", json=body)
    assert response.status_code == 200, response.text
    uris: list[str] = response.json()["uris"]
    assert len(uris) == 1
    return uris[0]


def test_demo_gear_lists_absolute_uris_that_lead_to_full_objects(demo_api: Api) -> None:
    listing = demo_api.get("/gear", pageSize=1000)
    assert listing.status_code == 200
    body = listing.json()
    assert list(body) == ["size", "items"]
    assert body["size"] == str(len(body["items"])) == "4"
    workouts = ids_of(demo_api)
    kinds = []
    for item in body["items"]:
        assert list(item) == ["uri", "name", "brand", "model", "type", "status"]
        assert item["uri"].startswith(demo_api.server.api_base + "/gear/")
        full = requests.get(item["uri"], headers=demo_api.headers, timeout=10).json()
        assert list(full)[: len(FULL_KEYS)] == FULL_KEYS
        assert list(full)[-2:] == ["changed", "activities"]
        assert {k: full[k] for k in item} == item
        assert full["changed"].endswith("Z")
        assert all(type(i) is int for i in full["activities"])
        assert full["activities"] == sorted(full["activities"])
        linked = [workouts[i] for i in full["activities"]]  # every link is a real workout
        expected = full["initial_distance"] + sum(float(w["total_distance"]) for w in linked)
        assert full["total_distance"] == pytest.approx(expected, abs=0.01)
        kinds.append((full["type"], full["status"], {w["type"].split(":")[0] for w in linked}))
    assert sorted(kinds) == [
        ("bike", "ACTIVE", {"Cycling"}),
        ("bike", "ACTIVE", {"Cycling"}),
        ("shoes", "ACTIVE", {"Running"}),
        ("shoes", "RETIRED", {"Running"}),
    ]


def test_demo_runs_use_the_retired_shoes_first_then_the_new_ones(demo_api: Api) -> None:
    workouts = ids_of(demo_api)
    items = [
        requests.get(i["uri"], headers=demo_api.headers, timeout=10).json()
        for i in demo_api.get("/gear").json()["items"]
    ]
    old = next(i for i in items if i["type"] == "shoes" and i["status"] == "RETIRED")
    new = next(i for i in items if i["type"] == "shoes" and i["status"] == "ACTIVE")
    assert old["activities"]
    assert new["activities"]
    last_old = max(workouts[i]["start_time"] for i in old["activities"])
    first_new = min(workouts[i]["start_time"] for i in new["activities"])
    assert last_old < first_new
    runs = {i for i, w in workouts.items() if w["type"].startswith("Running")}
    assert set(old["activities"]) | set(new["activities"]) == runs
    mountain = {i for i, w in workouts.items() if w["type"] == "Cycling: Mountain"}
    mtb = next(i for i in items if i["name"] == "Mountain bike")
    assert mountain <= set(mtb["activities"])


def test_demo_gear_is_the_same_for_the_same_seed(tmp_path: Path, demo_api: Api) -> None:
    with SandboxServer(tmp_path, seed=DEMO_SEED, demo_size=DEMO_SIZE, demo_end=DEMO_END) as again:
        other = Api(again)

        def everything(api: Api) -> str:
            listing = api.get("/gear").json()["items"]
            bodies = [requests.get(i["uri"], headers=api.headers, timeout=10).text for i in listing]
            return "\n".join(bodies).replace(api.server.base_url, "BASE")

        assert everything(other) == everything(demo_api)


def test_pages_of_gear_link_to_each_other(api: Api) -> None:
    uris = [new_item(api, model=f"Model {n}") for n in range(5)]
    first = api.get("/gear", pageSize=2).json()
    assert first["size"] == "5"
    assert [i["uri"] for i in first["items"]] == uris[:2]
    assert "previous" not in first
    second = requests.get(first["next"], headers=api.headers, timeout=10).json()
    assert [i["uri"] for i in second["items"]] == uris[2:4]
    last = api.get("/gear", pageSize=2, page=2).json()
    assert [i["uri"] for i in last["items"]] == uris[4:]
    assert "next" not in last
    assert last["previous"].startswith(api.server.api_base + "/gear?")
    assert api.get("/gear", page=9).json()["items"] == []


def test_put_links_and_unlinks_and_stamps_changed(tmp_path: Path) -> None:
    clock = FakeClock(1_750_000_000.0)  # 2025-06-15T15:06:40Z
    with SandboxServer(tmp_path, clock=clock) as server:
        api = Api(server)
        ids = [
            int(api.create(workout(start_time=f"2024-05-0{d}T09:00:00Z")).rsplit("/", 1)[1])
            for d in (1, 2, 3)
        ]
        uri = new_item(api, activities=[ids[0]])
        item = api.get(uri).json()
        assert item["activities"] == [ids[0]]
        assert item["changed"] == "2025-06-15T15:06:40Z"
        clock.advance(3600)
        item["activities"] = [ids[2], ids[1], ids[2]]  # FPE pushes, then sorts; duplicates go
        item["status"] = "retired"
        item["changed"] = "1999-01-01T00:00:00Z"  # read-only: the server stamps it
        item["total_distance"] = 1  # read-only
        answer = api.put(uri, json=item)
        assert answer.status_code == 200, answer.text
        stored = api.get(uri).json()
        assert answer.json() == stored
        assert stored["activities"] == [ids[1], ids[2]]
        assert stored["status"] == "RETIRED"
        assert stored["changed"] == "2025-06-15T16:06:40Z"
        assert stored["total_distance"] == 10000


def test_put_replaces_the_whole_item(api: Api) -> None:
    linked = int(api.create(workout()).rsplit("/", 1)[1])
    uri = new_item(
        api,
        name="Race shoes",
        notes="size 44",
        purchase_date="2024-03-01",
        initial_distance=5000,
        activities=[linked],
    )
    assert api.put(uri, json={"brand": "Hoka", "model": "Clifton 9"}).status_code == 200
    stored = api.get(uri).json()
    assert stored["brand"] == "Hoka"
    assert stored["name"] == ""
    assert stored["type"] == "other"
    assert stored["status"] == "ACTIVE"
    assert stored["initial_distance"] == 0
    assert stored["activities"] == []
    assert "notes" not in stored
    assert "purchase_date" not in stored


@pytest.mark.parametrize(
    "activities", [["900001"], [900001.0], [True], "900001", [[900001]], {"id": 900001}]
)
def test_activity_ids_must_be_json_integers(api: Api, activities: object) -> None:
    uri = new_item(api)
    before = api.get(uri).json()
    answer = api.put(uri, json={**before, "activities": activities})
    assert answer.status_code == 400
    assert "activities" in answer.json()["error"]
    assert api.get(uri).json() == before


def test_links_to_missing_workouts_are_dropped_and_deleting_a_workout_unlinks_it(
    api: Api,
) -> None:
    kept = int(api.create(workout()).rsplit("/", 1)[1])
    gone = int(api.create(workout(name="Deleted later")).rsplit("/", 1)[1])
    uri = new_item(api, activities=[kept, gone, 123, 2**63 - 1, 2**70])
    assert api.get(uri).json()["activities"] == [kept, gone]
    assert api.delete(f"/fitnessActivities/{gone}").status_code == 200
    assert api.get(uri).json()["activities"] == [kept]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("status", "BROKEN"),
        ("brand", 12),
        ("purchase_date", "yesterday"),
        ("initial_distance", -1),
        ("initial_distance", "5 km"),
        ("type", ["bike"]),
    ],
)
def test_invalid_fields_are_refused_with_400(api: Api, field: str, value: object) -> None:
    uri = new_item(api)
    answer = api.put(uri, json={**api.get(uri).json(), field: value})
    assert answer.status_code == 400
    assert set(answer.json()) == {"error"}
    assert api.post("/gear", json={field: value}).status_code == 400
    assert api.put(uri, json=[1, 2]).status_code == 400
    assert api.put(uri, data=b"{not json").status_code == 400


def test_unknown_gear_is_404_and_the_token_is_required(api: Api) -> None:
    uri = new_item(api)
    for missing in ("/gear/1", "/gear/99999999999999999999", "/gear/40099"):
        assert api.get(missing).status_code == 404
        assert api.put(missing, json={"brand": "x"}).status_code == 404
        assert "error" in api.get(missing).json()
    for call in (
        lambda: requests.get(api.url("/gear"), timeout=5),
        lambda: requests.get(uri, timeout=5),
        lambda: requests.put(uri, json={"brand": "x"}, timeout=5),
        lambda: requests.post(api.url("/gear"), json={"brand": "x"}, timeout=5),
    ):
        refused = call()
        assert refused.status_code == 401
        assert "WWW-Authenticate" in refused.headers
    assert api.get(uri).json()["brand"] == "Brooks"


def test_gear_also_answers_with_the_json_suffix(api: Api) -> None:
    uri = new_item(api)
    assert api.get("/gear.json").json()["items"][0]["uri"] == uri
    assert api.get(uri + ".json").json()["uri"] == uri


def test_faults_apply_to_gear(api: Api) -> None:
    uri = new_item(api)
    api.server.faults.rate_limit = 1
    limited = api.get("/gear")
    assert limited.status_code == 429
    assert limited.headers["Retry-After"] == "1"
    api.server.faults.server_error = 1
    assert api.get(uri).status_code == 503
    api.server.faults.drop_after_store = 1
    with pytest.raises(requests.ConnectionError):
        api.put(uri, json={**api.get(uri).json(), "model": "Changed"})
    assert api.get(uri).json()["model"] == "Changed"  # stored, only the answer was lost
    api.server.faults.drop_before_store = 1
    with pytest.raises(requests.ConnectionError):
        api.put(uri, json={**api.get(uri).json(), "model": "Lost"})
    assert api.get(uri).json()["model"] == "Changed"
    api.server.faults.non_json_errors = True
    assert api.get("/gear/1").headers["Content-Type"].startswith("text/html")


def test_demo_extras_are_written_once_and_never_into_an_empty_account(tmp_path: Path) -> None:
    def snapshot(server: SandboxServer) -> tuple[str, str]:
        api = Api(server)
        return api.get("/gear").json()["size"], api.get("/metrics").text

    with SandboxServer(tmp_path / "demo", seed=3, demo_size=12) as server:
        first = snapshot(server)
    with SandboxServer(tmp_path / "demo", seed=3, demo_size=12) as server:
        assert snapshot(server) == first  # a restart adds nothing
    assert first[0] == "4"
    with SandboxServer(tmp_path / "empty") as server:
        assert snapshot(server) == ("0", "{}")
    with SandboxServer(tmp_path / "empty", seed=3) as server:  # stays the user's own account
        assert snapshot(server) == ("0", "{}")


def test_a_demo_account_from_before_gear_gets_gear_for_its_workouts(tmp_path: Path) -> None:
    store = Store(tmp_path, resolver=streams_from_recipe)  # as an older sandbox wrote it
    ids = store.insert_recipes(demo_workouts(DEMO_SEED, 30, DEMO_END))
    store.set_meta("user_id", "12345")
    store.close()
    with SandboxServer(tmp_path, seed=DEMO_SEED) as server:
        api = Api(server)
        items = [api.get(i["uri"]).json() for i in api.get("/gear").json()["items"]]
        linked = {i for item in items for i in item["activities"]}
        assert linked
        assert linked <= set(ids)
        assert api.get("/metrics").json()["weight"]
