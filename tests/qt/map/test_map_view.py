"""The map in use: fitting, wheel zoom, drag, keys, markers, scale bar, credit, dark theme."""

from __future__ import annotations

import math
import statistics

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QPalette, QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from st_desktop.domain.mercator import Bounds, fit, to_world
from st_desktop.services.tiles import OSM_STANDARD
from st_desktop.ui import theme
from st_desktop.ui.map import MapTiles, MapView
from st_desktop.ui.map.painting import MARKER_RADIUS, MapColours
from st_desktop.ui.map.view import FIT_PADDING_PX
from st_desktop.ui.theme import light_palette
from tests.qt.map.conftest import WINDOW_SIZE, MapFactory, loaded, lucerne_loop
from tests.qt.theming import restore_palette, use_palette

__all__ = ["restore_palette"]


def screen_of(view: MapView, lat: float, lon: float) -> tuple[float, float]:
    viewport = view.viewport()
    assert viewport is not None
    return viewport.to_screen(*to_world(lat, lon))


def colour_at(view: MapView, x: float, y: float) -> QColor:
    return view.grab().toImage().pixelColor(round(x), round(y))


def close_to(colour: QColor, expected: str, tolerance: int = 40) -> bool:
    other = QColor(expected)
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], other.getRgb()[:3], strict=True)
    )


def wheel(view: MapView, at: QPointF, notches: float) -> None:
    event = QWheelEvent(
        at,
        view.mapToGlobal(at),
        QPoint(0, 0),
        QPoint(0, int(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view, event)


def test_the_route_is_fitted_with_its_start_and_finish_marked(
    make_map: MapFactory, map_tiles: MapTiles
) -> None:
    track = lucerne_loop()
    view = make_map(map_tiles, track)
    assert view.objectName() == "mapView"
    for lat, lon in zip(track.lat, track.lon, strict=True):
        if not math.isnan(lat):
            x, y = screen_of(view, lat, lon)
            assert 0 < x < view.width()
            assert 0 < y < view.height()
    start = screen_of(view, track.lat[0], track.lon[0])
    assert close_to(colour_at(view, start[0] - 5, start[1]), "#2e7d32")  # green, left of the ▶
    # A loop ends where it starts: the finish (red) rings the start.
    assert close_to(colour_at(view, start[0], start[1] + MARKER_RADIUS + 2.5), "#c62828")
    quarter = screen_of(view, track.lat[180], track.lon[180])
    route = MapColours.from_palette(view.palette()).route
    assert close_to(colour_at(view, *quarter), route.name())


def test_wheel_zooms_about_the_cursor(make_map: MapFactory, map_tiles: MapTiles) -> None:
    view = make_map(map_tiles, lucerne_loop())
    before = view.viewport()
    assert before is not None
    cursor = QPointF(150.0, 120.0)
    under = before.to_world(cursor.x(), cursor.y())
    wheel(view, cursor, 2)  # two notches: one level
    after = view.viewport()
    assert after is not None
    assert after.zoom == pytest.approx(before.zoom + 1.0)
    assert after.to_screen(*under) == pytest.approx((150.0, 120.0))
    wheel(view, cursor, -4)
    assert view.viewport().zoom == pytest.approx(before.zoom - 1.0)  # type: ignore[union-attr]


def test_drag_pans_and_the_map_then_keeps_its_place_on_resize(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles
) -> None:
    view = make_map(map_tiles, lucerne_loop())
    point = (47.05, 8.31)
    x0, y0 = screen_of(view, *point)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
    qtbot.mouseMove(view, QPoint(230, 215))
    qtbot.mouseMove(view, QPoint(260, 240))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(260, 240))
    x1, y1 = screen_of(view, *point)
    assert (x1 - x0, y1 - y0) == pytest.approx((60.0, 40.0))
    zoom = view.viewport().zoom  # type: ignore[union-attr]
    view.window().resize(800, 600)
    qtbot.waitUntil(lambda: view.width() == 800)
    assert view.viewport().zoom == zoom  # type: ignore[union-attr]  # not fitted again


def test_before_any_move_a_resize_fits_the_route_again(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles
) -> None:
    track = lucerne_loop()
    view = make_map(map_tiles, track)
    zoom = view.viewport().zoom  # type: ignore[union-attr]
    view.window().resize(WINDOW_SIZE[0] * 2, WINDOW_SIZE[1] * 2)
    qtbot.waitUntil(lambda: view.width() == WINDOW_SIZE[0] * 2)
    bounds = Bounds.around(track.lat, track.lon)
    assert bounds is not None
    expected = fit(bounds, view.width(), view.height(), padding=FIT_PADDING_PX)
    assert view.viewport().zoom == pytest.approx(expected.zoom)  # type: ignore[union-attr]
    assert expected.zoom > zoom + 1.0  # twice the room (less the padding): over a level more


def test_keys_zoom_pan_and_fit(qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles) -> None:
    view = make_map(map_tiles, lucerne_loop())
    fitted = view.viewport()
    assert fitted is not None
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.viewport().zoom == pytest.approx(fitted.zoom + 1)  # type: ignore[union-attr]
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.viewport().zoom == pytest.approx(fitted.zoom - 1)  # type: ignore[union-attr]
    x0, _ = screen_of(view, 47.05, 8.31)
    qtbot.keyClick(view, Qt.Key.Key_Left)  # look further west: the map moves right
    x1, _ = screen_of(view, 47.05, 8.31)
    assert x1 - x0 == pytest.approx(80.0)
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.viewport() == fitted
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=QPoint(100, 100))
    assert view.viewport().zoom == pytest.approx(fitted.zoom + 1)  # type: ignore[union-attr]


