"""The upload list a user reads at 1024 px: elided names with tooltips, buttons that stay put,
one sentence per drop, every duplicate reason, Clear Uploaded, Show in Table, batch progress."""

from __future__ import annotations

import shutil
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.store.uploads import ItemState
from st_desktop.ui.upload.delegate import elided_detail, elided_name
from st_desktop.ui.upload.list_view import HIDE_ORDER
from st_desktop.ui.upload.model import Column, DetailRole, RowStatus
from st_desktop.ui.upload.notice import Notice
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled
from tests.unit.services.upload_helpers import START, make_gpx, sandbox_client, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
ACCOUNT = "sandbox-qt"
TIP = Qt.ItemDataRole.ToolTipRole
#: The width the pane gets in a 1024 px window beside the workout table and the editor.
PANE_AT_1024 = 420
LONG_NAME = "fp_2019-02-17-062644-ELEMNT-297E-195-0-with-a-long-device-suffix.gpx"


def _files(folder: Path, count: int, prefix: str = "ride") -> list[Path]:
    folder.mkdir(exist_ok=True)
    return [
        write_gpx(folder, f"{prefix}{i}.gpx", START + timedelta(days=i, minutes=3 * i))
        for i in range(count)
    ]


def _cell(pane: UploadPane, name: str, column: Column, role: int = Qt.ItemDataRole.DisplayRole):
    position = pane.model.position(rows(pane)[name].row_id)
    return pane.model.index(position, column).data(role)


def test_readable_at_the_width_of_a_1024_px_window(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path, test_data: Path
) -> None:
    paused = tmp_path / "fp_nick_truncated.fit"  # 4 h 38 min recorded, 3 h 59 min moving
    shutil.copy(test_data / "fit/fp_nick_truncated.fit", paused)
    long = write_gpx(tmp_path, LONG_NAME, START)
    # The list at the width it has in the pane at 1024 px (the preview's own minimum is
    # test_the_pane_fits_beside_the_table_at_1024_px's business).
    pane.preview.hide()
    pane.resize(PANE_AT_1024, 700)
    drop(pane, [long, paused])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    view = pane.list
    view.fit_columns()
    # No sideways scrolling: the figure columns the width cannot hold stepped aside, in order.
    assert view.horizontalScrollBar().maximum() == 0
    hidden = view.stepped_aside()
    assert hidden  # 420 px cannot hold every column
    for _ in range(3):  # asked again (a scroll bar comes and goes): the same columns, no flicker
        view.make_room()
        assert view.stepped_aside() == hidden
    assert list(hidden) == [c for c in HIDE_ORDER if c in hidden]  # Type goes first
    assert Column.DISTANCE not in hidden
    assert Column.START not in hidden
    # The file name keeps room enough to tell files apart: its start and its end.
    width = view.columnWidth(Column.FILE)
    assert width >= view.file_room()
    shown = elided_name(LONG_NAME, view.fontMetrics(), width - 8)
    assert shown.startswith("fp_2019")
    assert shown.endswith(".gpx")
    assert "…" in shown
    assert len(shown) >= 14
    # Every figure shown fits its column whole.
    metrics = view.fontMetrics()
    for column in (Column.START, Column.SPORT, Column.DURATION, Column.DISTANCE):
        if view.isColumnHidden(column):
            continue
        for name in (LONG_NAME, paused.name):
            for line in str(_cell(pane, name, column) or "").splitlines():
                assert metrics.horizontalAdvance(line) < view.columnWidth(column), (column, line)
    # Reasons are elided at the end; the tooltip has the whole story.
    detail = str(_cell(pane, paused.name, Column.FILE, DetailRole))
    assert detail.startswith("The file is cut short after 4 h 38 min")
    short = elided_detail(detail, QFontMetrics(view.font()), width - 8)
    assert short.endswith("…")
    assert detail.startswith(short[:-1])
    tip = str(_cell(pane, paused.name, Column.FILE, TIP))
    assert str(paused) in tip
    assert detail in tip
    assert str(tmp_path / LONG_NAME) in str(_cell(pane, LONG_NAME, Column.START, TIP))
    # Wider (a 1440 px window): every figure column is back.
    pane.resize(720, 700)
    qtbot.waitUntil(lambda: not view.stepped_aside(), timeout=WAIT_MS)
    assert view.horizontalScrollBar().maximum() == 0


