"""Fixing files in the preview before upload, with real drops, through to the sandbox account.

Each case is a synthetic file (tests/unit/parsers/gpxcraft.py) dropped on the pane, fixed with the
preview's own controls (previewStart, splitButton, trimButton, mergeButton), uploaded, and read
back from the sandbox: the workout arrives with the start, distance and streams the fix gave.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.domain.workout import Workout
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.settings import Keys, Settings
from st_desktop.ui.detail.charts import ChartsView
from st_desktop.ui.upload.fix_dialogs import SplitDialog
from st_desktop.ui.upload.fixes import FixActions
from st_desktop.ui.upload.model import RowStatus, UploadRow
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.parsers.gpxcraft import at, gpx, moving
from tests.unit.services.upload_helpers import sandbox_client

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)

LUCERNE = (47.05, 8.31)
ACCOUNT = "sandbox-fixes"


@pytest.fixture
def client(server: SandboxServer) -> SportTracksClient:
    return sandbox_client(server)


@pytest.fixture
def fixing(pane: UploadPane, client: SportTracksClient, tmp_path: Path) -> UploadPane:
    """The pane with its fixes, signed in to the sandbox."""
    settings = Settings(tmp_path / "settings.ini")
    FixActions(pane, settings)
    pane.controller.set_account(Account(ACCOUNT, "test", client))
    return pane


def dropped(qtbot: QtBot, pane: UploadPane, path: Path, count: int = 1) -> UploadRow:
    drop(pane, [path])
    qtbot.waitUntil(lambda: settled(pane, count), timeout=WAIT_MS)
    row = pane.model.rows()[-1]
    pane.select_row(row.row_id)
    return row


def replaced(qtbot: QtBot, pane: UploadPane, old: set[int], count: int) -> list[UploadRow]:
    """Wait for ``count`` rows, none of them one of ``old``, all read and checked."""

    def ready() -> bool:
        shown = pane.model.rows()
        return len(shown) == count and not old & {r.row_id for r in shown} and settled(pane, count)

    qtbot.waitUntil(ready, timeout=WAIT_MS)
    return pane.model.rows()


def upload_all(qtbot: QtBot, pane: UploadPane, client: SportTracksClient) -> list[Workout]:
    pane.list.clearSelection()
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS) as uploaded:
        qtbot.mouseClick(pane.upload_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: all(r.status == RowStatus.UPLOADED for r in pane.model.rows()), timeout=WAIT_MS
    )
    uris = [uri for row in pane.model.rows() for uri in row.uris]
    assert len(uris) == len(pane.model.rows()), uploaded.args
    workouts = [client.get_workout(uri) for uri in uris]
    return sorted(workouts, key=lambda w: w.start_time or datetime.min.replace(tzinfo=UTC))


def test_a_corrected_start_arrives_with_every_sample_moved(
    qtbot: QtBot, fixing: UploadPane, client: SportTracksClient, tmp_path: Path
) -> None:
    # A device without a clock: the ride says 1 Jan 2000. The user knows it was 1 June 2024.
    path = tmp_path / "no-clock.gpx"
    path.write_bytes(gpx([[moving(at("2000-01-01T00:00:00Z"), *LUCERNE, 1800)]]))
    row = dropped(qtbot, fixing, path)
    preview = fixing.preview
    start = preview.fixes.start_edit
    assert start.objectName() == "previewStart"
    assert start.isEnabled()
    assert "Europe/Zurich" in preview.fixes.zone_label.text()  # from the GPS position
    assert start.dateTime().time().hour() == 1  # 00:00 UTC is 01:00 in Lucerne in winter
    start.setFocus()
    start.setDateTime(QDateTime(QDate(2024, 6, 1), QTime(9, 30, 0)))
    start.editingFinished.emit()  # leaving the field, or Enter
    [fixed] = replaced(qtbot, fixing, {row.row_id}, 1)
    assert fixed.activity is not None
    assert fixed.activity.local_start.strftime("%Y-%m-%d %H:%M") == "2024-06-01 09:30"
    [workout] = upload_all(qtbot, fixing, client)
    assert workout.start_time == datetime(2024, 6, 1, 7, 30, tzinfo=UTC)  # 09:30 in Zurich
    assert workout.total_distance == pytest.approx(9000, rel=0.02)
    location = workout.stream("location")
    assert location is not None
    assert len(location.values) > 100


def test_a_file_of_three_days_is_split_into_three_workouts(
    qtbot: QtBot, fixing: UploadPane, client: SportTracksClient, tmp_path: Path
) -> None:
    starts = ("2024-06-01T08:00:00Z", "2024-06-02T09:13:20Z", "2024-06-04T17:31:40Z")
    lengths = (1800, 2400, 1500)  # 9, 12 and 7.5 km at 5 m/s
    path = tmp_path / "logger.gpx"
    path.write_bytes(
        gpx([[moving(at(s), *LUCERNE, seconds=n)] for s, n in zip(starts, lengths, strict=True)])
    )
    row = dropped(qtbot, fixing, path)
    assert row.status == RowStatus.WARNING  # three days in one file is not one ride
    assert "different days" in fixing.preview.status_note.text()
    button = fixing.preview.fixes.split_button
    assert button.objectName() == "splitButton"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = fixing.preview.findChild(SplitDialog)
    assert dialog is not None
    assert dialog.parts.text().startswith("3 workouts:")
    dialog.gap.setValue(4.0)  # the days alone cut it: still three
    assert dialog.parts.text().startswith("3 workouts:")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    pieces = replaced(qtbot, fixing, {row.row_id}, 3)
    assert [(p.status, p.message) for p in pieces] == [(RowStatus.READY, "")] * 3
    assert [p.display_name for p in pieces] == [f"logger ({n} of 3).fit" for n in (1, 2, 3)]
    workouts = upload_all(qtbot, fixing, client)
    assert [w.start_time for w in workouts] == [
        datetime.fromisoformat(s.replace("Z", "+00:00")) for s in starts
    ]
    for workout, seconds in zip(workouts, lengths, strict=True):
        assert workout.total_distance == pytest.approx(seconds * 5.0, rel=0.02)
        assert workout.duration == pytest.approx(seconds, abs=2)


def shift_drag(qtbot: QtBot, charts: ChartsView, begin: float, end: float) -> None:
    """Drag across the charts from ``begin`` to ``end`` (x values) with Shift held."""
    plots = charts.plots
    canvas = plots.canvas()
    start, stop = plots.point_at(begin), plots.point_at(end)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, start)
    for step in range(1, 5):  # a few moves on the way, as a hand makes them
        qtbot.mouseMove(canvas, start + (stop - start) * step / 4)
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, stop)


def test_a_trimmed_file_keeps_only_the_selected_range(
    qtbot: QtBot, fixing: UploadPane, client: SportTracksClient, tmp_path: Path
) -> None:
    # The recording ran on in the car: keep 10 to 40 minutes of the hour.
    path = tmp_path / "ran-on.gpx"
    path.write_bytes(gpx([[moving(at("2024-06-01T08:00:00Z"), *LUCERNE, 3600)]]))
    row = dropped(qtbot, fixing, path)
    preview = fixing.preview
    fixes = preview.fixes
    assert not fixes.trim_button.isEnabled()  # nothing selected yet
    charts = preview.charts
    qtbot.waitUntil(lambda: charts.track is not None and charts.chart_count() > 0)
    with qtbot.waitSignal(charts.selection_changed) as selected:
        shift_drag(qtbot, charts, 600.0, 2400.0)
    begin, end = selected.args[0]
    # A pixel is a few seconds of an hour on a chart this wide.
    assert (begin, end) == (pytest.approx(600, abs=15), pytest.approx(2400, abs=15))
    assert fixes.selection == (begin, end)
    assert fixes.trim_button.isEnabled()
    assert fixes.trim_button.objectName() == "trimButton"
    qtbot.mouseClick(fixes.trim_button, Qt.MouseButton.LeftButton)
    [trimmed] = replaced(qtbot, fixing, {row.row_id}, 1)
    assert trimmed.activity is not None
    assert trimmed.activity.elapsed_time == pytest.approx(end - begin, abs=10)
    assert charts.selection is None  # the new row starts without one
    assert not fixes.trim_button.isEnabled()
    [workout] = upload_all(qtbot, fixing, client)
    assert workout.start_time is not None
    assert workout.start_time.timestamp() == pytest.approx(
        at("2024-06-01T08:00:00Z") + begin, abs=10
    )
    assert workout.duration == pytest.approx(end - begin, abs=10)
    assert workout.total_distance == pytest.approx((end - begin) * 5.0, rel=0.02)
    location = workout.stream("location")
    assert location is not None
    assert len(location.values) == pytest.approx((end - begin) / 10, abs=2)  # a point every 10 s


def test_two_files_of_one_ride_are_merged_with_the_stop_as_a_pause(
    qtbot: QtBot, fixing: UploadPane, client: SportTracksClient, tmp_path: Path
) -> None:
    first = moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=1800)
    second = moving(at("2024-06-01T08:50:00Z"), first[-1][1] + 0.001, LUCERNE[1], seconds=1800)
    paths = []
    for name, points in (("part1.gpx", first), ("part2.gpx", second)):
        paths.append(tmp_path / name)
        paths[-1].write_bytes(gpx([[points]]))
    drop(fixing, paths)
    qtbot.waitUntil(lambda: settled(fixing, 2), timeout=WAIT_MS)
    fixing.list.selectAll()
    merge = fixing.preview.merge_button
    assert merge.objectName() == "mergeButton"
    assert merge.isVisible()
    assert merge.isEnabled()
    old = {r.row_id for r in fixing.model.rows()}
    qtbot.mouseClick(merge, Qt.MouseButton.LeftButton)
    [merged] = replaced(qtbot, fixing, old, 1)
    assert merged.activity is not None
    assert [round(p.duration) for p in merged.activity.pauses] == [1200]
    [workout] = upload_all(qtbot, fixing, client)
    assert workout.start_time == datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
    assert workout.total_distance == pytest.approx(18_000, rel=0.02)
    assert workout.clock_duration == pytest.approx(3600 + 1200, abs=2)


def test_rows_that_cannot_be_merged_say_why(
    qtbot: QtBot, fixing: UploadPane, tmp_path: Path
) -> None:
    ride = moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=1800)
    run = moving(at("2024-06-01T09:00:00Z"), *LUCERNE, seconds=1800)
    (tmp_path / "ride.gpx").write_bytes(gpx([[ride]], sport="cycling"))
    (tmp_path / "run.gpx").write_bytes(gpx([[run]], sport="running"))
    drop(fixing, [tmp_path / "ride.gpx", tmp_path / "run.gpx"])
    qtbot.waitUntil(lambda: settled(fixing, 2), timeout=WAIT_MS)
    fixing.list.selectAll()
    assert not fixing.preview.merge_button.isEnabled()
    reason = fixing.preview.selection.reason
    assert reason.isVisible()
    assert (
        reason.text()
        == "Only recordings of one sport can be merged; these are Cycling and Running."
    )


def test_the_split_gap_is_remembered(qtbot: QtBot, pane: UploadPane, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "settings.ini")
    settings.set(Keys.SPLIT_GAP_HOURS, 5.0)
    FixActions(pane, settings)
    starts = ("2024-06-01T06:00:00Z", "2024-06-01T12:30:00Z")
    path = tmp_path / "day.gpx"
    path.write_bytes(gpx([[moving(at(s), *LUCERNE, seconds=1800) for s in starts]]))
    dropped(qtbot, pane, path)
    qtbot.mouseClick(pane.preview.fixes.split_button, Qt.MouseButton.LeftButton)
    dialog = pane.preview.findChild(SplitDialog)
    assert dialog is not None
    assert dialog.gap.value() == 5.0
    assert dialog.parts.text().startswith("2 workouts:")  # the 6 h hole
    dialog.gap.setValue(8.0)
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert "nothing to cut" in dialog.parts.text()
    dialog.gap.setValue(3.0)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.get(Keys.SPLIT_GAP_HOURS) == 3.0
