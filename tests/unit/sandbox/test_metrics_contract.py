"""``/metrics``: series keyed by metric id, and the atomic upsert in every documented shape."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta
from typing import Any

import pytest
import requests

from tests.unit.sandbox.conftest import DEMO_END, Api


def series(api: Api, **params: str) -> dict[str, list[list[Any]]]:
    answer = api.get("/metrics", **params)
    assert answer.status_code == 200, answer.text
    body: dict[str, list[list[Any]]] = answer.json()
    return body


def post(api: Api, body: Any) -> requests.Response:
    return api.post("/metrics", json=body)


def test_demo_account_has_two_years_of_plausible_weight_and_some_more(demo_api: Api) -> None:
    body = series(demo_api)
    assert list(body) == ["weight", "bodyFat", "restingHeartrate"]
    weight = body["weight"]
    times = [datetime.fromisoformat(t) for t, _ in weight]
    assert times == sorted(times)
    assert all(t.endswith("Z") for t, _ in weight)
    assert times[-1].date() <= DEMO_END
    assert times[-1] - times[0] > timedelta(days=700)
    gaps = [(b - a).days for a, b in itertools.pairwise(times)]
    assert min(gaps) >= 1
    assert max(gaps) <= 5
    values = [v for _, v in weight]
    assert min(values) > 65
    assert max(values) < 85
    steps = [abs(b - a) for a, b in itertools.pairwise(values)]
    assert max(steps) < 2.5  # slowly varying, no jumps
    assert 20 <= len(body["bodyFat"]) < len(weight)
    assert all(0.08 < v < 0.25 for _, v in body["bodyFat"])
    assert all(isinstance(v, int) and 40 <= v <= 60 for _, v in body["restingHeartrate"])


def test_date_bounds_are_inclusive(demo_api: Api) -> None:
    everything = series(demo_api)["weight"]
    middle = everything[len(everything) // 2][0]
    later = series(demo_api, noEarlierThan=middle)["weight"]
    assert later[0][0] == middle
    assert later == everything[len(everything) // 2 :]
    earlier = series(demo_api, noLaterThan=middle)["weight"]
    assert earlier[-1][0] == middle
    only = series(demo_api, noEarlierThan=middle, noLaterThan=middle)
    assert only["weight"] == [everything[len(everything) // 2]]
    assert demo_api.get("/metrics", noEarlierThan="soon").status_code == 400


def test_one_object_upserts_several_metrics_at_one_time(api: Api) -> None:
    assert series(api) == {}
    answer = post(api, {"timestamp": "2016-01-01T12:00:00Z", "weight": 68, "bodyFat": 0.078})
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "upserted": 2, "deleted": 0}
    assert series(api) == {
        "weight": [["2016-01-01T12:00:00Z", 68]],
        "bodyFat": [["2016-01-01T12:00:00Z", 0.078]],
    }


def test_a_list_of_objects_later_duplicates_win(api: Api) -> None:
    body = [
        {"timestamp": "2024-05-02T07:00:00+02:00", "weight": 70.4},
        {"timestamp": "2024-05-01T07:00:00+02:00", "weight": 70.9, "restingHeartrate": 52},
        {"timestamp": "2024-05-02T05:00:00Z", "weight": 70.2},  # the same instant as the first
    ]
    assert post(api, body).status_code == 200
    assert series(api) == {
        "weight": [["2024-05-01T05:00:00Z", 70.9], ["2024-05-02T05:00:00Z", 70.2]],
        "restingHeartrate": [["2024-05-01T05:00:00Z", 52]],
    }


def test_fpe_series_shape_with_text_values_and_null_deletes(api: Api) -> None:
    post(api, {"weight": [["2024-05-01T00:00:00Z", 71], ["2024-05-02T00:00:00Z", 72]]})
    # FPE sends toFixed() text and null for a box the user emptied.
    answer = post(
        api, {"weight": [["2024-05-01T00:00:00Z", None], ["2024-05-03T00:00:00Z", "71.500"]]}
    )
    assert answer.json() == {"status": "ok", "upserted": 1, "deleted": 1}
    assert series(api) == {"weight": [["2024-05-02T00:00:00Z", 72], ["2024-05-03T00:00:00Z", 71.5]]}
    post(api, {"timestamp": "2024-05-02T00:00:00Z", "weight": None})
    post(api, {"timestamp": "2024-05-02T00:00:00Z", "weight": None})  # deleting twice is fine
    assert series(api) == {"weight": [["2024-05-03T00:00:00Z", 71.5]]}


@pytest.mark.parametrize(
    "body",
    [
        {"timestamp": "2024-05-01T00:00:00Z", "bodyFat": 7.8},  # a percentage, not a fraction
        {"timestamp": "2024-05-01T00:00:00Z", "weight": -3},
        {"timestamp": "2024-05-01T00:00:00Z", "steps": 12000},  # no such metric
        {"timestamp": "2024-05-01T00:00:00Z", "weight": "heavy"},
        {"timestamp": "2024-05-01T00:00:00Z", "weight": True},
        {"timestamp": "not a time", "weight": 70},
        {"timestamp": "2024-05-01T00:00:00Z"},
        {"weight": [["2024-05-01T00:00:00Z"]]},
        {"weight": 70},
        [{"weight": 70}],
        [],
        {},
        "70",
    ],
)
def test_invalid_bodies_are_refused_and_nothing_is_written(api: Api, body: Any) -> None:
    post(api, {"timestamp": "2024-04-30T00:00:00Z", "weight": 70})
    before = series(api)
    # The valid part first: an atomic upsert writes none of it when any part is invalid.
    mixed = [{"timestamp": "2024-05-02T00:00:00Z", "weight": 69}, body]
    for attempt in (body, mixed):
        answer = post(api, attempt)
        assert answer.status_code == 400, attempt
        assert set(answer.json()) == {"error"}
    assert api.post("/metrics", data=b"{oops").status_code == 400
    assert series(api) == before


def test_metrics_need_the_token_and_obey_the_fault_switches(api: Api) -> None:
    url = api.url("/metrics")
    assert requests.get(url, timeout=5).status_code == 401
    refused = requests.post(url, json={"timestamp": "2024-05-01T00:00:00Z", "weight": 1}, timeout=5)
    assert refused.status_code == 401
    assert series(api) == {}
    api.server.faults.server_error = 1
    assert api.get("/metrics").status_code == 503
    api.server.faults.rate_limit = 1
    assert api.get("/metrics").status_code == 429
    api.server.faults.drop_after_store = 1
    with pytest.raises(requests.ConnectionError):
        post(api, {"timestamp": "2024-05-01T00:00:00Z", "weight": 70})
    assert series(api) == {"weight": [["2024-05-01T00:00:00Z", 70]]}
    assert api.get("/metrics.json").json() == series(api)
