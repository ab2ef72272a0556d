"""GPX and TCX: every extension read, routes and untimed tracks refused with a clear reason."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers import parse_bytes, parse_file
from st_desktop.parsers.errors import MalformedXmlError, NoActivityDataError, UnsafeXmlError
from st_desktop.parsers.export import activity_to_workout_json

GPX_HEAD = (
    b'<?xml version="1.0"?><gpx version="1.1" creator="test" '
    b'xmlns="http://www.topografix.com/GPX/1/1">'
)


def _gpx(points: str) -> bytes:
    return (
        GPX_HEAD
        + b"<trk><name>Test</name><type>running</type><trkseg>"
        + points.encode()
        + b"</trkseg></trk></gpx>"
    )


def test_apple_watch_two_extension_blocks_give_cadence_and_power(test_data: Path) -> None:
    activity = parse_file(test_data / "gpx/tg_Friday-Evening-Run.gpx")
    assert activity.format == "GPX"
    assert activity.streams.has("cadence")
    assert activity.streams.has("power")  # gpxpy drops these (second <extensions> block)
    assert activity.device == "Apple Watch"
    assert activity.sport == "Running"


def test_missing_heart_rate_on_some_points_is_nan(test_data: Path) -> None:
    activity = parse_file(test_data / "gpx/tg_missing_hr.gpx")
    hr = activity.streams.heartrate
    assert np.isnan(hr).any()
    assert np.isfinite(hr).any()


def test_empty_segment_is_harmless(test_data: Path) -> None:
    activity = parse_file(test_data / "gpx/gx_track-with-empty-segment.gpx")
    assert len(activity.streams) == 9


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("gx_route.gpx", "planned route"),
        ("tg_opencpn_routes.gpx", "planned route"),
        ("gx_unicode_with_bom.gpx", "only waypoints"),
    ],
)
def test_gpx_without_a_track_says_why(test_data: Path, name: str, message: str) -> None:
    with pytest.raises(NoActivityDataError, match=message):
        parse_file(test_data / "gpx" / name)


def test_gpx_without_times_cannot_be_an_activity() -> None:
    data = _gpx('<trkpt lat="46.0" lon="7.0"><ele>500</ele></trkpt>' * 3)
    with pytest.raises(NoActivityDataError, match="no track points with times"):
        parse_bytes(data)


def test_every_power_and_temperature_spelling() -> None:
    data = _gpx(
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time>'
        "<extensions><power>200</power>"
        "<gpxtpx:TrackPointExtension "
        "xmlns:gpxtpx='http://www.garmin.com/xmlschemas/TrackPointExtension/v2'>"
        "<gpxtpx:hr>120</gpxtpx:hr><gpxtpx:atemp>21.5</gpxtpx:atemp><gpxtpx:cad>80</gpxtpx:cad>"
        "</gpxtpx:TrackPointExtension></extensions></trkpt>"
        '<trkpt lat="46.001" lon="7.0"><time>2020-01-01T10:00:05+00:00</time><extensions>'
        "<PowerInWatts>210</PowerInWatts></extensions><extensions><speed>4.5</speed></extensions></trkpt>"
    )
    activity = parse_bytes(data)
    np.testing.assert_array_equal(activity.streams.power, [200, 210])
    assert activity.streams.heartrate[0] == 120
    assert activity.streams.temperature[0] == 21.5
    assert activity.streams.cadence[0] == 80
    assert activity.streams.speed[1] == 4.5
    assert activity.streams.time.tolist() == [0.0, 5.0]
    assert activity.distance == pytest.approx(111.2, abs=0.5)


def test_timestamps_going_backwards_are_sorted_with_a_warning() -> None:
    data = _gpx(
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time></trkpt>'
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:12:31Z</time></trkpt>'
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:12:30Z</time></trkpt>'
    )
    activity = parse_bytes(data)
    assert activity.streams.time.tolist() == [0.0, 750.0, 751.0]
    assert any("go backwards at 00:12:30" in w for w in activity.warnings)


def test_a_value_repeated_in_one_point_keeps_the_last_and_leaves_no_gap_filled() -> None:
    # Two extension blocks in one point both carry a heart rate; the next point has none.
    ext = "<extensions><hr>{}</hr></extensions>"
    data = _gpx(
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time>'
        + ext.format(100)
        + ext.format(110)
        + '</trkpt><trkpt lat="46.0" lon="7.0001"><time>2020-01-01T10:00:01Z</time></trkpt>'
    )
    hr = parse_bytes(data).streams.heartrate
    assert hr[0] == 110
    assert np.isnan(hr[1])


def test_malformed_xml_is_recovered_with_a_warning() -> None:
    data = _gpx(
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time><x:hr>100</x:hr></trkpt>'
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:01Z</time></trkpt>'
    )
    activity = parse_bytes(data)
    assert len(activity.streams) == 2
    assert activity.streams.heartrate[0] == 100
    assert any("not well-formed" in w for w in activity.warnings)


def test_garbage_xml_is_a_clear_error() -> None:
    with pytest.raises((MalformedXmlError, NoActivityDataError)):
        parse_bytes(b"<gpx><<<<&&&")


def test_entity_declarations_are_refused_quickly() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa">'
        + b"".join(b'<!ENTITY a%d "&a%d;&a%d;&a%d;&a%d;">' % (i + 1, i, i, i, i) for i in range(12))
        + b"]><gpx>&a12;</gpx>"
    )
    with pytest.raises(UnsafeXmlError, match="entities"):
        parse_bytes(bomb)


def test_external_entities_are_never_fetched() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE gpx SYSTEM "http://127.0.0.1:9/x.dtd">'
        + _gpx('<trkpt lat="1" lon="1"><time>2020-01-01T10:00:00Z</time></trkpt>')[
            len(b'<?xml version="1.0"?>') :
        ]
    )
    activity = parse_bytes(data)
    assert len(activity.streams) == 1


def test_tcx_course_is_read(test_data: Path) -> None:
    activity = parse_file(test_data / "tcx/tg_tcx-courses.tcx")
    assert activity.format == "TCX"
    assert activity.name == "Test TCX Route"
    assert len(activity.streams) == 30
    assert activity.has_gps


def test_tcx_power_cadence_and_lap_totals(test_data: Path) -> None:
    activity = parse_file(test_data / "tcx/tg_garmin_connect_edge520.tcx")
    assert activity.sport == "Cycling"
    assert activity.device == "Edge 520"
    assert activity.streams.has("power")
    assert activity.streams.has("cadence")
    assert activity.recorded_summary is not None
    assert activity.distance == pytest.approx(activity.recorded_summary.distance)
    assert activity.computed_summary.distance == pytest.approx(1691.68, rel=0.01)


def test_tcx_run_cadence_and_sport(test_data: Path) -> None:
    activity = parse_file(test_data / "tcx/tr_cross-country-skiing.tcx")
    assert activity.streams.has("cadence")
    assert activity.streams.has("heartrate")
    assert len(activity.laps) == 2
    assert activity.computed_summary.distance == pytest.approx(5692.01, rel=0.01)


def _tcx(laps: list[tuple[str, str]]) -> bytes:
    """A TCX run of one lap per (lap totals XML, trackpoint times as 'MM:SS,MM:SS,...')."""
    body = []
    metres = 0
    for totals, times in laps:
        points = ""
        for t in times.split(","):
            points += (
                f"<Trackpoint><Time>2024-05-01T08:{t}Z</Time>"
                f"<DistanceMeters>{metres}</DistanceMeters></Trackpoint>"
            )
            metres += 10
        start = times.split(",")[0]
        body.append(
            f'<Lap StartTime="2024-05-01T08:{start}Z">{totals}<Track>{points}</Track></Lap>'
        )
    return (
        '<?xml version="1.0"?><TrainingCenterDatabase '
        'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'
        '<Activities><Activity Sport="Running"><Id>2024-05-01T08:00:00Z</Id>'
        + "".join(body)
        + "</Activity></Activities></TrainingCenterDatabase>"
    ).encode()


def test_tcx_moving_time_is_the_laps_timer_time_not_the_trackpoint_gaps() -> None:
    # Two laps the watch timed at 100.4 s and 59.9 s; the track has a 3 min gap (moving on with
    # smart recording, or paused: the trackpoints alone cannot tell).
    activity = parse_bytes(
        _tcx(
            [
                (
                    "<TotalTimeSeconds>100.4</TotalTimeSeconds><DistanceMeters>250</DistanceMeters>"
                    "<Calories>20</Calories>",
                    "00:00,00:30,00:40,03:40",
                ),
                (
                    "<TotalTimeSeconds>59.9</TotalTimeSeconds><DistanceMeters>150</DistanceMeters>"
                    "<Calories>10</Calories>",
                    "03:41,04:40",
                ),
            ]
        )
    )
    assert activity.moving_time == pytest.approx(160.3)
    # The trackpoints alone: 280 s less the 3 min standing-still gap and the 1 s before the
    # second <Track> (a timer restart).
    assert activity.computed_summary.moving_time == pytest.approx(99.0)
    assert activity.distance == pytest.approx(400.0)
    assert activity.calories == pytest.approx(30 * 4.184)
    assert activity.elapsed_time >= activity.moving_time


def test_tcx_lap_totals_missing_in_one_lap_fall_back_to_the_samples() -> None:
    activity = parse_bytes(
        _tcx(
            [
                ("<TotalTimeSeconds>40</TotalTimeSeconds><Calories>0</Calories>", "00:00,00:40"),
                ("<DistanceMeters>500</DistanceMeters><Calories>0</Calories>", "00:41,01:20"),
            ]
        )
    )
    # A sum over some laps would understate the whole: the figures come from the samples.
    assert activity.moving_time == pytest.approx(79.0)  # 80 s less the timer restart
    assert activity.distance == pytest.approx(30.0)
    # <Calories> is required by the schema: 0 in every lap means the device did not count them.
    assert activity.calories is None


def test_tcx_timer_a_fraction_longer_than_the_samples_keeps_clock_above_timer() -> None:
    activity = parse_bytes(
        _tcx([("<TotalTimeSeconds>60.4</TotalTimeSeconds>", "00:00,00:30,01:00")])
    )
    assert activity.moving_time == pytest.approx(60.4)
    assert activity.elapsed_time == pytest.approx(60.4)  # the samples span only 60 s
    workout = activity_to_workout_json(activity)
    assert workout["duration"] == 60.4
    assert workout["clock_duration"] == 61
    assert workout["laps"][0]["clock_duration"] == 61
