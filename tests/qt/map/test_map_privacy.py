"""Privacy zones on the route: the map and the plain route plot draw the zones as grey circles and
the part of the route they hide as a dashed grey line instead of the route's colour, in light
and in dark."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import Track
from st_desktop.parsers.privacy import HiddenStretches, PrivacyZone, hidden_stretches
from st_desktop.ui import theme
from st_desktop.ui.detail.route import RouteView
from st_desktop.ui.map import MapTiles, MapView
from st_desktop.ui.map.painting import MapColours
from tests.qt.map.conftest import MapFactory, loaded, lucerne_loop
from tests.qt.map.test_map_view import screen_of
from tests.qt.theming import at, near, pixels, restore_palette, share_near, use_palette

__all__ = ["restore_palette"]


def zone_at_start(track: Track) -> tuple[PrivacyZone, HiddenStretches]:
    """A zone of 300 m around where ``track`` starts, and what it hides of it."""
    zone = PrivacyZone("Home", float(track.lat[0]), float(track.lon[0]), 300.0)
    distance = np.zeros(len(track))  # the figures do not matter here
    hidden = hidden_stretches(track.time, track.lat, track.lon, distance, [zone])
    assert hidden is not None
    return zone, hidden


def around(shown: np.ndarray, x: float, y: float, reach: int = 2) -> list[QColor]:
    return [
        at(shown, round(x) + dx, round(y) + dy)
        for dx in range(-reach, reach + 1)
        for dy in range(-reach, reach + 1)
    ]


@pytest.mark.usefixtures("restore_palette")
@pytest.mark.parametrize("dark", [False, True])
def test_the_map_draws_the_zone_and_the_hidden_part_apart(
    qtbot: QtBot, make_map: MapFactory, map_tiles: MapTiles, dark: bool
) -> None:
    if dark:
        use_palette(theme.dark_palette())
    track = lucerne_loop()
    view: MapView = make_map(map_tiles, track)
    qtbot.waitUntil(loaded(map_tiles, view), timeout=15_000)
    colours = MapColours.from_palette(view.palette())
    assert colours.hidden == (theme.DARK_COLOURS if dark else theme.LIGHT_COLOURS).muted
    zone, hidden = zone_at_start(track)
    # Inside the zone, off the route: 200 m east of the start (the loop runs north and south).
    inside = screen_of(view, zone.lat, zone.lon + 200 / (111_195 * np.cos(np.radians(zone.lat))))
    hidden_point = screen_of(view, track.lat[10], track.lon[10])  # ~200 m on: in the zone
    shown_point = screen_of(view, track.lat[180], track.lon[180])
    before = pixels(view)
    assert any(near(c, colours.route, 40) for c in around(before, *hidden_point))

    view.set_private([zone], hidden)
    assert view.private_parts() == ((zone,), hidden)
    after = pixels(view)
    ground, tinted = at(before, *map(round, inside)), at(after, *map(round, inside))
    alpha = colours.zone_fill.alphaF()
    for got, under, over in zip(
        tinted.getRgb()[:3], ground.getRgb()[:3], colours.zone_fill.getRgb()[:3], strict=True
    ):
        assert got == pytest.approx(under * (1 - alpha) + over * alpha, abs=6)
    # The hidden part is grey and dashed, not the route's colour; the rest is the route.
    assert not any(near(c, colours.route, 40) for c in around(after, *hidden_point))
    assert any(near(c, colours.hidden, 30) for c in around(after, *hidden_point, reach=4))
    assert any(near(c, colours.route, 40) for c in around(after, *shown_point))
    # The next track starts without them.
    view.set_track(lucerne_loop(radius_km=3.0))
    assert view.private_parts() == ((), None)


@pytest.mark.usefixtures("restore_palette")
def test_the_route_plot_draws_them_too_in_light_and_dark(qtbot: QtBot) -> None:
    route = RouteView()
    qtbot.addWidget(route)
    route.resize(400, 400)
    route.show()
    qtbot.waitExposed(route)
    track = lucerne_loop()
    route.set_track(track)
    zone, hidden = zone_at_start(track)
    route.set_private([zone], hidden)
    zones, hidden_points = route.plot.private_parts()
    assert zones == 1
    assert hidden_points == int(hidden.mask(track.time).sum()) + 2  # and a joint at each end
    for palette, colours in (
        (QPalette(), theme.LIGHT_COLOURS),
        (theme.dark_palette(), theme.DARK_COLOURS),
    ):
        use_palette(palette)
        shown = pixels(route)
        fill = QColor(colours.muted)
        alpha = 56 / 255
        blended = QColor(
            *(
                round(g * (1 - alpha) + m * alpha)
                for g, m in zip(colours.background.getRgb()[:3], fill.getRgb()[:3], strict=True)
            )
        )
        assert share_near(shown, blended, tolerance=6) > 0.002  # the zone's inside
        assert share_near(shown, colours.muted, tolerance=20) > 0.0005  # its edge, the dashes
    route.set_track(lucerne_loop(radius_km=3.0))  # another route: no zone until told again
    assert route.plot.private_parts() == (0, 0)
