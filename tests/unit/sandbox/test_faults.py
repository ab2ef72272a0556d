"""Every fault switch, as a client would meet it over HTTP."""

from __future__ import annotations

import itertools
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from st_desktop.sandbox import Faults
from tests.unit.sandbox.conftest import Api, workout


def test_faults_are_off_by_default_and_reset_restores_them() -> None:
    faults = Faults()
    defaults = dict(vars(faults))
    assert faults.rate_limit == faults.server_error == faults.drop_before_store == 0
    assert not faults.expire_tokens
    assert not faults.utc_label
    assert faults.refresh_returns_new_token
    faults.rate_limit, faults.utc_label, faults.refresh_returns_new_token = 3, True, False
    faults.reset()
    assert {k: v for k, v in vars(faults).items() if k != "_lock"} == {
        k: v for k, v in defaults.items() if k != "_lock"
    }


def test_expire_tokens_answers_401_expired_while_on(api: Api) -> None:
    api.server.faults.expire_tokens = True
    response = api.get("/fitnessActivities")
    assert response.status_code == 401
    assert "expired" in response.json()["error"]
    api.server.faults.expire_tokens = False
    assert api.get("/fitnessActivities").status_code == 200


def test_revoke_tokens_refuses_calls_and_refresh_grants(api: Api) -> None:
    api.server.faults.revoke_tokens = True
    assert api.get("/fitnessActivities").status_code == 401
    refresh = requests.post(
        api.server.token_url,
        data={
            "grant_type": "refresh_token",
            "refresh_token": api.token["refresh_token"],
            "client_id": api.server.client_id,
            "client_secret": api.server.client_secret,
        },
        timeout=5,
    )
    assert refresh.status_code == 400
    assert refresh.json()["error"] == "invalid_grant"


def test_rate_limit_answers_the_next_n_requests_with_429_and_retry_after(api: Api) -> None:
    api.server.faults.rate_limit = 2
    api.server.faults.retry_after = 3
    first, second = api.get("/fitnessActivities"), api.get("/fitnessActivities/1")
    assert (first.status_code, second.status_code) == (429, 429)
    assert first.headers["Retry-After"] == "3"
    assert api.get("/fitnessActivities").status_code == 200
    api.server.faults.rate_limit, api.server.faults.retry_after = 1, 0.2
    assert api.get("/fitnessActivities").headers["Retry-After"] == "0.2"


def test_counters_are_consumed_exactly_once_under_concurrency(api: Api) -> None:
    api.server.faults.rate_limit = 5
    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: api.get("/fitnessActivities").status_code, range(20)))
    assert statuses.count(429) == 5
    assert statuses.count(200) == 15


@pytest.mark.parametrize("status", [503, 500, 502])
def test_server_error_answers_the_next_n_requests_with_a_5xx(api: Api, status: int) -> None:
    api.server.faults.server_error = 1
    api.server.faults.server_error_status = status
    assert api.get("/fitnessActivities").status_code == status
    assert api.get("/fitnessActivities").status_code == 200


def test_token_error_hits_only_the_token_endpoint(api: Api) -> None:
    api.server.faults.token_error = 1
    data = {
        "grant_type": "refresh_token",
        "refresh_token": api.token["refresh_token"],
        "client_id": api.server.client_id,
        "client_secret": api.server.client_secret,
    }
    assert requests.post(api.server.token_url, data=data, timeout=5).status_code == 503
    assert api.get("/fitnessActivities").status_code == 200
    assert requests.post(api.server.token_url, data=data, timeout=5).status_code == 200


def test_delay_slows_every_answer(api: Api) -> None:
    api.server.faults.delay = 0.4
    with pytest.raises(requests.Timeout):
        requests.get(api.url("/fitnessActivities"), headers=api.headers, timeout=0.1)
    started = time.monotonic()
    assert api.get("/fitnessActivities").status_code == 200
    assert time.monotonic() - started >= 0.4


