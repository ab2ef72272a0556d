"""The upload pane with real drops (QDropEvent with file URLs) against the sandbox on loopback."""

from __future__ import annotations

import gzip
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent
from PySide6.QtWidgets import QApplication, QHeaderView
from pytestqt.qtbot import QtBot

from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import ItemState, UploadStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.delegate import UploadRowDelegate
from st_desktop.ui.upload.model import Column, RowStatus
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled
from tests.unit.services.upload_helpers import START, make_gpx, sandbox_client, write_gpx

ACCOUNT = "sandbox-qt"
pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)


def test_batch_drop_gives_each_file_its_status(qtbot: QtBot, pane, tmp_path: Path) -> None:
    good = write_gpx(tmp_path, "morning.gpx", START)
    folder = tmp_path / "watch"
    folder.mkdir()
    write_gpx(folder, "evening.gpx", START + timedelta(hours=10, minutes=7))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8")
    gz = tmp_path / "night.gpx.gz"
    gz.write_bytes(gzip.compress(make_gpx(START + timedelta(hours=14, minutes=21))))
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a/noon.gpx", make_gpx(START + timedelta(hours=5, minutes=33)))
        zf.writestr("a/broken.tcx", b"<TrainingCenterDatabase><Activities>")
    empty = tmp_path / "empty.fit"
    empty.write_bytes(b"")
    notes = tmp_path / "notes.txt"
    notes.write_text("not an activity")

    event = drop(pane, [good, folder, gz, archive, empty, notes])
    assert event.dropAction() == Qt.DropAction.CopyAction  # never move the user's files
    qtbot.waitUntil(lambda: settled(pane) and len(pane.model.rows()) == 8, timeout=WAIT_MS)
    got = rows(pane)
    for name in ("morning.gpx", "evening.gpx", "night.gpx", "noon.gpx"):
        assert got[name].status == RowStatus.READY, (name, got[name].message)
    assert got["morning.gpx"].activity is not None
    assert got["broken.tcx"].status == RowStatus.ERROR
    assert got["empty.fit"].status == RowStatus.ERROR
    assert got["empty.fit"].message == "This file is empty."
    assert got["notes.txt"].status == RowStatus.ERROR
    assert "not a FIT, TCX or GPX" in got["notes.txt"].message
    assert got["watch/"].status == RowStatus.SKIPPED
    assert "Skipped 1 file" in got["watch/"].message
    # Each row's file was copied into the queue before it was parsed.
    assert len(pane.controller.service.store.items()) == 7


def test_upload_with_edited_metadata_reaches_the_account(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    pane.controller.set_account(Account(ACCOUNT, "test", sandbox_client(server)))
    drop(pane, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane), timeout=WAIT_MS)
    row = pane.model.rows()[0]
    assert row.status == RowStatus.READY
    pane.select_row(row.row_id)
    preview = pane.preview
    preview.name_edit.setText("Sunday loop")  # still typing: no editingFinished yet
    preview.type_picker.set_wire_type("Cycling: Road")
    preview.type_picker.type_changed.emit(preview.type_picker.wire_type())
    preview.notes_edit.setPlainText("Windy")
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS) as uploaded:
        qtbot.mouseClick(pane.upload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: pane.status_label.text() == "1 uploaded.", timeout=WAIT_MS)
    [uri] = uploaded.args[0]
    workout = sandbox_client(server).get_workout(uri)
    assert (workout.name, workout.type, workout.notes) == ("Sunday loop", "Cycling: Road", "Windy")
    assert pane.model.rows()[0].status == RowStatus.UPLOADED
    assert server.workout_count() == 1


def test_duplicate_is_explained_skipped_by_default_and_overridable(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    client = sandbox_client(server)
    client.upload_file(make_gpx(START), "GPX", "Morning ride")
    pane.controller.set_account(Account(ACCOUNT, "test", client))
    drop(pane, [write_gpx(tmp_path, "again.gpx", START)])
    qtbot.waitUntil(
        lambda: bool(pane.model.rows()) and pane.model.rows()[0].status == RowStatus.DUPLICATE,
        timeout=WAIT_MS,
    )
    row = pane.model.rows()[0]
    assert row.message == (
        "Already in SportTracks: 'Morning ride', same start 09:12:05, distance within 0.0 %"
    )
    pane.select_row(row.row_id)
    assert pane.preview.duplicate_box.isVisible()
    assert pane.preview.skip_button.isChecked()  # the default is Skip
    pane.upload_selected_or_all()
    qtbot.waitUntil(lambda: pane.model.rows()[0].status == RowStatus.SKIPPED, timeout=WAIT_MS)
    assert server.workout_count() == 1
    # Upload anyway: the user decides it is another workout.
    row = pane.model.rows()[0]
    pane.controller.model.update(row.row_id, status=RowStatus.DUPLICATE)
    pane.select_row(row.row_id)
    pane.preview.anyway_button.setChecked(True)
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS):
        pane.upload_selected_or_all()
    assert server.workout_count() == 2