def test_the_marker_follows_the_chart_cursor(make_map: MapFactory, map_tiles: MapTiles) -> None:
    track = lucerne_loop()
    view = make_map(map_tiles, track)
    view.set_marker_at(100 * 5.0)
    assert view.marker_position() == track.position_at(500.0)
    x, y = screen_of(view, *view.marker_position())  # type: ignore[misc]
    assert close_to(colour_at(view, x, y), "#ff9800")
    view.set_marker_at(310 * 5.0)  # in the GPS gap: no position to show
    assert view.marker_position() is None
    view.set_marker_at(100 * 5.0)
    view.set_marker_at(float("nan"))
    assert view.marker_position() is None
    view.set_marker_at(None)
    assert view.marker_position() is None
    view.set_track(None)
    view.set_marker_at(100.0)
    assert view.marker_position() is None


def test_the_scale_bar_follows_the_units(make_map: MapFactory, map_tiles: MapTiles) -> None:
    view = make_map(map_tiles, lucerne_loop(), "metric")
    metric = view.scale_bar_text()
    assert metric.endswith((" m", " km"))
    view.set_units("imperial")
    assert view.scale_bar_text().endswith((" ft", " mi"))
    view.set_units("metric")
    assert view.scale_bar_text() == metric
    view.set_track(None)
    assert view.scale_bar_text() == ""


def test_the_credit_is_always_shown_bottom_right_and_links_where_it_can(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles
) -> None:
    view = make_map(map_tiles, lucerne_loop())
    label = view.attribution
    assert label.objectName() == "mapAttribution"
    assert label.isVisible()
    assert "Sandbox map" in label.text()
    assert label.geometry().right() == view.width() - 1
    assert label.geometry().bottom() == view.height() - 1
    view.set_track(None)  # no route: nothing is downloaded from OpenStreetMap below
    map_tiles.set_source(OSM_STANDARD)
    assert "© OpenStreetMap contributors" in label.text()
    assert 'href="https://www.openstreetmap.org/copyright"' in label.text()
    assert label.openExternalLinks()
    qtbot.waitUntil(lambda: label.geometry().right() == view.width() - 1)
    view.window().resize(500, 400)
    qtbot.waitUntil(lambda: label.geometry().bottom() == view.height() - 1)
    assert label.geometry().right() == view.width() - 1
    # A map narrower than the credit wraps it: all of it stays inside the map.
    view.window().resize(170, 300)
    qtbot.waitUntil(lambda: view.width() == 170)
    assert label.geometry().left() == 0
    assert label.geometry().right() == view.width() - 1
    assert label.geometry().bottom() == view.height() - 1
    assert label.height() > label.fontMetrics().height() * 1.5  # on two lines


