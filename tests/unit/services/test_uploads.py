"""The upload service end to end without widgets: drop, read, check, decide, upload."""

from __future__ import annotations

from pathlib import Path

from st_desktop.progress import TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.intake import Skipped, Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.cache import WorkoutCache
from st_desktop.store.uploads import ItemState, UploadStore

from .upload_helpers import START, write_gpx


def read_all(service: UploadService, paths: list[Path]) -> list[int]:
    entries = service.expand(paths)
    ids = []
    for entry in entries:
        assert isinstance(entry, Source), entry
        ingested = service.ingest(entry)
        assert ingested.activity is not None, ingested.error
        ids.append(ingested.item.id)
    return ids


def test_a_dropped_file_goes_up_once_and_is_then_a_duplicate(
    tmp_path: Path, account: Account, cache: WorkoutCache, server: SandboxServer
) -> None:
    store = UploadStore(tmp_path / "queue")
    service = UploadService(store, cache)
    [item_id] = read_all(service, [write_gpx(tmp_path, "ride.gpx", START)])
    assert service.check(item_id, account).matches == []
    service.save_edits(item_id, "Lunch loop", "Cycling: Road", "windy")
    service.decide([], [(item_id, ())], account.key)
    report = service.run(TaskContext(), account)
    assert list(report.uploaded) == [item_id]
    [uri] = report.uploaded[item_id]
    workout = account.require_client().get_workout(uri)
    assert (workout.name, workout.type, workout.notes) == ("Lunch loop", "Cycling: Road", "windy")
    # The same bytes dropped again: the ledger and the account both say it is there already.
    again = UploadService(store, cache)
    (tmp_path / "copy").mkdir()
    [second] = read_all(again, [write_gpx(tmp_path / "copy", "ride.gpx", START)])
    assert second == item_id  # same bytes, same queue item
    store.archive(item_id)
    [third] = read_all(again, [write_gpx(tmp_path / "copy", "ride.gpx", START)])
    check = again.check(third, account)
    assert check.account_checked
    assert any("SportTracks" in m.reason or "uploaded" in m.reason for m in check.matches)
    assert server.workout_count() == 31
    store.close()


def test_files_queued_while_signed_out_go_to_the_next_account(
    tmp_path: Path, account: Account
) -> None:
    store = UploadStore(tmp_path / "queue")
    service = UploadService(store)
    ids = read_all(
        service, [write_gpx(tmp_path, f"r{i}.gpx", START.replace(day=i + 1)) for i in range(2)]
    )
    service.decide([ids[1]], [(ids[0], ())], None)  # the second was a duplicate: Skip
    assert [i.state for i in store.items()] == [ItemState.QUEUED, ItemState.SKIPPED]
    report = service.run(TaskContext(), account)
    assert list(report.uploaded) == [ids[0]]
    assert store.get(ids[0]).account == account.key
    service.discard(ids[0], uploaded=True)
    service.discard(ids[1], uploaded=False)
    assert store.items() == []
    assert list(store.inbox.iterdir()) == []  # no copies left behind
    store.close()


def test_cancel_takes_queued_files_back_and_a_cancelled_run_sends_nothing(
    tmp_path: Path, account: Account, server: SandboxServer
) -> None:
    store = UploadStore(tmp_path / "queue")
    service = UploadService(store)
    ids = read_all(
        service, [write_gpx(tmp_path, f"r{i}.gpx", START.replace(day=i + 1)) for i in range(3)]
    )
    service.decide([], [(i, ()) for i in ids], account.key)
    assert service.unqueue(ids[1:]) == ids[1:]
    context = TaskContext()
    context.cancel()
    assert service.run(context, account).uploaded == {}
    assert server.workout_count() == 30
    assert [i.state for i in store.items()] == [ItemState.QUEUED, ItemState.NEW, ItemState.NEW]
    store.close()


def test_unknown_files_in_a_folder_are_one_skipped_row(tmp_path: Path) -> None:
    folder = tmp_path / "watch"
    folder.mkdir()
    write_gpx(folder, "a.gpx", START)
    (folder / "notes.txt").write_text("not an activity")
    entries = UploadService.expand([folder])
    assert [type(e).__name__ for e in entries] == ["Source", "Skipped"]
    skipped = entries[1]
    assert isinstance(skipped, Skipped)
    assert skipped.reason == "Skipped 1 file: notes.txt is not FIT, TCX or GPX."
