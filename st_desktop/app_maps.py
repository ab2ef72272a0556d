"""Maps in the app: the tile cache, the fetcher and the maps under the routes (composition root).

:func:`install_maps` is called by :mod:`st_desktop.app` once the window is built. It opens the
tile cache in the user cache folder (``tiles.sqlite3``; it heals or falls back to memory, never
stopping the start), builds the fetcher for the tile server of the settings (OpenStreetMap by
default) and the shared :class:`~st_desktop.ui.map.MapTiles`, gives a
:class:`~st_desktop.ui.map.MapView` to each pane that shows routes and can host one (a
``set_map_view(view)`` method) and adds the "Map" page to the Preferences dialog where the app
collects pages (``application.preference_pages``).

Against a SportTracks API on this computer (``--sandbox``, or ``--api-base`` naming a sandbox
started on its own) the maps show that sandbox's generated tiles (in ``--sandbox`` mode from
the moment its address is known, after it started); no other tile server is asked meanwhile.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import QCoreApplication

from st_desktop.api.http import is_loopback_host
from st_desktop.services.account import service_root
from st_desktop.services.tiles import NO_TILES, TileFetcher, sandbox_source
from st_desktop.store.tiles import TILES_FILE, TileStore
from st_desktop.ui.main_window import settings_units
from st_desktop.ui.map import MapPreferencesPage, MapTiles, MapView, configured_source
from st_desktop.ui.map.preferences import cache_cap_bytes

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from st_desktop.application import Application
    from st_desktop.services.account import Account
    from st_desktop.settings import Settings
    from st_desktop.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The method a pane offers to take a map under its route.
HOST_METHOD = "set_map_view"


@dataclass
class Maps:
    """The parts of the maps feature, built once per app.

    Attributes:
        settings: tile server and cache size.
        runner: loads tiles in the background.
        store: the tile cache on disk.
        fetcher: the tile server client.
        tiles: tile images for every map.
        sandbox: the maps show a local sandbox's tiles (the settings' server is not used).
        views: the maps made by :meth:`new_view`.
    """

    settings: Settings
    runner: TaskRunner
    store: TileStore
    fetcher: TileFetcher
    tiles: MapTiles
    sandbox: bool = False
    views: list[MapView] = field(default_factory=list)

    def new_view(self, parent: QWidget | None = None) -> MapView:
        """A map for a pane (units from the settings; the pane keeps them up to date)."""
        view = MapView(self.tiles, parent, settings_units(self.settings))
        self.views.append(view)
        view.destroyed.connect(lambda: self._forget(view))
        return view

    def _forget(self, view: MapView) -> None:
        self.views = [known for known in self.views if known is not view]

    def preferences_page(self, parent: QWidget | None = None) -> MapPreferencesPage:
        """The "Map" page for the Preferences dialog, wired to these maps."""
        page = MapPreferencesPage(
            self.settings, store=self.store, runner=self.runner, sandbox=self.sandbox, parent=parent
        )
        page.applied.connect(self.reconfigure)
        page.cache_cleared.connect(self.tiles.forget_images)
        page.cache_cleared.connect(lambda: [view.update() for view in self.views])
        return page

    def add_preferences_page(self, dialog: QWidget) -> MapPreferencesPage:
        """Add the "Map" page to a Preferences dialog (``add_page(title, widget)`` and an
        ``applied`` signal, emitted on OK and Apply)."""
        page = self.preferences_page(dialog)
        title = QCoreApplication.translate("MapPreferencesPage", "Map")
        dialog.add_page(title, page)  # type: ignore[attr-defined]
        dialog.applied.connect(page.apply)  # type: ignore[attr-defined]
        return page

    def reconfigure(self) -> None:
        """Apply the settings: the cache's cap, and the tile server (outside the sandbox)."""
        self.store.set_cap(cache_cap_bytes(self.settings))
        if not self.sandbox:
            source = configured_source(self.settings)
            if source != self.tiles.source:
                self.tiles.set_source(source)

    def use_sandbox(self, base_url: str) -> None:
        """Show the sandbox's generated tiles (served at ``base_url/tiles/...``)."""
        self.sandbox = True
        source = sandbox_source(base_url)
        if source != self.tiles.source:
            self.tiles.set_source(source)

    def follow_account(self, account: Account | None, api_base: str) -> None:
        """The account in use changed: a sandbox's tiles for an API on this computer."""
        if account is None:
            return
        root = service_root(api_base)
        if account.sandbox or is_loopback_host(urlsplit(root).hostname):
            self.use_sandbox(root)
        elif self.sandbox:  # back from a local sandbox to SportTracks
            self.sandbox = False
            self.reconfigure()

    def close(self) -> None:
        """Close the HTTP sessions and the cache (after the tasks stopped)."""
        self.fetcher.close()
        self.store.close()


def build_maps(application: Application) -> Maps:
    """The tile cache, fetcher and tile loader for ``application`` (no map placed yet)."""
    settings = application.settings
    store = TileStore.open(
        application.paths.cache / TILES_FILE, cap_bytes=cache_cap_bytes(settings)
    )
    sandbox = bool(getattr(application.args, "sandbox", False))
    # In sandbox mode the server's address is not known yet: no tiles until it is.
    fetcher = TileFetcher(store, NO_TILES if sandbox else configured_source(settings))
    tiles = MapTiles(application.runner, fetcher, application.window)
    tiles.setObjectName("mapTiles")
    if store.notice:
        application.window.message_area.show_info(store.notice, 0)
    maps = Maps(settings, application.runner, store, fetcher, tiles, sandbox)
    if not sandbox:  # an API on this computer is a sandbox: its tiles even before sign-in
        root = service_root(application.account.service.api_base)
        if is_loopback_host(urlsplit(root).hostname):
            maps.use_sandbox(root)
    return maps


def attach_maps(application: Application, maps: Maps) -> list[MapView]:
    """Give a map to each pane that can host one; follow the account's server and the units.

    Returns:
        The maps placed (none for a pane without ``set_map_view``).
    """
    placed = []
    hosts = (application.detail, getattr(application.upload, "preview", None))
    for host in hosts:
        attach = getattr(host, HOST_METHOD, None)
        if not callable(attach):
            log.info(
                "maps: %s has no %s(); it keeps its plain route", type(host).__name__, HOST_METHOD
            )
            continue
        view = maps.new_view(host)
        attach(view)
        placed.append(view)
    for view in placed:
        application.window.units_changed.connect(view.set_units)
    # Where the app collects pages for its Preferences dialog (a list of callables given each
    # new dialog), the Map page joins them.
    pages = getattr(application, "preference_pages", None)
    if isinstance(pages, list):
        pages.append(maps.add_preferences_page)
    account = application.account
    account.account_changed.connect(
        lambda current: maps.follow_account(current, account.service.api_base)
    )
    # Maps are installed after the first paint: the sandbox may be signed in already.
    maps.follow_account(account.account, account.service.api_base)
    application.closers.append(maps.close)
    return placed


def install_maps(application: Application) -> None:
    """Maps under the routes of the detail editor and the upload preview (see the module)."""
    attach_maps(application, build_maps(application))
