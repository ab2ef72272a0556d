"""What privacy zones hide, on bare arrays (a preview's track): the stretches in time, their
length, which zones hide them, the zones worth drawing, and the route split for drawing."""

from __future__ import annotations

import numpy as np
import pytest

from st_desktop.parsers.privacy import (
    PrivacyZone,
    find_hidden_in,
    hidden_stretches,
    zones_near,
)

LAT0, LON0 = 47.05, 8.30
METRES_PER_DEGREE = 111_195.0


def there_and_back(step_m: float = 50.0, out_steps: int = 40) -> tuple[np.ndarray, ...]:
    """North ``out_steps`` steps of ``step_m`` and back, a sample every 10 s."""
    north = np.arange(out_steps + 1) * step_m
    metres = np.concatenate([north, north[::-1][1:]])
    lat = LAT0 + metres / METRES_PER_DEGREE
    lon = np.full(len(lat), LON0)
    time = np.arange(len(lat)) * 10.0
    distance = np.arange(len(lat)) * step_m
    return time, lat, lon, distance


def test_the_stretches_at_both_ends_their_length_and_zone() -> None:
    time, lat, lon, distance = there_and_back()
    home = PrivacyZone("Home", LAT0, LON0, 220.0)
    work = PrivacyZone("Work", LAT0 + 0.5, LON0, 500.0)  # far away: hides nothing
    hidden = hidden_stretches(time, lat, lon, distance, [home, work])
    assert hidden is not None
    assert hidden.zones == ("Home",)  # only the zone that hides something is named
    # 0, 50 ... 200 m are inside: five samples at each end.
    assert hidden.head_until == 40.0
    assert hidden.tail_from == time[-5]
    assert hidden.metres == pytest.approx(2 * 250.0)  # up to the first position that goes up
    mask = hidden.mask(time)
    assert mask.sum() == 10
    assert not mask[5:-5].any()


def test_a_zone_crossed_in_the_middle_hides_nothing() -> None:
    time, lat, lon, distance = there_and_back()
    turn = PrivacyZone("Friend", float(lat[40]), LON0, 120.0)  # where the ride turns back
    assert hidden_stretches(time, lat, lon, distance, [turn]) is None
    assert not find_hidden_in(lat, lon, [turn])


def test_only_the_start_or_only_the_end() -> None:
    time, lat, lon, distance = there_and_back()
    one_way = slice(0, 41)
    hidden = hidden_stretches(
        time[one_way],
        lat[one_way],
        lon[one_way],
        distance[one_way],
        [PrivacyZone("Home", LAT0, LON0, 120.0)],
    )
    assert hidden is not None
    assert (hidden.head_until, hidden.tail_from) == (20.0, None)
    assert hidden.metres == pytest.approx(150.0)
    hidden = hidden_stretches(
        time[one_way],
        lat[one_way],
        lon[one_way],
        distance[one_way],
        [PrivacyZone("Work", float(lat[40]), LON0, 120.0)],
    )
    assert hidden is not None
    assert (hidden.head_until, hidden.tail_from) == (None, 380.0)


def test_zones_near_a_route_are_the_ones_that_reach_its_box() -> None:
    _time, lat, lon, _distance = there_and_back()
    beside = PrivacyZone("Beside", LAT0 + 0.01, LON0 + 0.005, 500.0)  # 380 m east of the line
    off = PrivacyZone("Off", LAT0 + 0.01, LON0 + 0.02, 500.0)  # 1.5 km east
    assert zones_near(lat, lon, [beside, off]) == [beside]
    nothing = np.full(3, np.nan)
    assert zones_near(nothing, nothing, [beside]) == []


def test_the_route_splits_into_what_goes_up_and_what_is_hidden_joined() -> None:
    time, lat, lon, distance = there_and_back()
    hidden = hidden_stretches(time, lat, lon, distance, [PrivacyZone("Home", LAT0, LON0, 220.0)])
    assert hidden is not None
    (sx, sy), (hx, hy) = hidden.split(time, lon, lat)
    shown_at = np.isfinite(sy)
    hidden_at = np.isfinite(hy)
    assert shown_at.sum() == len(time) - 10
    assert hidden_at.sum() == 10 + 2  # one point into the shown part at each end: they join
    assert (shown_at & hidden_at).sum() == 2
    assert np.isfinite(sx).sum() == shown_at.sum()
    assert np.isfinite(hx).sum() == hidden_at.sum()
