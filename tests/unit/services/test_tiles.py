"""The tile fetcher over real HTTP: the sandbox's tile endpoint, and small servers written here."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.wrappers import Request, Response

from st_desktop import __version__
from st_desktop.sandbox import SandboxServer
from st_desktop.services.tile_http import TILE_LIMIT
from st_desktop.services.tiles import (
    MIN_FRESH_S,
    OFFLINE_PAUSE_S,
    OSM_STANDARD,
    USER_AGENT,
    TileFetcher,
    TileSourceError,
    check_template,
    custom_source,
    lifetime,
    looks_like_image,
    sandbox_source,
)
from st_desktop.store.tiles import TileStore
from tests.unit.api.hostile_server import Handler, HostileServer, drip_body, head
from tests.unit.store.db_helpers import full_disk

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 100
DAY = 86_400.0


class Clock:
    """Seconds that move only when the test says so."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class TileRequests:
    """Wraps the sandbox's tile service to see each request's headers."""

    def __init__(self, server: SandboxServer) -> None:
        self.headers: list[dict[str, str]] = []
        original = server.tiles.answer

        def answer(request: Request, z: int, x: int, y: int, scale: int) -> Response:
            self.headers.append(dict(request.headers))
            return original(request, z, x, y, scale)

        server.tiles.answer = answer  # type: ignore[method-assign]


@pytest.fixture
def clock() -> Clock:
    return Clock(1_760_000_000.0)


@pytest.fixture
def monotonic() -> Clock:
    return Clock(1000.0)


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Iterator[TileStore]:
    tiles = TileStore(tmp_path / "tiles.sqlite3", clock=clock)
    yield tiles
    tiles.close()


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox") as running:
        yield running


@pytest.fixture
def fetcher(
    sandbox: SandboxServer, store: TileStore, clock: Clock, monotonic: Clock
) -> Iterator[TileFetcher]:
    tiles = TileFetcher(store, sandbox_source(sandbox.base_url), clock=clock, monotonic=monotonic)
    yield tiles
    tiles.close()


def test_a_tile_is_downloaded_once_then_drawn_from_the_disk_cache(
    sandbox: SandboxServer, fetcher: TileFetcher, store: TileStore, clock: Clock
) -> None:
    seen = TileRequests(sandbox)
    key = fetcher.source.key(12, 2142, 1439)
    data = fetcher.fetch(key)
    assert data is not None
    assert looks_like_image(data)
    assert sandbox.tiles.requests == 1
    assert seen.headers[0]["User-Agent"] == USER_AGENT
    assert USER_AGENT.startswith(f"st-desktop/{__version__} (+https://github.com/")
    stored = store.get(key)
    assert stored is not None
    assert stored.data == data
    assert stored.etag is not None
    assert stored.last_modified is not None
    assert stored.expires == pytest.approx(clock.now + 7 * DAY)
    clock.now += 6 * DAY
    assert fetcher.fetch(key) == data
    assert fetcher.cached_many([key]) == {key: fetcher.cached_many([key])[key]}
    assert fetcher.cached_many([key])[key].fresh
    assert sandbox.tiles.requests == 1  # still fresh: no request


def test_hidpi_tiles_are_the_512_pixel_variant(
    sandbox: SandboxServer, fetcher: TileFetcher
) -> None:
    one, two = fetcher.source.key(10, 535, 359, 1), fetcher.source.key(10, 535, 359, 2)
    assert two[-1] == 2
    small, large = fetcher.fetch(one), fetcher.fetch(two)
    assert small is not None
    assert large is not None
    assert int.from_bytes(small[16:20], "big") == 256  # the PNG header's width
    assert int.from_bytes(large[16:20], "big") == 512
    assert OSM_STANDARD.key(10, 535, 359, 2)[-1] == 1  # no @2x there: the map scales instead


def test_a_stale_tile_is_revalidated_and_a_304_extends_it(
    sandbox: SandboxServer, fetcher: TileFetcher, store: TileStore, clock: Clock
) -> None:
    seen = TileRequests(sandbox)
    key = fetcher.source.key(11, 1071, 719)
    first = fetcher.fetch(key)
    etag = store.get(key).etag  # type: ignore[union-attr]
    clock.now += 8 * DAY
    assert not fetcher.cached_many([key])[key].fresh
    assert fetcher.fetch(key) == first
    assert sandbox.tiles.requests == 2
    assert seen.headers[1]["If-None-Match"] == etag
    assert "If-Modified-Since" in seen.headers[1]
    assert store.get(key).expires == pytest.approx(clock.now + 7 * DAY)  # type: ignore[union-attr]
    assert fetcher.fetch(key) == first
    assert sandbox.tiles.requests == 2  # fresh again


