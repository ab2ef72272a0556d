"""Streams with separate time bases become one chartable track (contract 3.3)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import Activity, Pause, Streams
from st_desktop.domain.track import CHANNELS, DISPLAY_POINTS, Track, derive_speed
from st_desktop.domain.workout import Workout

DATA = Path(__file__).parents[2] / "data" / "api"


def workout(**streams: list[object]) -> Workout:
    raw = {
        "start_time": "2024-05-01T10:00:00+02:00",
        "type": "Running",
        "timer_stops": [["2024-05-01T10:00:20+02:00", "2024-05-01T10:00:30+02:00"]],
        **streams,
    }
    return Workout.from_json(raw)


def test_streams_with_their_own_offsets_share_one_axis() -> None:
    track = Track.from_workout(
        workout(
            heartrate=[0, 100, 10, 120, 40, 140],
            distance=[4, 0, 14, 30, 40, 100],  # starts late
            location=[0, [45.0, 6.0], 10, [45.001, 6.0]],  # GPS drops out after 10 s
        )
    )
    assert list(track.time) == [0, 4, 10, 14, 40]
    assert track.heartrate[1] == pytest.approx(108)  # interpolated between 0 s and 10 s
    assert np.isnan(track.distance[0])  # before the distance stream began
    assert np.isnan(track.lat[-1])  # after the GPS dropout
    assert track.position_at(9.0) == (45.001, 6.0)
    assert track.position_at(40.0) is None
    assert track.pauses == ((20.0, 30.0),)
    assert track.sport == "Running"
    assert not track.has("power")


def test_speed_is_derived_from_distance_and_never_negative() -> None:
    time = np.arange(0, 60, 1.0)
    distance = time * 3.0
    distance[30] = distance[29] - 5  # a GPS correction going backwards
    speed = derive_speed(time, distance)
    assert np.nanmedian(speed) == pytest.approx(3.0)
    assert np.nanmin(speed) >= 0


def test_sparse_smart_recording_still_gives_speed() -> None:
    time = np.array([0.0, 60.0, 143.0])
    assert derive_speed(time, np.array([0.0, 600.0, 1430.0]))[1] == pytest.approx(10.0)


def test_real_workout_from_the_service() -> None:
    raw = json.loads((DATA / "sporttracks_track_5522409.json").read_text())
    track = Track.from_workout(Workout.from_json(raw))
    assert track.has_route
    assert track.has("heartrate")
    assert track.has("cadence")
    assert track.has("speed")
    avg = float(raw["avg_speed"])
    assert np.nanmedian(track.speed) == pytest.approx(avg, rel=0.25)
    assert track.duration == max(raw["location"][-2], raw["heartrate"][-2], raw["distance"][-2])
    assert track.index_at(track.duration + 100) == len(track) - 1
    assert track.elapsed_at_distance(1000.0) is not None


def test_from_activity_keeps_the_aligned_samples() -> None:
    n = 5
    streams = Streams.from_columns(
        {
            "time": np.arange(n, dtype=float),
            "lat": np.linspace(45, 45.01, n),
            "lon": np.full(n, 6.0),
            "distance": np.arange(n) * 4.0,
        },
        n,
    )
    activity = Activity(
        format="GPX",
        start_time=datetime(2024, 1, 1, tzinfo=UTC),
        sport="Cycling",
        streams=streams,
        pauses=[Pause(2.0, 3.0)],
    )
    track = Track.from_activity(activity)
    assert len(track) == n
    assert track.has_route
    assert np.nanmedian(track.speed) == pytest.approx(4.0)
    assert track.pauses == ((2.0, 3.0),)
    assert not track.has("heartrate")


def test_empty_workout_gives_an_empty_track() -> None:
    track = Track.from_workout(Workout.from_json({"start_time": "2024-01-01T00:00:00Z"}))
    assert len(track) == 0
    assert not track.has_route
    assert track.position_at(0) is None


def long_ride(seconds: int = 14 * 3600) -> Track:
    """A 14 h recording, one sample a second, with a heart-rate spike and a GPS dropout."""
    t = np.arange(0, seconds, 1.0)
    rng = np.random.default_rng(7)
    heartrate = 130 + rng.normal(0, 5, len(t))
    speed = np.abs(8 + rng.normal(0, 1, len(t)))
    lat = 45 + t * 1e-6
    lon = np.full(len(t), 6.0)
    if seconds > 40_600:
        heartrate[20_000] = 199.0  # one sample: a spike a reduction must not hide
        speed[30_000] = 0.0  # one standing-still sample
        lat[40_000:40_600] = np.nan  # ten minutes without a fix
        lon[40_000:40_600] = np.nan
    nan = np.full(len(t), np.nan)
    return Track(
        time=t,
        distance=t * 8.0,
        elevation=300 + np.sin(t / 900) * 50,
        heartrate=heartrate,
        speed=speed,
        cadence=nan,
        power=nan,
        temperature=nan,
        lat=lat,
        lon=lon,
        sport="Cycling",
        pauses=((100.0, 200.0),),
    )


def test_a_reduced_track_keeps_spikes_ends_and_gaps() -> None:
    track = long_ride()
    reduced = track.downsampled(4000)
    assert 1000 < len(reduced) <= 4000
    # Every sample kept is a real one, on the same axis.
    kept = np.searchsorted(track.time, reduced.time)
    assert np.array_equal(track.time[kept], reduced.time)
    assert np.array_equal(track.heartrate[kept], reduced.heartrate)
    # The extremes of every channel survive, spikes included, and both ends.
    for name in ("heartrate", "speed", "elevation", "distance", "lat"):
        assert np.nanmax(reduced.channel(name)) == np.nanmax(track.channel(name)), name
        assert np.nanmin(reduced.channel(name)) == np.nanmin(track.channel(name)), name
    assert reduced.time[0] == track.time[0]
    assert reduced.time[-1] == track.time[-1]
    # The GPS dropout is still a gap in the route, not a straight line across it.
    inside = (reduced.time >= 40_000) & (reduced.time < 40_600)
    assert inside.any()
    assert np.isnan(reduced.lat[inside]).all()
    # What is not a channel of the file stays empty; the rest of the track is as it was.
    assert not reduced.has("cadence")
    assert (reduced.sport, reduced.pauses) == (track.sport, track.pauses)


def test_a_short_track_is_not_reduced() -> None:
    track = long_ride(seconds=600)
    assert track.downsampled(4000) is track
    assert track.display is track


def test_builders_prepare_the_reduced_track_with_the_track() -> None:
    n = DISPLAY_POINTS * 3
    streams = Streams.from_columns(
        {"time": np.arange(n, dtype=float), "heartrate": np.full(n, 140.0)}, n
    )
    activity = Activity(
        format="FIT",
        start_time=datetime(2024, 1, 1, tzinfo=UTC),
        sport="Running",
        streams=streams,
    )
    track = Track.from_activity(activity)
    # Built by the builder (on the worker that built the track), not when first drawn.
    assert vars(track)["_display"] is not None
    assert track.display is track.display
    assert len(track.display) <= DISPLAY_POINTS
    assert track.display.same_samples(track.downsampled(DISPLAY_POINTS))


def test_same_samples_tells_a_file_read_again_from_another() -> None:
    one, again = long_ride(seconds=3600), long_ride(seconds=3600)
    assert one.same_samples(again)
    assert one.display.same_samples(again.display)
    assert not one.same_samples(long_ride(seconds=3601))
    changed = Track(**{**{n: one.channel(n) for n in ("time", *CHANNELS)}, "sport": "Running"})
    assert not one.same_samples(changed)


def test_the_route_and_charts_break_between_segments_instead_of_a_straight_line() -> None:
    from st_desktop.parsers import parse_bytes
    from tests.unit.parsers.gpxcraft import at, east, gpx, moving

    first = moving(at("2020-06-01T09:00:00Z"), 47.37, 8.54, 600)
    lat, lon = east(first[-1][1], first[-1][2], 12_000)  # 12 km away, two minutes later
    second = moving(first[-1][0] + 120, lat, lon, 600)
    activity = parse_bytes(gpx([[first, second]]), "two.gpx")
    track = Track.from_activity(activity)
    assert len(track) == len(first) + len(second) + 1  # one gap sample between the two
    gap = len(first)
    assert np.isnan(track.lat[gap])
    assert np.isnan(track.lon[gap])
    assert np.isnan(track.speed[gap])
    assert np.isnan(track.distance[gap])
    assert track.time[gap - 1] < track.time[gap] < track.time[gap + 1]
    # Every recorded sample is still there, on both sides of the break.
    assert np.count_nonzero(np.isfinite(track.lat)) == len(first) + len(second)
    # The reduced line keeps the break too.
    assert np.isnan(track.downsampled(200).lat).any()
    # Inside the gap there is no position to mark; on either side there is.
    assert track.position_at(float(track.time[gap])) is None
    assert track.position_at(float(track.time[gap - 1])) is not None
