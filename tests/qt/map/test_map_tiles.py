"""Maps on the sandbox's tile endpoint: tiles asked for, the disk cache, offline, the policy."""

from __future__ import annotations

import math
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from st_desktop.domain.mercator import TILE_SIZE, tile_at, to_world
from st_desktop.sandbox import SandboxServer
from st_desktop.services.tiles import USER_AGENT, TileFetcher, sandbox_source
from st_desktop.store.tiles import TileStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.map import MapTiles, MapView
from st_desktop.ui.map.painting import MapColours
from tests.qt.map.conftest import (
    DAY,
    Clock,
    MapFactory,
    TileLog,
    loaded,
    lucerne_loop,
    settled,
)


def pixel(view: MapView, x: float, y: float) -> str:
    """The colour drawn at (x, y), as "#rrggbb"."""
    return view.grab().toImage().pixelColor(int(x), int(y)).name()


def ground(view: MapView) -> str:
    """The neutral colour under missing tiles, as "#rrggbb"."""
    return QColor(MapColours.from_palette(view.palette()).ground.rgb()).name()


def tile_corner(view: MapView, z: int, x: int, y: int) -> tuple[float, float]:
    """Screen position of a tile's top-left corner."""
    viewport = view.viewport()
    assert viewport is not None
    return viewport.to_screen(x / 2**z, y / 2**z)


def test_tiles_of_the_routes_extent_are_asked_for_cached_and_drawn(
    qtbot: QtBot,
    make_map: MapFactory,
    map_tiles: MapTiles,
    tile_server: SandboxServer,
    tile_log: TileLog,
    store: TileStore,
) -> None:
    track = lucerne_loop()
    view = make_map(map_tiles, track)
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    viewport = view.viewport()
    assert viewport is not None
    wanted = set(view.wanted_tiles())
    z = next(iter(wanted))[1]
    # Every tile holding a point of the route is there ...
    for lat, lon in zip(track.lat, track.lon, strict=True):
        if not math.isnan(lat):
            assert ("sandbox", z, *tile_at(lat, lon, z), 1) in wanted
    # ... and nothing beyond the view plus one tile all around it.
    margin = TILE_SIZE * 2 ** (viewport.zoom - z)
    for _, _, x, y, _ in wanted:
        left, top = tile_corner(view, z, x, y)
        assert -2 * margin <= left <= viewport.width + margin
        assert -2 * margin <= top <= viewport.height + margin
    # Exactly those were downloaded, once each, and kept on disk.
    assert tile_server.tiles.requests == len(wanted)
    assert set(store.cached_keys()) == wanted
    assert {h["User-Agent"] for h in tile_log.headers} == {USER_AGENT}
    # Drawn: the corner of the map shows terrain, not the neutral ground.
    assert pixel(view, 3, 3) != ground(view)
    # Moving the map by a few pixels needs no new tile.
    view.pan_by(20, 10)
    qtbot.waitUntil(lambda: view.requested_tiles() == set(view.wanted_tiles()))
    assert tile_server.tiles.requests == len(wanted)


@pytest.mark.parametrize("off", ["drop", "404"])
def test_with_the_tiles_switched_off_cached_tiles_draw_and_missing_ones_are_neutral(
    qtbot: QtBot,
    make_map: MapFactory,
    runner: TaskRunner,
    tile_server: SandboxServer,
    tiles_path: Path,
    map_tiles: MapTiles,
    clock: Clock,
    monotonic: Clock,
    off: str,
) -> None:
    track = lucerne_loop()
    first = make_map(map_tiles, track)
    qtbot.waitUntil(loaded(map_tiles, first), timeout=15_000)
    first.window().close()

    # Another run of the app: the tiles come from the file on disk, the server is gone.
    tile_server.faults.tiles_off = off  # type: ignore[assignment]
    clock.now += 30 * DAY  # long stale: they would be revalidated if the server answered
    failures: list[str] = []
    runner.unhandled_error.connect(lambda text, _exc: failures.append(text))
    store = TileStore.open(tiles_path, clock=clock)
    fetcher = TileFetcher(
        store, sandbox_source(tile_server.base_url), clock=clock, monotonic=monotonic
    )
    tiles = MapTiles(runner, fetcher, monotonic=monotonic)
    view = make_map(tiles, track)
    start = view.viewport()
    assert start is not None
    tile_px = TILE_SIZE * 2 ** (start.zoom - start.tile_zoom())
    view.pan_by(-2.5 * tile_px, 0)  # tiles never seen (beyond the margin) come in on the right
    qtbot.waitUntil(settled(tiles, view), timeout=15_000)
    viewport = view.viewport()
    assert viewport is not None
    assert pixel(view, 3, 3) != ground(view)  # cached: drawn from the disk
    assert pixel(view, viewport.width - 3, 3) == ground(view)  # never fetched: neutral
    assert failures == []
    assert [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()] == []
    fetcher.close()
    store.close()


