"""Tiles for the app's maps: decoded images in memory over the fetcher, loaded on the task runner.

One :class:`MapTiles` serves every :class:`~st_desktop.ui.map.view.MapView` of the app. A map
says which tiles it shows (:meth:`MapTiles.request`, nearest the centre first); what is not in
memory is looked up in the disk cache in one read task, and what the disk does not have (or
has stale) is downloaded, at most :data:`~st_desktop.services.tiles.MAX_DOWNLOADS` at a time,
always the most wanted first. A tile that is no longer wanted when its turn comes is not
downloaded: panning away drops the queue. Results of an older tile source are dropped.

The workers return the tiles' bytes; images are decoded on the GUI thread, a few per turn of
the event loop (:data:`DECODE_BUDGET_S`), kept in a memory cache of :data:`MEMORY_BYTES` and
handed to the maps by :attr:`MapTiles.tile_loaded`. Not on the workers: ``QImage.fromData``
keeps the interpreter while it takes Qt's internal locks (probing for an SVG connects a text
stream), and a GUI thread holding such a lock while it waited for the interpreter (a
``disconnect`` asking Python for an override) hung the whole app.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QImage

from st_desktop.services.tiles import MAX_DOWNLOADS, TileFetcher, TileSource
from st_desktop.store.tiles import TileKey
from st_desktop.tasks import TaskRunner

log = logging.getLogger(__name__)

#: Decoded tiles kept in memory (a 256 px tile is 256 KB decoded, a 512 px one 1 MB).
MEMORY_BYTES = 96 * 1024 * 1024
#: A tile that could not be had is asked for again after this many seconds.
RETRY_S = 60.0
#: Failed tiles remembered before the old ones are forgotten (a long offline session).
FAILED_KEPT = 2000
#: GUI time spent decoding tiles in one turn of the event loop (a 256 px PNG takes about 1 ms):
#: a screenful read from the disk is decoded over a few turns, never in one long pause.
DECODE_BUDGET_S = 0.008


def decode(data: bytes | None) -> QImage | None:
    """The image of a tile's bytes (None when there are none or they are not an image)."""
    if not data:
        return None
    image = QImage.fromData(data)
    if image.isNull():
        return None
    return image.convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)


