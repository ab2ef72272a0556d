"""Map tiles from an XYZ tile server, kept in the disk cache, fetched as the tile policy asks.

:class:`TileSource` is a server: a URL template (``{z}``, ``{x}``, ``{y}``, and ``{r}`` where
the server has 512 px ``@2x`` tiles for HiDPI screens) and the attribution its licence asks
for. The default is the OpenStreetMap standard layer, whose tile usage policy
(https://operations.osmfoundation.org/policies/tiles/) :class:`TileFetcher` follows:

- an identifying User-Agent (:data:`USER_AGENT`);
- at most :data:`MAX_DOWNLOADS` downloads at a time per source, whoever asks;
- cache headers honoured, and a tile kept fresh at least :data:`MIN_FRESH_S` (7 days)
  whatever they say; a stale tile is revalidated with ``If-None-Match`` /
  ``If-Modified-Since`` (a 304 keeps it and extends its expiry);
- only what is asked for: the map asks for the tiles in view (plus a margin), never more.

Offline, cached tiles are still given and a missing one is None (the map draws a neutral
background): :meth:`TileFetcher.fetch` never raises. After a connection failure the network is
left alone for :data:`OFFLINE_PAUSE_S`, so an offline map does not hammer a dead link.
Every request has a deadline and a size cap (:mod:`st_desktop.services.tile_http`).
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from st_desktop import __version__
from st_desktop.api.transport import SessionPool
from st_desktop.errors import StDesktopError, StoreError
from st_desktop.services.tile_http import (
    TILE_DEADLINE_S,
    TileUnreachableError,
    get_tile,
)
from st_desktop.store.db import DatabaseError, Problem
from st_desktop.store.tiles import StoredTile, TileKey, TileStore

log = logging.getLogger(__name__)

PROJECT_URL = "https://github.com/st-desktop/st-desktop"
USER_AGENT = f"st-desktop/{__version__} (+{PROJECT_URL})"
MAX_DOWNLOADS = 2
MIN_FRESH_S = 7 * 24 * 3600.0
OFFLINE_PAUSE_S = 30.0

_PLACEHOLDERS = re.compile(r"\{([^{}]*)\}")
_KNOWN = {"z", "x", "y", "r", "s"}
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


class TileSourceError(StDesktopError):
    """A tile URL template that cannot be used; the sentence says why."""


@dataclass(frozen=True)
class TileSource:
    """An XYZ tile server.

    Attributes:
        source_id: names its tiles in the cache (tiles of two sources never mix).
        template: the tile URL with ``{z}``, ``{x}``, ``{y}``; ``{r}`` becomes ``@2x`` for
            512 px tiles (and "" otherwise); ``{s}`` becomes ``a``.
        attribution: the credit the map must show ("© OpenStreetMap contributors").
        attribution_url: where the credit links to ("" for none).
        max_zoom: the deepest zoom the server has; the map scales those tiles beyond it.
    """

    source_id: str
    template: str
    attribution: str
    attribution_url: str = ""
    max_zoom: int = 19

    @property
    def hidpi(self) -> bool:
        """True when the server offers 512 px ``@2x`` tiles (the template has ``{r}``)."""
        return "{r}" in self.template

    def key(self, z: int, x: int, y: int, scale: int = 1) -> TileKey:
        """The cache key of a tile (scale 2 only where the server has @2x tiles)."""
        return (self.source_id, z, x, y, 2 if scale >= 2 and self.hidpi else 1)

    def url(self, key: TileKey) -> str:
        """The URL of a tile."""
        _, z, x, y, scale = key
        values = {"z": str(z), "x": str(x), "y": str(y), "r": "@2x" if scale == 2 else "", "s": "a"}
        return _PLACEHOLDERS.sub(lambda m: values[m.group(1)], self.template)


OSM_STANDARD = TileSource(
    "osm",
    "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "© OpenStreetMap contributors",
    "https://www.openstreetmap.org/copyright",
    19,
)

#: No tile server (yet): maps show their neutral ground (e.g. before the sandbox started).
NO_TILES = TileSource("none", "", "")


def check_template(template: str) -> str:
    """``template`` stripped, if it can be used as a tile URL template.

    Raises:
        TileSourceError: not http(s), no host, a placeholder missing or unknown.
    """
    template = template.strip()
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise TileSourceError(
            "The tile URL must start with https:// (or http://) and name a server, e.g. "
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png."
        )
    names = _PLACEHOLDERS.findall(template)
    missing = [f"{{{name}}}" for name in ("z", "x", "y") if name not in names]
    if missing:
        raise TileSourceError(
            f"The tile URL needs {', '.join(missing)} where the tile's zoom and position go."
        )
    unknown = sorted({f"{{{name}}}" for name in names if name not in _KNOWN})
    if unknown:
        raise TileSourceError(
            f"The tile URL has {', '.join(unknown)}, which st-desktop does not know; it "
            "understands {z}, {x}, {y}, {r} (@2x) and {s}."
        )
    return template


def custom_source(template: str, attribution: str, attribution_url: str = "") -> TileSource:
    """A tile server the user chose; its tiles are cached apart from every other server's.

    Raises:
        TileSourceError: the template cannot be used (see :func:`check_template`).
    """
    template = check_template(template)
    if template == OSM_STANDARD.template:
        return OSM_STANDARD
    digest = hashlib.sha256(template.encode()).hexdigest()[:16]
    return TileSource(f"url-{digest}", template, attribution.strip(), attribution_url.strip())


def sandbox_source(base_url: str) -> TileSource:
    """The sandbox's generated tiles (``/tiles/{z}/{x}/{y}{r}.png`` under its root)."""
    return TileSource(
        "sandbox",
        base_url.rstrip("/") + "/tiles/{z}/{x}/{y}{r}.png",
        "Sandbox map: generated terrain",
        "",
        19,
    )


