"""Fixing an activity before upload: start time, trim, split, merge, privacy zones."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from st_desktop.domain.activity import Lap, Streams
from st_desktop.parsers import parse_bytes
from st_desktop.parsers.edit import (
    EditError,
    merge,
    shift_start,
    split_at,
    split_by_sport,
    split_points,
    trim,
)
from st_desktop.parsers.privacy import PrivacyZone, hide_zones
from st_desktop.parsers.writers import write_fit
from tests.unit.parsers.gpxcraft import at, gpx, moving

LUCERNE = (47.05, 8.30)


def three_days() -> bytes:
    """Three tracks of 30 min at 5 m/s (9 km each), on three different days."""
    starts = ("2024-06-01T08:00:00Z", "2024-06-02T09:00:00Z", "2024-06-04T17:30:00Z")
    return gpx([[moving(at(s), *LUCERNE, seconds=1800)] for s in starts])


def test_the_split_points_are_the_days_and_splitting_gives_three_clean_rides() -> None:
    whole = parse_bytes(three_days(), "three.gpx")
    assert any(v.kind == "several_days" for v in whole.verdicts)
    cuts = split_points(whole)
    assert len(cuts) == 2
    pieces = split_at(whole, cuts)
    assert len(pieces) == 3
    for piece in pieces:
        assert piece.summary.distance == pytest.approx(9000, rel=0.01)
        assert piece.summary.elapsed_time == pytest.approx(1800, abs=1)
        assert not [v for v in piece.verdicts if v.severity == "warning"]
    assert [p.local_start.strftime("%d %H:%M") for p in pieces] == [
        "01 10:00",
        "02 11:00",
        "04 19:30",
    ]


def test_a_preview_without_samples_knows_where_a_split_cuts() -> None:
    # Morning and evening of one day (a 6 h hole), then the next day: the rows of the upload
    # list keep the segments but not the samples; the Split dialog counts the parts from them.
    starts = ("2024-06-01T06:00:00Z", "2024-06-01T12:30:00Z", "2024-06-02T06:00:00Z")
    whole = parse_bytes(gpx([[moving(at(s), *LUCERNE, seconds=1800) for s in starts]]))
    preview = dataclasses.replace(whole, streams=Streams())
    assert split_points(preview) == split_points(whole)
    assert len(split_points(whole)) == 2  # the 6 h hole and the next day
    assert len(split_points(whole, min_gap_s=8 * 3600)) == 1  # only the day
    assert split_points(preview, min_gap_s=8 * 3600) == split_points(whole, min_gap_s=8 * 3600)


def test_merging_back_to_back_recordings_gives_one_ride_with_the_stop_as_a_pause() -> None:
    # A device that saved the ride in two files at a café stop: 30 min, 20 min off, 30 min.
    first = moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=1800)
    second = moving(at("2024-06-01T08:50:00Z"), first[-1][1] + 0.001, LUCERNE[1], seconds=1800)
    pieces = [parse_bytes(gpx([[points]])) for points in (second, first)]
    together = merge(pieces)
    assert together.start_time == pieces[1].start_time  # in time order, whatever the choice
    assert together.summary.distance == pytest.approx(18_000, rel=0.01)  # the jump is none
    assert together.summary.moving_time == pytest.approx(3600, abs=2)
    assert [round(p.duration) for p in together.pauses] == [1200]
    again = merge(split_at(together, [2400]))
    assert again.summary.distance == pytest.approx(together.summary.distance, rel=0.001)
    days = split_at(parse_bytes(three_days()), split_points(parse_bytes(three_days())))
    with pytest.raises(EditError, match="12 hours apart"):
        merge(days[1:])
    with pytest.raises(EditError, match="overlap"):
        merge([pieces[0], pieces[0]])
    other = dataclasses.replace(pieces[0], sport="Running")
    with pytest.raises(EditError, match="same sport"):
        merge([pieces[1], other])


def test_trim_keeps_the_range_and_starts_at_its_first_sample() -> None:
    ride = parse_bytes(gpx([[moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=3600)]]))
    cut = trim(ride, 600, 1800)
    assert cut.start_time == ride.start_time + timedelta(seconds=600)
    assert cut.streams.time[0] == 0
    assert cut.summary.elapsed_time == pytest.approx(1200, abs=1)
    assert cut.summary.distance == pytest.approx(6000, rel=0.01)
    back = parse_bytes(write_fit(cut), "trimmed.fit")  # what goes up: our own FIT
    assert back.start_time == cut.start_time
    assert back.summary.distance == pytest.approx(cut.summary.distance, rel=0.01)
    with pytest.raises(EditError, match="at least two samples"):
        trim(ride, 5, 6)


def test_a_wrong_start_is_moved_and_every_sample_moves_with_it() -> None:
    broken = parse_bytes(gpx([[moving(at("1901-12-13T20:45:52Z"), *LUCERNE, seconds=1200)]]))
    assert any(v.kind == "date_too_early" for v in broken.verdicts)
    right = datetime(2024, 6, 1, 7, 30, tzinfo=UTC)
    fixed = shift_start(broken, right)
    assert fixed.start_time == right
    assert fixed.local_start.strftime("%H:%M") == "09:30"  # Lucerne in summer
    assert np.array_equal(fixed.streams.time, broken.streams.time)
    assert not any(v.kind == "date_too_early" for v in fixed.verdicts)
    back = parse_bytes(write_fit(fixed), "fixed.fit")
    assert back.start_time == right


def test_a_multisport_recording_splits_per_sport() -> None:
    ride = parse_bytes(gpx([[moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=3600)]]))
    laps = [
        dataclasses.replace(ride.laps[0], start=0.0, sport="Swimming"),
        Lap(1200.0, ride.laps[0].summary, sport="Cycling"),
        Lap(2400.0, ride.laps[0].summary, sport="Running"),
    ]
    multisport = dataclasses.replace(ride, laps=laps)
    legs = split_by_sport(multisport)
    assert [leg.sport for leg in legs] == ["Swimming", "Cycling", "Running"]
    assert [round(leg.summary.elapsed_time or 0) for leg in legs] == [1190, 1190, 1200]
    assert split_by_sport(ride) == [ride]


def test_privacy_zones_hide_the_start_and_end_but_not_the_figures() -> None:
    out = moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=1200)
    turn = out[-1][0] + 10
    back = [(turn + 10 * i, lat, lon) for i, (_t, lat, lon) in enumerate(reversed(out))]
    ride = parse_bytes(gpx([[out + back]]))
    home = PrivacyZone("Home", *LUCERNE, radius_m=500)
    hidden_ride, hidden = hide_zones(ride, [home])
    assert hidden.zones == ("Home",)
    # 5 m/s for 100 s is 500 m: the first and the last ~10 points lie within it.
    assert 10 <= hidden.head <= 11
    assert 10 <= hidden.tail <= 11
    assert np.isnan(hidden_ride.streams.lat[: hidden.head]).all()
    assert np.isfinite(hidden_ride.streams.lat[hidden.head : -hidden.tail]).all()
    assert hidden_ride.summary.distance == ride.summary.distance
    elsewhere = PrivacyZone("Work", 46.0, 7.0, 500)
    assert hide_zones(ride, [elsewhere])[1].head == 0
    passed = parse_bytes(write_fit(hidden_ride), "private.fit")
    assert np.isnan(passed.streams.lat[0])  # what goes up has no position near home
