"""The ride's own time zone: from the first GPS fix, else the file's offset, else the computer's;
the same ride as FIT and as GPX starts at the same local time."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from st_desktop.domain.timeutil import parse_timestamp
from st_desktop.parsers import activity_to_workout_json, parse_bytes, parse_file
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.zone import lookup_zone
from tests.unit.parsers.fitcraft import FitRide, build_fit
from tests.unit.parsers.gpxcraft import at, gpx, moving

NEW_YORK = (40.71, -74.0)
COMPUTER = ParseContext(computer_offset=lambda _: timedelta(hours=9), computer_zone="Asia/Tokyo")


def _ride(start: float, position: tuple[float, float] | None) -> list[tuple[float, float, float]]:
    lat, lon = position or NEW_YORK
    return moving(start, lat, lon, 1800)


def test_offline_lookup_knows_the_world() -> None:
    assert lookup_zone(47.37, 8.54) == "Europe/Zurich"
    assert lookup_zone(-34.92, -57.95) == "America/Argentina/Buenos_Aires"
    assert lookup_zone(*NEW_YORK) == "America/New_York"


def test_the_same_ride_as_fit_and_gpx_starts_at_the_same_local_time() -> None:
    start = at("2020-07-04T13:00:00Z")  # 09:00 in New York (UTC-4 in summer)
    points = _ride(start, NEW_YORK)
    # The device was set to the wrong zone (+02:00): the position wins.
    fit = parse_bytes(
        build_fit(FitRide([(t, a, o, 130) for t, a, o in points], local_offset_s=2 * 3600)),
        context=COMPUTER,
    )
    track = parse_bytes(gpx([[points]]), context=COMPUTER)
    for activity in (fit, track):
        assert activity.timezone == "America/New_York"
        assert activity.timezone_source == "gps"
        assert activity.utc_offset == timedelta(hours=-4)
        assert activity.local_start.hour == 9
        assert activity.start_time.isoformat() == "2020-07-04T09:00:00-04:00"
    assert fit.local_start == track.local_start


def test_without_gps_the_device_offset_is_used() -> None:
    start = at("2020-01-10T06:00:00Z")
    ride = FitRide([(start + i, None, None, 120) for i in range(600)], local_offset_s=19_800)
    activity = parse_bytes(build_fit(ride), context=COMPUTER)
    assert activity.timezone is None
    assert activity.timezone_source == "device"
    assert activity.utc_offset == timedelta(hours=5, minutes=30)
    assert activity.start_time.isoformat() == "2020-01-10T11:30:00+05:30"
    workout = activity_to_workout_json(activity)
    assert workout["start_time"] == "2020-01-10T11:30:00+05:30"
    assert workout["timezone"] == 5.5


def test_without_gps_or_device_offset_the_computer_zone_is_used() -> None:
    start = at("2020-01-10T06:00:00Z")
    ride = FitRide([(start + i, None, None, 120) for i in range(600)])
    activity = parse_bytes(build_fit(ride), context=COMPUTER)
    assert activity.timezone_source == "computer"
    assert activity.timezone == "Asia/Tokyo"
    assert activity.utc_offset == timedelta(hours=9)
    assert activity.local_start.hour == 15


def test_a_position_in_no_zone_falls_back_to_the_device() -> None:
    context = ParseContext(zone_lookup=lambda lat, lon: None)
    points = _ride(at("2020-07-04T13:00:00Z"), NEW_YORK)
    fit = build_fit(FitRide([(t, a, o, 130) for t, a, o in points], local_offset_s=-5 * 3600))
    activity = parse_bytes(fit, context=context)
    assert activity.timezone_source == "device"
    assert activity.utc_offset == timedelta(hours=-5)


def test_local_times_follow_daylight_saving() -> None:
    # A 24 h ride in Zurich across the night summer time ended (27 Oct 2019, 03:00 -> 02:00).
    start = at("2019-10-26T10:00:00Z")  # 12:00 CEST
    points = moving(start, 47.37, 8.54, 24 * 3600, step=60, speed=1.0)
    activity = parse_bytes(gpx([[points]], sport="walking"))
    assert activity.utc_offset == timedelta(hours=2)
    assert activity.local_time(0).hour == 12
    assert activity.local_time(24 * 3600).hour == 11  # 10:00Z the next day is 11:00 CET
    assert activity.local_time(24 * 3600).utcoffset() == timedelta(hours=1)
    workout = activity_to_workout_json(activity)
    assert workout["start_time"] == "2019-10-26T12:00:00+02:00"
    assert workout["timezone"] == 2


@pytest.mark.parametrize(
    ("fit_name", "other_name", "zone"),
    [
        ("fit/sw_4078723797.fit", "gpx/sw_4078723797_strava.gpx", "Europe/Brussels"),
        ("fit/gc_10kUNLP2014-Garmin15.fit", "tcx/gc_10kUNLP2014-Garmin15.tcx",
         "America/Argentina/Buenos_Aires"),
    ],
)  # fmt: skip
def test_corpus_pairs_start_at_the_same_local_time(
    corpus_dir: Path, fit_name: str, other_name: str, zone: str
) -> None:
    fit = parse_file(corpus_dir / fit_name)
    other = parse_file(corpus_dir / other_name)
    assert fit.timezone == other.timezone == zone
    assert fit.local_start == other.local_start
    assert fit.local_start.isoformat() == other.local_start.isoformat()
    assert parse_timestamp(activity_to_workout_json(other)["start_time"]) == fit.start_time
    assert (
        activity_to_workout_json(fit)["start_time"] == activity_to_workout_json(other)["start_time"]
    )
