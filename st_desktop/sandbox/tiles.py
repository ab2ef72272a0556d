"""``GET /tiles/{z}/{x}/{y}.png`` (256 px) and ``/tiles/{z}/{x}/{y}@2x.png`` (512 px): map tiles.

Not part of SportTracks: the app's maps need a tile server, and this one works offline. Tiles
are public like every tile server's (no bearer token), drawn by
:mod:`st_desktop.sandbox.tile_render` and kept in a small in-memory LRU cache. Answers carry
``Cache-Control: public, max-age=604800``, a strong ``ETag`` (the tile's coordinates and the
renderer version: the same tile is always the same bytes) and a fixed ``Last-Modified``; a
request whose ``If-None-Match`` names the ETag gets 304 without a body. A tile outside the
world (x or y not below ``2**z``, zoom above 22) is 404.

``faults.tiles_off`` makes every tile request fail (``"404"`` or ``"drop"`` the connection), so
tests can watch a map draw without tiles; :attr:`TileService.requests` counts tile requests
(served, 304, refused or failed alike).
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections import OrderedDict
from datetime import UTC, datetime

from werkzeug.wrappers import Request, Response

from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.responses import error_response
from st_desktop.sandbox.tile_render import MAX_ZOOM, RENDER_VERSION, render_tile

log = logging.getLogger(__name__)

MAX_AGE = 604_800  # one week
CACHE_BYTES = 48 * 1024 * 1024
#: When this renderer's drawing last changed (the ``Last-Modified`` of every tile).
LAST_MODIFIED = datetime(2025, 10, 1, tzinfo=UTC)


class TileDropped(Exception):
    """The ``tiles_off = "drop"`` fault: the app closes the connection without answering."""


class TileService:
    """Tile answers with caching headers, an LRU of rendered tiles and a request counter.

    Args:
        faults: the server's fault switches (``tiles_off``).
        cache_bytes: most PNG bytes kept in memory.
    """

    def __init__(self, faults: Faults, cache_bytes: int = CACHE_BYTES) -> None:
        self._faults = faults
        self._cache: OrderedDict[tuple[int, int, int, int], bytes] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._held = 0
        self._lock = threading.Lock()
        self._requests = 0

    @property
    def requests(self) -> int:
        """Tile requests received so far."""
        with self._lock:
            return self._requests

    @property
    def cached_bytes(self) -> int:
        """PNG bytes held in the cache now."""
        with self._lock:
            return self._held

    def answer(self, request: Request, z: int, x: int, y: int, scale: int) -> Response:
        """The response to one tile request.

        Raises:
            TileDropped: the ``tiles_off = "drop"`` fault is on.
        """
        with self._lock:
            self._requests += 1
        off = self._faults.tiles_off
        if off == "drop":
            raise TileDropped
        if off:
            return error_response(404, "tiles are switched off", self._faults)
        if z > MAX_ZOOM or x >= 2**z or y >= 2**z:
            return error_response(404, f"no tile {z}/{x}/{y}", self._faults)
        tag = self._etag(z, x, y, scale)
        headers = {
            "Cache-Control": f"public, max-age={MAX_AGE}",
            "ETag": f'"{tag}"',
            "Last-Modified": LAST_MODIFIED.strftime("%a, %d %b %Y %H:%M:%S GMT"),
        }
        if request.if_none_match.contains_weak(tag):  # If-None-Match compares weakly
            return Response(status=304, headers=headers)
        return Response(self.png(z, x, y, scale), headers=headers, content_type="image/png")

    def png(self, z: int, x: int, y: int, scale: int) -> bytes:
        """The tile's PNG, from the cache when it was drawn before."""
        key = (z, x, y, scale)
        with self._lock:
            data = self._cache.get(key)
            if data is not None:
                self._cache.move_to_end(key)
                return data
        data = render_tile(z, x, y, scale)  # outside the lock: tiles draw in parallel
        with self._lock:
            if key not in self._cache:
                self._cache[key] = data
                self._held += len(data)
            while self._held > self._cache_bytes and len(self._cache) > 1:
                _, dropped = self._cache.popitem(last=False)
                self._held -= len(dropped)
        return data

    @staticmethod
    def _etag(z: int, x: int, y: int, scale: int) -> str:
        text = f"{RENDER_VERSION}:{z}/{x}/{y}@{scale}"
        return hashlib.sha256(text.encode()).hexdigest()[:20]