class MapTiles(QObject):
    """Tile images for the maps, loaded in the background.

    Args:
        runner: runs disk reads and downloads (the parallel read pool).
        fetcher: the tile cache and server.
        monotonic: seconds, for retrying failed tiles (tests inject one).

    Signals:
        tile_loaded(object): the key of a tile whose image is now in memory.
        source_changed(): another tile server is in use; maps draw and ask again.
    """

    tile_loaded = Signal(object)
    source_changed = Signal()

    def __init__(
        self,
        runner: TaskRunner,
        fetcher: TileFetcher,
        parent: QObject | None = None,
        *,
        monotonic: Callable[[], float] = time.monotonic,
        memory_bytes: int = MEMORY_BYTES,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.fetcher = fetcher
        self._monotonic = monotonic
        self._memory_bytes = memory_bytes
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()
        self._held = 0
        self._wanted: dict[int, list[TileKey]] = {}  # per map (by id), most recent last
        self._wanted_all: frozenset[TileKey] = frozenset()
        self._reading: set[TileKey] = set()
        self._needs_network: set[TileKey] = set()
        self._downloading: set[TileKey] = set()
        self._failed: dict[TileKey, float] = {}
        self._generation = 0
        self._to_decode: deque[Callable[[], None]] = deque()
        self._decoding = False

    # ------------------------------------------------------------------ state

    @property
    def source(self) -> TileSource:
        """The tile server in use."""
        return self.fetcher.source

    @property
    def downloads_in_flight(self) -> int:
        """Downloads submitted and not yet finished."""
        return len(self._downloading)

    def is_idle(self) -> bool:
        """True when nothing is being read or downloaded."""
        return not (self._reading or self._downloading)

    def settled(self, keys: list[TileKey]) -> bool:
        """True when each of ``keys`` is in memory or could not be had (nothing left to do)."""
        busy = self._reading | self._needs_network | self._downloading
        return all(k not in busy and (k in self._images or k in self._failed) for k in keys)

    def image(self, key: TileKey) -> QImage | None:
        """The tile's image when it is in memory."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def set_source(self, source: TileSource) -> None:
        """Use another tile server: what was loaded is forgotten, the maps ask again."""
        self.fetcher.set_source(source)
        self.forget_images()
        self.source_changed.emit()

    def forget_images(self) -> None:
        """Drop every image and pending result (e.g. after the disk cache was cleared)."""
        self._generation += 1
        self._to_decode.clear()
        self._images.clear()
        self._held = 0
        self._reading.clear()
        self._needs_network.clear()
        self._downloading.clear()
        self._failed.clear()

    # ------------------------------------------------------------------ asking

    def request(self, owner: object, keys: list[TileKey]) -> None:
        """``owner`` (a map) shows ``keys`` now, most important first; [] when it shows none."""
        self._wanted.pop(id(owner), None)
        if keys:
            self._wanted[id(owner)] = list(keys)
        self._wanted_all = frozenset(k for wanted in self._wanted.values() for k in wanted)
        now = self._monotonic()
        # Tiles left behind are forgotten: asked for again, they start from the disk.
        self._needs_network &= self._wanted_all
        if len(self._failed) > FAILED_KEPT:
            self._failed = {k: t for k, t in self._failed.items() if now - t < RETRY_S}
        unknown = [
            key
            for key in keys
            if key not in self._images
            and key not in self._reading
            and key not in self._needs_network
            and key not in self._downloading
            and now - self._failed.get(key, -RETRY_S) >= RETRY_S
        ]
        if unknown:
            self._reading.update(unknown)
            generation = self._generation
            self.runner.submit(
                self._read_disk,
                unknown,
                on_result=lambda found: self._disk_read(generation, unknown, found),
                on_error=lambda _exc: self._disk_read(generation, unknown, []),
                owner=self,
                description=self.tr("Reading map tiles"),
            )
        self._pump()

    def release(self, owner_id: int) -> None:
        """The map ``id(owner) == owner_id`` is gone: its tiles are no longer wanted."""
        self._wanted.pop(owner_id, None)
        self._wanted_all = frozenset(k for wanted in self._wanted.values() for k in wanted)

    def _read_disk(self, keys: list[TileKey]) -> list[tuple[TileKey, bytes | None, bool]]:
        """(worker) The cached tiles among ``keys`` and whether each is fresh."""
        cached = self.fetcher.cached_many(keys)
        return [(key, tile.data, tile.fresh) for key, tile in cached.items()]

    def _disk_read(
        self,
        generation: int,
        asked: list[TileKey],
        found: list[tuple[TileKey, bytes | None, bool]],
    ) -> None:
        if generation != self._generation:
            return
        usable: set[TileKey] = set()

        def one(key: TileKey, data: bytes | None, fresh: bool) -> None:
            image = decode(data)
            if image is not None:
                self._keep(key, image)
                usable.add(key)
                if fresh:
                    return
            self._needs_network.add(key)  # stale: revalidate; undecodable: download again

        def done() -> None:  # the tiles stay "being read" until decoded
            self._reading.difference_update(asked)
            self._needs_network.update(key for key in asked if key not in usable)
            self._pump()

        for key, data, fresh in found:
            self._decode_later(generation, partial(one, key, data, fresh))
        self._decode_later(generation, done)

    def _decode_later(self, generation: int, step: Callable[[], None]) -> None:
        """Run ``step`` (a decode) in a coming turn of the event loop, if still current."""
        self._to_decode.append(lambda: step() if generation == self._generation else None)
        if not self._decoding:
            self._decoding = True
            QTimer.singleShot(0, self, self._decode_some)

    def _decode_some(self) -> None:
        deadline = time.perf_counter() + DECODE_BUDGET_S
        while self._to_decode:
            self._to_decode.popleft()()
            if time.perf_counter() >= deadline:
                break
        if self._to_decode:
            QTimer.singleShot(0, self, self._decode_some)
        else:
            self._decoding = False

    def _pump(self) -> None:
        """Start downloads of the most wanted tiles while fewer than the cap are running."""
        if len(self._downloading) >= MAX_DOWNLOADS or not self._needs_network:
            return
        for wanted in reversed(list(self._wanted.values())):  # the latest request first
            for key in wanted:
                if len(self._downloading) >= MAX_DOWNLOADS:
                    return
                if key in self._needs_network and key not in self._downloading:
                    self._needs_network.discard(key)
                    self._start_download(key)

    def _start_download(self, key: TileKey) -> None:
        self._downloading.add(key)
        generation = self._generation
        self.runner.submit(
            self._download,
            key,
            on_result=lambda data: self._downloaded(generation, key, data),
            on_error=lambda _exc: self._downloaded(generation, key, None),
            owner=self,
            description=self.tr("Downloading map tiles"),
        )

    def _download(self, key: TileKey) -> bytes | None:
        """(worker) The tile's bytes from the server (or the cache)."""
        return self.fetcher.fetch(key, lambda: key not in self._wanted_all)

    def _downloaded(self, generation: int, key: TileKey, data: bytes | None) -> None:
        if generation == self._generation:
            self._decode_later(generation, partial(self._decoded, key, data))

    def _decoded(self, key: TileKey, data: bytes | None) -> None:
        image = decode(data)
        self._downloading.discard(key)
        if image is not None:
            self._failed.pop(key, None)
            self._keep(key, image)
        elif key not in self._images:
            self._failed[key] = self._monotonic()  # the map keeps a neutral ground there
        self._pump()

    def _keep(self, key: TileKey, image: QImage) -> None:
        old = self._images.pop(key, None)
        if old is not None:
            self._held -= old.sizeInBytes()
        self._images[key] = image
        self._held += image.sizeInBytes()
        if self._held > self._memory_bytes:
            # The least recently drawn go first; tiles a map shows now stay.
            for old_key in [k for k in self._images if k not in self._wanted_all]:
                if self._held <= self._memory_bytes:
                    break
                self._held -= self._images.pop(old_key).sizeInBytes()
        self.tile_loaded.emit(key)
