"""The whole corpus: every valid file parses, totals agree with the file's own, formats agree.

Where a file's own totals disagree with its own samples or timer events (a device bug or an
edited file), the comparison is skipped for that figure only, and the contradiction found in the
file is written down with its numbers.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import Activity
from st_desktop.errors import ParseError
from st_desktop.parsers import parse_file
from st_desktop.parsers.export import activity_to_workout_json
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
    "tg_blue_hills_expertgps.gpx": "tracks are not in time order",
}
#: figure -> files whose own totals contradict their own samples or events, with the numbers.
#: Times are seconds after the first record. The Activity shows the file's totals all the same
#: (what the device and its app show); only the check against the samples is left out.
KNOWN_DISAGREEMENTS: dict[str, dict[str, str]] = {
    "distance": {
        "gc_14582164182.fit.gz": "session says 14,921 m; its distance stream reaches 41,300 m",
        "sl_suunto-spartan-ultra.tcx": (
            "laps add up to 5,729 m; its 14 tracks (GPS, no distance stream) to 4,858 m, and "
            "the jumps between them, which are no distance, to 167 m more"
        ),
        "tg_fitbit_versa_tour_hr.tcx": "lap: 6,840 m in 2,283 s; its track: 3,981 m in 1,410 s",
    },
    "elapsed_time": {
        "gc_14582164182.fit.gz": "session elapsed 1,632 s < its timer time 2,760 s (edited file)",
        "fp_20170518-191602-1740899583.fit": (
            "records and the final timer stop span 1,709 s; session elapsed is 1,707.3 s "
            "(and its own timestamp says +1,710 s)"
        ),
        "fp_sample-activity-indoor-trainer.fit": (
            "records run to +2,263 s, past the session's end: start + elapsed = +2,261.85 s "
            "(its own timestamp says +2,312 s)"
        ),
        "gc_MultiSport-2019-11-24.fit": (
            "5 sessions add up to 50,706.5 s but run from +0 to +50,710.4 s (3.9 s between "
            "sessions); records go on to +50,716 s"
        ),
        "fp_activity-large-fenix2-multisport.fit": (
            "7 sessions add up to 24,617.5 s but records and the last session run from +0 to "
            "+24,624 s: 6.5 s fall between sessions (one ends +21,141.5, the next starts +21,143)"
        ),
    },
    "moving_time": {
        "fp_20170518-191602-1740899583.fit": (
            "timer runs from +0 to the final stop at +1,709 s with no pause; session timer time "
            "is 1,707.3 s"
        ),
        "fp_sample-activity-indoor-trainer.fit": (
            "timer runs from +0 to the final stop at +2,263 s with no pause; session timer time "
            "is 2,261.85 s"
        ),
        "fp_coros-pace-2-cycling-misaligned-fields.fit": (
            "its 5 timer pauses add up to 1,437 s; session elapsed - timer = 12,719 - 11,287 = "
            "1,432 s"
        ),
        "fp_event_timestamp.fit": (
            "4,567.5 s elapsed - one 70 s pause - 124.5 s stopped before the session closed = "
            "4,373 s; session timer time is 4,371.56 s"
        ),
        "gc_MultiSport-2019-11-24.fit": (
            "bike session: elapsed 24,280.3 s, timer 24,139.7 s, but no timer event stops it"
        ),
        "fp_activity-large-fenix2-multisport.fit": (
            "no timer pauses; 7 sessions' timer times add up to 24,617.5 s of the 24,624 s"
        ),
    },
}
#: figure -> TCX files whose Activity must not show the laps' total, with the file's numbers.
TCX_LAP_EXCEPTIONS: dict[str, dict[str, str]] = {
    "moving_time": {
        "tg_tcx-courses.tcx": (
            "a course (a plan, not a recording): its one lap has no StartTime and plans "
            "238.9 s for 1,664 m, while its trackpoints, the only times it gives, run "
            "18:28:31 to 18:32:21, 230 s"
        ),
    },
}
TIME_TOLERANCE_S = 1.0
KCAL_TO_KJ = 4.184


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
    # What the user sees is the file's own totals (as on the device): the timer time, and the
    # elapsed time unless the file says the clock ran shorter than the timer.
    if recorded.moving_time:
        assert result.moving_time == pytest.approx(recorded.moving_time, abs=TIME_TOLERANCE_S)
    assert result.elapsed_time >= result.moving_time - TIME_TOLERANCE_S
    if recorded.elapsed_time and recorded.elapsed_time >= (recorded.moving_time or 0):
        assert result.elapsed_time == pytest.approx(recorded.elapsed_time, abs=TIME_TOLERANCE_S)


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


def _lap_totals(path: Path) -> dict[str, list[float | None]]:
    """Each ``<Lap>``'s own TotalTimeSeconds, DistanceMeters and Calories, read independently
    of the parser (None where a lap leaves one out)."""
    root = ET.fromstring(path.read_bytes().lstrip())
    totals: dict[str, list[float | None]] = {"time": [], "distance": [], "kcal": []}
    for lap in root.iterfind(".//{*}Lap"):
        for key, tag in (("time", "TotalTimeSeconds"), ("distance", "DistanceMeters")):
            found = lap.find(f"{{*}}{tag}")
            totals[key].append(float(found.text or "nan") if found is not None else None)
        kcal = lap.find("{*}Calories")
        totals["kcal"].append(float(kcal.text or "nan") if kcal is not None else None)
    return totals


@pytest.mark.parametrize("figure", ["moving_time", "distance", "calories"])
@pytest.mark.parametrize("path", corpus_params("tcx"))
def test_tcx_activity_shows_the_lap_totals(path: Path, figure: str) -> None:
    """The moving time is the device's timer time (the laps' TotalTimeSeconds), not a guess from
    gaps between trackpoints; distance and calories are the laps' too (kcal -> kJ)."""
    reason = TCX_LAP_EXCEPTIONS.get(figure, {}).get(path.name)
    if reason:
        pytest.skip(f"{path.name}: {reason}")
    laps = _lap_totals(path)
    activity = parse_file(path)
    assert laps["time"], f"{path.name}: no laps"
    if figure == "moving_time":
        assert None not in laps["time"]
        recorded = sum(t for t in laps["time"] if t is not None)
        assert abs(activity.moving_time - recorded) <= TIME_TOLERANCE_S, (
            f"{path.name}: moving {activity.moving_time} s, laps {recorded} s"
        )
        assert activity.elapsed_time >= activity.moving_time
    elif figure == "distance":
        assert None not in laps["distance"]
        recorded = sum(d for d in laps["distance"] if d is not None)
        assert activity.distance == pytest.approx(recorded, rel=0.01), path.name
    else:
        kcal = laps["kcal"]
        if None in kcal or not any(kcal):
            # Calories are left out (Coros) or written as 0 in every lap (the schema requires
            # the element): the file does not know them, and the Activity says so.
            assert activity.calories is None, path.name
        else:
            recorded = sum(k for k in kcal if k is not None) * KCAL_TO_KJ
            assert activity.calories == pytest.approx(recorded, rel=1e-9), path.name


