"""Real recordings dropped on the pane: tests/data files, archives of them, and the whole corpus."""

from __future__ import annotations

import gzip
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.ui.upload.model import RowStatus, details, format_duration
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)

#: Statuses a row may end with before the user acts.
FINAL = {
    RowStatus.READY,
    RowStatus.WARNING,
    RowStatus.ERROR,
    RowStatus.DUPLICATE,
    RowStatus.SKIPPED,
}


def test_real_files_archives_and_junk_each_get_their_status(
    qtbot: QtBot, pane: UploadPane, test_data: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "garmin-export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(test_data / "gpx/gx_cerknicko-jezero.gpx", "export/cerknicko.gpx")
        zf.write(test_data / "tcx/tr_cross-country-skiing.tcx", "export/skiing.tcx")
        zf.writestr("export/readme.txt", "exported by a watch app")
    gz = tmp_path / "coros.fit.gz"
    gz.write_bytes(
        gzip.compress(
            (test_data / "fit/fp_coros-pace-2-cycling-misaligned-fields.fit").read_bytes()
        )
    )
    empty = tmp_path / "empty.fit"
    empty.write_bytes(b"")
    text = tmp_path / "shopping.txt"
    text.write_text("milk, bread")
    dropped = [
        test_data / "fit/fp_garmin-fenix-5-run.fit",
        test_data / "fit/fp_nick_truncated.fit",
        # Damaged: a header names local message type 11, which was never defined.
        test_data / "fit/fp_strava-android-app-201.10-b1218918.fit",
        test_data / "gpx/tg_Friday-Evening-Run.gpx",
        test_data / "gpx/gx_route.gpx",
        test_data / "tcx/tg_garmin_connect_edge520.tcx",
        archive,
        gz,
        empty,
        text,
    ]

    drop(pane, dropped)
    qtbot.waitUntil(lambda: settled(pane, 12), timeout=WAIT_MS)
    assert pane.status_label.text() == ""  # "Reading 10 files…" is over

    got = rows(pane)
    for name in (
        "fp_garmin-fenix-5-run.fit",
        "tg_Friday-Evening-Run.gpx",
        "skiing.tcx",
        "coros.fit",
    ):
        assert got[name].status == RowStatus.READY, (name, got[name].message)
        assert got[name].message == ""
    # Not plausible as one recording: a Warning that says what and where, never Ready.
    for name, problem in (
        ("tg_garmin_connect_edge520.tcx", "A 1 h 07 min gap at 16:26 has no samples."),
        ("cerknicko.gpx", "A new track starts 2.3 km from where the last one ended"),
    ):
        assert got[name].status == RowStatus.WARNING, (name, got[name].message)
        assert details(got[name]).startswith(problem), details(got[name])
    assert got["coros.fit"].activity is not None
    assert got["coros.fit"].activity.format == "FIT"  # unpacked from the .gz before parsing
    truncated = got["fp_nick_truncated.fit"]
    assert truncated.status == RowStatus.WARNING
    assert truncated.activity is not None
    assert truncated.activity.warnings == [
        "The file is cut short after 4 h 38 min; everything before the cut was recovered."
    ]
    damaged = got["fp_strava-android-app-201.10-b1218918.fit"]
    assert damaged.status == RowStatus.WARNING
    assert damaged.activity is not None
    assert "damaged at 00:05:14" in damaged.activity.warnings[0]
    assert got["gx_route.gpx"].status == RowStatus.ERROR
    assert got["gx_route.gpx"].message == (
        "This GPX file holds a planned route, not a recorded activity, so it cannot be "
        "uploaded as a workout."
    )
    assert (got["empty.fit"].status, got["empty.fit"].message) == (
        RowStatus.ERROR,
        "This file is empty.",
    )
    assert got["shopping.txt"].status == RowStatus.ERROR
    assert got["shopping.txt"].message == "This is not a FIT, TCX or GPX file."
    assert got["garmin-export.zip"].status == RowStatus.SKIPPED
    assert got["garmin-export.zip"].message == (
        "Skipped 1 file in this archive that is not FIT, TCX or GPX."
    )
    # What the list shows for a real ride.
    fenix = got["fp_garmin-fenix-5-run.fit"]
    assert fenix.activity is not None
    position = pane.model.position(fenix.row_id)
    shown = [pane.model.index(position, c).data() for c in range(1, 6)]
    # The moving time, as the workout table shows it (the figure is the parser's business).
    duration = format_duration(fenix.activity.moving_time)
    assert shown == [
        "fp_garmin-fenix-5-run.fit",
        "2017-06-11\n07:34",
        "Running",
        duration,
        "0.16 km",
    ]


def test_whole_corpus_every_file_gets_a_final_status(
    qtbot: QtBot, pane: UploadPane, corpus_dir: Path
) -> None:
    activity_files = [
        p
        for p in corpus_dir.rglob("*")
        if p.is_file() and p.name.lower().endswith((".fit", ".gpx", ".tcx", ".fit.gz"))
    ]
    drop(pane, [corpus_dir])  # the folder itself, as a user drags an export folder

    # One row per activity file, and one saying what else in the folder was left out.
    qtbot.waitUntil(lambda: settled(pane, len(activity_files) + 1), timeout=60_000)

    shown = pane.model.rows()
    assert {r.status for r in shown} <= FINAL
    for row in shown:
        if row.status == RowStatus.ERROR:
            assert row.message.endswith("."), row
            assert "Unexpected" not in row.message, row
        elif row.status == RowStatus.WARNING:
            assert row.activity is not None, row
            assert row.activity.problems, row
        elif row.status == RowStatus.DUPLICATE:
            assert "in this list" in row.message, row  # no account: only the list itself
        elif row.status == RowStatus.SKIPPED:
            assert row.display_name == f"{corpus_dir.name}/"
            assert row.message.startswith("Skipped ")
            assert "not FIT, TCX or GPX" in row.message
    got = rows(pane)
    # The same ride exported twice: the second file is caught before it doubles the workout.
    assert got["sw_4078723797_strava.gpx"].status == RowStatus.DUPLICATE
    assert got["sw_4078723797_strava.gpx"].message.startswith(
        "Already in this list: 'sw_4078723797.fit', same start"
    )
    assert got["gc_10kUNLP2014-Garmin15.tcx"].status == RowStatus.DUPLICATE
    assert got["sl_empty-sessions_0bytes.fit"].message == "This file is empty."
    assert sum(r.activity is not None for r in shown) >= len(activity_files) - 8
