"""Chart ticks a reader can use: whole minutes on time axes, few readable labels on value axes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from st_desktop.ui.chart_format import (
    TIME_STEPS,
    nice_step,
    strip_unit,
    time_tick_spacing,
    value_ticks,
    whole_days,
)


@pytest.mark.parametrize(
    ("span", "size", "major"),
    [(3 * 3600.0, 600.0, 1800.0), (14 * 3600.0, 600.0, 10800.0), (600.0, 600.0, 120.0)],
)
def test_time_ticks_fall_on_whole_minutes_and_hours(span: float, size: float, major: float) -> None:
    (got_major, _), (minor, _) = time_tick_spacing(span, size)
    assert got_major == major
    assert major % minor == 0  # minor ticks divide the labelled ones


@pytest.mark.parametrize("days", [20, 140, 700])
def test_tracks_months_apart_get_a_few_readable_ticks_not_one_a_day(days: int) -> None:
    # A GPX of tracks recorded months apart (ExpertGPS's Blue Hills: 140 days): one labelled
    # tick a day would be 140 labels on top of each other and a paint of 50-70 ms.
    span, size = days * 86400.0, 560.0
    (major, _), (minor, _) = time_tick_spacing(span, size)
    assert span / major <= size / 90 + 1
    assert span / minor <= 4 * (size / 90 + 1)
    assert major % 86400 == 0  # whole days
    assert major % minor == 0


@given(st.floats(1.0, 1000 * 86400.0), st.floats(50.0, 4000.0))
def test_time_tick_steps_come_from_the_list(span: float, size: float) -> None:
    (major, _), (minor, _) = time_tick_spacing(span, size)
    assert int(major) in TIME_STEPS
    assert int(minor) in TIME_STEPS
    assert minor <= major


@given(
    st.floats(-500.0, 5000.0),
    st.floats(0.1, 3000.0),
    st.floats(20.0, 400.0),
)
def test_value_ticks_are_on_the_data_and_readable(first: float, extent: float, size: float) -> None:
    last = first + extent
    pad = extent * 0.25
    step, ticks = value_ticks((first, last), first - pad, last + pad, size)
    assert 1 <= len(ticks) <= 4
    assert all(first - 1e-6 <= t <= last + 1e-6 for t in ticks)
    pixels_per_step = step / ((last + pad - (first - pad)) / size)
    assert len(ticks) == 1 or pixels_per_step >= 16  # labels never overlap


def test_a_flat_line_still_gets_a_label() -> None:
    _, ticks = value_ticks((142.0, 142.0), 141.0, 143.0, 40.0)
    assert ticks == [142.0]


@pytest.mark.parametrize(
    ("smallest", "step"), [(0.3, 0.5), (1.0, 1.0), (13.0, 20.0), (4100.0, 5000.0)]
)
def test_nice_steps_are_1_2_5_times_a_power_of_ten(smallest: float, step: float) -> None:
    assert nice_step(smallest) == pytest.approx(step)


def test_unit_is_stripped_from_titles() -> None:
    assert strip_unit("Heart rate (bpm)") == "Heart rate"
    assert strip_unit("Pace") == "Pace"


def test_only_ticks_whole_days_apart_are_labelled_in_days() -> None:
    assert whole_days(86400.0)
    assert whole_days(50 * 86400.0)
    assert not whole_days(43200.0)  # 12 h: "12:00:00", "36:00:00" …
    assert not whole_days(36 * 3600.0)
