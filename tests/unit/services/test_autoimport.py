"""Never twice: the import log and the upload ledger decide what a watcher may take."""

from __future__ import annotations

import gzip
import os
import shutil
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from st_desktop.services.autoimport import AutoImporter, Candidate
from st_desktop.services.devices import Device, list_activities
from st_desktop.services.watch import WatchedFolder
from st_desktop.store.import_log import Decision, ImportLog
from st_desktop.store.uploads import ItemState, Outcome, UploadStore
from tests.unit.services.upload_helpers import START, make_gpx

ACCOUNT = "sandbox|1"


@pytest.fixture
def log(tmp_path: Path) -> Iterator[ImportLog]:
    import_log = ImportLog(tmp_path / "data")
    yield import_log
    import_log.close()


@pytest.fixture
def uploads(tmp_path: Path) -> Iterator[UploadStore]:
    store = UploadStore(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def importer(log: ImportLog, uploads: UploadStore) -> AutoImporter:
    return AutoImporter(log, uploads, lambda: ACCOUNT)


def candidate(path: Path, root: Path, source: str = "folder:watched") -> Candidate:
    info = path.stat()
    rel = path.relative_to(root).as_posix()
    return Candidate(source, path, rel, info.st_size, info.st_mtime_ns)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    watched = tmp_path / "watched"
    watched.mkdir()
    return watched


def test_a_new_file_is_taken_once(importer: AutoImporter, folder: Path) -> None:
    ride = folder / "ride.gpx"
    ride.write_bytes(make_gpx(START))
    first = importer.take([candidate(ride, folder)])
    assert [t.candidate.path for t in first.taken] == [ride]
    again = importer.take([candidate(ride, folder)])
    assert again.taken == []
    assert again.skipped[0][1] == Decision.TAKEN


def test_renamed_copied_or_compressed_bytes_are_not_taken_again(
    importer: AutoImporter, folder: Path, tmp_path: Path
) -> None:
    data = make_gpx(START)
    (folder / "ride.gpx").write_bytes(data)
    taken = importer.take([candidate(folder / "ride.gpx", folder)]).taken
    importer.settle(taken[0].sha256, Decision.UPLOADED)
    (folder / "ride.gpx").rename(folder / "renamed.gpx")
    shutil.copy(folder / "renamed.gpx", folder / "copy.gpx")
    (folder / "ride.gpx.gz").write_bytes(gzip.compress(data))
    stick = tmp_path / "stick"
    stick.mkdir()
    shutil.copy(folder / "copy.gpx", stick / "elsewhere.gpx")
    result = importer.take(
        [candidate(folder / n, folder) for n in ("renamed.gpx", "copy.gpx", "ride.gpx.gz")]
        + [candidate(stick / "elsewhere.gpx", stick, "device:volume:STICK")]
    )
    assert result.taken == []
    assert {d for _c, d in result.skipped} == {Decision.UPLOADED}


def test_a_file_uploaded_by_hand_is_not_uploaded_again_by_a_watcher(
    importer: AutoImporter, uploads: UploadStore, log: ImportLog, folder: Path
) -> None:
    data = make_gpx(START)
    item, _ = uploads.add_bytes(data, "ride.gpx", "dropped")
    attempt = uploads.begin_attempt(item, ACCOUNT)
    uploads.complete_attempt(attempt, Outcome.STORED, ["https://x/fitnessActivities/1"])
    (folder / "ride.gpx").write_bytes(data)
    result = importer.take([candidate(folder / "ride.gpx", folder)])
    assert result.taken == []
    assert result.skipped[0][1] == Decision.UPLOADED
    assert log.hashes(Decision.UPLOADED) == [item.sha256]  # the next copy stops at the log


def test_a_deleted_workout_is_not_brought_back(importer: AutoImporter, folder: Path) -> None:
    # Uploaded, then deleted in SportTracks: the log still says uploaded, so a re-mount or a
    # sync tool putting the file back does not upload it again (GoldenCheetah's bug).
    ride = folder / "ride.gpx"
    ride.write_bytes(make_gpx(START))
    taken = importer.take([candidate(ride, folder)]).taken[0]
    importer.settle(taken.sha256, Decision.UPLOADED)
    ride.unlink()
    ride.write_bytes(make_gpx(START))  # put back by a sync tool: new mtime, same bytes
    result = importer.take([candidate(ride, folder)])
    assert result.taken == []
    assert result.skipped[0][1] == Decision.UPLOADED


def test_a_file_still_being_written_is_not_taken(importer: AutoImporter, folder: Path) -> None:
    ride = folder / "ride.gpx"
    ride.write_bytes(make_gpx(START)[:500])
    seen = candidate(ride, folder)
    with ride.open("ab") as handle:
        handle.write(b"<more/>")
    result = importer.take([seen])
    assert result.changed == [seen]
    assert result.taken == []
    assert importer.known("folder:watched") == {}  # nothing recorded: it will be looked at again


def test_a_damaged_archive_is_recorded_and_explained(importer: AutoImporter, folder: Path) -> None:
    broken = folder / "ride.fit.gz"
    broken.write_bytes(b"\x1f\x8b" + b"\x00" * 40)
    result = importer.take([candidate(broken, folder)])
    assert result.unreadable[0][1].endswith("could not be opened.")
    again = importer.take([candidate(broken, folder)])
    assert again.skipped[0][1] == Decision.DAMAGED  # not read again until it changes


def test_a_vanished_file_is_reported(importer: AutoImporter, folder: Path) -> None:
    ride = folder / "ride.gpx"
    ride.write_bytes(b"x")
    seen = candidate(ride, folder)
    ride.unlink()
    assert importer.take([seen]).vanished == [seen]


def test_released_bytes_are_taken_again(importer: AutoImporter, folder: Path) -> None:
    ride = folder / "ride.gpx"
    ride.write_bytes(make_gpx(START))
    taken = importer.take([candidate(ride, folder)]).taken[0]
    importer.release(taken.sha256)  # it never reached the list
    assert importer.take([candidate(ride, folder)]).taken


def test_a_newly_watched_folder_leaves_its_old_files_alone(
    importer: AutoImporter, folder: Path
) -> None:
    (folder / "2023").mkdir()
    for n in range(3):
        (folder / "2023" / f"old{n}.gpx").write_bytes(make_gpx(START - timedelta(days=n + 1)))
    watched = WatchedFolder(folder)
    assert importer.is_new_source(watched.source)
    assert importer.inventory_folder(watched) == 3
    assert not importer.is_new_source(watched.source)
    assert set(importer.known(watched.source)) == {f"2023/old{n}.gpx" for n in range(3)}
    history = importer.history(watched.source, folder, auto=True)
    assert len(history) == 3
    # "Import the existing files too": history is taken when asked for.
    assert len(importer.take(history).taken) == 3


def garmin(tmp_path: Path, days: list[int]) -> Device:
    activity = tmp_path / "GARMIN_VOL" / "GARMIN" / "ACTIVITY"
    activity.mkdir(parents=True, exist_ok=True)
    for day in days:
        path = activity / f"day{day:03d}.fit"
        path.write_bytes(make_gpx(START + timedelta(days=day)))
        when = (START + timedelta(days=day)).timestamp()
        os.utime(path, (when, when))
    return Device("garmin:1", "Forerunner 255", "Garmin", tmp_path / "GARMIN_VOL", (activity,))


def test_a_first_sync_imports_only_what_is_newer_than_the_account(
    importer: AutoImporter, tmp_path: Path
) -> None:
    device = garmin(tmp_path, [0, 10, 20, 30])
    newest_in_account = START + timedelta(days=15)
    plan = importer.plan_device(device, list_activities(device), baseline=newest_in_account)
    assert plan.first_time
    assert plan.total == 4
    assert [c.rel.rsplit("/", 1)[1] for c in plan.new] == ["day020.fit", "day030.fit"]
    assert len(plan.older) == 2
    importer.leave_as_history(plan.older)
    importer.mark_synced(device.source)
    importer.take(plan.new)

    # Plugged in again: nothing new. Then a new ride is recorded.
    assert importer.plan_device(device, list_activities(device)).new == []
    garmin(tmp_path, [31])
    plan = importer.plan_device(device, list_activities(device), baseline=newest_in_account)
    assert not plan.first_time
    assert [c.rel.rsplit("/", 1)[1] for c in plan.new] == ["day031.fit"]

    # "Import the whole history": the two older rides too, never the ones already taken.
    whole = importer.plan_device(device, list_activities(device), whole_history=True)
    names = sorted(c.rel.rsplit("/", 1)[1] for c in whole.new)
    assert names == ["day000.fit", "day010.fit", "day031.fit"]


def test_without_a_baseline_every_activity_of_a_first_sync_is_new(
    importer: AutoImporter, tmp_path: Path
) -> None:
    device = garmin(tmp_path, [0, 1])
    plan = importer.plan_device(device, list_activities(device), auto=False)
    assert len(plan.new) == 2
    assert not plan.new[0].auto
    assert plan.new[0].origin == "Forerunner 255"


def test_recover_settles_what_the_last_session_left_taken(
    importer: AutoImporter, uploads: UploadStore, log: ImportLog, folder: Path
) -> None:
    done, lost, going = (folder / f"{n}.gpx" for n in ("done", "lost", "going"))
    for n, path in enumerate((done, lost, going)):
        path.write_bytes(make_gpx(START + timedelta(days=n)))
    taken = {
        t.candidate.path: t
        for t in importer.take([candidate(p, folder) for p in (done, lost, going)]).taken
    }
    item_done, _ = uploads.add_file(done)
    uploads.update(item_done.id, state=ItemState.UPLOADED)
    item_going, _ = uploads.add_file(going)
    uploads.enqueue(item_going.id, ACCOUNT)
    pending = importer.recover(uploads.items(include_archived=True))
    assert pending == {item_going.id: taken[going].sha256}
    assert log.hashes(Decision.UPLOADED) == [taken[done].sha256]
    assert log.hashes(Decision.TAKEN) == [taken[going].sha256]
    # The file that never reached the queue (a crash in between) may be taken again.
    assert [t.candidate.path for t in importer.take([candidate(lost, folder)]).taken] == [lost]
