"""GPX files we write: read back by gpxpy, lxml and our parser; valid GPX 1.1 but for <power>."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import gpxpy
import numpy as np
import pytest
from lxml import etree

from st_desktop.domain.activity import Activity, Pause
from st_desktop.parsers import parse_bytes, parse_file
from st_desktop.parsers.summary import track_distance
from st_desktop.parsers.writers import NoPositionsError, workout_to_activity, write_gpx
from tests.unit.parsers.helpers import data_files
from tests.unit.parsers.writers.helpers import api_workout, gpx_schema, made_up_activity

GPX = "{http://www.topografix.com/GPX/1/1}"
TPX = "{http://www.garmin.com/xmlschemas/TrackPointExtension/v2}"


def _extension_values(point: gpxpy.gpx.GPXTrackPoint) -> dict[str, str]:
    values: dict[str, str] = {}
    for element in point.extensions:
        for child in element.iter():
            if child.text and child.text.strip():
                values[etree.QName(child.tag).localname] = child.text.strip()
    return values


def _fixes(activity: Activity) -> np.ndarray:
    s = activity.streams
    return np.flatnonzero(np.isfinite(s.lat) & np.isfinite(s.lon))


def test_gpxpy_reads_every_positioned_sample_with_its_sensor_values() -> None:
    activity = made_up_activity()
    gpx = gpxpy.parse(write_gpx(activity).decode("utf-8"))
    points = [p for track in gpx.tracks for seg in track.segments for p in seg.points]
    fixes = _fixes(activity)
    assert len(points) == len(fixes) == len(activity.streams) - 15  # the GPS gap is left out
    s = activity.streams
    start = activity.start_time.timestamp()
    for point, i in zip(points, fixes.tolist(), strict=True):
        assert point.latitude == pytest.approx(s.lat[i], abs=5e-9)
        assert point.longitude == pytest.approx(s.lon[i], abs=5e-9)
        assert point.elevation == pytest.approx(s.elevation[i], abs=0.005)
        assert point.time is not None
        assert point.time.timestamp() == start + s.time[i]
        values = _extension_values(point)
        assert values.get("hr") == (None if np.isnan(s.heartrate[i]) else str(int(s.heartrate[i])))
        assert values["cad"] == str(int(s.cadence[i]))
        assert values["power"] == str(int(s.power[i]))
        assert float(values["atemp"]) == s.temperature[i]
        assert float(values["speed"]) == pytest.approx(s.speed[i], abs=5e-4)
    assert gpx.tracks[0].name == activity.name
    assert gpx.tracks[0].description == activity.notes
    assert gpx.tracks[0].type == "Cycling: Mountain"
    assert gpx.name == activity.name
    assert gpx.time is not None
    assert gpx.time == activity.start_time


def test_a_new_segment_starts_after_each_pause() -> None:
    activity = made_up_activity()
    activity.pauses.append(Pause(800.0, 830.0))
    gpx = gpxpy.parse(write_gpx(activity).decode("utf-8"))
    sizes = [len(seg.points) for seg in gpx.tracks[0].segments]
    assert sizes == [300, 410 - 15, 190]  # 0-299 s, 420-829 s (less the GPS gap), 830 s on


def test_our_parser_reads_back_the_same_samples_and_type() -> None:
    activity = made_up_activity()
    back = parse_bytes(write_gpx(activity))
    keep = _fixes(activity)
    assert back.start_time == activity.start_time
    assert back.sport == activity.sport
    assert back.name == activity.name
    assert back.notes == activity.notes
    for name, tolerance in (
        ("time", 1e-9),
        ("lat", 5e-9),
        ("lon", 5e-9),
        ("elevation", 0.005),
        ("heartrate", 0.5),
        ("cadence", 0.5),
        ("power", 0.5),
        ("temperature", 0.05),
        ("speed", 5e-4),
    ):
        want, got = activity.streams.get(name)[keep], back.streams.get(name)
        assert np.array_equal(np.isfinite(want), np.isfinite(got)), name
        assert np.nanmax(np.abs(want - got)) <= tolerance, name
    assert (back.pauses[0].start, back.pauses[0].end) == (299.0, 420.0)


def test_output_is_valid_gpx_1_1_except_stravas_power_element() -> None:
    schema = gpx_schema()
    activity = made_up_activity()
    root = etree.fromstring(write_gpx(activity))
    schema.validate(root)
    # <power> (as Strava writes it) is in the GPX namespace, which the schema does not allow
    # inside <extensions>; everything else is valid.
    errors = [e.message for e in schema.error_log]
    assert errors
    assert all(m.startswith(f"Element '{GPX}power'") for m in errors), errors[:3]
    activity.streams.power[:] = np.nan
    assert schema.validate(etree.fromstring(write_gpx(activity))), schema.error_log


def test_an_activity_without_positions_cannot_be_written_as_gpx() -> None:
    activity = made_up_activity()
    activity.streams.lat[:] = np.nan
    with pytest.raises(NoPositionsError, match="no GPS positions"):
        write_gpx(activity)


def test_text_is_escaped_and_characters_xml_cannot_hold_are_dropped() -> None:
    activity = made_up_activity()
    activity.name = "Ride <&> \"quotes\" 'single' \x07bell"
    activity.notes = "]]> not a CDATA end"
    gpx = gpxpy.parse(write_gpx(activity).decode("utf-8"))
    assert gpx.tracks[0].name == "Ride <&> \"quotes\" 'single' bell"
    assert gpx.tracks[0].description == "]]> not a CDATA end"


def test_workout_json_becomes_gpx_with_every_location() -> None:
    workout = api_workout("sporttracks_track_5555562.json")
    location = workout.stream("location")
    assert location is not None
    back = parse_bytes(write_gpx(workout_to_activity(workout)))
    assert len(back.streams) == len(location)
    assert np.allclose(back.streams.lat, [p[0] for p in location.values], atol=5e-9)
    assert workout.start_time is not None
    first_fix = workout.start_time + timedelta(seconds=location.offsets[0])
    assert back.start_time == first_fix  # a GPX track starts at its first point


@pytest.mark.parametrize("path", data_files("fit"), ids=lambda p: p.name)
def test_real_files_with_gps_become_gpx_with_their_track(path: Path) -> None:
    original = parse_file(path)
    if not original.has_gps:
        with pytest.raises(NoPositionsError):
            write_gpx(original)
        return
    back = parse_bytes(write_gpx(original))
    fixes = _fixes(original)
    assert len(back.streams) == len(fixes)
    # GPX has no distance: readers measure the track, as our parser does, within each
    # <trkseg> (the step from one segment to the next is not distance).
    parts = np.zeros(len(back.streams), dtype=np.int64)
    for number, segment in enumerate(back.segments):
        parts[segment.first : segment.stop] = number
    along = track_distance(original.streams.lat[fixes], original.streams.lon[fixes], parts)
    assert back.summary.distance == pytest.approx(float(np.nanmax(along)), rel=1e-4)