def test_the_pane_fits_beside_the_table_at_1024_px(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    drop(pane, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    for selected in (False, True):  # the preview's empty state, and a file shown
        if selected:
            pane.select_row(pane.model.rows()[0].row_id)
        # 1024 px = the sidebar, the table and editor (about 470 px at least), the splitter
        # handle and this pane.
        assert pane.minimumSizeHint().width() <= PANE_AT_1024 + 20, selected


def test_the_list_and_its_buttons_never_widen_the_window(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    top = pane.splitter.widget(0)  # everything but the preview
    before = top.minimumSizeHint().width()
    # A long sentence and many rows wrap or elide instead of widening the pane.
    pane.notice.show_notice(Notice("word " * 80, ("a.gpx",) * 40))
    pane.notice.show_details()
    drop(pane, [write_gpx(tmp_path, LONG_NAME, START)])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    assert top.minimumSizeHint().width() == before
    # The buttons may shrink to their text: the list, the buttons and the status line need
    # far less than the 420 px the pane has in a 1024 px window.
    assert before <= 320


def test_buttons_stay_in_their_place_and_are_disabled_not_hidden(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    empty = tmp_path / "empty.fit"
    empty.write_bytes(b"")
    drop(pane, [*_files(tmp_path / "in", 2), empty])
    qtbot.waitUntil(lambda: settled(pane, 3), timeout=WAIT_MS)
    names = ("uploadButton", "uploadCancel", "uploadRemove", "uploadClearUploaded")
    buttons = [pane.findChild(QPushButton, name) for name in names]

    def places() -> dict[str, QPoint]:
        return {b.objectName(): b.mapTo(pane, QPoint(0, 0)) for b in buttons}

    first = places()
    for selection in (["ride0.gpx"], ["empty.fit"], [], ["ride0.gpx", "ride1.gpx"]):
        pane.list.clearSelection()
        for name in selection:
            row = rows(pane)[name]
            pane.list.selectRow(pane.model.position(row.row_id))
        pane.notice.show_notice(Notice("A sentence. " * 12))
        # The preview follows the selection (one row shown, else its empty state), then the
        # layouts take in the new sizes.
        selected = pane.selected_rows()
        shown = selected[0].row_id if len(selected) == 1 else None
        qtbot.waitUntil(
            lambda shown=shown: (
                pane.preview.current_row_id() == shown
                and pane.preview.is_empty() == (shown is None)
            ),
            timeout=WAIT_MS,
        )
        QApplication.processEvents()
        assert places() == first, selection
        assert all(b.isVisible() for b in buttons)
    pane.list.clearSelection()
    assert not pane.remove_button.isEnabled()  # nothing selected: disabled, still there
    assert not pane.clear_button.isEnabled()  # nothing uploaded
    assert not pane.cancel_button.isEnabled()


def test_dropping_files_again_is_one_sentence_naming_them_all(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    files = _files(tmp_path / "first", 5)
    drop(pane, files)
    qtbot.waitUntil(lambda: settled(pane, 5), timeout=WAIT_MS)
    assert pane.status_label.text() == ""
    drop(pane, files)  # all five again
    qtbot.waitUntil(
        lambda: pane.status_label.text() == "5 files are already in the list.", timeout=WAIT_MS
    )
    assert len(pane.model.rows()) == 5
    assert pane.notice.notice.details == tuple(f.name for f in files)
    assert "ride4.gpx" in pane.status_label.toolTip()
    qtbot.mouseClick(pane.notice.toggle, Qt.MouseButton.LeftButton)
    assert pane.notice.details.isVisible()
    assert all(f.name in pane.notice.details.text() for f in files)

    # Archive members and folder files already listed are counted too, never dropped silently.
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(files[0], "export/ride0.gpx")
        zf.writestr("export/new.gpx", make_gpx(START + timedelta(days=30)))
    folder = tmp_path / "watch"
    folder.mkdir()
    shutil.copy(files[1], folder / "ride1.gpx")
    drop(pane, [archive, folder])
    qtbot.waitUntil(
        lambda: pane.status_label.text() == "2 of the 3 files are already in the list.",
        timeout=WAIT_MS,
    )
    assert set(pane.notice.notice.details) == {"ride0.gpx", "ride1.gpx"}
    assert "new.gpx" in rows(pane)
    assert not pane.notice.details.isVisible()  # a new sentence starts closed


def test_a_sentence_about_the_list_goes_when_the_list_is_emptied(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    ride = write_gpx(tmp_path, "tr_mapmyride_biking.gpx", START)
    drop(pane, [ride])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    drop(pane, [ride])
    qtbot.waitUntil(
        lambda: pane.status_label.text() == "tr_mapmyride_biking.gpx is already in the list.",
        timeout=WAIT_MS,
    )
    assert pane.notice.isVisible()
    assert not pane.notice.toggle.isVisible()  # the one name is in the sentence
    pane.list.selectAll()
    pane.remove_selected()
    assert pane.model.rowCount() == 0
    assert pane.status_label.text() == ""
    assert not pane.notice.isVisible()
    assert pane.hint.isVisible()


def test_every_duplicate_reason_can_be_read(qtbot: QtBot, pane: UploadPane, tmp_path: Path) -> None:
    # Three recordings of one ride (each device names it differently): the last one matches both.
    for name in ("watch", "phone", "bike"):
        (tmp_path / f"{name}.gpx").write_bytes(make_gpx(START, name=f"Ride by {name}"))
    drop(pane, [tmp_path / f"{name}.gpx" for name in ("watch", "phone", "bike")])
    qtbot.waitUntil(lambda: settled(pane, 3), timeout=WAIT_MS)
    bike = rows(pane)["bike.gpx"]
    assert bike.status == RowStatus.DUPLICATE
    assert len(bike.duplicate_reasons) == 2
    assert "more)" not in bike.message
    assert bike.message.startswith("2 reasons it may be there already. Already in this list:")
    tip = str(_cell(pane, "bike.gpx", Column.FILE, TIP))
    for reason in bike.duplicate_reasons:
        assert reason in tip
    assert "'watch.gpx'" in tip
    assert "'phone.gpx'" in tip
    # From the row's menu (the keyboard's menu key too): every reason, listed.
    menu = pane.context_menu(bike)
    [show_all] = [a for a in menu.actions() if a.objectName() == "uploadShowReasonsAction"]
    assert show_all.text() == "Show All 2 Reasons"
    show_all.trigger()
    assert pane.notice.details.isVisible()
    for reason in bike.duplicate_reasons:
        assert reason in pane.notice.details.text()


def _signed_in(pane: UploadPane, server: SandboxServer) -> None:
    pane.controller.set_account(Account(ACCOUNT, "test", sandbox_client(server)))


def test_clear_uploaded_and_show_in_table(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    _signed_in(pane, server)
    drop(pane, _files(tmp_path / "in", 2))
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    first = rows(pane)["ride0.gpx"]
    pane.select_row(first.row_id)
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS) as uploaded:
        pane.upload_selected_or_all()
    qtbot.waitUntil(lambda: first.status == RowStatus.UPLOADED, timeout=WAIT_MS)
    [uri] = uploaded.args[0]
    assert first.uris == (uri,)
    # Double-click (or Enter) on the uploaded row: its workout, for the table to select.
    position = pane.model.position(first.row_id)
    centre = pane.list.visualRect(pane.model.index(position, Column.FILE)).center()
    viewport = pane.list.viewport()
    with qtbot.waitSignal(pane.show_workout_requested, timeout=2000) as shown:
        # A double-click as the system sends it: a click, then the double-click.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert shown.args == [uri]
    menu_texts = [a.text() for a in pane.context_menu(first).actions()]
    assert "&Show in Table" in menu_texts
    other = rows(pane)["ride1.gpx"]
    assert "&Show in Table" not in [a.text() for a in pane.context_menu(other).actions()]
    with qtbot.assertNotEmitted(pane.show_workout_requested):
        pane.show_in_table(other)  # not uploaded: no workout to show

    # Clear Uploaded (Ctrl+Shift+Del): the uploaded row leaves the list, the archive keeps it.
    assert pane.clear_button.isEnabled()
    pane.list.setFocus()
    qtbot.keyClick(
        pane.list,
        Qt.Key.Key_Delete,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert [r.display_name for r in pane.model.rows()] == ["ride1.gpx"]
    assert not pane.clear_button.isEnabled()
    store = pane.controller.service.store
    qtbot.waitUntil(lambda: len(store.items()) == 1, timeout=WAIT_MS)
    archived = [i for i in store.items(include_archived=True) if i.display_name == "ride0.gpx"]
    assert [(i.state, i.uris) for i in archived] == [(ItemState.UPLOADED, (uri,))]


def test_a_batch_shows_its_overall_progress(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    _signed_in(pane, server)
    drop(pane, _files(tmp_path / "in", 3))
    qtbot.waitUntil(lambda: settled(pane, 3), timeout=WAIT_MS)
    assert not pane.progress.isVisible()  # idle: no bar
    seen: list[tuple[int, int, bool, str]] = []
    pane.controller.batch_progress.connect(
        lambda done, total: seen.append(
            (done, total, pane.progress.isVisible(), pane.progress.format())
        )
    )
    with qtbot.waitSignal(pane.controller.upload_finished, timeout=WAIT_MS):
        pane.upload_selected_or_all()
    assert pane.progress.objectName() == "batchProgress"
    running = [s for s in seen if s[1]]
    assert [s[0] for s in running] == [0, 1, 2, 3]
    assert all(s[1] == 3 and s[2] for s in running)
    assert [s[3] for s in running[:3]] == [f"Uploading {n} of 3" for n in (1, 2, 3)]
    assert seen[-1][:3] == (0, 0, False)  # the run is over: hidden again
    assert not pane.progress.isVisible()


def test_plain_sentences_show_too_and_a_notice_keeps_its_details(pane: UploadPane) -> None:
    pane.controller.say("2 of the 3 files are already in the list.", ["a.gpx", "b.gpx"])
    assert pane.status_label.text() == "2 of the 3 files are already in the list."
    assert pane.notice.toggle.isVisible()  # said once, with its names: not overwritten
    # What other parts of the pane say (the fixes: "Split ride.gpx into 3 files.").
    pane.controller.status_changed.emit("Split ride.gpx into 3 files.")
    assert pane.status_label.text() == "Split ride.gpx into 3 files."
    assert not pane.notice.toggle.isVisible()
