"""Fixtures of the map tests: the sandbox's tile endpoint, a tile cache, a map in a plain window."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from werkzeug.wrappers import Request, Response

from st_desktop.domain.track import Track
from st_desktop.sandbox import SandboxServer
from st_desktop.services.tiles import TileFetcher, sandbox_source
from st_desktop.store.tiles import TileStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.map import MapTiles, MapView

WINDOW_SIZE = (640, 480)
DAY = 86_400.0


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@dataclass
class TileLog:
    """What reached the sandbox's tile endpoint: headers, answers, requests running at once.

    ``hold()`` keeps answers waiting until ``release()`` (a slow server, without sleeping).
    """

    headers: list[dict[str, str]] = field(default_factory=list)
    statuses: list[int] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    gate: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.gate.set()

    def hold(self) -> None:
        self.gate.clear()

    def release(self) -> None:
        self.gate.set()

    def watch(self, server: SandboxServer) -> None:
        original = server.tiles.answer

        def answer(request: Request, z: int, x: int, y: int, scale: int) -> Response:
            with self.lock:
                self.headers.append(dict(request.headers))
                self.in_flight += 1
                self.most_in_flight = max(self.most_in_flight, self.in_flight)
            try:
                self.gate.wait(30)
                response = original(request, z, x, y, scale)
                with self.lock:
                    self.statuses.append(response.status_code)
                return response
            finally:
                with self.lock:
                    self.in_flight -= 1

        server.tiles.answer = answer  # type: ignore[method-assign]


def lucerne_loop(points: int = 720, radius_km: float = 2.0) -> Track:
    """A loop ride around Lucerne with a GPS gap in the middle (real shape, made-up ride)."""
    angle = np.linspace(0, 2 * np.pi, points)
    lat = 47.05 + radius_km / 111.2 * np.sin(angle)
    lon = 8.31 + radius_km / (111.2 * np.cos(np.radians(47.05))) * np.cos(angle) * 1.4
    lat[300:320] = np.nan
    lon[300:320] = np.nan
    return Track(time=np.arange(points, dtype=np.float64) * 5.0, lat=lat, lon=lon)


@pytest.fixture
def tile_server(tmp_path: Path) -> Iterator[SandboxServer]:
    """An empty sandbox: only its tile endpoint is used."""
    with SandboxServer(tmp_path / "sandbox") as running:
        yield running


@pytest.fixture
def tile_log(tile_server: SandboxServer) -> TileLog:
    log = TileLog()
    log.watch(tile_server)
    return log


@pytest.fixture
def clock() -> Clock:
    return Clock(1_760_000_000.0)


@pytest.fixture
def monotonic() -> Clock:
    return Clock(5_000.0)


@pytest.fixture
def tiles_path(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "tiles.sqlite3"


@pytest.fixture
def store(tiles_path: Path, clock: Clock) -> Iterator[TileStore]:
    tiles = TileStore.open(tiles_path, clock=clock)
    yield tiles
    tiles.close()


@pytest.fixture
def fetcher(
    tile_server: SandboxServer, store: TileStore, clock: Clock, monotonic: Clock
) -> Iterator[TileFetcher]:
    tiles = TileFetcher(
        store, sandbox_source(tile_server.base_url), clock=clock, monotonic=monotonic
    )
    yield tiles
    tiles.close()


@pytest.fixture
def map_tiles(
    qtbot: QtBot, runner: TaskRunner, fetcher: TileFetcher, monotonic: Clock
) -> Iterator[MapTiles]:
    """The maps' tile loader; its tasks end before the fetcher and the store close."""
    yield MapTiles(runner, fetcher, monotonic=monotonic)
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=10_000)


MapFactory = Callable[..., MapView]


@pytest.fixture
def make_map(qtbot: QtBot) -> MapFactory:
    """A MapView in a plain window of 640 × 480, shown."""
    windows: list[QWidget] = []  # kept alive for the test

    def make(tiles: MapTiles, track: Track | None = None, units: str = "metric") -> MapView:
        window = QWidget()
        window.setWindowTitle("map test")
        layout = QVBoxLayout(window)
        layout.setContentsMargins(0, 0, 0, 0)
        view = MapView(tiles, window, units)
        layout.addWidget(view)
        qtbot.addWidget(window)
        windows.append(window)
        window.resize(*WINDOW_SIZE)
        window.show()
        qtbot.waitExposed(window)
        if track is not None:
            view.set_track(track, units)
        return view

    return make


def loaded(tiles: MapTiles, view: MapView) -> Callable[[], bool]:
    """True once nothing is loading and every tile the map wants is in memory."""

    def check() -> bool:
        wanted = view.wanted_tiles()
        return bool(wanted) and tiles.is_idle() and all(tiles.image(k) is not None for k in wanted)

    return check


def settled(tiles: MapTiles, view: MapView) -> Callable[[], bool]:
    """True once the map asked for its tiles and each is loaded or could not be had."""

    def check() -> bool:
        wanted = view.wanted_tiles()
        return bool(wanted) and set(wanted) == view.requested_tiles() and tiles.settled(wanted)

    return check
