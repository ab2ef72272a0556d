"""The Activity model: streams on one axis, summary figures, derived properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest

from st_desktop.domain.activity import STREAM_NAMES, Activity, Pause, Streams, Summary


def _activity(lat: list[float]) -> Activity:
    streams = Streams.from_columns(
        {"time": np.array([0.0, 1.0, 2.0]), "lat": np.array(lat), "lon": np.array([7.0] * 3)}, 3
    )
    return Activity(
        format="GPX",
        start_time=datetime(2024, 5, 1, 8, 0, tzinfo=UTC),
        sport="Running",
        streams=streams,
        summary=Summary(distance=1234.5, elapsed_time=3600.0, moving_time=3500.0),
    )


def test_missing_streams_are_nan_of_the_same_length() -> None:
    activity = _activity([46.0, 46.1, np.nan])
    for name in STREAM_NAMES:
        assert len(activity.streams.get(name)) == 3
    assert np.isnan(activity.streams.heartrate).all()
    assert activity.streams.available() == ["lat", "lon"]


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="has 2 values"):
        Streams.from_columns({"time": np.zeros(3), "power": np.zeros(2)}, 3)


def test_gps_and_end_time() -> None:
    assert _activity([46.0, 46.1, 46.2]).has_gps
    indoor = _activity([np.nan] * 3)
    assert not indoor.has_gps
    assert indoor.end_time - indoor.start_time == timedelta(hours=1)
    assert indoor.distance == 1234.5
    assert indoor.moving_time == 3500.0


def test_select_keeps_streams_aligned() -> None:
    streams = _activity([46.0, 46.1, 46.2]).streams.select(np.array([True, False, True]))
    assert streams.time.tolist() == [0.0, 2.0]
    assert streams.lat.tolist() == [46.0, 46.2]


def test_summary_merge_prefers_known_figures() -> None:
    recorded = Summary(distance=1000.0, calories=None)
    computed = Summary(distance=990.0, calories=None, avg_heartrate=140.0)
    merged = recorded.merged_over(computed)
    assert merged.distance == 1000.0
    assert merged.avg_heartrate == 140.0
    assert merged.calories is None


def test_pause_duration() -> None:
    assert Pause(10.0, 70.5).duration == 60.5