def test_the_cache_cap_evicts_least_recently_used_tiles(
    qtbot: QtBot,
    make_map: MapFactory,
    runner: TaskRunner,
    tile_server: SandboxServer,
    tmp_path: Path,
    clock: Clock,
    monotonic: Clock,
) -> None:
    probe = TileFetcher(TileStore(":memory:"), sandbox_source(tile_server.base_url))
    one_tile = len(probe.fetch(probe.source.key(13, 4285, 2878)) or b"")
    probe.close()
    cap = one_tile * 6
    store = TileStore.open(tmp_path / "small.sqlite3", cap_bytes=cap, clock=clock)
    fetcher = TileFetcher(
        store, sandbox_source(tile_server.base_url), clock=clock, monotonic=monotonic
    )
    tiles = MapTiles(runner, fetcher, monotonic=monotonic)
    view = make_map(tiles, lucerne_loop())
    qtbot.waitUntil(loaded(tiles, view), timeout=15_000)
    wanted = view.wanted_tiles()
    assert len(wanted) > 8
    assert store.total_bytes <= cap
    assert 0 < store.count() < len(wanted)
    assert all(tiles.image(k) is not None for k in wanted)  # the map still shows them all
    fetcher.close()
    store.close()


def test_at_most_two_downloads_run_at_once_for_any_number_of_maps(
    qtbot: QtBot,
    make_map: MapFactory,
    tile_server: SandboxServer,
    tile_log: TileLog,
    fetcher: TileFetcher,
    monotonic: Clock,
) -> None:
    # Plenty of threads, and two loaders over one fetcher: only the fetcher can hold the line.
    runner = TaskRunner(max_threads=8)
    tiles_a = MapTiles(runner, fetcher, monotonic=monotonic)
    tiles_b = MapTiles(runner, fetcher, monotonic=monotonic)
    tile_server.faults.delay = 0.05  # a slow server ...
    tile_log.hold()  # ... that answers nothing until the test lets it
    view_a = make_map(tiles_a, lucerne_loop())
    view_b = make_map(tiles_b, lucerne_loop(radius_km=6.0))
    qtbot.waitUntil(lambda: tile_log.in_flight == 2, timeout=10_000)
    qtbot.waitUntil(lambda: tiles_a.downloads_in_flight + tiles_b.downloads_in_flight == 4)
    assert tile_log.in_flight == 2  # four downloads started, two reach the server
    tile_log.release()
    qtbot.waitUntil(loaded(tiles_a, view_a), timeout=30_000)
    qtbot.waitUntil(loaded(tiles_b, view_b), timeout=30_000)
    assert tile_log.most_in_flight == 2
    assert tile_server.tiles.requests == len(
        set(view_a.wanted_tiles()) | set(view_b.wanted_tiles())
    )
    runner.shutdown(5.0)


