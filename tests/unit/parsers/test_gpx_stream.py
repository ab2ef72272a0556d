"""A large GPX is read as a stream: the same activity as the tree walk gives, in bounded memory."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from st_desktop.domain.activity import STREAM_NAMES, Activity
from st_desktop.errors import ParseError
from st_desktop.parsers import gpx_stream, parse_bytes, tcx
from st_desktop.parsers.errors import FileTooLargeError
from st_desktop.parsers.gpx import read_gpx_tree
from st_desktop.parsers.gpx_stream import read_gpx_stream
from tests.unit.parsers.helpers import corpus_params, data_files


def _outcome(data: bytes) -> Activity | str:
    try:
        return parse_bytes(data)
    except ParseError as exc:
        return f"{type(exc).__name__}: {exc}"


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.name) for p in data_files("gpx")] + corpus_params("gpx"),
)
def test_stream_reads_what_the_tree_reads(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = path.read_bytes()
    tree = _outcome(data)
    monkeypatch.setattr(gpx_stream, "STREAM_BYTES", 0)
    monkeypatch.setattr(gpx_stream, "CHUNK_POINTS", 1000)  # several chunks in the larger files
    stream = _outcome(data)
    if isinstance(tree, str) or isinstance(stream, str):
        assert tree == stream
        return
    for name in STREAM_NAMES:
        np.testing.assert_array_equal(tree.streams.get(name), stream.streams.get(name), name)
    assert tree.pauses == stream.pauses
    assert tree.summary == stream.summary
    for attribute in ("start_time", "name", "notes", "device", "sport", "warnings"):
        assert getattr(tree, attribute) == getattr(stream, attribute), attribute
    tree_read, stream_read = read_gpx_tree(data), read_gpx_stream(data)
    assert tree_read.per_segment == stream_read.per_segment
    assert tree_read.segment_tracks == stream_read.segment_tracks


def test_a_large_gpx_is_streamed_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpx_stream, "CHUNK_POINTS", 7)
    monkeypatch.setattr(gpx_stream, "STREAM_BYTES", 100)
    points = "".join(
        f'<trkpt lat="46.{i:04d}" lon="7.0"><time>2020-01-01T10:{i // 60:02d}:{i % 60:02d}Z</time>'
        + (f"<extensions><hr>{100 + i}</hr></extensions>" if i % 3 else "")
        + "</trkpt>"
        for i in range(50)
    )
    data = (
        '<?xml version="1.0"?><gpx version="1.1" creator="big"><trk><name>Big</name><trkseg>'
        f"{points}</trkseg></trk></gpx>"
    ).encode()
    activity = parse_bytes(data)
    assert len(activity.streams) == 50
    hr = activity.streams.heartrate
    assert np.isnan(hr[0::3]).all()
    assert hr[1] == 101
    assert activity.name == "Big"
    assert activity.device == "big"


def test_a_broken_large_gpx_is_recovered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gpx_stream, "STREAM_BYTES", 10)
    data = (
        b'<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>'
        b'<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time></trkpt>'
        b'<trkpt lat="46.001" lon="7.0"><time>2020-01-01T10:00:05Z</time></trkpt>'
        b"<trkpt lat="
    )
    activity = parse_bytes(data)
    assert len(activity.streams) == 2
    assert any("not well-formed" in warning for warning in activity.warnings)


def test_a_tcx_too_large_for_a_tree_is_refused_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch, test_data: Path
) -> None:
    monkeypatch.setattr(tcx, "MAX_TCX_BYTES", 1000)
    with pytest.raises(FileTooLargeError) as info:
        parse_bytes((test_data / "tcx/tg_garmin_connect_edge520.tcx").read_bytes())
    assert str(info.value).startswith("This TCX file is larger than 0 MB")
    assert str(info.value).endswith("Export the activity as FIT or GPX instead.")
