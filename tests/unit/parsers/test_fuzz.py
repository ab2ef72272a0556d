"""Mutated real files (bit flips, cuts, garbage) give an Activity or a ParseError, fast.

``parse_bytes`` turns any unexpected exception into a ParseError and logs it at ERROR level, so
the test also fails on such a log record: a bug hidden behind the safety net still fails here.
"""

from __future__ import annotations

import logging
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from st_desktop.errors import ParseError
from st_desktop.parsers import parse_bytes
from tests.conftest import TEST_DATA

SEEDS = [
    TEST_DATA / "fit/fp_garmin-fenix-5-run.fit",
    TEST_DATA / "fit/fp_compressed-speed-distance.fit",
    TEST_DATA / "fit/fp_elemnt-bolt-no-application-id-inside-developer-data-id.fit",
    TEST_DATA / "gpx/tg_Friday-Evening-Run.gpx",
    TEST_DATA / "gpx/tg_missing_hr.gpx",
    TEST_DATA / "tcx/tg_tcx-courses.tcx",
]
FILES = [path.read_bytes() for path in SEEDS]


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(FILES)))
    kind = draw(st.sampled_from(["flip", "cut", "garbage", "mixed"]))
    if kind in ("flip", "mixed"):
        for _ in range(draw(st.integers(1, 20))):
            pos = draw(st.integers(0, len(data) - 1))
            data[pos] ^= 1 << draw(st.integers(0, 7))
    if kind in ("cut", "mixed"):
        data = data[: draw(st.integers(0, len(data)))]
    if kind in ("garbage", "mixed"):
        pos = draw(st.integers(0, len(data)))
        data[pos:pos] = draw(st.binary(min_size=1, max_size=64))
    return bytes(data)


@settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(data=mutated())
def test_mutated_files_never_crash_or_hang(data: bytes, caplog: pytest.LogCaptureFixture) -> None:
    caplog.clear()
    started = time.perf_counter()
    with caplog.at_level(logging.ERROR, logger="st_desktop.parsers"):
        try:
            activity = parse_bytes(data)
        except ParseError as exc:
            message = str(exc)
        else:
            message = "parsed."
            assert len(activity.streams.time) == len(activity.streams.heartrate)
    assert message.endswith(".")  # errors are sentences
    assert time.perf_counter() - started < 2.0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
