"""The upload list model holds to Qt's model contract while rows come, change and go."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.ui.upload.model import Column, RowStatus
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.services.upload_helpers import START, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)


def test_upload_list_passes_qtmodeltester_through_a_drop_and_a_removal(
    qtbot: QtBot, qtmodeltester: Any, pane: UploadPane, tmp_path: Path
) -> None:
    model = pane.model
    qtmodeltester.check(model)  # attached: every change below is checked as it happens
    files = [write_gpx(tmp_path, f"ride{i}.gpx", START + timedelta(days=i)) for i in range(4)]
    (tmp_path / "broken.gpx").write_text("<gpx>")
    drop(pane, [*files, tmp_path / "broken.gpx"])
    qtbot.waitUntil(lambda: settled(pane, 5), timeout=WAIT_MS)
    assert model.rowCount() == 5
    assert model.index(0, Column.FILE).data() == "ride0.gpx"
    pane.list.sortByColumn(Column.FILE, pane.list.horizontalHeader().sortIndicatorOrder())
    pane.controller.remove([r.row_id for r in model.rows() if r.status == RowStatus.ERROR])
    assert model.rowCount() == 4
    qtmodeltester.check(model)
