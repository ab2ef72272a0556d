"""The zone lookup copes with odd positions and with tzfpy missing."""

from __future__ import annotations

import sys

import pytest

from st_desktop.parsers import zone


def test_positions_that_are_no_place_have_no_zone() -> None:
    assert zone.lookup_zone(47.05, 8.30) == "Europe/Zurich"
    assert zone.lookup_zone(float("nan"), 8.3) is None
    assert zone.lookup_zone(1e308, 1e308) is None


def test_without_tzfpy_rides_fall_back_to_the_files_offset(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    zone._finder.cache_clear()
    monkeypatch.setitem(sys.modules, "tzfpy", None)  # an install without the optional lookup
    try:
        assert zone.lookup_zone(47.05, 8.30) is None
    finally:
        zone._finder.cache_clear()