def test_queue_survives_a_restart(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path, server: SandboxServer
) -> None:
    first_store = UploadStore(tmp_path / "restart")
    first = UploadPane(UploadController(UploadService(first_store), runner))
    qtbot.addWidget(first)
    drop(first, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(first), timeout=WAIT_MS)
    first.upload_selected_or_all()  # not signed in: it waits
    qtbot.waitUntil(lambda: first_store.items()[0].state == ItemState.QUEUED, timeout=WAIT_MS)
    assert "sign-in" in first.model.rows()[0].message
    runner.wait_for_done(5)
    first_store.close()

    store = UploadStore(tmp_path / "restart")
    second = UploadPane(UploadController(UploadService(store), runner))
    qtbot.addWidget(second)
    second.controller.restore()
    qtbot.waitUntil(lambda: len(second.model.rows()) == 1, timeout=WAIT_MS)
    assert second.model.rows()[0].status == RowStatus.QUEUED
    second.controller.set_account(Account(ACCOUNT, "test", sandbox_client(server)))
    qtbot.waitUntil(lambda: second.model.rows()[0].status == RowStatus.UPLOADED, timeout=WAIT_MS)
    assert server.workout_count() == 1
    store.close()


def test_delete_key_removes_selected_rows(qtbot: QtBot, pane: UploadPane, tmp_path: Path) -> None:
    drop(pane, [write_gpx(tmp_path, f"r{i}.gpx", START + timedelta(hours=i)) for i in range(2)])
    qtbot.waitUntil(lambda: settled(pane) and len(pane.model.rows()) == 2, timeout=WAIT_MS)
    pane.select_row(pane.model.rows()[0].row_id)
    pane.list.setFocus()
    qtbot.keyClick(pane.list, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(pane.controller.service.store.items()) == 1, timeout=WAIT_MS)
    assert [r.display_name for r in pane.model.rows()] == ["r1.gpx"]


def test_drag_of_remote_urls_is_refused(pane: UploadPane) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.com/ride.fit")])
    enter = QDragEnterEvent(
        QPoint(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(pane, enter)
    assert not enter.isAccepted()


def test_a_big_drop_never_measures_the_rows(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    measured: list[int] = []
    size_hint = UploadRowDelegate.sizeHint

    def counting(self: UploadRowDelegate, option: object, index: object) -> object:
        measured.append(1)
        return size_hint(self, option, index)  # type: ignore[arg-type]

    monkeypatch.setattr(UploadRowDelegate, "sizeHint", counting)
    files = [
        write_gpx(tmp_path, f"ride{i}.gpx", START + timedelta(days=i, minutes=7 * i))
        for i in range(24)
    ]
    header = pane.list.horizontalHeader()
    assert QHeaderView.ResizeMode.ResizeToContents not in {
        header.sectionResizeMode(column) for column in Column
    }
    mtb = files[-1]
    mtb.write_bytes(mtb.read_bytes().replace(b"<type>cycling</type>", b"<type>mtb</type>"))
    drop(pane, files)
    qtbot.waitUntil(lambda: settled(pane, 24), timeout=WAIT_MS)
    assert measured == []  # widths come from the font, heights are fixed
    # The Type column was fitted to the sports listed (in two lines), once the batch was read.
    assert rows(pane)[mtb.name].sport == "Cycling: Mountain"
    widest = pane.list.fontMetrics().horizontalAdvance("Mountain")
    qtbot.waitUntil(lambda: pane.list.columnWidth(Column.SPORT) > widest, timeout=WAIT_MS)
    # A width the user chose stays.
    pane.list.horizontalHeader().resizeSection(Column.SPORT, 300)
    drop(pane, [write_gpx(tmp_path, "late.gpx", START + timedelta(days=40))])
    qtbot.waitUntil(lambda: settled(pane, 25), timeout=WAIT_MS)
    assert pane.list.columnWidth(Column.SPORT) == 300