def test_a_tile_changed_on_the_server_replaces_the_cached_one(
    store: TileStore, clock: Clock, monotonic: Clock
) -> None:
    new_png = PNG + b"new"

    def answer(handler: Handler) -> None:
        if handler.headers.get("If-Modified-Since") == "Tue, 30 Sep 2025 10:00:00 GMT":
            body, modified = new_png, "Wed, 01 Oct 2025 10:00:00 GMT"
        else:
            body, modified = PNG, "Tue, 30 Sep 2025 10:00:00 GMT"
        handler.send_raw(
            head(
                200,
                {
                    "Content-Length": str(len(body)),
                    "Last-Modified": modified,
                    "Cache-Control": "max-age=31536000",
                },
            )
            + body
        )

    with HostileServer(answer) as server:
        source = custom_source(server.root + "/{z}/{x}/{y}.png", "Test")
        fetcher = TileFetcher(store, source, clock=clock, monotonic=monotonic)
        key = source.key(3, 1, 2)
        assert fetcher.fetch(key) == PNG
        assert store.get(key).expires == pytest.approx(clock.now + 365 * DAY)  # type: ignore[union-attr]
        clock.now += 400 * DAY
        assert fetcher.fetch(key) == new_png
        assert "If-None-Match" not in server.requests[1].headers  # it sent no ETag
        assert store.get(key).data == new_png  # type: ignore[union-attr]
        assert store.get(key).last_modified == "Wed, 01 Oct 2025 10:00:00 GMT"  # type: ignore[union-attr]
        assert server.requests[0].path == "/3/1/2.png"
        fetcher.close()


def test_offline_cached_tiles_still_come_and_missing_ones_are_none(
    sandbox: SandboxServer, fetcher: TileFetcher, clock: Clock, monotonic: Clock
) -> None:
    cached = fetcher.source.key(9, 267, 179)
    data = fetcher.fetch(cached)
    clock.now += 30 * DAY  # stale: it would be revalidated if the server answered
    sandbox.faults.tiles_off = "drop"
    assert fetcher.fetch(cached) == data
    assert fetcher.fetch(fetcher.source.key(9, 268, 179)) is None
    requests_offline = sandbox.tiles.requests
    assert requests_offline == 2
    # For a while the network is left alone: no request per tile while the link is down.
    for x in range(5):
        assert fetcher.fetch(fetcher.source.key(9, 300 + x, 179)) is None
    assert sandbox.tiles.requests == requests_offline
    sandbox.faults.reset()
    monotonic.now += OFFLINE_PAUSE_S
    assert fetcher.fetch(fetcher.source.key(9, 268, 179)) is not None
    assert sandbox.tiles.requests == requests_offline + 1


def test_a_missing_tile_does_not_pause_the_others(
    sandbox: SandboxServer, fetcher: TileFetcher
) -> None:
    sandbox.faults.tiles_off = "404"
    assert fetcher.fetch(fetcher.source.key(5, 16, 11)) is None
    sandbox.faults.reset()
    assert fetcher.fetch(fetcher.source.key(5, 16, 12)) is not None
    assert sandbox.tiles.requests == 2


def answer_with(status: int, headers: dict[str, str], body: bytes = b"") -> Any:
    return lambda handler: handler.send_raw(head(status, headers) + body)


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        (answer_with(200, {"Content-Length": str(TILE_LIMIT + 1)}, PNG), "too large"),
        (answer_with(200, {"Content-Length": "15"}, b"<html>hi</html>"), "not an image"),
        (answer_with(302, {"Location": "http://127.0.0.2/", "Content-Length": "0"}), "redirect"),
        (answer_with(503, {"Content-Length": "0"}), "server error"),
    ],
)
def test_bad_answers_give_no_tile_and_nothing_cached(
    store: TileStore, clock: Clock, monotonic: Clock, answer: Any, why: str
) -> None:
    with HostileServer(answer) as server:
        source = custom_source(server.root + "/{z}/{x}/{y}.png", "Test")
        fetcher = TileFetcher(store, source, clock=clock, monotonic=monotonic)
        assert fetcher.fetch(source.key(1, 0, 0)) is None, why
        assert store.cached_keys() == []
        fetcher.close()


def test_a_server_too_slow_to_send_a_tile_counts_as_offline(
    store: TileStore, clock: Clock, monotonic: Clock
) -> None:
    with HostileServer(drip_body(0.05, declared=5000)) as server:
        source = custom_source(server.root + "/{z}/{x}/{y}.png", "Test")
        fetcher = TileFetcher(store, source, clock=clock, monotonic=monotonic, deadline=0.3)
        assert fetcher.fetch(source.key(2, 1, 1)) is None  # ends by the deadline
        assert fetcher.fetch(source.key(2, 1, 2)) is None  # paused: not even asked
        assert len(server.requests) == 1
        fetcher.close()


