"""Hands-free import in the whole app, against the sandbox: real folders, a fake mount root.

The folder watcher's clock is driven by the test and polls are asked for explicitly, so no test
waits for wall-clock time to pass; every wait is on a condition.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, build_parser, create_application
from st_desktop.app_handsfree import HandsFreeParts, add_arguments, install_hands_free
from st_desktop.sandbox import SandboxServer
from st_desktop.services.autostart import Autostart
from st_desktop.services.devices import MOUNT_ROOTS_ENV
from st_desktop.services.handsfree import devices_from_json, folders_to_json
from st_desktop.services.watch import WatchedFolder
from st_desktop.settings import Keys
from st_desktop.store.import_log import Decision
from st_desktop.ui.upload.model import RowStatus
from tests.doubles import MemoryKeyring
from tests.unit.services.upload_helpers import START, make_gpx

WAIT_MS = 20_000
DEMO_SIZE = 4


class Clock:
    """The folder watcher's monotonic clock, moved by the test."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox", seed=7, demo_size=DEMO_SIZE) as running:
        yield running


@pytest.fixture
def mount_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "media"
    root.mkdir()
    monkeypatch.setenv(MOUNT_ROOTS_ENV, str(root))
    return root


@pytest.fixture
def watched(tmp_path: Path) -> Path:
    folder = tmp_path / "Zwift Activities"
    folder.mkdir()
    return folder


AppFactory = Callable[..., tuple[Application, HandsFreeParts]]


@pytest.fixture
def make_app(
    qtbot: QtBot, isolated_basedir: Path, server: SandboxServer, tmp_path: Path, mount_root: Path
) -> Iterator[AppFactory]:
    """The whole app signed in to the sandbox, with hands-free import installed."""
    made: list[Application] = []
    clock = Clock()

    def make(
        *argv: str, sign_in: bool = True, **options: object
    ) -> tuple[Application, HandsFreeParts]:
        # --watch is parsed as build_parser() does once add_arguments() is wired into it;
        # create_application() itself gets the other arguments only.
        parser = build_parser()
        with contextlib.suppress(argparse.ArgumentError):  # already wired
            add_arguments(parser)
        parsed = parser.parse_args(list(argv))
        rest = [a for a in argv if a != "--watch" and Path(a) not in parsed.watch]
        application = create_application(
            ["--basedir", str(isolated_basedir), "--api-base", server.api_base, *rest],
            keyring_backend=MemoryKeyring(),
        )
        application.args.watch = parsed.watch
        made.append(application)
        qtbot.addWidget(application.window)
        application.upload.controller.engine_backoff = lambda _n, after: max(0.2, after or 0.0)
        if sign_in:
            with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
                application.account.use_pasted_token(server.issue_token()["access_token"])
        settings = {
            "tray_available": False,
            "quit_app": lambda: None,
            "clock": clock,
            "autostart": Autostart("linux", home=tmp_path / "home", environ={}, command=["x"]),
            "tick_ms": 0,
            "device_poll_ms": 0,
            **options,
        }
        parts = install_hands_free(application, **settings)  # type: ignore[arg-type]
        return application, parts

    make.clock = clock  # type: ignore[attr-defined]
    yield make
    for application in made:
        application.shutdown(5.0)


def poll(qtbot: QtBot, parts: HandsFreeParts) -> None:
    """One poll of the watched folders, waited for."""
    handsfree = parts.handsfree
    qtbot.waitUntil(lambda: not handsfree.polling, timeout=WAIT_MS)
    handsfree.watcher.rescan_now()
    handsfree.poll_folders()
    qtbot.waitUntil(lambda: not handsfree.polling, timeout=WAIT_MS)


def watching(qtbot: QtBot, parts: HandsFreeParts, folder: Path) -> None:
    qtbot.waitUntil(
        lambda: folder in [f.path for f in parts.handsfree.watcher.folders], timeout=WAIT_MS
    )


def rows(application: Application) -> dict[str, RowStatus]:
    return {r.display_name: r.status for r in application.upload.model.rows()}


