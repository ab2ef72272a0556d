"""What the upload list says: names users know, which time is which, sentences that read, and
status colours that read on a dark palette too."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from pytestqt.qtbot import QtBot

from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.ui import theme
from st_desktop.ui.upload.model import Column, RowStatus, UploadListModel, UploadRow
from st_desktop.ui.upload.pane import UploadPane
from st_desktop.ui.upload.texts import join_sentences, status_sentence
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled
from tests.unit.services.upload_helpers import make_gpx, sandbox_client

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
#: 15:40 UTC: evening in Ljubljana (17:40 in summer), where the test tracks are.
EVENING_THERE = datetime(2024, 7, 4, 15, 40, tzinfo=UTC)


def test_an_unnamed_ride_is_shown_and_uploaded_as_evening_ride(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    pane.controller.set_account(Account("sandbox-qt", "test", sandbox_client(server)))
    (tmp_path / "unnamed.gpx").write_bytes(make_gpx(EVENING_THERE, name=None))
    (tmp_path / "named.gpx").write_bytes(
        make_gpx(EVENING_THERE.replace(day=9, minute=5), name="Lake loop")
    )
    drop(pane, [tmp_path / "unnamed.gpx", tmp_path / "named.gpx"])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    unnamed, named = rows(pane)["unnamed.gpx"], rows(pane)["named.gpx"]
    # The preview's placeholder reads this; the row shows it under the file name, in italics.
    assert (unnamed.suggested_name, unnamed.upload_name) == ("Evening Ride", "Evening Ride")
    assert unnamed.name_is_suggested
    assert (named.suggested_name, named.upload_name, named.name_is_suggested) == (
        None,
        "Lake loop",
        False,
    )
    position = pane.model.position(unnamed.row_id)
    assert "Name: Evening Ride (suggested)" in pane.model.index(position, Column.FILE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    # Running picked in the preview: the suggestion follows, in the queue too.
    pane.controller.set_edits(unnamed.row_id, None, "Running", None)
    assert unnamed.suggested_name == "Evening Run"
    store = pane.controller.service.store
    assert unnamed.item_id is not None
    qtbot.waitUntil(
        lambda: store.get(unnamed.item_id).suggested_name == "Evening Run", timeout=WAIT_MS
    )
    with qtbot.waitSignal(pane.controller.upload_finished, timeout=WAIT_MS):
        pane.upload_selected_or_all()
    client = sandbox_client(server)
    names = {r.display_name: client.get_workout(r.uris[0]).name for r in pane.model.rows()}
    assert names == {"unnamed.gpx": "Evening Run", "named.gpx": "Lake loop"}


def test_the_time_shown_is_the_moving_time_and_says_so(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path, test_data: Path
) -> None:
    paused = tmp_path / "fp_nick_truncated.fit"
    shutil.copy(test_data / "fit/fp_nick_truncated.fit", paused)
    drop(pane, [paused])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    model = pane.model
    header = model.headerData(Column.DURATION, Qt.Orientation.Horizontal)
    tip = model.headerData(Column.DURATION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert header == "Moving"
    assert tip.startswith("Moving time: how long the timer ran, pauses left out")
    cell = model.index(0, Column.DURATION)
    assert cell.data() == "3:59:43"  # the table's Moving time will say the same
    assert cell.data(Qt.ItemDataRole.AccessibleTextRole) == "Moving time 3:59:43"
    assert "Moving 3:59:43, elapsed 4:38:44 (pauses included)" in cell.data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_sentences_are_joined_as_sentences_and_a_status_is_said_once() -> None:
    assert (
        join_sentences(
            ["3 trackpoints without a time were left out.", "Implausible values were ignored"]
        )
        == "3 trackpoints without a time were left out. Implausible values were ignored."
    )
    skipped = UploadRow(
        "export.zip",
        "export.zip",
        RowStatus.SKIPPED,
        message="Skipped 1 file in this archive that is not FIT, TCX or GPX.",
    )
    assert status_sentence(skipped) == skipped.message  # not "Skipped: Skipped 1 file…"
    error = UploadRow("empty.fit", "empty.fit", RowStatus.ERROR, message="This file is empty.")
    assert status_sentence(error) == "Error: This file is empty."


def test_row_details_never_glue_sentences_with_semicolons(
    qtbot: QtBot, pane: UploadPane, test_data: Path
) -> None:
    drop(pane, [test_data / "gpx/gx_cerknicko-jezero.gpx"])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    [row] = pane.model.rows()
    assert row.status == RowStatus.WARNING
    details = pane.model.index(0, Column.DETAILS).data()
    assert ".; " not in details
    assert details.count("A new track starts") == 3
    assert ". A new track starts" in details


def _foreground(model: UploadListModel, column: Column = Column.STATUS) -> QBrush:
    brush = model.index(0, column).data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush)
    return brush


def test_status_colours_follow_a_switch_to_dark(qtbot: QtBot, pane: UploadPane) -> None:
    model = pane.model
    model.add(UploadRow("bad.fit", "bad.fit", RowStatus.ERROR, message="This file is empty."))
    light = QPalette(pane.list.palette())
    assert not theme.is_dark(light)
    assert _foreground(model).color() == theme.LIGHT_COLOURS.error
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pane.list.setPalette(theme.dark_palette())  # the view is told; the model repaints
    assert _foreground(model).color() == theme.DARK_COLOURS.error
    assert _foreground(model, Column.DETAILS).color() == theme.DARK_COLOURS.error
    pane.list.setPalette(light)
    assert _foreground(model).color() == theme.LIGHT_COLOURS.error