def test_stale_tiles_draw_at_once_and_are_revalidated_with_304(
    qtbot: QtBot,
    make_map: MapFactory,
    runner: TaskRunner,
    map_tiles: MapTiles,
    fetcher: TileFetcher,
    store: TileStore,
    tile_server: SandboxServer,
    tile_log: TileLog,
    clock: Clock,
    monotonic: Clock,
) -> None:
    track = lucerne_loop()
    first = make_map(map_tiles, track)
    qtbot.waitUntil(loaded(map_tiles, first), timeout=15_000)
    wanted = first.wanted_tiles()
    before = {k: store.get(k, touch=False) for k in wanted}
    first.window().close()

    clock.now += 8 * DAY  # past the 7 days the sandbox allows
    tile_log.hold()
    tiles = MapTiles(runner, fetcher, monotonic=monotonic)
    view = make_map(tiles, track)
    # Drawn from the disk while the server has not answered a single revalidation yet.
    qtbot.waitUntil(lambda: all(tiles.image(k) is not None for k in view.wanted_tiles()))
    qtbot.waitUntil(lambda: tile_log.in_flight >= 1)
    assert len(tile_log.statuses) == len(wanted)
    tile_log.release()
    qtbot.waitUntil(settled(tiles, view), timeout=15_000)
    revalidations = tile_log.headers[len(wanted) :]
    assert len(revalidations) == len(wanted)
    assert all("If-None-Match" in h and "If-Modified-Since" in h for h in revalidations)
    assert tile_log.statuses[len(wanted) :] == [304] * len(wanted)
    for key in wanted:
        after = store.get(key, touch=False)
        assert after is not None
        assert after.data == before[key].data  # type: ignore[union-attr]
        assert after.expires == pytest.approx(clock.now + 7 * DAY)


def test_hidpi_screens_get_the_512_pixel_tiles(
    qtbot: QtBot,
    make_map: MapFactory,
    map_tiles: MapTiles,
    tile_log: TileLog,
    store: TileStore,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    view = make_map(map_tiles)
    monkeypatch.setattr(view, "devicePixelRatioF", lambda: 2.0)  # offscreen has no HiDPI screen
    view.set_track(lucerne_loop())
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    assert {k[-1] for k in store.cached_keys()} == {2}
    assert all(h for h in tile_log.headers)
    image = map_tiles.image(view.wanted_tiles()[0])
    assert image is not None
    assert image.width() == 512


def test_a_hidden_map_or_one_without_gps_asks_for_nothing(
    qtbot: QtBot,
    make_map: MapFactory,
    map_tiles: MapTiles,
    tile_server: SandboxServer,
) -> None:
    view = make_map(map_tiles)
    track = lucerne_loop()
    no_gps = type(track)(time=track.time, lat=track.lat * math.nan, lon=track.lon * math.nan)
    view.set_track(no_gps)
    assert view.viewport() is None
    view.window().hide()
    view.set_track(track)
    qtbot.waitUntil(lambda: not view.requested_tiles() and map_tiles.is_idle())
    assert view.wanted_tiles() == []
    assert tile_server.tiles.requests == 0
    view.window().show()
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    assert tile_server.tiles.requests == len(view.wanted_tiles())
    assert view.viewport() is not None
    assert to_world(47.05, 8.31)  # the route's centre is in view
    centre = view.viewport().to_screen(*to_world(47.05, 8.31))  # type: ignore[union-attr]
    assert 0 < centre[0] < view.width()
    assert 0 < centre[1] < view.height()


def test_tiles_are_decoded_on_the_gui_thread_from_the_network_and_the_disk(
    qtbot: QtBot,
    make_map: MapFactory,
    map_tiles: MapTiles,
    tile_server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Decoding on a worker holds the interpreter inside Qt's locks, which once hung the app
    (a worker in ``QImage.fromData`` and the GUI thread in ``disconnect`` waited for each
    other); the workers only read bytes."""
    from st_desktop.ui.map import loader

    threads: list[str] = []
    real_decode = loader.decode

    def watched(data: bytes | None) -> QImage | None:
        threads.append(threading.current_thread().name)
        return real_decode(data)

    monkeypatch.setattr(loader, "decode", watched)
    view = make_map(map_tiles, lucerne_loop())
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    downloaded = len(threads)
    assert downloaded == tile_server.tiles.requests > 0
    # From the disk cache this time: the whole screenful at once, decoded a few per turn.
    map_tiles.forget_images()
    map_tiles.source_changed.emit()  # as after the tile cache was cleared: the maps ask again
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    assert len(threads) > downloaded
    assert set(threads) == {threading.main_thread().name}
    assert tile_server.tiles.requests == downloaded  # nothing downloaded again
    assert pixel(view, 3, 3) != ground(view)
