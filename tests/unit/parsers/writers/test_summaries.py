"""Lap spans and lap totals for formats whose only totals are laps (TCX)."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from st_desktop.domain.activity import Lap, Summary
from st_desktop.parsers import parse_bytes
from st_desktop.parsers.writers.summaries import combine_summaries, completed_laps, lap_spans
from tests.unit.parsers.gpxcraft import at, gpx, moving


def test_laps_without_times_end_where_the_next_begins_and_the_last_at_the_total() -> None:
    laps = [Lap(0.0, Summary()), Lap(600.0, Summary(moving_time=500.0)), Lap(1200.0, Summary())]
    assert lap_spans(laps, total=1800.0) == [(0.0, 600.0), (600.0, 1100.0), (1200.0, 1800.0)]
    assert lap_spans([Lap(50.0, Summary())]) == [(50.0, 50.0)]


def test_laps_without_distance_or_calories_get_them_from_the_ride() -> None:
    ride = parse_bytes(gpx([[moving(at("2024-06-01T08:00:00Z"), 47.05, 8.3, seconds=1800)]]))
    ride = dataclasses.replace(ride, summary=dataclasses.replace(ride.summary, calories=2000.0))
    laps = [Lap(0.0, Summary(moving_time=600.0)), Lap(600.0, Summary(moving_time=1200.0))]
    done = completed_laps(ride, laps, lap_spans(laps, 1800.0))
    assert [lap.summary.distance for lap in done] == pytest.approx([3000, 6000], rel=0.01)
    assert [lap.summary.calories for lap in done] == pytest.approx([2000 / 3, 4000 / 3])
    none = Summary(moving_time=0.0)
    even = completed_laps(ride, [Lap(0.0, none), Lap(900.0, none)], [(0.0, 0.0), (900.0, 900.0)])
    assert [lap.summary.calories for lap in even] == [1000.0, 1000.0]  # no time: shared evenly
    no_distance = np.full(len(ride.streams), np.nan)
    blank = dataclasses.replace(
        ride, streams=dataclasses.replace(ride.streams, distance=no_distance)
    )
    unknown = completed_laps(blank, laps, lap_spans(laps, 1800.0))
    assert unknown[0].summary.distance is None


def test_combined_summaries_weigh_averages_by_timer_time() -> None:
    parts = [
        Summary(distance=1000.0, moving_time=100.0, avg_heartrate=120.0, max_heartrate=150.0),
        Summary(distance=3000.0, moving_time=300.0, avg_heartrate=160.0, max_heartrate=180.0),
    ]
    total = combine_summaries(parts)
    assert (total.distance, total.moving_time, total.max_heartrate) == (4000.0, 400.0, 180.0)
    assert total.avg_heartrate == pytest.approx(150.0)
    assert total.avg_speed == pytest.approx(10.0)
    untimed = combine_summaries([Summary(avg_power=100.0), Summary(avg_power=200.0)])
    assert untimed.avg_power == pytest.approx(150.0)
    assert untimed.distance is None
