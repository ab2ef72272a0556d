"""Formatting for metric/imperial users and parsing what they type in the new-workout form."""

from __future__ import annotations

import pytest

from st_desktop.domain.units import (
    format_calories,
    format_distance,
    format_duration,
    format_elevation,
    format_pace,
    format_speed,
    format_speed_or_pace,
    parse_distance,
    parse_duration,
    shows_pace,
)


def test_distances_in_both_systems() -> None:
    assert format_distance(10_020, "metric") == "10.02 km"
    assert format_distance(10_020, "imperial") == "6.23 mi"
    assert format_distance(None, "metric") == ""
    assert format_distance(0, "metric") == ""  # the service's "no distance" (strength training)


def test_elevation_in_feet_for_imperial_users() -> None:
    assert format_elevation(123.4, "metric") == "123 m"
    assert format_elevation(123.4, "imperial") == "405 ft"


@pytest.mark.parametrize(
    ("seconds", "text"), [(3765, "1:02:45"), (2700, "45:00"), (59.6, "1:00"), (0, "0:00")]
)
def test_durations(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def test_speed_and_pace() -> None:
    assert format_speed(10.0, "metric") == "36.0 km/h"
    assert format_speed(10.0, "imperial") == "22.4 mph"
    assert format_pace(1000 / 312, "metric") == "5:12 /km"
    assert format_pace(0.0, "metric") == ""  # standing still has no pace
    assert shows_pace("Running: Trail")
    assert not shows_pace("Cycling")
    assert format_speed_or_pace(1000 / 300, "metric", "Running") == "5:00 /km"
    assert format_speed_or_pace(1000 / 300, "metric", "Cycling") == "12.0 km/h"


def test_calories_are_shown_in_kcal_from_the_services_kilojoules() -> None:
    assert format_calories(1916) == "458 kcal"
    assert format_calories(0) == ""


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("1:02:45", 3765),
        ("45:00", 2700),
        ("0:30", 30),
        ("1h 2m 45s", 3765),
        ("90 min", 5400),
        ("45", 2700),
        (" 1:00:00 ", 3600),
    ],
)
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    ("text", "message"),
    [("", "Enter a duration"), ("1:75", "below 60"), ("abc", "not a duration"), ("5 km", "unit")],
)
def test_parse_duration_explains_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "units", "metres"),
    [
        ("5 km", "metric", 5000),
        ("3.1 mi", "metric", 3.1 * 1609.344),
        ("800 m", "imperial", 800),
        ("5,2km", "metric", 5200),
        ("10", "metric", 10_000),
        ("10", "imperial", 16_093.44),
    ],
)
def test_parse_distance(text: str, units: str, metres: float) -> None:
    assert parse_distance(text, units) == pytest.approx(metres)


@pytest.mark.parametrize(
    ("text", "message"), [("", "Enter a distance"), ("5 parsecs", "unknown"), ("far", "not a")]
)
def test_parse_distance_explains_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_distance(text)
