"""Computed figures: the plain-loop paths for small files give exactly what the array paths give.

Small files take shortcuts (plain Python loops instead of a dozen numpy calls, see
``summary.SMALL``); a user must see the same distance, speed and pauses whichever path ran, down
to the last bit, so each file is parsed both ways and compared.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import STREAM_NAMES, Activity, Summary
from st_desktop.errors import ParseError
from st_desktop.parsers import parse_bytes, summary
from tests.conftest import TEST_DATA

DATA_FILES = sorted(p for kind in ("gpx", "tcx", "fit") for p in (TEST_DATA / kind).glob("*"))


def _parse(path: Path) -> Activity | None:
    try:
        return parse_bytes(path.read_bytes(), path.name)
    except ParseError:
        return None


def _same_float(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return (math.isnan(a) and math.isnan(b)) or a.hex() == b.hex()


def _assert_same_summary(a: Summary, b: Summary) -> None:
    for field in dataclasses.fields(Summary):
        left, right = getattr(a, field.name), getattr(b, field.name)
        assert _same_float(left, right), (field.name, left, right)


def _assert_same_activity(a: Activity, b: Activity) -> None:
    for name in STREAM_NAMES:
        left, right = a.streams.get(name), b.streams.get(name)
        assert left.tobytes() == right.tobytes(), name
    _assert_same_summary(a.summary, b.summary)
    _assert_same_summary(a.computed_summary, b.computed_summary)
    assert a.pauses == b.pauses
    assert a.warnings == b.warnings
    assert [(lap.start, lap.intensity, lap.sport) for lap in a.laps] == [
        (lap.start, lap.intensity, lap.sport) for lap in b.laps
    ]


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_small_file_shortcuts_match_the_array_paths_bit_for_bit(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = _parse(path)
    # Every file through the array paths, then every file through the plain loops.
    monkeypatch.setattr(summary, "SMALL", 0)
    arrays = _parse(path)
    monkeypatch.setattr(summary, "SMALL", 10**9)
    loops = _parse(path)
    if default is None:  # a route: refused whichever path would have run
        assert arrays is None
        assert loops is None
        return
    assert arrays is not None
    assert loops is not None
    _assert_same_activity(default, arrays)
    _assert_same_activity(arrays, loops)


def _awkward_track() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Times with long stops and fast gaps, a distance with NaN holes, jitter and a restart."""
    rng = np.random.default_rng(7)
    time = np.cumsum(rng.choice([1.0, 3.0, 61.0, 600.0], size=50, p=[0.7, 0.2, 0.05, 0.05]))
    distance = np.cumsum(rng.uniform(-2.0, 30.0, size=50))
    distance[[3, 4, 17]] = np.nan
    distance[30:] -= distance[30] - 5.0  # a new sport segment restarts from (almost) zero
    elevation = 300 + np.cumsum(rng.normal(0.0, 2.5, size=50))
    elevation[[0, 9]] = np.nan
    return time, distance, elevation


def test_speed_distance_pauses_and_climb_are_identical_on_both_paths(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    time, distance, elevation = _awkward_track()

    def figures() -> tuple[bytes, float | None, list[object], tuple[float, float] | None]:
        return (
            summary.speed_from_distance(time, distance).tobytes(),
            summary.total_distance(distance),
            list(summary.infer_pauses(time, distance)),
            summary.elevation_change(elevation),
        )

    monkeypatch.setattr(summary, "SMALL", 0)
    arrays = figures()
    monkeypatch.setattr(summary, "SMALL", 10**9)
    loops = figures()
    assert arrays == loops
    assert arrays[2], "the track has stops, so pauses are found"
    # The restart is added as a new piece: more than the final reading.
    assert arrays[1] is not None
    assert arrays[1] > float(distance[-1])
