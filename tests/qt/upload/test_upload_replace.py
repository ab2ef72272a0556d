"""A fixed file's new rows take the place of its row in the list, not the end of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from st_desktop.settings import Settings
from st_desktop.ui.upload.fix_dialogs import SplitDialog
from st_desktop.ui.upload.fixes import FixActions
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.parsers.gpxcraft import at, gpx, moving

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
LUCERNE = (47.05, 8.31)


def test_split_pieces_stand_where_the_file_stood(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    FixActions(pane, Settings(tmp_path / "settings.ini"))
    first, logger, last = tmp_path / "a.gpx", tmp_path / "logger.gpx", tmp_path / "z.gpx"
    first.write_bytes(gpx([[moving(at("2024-05-01T08:00:00Z"), *LUCERNE, seconds=600)]]))
    logger.write_bytes(
        gpx(
            [
                [moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=900)],
                [moving(at("2024-06-02T09:00:00Z"), *LUCERNE, seconds=900)],
            ]
        )
    )
    last.write_bytes(gpx([[moving(at("2024-07-01T08:00:00Z"), *LUCERNE, seconds=600)]]))
    drop(pane, [first, logger, last])
    qtbot.waitUntil(lambda: settled(pane, 3), timeout=WAIT_MS)
    assert [r.display_name for r in pane.model.rows()] == ["a.gpx", "logger.gpx", "z.gpx"]
    row = pane.model.rows()[1]
    pane.select_row(row.row_id)
    pane.preview.fixes.split_button.click()
    dialog = pane.preview.findChild(SplitDialog)
    assert dialog is not None
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    def pieces_in() -> bool:
        return len(pane.model.rows()) == 4 and settled(pane, 4)

    qtbot.waitUntil(pieces_in, timeout=WAIT_MS)
    assert [r.display_name for r in pane.model.rows()] == [
        "a.gpx",
        "logger (1 of 2).fit",
        "logger (2 of 2).fit",
        "z.gpx",
    ]
