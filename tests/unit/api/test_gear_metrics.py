"""Gear and health metrics through the real client, over HTTP against the sandbox."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from st_desktop.api.client import SportTracksClient
from st_desktop.api.gear import (
    create_gear,
    gear_url,
    get_all_gear,
    get_gear,
    list_gear,
    update_gear,
)
from st_desktop.api.http import RetryPolicy
from st_desktop.api.metrics import delete_metric, get_metrics, upsert_metrics
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.domain.gear import RETIRED, Gear, new_gear
from st_desktop.domain.metrics import BODY_FAT, RESTING_HEARTRATE, WEIGHT, MetricPoint
from st_desktop.domain.workout import Workout
from st_desktop.errors import (
    AuthExpiredError,
    ClientRequestError,
    NotFoundError,
    OfflineError,
    ServerError,
)
from tests.unit.api.conftest import SandboxServer, SecretWatch


def make_client(
    server: SandboxServer, watch: SecretWatch, sleeps: list[float]
) -> SportTracksClient:
    token = server.issue_token()
    watch.add(token["access_token"], token["refresh_token"])
    return SportTracksClient(
        server.api_base,
        StaticTokenAuth(token["access_token"]),
        timeout=(2.0, 2.0),
        sleep=sleeps.append,
        retry=RetryPolicy(max_attempts=3, base_delay=0.01),
    )


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(
    sandbox: SandboxServer, secret_watch: SecretWatch, sleeps: list[float]
) -> SportTracksClient:
    """Signed in to the module's demo account (read-only tests)."""
    return make_client(sandbox, secret_watch, sleeps)


@pytest.fixture
def own(
    fresh_sandbox: SandboxServer, secret_watch: SecretWatch, sleeps: list[float]
) -> SportTracksClient:
    """Signed in to an empty account of the test's own (tests that write)."""
    return make_client(fresh_sandbox, secret_watch, sleeps)


