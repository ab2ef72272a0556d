"""Backup of the demo account, incremental and resumable, and a restore into an empty account."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from st_desktop.api.client import SportTracksClient
from st_desktop.api.gear import get_all_gear
from st_desktop.api.http import RetryPolicy
from st_desktop.api.metrics import get_metrics
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.errors import StoreError
from st_desktop.progress import TaskCancelled, TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.backup import INDEX, backup_account
from st_desktop.services.data import DataService
from st_desktop.services.restore import restore_backup

from .conftest import DEMO_SIZE


def index(folder: Path) -> dict[str, dict[str, object]]:
    return json.loads((folder / INDEX).read_text())["workouts"]  # type: ignore[no-any-return]


def test_a_backup_holds_every_workout_as_the_service_returns_it(
    account: Account, tmp_path: Path
) -> None:
    client = account.require_client()
    report = backup_account(TaskContext(), client, tmp_path / "backup", account.key)
    assert (report.total, report.fetched, report.unchanged) == (DEMO_SIZE, DEMO_SIZE, 0)
    entries = index(tmp_path / "backup")
    assert len(entries) == DEMO_SIZE
    ident, entry = next(iter(entries.items()))
    saved = json.loads((tmp_path / "backup" / "workouts" / f"{ident}.json").read_text())
    assert saved == client.get_workout(ident).to_json()  # streams, laps, timer stops, all of it
    assert entry["name"] == saved["name"]


def test_the_second_run_fetches_only_new_and_changed_workouts(
    account: Account, tmp_path: Path, server: SandboxServer
) -> None:
    client = account.require_client()
    folder = tmp_path / "backup"
    backup_account(TaskContext(), client, folder)
    items = client.list_workouts(0, 3).items
    edited, deleted = items[0].uri or "", items[1].uri or ""
    client.update_workout(edited, client.get_workout(edited).with_changes(name="Renamed"))
    client.delete_workout(deleted)
    server.request_log.clear()
    report = backup_account(TaskContext(), client, folder)
    assert (report.fetched, report.unchanged, report.gone) == (1, DEMO_SIZE - 2, 1)
    details = [p for m, p in server.request_log if "/fitnessActivities/" in p and m == "GET"]
    assert len(details) == 1
    entries = index(folder)
    assert entries[edited.rsplit("/", 1)[1]]["name"] == "Renamed"
    assert entries[deleted.rsplit("/", 1)[1]]["deleted_on_server"] is True  # kept


def test_a_stopped_backup_resumes_where_it_was(account: Account, tmp_path: Path) -> None:
    client = account.require_client()
    folder = tmp_path / "backup"
    context = TaskContext()

    def stop_at_12(done: int, _total: int, _message: str) -> None:
        if done == 12:
            context.cancel()  # the user quits

    context.bind_reporter(stop_at_12)
    with pytest.raises(TaskCancelled):
        backup_account(context, client, folder)
    assert len(index(folder)) == 12  # what was written is in the index
    report = backup_account(TaskContext(), client, folder)
    assert (report.fetched, report.unchanged) == (DEMO_SIZE - 12, 12)


def test_rate_limits_make_the_backup_wait_not_fail(
    account: Account, tmp_path: Path, server: SandboxServer
) -> None:
    waits: list[str] = []
    server.faults.retry_after = "0.05"
    server.faults.rate_limit = 6  # more than the client retries on its own
    report = backup_account(
        TaskContext(lambda _d, _t, message: waits.append(message)),
        account.require_client(),
        tmp_path / "backup",
    )
    assert report.failures == []
    assert report.fetched == DEMO_SIZE


def test_restore_into_an_empty_account_then_again_skips_everything(
    account: Account, tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    backup_account(TaskContext(), account.require_client(), folder)
    with SandboxServer(tmp_path / "empty", seed=9, demo_size=0) as empty:
        token = empty.issue_token()["access_token"]
        other = SportTracksClient(
            empty.api_base, StaticTokenAuth(token), retry=RetryPolicy(max_attempts=1)
        )
        report = restore_backup(TaskContext(), other, folder)
        assert (len(report.created), report.failures) == (DEMO_SIZE, [])
        assert empty.workout_count() == DEMO_SIZE
        again = restore_backup(TaskContext(), other, folder)
        assert (len(again.created), len(again.skipped)) == (0, DEMO_SIZE)
        restored = other.get_workout(report.created[0])
        original = json.loads(next((folder / "workouts").iterdir()).read_text())
        assert restored.laps  # laps and streams came back with it
        assert set(restored.streams) == {k for k in original if k in restored.streams}


def test_restore_refuses_a_folder_that_is_no_backup(account: Account, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no st-desktop backup"):
        restore_backup(TaskContext(), account.require_client(), tmp_path)
    (tmp_path / INDEX).write_text('{"format": "something else"}')
    with pytest.raises(StoreError, match="something else than an st-desktop backup"):
        restore_backup(TaskContext(), account.require_client(), tmp_path)


def test_gear_and_metrics_are_backed_up_and_restored_with_their_links(
    tmp_path: Path, server: SandboxServer
) -> None:
    with SandboxServer(tmp_path / "demo", seed=11, demo_size=12) as demo:
        source = SportTracksClient(
            demo.api_base,
            StaticTokenAuth(demo.issue_token()["access_token"]),
            retry=RetryPolicy(max_attempts=1),
        )
        folder = tmp_path / "backup"
        report = backup_account(TaskContext(), source, folder)
        gear = json.loads((folder / "gear.json").read_text())
        linked = {g["name"] or g["model"]: len(g["activities"]) for g in gear}
        assert report.gear == len(gear) > 0
        assert report.metric_points > 100  # two years of weight at least
    with SandboxServer(tmp_path / "empty", seed=12, demo_size=0) as empty:
        target = SportTracksClient(
            empty.api_base,
            StaticTokenAuth(empty.issue_token()["access_token"]),
            retry=RetryPolicy(max_attempts=1),
        )
        restored = restore_backup(TaskContext(), target, folder)
        assert restored.failures == []
        assert restored.metric_points == report.metric_points
        items = get_all_gear(target)
        assert {g.name or g.model: len(g.activities) for g in items} == linked
        own = {int(uri.rsplit("/", 1)[1]) for uri in restored.created}
        assert all(set(g.activities) <= own for g in items)  # links follow the new ids
        weights = get_metrics(target).points("weight")
        assert len(weights) > 100
        again = restore_backup(TaskContext(), target, folder)
        assert len(get_all_gear(target)) == len(items)  # nothing created twice
        assert again.created == []


def test_a_damaged_backup_restores_what_it_can_and_says_what_it_could_not(
    account: Account, tmp_path: Path
) -> None:
    folder = tmp_path / "backup"
    backup_account(TaskContext(), account.require_client(), folder)
    first = next((folder / "workouts").iterdir())
    first.write_text("{ not json")
    (folder / "gear.json").write_text("[1, 2")
    (folder / "metrics.json").write_text("{]")
    with SandboxServer(tmp_path / "empty", seed=13, demo_size=0) as empty:
        token = empty.issue_token()["access_token"]
        target = SportTracksClient(empty.api_base, StaticTokenAuth(token))
        report = restore_backup(TaskContext(), target, folder)
    assert len(report.created) == DEMO_SIZE - 1
    assert len(report.failures) == 3
    assert any(first.name in failure for failure in report.failures)
    assert any("gear" in failure for failure in report.failures)
    assert any("health metrics" in failure for failure in report.failures)
    assert report.summary().endswith("3 failed.")


def test_the_data_service_runs_each_job_for_the_signed_in_account(
    account: Account, tmp_path: Path
) -> None:
    service = DataService()
    backup = service.backup(TaskContext(), account, tmp_path / "b")
    assert backup.fetched == DEMO_SIZE
    chosen = list(account.require_client().list_workouts(0, 2).items)
    csv = service.export_selected(TaskContext(), account, chosen, tmp_path / "csv", "csv")
    assert [p.name for p in csv.files] == ["workouts.csv"]
    fit = service.export_selected(TaskContext(), account, chosen, tmp_path / "fit", "fit")
    assert len(fit.files) == 2
    some = service.export(TaskContext(), account, tmp_path / "json", "json")
    assert len(some.files) == DEMO_SIZE
    with SandboxServer(tmp_path / "empty", seed=14, demo_size=0) as empty:
        token = empty.issue_token()["access_token"]
        other = Account("other", "o", SportTracksClient(empty.api_base, StaticTokenAuth(token)))
        assert len(service.restore(TaskContext(), other, tmp_path / "b").created) == DEMO_SIZE
