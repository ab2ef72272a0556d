"""The upload list model holds to Qt's model contract while rows come, change and go; a change
repaints only its cells; rows keep summaries, not samples."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import DISPLAY_POINTS, Track
from st_desktop.ui.upload.model import (
    Column,
    RowRole,
    RowStatus,
    UploadListModel,
    UploadRow,
    format_distance,
)
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.services.upload_helpers import START, make_gpx, write_gpx

ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)

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


def test_a_change_signals_only_the_cells_it_changes(qtbot: QtBot, qtmodeltester: Any) -> None:
    model = UploadListModel()
    qtmodeltester.check(model)
    model.add(UploadRow("first.fit", "/a/first.fit", RowStatus.READY, item_id=1))
    row = model.add(UploadRow("ride.fit", "/a/ride.fit", RowStatus.READY, item_id=2))
    changes: list[tuple[int, int, int, list[int]]] = []

    def changed(top: QModelIndex, bottom: QModelIndex, roles: list[int]) -> None:
        changes.append((top.row(), top.column(), bottom.column(), list(roles)))

    model.dataChanged.connect(changed)

    # An upload step moves the bar: the status cell only, the row's other cells are left alone.
    model.update(row.row_id, progress=0.25, step="Sending…")
    assert changes == [(1, Column.STATUS, Column.STATUS, sorted([RowRole, ACCESSIBLE]))]
    changes.clear()
    model.update(row.row_id, progress=0.5)
    assert changes == [(1, Column.STATUS, Column.STATUS, [RowRole])]
    changes.clear()
    # The type: its column, and the name it suggests under the file name.
    model.update(row.row_id, type="Cycling: Road")
    assert [(c[1], c[2]) for c in changes] == [
        (Column.FILE, Column.FILE),
        (Column.SPORT, Column.SPORT),
    ]
    changes.clear()
    # The name: drawn under the file name; the same type again: nothing; fields no cell shows:
    # only the hidden Details column (nothing is repainted, but whoever follows the rows learns
    # of it).
    model.update(row.row_id, type="Cycling: Road", name="Sunday")
    assert changes == [(1, Column.FILE, Column.FILE, sorted([RowRole, TOOLTIP]))]
    changes.clear()
    model.update(
        row.row_id,
        type="Cycling: Road",
        name="Sunday",
        notes="Windy",
        upload_anyway=True,
        uris=("u",),
    )
    assert changes == [(1, Column.DETAILS, Column.DETAILS, [RowRole])]
    changes.clear()
    model.update(row.row_id, type="Cycling: Road", uris=("u",))
    assert changes == []
    # The status: its cell, the file name's coloured explanation and the hidden Details column.
    model.update(row.row_id, status=RowStatus.UPLOADED)
    assert [(c[1], c[2]) for c in changes] == [
        (Column.STATUS, Column.FILE),
        (Column.DETAILS, Column.DETAILS),
    ]
    assert all(c[0] == 1 for c in changes)


def test_a_row_keeps_the_summary_and_a_reduced_track(tmp_path: Path) -> None:
    from st_desktop.parsers.registry import parse_bytes

    data = make_gpx(START, points=3 * DISPLAY_POINTS, step_s=1)
    activity = parse_bytes(data, "long.gpx")
    track = Track.from_activity(activity)
    model = UploadListModel()
    row = model.add(UploadRow("long.gpx", "long.gpx"))
    model.update(row.row_id, activity=activity, track=track)
    assert row.activity is not None
    assert len(row.activity.streams) == 0  # the samples are not kept ...
    assert row.activity.start_time == activity.start_time  # ... what the list shows is
    assert row.activity.distance == activity.distance
    assert row.track is track.display
    assert len(row.track) <= DISPLAY_POINTS
    assert model.index(0, Column.DISTANCE).data() == format_distance(activity.distance)