def test_all_demo_gear_with_links_to_real_workouts(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    summaries = list_gear(client)
    assert len(summaries) == 4
    assert all(s.uri.startswith(sandbox.api_base + "/gear/") for s in summaries)
    assert sorted(s.kind for s in summaries) == ["bike", "bike", "shoes", "shoes"]
    assert [s.retired for s in summaries].count(True) == 1
    items = get_all_gear(client)
    assert [g.uri for g in items] == [s.uri for s in summaries]
    workouts = {w.id: w for w in client.iter_workouts(page_size=100)}
    for item in items:
        assert item.activities
        for ident in item.activities:
            kind = workouts[str(ident)].type or ""
            assert kind.startswith("Cycling" if item.kind == "bike" else "Running")
        assert item.total_distance is not None
        assert item.total_distance >= (item.initial_distance or 0)


def test_list_gear_pages_until_it_has_every_item(own: SportTracksClient) -> None:
    uris = [create_gear(own, new_gear("shoes", "Brand", f"Model {n}")) for n in range(5)]
    assert [s.uri for s in list_gear(own, page_size=2)] == uris
    assert [s.model for s in list_gear(own)] == [f"Model {n}" for n in range(5)]


def test_update_links_a_workout_read_modify_write(
    own: SportTracksClient, fresh_sandbox: SandboxServer
) -> None:
    run = _create_run(own, "2024-05-04T09:00:00Z")
    other = _create_run(own, "2024-05-05T09:00:00Z")
    uri = create_gear(own, new_gear("shoes", "Asics", "Novablast 4", name="Trainers"))
    gear = get_gear(own, uri)
    assert gear.activities == ()
    mine = gear.with_activity(run).with_changes(name="Daily trainers")
    # Meanwhile another client links the other run and renames the model.
    theirs = get_gear(own, uri).with_activity(other).with_changes(model="Novablast 5")
    update_gear(own, theirs)
    saved = update_gear(own, mine)
    assert saved.activities == tuple(
        sorted((int(run.rsplit("/", 1)[1]), int(other.rsplit("/", 1)[1])))
    )
    assert (saved.name, saved.model) == ("Daily trainers", "Novablast 5")
    assert get_gear(own, uri) == saved
    retired = update_gear(own, saved.with_changes(retired=True).with_activity(other, linked=False))
    assert retired.status == RETIRED
    assert retired.activities == (int(run.rsplit("/", 1)[1]),)


def _create_run(client: SportTracksClient, start: str) -> str:
    workout = Workout.new(datetime.fromisoformat(start), 1800.0, 5000.0, type="Running")
    return client.create_workout(workout)


def test_unknown_gear_is_a_not_found_error_about_gear(own: SportTracksClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        get_gear(own, "40999")
    assert "gear" in raised.value.user_message
    uri = create_gear(own, new_gear("bike", "Canyon", "Endurace"))
    gone = Gear.from_json({**get_gear(own, uri).raw, "uri": uri.rsplit("/", 1)[0] + "/7"})
    with pytest.raises(NotFoundError, match="gear"):
        update_gear(own, gone.with_changes(name="x"))


def test_gear_requests_stay_on_the_clients_host(own: SportTracksClient) -> None:
    assert gear_url(own, "https://evil.example/api/v2/gear/40001") == own.base_url + "/gear/40001"
    with pytest.raises(ValueError, match="gear"):
        gear_url(own, "https://evil.example/api/v2/gear/..")


def test_gear_without_a_valid_token_is_an_auth_error(fresh_sandbox: SandboxServer) -> None:
    client = SportTracksClient(fresh_sandbox.api_base, StaticTokenAuth("not-a-token"))
    with pytest.raises(AuthExpiredError):
        list_gear(client)


def test_metrics_round_trip_upsert_and_delete(own: SportTracksClient) -> None:
    day = datetime(2024, 5, 1, 6, 30, tzinfo=UTC)
    sent = upsert_metrics(
        own,
        [
            MetricPoint(WEIGHT, day, 71.2),
            MetricPoint(BODY_FAT, day, 0.151),
            MetricPoint(WEIGHT, day + timedelta(days=2), 70.8),
            MetricPoint(RESTING_HEARTRATE, day, 51),
            MetricPoint(WEIGHT, day, 71.0),
        ],
    )
    assert sent == 5
    metrics = get_metrics(own)
    assert [(p.timestamp, p.value) for p in metrics.points(WEIGHT)] == [
        (day, 71.0),
        (day + timedelta(days=2), 70.8),  # the later duplicate won
    ]
    assert metrics.latest(BODY_FAT) == MetricPoint(BODY_FAT, day, 0.151)
    delete_metric(own, WEIGHT, day)
    assert [p.value for p in get_metrics(own).points(WEIGHT)] == [70.8]
    only = get_metrics(own, since=day + timedelta(days=1), until=day + timedelta(days=3))
    assert [p.value for p in only.points(WEIGHT)] == [70.8]
    assert only.points(BODY_FAT) == ()


def test_demo_metrics_between_two_dates(client: SportTracksClient) -> None:
    everything = get_metrics(client).points(WEIGHT)
    assert len(everything) > 150
    middle = everything[len(everything) // 2].timestamp
    window = get_metrics(client, since=middle, until=middle + timedelta(days=30))
    points = window.points(WEIGHT)
    assert points[0].timestamp == middle
    assert all(middle <= p.timestamp <= middle + timedelta(days=30) for p in points)
    assert 6 <= len(points) <= 16


def test_implausible_metrics_are_refused_before_sending(
    own: SportTracksClient, fresh_sandbox: SandboxServer
) -> None:
    before = len(fresh_sandbox.request_log)
    with pytest.raises(ClientRequestError, match=r"0\.078"):
        upsert_metrics(own, [MetricPoint(BODY_FAT, datetime(2024, 1, 1, tzinfo=UTC), 7.8)])
    assert len(fresh_sandbox.request_log) == before
    assert upsert_metrics(own, []) == 0


def test_metric_writes_are_retried_after_a_server_error_or_lost_answer(
    own: SportTracksClient, fresh_sandbox: SandboxServer, sleeps: list[float]
) -> None:
    day = datetime(2024, 5, 1, tzinfo=UTC)
    fresh_sandbox.faults.server_error = 1
    upsert_metrics(own, [MetricPoint(WEIGHT, day, 70.0)])
    fresh_sandbox.faults.drop_after_store = 1
    upsert_metrics(own, [MetricPoint(WEIGHT, day, 69.5)])  # the retry upserts the same point
    assert len(sleeps) == 2
    assert [p.value for p in get_metrics(own).points(WEIGHT)] == [69.5]
    fresh_sandbox.faults.server_error = 5
    with pytest.raises(ServerError):
        get_metrics(own)


def test_an_unreachable_service_is_offline() -> None:
    dead = SportTracksClient(
        "http://127.0.0.1:9/api/v2", StaticTokenAuth("t"), retry=RetryPolicy(max_attempts=1)
    )
    with pytest.raises(OfflineError):
        get_metrics(dead)
    with pytest.raises(OfflineError):
        list_gear(dead)
