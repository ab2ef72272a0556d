"""Strava and Garmin bulk exports dropped as they are: every activity read, names from the CSV."""

from __future__ import annotations

import csv
import gzip
import io
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.ui.upload.model import RowStatus
from st_desktop.ui.upload.pane import UploadPane
from tests.conftest import TEST_DATA
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, rows, settled
from tests.unit.services.upload_helpers import START, make_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)


def strava_export(path: Path) -> list[dict[str, str]]:
    """A Strava bulk export: activities/*.gpx.gz and *.fit.gz, described in activities.csv."""
    fit = (TEST_DATA / "fit" / "fp_garmin-fenix-5-run.fit").read_bytes()
    columns = ("Activity ID", "Activity Name", "Activity Type", "Activity Description", "Filename")
    described = [
        dict(zip(columns, row, strict=True))
        for row in (
            ("101", "Col du Glandon", "Ride", "Hot day, 34 °C at the top", "activities/101.gpx.gz"),
            ("102", "Parkrun PB!", "Run", "", "activities/102.fit.gz"),
            ("103", "Evening walk", "Hike", "with the dog", "activities/103.gpx.gz"),
        )
    ]
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=[*described[0], "Distance"])
    writer.writeheader()
    for row in described:
        writer.writerow({**row, "Distance": "12.3"})
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities.csv", table.getvalue())
        archive.writestr("activities/101.gpx.gz", gzip.compress(make_gpx(START)))
        archive.writestr("activities/102.fit.gz", gzip.compress(fit))
        later = START + timedelta(days=2, minutes=13)
        archive.writestr("activities/103.gpx.gz", gzip.compress(make_gpx(later)))
        archive.writestr("profile.csv", "Email\nsomebody@example.test\n")
    return described


def test_a_strava_export_goes_up_with_its_names_notes_and_types(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    export = tmp_path / "export_12345678.zip"
    strava_export(export)
    drop(pane, [export])
    qtbot.waitUntil(lambda: settled(pane) and len(rows(pane)) >= 3, timeout=WAIT_MS)
    got = rows(pane)
    assert all(got[n].status == RowStatus.READY for n in ("101.gpx", "102.fit", "103.gpx"))
    assert (got["101.gpx"].name, got["101.gpx"].type) == ("Col du Glandon", "Cycling")
    assert got["101.gpx"].notes == "Hot day, 34 °C at the top"
    assert (got["102.fit"].name, got["102.fit"].type) == ("Parkrun PB!", "Running")
    assert got["103.gpx"].type == "Walking: Hiking"
    pane.list.selectRow(pane.model.position(got["101.gpx"].row_id))
    preview = pane.preview
    qtbot.waitUntil(lambda: preview.name_edit.text() == "Col du Glandon", timeout=WAIT_MS)
    assert preview.name_edit.objectName() == "previewName"


def test_a_garmin_export_is_read_through_its_zips_inside_the_zip(
    qtbot: QtBot, pane: UploadPane, tmp_path: Path
) -> None:
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as part:
        for i in range(3):
            start = START + timedelta(days=i, minutes=11 * i)
            part.writestr(f"somebody@example.test_{1000 + i}.gpx", make_gpx(start))
        part.writestr("somebody@example.test_2000.fit", b"not a fit file")
    export = tmp_path / "garmin-export.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(
            "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", inner.getvalue()
        )
        archive.writestr("DI_CONNECT/DI-Connect-User/user_profile.json", "{}")
    drop(pane, [export])
    qtbot.waitUntil(lambda: settled(pane) and len(rows(pane)) >= 4, timeout=WAIT_MS)
    got = rows(pane)
    ready = sorted(n for n, r in got.items() if r.status == RowStatus.READY)
    assert ready == [f"somebody@example.test_{1000 + i}.gpx" for i in range(3)]
    broken = got["somebody@example.test_2000.fit"]
    assert broken.status == RowStatus.ERROR  # one bad file: its own row, the rest go on
    assert "UploadedFiles_0-_Part1.zip" in broken.origin
