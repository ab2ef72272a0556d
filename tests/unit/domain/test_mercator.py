"""Web Mercator maths: positions, tiles, fitting a route, zooming about a point, the scale bar."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from st_desktop.domain.mercator import (
    MAX_LATITUDE,
    Bounds,
    Viewport,
    fit,
    from_world,
    metres_per_pixel,
    project,
    scale_bar,
    tile_at,
    to_world,
)

LUCERNE = (47.0502, 8.3093)


def test_known_tiles_match_the_osm_slippy_map_numbers() -> None:
    # Values of the OSM wiki's "Slippy map tilenames" formula in its asinh form (the module
    # uses the log(tan + sec) form), computed separately.
    assert tile_at(*LUCERNE, 0) == (0, 0)
    assert tile_at(*LUCERNE, 12) == (2142, 1439)
    assert tile_at(*LUCERNE, 16) == (34280, 23037)
    assert tile_at(0.0, 0.0, 1) == (1, 1)  # the origin is the top-left corner of tile 1/1/1
    assert tile_at(-33.8688, 151.2093, 10) == (942, 614)  # Sydney


def test_world_edges_and_clamping() -> None:
    assert to_world(0.0, -180.0) == (0.0, pytest.approx(0.5))
    assert to_world(MAX_LATITUDE, 180.0) == (1.0, pytest.approx(0.0, abs=1e-12))
    assert to_world(90.0, 0.0) == to_world(MAX_LATITUDE, 0.0)  # the pole is off the square
    assert to_world(-89.0, 0.0)[1] == pytest.approx(1.0, abs=1e-12)


@given(st.floats(min_value=-85.0, max_value=85.0), st.floats(min_value=-180.0, max_value=180.0))
def test_world_units_round_trip(lat: float, lon: float) -> None:
    back = from_world(*to_world(lat, lon))
    assert back[0] == pytest.approx(lat, abs=1e-9)
    assert back[1] == pytest.approx(lon, abs=1e-9)


def test_arrays_project_like_single_points_and_keep_gaps() -> None:
    lat = np.array([47.05, np.nan, 47.06])
    lon = np.array([8.30, np.nan, 8.31])
    x, y = project(lat, lon)
    assert (x[0], y[0]) == pytest.approx(to_world(47.05, 8.30))
    assert (x[2], y[2]) == pytest.approx(to_world(47.06, 8.31))
    assert np.isnan(x[1])
    assert np.isnan(y[1])


def test_metres_per_pixel_at_the_equator_and_at_lucerne() -> None:
    assert metres_per_pixel(0.0, 0) == pytest.approx(156_543.03, rel=1e-6)
    assert metres_per_pixel(0.0, 18) == pytest.approx(0.597, rel=1e-3)
    assert metres_per_pixel(LUCERNE[0], 15) == pytest.approx(3.2551, rel=1e-4)


def test_fit_shows_the_whole_route_inside_the_padding() -> None:
    bounds = Bounds(47.00, 8.25, 47.08, 8.40)
    view = fit(bounds, 800, 500, padding=20)
    corners = [
        view.to_screen(*to_world(lat, lon)) for lat in (47.00, 47.08) for lon in (8.25, 8.40)
    ]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    assert min(xs) >= 20 - 1e-6
    assert max(xs) <= 780 + 1e-6
    assert min(ys) >= 20 - 1e-6
    assert max(ys) <= 480 + 1e-6
    # As large as possible: one of the two directions touches the padding.
    assert math.isclose(max(xs) - min(xs), 760) or math.isclose(max(ys) - min(ys), 460)
    # The height decides: 0.08° of latitude near 47° is 0.08 / 360 / cos(47.04°) world units,
    # and 460 px of them make 256 * 2**zoom = 460 / 3.266e-4, so zoom = log2(5502) = 12.43.
    assert view.zoom == pytest.approx(12.43, abs=0.01)


def test_fit_of_a_single_point_stops_at_the_maximum_zoom() -> None:
    view = fit(Bounds(*LUCERNE, *LUCERNE), 400, 300, max_zoom=17)
    assert view.zoom == 17
    assert view.to_screen(*to_world(*LUCERNE)) == pytest.approx((200, 150))


def test_zooming_keeps_the_point_under_the_cursor() -> None:
    view = fit(Bounds(47.00, 8.25, 47.08, 8.40), 800, 500)
    cursor = (130.0, 410.0)
    under = view.to_world(*cursor)
    for delta in (1.0, -1.0, 0.5, 2.25):
        zoomed = view.zoomed(delta, *cursor)
        assert zoomed.zoom == pytest.approx(view.zoom + delta)
        assert zoomed.to_screen(*under) == pytest.approx(cursor)
    assert view.zoomed(50.0, max_zoom=19).zoom == 19
    assert view.zoomed(-50.0).zoom == 0


def test_panning_follows_the_drag() -> None:
    view = Viewport(0.52, 0.36, 13.0, 640, 480)
    point = view.to_world(100.0, 100.0)
    moved = view.panned(35.0, -20.0)
    assert moved.to_screen(*point) == pytest.approx((135.0, 80.0))


def test_visible_tiles_plus_margin_nearest_first() -> None:
    # A 512 × 256 view whose top-left corner sits exactly on the corner of tile 4/5/6.
    view = Viewport(6.0 / 16 + 1.0 / 16, 6.5 / 16, 4.0, 512, 256)
    assert set(view.tiles(4, margin=0)) == {(6, 6), (7, 6)}
    with_margin = view.tiles(4, margin=1)
    assert set(with_margin) == {(x, y) for x in range(5, 9) for y in range(5, 8)}
    assert set(with_margin[:2]) == {(6, 6), (7, 6)}  # the visible ones come first


def test_tiles_wrap_around_the_antimeridian_and_stop_at_the_poles() -> None:
    view = Viewport(0.0, 0.0, 1.0, 256, 256)  # the top-left corner of the world
    assert set(view.tiles(1, margin=0)) == {(1, 0), (0, 0)}
    assert all(0 <= y < 2 for _, y in view.tiles(1, margin=3))
    assert len(Viewport(0.5, 0.5, 0.0, 2000, 2000).tiles(0, margin=1)) == 1


def test_tile_zoom_rounds_and_respects_the_source_limits() -> None:
    assert Viewport(0.5, 0.5, 12.4, 10, 10).tile_zoom() == 12
    assert Viewport(0.5, 0.5, 12.5, 10, 10).tile_zoom() == 13
    assert Viewport(0.5, 0.5, 21.0, 10, 10).tile_zoom(max_zoom=19) == 19


@pytest.mark.parametrize(
    ("mpp", "max_px", "units", "label"),
    [
        (1.0, 120, "metric", "100 m"),
        (10.0, 120, "metric", "1 km"),
        (30.0, 120, "metric", "2 km"),
        (60.0, 120, "metric", "5 km"),
        (2.0, 120, "imperial", "500 ft"),
        (20.0, 120, "imperial", "1 mi"),
        (0.05, 120, "metric", "5 m"),
        (2000.0, 120, "metric", "200 km"),
    ],
)
def test_scale_bar_lengths_are_round_and_fit(
    mpp: float, max_px: float, units: str, label: str
) -> None:
    length, text = scale_bar(mpp, max_px, units)
    assert text == label
    assert 0 < length <= max_px
    assert length > max_px / 2.5  # never much shorter than the room allows (1-2-5 steps)


def test_scale_bar_says_nothing_without_a_scale() -> None:
    assert scale_bar(0.0, 100) == (0.0, "")
    assert scale_bar(float("nan"), 100) == (0.0, "")


def test_bounds_around_a_route_ignore_gaps() -> None:
    lat = np.array([np.nan, 47.0, 47.2, np.nan])
    lon = np.array([np.nan, 8.3, 8.1, np.nan])
    assert Bounds.around(lat, lon) == Bounds(47.0, 8.1, 47.2, 8.3)
    assert Bounds.around(np.array([np.nan]), np.array([np.nan])) is None
