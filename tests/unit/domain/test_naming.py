"""Unnamed workouts are named like the services users know: part of the day and sport."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from st_desktop.domain.naming import default_name


@pytest.mark.parametrize(
    ("hour", "kind", "name"),
    [
        (7, "Cycling", "Morning Ride"),
        (12, "Running", "Lunch Run"),
        (15, "Walking: Hiking", "Afternoon Hike"),
        (18, "Running: Trail", "Evening Trail Run"),
        (23, "Swimming: Pool", "Night Swim"),
        (3, "Cycling: Mountain", "Night Mountain Bike Ride"),
        (9, "Gym: Strength", "Morning Workout"),
        (9, "Kitesurfing", "Morning Activity"),  # a type the catalogue does not know
    ],
)
def test_names_follow_the_local_hour_and_the_sport(hour: int, kind: str, name: str) -> None:
    assert default_name(datetime(2026, 11, 15, hour, 27), kind) == name


def test_the_rides_own_clock_decides_not_utc() -> None:
    # 06:10 UTC is 16:10 in Sydney: an afternoon ride there, not a morning one.
    sydney = timezone(timedelta(hours=10))
    start = datetime(2026, 11, 15, 6, 10, tzinfo=UTC).astimezone(sydney)
    assert default_name(start, "Cycling") == "Afternoon Ride"


def test_without_a_start_only_the_sport_is_named() -> None:
    assert default_name(None, "Running") == "Run"
