"""The whole corpus: every valid file parses, totals agree with the file's own, formats agree.

Where a file's own totals disagree with its own samples (a device bug or an edited file), the
comparison is skipped for that figure only and the reason is written down here.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import Activity
from st_desktop.errors import ParseError
from st_desktop.parsers import parse_file
from tests.unit.parsers.helpers import corpus_params

#: Files that must fail, and the words their message must contain.
EXPECTED_ERRORS = {
    "sl_empty-sessions_0bytes.fit": "empty",
    "gc_MetadataOnly.gpx": "no track points",
    "gc_mapmyfitness_A_ride_mapped.gpx": "no track points with times",
    "gx_route.gpx": "planned route",
    "tg_opencpn_routes.gpx": "planned route",
    "gx_unicode_with_bom.gpx": "only waypoints",
}
#: Files read with damage or quirks, and the words of the warning they must carry.
EXPECTED_WARNINGS = {
    "fp_nick_truncated.fit": "cut short",
    "fp_strava-android-app-201.10-b1218918.fit": "damaged at 00:05:14",
    "sl_strava_6037744996_bad-namespace.gpx": "not well-formed",
    "sl_polar_6281425038_leading-whitespace.tcx": "blank space",
    "fp_sample-activity-indoor-trainer.fit": "No GPS",
    "gc_MultiSport-2019-11-24.fit": "Multi-sport",
    "tg_blue_hills_expertgps.gpx": "impossible times",
}
#: figure -> files whose own totals contradict their samples, with the reason.
KNOWN_DISAGREEMENTS: dict[str, dict[str, str]] = {
    "distance": {
        "gc_14582164182.fit.gz": "session says 14.9 km, elapsed < timer time: edited file",
        "sl_suunto-spartan-ultra.tcx": "lap distances sum to 5.7 km, its distance stream to 5.0",
        "tg_fitbit_versa_tour_hr.tcx": "lap says 6.8 km over 38 min, its track 4.0 km in 23 min",
    },
    "elapsed_time": {
        "gc_14582164182.fit.gz": "session elapsed (1632 s) shorter than its timer time",
        "fp_event_timestamp.fit": "session ends 124 s after the last record and timer stop",
        "fp_null_compressed_speed_dist.fit": "Zwift: final timer stop 35 s after session end",
        "gc_Karoo-2025-05-09-1238.fit": "session runs 45 s past the final timer stop",
        "fp_elemnt-bolt-no-application-id-inside-developer-data-id.fit": "stop, then stop_all",
        "gc_MultiSport-2019-11-24.fit": "records run 6 s past the last session; 5 rounded starts",
        "fp_activity-large-fenix2-multisport.fit": "sessions overlap the records by 1 s twice",
    },
    "moving_time": {
        "fp_null_compressed_speed_dist.fit": "Zwift: timer time 1808 s > elapsed 1807 s",
        "gc_MultiSport-2019-11-24.fit": "bike session timer excludes 141 s no event marks",
        "fp_activity-large-fenix2-multisport.fit": "sessions overlap the records by 1 s twice",
    },
}
TIME_TOLERANCE_S = 3.0


def _parse_or_error(path: Path) -> Activity | ParseError:
    try:
        return parse_file(path)
    except ParseError as exc:
        return exc


@pytest.mark.parametrize("path", corpus_params("fit") + corpus_params("gpx") + corpus_params("tcx"))
def test_every_corpus_file_parses_or_says_why(path: Path) -> None:
    result = _parse_or_error(path)
    if path.name in EXPECTED_ERRORS:
        assert isinstance(result, ParseError), f"{path.name} should not parse"
        assert EXPECTED_ERRORS[path.name] in str(result)
        return
    assert isinstance(result, Activity), f"{path.name}: {result}"
    assert result.start_time.tzinfo is not None
    assert len(result.streams) > 0
    assert np.all(np.diff(result.streams.time) >= 0)
    assert result.elapsed_time > 0
    assert result.laps, "every activity has at least one lap"
    if path.name in EXPECTED_WARNINGS:
        assert any(EXPECTED_WARNINGS[path.name] in w for w in result.warnings), result.warnings


def _check(name: str, figure: str, ours: float | None, recorded: float | None) -> None:
    if recorded is None or recorded == 0 or name in KNOWN_DISAGREEMENTS[figure]:
        return
    assert ours is not None, f"{name}: no computed {figure}"
    if figure == "distance":
        assert ours == pytest.approx(recorded, rel=0.01), f"{name}: {figure}"
    else:
        assert abs(ours - recorded) <= TIME_TOLERANCE_S, f"{name}: {figure} {ours} vs {recorded}"


@pytest.mark.parametrize("path", corpus_params("fit"))
def test_fit_totals_match_the_sessions(path: Path) -> None:
    result = _parse_or_error(path)
    if isinstance(result, ParseError) or result.recorded_summary is None:
        assert path.name in EXPECTED_ERRORS or path.name in EXPECTED_WARNINGS
        return
    recorded, computed = result.recorded_summary, result.computed_summary
    for figure in ("distance", "elapsed_time", "moving_time"):
        _check(path.name, figure, getattr(computed, figure), getattr(recorded, figure))


@pytest.mark.parametrize("path", corpus_params("tcx"))
def test_tcx_distance_matches_the_laps(path: Path) -> None:
    result = _parse_or_error(path)
    assert isinstance(result, Activity)
    if result.recorded_summary is not None:
        _check(
            path.name,
            "distance",
            result.computed_summary.distance,
            result.recorded_summary.distance,
        )


def test_same_ride_as_fit_and_gpx_agrees(corpus_dir: Path) -> None:
    fit = parse_file(corpus_dir / "fit/sw_4078723797.fit")
    gpx = parse_file(corpus_dir / "gpx/sw_4078723797_strava.gpx")
    assert fit.start_time == gpx.start_time
    assert fit.sport == gpx.sport == "Cycling"
    assert gpx.computed_summary.distance == pytest.approx(fit.distance, rel=0.005)
    assert gpx.elapsed_time == pytest.approx(fit.elapsed_time, abs=2)
    # Sample by sample, the sensors agree at the same second.
    common, fi, gi = np.intersect1d(fit.streams.time, gpx.streams.time, return_indices=True)
    assert len(common) > 8000
    for stream in ("heartrate", "cadence", "power", "temperature"):
        np.testing.assert_array_equal(fit.streams.get(stream)[fi], gpx.streams.get(stream)[gi])
    np.testing.assert_allclose(fit.streams.lat[fi], gpx.streams.lat[gi], atol=1e-6)


def test_same_run_as_fit_and_tcx_agrees(corpus_dir: Path) -> None:
    fit = parse_file(corpus_dir / "fit/gc_10kUNLP2014-Garmin15.fit")
    tcx = parse_file(corpus_dir / "tcx/gc_10kUNLP2014-Garmin15.tcx")
    assert fit.start_time == tcx.start_time
    assert fit.sport == tcx.sport == "Running"
    assert tcx.distance == pytest.approx(fit.distance, rel=0.001)
    assert tcx.moving_time == pytest.approx(fit.moving_time, abs=1)
    assert len(tcx.laps) == len(fit.laps) == 11
    for a, b in zip(fit.laps, tcx.laps, strict=True):
        assert a.start == pytest.approx(b.start, abs=1)
        assert a.summary.distance == pytest.approx(b.summary.distance, rel=0.01)