def lifetime(headers: Mapping[str, str], now: float) -> float:
    """Seconds a response stays fresh: its cache headers, but never under :data:`MIN_FRESH_S`."""
    seconds = 0.0
    control = headers.get("Cache-Control", "")
    match = re.search(r"(?:^|[,\s])max-age\s*=\s*\"?(\d+)", control, re.IGNORECASE)
    if match:
        age = headers.get("Age", "0").strip()
        seconds = float(match.group(1)) - (float(age) if age.isdigit() else 0.0)
    elif headers.get("Expires"):
        try:
            seconds = parsedate_to_datetime(headers["Expires"]).timestamp() - now
        except (TypeError, ValueError, IndexError):
            seconds = 0.0  # "0" or garbage means already expired
    return max(seconds, MIN_FRESH_S)


def looks_like_image(data: bytes) -> bool:
    """True for PNG, JPEG, GIF or WebP bytes (not an HTML error page sent with 200)."""
    return data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


@dataclass(frozen=True)
class CachedTile:
    """A tile from the disk cache: its bytes and whether they may be drawn without asking."""

    data: bytes
    fresh: bool


class TileFetcher:
    """Tiles of the current :class:`TileSource`, from the cache or the network (any thread).

    Args:
        store: the disk cache.
        source: the tile server.
        clock: epoch seconds now (expiry; tests inject one).
        monotonic: seconds for the offline pause (tests inject one).
        sessions: HTTP sessions (one per thread); made here by default.
        max_downloads: downloads at a time per source.
        user_agent: the User-Agent header.
        deadline: seconds a download may take in all.
    """

    def __init__(
        self,
        store: TileStore,
        source: TileSource = OSM_STANDARD,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        sessions: SessionPool | None = None,
        max_downloads: int = MAX_DOWNLOADS,
        user_agent: str = USER_AGENT,
        deadline: float = TILE_DEADLINE_S,
    ) -> None:
        self.store = store
        self._source = source
        self._clock = clock
        self._monotonic = monotonic
        self._sessions = sessions or SessionPool()
        self._max_downloads = max_downloads
        self._user_agent = user_agent
        self._deadline = deadline
        self._lock = threading.Lock()
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._offline_until = float("-inf")
        self._store_problem: str | None = None

    @property
    def source(self) -> TileSource:
        """The tile server in use."""
        return self._source

    def set_source(self, source: TileSource) -> None:
        """Use another tile server (its tiles are cached under its own id)."""
        with self._lock:
            self._source = source
            self._offline_until = float("-inf")

    def cached_many(self, keys: Iterable[TileKey]) -> dict[TileKey, CachedTile]:
        """The tiles among ``keys`` that the disk cache holds; never touches the network."""
        try:
            found = self.store.get_many(keys)
        except StoreError as exc:
            self._store_failed(exc)
            return {}
        now = self._clock()
        return {key: CachedTile(tile.data, tile.fresh(now)) for key, tile in found.items()}

    def fetch(self, key: TileKey, cancelled: Callable[[], bool] | None = None) -> bytes | None:
        """The tile's bytes: fresh from the cache, else from the server; None when unavailable.

        A stale tile is revalidated; when the server cannot be reached it is still given.
        ``cancelled`` is asked while waiting for a download slot (the map moved on).
        Never raises.
        """
        source = self._source
        cached = self._cached(key)
        if cached is not None and cached.fresh(self._clock()):
            return cached.data
        stale = cached.data if cached is not None else None
        if not source.template or key[0] != source.source_id:
            return stale
        if self._monotonic() < self._offline_until:
            return stale
        slot = self._slot(source.source_id)
        while not slot.acquire(timeout=0.05):
            if cancelled is not None and cancelled():
                return stale
        try:
            again = self._cached(key)  # another task may have fetched it meanwhile
            if again is not None and again.fresh(self._clock()):
                return again.data
            return self._download(source, key, again)
        finally:
            slot.release()

    def _cached(self, key: TileKey) -> StoredTile | None:
        try:
            return self.store.get(key)
        except StoreError as exc:
            self._store_failed(exc)
            return None

    def _slot(self, source_id: str) -> threading.BoundedSemaphore:
        with self._lock:
            slot = self._slots.get(source_id)
            if slot is None:
                slot = self._slots[source_id] = threading.BoundedSemaphore(self._max_downloads)
            return slot

    def _download(
        self, source: TileSource, key: TileKey, cached: StoredTile | None
    ) -> bytes | None:
        headers = {"User-Agent": self._user_agent, "Accept": "image/png,image/*;q=0.8"}
        if cached is not None and cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached is not None and cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
        stale = cached.data if cached is not None else None
        url = source.url(key)
        try:
            reply = get_tile(self._sessions.session(), url, headers, deadline=self._deadline)
        except TileUnreachableError as exc:
            self._went_offline(url, exc)
            return stale
        if reply is None:
            return stale
        now = self._clock()
        expires = now + lifetime(reply.headers, now)
        etag, modified = reply.headers.get("ETag"), reply.headers.get("Last-Modified")
        if reply.status_code == 304 and cached is not None:
            self._keep(
                lambda: self.store.revalidated(
                    key, expires=expires, etag=etag, last_modified=modified
                )
            )
            return cached.data
        if reply.status_code != 200 or not looks_like_image(reply.content):
            log.debug("tile %s: HTTP %d, %d bytes", url, reply.status_code, len(reply.content))
            return stale
        data = reply.content
        self._keep(
            lambda: self.store.put(key, data, expires=expires, etag=etag, last_modified=modified)
        )
        return data

    def _keep(self, write: Callable[[], object]) -> None:
        try:
            write()
        except StoreError as exc:
            self._store_failed(exc)

    def _went_offline(self, url: str, exc: TileUnreachableError) -> None:
        with self._lock:
            already = self._monotonic() < self._offline_until
            self._offline_until = self._monotonic() + OFFLINE_PAUSE_S
        if not already:
            host = urlsplit(url).netloc
            log.info(
                "map tiles: %s cannot be reached (%s); cached tiles only for %.0f s",
                host,
                exc,
                OFFLINE_PAUSE_S,
            )

    def _store_failed(self, exc: StoreError) -> None:
        # The map still draws (from the network); say it once, not for every tile.
        if isinstance(exc, DatabaseError) and exc.problem in (Problem.CORRUPT, Problem.CLOSED):
            return  # healed already, or the app is closing
        if self._store_problem != exc.user_message:
            self._store_problem = exc.user_message
            log.warning("map tiles are not kept on disk: %s", exc.user_message)

    def close(self) -> None:
        """Close the HTTP sessions (the store is closed by its owner)."""
        self._sessions.close()
