"""Contract of ``GET /fitnessActivities``: envelope, strings, paging, date bounds, data=summary.

The expected key orders are written out here (from the captures) so they hold without the
corpus; the captured pages are compared as well, from tests/data and from ../shared/corpus.
"""

from __future__ import annotations

import json
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from st_desktop.domain.timeutil import parse_timestamp
from tests.unit.sandbox.conftest import DEMO_SIZE, Api

ITEM_ORDER = ["start_time", "total_distance", "duration", "type", "name", "user_id", "uri"]
SUMMARY_ORDER = [
    "clock_duration", "elevation_gain", "elevation_loss", "calories", "avg_speed", "max_speed",
    "avg_heartrate", "max_heartrate", "avg_cadence", "max_cadence", "avg_power",
]  # fmt: skip
STRING_FIELDS = ("total_distance", "duration", "user_id")


def kind(value: Any) -> str:
    """JSON type name, with int and float both "number"."""
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def in_canonical_order(keys: list[str], canonical: list[str]) -> bool:
    return keys == [k for k in canonical if k in keys]


def check_against_capture(ours: dict[str, Any], captured: dict[str, Any]) -> None:
    """Same envelope order; every item key of ours follows the captured order and types."""
    assert in_canonical_order(list(ours), ["size", "items", "previous", "next"])
    assert in_canonical_order(list(captured), ["size", "items", "previous", "next"])
    assert kind(ours["size"]) == kind(captured["size"]) == "str"
    captured_types: dict[str, str] = {}
    for item in captured["items"]:
        assert in_canonical_order(list(item), ITEM_ORDER + SUMMARY_ORDER)
        captured_types.update({key: kind(value) for key, value in item.items()})
    for item in ours["items"]:
        assert list(item)[:7] == ITEM_ORDER
        assert in_canonical_order(list(item), ITEM_ORDER + SUMMARY_ORDER)
        for key, value in item.items():
            assert kind(value) == captured_types[key], key


def test_page_zero_envelope_matches_the_observed_wire_format(demo_api: Api) -> None:
    response = demo_api.get("/fitnessActivities")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["size", "items", "next"]  # no "previous" on page 0
    assert body["size"] == str(DEMO_SIZE)
    assert len(body["items"]) == 25
    assert body["next"] == f"{demo_api.server.api_base}/fitnessActivities?page=1"
    for item in body["items"]:
        assert list(item) == ITEM_ORDER  # no summary fields without data=summary
        for key in STRING_FIELDS:
            assert isinstance(item[key], str)
            float(item[key])
        assert item["duration"].count(".") == 1
        assert len(item["duration"].split(".")[1]) == 2
        assert item["uri"].startswith(demo_api.server.api_base + "/fitnessActivities/")


def test_items_are_newest_first_across_pages(demo_api: Api) -> None:
    starts = []
    for page in range(3):
        items = demo_api.get("/fitnessActivities", page=page).json()["items"]
        starts += [parse_timestamp(item["start_time"]) for item in items]
    assert len(starts) == DEMO_SIZE
    assert starts == sorted(starts, reverse=True)


def test_middle_and_last_pages_link_like_the_service(demo_api: Api) -> None:
    base = demo_api.server.api_base + "/fitnessActivities"
    middle = demo_api.get("/fitnessActivities", page=1).json()
    assert list(middle) == ["size", "items", "previous", "next"]
    assert (middle["previous"], middle["next"]) == (f"{base}?page=0", f"{base}?page=2")
    last = demo_api.get("/fitnessActivities.json", page=2).json()
    assert list(last) == ["size", "items", "previous"]  # no "next" on the last page
    assert len(last["items"]) == DEMO_SIZE - 50


def test_page_past_the_end_is_empty_not_an_error(demo_api: Api) -> None:
    response = demo_api.get("/fitnessActivities", page=9)
    assert response.status_code == 200
    body = response.json()
    assert body["items"] == []
    assert body["size"] == str(DEMO_SIZE)
    assert "next" not in body


def test_page_size_and_both_suffixes_give_the_same_items(demo_api: Api) -> None:
    plain = demo_api.get("/fitnessActivities", pageSize=7, page=2).json()
    suffixed = demo_api.get("/fitnessActivities.json", pageSize=7, page=2).json()
    assert plain == suffixed
    assert len(plain["items"]) == 7
    whole = demo_api.get("/fitnessActivities", pageSize=100).json()
    assert plain["items"] == whole["items"][14:21]
    assert "next" not in whole
    assert len(whole["items"]) == DEMO_SIZE


@pytest.mark.parametrize("params", [{"page": "-1"}, {"pageSize": "0"}, {"page": "two"}])
def test_invalid_paging_parameters_are_refused(demo_api: Api, params: dict[str, str]) -> None:
    response = demo_api.get("/fitnessActivities", **params)
    assert response.status_code == 400
    assert "error" in response.json()


def test_date_bounds_are_inclusive_and_accept_fractions_and_z(demo_api: Api) -> None:
    items = demo_api.get("/fitnessActivities", pageSize=100).json()["items"]
    newest, oldest = items[10]["start_time"], items[20]["start_time"]
    earliest = parse_timestamp(oldest).astimezone(UTC)
    body = demo_api.get(
        "/fitnessActivities",
        pageSize=100,
        noEarlierThan=earliest.strftime("%Y-%m-%dT%H:%M:%S.000Z"),  # FPE's toISOString() form
        noLaterThan=newest,
    ).json()
    assert [i["uri"] for i in body["items"]] == [i["uri"] for i in items[10:21]]
    assert body["size"] == "11"


def test_a_date_only_bound_and_a_bad_bound(demo_api: Api) -> None:
    assert demo_api.get("/fitnessActivities", noEarlierThan="2100-01-01").json()["size"] == "0"
    response = demo_api.get("/fitnessActivities", noLaterThan="yesterday")
    assert response.status_code == 400


def test_data_summary_adds_numeric_fields_and_next_drops_it(demo_api: Api) -> None:
    body = demo_api.get("/fitnessActivities", data="summary").json()
    assert body["next"].endswith("?page=1")  # Q7: the service's next does not keep data=summary
    with_hr = 0
    for item in body["items"]:
        assert list(item)[:7] == ITEM_ORDER
        summary = list(item)[7:]
        assert in_canonical_order(summary, SUMMARY_ORDER)
        assert {"clock_duration", "calories"} <= set(summary)
        assert all(kind(item[key]) == "number" for key in summary)
        assert None not in item.values()
        with_hr += "avg_heartrate" in item
    assert 0 < with_hr <= len(body["items"])


def _captured_pages(folder: Path) -> list[dict[str, Any]]:
    pages = [json.loads(p.read_text()) for p in sorted(folder.glob("sporttracks_list_*.json"))]
    assert pages, f"no captured list pages in {folder}"
    return pages


def test_pages_match_the_captured_pages_in_tests_data(demo_api: Api, test_data: Path) -> None:
    for page_number, captured in enumerate(_captured_pages(test_data / "api")):
        ours = demo_api.get("/fitnessActivities", data="summary", page=page_number).json()
        check_against_capture(ours, captured)
        assert list(ours) == list(captured)  # page 0: no previous; page 1: both links


def test_pages_match_the_shared_corpus_captures(demo_api: Api, corpus_dir: Path) -> None:
    for page_number, captured in enumerate(_captured_pages(corpus_dir / "api")):
        ours = demo_api.get("/fitnessActivities", data="summary", page=page_number).json()
        check_against_capture(ours, captured)
