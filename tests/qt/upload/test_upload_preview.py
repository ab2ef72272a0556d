"""The preview of a dropped file (its full samples read again only while it is shown), the rows'
explanations, and the words of an upload run."""

from __future__ import annotations

import gc
import math
import weakref
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import DISPLAY_POINTS
from st_desktop.ui.upload.batch import Batch
from st_desktop.ui.upload.model import Column, DetailRole, RowStatus, UploadRow
from st_desktop.ui.upload.pane import UploadPane
from st_desktop.ui.upload.preview import NOTHING_SELECTED
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled
from tests.unit.services.upload_helpers import START, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)

RIDE = "fit/fp_coros-pace-2-cycling-misaligned-fields.fit"  # 32 km with GPS, heart rate, power


def test_nothing_selected_shows_a_clean_empty_state(qtbot: QtBot, pane: UploadPane) -> None:
    preview = pane.preview
    assert preview.is_empty()
    assert preview.placeholder.isVisible()
    assert preview.placeholder.text() == NOTHING_SELECTED
    # No bare "Name / Type / Notes" labels without their fields.
    assert not preview.form_box.isVisible()
    assert not preview.name_edit.isVisible()
    assert not preview.charts.isVisible()


def test_preview_of_a_real_ride_has_usable_route_and_charts(
    qtbot: QtBot, pane: UploadPane, test_data: Path
) -> None:
    drop(pane, [test_data / RIDE])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    row = pane.model.rows()[0]
    pane.select_row(row.row_id)
    preview = pane.preview
    # At the size the pane has in the window, neither is squashed (once laid out).
    qtbot.waitUntil(lambda: preview.charts.height() >= 250, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: preview.charts.track is row.track, timeout=WAIT_MS)  # drawn

    assert preview.summary.text().startswith("Sun 25 Oct 2020, 06:10:19")
    assert "32.15 km" in preview.summary.text()
    assert preview.charts.chart_count() >= 3
    assert preview.route.height() >= 150
    assert preview.route.width() >= 150
    assert preview.name_edit.isVisible()
    assert preview.name_edit.isEnabled()

    # The charts' crosshair moves the route's marker, as in the detail editor.
    track = row.track
    assert track is not None
    middle = float(track.time[len(track) // 2])
    preview.charts.plots.hovered.emit(middle)
    marker = preview.route.marker_position()
    assert marker is not None
    assert preview.route.track is preview.charts.track  # the marker follows the charts' track
    position = preview.route.track.position_at(middle)
    assert position is not None
    assert marker == pytest.approx(position)
    preview.charts.plots.hovered.emit(math.nan)  # the mouse left the charts
    assert preview.route.marker_position() is None


def test_unreadable_file_preview_says_why_without_empty_fields(
    qtbot: QtBot, pane: UploadPane, test_data: Path
) -> None:
    drop(pane, [test_data / "gpx/gx_route.gpx"])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    pane.select_row(pane.model.rows()[0].row_id)
    preview = pane.preview
    assert preview.title.text() == "gx_route.gpx"
    assert preview.status_note.text() == (
        "Error: This GPX file holds a planned route, not a recorded activity, so it cannot be "
        "uploaded as a workout."
    )
    assert not preview.form_box.isVisible()
    assert not preview.charts.isVisible()


def test_several_selected_rows_are_counted(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path, test_data: Path
) -> None:
    drop(pane, [test_data / RIDE, test_data / "gpx/tg_Friday-Evening-Run.gpx"])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    pane.list.selectAll()
    assert pane.preview.is_empty()
    assert pane.preview.placeholder.text().startswith("2 files selected.")


def test_the_same_workout_dropped_twice_is_flagged_once(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    # The same ride from two apps: same start, not the same bytes.
    first = write_gpx(tmp_path, "from-watch.gpx", START, points=60)
    second = write_gpx(tmp_path, "from-phone.gpx", START, points=61)
    drop(pane, [first, second])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    got = rows(pane)
    assert got["from-watch.gpx"].status == RowStatus.READY
    flagged = got["from-phone.gpx"]
    assert flagged.status == RowStatus.DUPLICATE
    assert flagged.message.startswith("Already in this list: 'from-watch.gpx', same start 09:12:05")
    # The explanation is drawn under the file name (the list is too narrow for a column).
    position = pane.model.position(flagged.row_id)
    assert pane.model.index(position, Column.FILE).data(DetailRole) == flagged.message
    assert pane.list.isColumnHidden(Column.DETAILS)


def test_summary_counts_uploads_skips_cancels_and_failures() -> None:
    rows_ = [
        UploadRow("a.fit", "a", RowStatus.UPLOADED, item_id=1),
        UploadRow("b.fit", "b", RowStatus.UPLOADED, item_id=2),
        UploadRow("c.gpx", "c", RowStatus.FAILED, item_id=3, message="SportTracks refused it."),
        UploadRow("d.gpx", "d", RowStatus.SKIPPED, item_id=4),
    ]
    batch = Batch(queued={1, 2, 3}, skipped=["d.gpx"])
    assert not batch.open(rows_)
    assert batch.summary(rows_) == (
        "2 uploaded, 1 duplicate skipped, 1 failed (c.gpx: SportTracks refused it)."
    )
    rows_.append(UploadRow("e.gpx", "e", RowStatus.FAILED, item_id=5, message="Bad file."))
    batch = Batch(queued={1, 3, 5}, cancelled=2)
    assert batch.summary(rows_) == (
        "1 uploaded, 2 not sent (cancelled), 2 failed (each reason is under Details)."
    )
    assert batch.failures(rows_) == ["c.gpx: SportTracks refused it.", "e.gpx: Bad file."]
    rows_[0].status = RowStatus.UPLOADING
    assert batch.open(rows_)


def test_only_the_previewed_row_has_its_full_track_read_again(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    samples = 3 * DISPLAY_POINTS
    long_file = write_gpx(tmp_path, "long.gpx", START, points=samples, step_s=1)
    short_file = write_gpx(tmp_path, "short.gpx", START + timedelta(days=1))
    drop(pane, [long_file, short_file])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    long_row, short_row = rows(pane)["long.gpx"], rows(pane)["short.gpx"]
    # Rows keep what the list shows and a reduced track, never all the samples.
    assert long_row.activity is not None
    assert len(long_row.activity.streams) == 0
    assert long_row.track is not None
    assert len(long_row.track) <= DISPLAY_POINTS

    charts = pane.preview.charts
    pane.select_row(long_row.row_id)
    qtbot.waitUntil(lambda: charts.track is long_row.track, timeout=WAIT_MS)  # from the row ...
    reading = [t for t in pane.controller.runner.active_tasks() if "charts" in t.description]
    assert reading == []  # ... and nothing is read just for looking
    charts.plots.hovered.emit(600.0)  # the user points at the charts: every sample is read
    qtbot.waitUntil(
        lambda: charts.track is not None and len(charts.track) == samples, timeout=WAIT_MS
    )
    full = weakref.ref(charts.track)
    assert pane.preview.route.track is full()
    charts.set_cursor(1234.0)  # the crosshair reads every sample of the file
    assert charts.plots.chart_titles()[0] == "Elevation  1534 m"

    pane.select_row(short_row.row_id)
    qtbot.waitUntil(lambda: charts.track is short_row.track, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not pane.controller.runner.is_busy(), timeout=WAIT_MS)
    gc.collect()
    assert full() is None  # nothing holds the full track of a row no longer shown
    assert len(long_row.track) <= DISPLAY_POINTS

    pane.select_row(long_row.row_id)  # shown again and zoomed into: read again
    qtbot.waitUntil(lambda: charts.track is long_row.track, timeout=WAIT_MS)
    charts.plots.plot_items()[0].setXRange(1000, 1200, padding=0)
    qtbot.waitUntil(
        lambda: charts.track is not None and len(charts.track) == samples, timeout=WAIT_MS
    )


@pytest.mark.expect_log("Reading the file for its charts failed")
def test_a_file_that_cannot_be_read_again_keeps_its_reduced_charts_and_says_why(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    drop(pane, [write_gpx(tmp_path, "long.gpx", START, points=2 * DISPLAY_POINTS, step_s=1)])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    row = pane.model.rows()[0]
    store = pane.controller.service.store
    assert row.item_id is not None
    store.inbox_path(store.get(row.item_id)).unlink()  # the queue's copy is gone
    pane.select_row(row.row_id)
    preview = pane.preview
    qtbot.waitUntil(lambda: preview.charts.track is row.track, timeout=WAIT_MS)
    preview.charts.plots.hovered.emit(60.0)
    qtbot.waitUntil(lambda: "reduced copy" in preview.status_note.text(), timeout=WAIT_MS)
    assert "missing" in preview.status_note.text()
    assert preview.charts.track is row.track
    assert preview.charts.chart_count() >= 1


def test_the_charts_of_the_row_shown_before_are_not_painted_under_the_next_one(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    first = write_gpx(tmp_path, "first.gpx", START)
    second = write_gpx(tmp_path, "second.gpx", START + timedelta(days=1), points=40)
    drop(pane, [first, second])
    qtbot.waitUntil(lambda: settled(pane, 2), timeout=WAIT_MS)
    first_row, second_row = rows(pane)["first.gpx"], rows(pane)["second.gpx"]
    charts = pane.preview.charts
    pane.select_row(first_row.row_id)
    qtbot.waitUntil(lambda: charts.track is first_row.track, timeout=WAIT_MS)
    painted: list[object] = []  # the track the charts showed at each paint

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted.append(charts.track)
            return False

    watch = Watch(charts)
    charts.plots.canvas().installEventFilter(watch)
    pane.select_row(second_row.row_id)  # its texts first: their height changes the charts'
    qtbot.waitUntil(lambda: bool(painted), timeout=WAIT_MS)
    assert painted[0] is second_row.track


def test_a_file_selected_as_it_is_dropped_shows_its_charts_before_it_is_checked(
    qtbot: QtBot, pane: UploadPane, test_data: Path
) -> None:
    def select_new(_parent: object, first: int, _last: int) -> None:
        pane.select_row(pane.model.row_at(first).row_id)

    pane.model.rowsInserted.connect(select_new)
    seen: list[tuple[bool, bool]] = []  # (charts drawn, still being checked) when drawn

    def drawn(row_id: int) -> None:
        row = pane.model.row(row_id)
        if row is not None and row.track is not None:
            seen.append((pane.preview.charts.chart_count() > 0, row.checking))

    pane.preview.drawn.connect(drawn)
    drop(pane, [test_data / RIDE])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)

    assert seen[0] == (True, True)  # the charts came first, the duplicate check after them
    row = pane.model.rows()[0]
    assert row.status == RowStatus.READY
    assert not row.checking
