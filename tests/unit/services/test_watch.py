"""Watched folders on real directories: settle detection with an injected clock, rescans, events."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from st_desktop.services.watch import FolderWatcher, WatchedFolder, is_activity_name
from tests.unit.services.upload_helpers import START, make_gpx


class Clock:
    """Monotonic seconds that move only when the test says so."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock()


def watcher_for(folder: Path, clock: Clock) -> FolderWatcher:
    watcher = FolderWatcher(clock=clock, use_events=False, settle_s=5.0, rescan_s=60.0)
    watcher.set_folders([WatchedFolder(folder, auto=True)])
    return watcher


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait until ``condition()`` holds (file-system events arrive on watchdog's thread)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.01)


def test_a_file_written_slowly_is_taken_only_once_it_has_settled(
    tmp_path: Path, clock: Clock
) -> None:
    watcher = watcher_for(tmp_path, clock)
    assert watcher.poll() == []  # the first poll is the start-up rescan: nothing there yet
    data = make_gpx(START, points=200)
    ride = tmp_path / "ride.gpx"
    ride.write_bytes(data[:1000])  # a sync tool writes the first part ...
    watcher.rescan_now()
    assert watcher.poll() == []
    assert watcher.pending() == [ride]
    clock.advance(3)
    assert watcher.poll() == []  # unchanged, but not for long enough
    with ride.open("ab") as handle:  # ... then the rest, a little later
        handle.write(data[1000:])
    clock.advance(3)
    assert watcher.poll() == []  # changed since the last look: the wait starts again
    clock.advance(4)
    assert watcher.poll() == []
    clock.advance(1.5)
    seen = watcher.poll()
    assert [s.path for s in seen] == [ride]
    assert seen[0].size == len(data)
    assert seen[0].rel == "ride.gpx"
    assert seen[0].auto
    assert ride.read_bytes() == data
    clock.advance(10)
    assert watcher.poll() == []  # handed on once


def test_a_file_renamed_into_place_is_taken_at_once(tmp_path: Path, clock: Clock) -> None:
    watcher = watcher_for(tmp_path, clock)
    watcher.poll()
    partial = tmp_path / "ride.fit.part"
    partial.write_bytes(b"x" * 500)
    watcher.notice(partial)  # the sync tool's temporary name is not an activity file
    assert watcher.pending() == []
    final = tmp_path / "ride.fit"
    partial.rename(final)
    watcher.notice(final, moved=True)
    assert [s.path for s in watcher.poll()] == [final]


def test_the_rescan_finds_files_in_subfolders_made_after_the_start(
    tmp_path: Path, clock: Clock
) -> None:
    watcher = watcher_for(tmp_path, clock)
    watcher.poll()
    deep = tmp_path / "2024" / "05"
    deep.mkdir(parents=True)
    (deep / "ride.gpx").write_bytes(make_gpx(START))
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "secret.gpx").write_bytes(make_gpx(START))
    clock.advance(61)  # the periodic rescan is due
    assert watcher.due()
    assert watcher.poll() == []
    clock.advance(5)
    assert [s.rel for s in watcher.poll()] == ["2024/05/ride.gpx"]


def test_files_the_import_log_knows_are_not_looked_at_again(tmp_path: Path, clock: Clock) -> None:
    old = tmp_path / "old.gpx"
    old.write_bytes(make_gpx(START))
    info = old.stat()
    new = tmp_path / "new.gpx"
    new.write_bytes(make_gpx(START, points=30))
    watcher = FolderWatcher(
        lambda source: {"old.gpx": (info.st_size, info.st_mtime_ns)},
        clock=clock,
        use_events=False,
    )
    watcher.set_folders([WatchedFolder(tmp_path)])
    watcher.poll()
    assert watcher.pending() == [new]


def test_a_file_that_vanishes_before_it_settles_is_dropped(tmp_path: Path, clock: Clock) -> None:
    watcher = watcher_for(tmp_path, clock)
    ride = tmp_path / "ride.fit"
    ride.write_bytes(b"x" * 100)
    watcher.poll()
    ride.unlink()
    clock.advance(10)
    assert watcher.poll() == []
    assert watcher.pending() == []