@pytest.mark.parametrize("path", corpus_params("fit") + corpus_params("gpx") + corpus_params("tcx"))
def test_workout_json_durations_are_the_activitys(path: Path) -> None:
    """``duration`` is the moving time and ``clock_duration`` the elapsed time, which is never
    less than the timer time (whole seconds, rounded up where rounding would make it less)."""
    result = _parse_or_error(path)
    if isinstance(result, ParseError):
        assert path.name in EXPECTED_ERRORS
        return
    workout = activity_to_workout_json(result)
    entries = [(workout, result.summary)] + [
        (lap_json, lap.summary) for lap_json, lap in zip(workout["laps"], result.laps, strict=True)
    ]
    for entry, summary in entries:
        assert entry["duration"] == pytest.approx(summary.moving_time or 0.0, abs=0.01)
        assert isinstance(entry["clock_duration"], int)
        assert entry["clock_duration"] >= entry["duration"], path.name
        assert abs(entry["clock_duration"] - (summary.elapsed_time or 0.0)) <= TIME_TOLERANCE_S


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


#: Files whose recording is not plausible, and the verdicts they must get (no others).
EXPECTED_VERDICTS: dict[str, set[str]] = {
    "tg_blue_hills_expertgps.gpx": {"long_span", "segment_jump", "several_days"},
    "gc_multi-session_165850259.tcx": {"long_span", "segment_jump", "several_days"},
    "gx_cerknicko-jezero.gpx": {"segment_jump"},  # tracks 1.4 to 5.3 km apart
    "tg_Friday-Evening-Run.gpx": {"segment_jump"},  # a notice: 39 min between segments
    "tg_garmin_connect_edge520.tcx": {"gap"},  # 1 h 07 min without samples
    "fp_compressed-speed-distance.fit": {"date_too_early"},  # no clock: July 1990
}


@pytest.mark.parametrize("path", corpus_params("fit") + corpus_params("gpx") + corpus_params("tcx"))
def test_verdicts_segments_and_zone_of_every_corpus_file(path: Path) -> None:
    """Only the files that are not plausible get verdicts (multi-sport files included: each leg
    is judged by its own sport); segments cover every sample in order; every file with a
    position gets its zone from it."""
    result = _parse_or_error(path)
    if isinstance(result, ParseError):
        assert path.name in EXPECTED_ERRORS
        return
    assert {v.kind for v in result.verdicts} == EXPECTED_VERDICTS.get(path.name, set())
    assert all(v.message.endswith(".") for v in result.verdicts)
    segments = result.segments
    assert segments[0].first == 0
    assert segments[-1].stop == len(result.streams)
    assert all(a.stop == b.first for a, b in itertools.pairwise(segments))
    assert all(a.start <= b.start for a, b in itertools.pairwise(segments))
    if result.has_gps:
        assert result.timezone_source == "gps"
        assert result.timezone is not None
        assert result.start_time.utcoffset() == result.utc_offset


def test_a_logger_file_of_three_days_keeps_every_point(corpus_dir: Path) -> None:
    """blue_hills.gpx: three tracks on 26 May, 24 Jun and 13 Oct 2001, written out of order.
    Every one of its 1,243 points is kept (not 498 of them dropped as impossible times)."""
    activity = parse_file(corpus_dir / "gpx/tg_blue_hills_expertgps.gpx")
    assert len(activity.streams) == 1243
    [days] = [v for v in activity.verdicts if v.kind == "several_days"]
    assert days.message == (
        "The file holds three tracks recorded on three different days (26 May, 24 Jun and "
        "13 Oct 2001): they are probably separate activities."
    )
    assert activity.timezone == "America/New_York"
    assert sorted({s.part for s in activity.segments}) == [0, 1, 2]