def test_at_most_two_downloads_at_a_time(store: TileStore, clock: Clock, monotonic: Clock) -> None:
    lock = threading.Condition()
    state = {"in_flight": 0, "most": 0}
    gate = threading.Event()

    def answer(handler: Handler) -> None:
        with lock:
            state["in_flight"] += 1
            state["most"] = max(state["most"], state["in_flight"])
            lock.notify_all()
        gate.wait(10)
        with lock:
            state["in_flight"] -= 1
        handler.send_raw(head(200, {"Content-Length": str(len(PNG))}) + PNG)

    waiting: set[int] = set()

    def waiting_for_a_slot(x: int) -> bool:
        with lock:
            waiting.add(x)
            lock.notify_all()
        return False

    with HostileServer(answer) as server:
        source = custom_source(server.root + "/{z}/{x}/{y}.png", "Test")
        fetcher = TileFetcher(store, source, clock=clock, monotonic=monotonic)
        results: dict[int, bytes | None] = {}

        def fetch(x: int) -> None:
            results[x] = fetcher.fetch(source.key(4, x, 0), lambda: waiting_for_a_slot(x))

        threads = [threading.Thread(target=fetch, args=(x,)) for x in range(6)]
        for thread in threads:
            thread.start()
        with lock:  # two downloading, the four others waiting for a slot: none got through
            assert lock.wait_for(lambda: state["in_flight"] == 2 and len(waiting) >= 4, 10)
            assert state["in_flight"] == 2
        gate.set()
        for thread in threads:
            thread.join(10)
        assert results == dict.fromkeys(range(6), PNG)
        assert state["most"] == 2
        assert len(server.requests) == 6
        fetcher.close()


@pytest.mark.expect_log(
    "map tiles are not kept on disk: The local map tile cache could not be written"
)
def test_a_full_disk_still_gives_tiles_and_says_so_once(
    tmp_path: Path,
    sandbox: SandboxServer,
    clock: Clock,
    monotonic: Clock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "full.sqlite3"
    TileStore(path).close()
    store = TileStore(path, clock=clock, connect=full_disk)
    fetcher = TileFetcher(store, sandbox_source(sandbox.base_url), clock=clock, monotonic=monotonic)
    for x in range(3):
        assert fetcher.fetch(fetcher.source.key(12, 2142 + x, 1439, 2)) is not None
    assert len([r for r in caplog.records if "not kept on disk" in r.getMessage()]) == 1
    fetcher.close()
    store.close()


def test_a_tile_of_another_source_is_not_downloaded(
    sandbox: SandboxServer, fetcher: TileFetcher
) -> None:
    assert fetcher.fetch(OSM_STANDARD.key(3, 1, 1)) is None
    assert sandbox.tiles.requests == 0


# ------------------------------------------------------------------------ sources and headers


def test_templates_are_checked_with_a_sentence() -> None:
    assert check_template("  https://a.example/{z}/{x}/{y}{r}.png ") == (
        "https://a.example/{z}/{x}/{y}{r}.png"
    )
    with pytest.raises(TileSourceError, match="must start with https://"):
        check_template("ftp://a.example/{z}/{x}/{y}.png")
    with pytest.raises(TileSourceError, match=r"needs \{x\}, \{y\}"):
        check_template("https://a.example/{z}.png")
    with pytest.raises(TileSourceError, match=r"has \{apikey\}"):
        check_template("https://a.example/{z}/{x}/{y}.png?key={apikey}")


def test_sources_fill_their_templates_and_keep_their_tiles_apart() -> None:
    topo = custom_source("https://{s}.tile.example/{z}/{x}/{y}{r}.png", " Example ")
    assert topo.url(topo.key(7, 66, 44, 2)) == "https://a.tile.example/7/66/44@2x.png"
    assert topo.url(topo.key(7, 66, 44, 1)) == "https://a.tile.example/7/66/44.png"
    assert topo.attribution == "Example"
    assert topo.source_id == custom_source(topo.template, "other words").source_id
    assert topo.source_id != custom_source("https://b.example/{z}/{x}/{y}.png", "").source_id
    assert custom_source(OSM_STANDARD.template, "") is OSM_STANDARD
    assert (
        OSM_STANDARD.url(OSM_STANDARD.key(2, 1, 3, 2)) == "https://tile.openstreetmap.org/2/1/3.png"
    )


@pytest.mark.parametrize(
    ("headers", "seconds"),
    [
        ({"Cache-Control": "public, max-age=31536000"}, 365 * DAY),
        ({"Cache-Control": "max-age=31536000", "Age": "86400"}, 364 * DAY),
        ({"Cache-Control": "max-age=60"}, MIN_FRESH_S),  # kept at least 7 days anyway
        ({"Cache-Control": "no-cache"}, MIN_FRESH_S),
        ({"Expires": "Sat, 01 Nov 2025 00:00:00 GMT"}, 1_761_955_200.0 - 1_760_000_000.0),
        ({"Expires": "0"}, MIN_FRESH_S),
        ({}, MIN_FRESH_S),
    ],
)
def test_freshness_follows_the_cache_headers(headers: dict[str, str], seconds: float) -> None:
    assert lifetime(headers, 1_760_000_000.0) == pytest.approx(max(seconds, MIN_FRESH_S))
