"""The workout service against the sandbox: sync, detail, edits, create, delete and restore."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from st_desktop.domain.workout import Workout, workout_id
from st_desktop.errors import AuthError, OfflineError
from st_desktop.progress import TaskCancelled, TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.detail import Conflict, Saved
from st_desktop.services.workouts import Restored, Trashed, WorkoutService
from st_desktop.store.cache import WorkoutCache, WorkoutQuery

from .conftest import DEMO_SIZE


def test_full_history_fills_the_cache_with_every_workout_and_reports_pages(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    reports: list[tuple[int, int]] = []
    result = service.load_full_history(
        TaskContext(lambda done, total, _m: reports.append((done, total))), account, page_size=7
    )
    assert result.complete
    assert result.total == DEMO_SIZE
    assert cache.count(account.key) == DEMO_SIZE
    assert reports[-1] == (5, 5)  # 30 workouts in pages of 7
    assert service.categories(account.key)  # the type filter has something to offer


def test_refresh_stops_at_the_first_page_that_brings_nothing_new(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    server.request_log.clear()
    result = service.refresh_recent(TaskContext(), account)
    assert result.changed == 0
    assert result.pages == 1
    assert len([p for _m, p in server.request_log if p.endswith("/fitnessActivities")]) == 1


def test_a_cancelled_history_load_stops_and_prunes_nothing(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    context = TaskContext()

    def report(done: int, _total: int, _message: str) -> None:
        if done == 1:
            context.cancel()

    context.bind_reporter(report)
    with pytest.raises(TaskCancelled):
        service.load_full_history(context, account, page_size=5)
    assert cache.count(account.key) == DEMO_SIZE


def test_signed_out_account_reads_the_cache_but_cannot_sync(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    first = cache.page(account.key, WorkoutQuery(), 0, 1)[0]
    service.load_detail(account, first.uri or "")
    signed_out = Account(account.key, "me", None)
    loaded = service.load_detail(signed_out, first.uri or "")
    assert loaded.offline
    assert loaded.workout.uri == first.uri
    with pytest.raises(AuthError, match="Sign in"):
        service.refresh_recent(TaskContext(), signed_out)
    other = cache.page(account.key, WorkoutQuery(), 1, 1)[0]
    with pytest.raises(OfflineError, match="not on this computer"):
        service.load_detail(signed_out, other.uri or "")


def test_a_server_that_cannot_be_reached_shows_the_copy_kept_on_this_computer(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    seen, unseen = (cache.page(account.key, WorkoutQuery(), i, 1)[0].uri or "" for i in (0, 1))
    shown = service.load_detail(account, seen)  # read online once: kept for offline use
    assert not shown.offline
    server.stop()  # the network goes away while signed in

    loaded = service.load_detail(account, seen)

    assert loaded.offline
    assert loaded.workout == shown.workout
    assert loaded.track.has_route == shown.track.has_route
    with pytest.raises(OfflineError):
        service.load_detail(account, unseen)


def test_save_is_read_modify_write_and_spots_a_change_made_elsewhere(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    uri = cache.page(account.key, WorkoutQuery(), 0, 1)[0].uri or ""
    base = service.load_detail(account, uri).workout
    saved = service.save_edits(account, base, {"name": "Renamed here"})
    assert isinstance(saved, Saved)
    assert saved.workout.name == "Renamed here"
    assert saved.workout.laps == base.laps  # everything not edited survives the PUT
    assert cache.summary(account.key, uri).name == "Renamed here"  # type: ignore[union-attr]
    # Someone else renames it on the server: saving over the stale base is refused ...
    client = account.require_client()
    client.update_workout(uri, saved.workout.with_changes(notes="edited on the web"))
    conflict = service.save_edits(account, saved.workout, {"name": "Mine"})
    assert isinstance(conflict, Conflict)
    assert conflict.server.notes == "edited on the web"
    # ... unless the user says to overwrite, and then only the edited field changes.
    forced = service.save_edits(account, saved.workout, {"name": "Mine"}, overwrite=True)
    assert isinstance(forced, Saved)
    assert (forced.workout.name, forced.workout.notes) == ("Mine", "edited on the web")


def test_delete_keeps_a_copy_and_restore_creates_it_again(
    account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    service = WorkoutService(cache)
    service.load_full_history(TaskContext(), account)
    chosen = [s.uri or "" for s in cache.page(account.key, WorkoutQuery(), 0, 2)]
    names = {cache.summary(account.key, uri).name for uri in chosen}  # type: ignore[union-attr]
    deleted = service.delete(TaskContext(), account, [*chosen, chosen[0] + "999"])
    assert len(deleted.done) == 2
    assert len(deleted.failures) == 1  # the unknown one is reported, the others went
    assert server.workout_count() == DEMO_SIZE - 2
    assert cache.count(account.key) == DEMO_SIZE - 2
    trashed = [t for t in deleted.done if isinstance(t, Trashed)]
    restored = service.restore(TaskContext(), account, [t.trash_id for t in trashed])
    assert restored.failures == []
    back = [r for r in restored.done if isinstance(r, Restored)]
    assert {r.name for r in back} == names
    assert all(r.new_id != r.old_id for r in back)  # SportTracks gives them new ids
    assert server.workout_count() == DEMO_SIZE
    assert cache.trash_get(account.key, trashed[0].trash_id) is None


def test_create_reads_the_new_workout_back_into_the_cache(
    account: Account, cache: WorkoutCache
) -> None:
    service = WorkoutService(cache)
    workout = Workout.from_json(
        {
            "start_time": datetime(2024, 3, 2, 9, 30, tzinfo=UTC).isoformat(),
            "type": "running",
            "name": "Typed in",
            "duration": 1800,
            "total_distance": 5000,
        }
    )
    created = service.create(account, workout)
    assert created.type == "Running"  # as the service normalised it
    assert cache.summary(account.key, workout_id(created.uri or "")).name == "Typed in"  # type: ignore[union-attr]
    fetched = service.fetch_many(TaskContext(), account, [created.uri or ""])
    assert [w.name for w in fetched.done] == ["Typed in"]  # type: ignore[attr-defined]
