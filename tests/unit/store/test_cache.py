"""The offline workout cache: the table's source for sort, filter and search, per account."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.store.cache import WorkoutCache, WorkoutQuery

ACCOUNT = "https://example.test/api/v2#1"


def item(ident: int, start: str, name: str, kind: str = "Running", **extra: Any) -> WorkoutSummary:
    raw = {
        "start_time": start,
        "type": kind,
        "name": name,
        "total_distance": str(extra.pop("distance", 1000.0 * ident)),
        "duration": "1800.00",
        "uri": f"https://example.test/api/v2/fitnessActivities/{ident}",
        **extra,
    }
    return WorkoutSummary.from_json(raw)


@pytest.fixture
def cache(tmp_path: Path) -> WorkoutCache:
    store = WorkoutCache(tmp_path / "cache.sqlite3")
    store.upsert_summaries(
        ACCOUNT,
        [
            item(1, "2024-01-01T08:00:00+01:00", "New year run"),
            item(2, "2024-01-02T23:30:00-05:00", "Evening ride", "Cycling: Mountain"),
            item(3, "2024-01-05T07:00:00Z", "Hill repeats", "Running: Hills", avg_heartrate=160),
            item(4, "2024-02-01T12:00:00+02:00", "Lunch swim", "Swimming"),
        ],
    )
    return store


def names(rows: list[WorkoutSummary]) -> list[str]:
    return [row.name for row in rows]


def test_newest_first_by_default_and_pages(cache: WorkoutCache) -> None:
    query = WorkoutQuery()
    assert names(cache.page(ACCOUNT, query, 0, 2)) == ["Lunch swim", "Hill repeats"]
    assert names(cache.page(ACCOUNT, query, 2, 2)) == ["Evening ride", "New year run"]
    assert cache.page(ACCOUNT, query, 4, 2) == []
    assert cache.count(ACCOUNT) == 4


def test_sort_by_each_column_puts_unknown_values_last(cache: WorkoutCache) -> None:
    by_name = cache.page(ACCOUNT, WorkoutQuery(sort="name", descending=False), 0, 10)
    assert names(by_name) == ["Evening ride", "Hill repeats", "Lunch swim", "New year run"]
    by_distance = cache.page(ACCOUNT, WorkoutQuery(sort="distance"), 0, 10)
    assert [r.total_distance for r in by_distance] == [4000, 3000, 2000, 1000]
    by_hr = cache.page(ACCOUNT, WorkoutQuery(sort="avg_heartrate", descending=False), 0, 10)
    assert by_hr[0].name == "Hill repeats"  # the only one with heart rate; the rest follow


def test_a_zero_distance_is_unknown_and_sorts_last(cache: WorkoutCache) -> None:
    # The service writes 0 for strength training: it must not sort as the shortest workout.
    cache.upsert_summaries(
        ACCOUNT, [item(5, "2024-03-01T18:00:00Z", "Gym", "Gym: Strength", distance=0)]
    )
    for descending in (True, False):
        rows = cache.page(ACCOUNT, WorkoutQuery(sort="distance", descending=descending), 0, 10)
        assert rows[-1].name == "Gym", descending


def test_search_type_and_date_filters(cache: WorkoutCache) -> None:
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="RUN"), 0, 10)) == [
        "Hill repeats",
        "New year run",
    ]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="mountain"), 0, 10)) == ["Evening ride"]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="year run"), 0, 10)) == ["New year run"]
    assert cache.page(ACCOUNT, WorkoutQuery(text="100%"), 0, 10) == []  # % is not a wildcard
    assert names(cache.page(ACCOUNT, WorkoutQuery(category="Running"), 0, 10)) == [
        "Hill repeats",
        "New year run",
    ]
    assert names(cache.page(ACCOUNT, WorkoutQuery(category="running: hills"), 0, 10)) == [
        "Hill repeats"
    ]
    # The date range is on the workout's own local date: the ride was on 2 Jan in New York.
    jan2 = WorkoutQuery(date_from=date(2024, 1, 2), date_to=date(2024, 1, 2))
    assert names(cache.page(ACCOUNT, jan2, 0, 10)) == ["Evening ride"]
    assert cache.count(ACCOUNT, WorkoutQuery(date_from=date(2024, 1, 3))) == 2
    assert cache.categories(ACCOUNT) == ["Cycling", "Running", "Swimming"]


def test_accounts_are_kept_apart(cache: WorkoutCache) -> None:
    assert cache.count("another account") == 0
    assert cache.page("another account", WorkoutQuery(), 0, 10) == []


def test_notes_from_a_detail_are_searchable_and_survive_a_list_refresh(
    cache: WorkoutCache,
) -> None:
    raw = {
        "start_time": "2024-01-01T08:00:00+01:00",
        "type": "Running",
        "name": "New year run",
        "notes": "Frosty morning with Anna",
        "uri": "https://example.test/api/v2/fitnessActivities/1",
        "heartrate": [0, 120, 10, 130],
    }
    cache.put_detail(ACCOUNT, Workout.from_json(raw))
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="frosty"), 0, 10)) == ["New year run"]
    cache.upsert_summaries(ACCOUNT, [item(1, "2024-01-01T08:00:00+01:00", "Renamed run")])
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="anna"), 0, 10)) == ["Renamed run"]
    detail = cache.get_detail(ACCOUNT, "1")
    assert detail is not None
    assert detail.to_json() == raw


def test_a_detail_loaded_before_a_delete_does_not_bring_the_workout_back(
    cache: WorkoutCache,
) -> None:
    loaded = Workout.from_json(
        {
            "start_time": "2024-01-01T08:00:00Z",
            "type": "Running",
            "name": "Gone",
            "uri": "https://example.test/api/v2/fitnessActivities/2",
        }
    )
    cache.remove(ACCOUNT, ["2"])  # deleted while its detail was on the way
    assert not cache.put_detail(ACCOUNT, loaded, only_if_listed=True)
    assert "2" not in cache.ids(ACCOUNT)
    assert cache.get_detail(ACCOUNT, "2") is None
    # Still listed: kept for offline use.
    listed = Workout.from_json({**loaded.to_json(), "uri": loaded.uri.replace("/2", "/1")})
    assert cache.put_detail(ACCOUNT, listed, only_if_listed=True)
    assert cache.get_detail(ACCOUNT, "1") is not None


def test_upsert_counts_only_real_changes(cache: WorkoutCache) -> None:
    same = item(1, "2024-01-01T08:00:00+01:00", "New year run")
    assert cache.upsert_summaries(ACCOUNT, [same]) == 0
    assert cache.upsert_summaries(ACCOUNT, [item(9, "2024-03-01T08:00:00Z", "Fresh")]) == 1


def test_prune_forgets_what_the_server_no_longer_has(cache: WorkoutCache) -> None:
    since = item(3, "2024-01-05T07:00:00Z", "x").start_time
    assert since is not None
    removed = cache.prune(ACCOUNT, keep=["4"], since_utc=since.timestamp())
    assert removed == 1  # only 3 was in the span the refresh covered
    assert cache.ids(ACCOUNT) == {"1", "2", "4"}


def test_trash_keeps_the_whole_workout(cache: WorkoutCache, tmp_path: Path) -> None:
    raw = json.loads(
        (Path(__file__).parents[2] / "data/api/sporttracks_track_5522409.json").read_text()
    )
    workout = Workout.from_json(raw)
    trash_id = cache.trash_put(ACCOUNT, workout)
    cache.close()
    reopened = WorkoutCache(tmp_path / "cache.sqlite3")
    entry = reopened.trash_get(ACCOUNT, trash_id)
    assert entry is not None
    assert entry.old_id == "5522409"
    assert entry.workout.to_json() == raw
    reopened.trash_remove(ACCOUNT, trash_id)
    assert reopened.trash_get(ACCOUNT, trash_id) is None


def test_unreadable_file_is_a_store_error(tmp_path: Path) -> None:
    from st_desktop.errors import StoreError

    bad = tmp_path / "cache.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="could not be opened"):
        WorkoutCache(bad)


def many(cache: WorkoutCache) -> None:
    """Rows with ties, unknown values and no start time: every order's hard cases."""
    rows = []
    for i in range(1, 61):
        extra: dict[str, Any] = {"distance": 0 if i % 7 == 0 else 1000 * (i % 5)}
        if i % 4:
            extra["avg_heartrate"] = 120 + i % 3
        start = f"2023-05-{1 + i % 9:02d}T0{i % 3}:00:00Z" if i % 11 else None
        rows.append(item(100 + i, start or "", f"{'ABab'[i % 4]} run {i % 6}", **extra))
    cache.upsert_summaries(ACCOUNT, rows)


