"""The real app over damaged, newer or unwritable stores: it opens, says so, loses nothing."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.application import Application
from st_desktop.paths import resolve_paths
from st_desktop.store.uploads import UploadStore
from st_desktop.ui.upload.model import RowStatus
from tests.doubles import MemoryKeyring
from tests.unit.services.upload_helpers import START, make_gpx


def start(qtbot: QtBot, base: Path) -> Application:
    application = create_application(["--basedir", str(base)], keyring_backend=MemoryKeyring())
    qtbot.addWidget(application.window)
    return application


def queue_two_files(base: Path) -> None:
    store = UploadStore(resolve_paths(base).ensure().data)
    for day in (1, 2):
        start = START.replace(day=day, minute=10 * day)
        store.add_bytes(make_gpx(start), f"ride {day}.gpx", "test")
    store.close()


@pytest.mark.expect_log("damaged")
def test_random_bytes_in_both_stores_are_set_aside_and_the_files_listed_again(
    qtbot: QtBot, tmp_path: Path
) -> None:
    base = tmp_path / "base"
    queue_two_files(base)
    data = resolve_paths(base).data
    (data / "uploads.sqlite3").write_bytes(os.urandom(8192))
    (data / "cache.sqlite3").write_bytes(os.urandom(8192))
    application = start(qtbot, base)
    text = application.window.message_area.text()
    assert "workout cache was damaged and has been rebuilt" in text
    assert "upload" in text.lower()
    model = application.upload.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(
        lambda: all(r.status == RowStatus.READY for r in model.rows()), timeout=10_000
    )  # each copy in the inbox read again
    aside = sorted(p.name.split(".damaged")[0] for p in data.glob("*.damaged-*"))
    assert aside == ["cache.sqlite3", "uploads.sqlite3"]  # kept, never deleted
    application.shutdown(5.0)


@pytest.mark.expect_log("newer")
def test_a_queue_from_a_newer_version_is_read_only_and_says_so(
    qtbot: QtBot, tmp_path: Path
) -> None:
    base = tmp_path / "base"
    queue_two_files(base)
    path = resolve_paths(base).data / "uploads.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version=99")
    application = start(qtbot, base)
    assert "newer" in application.window.message_area.text()
    qtbot.waitUntil(lambda: application.upload.model.rowCount() == 2, timeout=10_000)
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == 99  # never rewritten
    application.shutdown(5.0)


@pytest.mark.expect_log("cannot be opened", "could not be created", "cannot write")
def test_a_data_folder_that_cannot_be_written_still_opens_the_window(
    qtbot: QtBot, tmp_path: Path
) -> None:
    base = tmp_path / "base"
    base.mkdir()
    (base / "data").write_text("a file where the data folder should be")  # like a full disk
    application = start(qtbot, base)
    assert "cannot write" in application.window.message_area.text()
    ride = tmp_path / "ride.gpx"
    ride.write_bytes(make_gpx(START))
    application.upload.add_paths([ride])
    model = application.upload.model
    qtbot.waitUntil(
        lambda: model.rowCount() == 1 and model.rows()[0].status == RowStatus.ERROR,
        timeout=10_000,
    )
    assert model.rows()[0].message  # the reason, on the row
    assert not (base / "data").is_dir()  # nothing half-written
    application.shutdown(5.0)
