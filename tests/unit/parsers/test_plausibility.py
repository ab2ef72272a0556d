"""Verdicts on implausible recordings, said where they happen in the ride's local time; parts of
a recording kept whole, in order, and never joined by a straight line of distance."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest

from st_desktop.domain.activity import HOLE_S, VERDICT_KINDS, Activity, Verdict
from st_desktop.parsers import parse_bytes
from st_desktop.parsers.context import ParseContext
from tests.unit.parsers.fitcraft import FitRide, build_fit
from tests.unit.parsers.gpxcraft import at, east, gpx, moving

ZURICH = (47.37, 8.54)  # Europe/Zurich: UTC+2 in summer, UTC+1 in winter
CONTEXT = ParseContext(
    now=lambda: at("2026-01-01T00:00:00Z"), computer_offset=lambda _: timedelta()
)


def _parse(data: bytes) -> Activity:
    return parse_bytes(data, context=CONTEXT)


def _kinds(activity: Activity) -> list[str]:
    return [verdict.kind for verdict in activity.verdicts]


def _only(activity: Activity, kind: str) -> Verdict:
    found = [verdict for verdict in activity.verdicts if verdict.kind == kind]
    assert len(found) == 1, activity.verdicts
    return found[0]


def test_a_plain_ride_has_no_verdict() -> None:
    activity = _parse(gpx([[moving(at("2020-06-01T09:00:00Z"), *ZURICH, 3600)]]))
    assert activity.verdicts == ()
    assert not activity.has_warnings
    assert len(activity.segments) == 1


def test_a_gap_of_hours_is_said_in_local_time_and_is_a_pause() -> None:
    before = moving(at("2020-06-01T09:10:00Z"), *ZURICH, 1800)  # ends 09:40Z = 11:40 in Zurich
    resumed = at("2020-06-01T09:40:00Z") + 5 * 3600 + 2 * 60
    after = moving(resumed, before[-1][1], before[-1][2], 1800)
    activity = _parse(gpx([[before + after]]))
    gap = _only(activity, "gap")
    assert gap.message == "A 5 h 02 min gap at 11:40 has no samples."
    assert gap.severity == "warning"
    assert activity.has_warnings
    assert gap.index == len(before)
    assert gap.at == pytest.approx(1800)
    assert gap.position == pytest.approx(before[-1][1:])
    # The hole is a pause and ends a segment.
    assert any(
        p.start == pytest.approx(1800) and p.end == pytest.approx(1800 + 5 * 3600 + 120)
        for p in activity.pauses
    )
    assert [(s.first, s.stop, s.reason) for s in activity.segments] == [
        (0, len(before), "start"),
        (len(before), len(before) + len(after), "hole"),
    ]
    assert activity.segments[1].start_time.hour == 16  # 14:42Z in Zurich's summer time


def test_a_hole_far_away_is_a_pause_and_never_distance() -> None:
    first = moving(at("2020-06-01T09:00:00Z"), *ZURICH, 600)
    lat, lon = east(first[-1][1], first[-1][2], 20_000)
    second = moving(first[-1][0] + HOLE_S + 60, lat, lon, 600)
    activity = _parse(gpx([[first + second]]))
    assert activity.distance == pytest.approx(2 * 600 * 5.0, rel=0.01)  # the 20 km are not there
    jump = _only(activity, "segment_jump")
    assert jump.message.startswith("After 16 min without samples, the track goes on 20.0 km away")
    assert len(activity.pauses) == 1


def test_a_recording_of_many_days_says_how_long() -> None:
    start = at("2020-06-01T08:00:00Z")
    points = moving(start, *ZURICH, 600) + moving(start + 670 * 3600, *ZURICH, 600)
    activity = _parse(gpx([[points]]))
    span = _only(activity, "long_span")
    assert span.message == (
        "It spans 27 days (670 h), far longer than one activity: it probably holds several."
    )
    assert len(activity.streams) == len(points)  # nothing dropped as "impossible times"


def test_a_date_before_1990_is_no_real_date() -> None:
    activity = _parse(gpx([[moving(at("1901-12-13T20:45:52Z"), 0.5, 30.0, 300)]]))
    assert _only(activity, "date_too_early").message == (
        "It starts on 13 Dec 1901: the device recorded no real date."
    )


def test_a_date_in_the_future_is_a_wrong_clock() -> None:
    activity = _parse(gpx([[moving(at("2031-03-03T10:00:00Z"), *ZURICH, 300)]]))
    assert _only(activity, "date_in_future").message == (
        "It starts on 3 Mar 2031, in the future: the device's clock was wrong."
    )
    tomorrow = _parse(gpx([[moving(at("2026-01-01T12:00:00Z"), *ZURICH, 300)]]))
    assert tomorrow.verdicts == ()  # less than a day ahead: a clock a little fast


def test_a_fit_without_a_clock_has_no_real_date() -> None:
    boot = 631065600 + 200_000  # seconds since power-up, counted from the FIT epoch
    ride = FitRide([(boot + i, None, None, 120) for i in range(60)])
    activity = _parse(build_fit(ride))
    assert _only(activity, "date_too_early").message == (
        "It starts on 2 Jan 1990: the device recorded no real date."
    )


def test_sustained_impossible_speed_for_the_sport() -> None:
    start = at("2020-06-01T09:00:00Z")
    ride = moving(start, *ZURICH, 600, step=5, speed=8.0)
    drive = moving(ride[-1][0] + 5, ride[-1][1], ride[-1][2], 600, step=5, speed=40.0)
    activity = _parse(gpx([[ride + drive]], sport="cycling"))
    verdict = _only(activity, "impossible_speed")
    assert verdict.message.startswith("Speeds up to 144 km/h for 10 min from 11:10 ")
    assert "impossible for cycling (limit 108 km/h)" in verdict.message
    assert verdict.index == len(ride)
    # The same speeds are no verdict in a sport without a limit.
    assert "impossible_speed" not in _kinds(_parse(gpx([[ride + drive]], sport="driving")))


def test_a_single_gps_spike_is_not_a_speed_verdict() -> None:
    points = moving(at("2020-06-01T09:00:00Z"), *ZURICH, 1200, step=1, speed=6.0)
    t, lat, lon = points[600]
    points[600] = (t, *east(lat, lon, 5000))  # one fix 5 km off, then back
    activity = _parse(gpx([[points]], sport="running"))
    assert "impossible_speed" not in _kinds(activity)


def test_a_jump_between_segments_is_a_pause_not_distance() -> None:
    first = moving(at("2020-06-01T09:00:00Z"), *ZURICH, 600)
    lat, lon = east(first[-1][1], first[-1][2], 12_000)
    second = moving(first[-1][0] + 120, lat, lon, 600)
    activity = _parse(gpx([[first, second]]))
    jump = _only(activity, "segment_jump")
    assert jump.message == (
        "A new segment starts 12.0 km from where the last one ended and 2 min after it, at "
        "11:12; the jump is not counted as distance."
    )
    assert jump.index == len(first)
    assert activity.distance == pytest.approx(2 * 600 * 5.0, rel=0.01)
    assert [p.duration for p in activity.pauses] == pytest.approx([120])
    assert [(s.first, s.reason) for s in activity.segments] == [(0, "start"), (len(first), "file")]


def test_three_tracks_of_a_logger_on_three_days_are_all_kept() -> None:
    # A logger writes each day's track; its clock restarted, so the second track is dated two
    # months before the first. Every point is kept, each track in order within itself.
    days = [at("2020-05-26T08:00:00Z"), at("2020-03-24T08:00:00Z"), at("2020-10-13T08:00:00Z")]
    tracks = [[moving(day, *ZURICH, 1800)] for day in days]
    tracks[0][0] = list(reversed(tracks[0][0]))  # and one written backwards
    activity = _parse(gpx(tracks))
    assert len(activity.streams) == 3 * len(tracks[1][0])
    assert np.all(np.diff(activity.streams.time) >= 0)
    verdict = _only(activity, "several_days")
    assert verdict.message == (
        "The file holds three tracks recorded on three different days (24 Mar, 26 May and "
        "13 Oct 2020): they are probably separate activities."
    )
    assert [s.part for s in activity.segments] == [1, 0, 2]  # the file's tracks, in time order
    assert "The file's tracks are not in time order; they were put in order." in activity.warnings
    assert not any("impossible times" in warning for warning in activity.warnings)


def test_every_verdict_kind_is_documented() -> None:
    start = at("2020-06-01T09:00:00Z")
    points = moving(start, *ZURICH, 300) + moving(start + 30 * 3600, *ZURICH, 300)
    activity = _parse(gpx([[points]]))
    assert set(_kinds(activity)) == {"long_span", "gap"}
    assert set(_kinds(activity)) <= set(VERDICT_KINDS)
    assert all(verdict.message.endswith(".") for verdict in activity.verdicts)
