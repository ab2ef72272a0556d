"""``/gear`` and ``/metrics`` over raw HTTP, the way the overview views use them.

The client reads an item, changes one field or a few links, and PUTs the whole object back;
it retires an item and brings it back; it links several workouts in one PUT; it changes a body
metric in place or moves it in time in one atomic POST.
"""

from __future__ import annotations

from typing import Any

from tests.unit.sandbox.conftest import Api, workout


def created_ids(api: Api, count: int) -> list[int]:
    return [
        int(api.create(workout(start_time=f"2024-06-{day:02d}T07:30:00Z")).rsplit("/", 1)[1])
        for day in range(1, count + 1)
    ]


def new_item(api: Api, **fields: Any) -> str:
    body = {"name": "Road bike", "brand": "Canyon", "model": "Endurace", "type": "bike", **fields}
    answer = api.post("/gear", json=body)
    assert answer.status_code == 200, answer.text
    return str(answer.json()["uris"][0])


def test_an_item_written_back_as_read_with_one_change_keeps_everything_else(api: Api) -> None:
    ids = created_ids(api, 2)
    uri = new_item(
        api,
        notes="Winter tyres",
        purchase_date="2023-04-01",
        initial_distance=125000.5,
        activities=ids,
    )
    before = api.get(uri).json()
    answer = api.put(uri, json={**before, "name": "Winter bike"})
    assert answer.status_code == 200, answer.text
    after = api.get(uri).json()
    assert answer.json() == after
    changed = {k for k in before if before[k] != after[k]}
    assert changed <= {"name", "changed"}
    assert after["name"] == "Winter bike"
    assert list(after) == list(before)  # the same keys, in the same order


def test_retiring_and_bringing_back_keep_the_links(api: Api) -> None:
    ids = created_ids(api, 3)
    uri = new_item(api, activities=ids)
    item = api.get(uri).json()
    retired = api.put(uri, json={**item, "status": "RETIRED"}).json()
    assert (retired["status"], retired["activities"]) == ("RETIRED", ids)
    listed = api.get("/gear").json()["items"]
    assert [i["status"] for i in listed if i["uri"] == uri] == ["RETIRED"]
    back = api.put(uri, json={**retired, "status": "ACTIVE"}).json()
    assert (back["status"], back["activities"]) == ("ACTIVE", ids)


def test_several_workouts_linked_and_unlinked_in_one_put(api: Api) -> None:
    ids = created_ids(api, 5)
    bike = new_item(api, activities=ids[:2])
    shoes = new_item(api, name="Trainers", type="shoes", activities=ids[2:3])
    item = api.get(bike).json()
    answer = api.put(bike, json={**item, "activities": sorted({*item["activities"], *ids[2:]})})
    assert answer.json()["activities"] == ids
    # Linking to one item unlinks from no other: a workout may use a bike and shoes at once.
    assert api.get(shoes).json()["activities"] == ids[2:3]
    item = api.get(bike).json()
    kept = [i for i in item["activities"] if i not in ids[3:]]
    assert api.put(bike, json={**item, "activities": kept}).json()["activities"] == ids[:3]
    distance = sum(float(api.get(f"/fitnessActivities/{i}").json()["total_distance"]) for i in kept)
    assert api.get(bike).json()["total_distance"] == distance


def test_a_value_changed_in_place_or_moved_in_one_request(api: Api) -> None:
    first = {"timestamp": "2024-07-01T06:30:00Z", "weight": 72.4, "restingHeartrate": 48}
    assert api.post("/metrics", json=first).status_code == 200
    # Changed in place: the same instant, a new value (an upsert, not a second point).
    changed = api.post("/metrics", json={"weight": [["2024-07-01T06:30:00Z", 72.1]]})
    assert changed.json() == {"status": "ok", "upserted": 1, "deleted": 0}
    assert api.get("/metrics").json()["weight"] == [["2024-07-01T06:30:00Z", 72.1]]
    # Moved: the old instant deleted and the new one written by one atomic request.
    moved = api.post(
        "/metrics",
        json={"weight": [["2024-07-01T06:30:00Z", None], ["2024-07-01T09:30:00Z", 71.9]]},
    )
    assert moved.json() == {"status": "ok", "upserted": 1, "deleted": 1}
    body = api.get("/metrics").json()
    assert body["weight"] == [["2024-07-01T09:30:00Z", 71.9]]
    assert body["restingHeartrate"] == [["2024-07-01T06:30:00Z", 48]]  # other metrics untouched
    # A move with an implausible new value leaves the old point where it was.
    refused = api.post(
        "/metrics",
        json={"weight": [["2024-07-01T09:30:00Z", None], ["2024-07-02T09:30:00Z", 7190]]},
    )
    assert refused.status_code == 400
    assert api.get("/metrics").json()["weight"] == [["2024-07-01T09:30:00Z", 71.9]]