def test_a_file_written_slowly_into_a_watched_folder_is_uploaded_once(
    qtbot: QtBot, make_app: AppFactory, watched: Path, server: SandboxServer
) -> None:
    clock = make_app.clock  # type: ignore[attr-defined]
    application, parts = make_app("--watch", str(watched))
    handsfree = parts.handsfree
    watching(qtbot, parts, watched)
    before = server.workout_count()
    data = make_gpx(START, points=240)
    ride = watched / "2024-05-04 Morning.gpx"
    ride.write_bytes(data[: len(data) // 3])  # the sync tool has written a third
    poll(qtbot, parts)
    clock.now += 3
    poll(qtbot, parts)
    with ride.open("ab") as handle:  # ... and the rest, a little later
        handle.write(data[len(data) // 3 :])
    clock.now += 3
    poll(qtbot, parts)
    assert application.upload.model.rowCount() == 0  # never read half-written: no damaged row
    clock.now += 6
    poll(qtbot, parts)
    qtbot.waitUntil(lambda: rows(application) == {ride.name: RowStatus.UPLOADED}, timeout=WAIT_MS)
    qtbot.waitUntil(handsfree.idle, timeout=WAIT_MS)
    assert server.workout_count() == before + 1
    qtbot.waitUntil(lambda: len(parts.import_log.hashes(Decision.UPLOADED)) == 1, timeout=WAIT_MS)

    # A copy under another name, and the same file put back after the workout was deleted in
    # SportTracks: neither is uploaded again.
    uri = application.upload.model.rows()[0].uris[0]
    client = application.account.account.client
    client.delete_workout(uri)
    shutil.copy(ride, watched / "copy of the ride.gpx")
    ride.unlink()
    ride.write_bytes(data)
    clock.now += 1
    poll(qtbot, parts)
    clock.now += 6
    poll(qtbot, parts)
    source = WatchedFolder(watched).source

    def both_known() -> bool:
        files = parts.import_log.files(source)
        names = ("copy of the ride.gpx", ride.name)
        return all(files.get(n) and files[n].decision == Decision.KNOWN for n in names)

    qtbot.waitUntil(both_known, timeout=WAIT_MS)
    qtbot.waitUntil(handsfree.idle, timeout=WAIT_MS)
    assert application.upload.model.rowCount() == 1
    assert server.workout_count() == before  # the deleted workout was not brought back


def garmin_volume(root: Path, files: list[Path], name: str = "GARMIN") -> Path:
    volume = root / name
    activity = volume / "GARMIN" / "ACTIVITY"
    activity.mkdir(parents=True)
    (volume / "GARMIN" / "GarminDevice.xml").write_text(
        "<Device><Model><Description>Forerunner 255</Description></Model>"
        "<Id>3398765432</Id></Device>"
    )
    for path in files:
        shutil.copy(path, activity / path.name)  # copied now: newer than any workout
    return volume


def device_poll(qtbot: QtBot, parts: HandsFreeParts) -> None:
    devices = parts.handsfree.devices
    qtbot.waitUntil(lambda: not devices.polling, timeout=WAIT_MS)
    devices.poll()
    qtbot.waitUntil(lambda: not devices.polling, timeout=WAIT_MS)


def test_a_garmin_plugged_in_is_asked_about_once_and_imported_once(
    qtbot: QtBot, make_app: AppFactory, mount_root: Path, test_data: Path, server: SandboxServer
) -> None:
    application, parts = make_app()
    before = server.workout_count()
    rides = [test_data / "fit" / n for n in ("fp_garmin-fenix-5-run.fit", "fp_event_timestamp.fit")]
    device_poll(qtbot, parts)
    assert parts.questions == []
    volume = garmin_volume(mount_root, rides)
    device_poll(qtbot, parts)
    qtbot.waitUntil(lambda: len(parts.questions) == 1, timeout=WAIT_MS)
    question = parts.questions[0]
    assert question.objectName() == "deviceQuestion"
    assert not question.isModal()
    assert "Forerunner 255" in question.windowTitle()
    assert question.auto_button.text() == "&Upload New Activities (2)"
    question.auto_button.click()
    qtbot.waitUntil(
        lambda: sorted(rows(application).values()) == [RowStatus.UPLOADED] * 2, timeout=WAIT_MS
    )
    known = devices_from_json(application.settings.get(Keys.KNOWN_DEVICES))
    assert [(d.id, d.answer) for d in known] == [("garmin:3398765432", "auto")]
    assert server.workout_count() == before + 2

    # Unplugged and plugged in again: no question, nothing imported twice.
    shutil.rmtree(volume)
    device_poll(qtbot, parts)
    garmin_volume(mount_root, rides)
    device_poll(qtbot, parts)
    qtbot.waitUntil(parts.handsfree.idle, timeout=WAIT_MS)
    assert parts.questions == []
    assert application.upload.model.rowCount() == 2
    assert server.workout_count() == before + 2


def test_a_device_answered_never_is_left_alone(
    qtbot: QtBot, make_app: AppFactory, mount_root: Path, test_data: Path
) -> None:
    application, parts = make_app()
    garmin_volume(mount_root, [test_data / "fit" / "fp_garmin-fenix-5-run.fit"])
    device_poll(qtbot, parts)
    qtbot.waitUntil(lambda: len(parts.questions) == 1, timeout=WAIT_MS)
    parts.questions[0].never_button.click()
    qtbot.waitUntil(lambda: parts.questions == [], timeout=WAIT_MS)
    shutil.rmtree(mount_root / "GARMIN")
    device_poll(qtbot, parts)
    garmin_volume(mount_root, [test_data / "fit" / "fp_garmin-fenix-5-run.fit"])
    device_poll(qtbot, parts)
    assert parts.questions == []
    assert application.upload.model.rowCount() == 0


def test_a_big_import_shows_progress_pauses_waits_out_rate_limits_and_cancels(
    qtbot: QtBot, make_app: AppFactory, mount_root: Path, server: SandboxServer, tmp_path: Path
) -> None:
    application, parts = make_app()
    handsfree = parts.handsfree
    handsfree.queue.batch_size = handsfree.queue.window = 3
    source = tmp_path / "rides"
    source.mkdir()
    files = []
    for n in range(12):
        path = source / f"ride{n:02d}.gpx"
        start = START + timedelta(days=3 * n, hours=n % 7, minutes=11 * n)
        path.write_bytes(make_gpx(start, points=20 + 3 * n))  # twelve different rides
        files.append(path)
    garmin_volume(mount_root, files)
    before = server.workout_count()
    server.faults.retry_after = "0.2"
    server.faults.rate_limit = 3  # SportTracks asks to slow down: the import waits, then goes on
    device_poll(qtbot, parts)
    qtbot.waitUntil(lambda: len(parts.questions) == 1, timeout=WAIT_MS)
    parts.questions[0].auto_button.click()
    progress = parts.progress
    qtbot.waitUntil(lambda: application.upload.model.rowCount() > 0, timeout=WAIT_MS)
    assert progress.isVisibleTo(application.window)
    assert progress.label.text().endswith("of 12")
    progress.pause_button.click()  # pause
    assert handsfree.paused
    assert progress.label.text().startswith("Paused")
    assert application.settings.get(Keys.AUTO_IMPORT_PAUSED)
    qtbot.waitUntil(lambda: quiet(application, parts), timeout=WAIT_MS)
    shown = application.upload.model.rowCount()
    assert shown <= 3  # rows come a batch at a time, and no batch follows while paused
    progress.pause_button.click()  # resume
    assert not handsfree.paused
    qtbot.waitUntil(lambda: application.upload.model.rowCount() > shown + 2, timeout=WAIT_MS)
    progress.cancel_button.click()
    qtbot.waitUntil(handsfree.idle, timeout=WAIT_MS)
    statuses = list(rows(application).values())
    assert shown + 2 < len(statuses) < 12
    assert set(statuses) == {RowStatus.UPLOADED}  # rate-limited ones waited, none failed
    assert server.faults.rate_limit == 0  # SportTracks did say "too many requests"
    assert server.workout_count() == before + len(statuses)
    assert not progress.isVisible()
    # The files not imported are left as history: the next plug-in does not bring them back.
    device = "device:garmin:3398765432"
    history = [r for r in parts.import_log.files(device).values() if r.decision == Decision.HISTORY]
    assert len(history) == 12 - len(statuses)


def quiet(application: Application, parts: HandsFreeParts) -> bool:
    """Nothing is being read, checked or uploaded, and no file is being taken."""
    busy = (RowStatus.PARSING, RowStatus.QUEUED, RowStatus.UPLOADING)
    model = application.upload.model
    return not parts.handsfree.taking and not any(
        r.status in busy or r.checking for r in model.rows()
    )


def test_a_folder_set_to_only_add_to_the_list_uploads_nothing(
    qtbot: QtBot, make_app: AppFactory, watched: Path, server: SandboxServer
) -> None:
    application, parts = make_app(sign_in=True)
    before = server.workout_count()
    application.settings.set(
        Keys.WATCHED_FOLDERS, folders_to_json([WatchedFolder(watched, auto=False)])
    )
    old = watched / "before.gpx"
    old.write_bytes(make_gpx(START - timedelta(days=3)))
    said: list[str] = []  # the status bar may show a later message by the time we look
    parts.handsfree.message.connect(said.append)
    parts.handsfree.reload()
    watching(qtbot, parts, watched)
    new = watched / "new.gpx"
    new.write_bytes(make_gpx(START))
    poll(qtbot, parts)
    make_app.clock.now += 6  # type: ignore[attr-defined]
    poll(qtbot, parts)
    qtbot.waitUntil(lambda: rows(application) == {"new.gpx": RowStatus.READY}, timeout=WAIT_MS)
    qtbot.waitUntil(parts.handsfree.idle, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: bool(parts.import_log.hashes(Decision.LISTED)), timeout=WAIT_MS)
    # The file that was there before the folder was watched was left alone, and said so.
    assert any("the file already there was left alone" in text for text in said)
    assert "before.gpx" not in rows(application)
    assert server.workout_count() == before


def test_paused_automatic_upload_takes_nothing_until_resumed(
    qtbot: QtBot, make_app: AppFactory, watched: Path
) -> None:
    application, parts = make_app("--watch", str(watched))
    handsfree = parts.handsfree
    watching(qtbot, parts, watched)
    parts.tray.pause_action.trigger()  # Pause automatic upload, from the tray menu
    assert handsfree.paused
    (watched / "ride.gpx").write_bytes(make_gpx(START))
    handsfree.watcher.rescan_now()
    handsfree.poll_folders()
    assert not handsfree.polling  # paused: not even looked at
    parts.tray.pause_action.trigger()
    assert not handsfree.paused
    poll(qtbot, parts)
    make_app.clock.now += 6  # type: ignore[attr-defined]
    poll(qtbot, parts)
    qtbot.waitUntil(lambda: rows(application) == {"ride.gpx": RowStatus.UPLOADED}, timeout=WAIT_MS)


def test_signed_out_files_wait_and_go_after_the_sign_in(
    qtbot: QtBot, make_app: AppFactory, watched: Path, server: SandboxServer
) -> None:
    application, parts = make_app("--watch", str(watched), sign_in=False)
    watching(qtbot, parts, watched)
    (watched / "ride.gpx").write_bytes(make_gpx(START))
    poll(qtbot, parts)
    make_app.clock.now += 6  # type: ignore[attr-defined]
    poll(qtbot, parts)
    qtbot.waitUntil(lambda: rows(application) == {"ride.gpx": RowStatus.READY}, timeout=WAIT_MS)
    assert parts.handsfree.in_flight() == 1  # not checked against the account yet: it waits
    before = server.workout_count()
    with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
        application.account.use_pasted_token(server.issue_token()["access_token"])
    qtbot.waitUntil(lambda: rows(application) == {"ride.gpx": RowStatus.UPLOADED}, timeout=WAIT_MS)
    assert server.workout_count() == before + 1


def test_watch_and_background_on_the_command_line(tmp_path: Path) -> None:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    args = parser.parse_args(["--watch", "a", "--watch", str(tmp_path), "--background"])
    assert args.watch == [Path("a"), tmp_path]
    assert args.background
    assert parser.parse_args([]).watch == []


def test_the_watch_folders_of_the_command_line_are_watched_for_this_run_only(
    qtbot: QtBot, make_app: AppFactory, watched: Path
) -> None:
    application, parts = make_app(sign_in=False, watch=[watched])
    watching(qtbot, parts, watched)
    assert parts.handsfree.folders() == [WatchedFolder(watched.resolve(), auto=True)]
    assert application.settings.get(Keys.WATCHED_FOLDERS) == "[]"  # nothing written
    assert os.environ[MOUNT_ROOTS_ENV]  # the fake mount root, not the machine's


def test_a_first_sync_offers_the_new_activities_and_the_whole_history_on_request(
    qtbot: QtBot, make_app: AppFactory, mount_root: Path, test_data: Path, tmp_path: Path
) -> None:
    application, parts = make_app()
    qtbot.waitUntil(lambda: application.browser.model.rowCount() == DEMO_SIZE, timeout=WAIT_MS)
    old = [
        test_data / "fit" / n
        for n in ("fp_event_timestamp.fit", "fp_compressed-speed-distance.fit")
    ]
    volume = garmin_volume(mount_root, [*old, test_data / "fit" / "fp_garmin-fenix-5-run.fit"])
    for path in old:  # recorded long before the newest workout in the account
        os.utime(volume / "GARMIN" / "ACTIVITY" / path.name, (946_684_800, 946_684_800))
    device_poll(qtbot, parts)
    qtbot.waitUntil(lambda: len(parts.questions) == 1, timeout=WAIT_MS)
    question = parts.questions[0]
    assert (
        "1 of them is newer than your latest workout"
        in question.findChild(QLabel, "deviceQuestionText").text()
    )
    assert question.whole_button.text() == "Import &All 3"
    question.list_button.click()  # add to the list only
    qtbot.waitUntil(
        lambda: rows(application) == {"fp_garmin-fenix-5-run.fit": RowStatus.READY},
        timeout=WAIT_MS,
    )
    # Preferences > Devices > Import Whole History: the two older ones join the list.
    dialog = parts.open_preferences()
    dialog.tabs.setCurrentIndex(2)
    dialog.device_list.setCurrentRow(0)
    assert dialog.history_button.isEnabled()  # it is plugged in
    dialog.history_button.click()
    qtbot.waitUntil(lambda: len(rows(application)) == 3, timeout=WAIT_MS)
    qtbot.waitUntil(parts.handsfree.idle, timeout=WAIT_MS)
    assert RowStatus.UPLOADED not in rows(application).values()  # "list only" uploads nothing
    dialog.reject()