def test_an_empty_file_waits_until_something_is_written(tmp_path: Path, clock: Clock) -> None:
    watcher = watcher_for(tmp_path, clock)
    ride = tmp_path / "ride.fit"
    ride.touch()
    watcher.poll()
    clock.advance(30)
    assert watcher.poll() == []
    assert watcher.pending() == [ride]


def test_only_the_chosen_folders_are_watched(tmp_path: Path, clock: Clock) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    watcher = watcher_for(one, clock)
    watcher.poll()
    (two / "ride.gpx").write_bytes(make_gpx(START))
    watcher.notice(two / "ride.gpx")
    assert watcher.pending() == []
    watcher.set_folders([WatchedFolder(one), WatchedFolder(two, auto=False)])
    assert watcher.due()
    watcher.poll()
    clock.advance(5)
    seen = watcher.poll()
    assert [(s.rel, s.auto) for s in seen] == [("ride.gpx", False)]
    assert seen[0].source == f"folder:{two}"
    watcher.set_folders([])
    assert not watcher.due()


@pytest.mark.parametrize(
    ("name", "taken"),
    [
        ("ride.fit", True), ("RIDE.FIT", True), ("run.gpx", True), ("swim.tcx", True),
        ("ride.fit.gz", True), ("ride.fit.part", False), ("ride.fit.crdownload", False),
        (".ride.fit", False), ("ride.fit~", False), ("notes.txt", False), ("export.zip", False),
        (".syncthing.ride.fit.tmp", False),
    ],
)  # fmt: skip
def test_which_names_are_activity_files(name: str, taken: bool) -> None:
    assert is_activity_name(name) is taken


def test_file_system_events_report_files_in_new_subfolders(tmp_path: Path, clock: Clock) -> None:
    pytest.importorskip("watchdog", reason="watchdog is what delivers file-system events")
    watcher = FolderWatcher(clock=clock, rescan_s=0)  # no periodic rescan: events only
    watcher.set_folders([WatchedFolder(tmp_path)])
    watcher.start()
    try:
        watcher.poll()  # the start-up rescan
        assert not watcher.due()
        sub = tmp_path / "new folder"
        sub.mkdir()
        wait_for(watcher.due)  # the new folder asks for a look inside
        watcher.poll()
        ride = sub / "ride.gpx"
        ride.write_bytes(make_gpx(START))
        wait_for(lambda: ride in watcher.pending())
        watcher.poll()
        clock.advance(5)
        assert [s.path for s in watcher.poll()] == [ride]
        final = tmp_path / "moved.fit"
        temp = tmp_path / "moved.fit.part"
        temp.write_bytes(b"y" * 64)
        temp.rename(final)
        wait_for(lambda: final in watcher.pending())
        assert [s.path for s in watcher.poll()] == [final]  # renamed into place: no wait
    finally:
        watcher.stop()


def test_a_folder_that_cannot_be_watched_falls_back_to_rescans(
    tmp_path: Path, clock: Clock
) -> None:
    pytest.importorskip("watchdog", reason="watchdog is what delivers file-system events")
    missing = tmp_path / "not mounted"
    watcher = FolderWatcher(clock=clock)
    watcher.set_folders([WatchedFolder(missing)])
    watcher.start()
    try:
        assert "minute" in watcher.problems[missing]
        assert watcher.poll() == []  # nothing to rescan, nothing raised
        missing.mkdir()  # mounted at last
        (missing / "ride.fit").write_bytes(b"z" * 10)
        clock.advance(60)
        watcher.poll()  # the rescan finds the file, and the folder is watched from now on
        assert missing not in watcher.problems
        clock.advance(5)
        assert [s.rel for s in watcher.poll()] == ["ride.fit"]
        later = missing / "later.fit"
        later.write_bytes(b"w" * 10)
        wait_for(lambda: later in watcher.pending())  # an event, long before the next rescan
    finally:
        watcher.stop()
