"""Duplicate rules: 3-minute window, whole-hour time-zone errors, explanations users can read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from hypothesis import given
from hypothesis import strategies as st

from st_desktop.services.duplicates import (
    Candidate,
    StartIndex,
    find_duplicates,
    ledger_match,
    match,
    search_window,
)

START = datetime(2024, 5, 4, 7, 12, 5, tzinfo=timezone(timedelta(hours=2)))


def existing(offset_s: float, distance: float | None = 40_000.0, name: str = "Morning ride"):
    return Candidate(
        uri=f"https://x/fitnessActivities/{int(offset_s)}",
        name=name,
        start_time=(START + timedelta(seconds=offset_s)).astimezone(UTC),
        distance=distance,
    )


def test_same_start_is_explained_with_name_time_and_distance() -> None:
    hit = match(START, 40_160.0, existing(0))
    assert hit is not None
    assert hit.kind == "near"
    # The time is shown in the file's own offset although the account gave it in UTC.
    assert hit.reason == (
        "already in SportTracks: 'Morning ride', same start 07:12:05, distance within 0.4 %"
    )


def test_within_three_minutes_matches_and_says_how_far_apart() -> None:
    hit = match(START, None, existing(-170))
    assert hit is not None
    assert hit.kind == "near"
    assert "2 min 50 s apart" in hit.reason
    assert match(START, None, existing(181)) is None


def test_whole_hours_with_same_minutes_seconds_is_a_time_zone_error() -> None:
    hit = match(START, 40_000.0, existing(2 * 3600))
    assert hit is not None
    assert hit.kind == "timezone"
    assert "2 hours later" in hit.reason
    assert "time-zone error" in hit.reason
    assert match(START, 40_000.0, existing(-37 * 3600)) is not None
    assert match(START, 40_000.0, existing(39 * 3600)) is None  # beyond 38 h
    assert match(START, 40_000.0, existing(2 * 3600 + 30)) is None  # minutes:seconds differ


def test_whole_hours_with_a_different_distance_is_another_workout() -> None:
    assert match(START, 40_000.0, existing(24 * 3600, distance=12_000.0)) is None
    # Unknown distance on either side cannot rule it out.
    assert match(START, None, existing(24 * 3600, distance=12_000.0)) is not None


def test_find_duplicates_orders_near_first_and_dedupes_cache_and_account() -> None:
    near = existing(60)
    cached = Candidate(near.uri, near.name, near.start_time, near.distance, "the local cache")
    tz = existing(-3600)
    hits = find_duplicates(START, 40_000.0, [tz, cached, near])
    assert [h.kind for h in hits] == ["near", "timezone"]
    assert "local cache" in hits[0].reason


def test_unnamed_workout_and_ledger_sentences() -> None:
    hit = match(START, None, existing(0, name=""))
    assert hit is not None
    assert "an unnamed workout" in hit.reason
    ledger = ledger_match(datetime(2024, 5, 4, 9, 0, tzinfo=UTC), ["u1"])
    assert ledger.uri == "u1"
    assert "already uploaded from this computer" in ledger.reason


def test_search_window_covers_the_time_zone_rule() -> None:
    low, high = search_window(START)
    assert low <= START - timedelta(hours=38)
    assert high >= START + timedelta(hours=38)


@given(st.integers(min_value=-38, max_value=38), st.integers(min_value=-2, max_value=2))
def test_any_whole_hour_shift_matches(hours: int, jitter: int) -> None:
    assert match(START, 5000.0, existing(hours * 3600 + jitter, distance=5000.0)) is not None


@given(st.integers(min_value=181, max_value=38 * 3600))
def test_other_times_do_not_match_unless_whole_hours(offset: int) -> None:
    hit = match(START, 5000.0, existing(offset, distance=5000.0))
    near_whole_hour = abs(offset - round(offset / 3600) * 3600) <= 2
    assert (hit is not None) == near_whole_hour


def test_start_index_finds_only_starts_the_rules_could_match() -> None:
    index = StartIndex()
    for key, hours in enumerate((-40, -37, 0, 5, 37, 39)):
        index.add(key, START + timedelta(hours=hours))
    assert index.near(START) == [1, 2, 3, 4]
    index.discard(2)
    index.add(3, START + timedelta(hours=50))  # a key is kept once, at its latest start
    assert index.near(START) == [1, 4]