@pytest.mark.parametrize("sort", ["start", "name", "type", "distance", "avg_heartrate"])
@pytest.mark.parametrize("descending", [True, False])
def test_keyset_pages_and_offsets_walk_exactly_the_full_order(
    cache: WorkoutCache, sort: str, descending: bool
) -> None:
    many(cache)
    query = WorkoutQuery(sort=sort, descending=descending)
    everything = [row.id for row in cache.rows(ACCOUNT, query, 1000)]
    assert len(everything) == cache.count(ACCOUNT) == 64
    walked: list[str] = []
    after = None
    while True:
        page = cache.rows(ACCOUNT, query, 7, after=after)
        if not page:
            break
        walked += [row.id for row in page]
        after = page[-1].key
    assert walked == everything  # each row once, in order, across ties and unknown values
    for offset in (0, 5, 40, 58, 63, 64):
        assert [r.id for r in cache.rows(ACCOUNT, query, 9, offset=offset)] == everything[
            offset : offset + 9
        ]
    middle = cache.rows(ACCOUNT, query, 1, offset=20)[0]
    assert [r.id for r in cache.rows(ACCOUNT, query, 9, after=middle.key, offset=30)] == (
        everything[51:60]
    )
    # Unknown values (and unknown start times, for the date order) come last either way.
    if sort == "start":
        starts = [summary.start_time for summary in cache.page(ACCOUNT, query, 0, 100)]
        assert starts[-5:] == [None] * 5
        assert None not in starts[:-5]


