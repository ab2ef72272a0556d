"""The overview service against the sandbox: totals from the cache, completeness, gear, metrics."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import requests

from st_desktop.domain.gear import RETIRED
from st_desktop.domain.metrics import BODY_FAT, WEIGHT, MetricPoint
from st_desktop.domain.totals import Period, period_start, totals
from st_desktop.errors import AuthError
from st_desktop.progress import TaskCancelled, TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services import sync
from st_desktop.services.account import Account
from st_desktop.services.overview import GEAR_KEY, Completeness, OverviewService
from st_desktop.services.workouts import WorkoutService
from st_desktop.store.cache import WorkoutCache

from .conftest import DEMO_SIZE


def raw_get(server: SandboxServer, path: str, **params: Any) -> Any:
    """A GET straight over HTTP, beside the client: what the service really holds."""
    token = server.issue_token()["access_token"]
    response = requests.get(
        f"{server.api_base}{path}",
        params=params,
        timeout=5,
        headers={"Authorization": f"Bearer {token}"},
    )
    response.raise_for_status()
    return response.json()


def offline(account: Account) -> Account:
    return Account(account.key, account.description, None, sandbox=True)


def test_totals_from_the_cache_match_the_list_summed_independently(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    WorkoutService(cache).load_full_history(TaskContext(), account)
    items = raw_get(server, "/fitnessActivities", pageSize=1000, data="summary")["items"]
    assert len(items) == DEMO_SIZE
    expected: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0.0, 0.0, 0.0])
    for item in items:
        local_day = datetime.fromisoformat(item["start_time"]).date()
        week = local_day - timedelta(days=local_day.weekday())
        sums = expected[week.isoformat()]
        sums[0] += 1
        sums[1] += float(item["total_distance"])
        sums[2] += float(item["duration"])
        sums[3] += float(item.get("elevation_gain", 0))
        sums[4] += float(item.get("calories", 0))

    service = OverviewService(cache, chunk=7)  # several chunks for 30 workouts
    digest = service.digest(TaskContext(), account.key)
    assert len(digest.entries) == DEMO_SIZE
    assert digest.entries[0].day >= digest.entries[-1].day  # newest first
    weeks = {
        w.start.isoformat(): w.overall
        for w in totals(digest.entries, Period.WEEK)
        if w.overall.count
    }
    assert set(weeks) == set(expected)
    for week, (count, distance, duration, climb, energy) in expected.items():
        got = weeks[week]
        assert got.count == count
        assert got.distance == pytest.approx(distance)
        assert got.duration == pytest.approx(duration)
        assert got.climb == pytest.approx(climb)
        assert got.energy == pytest.approx(energy)
        assert period_start(datetime.fromisoformat(week).date(), Period.WEEK).isoformat() == week


def test_summing_a_large_cache_can_be_cancelled(account: Account, cache: WorkoutCache) -> None:
    WorkoutService(cache).load_full_history(TaskContext(), account)
    context = TaskContext()
    context.cancel()
    with pytest.raises(TaskCancelled):
        OverviewService(cache, chunk=5).digest(context, account.key)


def test_completeness_says_how_much_is_loaded_and_reads_offline(
    account: Account, cache: WorkoutCache
) -> None:
    sync.refresh_recent(TaskContext(), account.require_client(), cache, account.key, 10, 1)
    service = OverviewService(cache, clock=lambda: 1_700_000_000.0)
    assert service.completeness(account.key).server_total is None
    unknown = service.completeness(account.key).sentence()
    assert unknown.startswith("Figures cover the 10 workouts on this computer, since ")
    checked = service.check_completeness(account)
    assert (checked.cached, checked.server_since_oldest, checked.server_total) == (10, 10, 30)
    assert checked.older_missing == 20
    assert checked.complete is False
    oldest = checked.oldest
    assert oldest is not None
    assert checked.sentence() == (
        f"Figures cover 10 of 10 workouts since {oldest.date().isoformat()}; "
        "20 older ones are not loaded."
    )
    # Offline, the last answer is remembered.
    assert service.completeness(account.key) == checked
    WorkoutService(cache).load_full_history(TaskContext(), account)
    # The cache now reaches further back: the old "since" count no longer applies.
    assert service.completeness(account.key).server_since_oldest is None
    done = service.check_completeness(account)
    assert done.complete is True
    assert (
        done.sentence(number=lambda n: f"<{n}>")
        == "Figures cover all <30> workouts of the account."
    )


def test_completeness_sentences_for_an_empty_cache() -> None:
    assert Completeness().sentence() == "No workouts are on this computer yet."
    assert Completeness(server_total=0).sentence() == "The account has no workouts yet."
    assert Completeness(server_total=2140).sentence() == (
        "No workouts are on this computer yet; the account has 2,140."
    )


def test_gear_is_read_kept_offline_edited_retired_and_assigned(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    service = OverviewService(cache)
    assert service.cached_gear(account.key).fetched_at is None
    gear = service.refresh_gear(account)
    assert [g.name for g in gear.items] == [
        "Road bike",
        "Mountain bike",
        "Old trainers",
        "Trainers",
    ]
    assert service.cached_gear(account.key) == gear  # offline copy

    road = gear.items[0]
    renamed = service.save_gear(account, road.with_changes(name="Winter bike", notes="Mudguards"))
    on_server = raw_get(server, f"/gear/{road.id}")
    assert (on_server["name"], on_server["notes"]) == ("Winter bike", "Mudguards")
    assert on_server["activities"] == list(road.activities)  # the whole object went back
    assert service.cached_gear(account.key).find(road.uri) == renamed

    retired = service.set_retired(account, renamed)
    assert retired.status == RETIRED
    assert raw_get(server, f"/gear/{road.id}")["status"] == RETIRED

    shoes = gear.items[3]
    runs = [str(i) for i in gear.items[2].activities[:2]]
    result = service.assign(
        TaskContext(), account, runs, link=[shoes.uri], unlink=[gear.items[2].uri]
    )
    assert result.failures == []
    assert len(result.saved) == 2
    assert set(map(int, runs)) <= set(raw_get(server, f"/gear/{shoes.id}")["activities"])
    assert not set(map(int, runs)) & set(raw_get(server, f"/gear/{gear.items[2].id}")["activities"])
    cached = service.cached_gear(account.key)
    assert [g.name for g in cached.for_workout(runs[0])] == ["Trainers"]


def test_assigning_to_gear_that_is_gone_says_so_and_saves_the_rest(
    account: Account, cache: WorkoutCache
) -> None:
    service = OverviewService(cache)
    gear = service.refresh_gear(account)
    ride = str(gear.items[0].activities[0])
    gone = f"{account.require_client().base_url}/gear/9999"
    result = service.assign(TaskContext(), account, [ride], link=[gone, gear.items[1].uri])
    assert result.failures == ["SportTracks has no such gear item: it may have been deleted."]
    assert [g.id for g in result.saved] == [gear.items[1].id]


def test_metrics_round_trip_add_edit_and_delete(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    service = OverviewService(cache)
    first = service.refresh_metrics(account)
    weights = first.metrics.points(WEIGHT)
    assert len(weights) > 100  # two years of demo weight
    moment = datetime(2030, 1, 2, 7, 30, tzinfo=UTC)
    added = service.write_points(
        account, [MetricPoint(WEIGHT, moment, 71.4), MetricPoint(BODY_FAT, moment, 0.152)]
    )
    assert added.metrics.latest(WEIGHT) == MetricPoint(WEIGHT, moment, 71.4)
    later = moment + timedelta(hours=2)
    edited = service.edit_point(
        account, MetricPoint(WEIGHT, moment, 71.4), MetricPoint(WEIGHT, later, 70.9)
    )
    stamps = {p[0]: p[1] for p in raw_get(server, "/metrics")[WEIGHT]}
    assert stamps.get("2030-01-02T09:30:00Z") == 70.9
    assert "2030-01-02T07:30:00Z" not in stamps  # moved, not copied
    assert edited.metrics.latest(WEIGHT) == MetricPoint(WEIGHT, later, 70.9)
    deleted = service.delete_point(account, MetricPoint(WEIGHT, later, 70.9))
    assert deleted.metrics.points(WEIGHT) == weights
    assert service.cached_metrics(account.key) == deleted  # offline copy follows


def test_signed_out_reads_the_cache_and_writes_say_to_sign_in(
    account: Account, cache: WorkoutCache
) -> None:
    service = OverviewService(cache)
    gear = service.refresh_gear(account)
    metrics = service.refresh_metrics(account)
    away = offline(account)
    assert service.cached_gear(away.key) == gear
    assert service.cached_metrics(away.key) == metrics
    with pytest.raises(AuthError, match="Sign in"):
        service.save_gear(away, gear.items[0].with_changes(name="x"))
    with pytest.raises(AuthError, match="Sign in"):
        service.delete_point(away, metrics.metrics.points(WEIGHT)[0])
    with pytest.raises(AuthError, match="Sign in"):
        service.check_completeness(away)


@pytest.mark.expect_log("cached overview.gear of an account is unreadable")
def test_an_unreadable_offline_copy_is_read_again(account: Account, cache: WorkoutCache) -> None:
    cache.set_meta(account.key, GEAR_KEY, "{not json")
    service = OverviewService(cache)
    assert service.cached_gear(account.key).items == ()
    assert len(service.refresh_gear(account).items) == 4
