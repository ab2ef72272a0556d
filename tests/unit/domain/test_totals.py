"""Totals per ISO week, month and year, per sport and overall, and the current-period yardsticks."""

from __future__ import annotations

import itertools
import random
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from st_desktop.domain.totals import (
    UNTYPED,
    Entry,
    Figures,
    Metric,
    Period,
    by_day,
    compare,
    linked_figures,
    next_start,
    period_label,
    period_start,
    sum_entries,
    totals,
)
from st_desktop.domain.workout import WorkoutSummary

BASE = "https://api.sporttracks.mobi/api/v2/fitnessActivities"


def entry(ident: str, day: date, category: str = "Running", **figures: float) -> Entry:
    return Entry(id=ident, day=day, category=category, type=category, **figures)  # type: ignore[arg-type]


def test_an_entry_counts_on_the_local_day_it_started_with_the_service_units() -> None:
    summary = WorkoutSummary.from_json(
        {
            "uri": f"{BASE}/42",
            "start_time": "2025-03-02T23:30:00-05:00",
            "type": "cycling: mountain",
            "name": "Night ride",
            "total_distance": "40188",
            "duration": "5400.00",
            "elevation_gain": 612,
            "calories": 2400,
        }
    )
    found = Entry.from_summary(summary)
    assert found is not None
    # 04:30 UTC on the 3rd, but the rider's Sunday: it belongs to ISO week 9, not week 10.
    assert found.day == date(2025, 3, 2)
    assert period_label(period_start(found.day, Period.WEEK), Period.WEEK) == "2025-W09"
    assert (found.category, found.type, found.name) == (
        "Cycling",
        "Cycling: Mountain",
        "Night ride",
    )
    assert (found.distance, found.duration, found.climb, found.energy) == (40188, 5400, 612, 2400)
    assert found.start == 23 * 3600 + 30 * 60


def test_unknown_figures_add_nothing_and_untyped_workouts_are_other() -> None:
    summary = WorkoutSummary.from_json(
        {"uri": f"{BASE}/7", "start_time": "2025-01-01T10:00:00Z", "total_distance": "0"}
    )
    found = Entry.from_summary(summary)
    assert found is not None
    assert found.category == UNTYPED
    assert (found.distance, found.duration, found.climb, found.energy) == (0, 0, 0, 0)
    no_start = WorkoutSummary.from_json({"uri": f"{BASE}/8", "type": "Running"})
    assert Entry.from_summary(no_start) is None


@pytest.mark.parametrize(
    ("day", "period", "start", "label", "following"),
    [
        (date(2025, 1, 1), Period.WEEK, date(2024, 12, 30), "2025-W01", date(2025, 1, 6)),
        (date(2021, 1, 3), Period.WEEK, date(2020, 12, 28), "2020-W53", date(2021, 1, 4)),
        (date(2024, 2, 29), Period.MONTH, date(2024, 2, 1), "2024-02", date(2024, 3, 1)),
        (date(2024, 12, 31), Period.MONTH, date(2024, 12, 1), "2024-12", date(2025, 1, 1)),
        (date(2024, 7, 14), Period.YEAR, date(2024, 1, 1), "2024", date(2025, 1, 1)),
    ],
)
def test_periods_are_iso_weeks_calendar_months_and_years(
    day: date, period: Period, start: date, label: str, following: date
) -> None:
    assert period_start(day, period) == start
    assert period_label(start, period) == label
    assert next_start(start, period) == following


def test_weekly_totals_per_sport_and_overall_with_empty_weeks_in_between() -> None:
    entries = [
        entry("1", date(2025, 3, 3), "Running", distance=10_000, duration=3000, climb=50),
        entry("2", date(2025, 3, 9), "Cycling", distance=40_000, duration=5400, energy=2000),
        entry("3", date(2025, 3, 5), "Running", distance=5_000, duration=1500),
        entry("4", date(2025, 3, 24), "Gym", duration=3600, energy=900),
    ]
    weeks = totals(entries, Period.WEEK)
    assert [w.label for w in weeks] == ["2025-W13", "2025-W12", "2025-W11", "2025-W10"]
    assert weeks[1].overall == Figures()
    assert weeks[2].overall == Figures()
    first = weeks[-1]
    assert first.overall == Figures(3, 55_000, 9900, 50, 2000)
    assert list(first.by_category) == ["Running", "Cycling"]  # most workouts first
    assert first.by_category["Running"] == Figures(2, 15_000, 4500, 50, 0)
    assert first.contains(date(2025, 3, 9))
    assert not first.contains(date(2025, 3, 10))
    only_running = totals(entries, Period.MONTH, category="Running")
    assert [(m.label, m.overall.count) for m in only_running] == [("2025-03", 2)]