def test_without_a_route_the_map_says_why(make_map: MapFactory, map_tiles: MapTiles) -> None:
    view = make_map(map_tiles)
    assert view.viewport() is None
    track = lucerne_loop()
    view.set_track(type(track)(time=track.time, lat=track.lat * math.nan, lon=track.lon * math.nan))
    assert view.viewport() is None
    assert view.scale_bar_text() == ""


@pytest.mark.usefixtures("restore_palette")
def test_the_dark_palette_gives_a_dark_ground_and_a_route_that_stands_out(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles
) -> None:
    view = make_map(map_tiles)
    use_palette(theme.dark_palette())
    track = lucerne_loop()
    view.set_track(track)
    colours = MapColours.from_palette(view.palette())
    assert colours.ground.lightness() < 80
    assert colours.route.lightness() - colours.ground.lightness() > 60
    # Before any tile arrives the ground is dark and the route bright on it.
    assert colour_at(view, 3, 3).lightness() < 80
    x, y = screen_of(view, track.lat[180], track.lon[180])
    assert close_to(colour_at(view, x, y), colours.route.name())
    # The credit's panel is dark too, its text light.
    assert theme.css(colours.panel) in view.attribution.styleSheet()
    credit = view.attribution.palette().color(QPalette.ColorRole.WindowText)
    assert credit.lightness() - colours.panel.lightness() > 120
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    light = MapColours.from_palette(light_palette())
    assert light.ground.lightness() > 150


@pytest.mark.usefixtures("restore_palette")
def test_in_dark_the_tiles_are_dimmed_and_the_scale_bar_and_message_read(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles
) -> None:
    view = make_map(map_tiles, lucerne_loop())
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    top = (view.width() // 2, 8)  # a tile, away from the route, its pins and the scale bar
    bright = colour_at(view, *top)
    use_palette(theme.dark_palette())
    colours = MapColours.from_palette(view.palette())
    assert colours.tile_opacity < 1
    dimmed = colour_at(view, *top)
    # The tile drawn translucent over the dark ground: darker, still the tile's shade.
    for shown, tile, ground in zip(
        dimmed.getRgb()[:3], bright.getRgb()[:3], colours.ground.getRgb()[:3], strict=True
    ):
        expected = tile * colours.tile_opacity + ground * (1 - colours.tile_opacity)
        assert shown == pytest.approx(expected, abs=3)
    assert dimmed.lightness() < bright.lightness() - 30
    # The scale bar's panel is dark, its text and bar light.
    scale = [
        colour_at(view, x, view.height() - y) for x in range(8, 40, 2) for y in range(8, 40, 2)
    ]
    assert statistics.median(c.lightness() for c in scale) < 80  # the panel
    assert max(c.lightness() for c in scale) > 180  # its text and bar
    # Without GPS, the message is light on the dark ground.
    track = lucerne_loop()
    view.set_track(type(track)(time=track.time, lat=track.lat * math.nan, lon=track.lon * math.nan))
    middle = [colour_at(view, x, view.height() // 2) for x in range(0, view.width(), 2)]
    assert statistics.median(c.lightness() for c in middle) < 60  # the ground
    assert max(c.lightness() for c in middle) > 150  # "No GPS data"
    use_palette(light_palette())
    assert MapColours.from_palette(view.palette()).tile_opacity == 1
