"""A damaged, newer or unreachable workout cache never stops the app: it heals and says so."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from st_desktop.errors import StoreError
from st_desktop.store.cache import REBUILT_NOTICE, WorkoutCache, WorkoutQuery
from st_desktop.store.cache_schema import SCHEMA_V1
from tests.unit.store.db_helpers import (
    full_disk,
    random_bytes,
    read_only,
    scribble_page,
    set_user_version,
    truncate,
    user_version,
)
from tests.unit.store.test_cache import ACCOUNT, item, names

pytestmark = pytest.mark.expect_log("damaged", "cannot be opened", "newer than", "inbox file")


def filled(path: Path, count: int = 300) -> None:
    cache = WorkoutCache(path)
    cache.upsert_summaries(
        ACCOUNT, [item(i, f"2024-01-01T{i % 24:02d}:00:00Z", f"Run {i}") for i in range(1, count)]
    )
    cache.close()


def damaged_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.damaged-*"))


@pytest.mark.parametrize("damage", ["random bytes", "truncated"])
def test_a_damaged_cache_is_set_aside_and_rebuilt(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "cache.sqlite3"
    if damage == "random bytes":
        data = random_bytes(path)
    else:
        filled(path)
        data = truncate(path)
    cache, notice = WorkoutCache.open(path)
    assert notice == REBUILT_NOTICE
    assert cache.notice == REBUILT_NOTICE
    (aside,) = damaged_copies(path)
    assert aside.read_bytes() == data  # moved, not rewritten
    assert cache.count(ACCOUNT) == 0
    cache.upsert_summaries(ACCOUNT, [item(1, "2024-01-01T08:00:00Z", "Fresh start")])
    assert names(cache.page(ACCOUNT, WorkoutQuery(), 0, 10)) == ["Fresh start"]
    cache.close()


def test_damage_found_by_a_query_rebuilds_and_tells_the_caller(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    filled(path, 2000)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'summaries'").fetchone()
    conn.close()
    scribble_page(path, root[0])  # the header is fine: only a query finds the damage
    cache, notice = WorkoutCache.open(path)
    assert notice is None
    with pytest.raises(StoreError) as caught:
        cache.page(ACCOUNT, WorkoutQuery(sort="name"), 0, 50)
    assert str(caught.value) == REBUILT_NOTICE
    assert len(damaged_copies(path)) == 1
    assert cache.page(ACCOUNT, WorkoutQuery(), 0, 50) == []  # usable again, empty
    cache.upsert_summaries(ACCOUNT, [item(1, "2024-01-01T08:00:00Z", "Again")])
    assert cache.count(ACCOUNT) == 1
    cache.close()


def test_check_finds_damage_and_rebuilds(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    filled(path, 2000)
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'summaries_by_name'")
    page = root.fetchone()[0]
    conn.close()
    cache, _ = WorkoutCache.open(path)
    assert cache.check()
    cache.close()
    scribble_page(path, page)
    cache, _ = WorkoutCache.open(path)
    assert not cache.check()
    assert cache.notice == REBUILT_NOTICE
    assert cache.count(ACCOUNT) == 0
    cache.close()


def test_a_zero_byte_cache_simply_starts_empty(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    path.write_bytes(b"")
    cache, notice = WorkoutCache.open(path)
    assert notice is None
    assert cache.count(ACCOUNT) == 0
    cache.close()


def test_a_cache_from_a_newer_version_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    filled(path, 5)
    set_user_version(path, 99)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    cache, notice = WorkoutCache.open(path)
    sentence = "This workout cache was written by a newer st-desktop; it is opened read-only."
    assert notice == sentence
    assert cache.read_only
    assert cache.count(ACCOUNT) == 4  # still shown
    with pytest.raises(StoreError, match="newer st-desktop"):
        cache.upsert_summaries(ACCOUNT, [item(9, "2024-03-01T08:00:00Z", "New")])
    cache.close()
    assert user_version(path) == 99
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_a_full_disk_at_start_keeps_the_cache_in_memory(tmp_path: Path) -> None:
    cache, notice = WorkoutCache.open(tmp_path / "cache.sqlite3", connect=full_disk)
    assert notice == (
        "The local workout cache could not be opened: the disk is full. "
        "Workouts are kept in memory until st-desktop is restarted."
    )
    cache.upsert_summaries(ACCOUNT, [item(1, "2024-01-01T08:00:00Z", "In memory")])
    assert names(cache.page(ACCOUNT, WorkoutQuery(), 0, 10)) == ["In memory"]
    cache.close()


def test_a_read_only_medium_still_shows_the_cache_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    filled(path, 5)
    cache, notice = WorkoutCache.open(path, connect=read_only)
    assert notice is None
    assert cache.count(ACCOUNT) == 4
    with pytest.raises(StoreError, match="could not be written: the disk or folder is read-only"):
        cache.upsert_summaries(ACCOUNT, [item(9, "2024-03-01T08:00:00Z", "New")])
    cache.close()
    # An old file that must be migrated cannot be: the cache lives in memory instead.
    old = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(old)
    conn.executescript(SCHEMA_V1 + "PRAGMA user_version=1;")
    conn.close()
    cache, notice = WorkoutCache.open(old, connect=read_only)
    assert notice is not None
    assert "read-only" in notice
    assert "kept in memory" in notice
    cache.close()


def test_a_version_1_cache_is_migrated_with_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1 + "PRAGMA user_version=1;")
    rows = [
        # account, id, start_utc, start_local, name, type, category, notes, distance, raw
        (
            ACCOUNT,
            "1",
            1704092400.0,
            "2024-01-01T08:00:00",
            "New year run",
            "Running",
            "Running",
            "Frosty with Anna",
            5000.0,
            '{"uri": "x/1", "name": "New year run", '
            '"start_time": "2024-01-01T08:00:00+01:00", "total_distance": "5000"}',
        ),
        (
            ACCOUNT,
            "2",
            None,
            None,
            "No start",
            "Gym: Strength",
            "Gym",
            "",
            0.0,
            '{"uri": "x/2", "name": "No start", "type": "Gym: Strength", "total_distance": "0"}',
        ),
        (
            "other",
            "3",
            1704178800.0,
            "2024-01-02T08:00:00",
            "Other account",
            "Running",
            "Running",
            "",
            3000.0,
            '{"uri": "x/3", "name": "Other account"}',
        ),
    ]
    conn.executemany(
        "INSERT INTO summaries (account, id, start_utc, start_local, name, type, category, notes,"
        " distance, search, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)",
        rows,
    )
    conn.commit()
    conn.close()
    cache, notice = WorkoutCache.open(path)
    assert notice is None
    assert user_version(path) == 2
    assert names(cache.page(ACCOUNT, WorkoutQuery(), 0, 10)) == ["New year run", "No start"]
    assert names(cache.page(ACCOUNT, WorkoutQuery(text="anna"), 0, 10)) == ["New year run"]
    for descending in (True, False):  # 0 m is unknown: last both ways
        by_distance = cache.page(
            ACCOUNT, WorkoutQuery(sort="distance", descending=descending), 0, 9
        )
        assert names(by_distance) == ["New year run", "No start"]
    assert cache.ids("other") == {"3"}
    cache.close()
