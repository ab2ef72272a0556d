"""The map tile cache: tiles kept with their validators, a size cap by least recent use, healing."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from st_desktop.store.db import DatabaseError
from st_desktop.store.tiles import (
    EVICT_BATCH,
    LOW_WATER,
    MEMORY_CAP_BYTES,
    TileKey,
    TileStore,
)
from tests.unit.store.db_helpers import (
    full_disk,
    random_bytes,
    read_only,
    scribble_page,
    set_user_version,
    truncate,
)

KB = 1024


class Clock:
    """Epoch seconds that move only when the test says so."""

    def __init__(self, now: float = 1_760_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def key(x: int, y: int = 0, z: int = 14, source: str = "osm", scale: int = 1) -> TileKey:
    return (source, z, x, y, scale)


def tile_bytes(n: int, size: int = 10 * KB) -> bytes:
    return bytes([n % 251]) * size


@pytest.fixture
def clock() -> Clock:
    return Clock()


def test_tiles_come_back_with_their_validators_across_a_restart(
    tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "tiles.sqlite3"
    store = TileStore(path, clock=clock)
    store.put(
        key(1),
        b"png one",
        expires=clock.now + 60,
        etag='"a1"',
        last_modified="Wed, 01 Oct 2025 00:00:00 GMT",
    )
    store.put(key(1, scale=2), b"png one @2x", expires=clock.now + 60)
    store.put(key(1, source="other"), b"other source", expires=clock.now + 60)
    store.close()

    again = TileStore(path, clock=clock)
    tile = again.get(key(1))
    assert tile is not None
    assert tile.data == b"png one"
    assert tile.etag == '"a1"'
    assert tile.last_modified == "Wed, 01 Oct 2025 00:00:00 GMT"
    assert tile.fresh(clock.now)
    assert not tile.fresh(clock.now + 61)
    assert again.get(key(1, scale=2)).data == b"png one @2x"  # type: ignore[union-attr]
    assert again.get(key(1, source="other")).data == b"other source"  # type: ignore[union-attr]
    assert again.get(key(2)) is None
    assert again.cached_keys("osm") == [key(1), key(1, scale=2)]
    assert again.total_bytes == len(b"png one") + len(b"png one @2x") + len(b"other source")
    again.close()


def test_a_new_copy_replaces_the_old_one_and_the_total_follows(
    tmp_path: Path, clock: Clock
) -> None:
    store = TileStore(tmp_path / "tiles.sqlite3", clock=clock)
    store.put(key(1), tile_bytes(1, 4 * KB), expires=clock.now + 60, etag='"old"')
    store.put(key(1), tile_bytes(2, 6 * KB), expires=clock.now + 120, etag='"new"')
    assert store.count() == 1
    assert store.total_bytes == 6 * KB
    assert store.get(key(1)).etag == '"new"'  # type: ignore[union-attr]
    store.close()


def test_revalidation_extends_the_expiry_and_keeps_the_data(tmp_path: Path, clock: Clock) -> None:
    store = TileStore(tmp_path / "tiles.sqlite3", clock=clock)
    store.put(key(1), b"tile", expires=clock.now + 10, etag='"e"', last_modified="lm")
    clock.now += 100
    assert not store.get(key(1)).fresh(clock.now)  # type: ignore[union-attr]
    assert store.revalidated(key(1), expires=clock.now + 3600)
    tile = store.get(key(1))
    assert tile is not None
    assert tile.fresh(clock.now)
    assert (tile.data, tile.etag, tile.last_modified) == (b"tile", '"e"', "lm")  # kept
    assert store.revalidated(key(1), expires=clock.now + 3600, etag='"f"')
    assert store.get(key(1)).etag == '"f"'  # type: ignore[union-attr]
    assert not store.revalidated(key(9), expires=clock.now + 3600)  # nothing to extend
    store.close()


def test_the_cap_evicts_the_least_recently_used_tiles(tmp_path: Path, clock: Clock) -> None:
    store = TileStore(tmp_path / "tiles.sqlite3", cap_bytes=100 * KB, clock=clock)
    for x in range(10):  # 10 × 10 KB: exactly at the cap
        clock.now += 1
        store.put(key(x), tile_bytes(x), expires=clock.now + 1e6)
    assert store.count() == 10
    clock.now += 1
    store.get(key(0))  # drawn again: now the most recently used
    store.get_many([key(1), key(2)])
    clock.now += 1
    store.put(key(10), tile_bytes(10), expires=clock.now + 1e6)  # over the cap
    # Down to 90 % of the cap: the two least recently used of the rest (3 and 4) went.
    assert store.total_bytes <= 100 * KB * LOW_WATER
    assert sorted(k[2] for k in store.cached_keys()) == [0, 1, 2, 5, 6, 7, 8, 9, 10]
    store.close()


def test_a_look_without_touch_does_not_count_as_use(tmp_path: Path, clock: Clock) -> None:
    store = TileStore(tmp_path / "tiles.sqlite3", cap_bytes=30 * KB, clock=clock)
    for x in range(3):
        clock.now += 1
        store.put(key(x), tile_bytes(x), expires=clock.now)
    clock.now += 1
    store.get(key(0), touch=False)
    store.put(key(3), tile_bytes(3), expires=clock.now)
    assert key(0) not in store.cached_keys()
    store.close()


def test_eviction_runs_in_batches_and_gives_the_space_back(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    count = EVICT_BATCH * 2 + 50
    store = TileStore(path, cap_bytes=count * 4 * KB, clock=clock)
    for x in range(count):
        clock.now += 1
        store.put(key(x), tile_bytes(x, 4 * KB), expires=clock.now)
    size_full = path.stat().st_size
    store.set_cap(20 * 4 * KB)  # far fewer tiles: more than two batches go at once
    assert store.count() == 18  # 90 % of 20
    assert [k[2] for k in store.cached_keys()] == list(range(count - 18, count))  # the newest stay
    store.close()  # checkpoints the write-ahead log into the file
    assert path.stat().st_size < size_full / 5  # freed pages went back to the file system


def test_clear_deletes_every_tile(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    store = TileStore(path, clock=clock)
    for x in range(50):
        store.put(key(x), tile_bytes(x), expires=clock.now)
    store.clear()
    assert store.count() == 0
    assert store.total_bytes == 0
    store.put(key(1), b"again", expires=clock.now)
    assert store.get(key(1)).data == b"again"  # type: ignore[union-attr]
    store.close()
    assert path.stat().st_size < 50 * KB


def test_tiles_can_be_read_and_written_from_many_threads(tmp_path: Path, clock: Clock) -> None:
    import threading

    store = TileStore(tmp_path / "tiles.sqlite3", cap_bytes=200 * KB, clock=clock)
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for x in range(offset, offset + 40):
                store.put(key(x), tile_bytes(x, 2 * KB), expires=clock.now)
                store.get(key(x - 1))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 100,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.total_bytes == sum(len(tile_bytes(0, 2 * KB)) for _ in store.cached_keys())
    assert store.total_bytes <= 200 * KB
    store.close()


# ---------------------------------------------------------------------------------- healing


@pytest.mark.expect_log("map tile cache is damaged")
@pytest.mark.parametrize("damage", ["random bytes", "truncated"])
def test_a_damaged_cache_starts_over_at_open(tmp_path: Path, clock: Clock, damage: str) -> None:
    path = tmp_path / "tiles.sqlite3"
    if damage == "random bytes":
        random_bytes(path)
    else:
        store = TileStore(path, clock=clock)
        for x in range(300):
            store.put(key(x), tile_bytes(x, 2 * KB), expires=clock.now)
        store.close()
        truncate(path)
    store = TileStore.open(path, clock=clock)
    assert store.notice is None  # nothing to tell: the tiles are simply downloaded again
    assert store.count() == 0
    store.put(key(1), b"fresh", expires=clock.now)
    assert store.get(key(1)).data == b"fresh"  # type: ignore[union-attr]
    assert list(tmp_path.glob("*damaged*")) == []  # re-fetchable: not kept
    store.close()


@pytest.mark.expect_log("map tile cache .* is damaged")
def test_damage_found_by_a_query_starts_over(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    store = TileStore(path, clock=clock)
    for x in range(300):
        store.put(key(x), tile_bytes(x, 2 * KB), expires=clock.now)
    store.close()
    conn = sqlite3.connect(path)
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'tiles'").fetchone()[0]
    conn.close()
    scribble_page(path, root)
    store = TileStore(path, clock=clock)
    with pytest.raises(DatabaseError, match="damaged"):
        store.get(key(5))
    assert store.count() == 0  # started over
    store.put(key(5), b"again", expires=clock.now)
    assert store.get(key(5)).data == b"again"  # type: ignore[union-attr]
    store.close()


def test_a_read_only_cache_still_gives_its_tiles(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    store = TileStore(path, clock=clock)
    store.put(key(1), b"kept", expires=clock.now)
    store.close()
    store = TileStore.open(path, clock=clock, connect=read_only)
    assert store.get(key(1)).data == b"kept"  # type: ignore[union-attr]
    with pytest.raises(DatabaseError, match="map tile cache could not be written: the disk or"):
        store.put(key(2), b"new", expires=clock.now)
    store.close()


@pytest.mark.expect_log("cannot be opened")
def test_a_cache_that_cannot_be_opened_is_kept_in_memory(tmp_path: Path, clock: Clock) -> None:
    (tmp_path / "cache").write_text("a file where the folder should be")
    store = TileStore.open(tmp_path / "cache" / "tiles.sqlite3", clock=clock)
    assert store.notice is not None
    assert store.notice.endswith("Map tiles are kept in memory until st-desktop is restarted.")
    assert store.cap_bytes == MEMORY_CAP_BYTES
    store.put(key(1), b"in memory", expires=clock.now)
    assert store.get(key(1)).data == b"in memory"  # type: ignore[union-attr]
    store.close()


@pytest.mark.expect_log("cannot be opened", "is newer than")
def test_a_cache_from_a_newer_version_is_left_alone(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    TileStore(path, clock=clock).close()
    set_user_version(path, 99)
    before = path.read_bytes()
    store = TileStore.open(path, clock=clock)
    assert "newer st-desktop" in (store.notice or "")
    store.put(key(1), b"x", expires=clock.now)
    store.close()
    assert path.read_bytes() == before


def test_a_full_disk_refuses_new_tiles_with_a_sentence(tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "tiles.sqlite3"
    TileStore(path, clock=clock).close()
    store = TileStore(path, clock=clock, connect=full_disk)
    with pytest.raises(
        DatabaseError, match="map tile cache could not be written: the disk is full"
    ):
        store.put(key(1), tile_bytes(1, 64 * KB), expires=clock.now)
    assert store.total_bytes == 0  # the rolled-back tile is not counted
    store.close()
