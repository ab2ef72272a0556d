"""Export of the demo account in every format, read back by other readers, totals within 1 %."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import fitdecode
import fitparse
import gpxpy
import pytest
from lxml import etree

from st_desktop.parsers import parse_bytes
from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.export import ExportFilter, export_workouts

from .conftest import DEMO_SIZE

TCX_NS = {"t": "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"}


def account_totals(account: Account) -> dict[str, tuple[float, float]]:
    """Distance and moving time of every workout, by its start (as the account has them)."""
    client = account.require_client()
    return {
        s.start_time.isoformat(): (s.total_distance or 0.0, s.duration or 0.0)
        for s in client.iter_workouts(100)
        if s.start_time is not None
    }


def close(mine: float, theirs: float, tolerance: float = 0.01) -> bool:
    return abs(mine - theirs) <= tolerance * max(abs(theirs), 1.0)


def test_fit_export_reads_back_in_fitparse_and_fitdecode_with_the_account_totals(
    account: Account, tmp_path: Path
) -> None:
    totals = account_totals(account)
    report = export_workouts(TaskContext(), account.require_client(), tmp_path, "fit")
    assert report.failures == []
    assert len(report.files) == DEMO_SIZE
    assert all(p.name[:4].isdigit() and p.suffix == ".fit" for p in report.files)
    for path in report.files[:8]:
        session = next(fitparse.FitFile(str(path)).get_messages("session")).get_values()
        with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE) as reader:
            frames = [f for f in reader if isinstance(f, fitdecode.FitDataMessage)]
        assert any(f.name == "record" for f in frames)
        ours = parse_bytes(path.read_bytes(), path.name)
        start = ours.start_time.isoformat() if ours.start_time else ""
        distance, moving = next(v for k, v in totals.items() if _same_instant(k, start))
        assert close(session["total_distance"], distance)
        assert close(session["total_timer_time"], moving)


def _same_instant(a: str, b: str) -> bool:
    return datetime.fromisoformat(a) == datetime.fromisoformat(b)


def test_gpx_and_tcx_exports_read_back_with_gpxpy_and_lxml(
    account: Account, tmp_path: Path
) -> None:
    totals = account_totals(account)
    client = account.require_client()
    gpx = export_workouts(TaskContext(), client, tmp_path / "gpx", "gpx")
    tcx = export_workouts(TaskContext(), client, tmp_path / "tcx", "tcx")
    assert len(gpx.files) + len(gpx.failures) == DEMO_SIZE
    assert len(tcx.files) == DEMO_SIZE
    for path in gpx.files[:6]:
        track = gpxpy.parse(path.read_text(encoding="utf-8"))
        assert track.get_points_no() > 10
        start = track.get_time_bounds().start_time
        distance, _moving = next(
            v for k, v in totals.items() if _same_instant(k, start.isoformat())
        )
        assert close(track.length_2d(), distance, 0.05)  # gpxpy's own geometry, not the file's
    for path in tcx.files[:6]:
        tree = etree.parse(str(path))
        laps = tree.findall(".//t:Lap", TCX_NS)
        meters = sum(float(lap.findtext("t:DistanceMeters", namespaces=TCX_NS)) for lap in laps)
        seconds = sum(float(lap.findtext("t:TotalTimeSeconds", namespaces=TCX_NS)) for lap in laps)
        start = laps[0].get("StartTime")
        distance, moving = next(
            v for k, v in totals.items() if _same_instant(k, start.replace("Z", "+00:00"))
        )
        assert close(meters, distance)
        assert close(seconds, moving)


def test_csv_has_one_typed_row_per_workout_and_filters_by_date_and_type(
    account: Account, tmp_path: Path
) -> None:
    client = account.require_client()
    every = export_workouts(TaskContext(), client, tmp_path / "all", "csv")
    rows = list(csv.DictReader(io.StringIO(every.files[0].read_text(encoding="utf-8"))))
    assert len(rows) == DEMO_SIZE
    assert float(rows[0]["distance_m"]) >= 0
    days = sorted(date.fromisoformat(r["local_date"]) for r in rows)
    kind = rows[0]["type"].split(":")[0]
    chosen = ExportFilter(since=days[5], until=days[-5], type=kind)
    some = export_workouts(TaskContext(), client, tmp_path / "some", "csv", chosen)
    picked = list(csv.DictReader(io.StringIO(some.files[0].read_text(encoding="utf-8"))))
    expected = [
        r
        for r in rows
        if days[5] <= date.fromisoformat(r["local_date"]) <= days[-5]
        and r["type"].split(":")[0] == kind
    ]
    assert sorted(r["id"] for r in picked) == sorted(r["id"] for r in expected)


def test_json_export_is_the_service_json_and_an_unknown_format_is_refused(
    account: Account, tmp_path: Path
) -> None:
    client = account.require_client()
    report = export_workouts(TaskContext(), client, tmp_path, "json", ExportFilter(type="Running"))
    assert report.files
    first = json.loads(report.files[0].read_text())
    assert first == client.get_workout(first["uri"]).to_json()
    with pytest.raises(ValueError, match="unknown export format"):
        export_workouts(TaskContext(), client, tmp_path, "kml")