def test_search_finds_substrings_of_any_length_case_insensitively(cache: WorkoutCache) -> None:
    cache.upsert_summaries(
        ACCOUNT, [item(7, "2024-04-01T08:00:00Z", "Ärger am Öhrn", "Cycling: Road")]
    )
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="ear"), 0, 10)) == ["New year run"]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="ÄRG öh"), 0, 10)) == ["Ärger am Öhrn"]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="ye ru"), 0, 10)) == ["New year run"]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text='ng: "h'), 0, 10)) == []
    assert cache.count(ACCOUNT, WorkoutQuery(text="ROAD")) == 1
    assert cache.count(ACCOUNT, WorkoutQuery(text="_")) == 0  # _ is not a wildcard


def test_rows_are_compact_and_give_the_full_summary(cache: WorkoutCache) -> None:
    row = cache.rows(ACCOUNT, WorkoutQuery(), 1)[0]
    assert (row.name, row.type, row.distance) == ("Lunch swim", "Swimming", 4000.0)
    assert row.start_local == "2024-02-01T12:00:00"
    assert row.summary() == cache.page(ACCOUNT, WorkoutQuery(), 0, 1)[0]


@pytest.mark.parametrize("sort", ["start", "distance", "name"])
def test_order_by_is_the_same_order_in_one_clause(cache: WorkoutCache, sort: str) -> None:
    many(cache)
    query = WorkoutQuery(sort=sort, descending=False)
    walked = [row.id for row in cache.rows(ACCOUNT, query, 1000)]
    with cache._read() as db:
        one = db.execute(f"SELECT id FROM summaries WHERE acct = 1 ORDER BY {query.order_by()}")
        assert [row[0] for row in one] == walked