def test_drop_before_store_loses_the_request(api: Api) -> None:
    api.server.faults.drop_before_store = 1
    with pytest.raises(requests.ConnectionError):
        api.post("/fitnessActivities", json=workout())
    assert api.server.workout_count() == 0
    api.create(workout())  # the switch was for one write only
    assert api.server.workout_count() == 1


def test_drop_after_store_loses_only_the_response(api: Api) -> None:
    api.server.faults.drop_after_store = 1
    with pytest.raises(requests.ConnectionError):
        api.post("/fitnessActivities.json", json=workout())
    assert api.server.workout_count() == 1  # stored although the client saw no answer


def test_drops_apply_to_put_but_not_to_reads(api: Api) -> None:
    uri = api.create(workout())
    api.server.faults.drop_before_store = 1
    assert api.get(uri).status_code == 200  # reads do not consume the switch
    with pytest.raises(requests.ConnectionError):
        api.put(uri, json=workout(name="changed"))
    assert api.get(uri).json()["name"] == "Test run"
    api.server.faults.drop_after_store = 1
    with pytest.raises(requests.ConnectionError):
        api.put(uri, json=workout(name="changed"))
    assert api.get(uri).json()["name"] == "changed"


def test_offset_bug_writes_negative_half_hour_offsets_broken(api: Api) -> None:
    newfoundland = api.create(workout(start_time="2024-07-01T06:00:00-02:30", laps=[]))
    berlin = api.create(workout(start_time="2024-07-01T09:00:00+02:00"))
    api.server.faults.offset_bug = True
    assert api.get(newfoundland).json()["start_time"] == "2024-07-01T06:00:00-2:-30"
    assert api.get(newfoundland).json()["laps"][0]["start_time"].endswith("-2:-30")
    assert api.get(berlin).json()["start_time"] == "2024-07-01T09:00:00+02:00"
    starts = [i["start_time"] for i in api.get("/fitnessActivities").json()["items"]]
    assert "2024-07-01T06:00:00-2:-30" in starts


def test_utc_label_keeps_the_wall_clock_but_says_z(api: Api) -> None:
    uri = api.create(workout())
    api.server.faults.utc_label = True
    body = api.get(uri).json()
    assert body["start_time"] == "2024-05-04T09:30:00Z"
    assert body["timezone"] == 0
    assert body["laps"][1]["start_time"] == "2024-05-04T09:43:10Z"
    item = api.get("/fitnessActivities").json()["items"][0]
    assert item["start_time"] == "2024-05-04T09:30:00Z"


def test_non_monotonic_stream_sends_an_offset_backwards(api: Api) -> None:
    uri = api.create(workout())

    def backwards(body: dict[str, list[int]]) -> bool:
        offsets = body["heartrate"][::2]
        return any(b < a for a, b in itertools.pairwise(offsets))

    assert not backwards(api.get(uri).json())
    api.server.faults.non_monotonic_stream = True
    body = api.get(uri).json()
    assert backwards(body)
    assert sorted(body["heartrate"][::2]) == [0, 5, 10]  # same samples, order broken


def test_non_json_errors_are_html(api: Api) -> None:
    api.server.faults.non_json_errors = True
    for response in (
        api.get("/fitnessActivities/99"),
        requests.get(api.url("/fitnessActivities"), timeout=5),  # no token
        requests.post(api.server.token_url, data={"grant_type": "x"}, timeout=5),
    ):
        assert response.status_code >= 400
        assert response.headers["Content-Type"].startswith("text/html")
        with pytest.raises(ValueError):
            response.json()


def test_next_keeps_params_and_empty_next_on_last_page(demo_api: Api) -> None:
    demo_api.server.faults.next_keeps_params = True
    body = demo_api.get("/fitnessActivities", pageSize=10, page=1, data="summary").json()
    assert body["next"].endswith("?page=2&pageSize=10&data=summary")
    assert body["previous"].endswith("?page=0&pageSize=10&data=summary")
    demo_api.server.faults.reset()
    demo_api.server.faults.empty_next_on_last_page = True
    last = demo_api.get("/fitnessActivities", pageSize=100).json()
    assert last["next"] == ""
    assert list(last) == ["size", "items", "next"]
