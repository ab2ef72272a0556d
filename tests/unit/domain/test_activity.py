"""The Activity model: streams on one axis, summary figures, derived properties."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import numpy as np
import pytest

from st_desktop.domain.activity import (
    STREAM_NAMES,
    VERDICT_KINDS,
    Activity,
    Pause,
    Segment,
    Streams,
    Summary,
    Verdict,
)


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


def test_local_times_are_the_rides_own_across_daylight_saving() -> None:
    activity = _activity([46.0, 46.1, 46.2])
    # 08:00Z on 26 Oct 2024 is 10:00 in Zurich (summer time ends that night).
    activity.start_time = datetime(2024, 10, 26, 10, 0, tzinfo=timezone(timedelta(hours=2)))
    activity.timezone, activity.utc_offset = "Europe/Zurich", timedelta(hours=2)
    assert activity.local_start.hour == 10
    assert activity.local_start.tzinfo is not None
    assert str(activity.local_start.tzinfo) == "Europe/Zurich"
    next_day = activity.local_time(24 * 3600)
    assert (next_day.hour, next_day.utcoffset()) == (9, timedelta(hours=1))
    # Without a known zone, the offset at the start is all there is.
    activity.timezone = None
    assert activity.local_time(24 * 3600).hour == 10


def test_warning_verdicts_make_the_activity_a_warning() -> None:
    activity = _activity([46.0, 46.1, 46.2])
    assert not activity.has_warnings
    activity.verdicts = (
        Verdict("segment_jump", "A new segment starts 39 min after it.", "notice"),
    )
    assert not activity.has_warnings
    activity.verdicts += (Verdict("gap", "A 5 h 02 min gap at 11:40 has no samples.", index=2),)
    assert activity.has_warnings
    assert set(VERDICT_KINDS) >= {v.kind for v in activity.verdicts}


def test_segment_is_an_index_range() -> None:
    start = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    segment = Segment(first=10, stop=25, start=100.0, end=180.0, start_time=start, reason="hole")
    assert len(segment) == 15
    assert segment.part == 0
