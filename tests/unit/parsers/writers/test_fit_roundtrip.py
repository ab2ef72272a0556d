"""Real files: parse -> write FIT -> parse gives the same activity (within the FIT resolution)."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import fitdecode
import numpy as np
import pytest
from fitdecode.utils import compute_crc

from st_desktop.domain.activity import Activity
from st_desktop.parsers import parse_bytes, parse_file
from st_desktop.parsers.writers import write_fit
from tests.conftest import CORPUS, CORPUS_MISSING_REASON
from tests.unit.parsers.helpers import data_files
from tests.unit.parsers.writers.helpers import FIT_RESOLUTION, assert_streams_close

#: Corpus files that are no activity at all (the parser rejects them; nothing to write).
NOT_ACTIVITIES = {"sl_empty-sessions_0bytes.fit"}


def _corpus(kind: str) -> list[object]:
    if CORPUS is None:
        return [pytest.param(None, marks=pytest.mark.skip(reason=CORPUS_MISSING_REASON))]
    return [
        pytest.param(path, id=path.name, marks=pytest.mark.corpus)
        for path in sorted((CORPUS / kind).glob("*"))
        if path.name not in NOT_ACTIVITIES
    ]


def assert_crcs_valid(data: bytes) -> None:
    """Header and file CRC as fitdecode's own CRC routine computes them."""
    header_size = data[0]
    assert struct.unpack("<H", data[12:14])[0] == compute_crc(data[:12])
    assert header_size == 14
    assert struct.unpack("<I", data[4:8])[0] == len(data) - 14 - 2
    assert struct.unpack("<H", data[-2:])[0] == compute_crc(data[:-2])


def assert_same_activity(original: Activity, back: Activity, *, relative: float = 1e-3) -> None:
    assert back.start_time == original.start_time
    assert back.start_time.utcoffset() == original.start_time.utcoffset()
    assert back.sport == original.sport
    assert_streams_close(original, back, tuple(FIT_RESOLUTION), FIT_RESOLUTION)
    assert [t for p in back.pauses for t in (p.start, p.end)] == pytest.approx(
        [t for p in original.pauses for t in (p.start, p.end)], abs=1.0
    )
    assert [lap.start for lap in back.laps] == pytest.approx(
        [lap.start for lap in original.laps], abs=1.0
    )
    assert [lap.intensity for lap in back.laps] == [lap.intensity for lap in original.laps]
    for lap, lap_back in zip(original.laps, back.laps, strict=True):
        for name in ("distance", "moving_time", "avg_heartrate", "max_speed"):
            want, got = getattr(lap.summary, name), getattr(lap_back.summary, name)
            if want is not None:
                assert got == pytest.approx(want, abs=0.5), name
    for name in ("distance", "elapsed_time", "moving_time", "calories"):
        want, got = getattr(original.summary, name), getattr(back.summary, name)
        if want:
            assert got == pytest.approx(want, rel=relative, abs=2.1), name


@pytest.mark.parametrize("path", data_files("fit"), ids=lambda p: p.name)
def test_test_data_fit_files_round_trip(path: Path) -> None:
    original = parse_file(path)
    data = write_fit(original)
    # fitdecode reads the whole file and raises on a wrong header or file CRC.
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        records = sum(
            1 for f in reader if isinstance(f, fitdecode.FitDataMessage) and f.name == "record"
        )
    assert records == len(original.streams)
    assert_same_activity(original, parse_bytes(data))


@pytest.mark.parametrize("path", _corpus("fit"))
def test_corpus_fit_files_round_trip(path: Path) -> None:
    original = parse_file(path)
    data = write_fit(original)
    assert_crcs_valid(data)
    back = parse_bytes(data)
    # Sessions of a multi-sport file are rebuilt from its laps, whose totals devices round.
    multisport = len({lap.sport for lap in original.laps if lap.sport}) > 1
    assert_same_activity(original, back, relative=1e-2 if multisport else 1e-3)


#: The GPX files of tests/data that hold a recorded track (the others are routes or waypoints).
RECORDED_GPX = (
    "gx_cerknicko-jezero.gpx",
    "gx_track-with-empty-segment.gpx",
    "tg_Friday-Evening-Run.gpx",
    "tg_apple_watch_route.gpx",
    "tg_missing_hr.gpx",
)
XML_FILES = [
    *(path for path in data_files("gpx") if path.name in RECORDED_GPX),
    *data_files("tcx"),
]


def test_the_xml_file_list_is_complete() -> None:
    assert len(XML_FILES) == len(RECORDED_GPX) + len(data_files("tcx"))


@pytest.mark.parametrize("path", XML_FILES, ids=lambda p: p.name)
def test_gpx_and_tcx_files_become_fit_files_with_the_same_samples(path: Path) -> None:
    original = parse_file(path)
    data = write_fit(original)
    assert_crcs_valid(data)
    back = parse_bytes(data)
    # FIT times are whole seconds: compare moments, not offsets from a start that was rounded.
    moments = original.start_time.timestamp() + original.streams.time
    moments_back = back.start_time.timestamp() + back.streams.time
    assert np.max(np.abs(moments - moments_back)) <= 0.5 + 1e-6
    names = tuple(n for n in FIT_RESOLUTION if n != "time")
    tolerance = {**FIT_RESOLUTION, "distance": 0.01}
    assert_streams_close(original, back, names, tolerance)
    assert back.summary.distance == pytest.approx(original.summary.distance, rel=1e-3)
    assert back.summary.moving_time == pytest.approx(original.summary.moving_time, abs=1.0)
