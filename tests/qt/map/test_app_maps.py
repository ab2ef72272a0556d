"""install_maps: the tile cache in the cache folder, maps for panes that host one, sandbox tiles."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QTabWidget, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.app_maps import attach_maps, build_maps
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.tiles import NO_TILES, OSM_STANDARD, sandbox_source
from st_desktop.settings import Keys
from st_desktop.store.tiles import TILES_FILE
from st_desktop.ui.map import MapView
from tests.qt.map.conftest import lucerne_loop


class PagesDialog(QDialog):
    """The Preferences dialog's page interface: ``add_page`` and ``applied`` (OK or Apply)."""

    applied = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.tabs = QTabWidget(self)
        QVBoxLayout(self).addWidget(self.tabs)

    def add_page(self, title: str, widget: QWidget) -> int:
        return self.tabs.addTab(widget, title)


@pytest.fixture
def application(qtbot: QtBot, isolated_basedir: Path) -> Iterator[Application]:
    app = create_application(["--basedir", str(isolated_basedir)])
    qtbot.addWidget(app.window)
    yield app
    app.shutdown(5.0)


def test_the_detail_editor_and_the_preview_show_their_routes_on_maps(
    application: Application, qtbot: QtBot
) -> None:
    """create_application installs the maps: both panes draw the route over tiles."""
    from st_desktop.ui.detail.route import RouteView

    window = application.window
    assert (application.paths.cache / TILES_FILE).exists()
    editor, preview = application.detail, application.upload.preview
    assert isinstance(editor.route, MapView)
    assert isinstance(preview.route, MapView)
    assert editor.route.isVisibleTo(window) or not window.isVisible()
    qtbot.waitUntil(lambda: not window.findChildren(RouteView))  # the plain plots retired
    assert len(window.findChildren(MapView)) == 2
    # The map stands where the route stood, and follows the charts' crosshair.
    track = lucerne_loop()
    editor.charts.set_track(track, "metric")
    editor.route.set_track(track, "metric")
    editor.charts.cursor_moved.emit(float(track.time[len(track.time) // 2]))
    assert editor.route.marker_position() is not None
    assert editor.route.track is track


def test_a_pane_with_set_map_view_gets_a_map_that_follows_the_units_and_settings(
    application: Application,
) -> None:
    hosted: list[MapView] = []
    # Stands in for the method the detail editor is getting (see the report to the lead).
    application.detail.set_map_view = hosted.append  # type: ignore[attr-defined]
    maps = build_maps(application)
    placed = attach_maps(application, maps)
    assert len(hosted) == 1
    view = hosted[0]
    assert placed[0] is view  # the detail editor's (the upload preview may host one too)
    assert maps.tiles.source is OSM_STANDARD
    application.window.units_changed.emit("imperial")
    assert view.units == "imperial"
    view.set_track(None)  # a pane that passes no units keeps them
    assert view.units == "imperial"

    page = maps.preferences_page()
    page.custom_button.setChecked(True)
    page.url_edit.setText("https://tiles.example.org/{z}/{x}/{y}.png")
    page.attribution_edit.setText("© Example")
    page.cache_size.setValue(100)
    assert page.apply()
    assert maps.tiles.source.template == "https://tiles.example.org/{z}/{x}/{y}.png"
    assert maps.store.cap_bytes == 100 * 1024 * 1024
    assert application.settings.get(Keys.MAP_CACHE_MB) == 100
    page.deleteLater()


def test_in_the_sandbox_the_maps_use_its_tiles_once_signed_in(
    application: Application, tmp_path: Path
) -> None:  # --sandbox: the server starts (and its address is known) after the window
    maps = build_maps(application)
    maps.sandbox = True  # as build_maps decides for --sandbox
    maps.fetcher.set_source(NO_TILES)
    attach_maps(application, maps)
    with SandboxServer(tmp_path / "sandbox") as server:
        application.account.use_sandbox(server.api_base, server.client_id, server.client_secret)
        application.account.account_changed.emit(
            Account("sandbox|1", "Sandbox demo account", None, sandbox=True)
        )
        assert maps.tiles.source == sandbox_source(server.base_url)
        maps.reconfigure()  # the settings' server is not used meanwhile
        assert maps.tiles.source == sandbox_source(server.base_url)


def test_an_api_on_this_computer_gets_its_tiles_from_it(
    qtbot: QtBot, isolated_basedir: Path, tmp_path: Path
) -> None:
    with SandboxServer(tmp_path / "sandbox") as server:
        app = create_application(
            ["--basedir", str(isolated_basedir), "--api-base", server.api_base]
        )
        qtbot.addWidget(app.window)
        try:
            maps = build_maps(app)
            attach_maps(app, maps)
            assert maps.tiles.source == sandbox_source(server.base_url)  # before any sign-in
            # Back to SportTracks itself: the tile server of the settings again.
            app.account.service.configure("https://api.sporttracks.mobi/api/v2", "id", "secret")
            app.account.account_changed.emit(Account("user|7", "SportTracks user 7", None))
            assert maps.tiles.source is OSM_STANDARD
        finally:
            app.shutdown(5.0)


def test_the_map_page_joins_the_preferences_dialog_and_applies_with_it(
    qtbot: QtBot, application: Application
) -> None:
    application.preference_pages = []  # type: ignore[attr-defined]
    maps = build_maps(application)
    attach_maps(application, maps)
    dialog = PagesDialog()
    qtbot.addWidget(dialog)
    for add_pages in application.preference_pages:  # type: ignore[attr-defined]
        add_pages(dialog)
    assert dialog.tabs.tabText(0) == "Map"
    page = dialog.tabs.widget(0)
    page.cache_size.setValue(250)  # type: ignore[attr-defined]
    dialog.applied.emit()  # OK or Apply
    assert application.settings.get(Keys.MAP_CACHE_MB) == 250
    assert maps.store.cap_bytes == 250 * 1024 * 1024


def test_maps_installed_after_the_sandbox_signed_in_use_its_tiles(
    qtbot: QtBot, application: Application, tmp_path: Path
) -> None:  # --sandbox signs in before the first paint; the maps come after it
    with SandboxServer(tmp_path / "sandbox") as server:
        application.account.use_sandbox(server.api_base, server.client_id, server.client_secret)
        with qtbot.waitSignal(application.account.account_changed, timeout=20_000):
            application.account.use_pasted_token(server.issue_token()["access_token"])
        assert application.account.account is not None
        maps = build_maps(application)
        attach_maps(application, maps)
        assert maps.tiles.source == sandbox_source(server.base_url)
        application.shutdown(5.0)  # the sign-in's list refresh ends before the sandbox does