def test_the_current_period_is_there_before_its_first_workout() -> None:
    entries = [entry("1", date(2025, 1, 15))]
    months = totals(entries, Period.MONTH, until=date(2025, 4, 2))
    assert [m.label for m in months] == ["2025-04", "2025-03", "2025-02", "2025-01"]
    assert months[0].overall.count == 0
    assert [m.label for m in totals([], Period.YEAR, until=date(2025, 4, 2))] == ["2025"]
    assert totals([], Period.YEAR) == []


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 12, 31)),
            st.sampled_from(["Running", "Cycling", "Swimming"]),
            st.floats(min_value=0, max_value=200_000, allow_nan=False),
            st.floats(min_value=0, max_value=40_000, allow_nan=False),
        ),
        max_size=60,
    ),
    st.sampled_from(list(Period)),
)
def test_every_workout_lands_in_exactly_one_period(
    rows: list[tuple[date, str, float, float]], period: Period
) -> None:
    entries = [entry(str(i), d, c, distance=m, duration=s) for i, (d, c, m, s) in enumerate(rows)]
    result = totals(entries, period)
    assert sum(p.overall.count for p in result) == len(entries)
    assert sum(p.overall.distance for p in result) == pytest.approx(
        sum(e.distance for e in entries)
    )
    for item in entries:
        holders = [p for p in result if p.contains(item.day)]
        assert len(holders) == 1
    for p in result:
        assert sum(f.count for f in p.by_category.values()) == p.overall.count
    # Contiguous, newest first, no gaps.
    for newer, older in itertools.pairwise(result):
        assert next_start(older.start, period) == newer.start


def test_this_week_so_far_against_the_same_point_last_week_and_the_average() -> None:
    today = date(2025, 6, 12)  # a Thursday
    entries = [
        entry("a", date(2025, 6, 9), distance=10_000),  # this Monday
        entry("b", date(2025, 6, 12), distance=8_000),  # today
        entry("c", date(2025, 6, 3), distance=12_000),  # last Tuesday: before the same point
        entry("d", date(2025, 6, 7), distance=20_000),  # last Saturday: after it
        entry("e", date(2025, 5, 27), distance=4_000, category="Cycling"),
    ]
    result = compare(entries, Period.WEEK, today, history=2)
    assert result.current == Figures(2, 18_000)
    assert result.same_point == Figures(1, 12_000)
    assert result.previous == (Figures(2, 32_000), Figures(1, 4_000))
    assert result.average.distance == pytest.approx(18_000)
    assert result.change(Metric.DISTANCE) == pytest.approx(0.5)
    running = compare(entries, Period.WEEK, today, history=2, category="Cycling")
    assert running.change(Metric.DISTANCE) is None  # nothing to compare against


def test_the_same_point_of_a_shorter_previous_month_is_its_last_day() -> None:
    entries = [entry("a", date(2025, 2, 28), distance=1_000), entry("b", date(2025, 3, 31))]
    result = compare(entries, Period.MONTH, date(2025, 3, 31), history=1)
    assert result.same_point.count == 1


def test_days_and_gear_mileage() -> None:
    tz = timezone(timedelta(hours=2))
    morning = WorkoutSummary.from_json(
        {
            "uri": f"{BASE}/1",
            "start_time": datetime(2025, 5, 1, 7, tzinfo=tz).isoformat(),
            "type": "Running",
            "total_distance": 5000,
            "duration": 1500,
        }
    )
    evening = WorkoutSummary.from_json(
        {
            "uri": f"{BASE}/2",
            "start_time": datetime(2025, 5, 1, 19, tzinfo=tz).isoformat(),
            "type": "Cycling",
            "total_distance": 30000,
            "duration": 3600,
        }
    )
    entries = [e for e in (Entry.from_summary(evening), Entry.from_summary(morning)) if e]
    assert [e.id for e in by_day(entries)[date(2025, 5, 1)]] == ["1", "2"]
    figures, missing = linked_figures({e.id: e for e in entries}, [1, 2, 99])
    assert (figures.count, figures.distance, figures.duration, missing) == (2, 35_000, 5100, 1)


def test_a_hundred_thousand_workouts_sum_like_a_plain_loop() -> None:
    rng = random.Random(3)
    start = date(2000, 1, 1)
    entries = [
        entry(str(i), start + timedelta(days=rng.randrange(9000)), distance=rng.random() * 1e4)
        for i in range(100_000)
    ]
    years = totals(entries, Period.YEAR)
    assert sum(y.overall.count for y in years) == 100_000
    assert sum_entries(entries).distance == pytest.approx(sum(e.distance for e in entries))
