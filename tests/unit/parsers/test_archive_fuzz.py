"""Random and mutated zip and gz bytes never make the archive reader raise anything but a
ParseError (and never log an ERROR: an unexpected exception hidden behind a safety net)."""

from __future__ import annotations

import gzip
import logging
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from st_desktop.errors import ParseError
from st_desktop.parsers import parse_archive
from st_desktop.parsers.archive import Archive, ArchiveMember
from tests.conftest import TEST_DATA
from tests.unit.parsers.zipcraft import RawMember, build_zip

SEED = (TEST_DATA / "fit/fp_garmin-fenix-5-run.fit").read_bytes()[:2000]
NAME_PARTS = [
    b"a",
    b"ride",
    b".fit",
    b".gpx",
    b".gz",
    b".zip",
    b"/",
    b"\\",
    b"..",
    b"__MACOSX/",
    b".",
    b"C:",
    b"\xff\xfe",
    b"\xe9",
    b"\x81\x40",
    "é".encode(),
    b"\x00",
]


@st.composite
def names(draw: st.DrawFn) -> bytes:
    if draw(st.booleans()):
        return draw(st.binary(min_size=0, max_size=12))
    return b"".join(draw(st.lists(st.sampled_from(NAME_PARTS), min_size=1, max_size=5)))


@st.composite
def members(draw: st.DrawFn, depth: int) -> RawMember:
    kind = draw(st.sampled_from(["data", "gz", "zip"] if depth < 4 else ["data", "gz"]))
    if kind == "zip":
        data = draw(archives(depth + 1))
    elif kind == "gz":
        data = gzip.compress(draw(st.sampled_from([SEED, b"", b"<gpx/>"])), mtime=0)
    else:
        data = draw(st.one_of(st.binary(max_size=64), st.just(SEED)))
    return RawMember(
        name=draw(names()),
        data=data,
        flags=draw(st.sampled_from([0, 0, 0x800, 0x1, 0x8, 0x801, 0x40])),
        method=draw(st.sampled_from([0, 0, 8, 8, 9, 12, 14, 99])),
        version=draw(st.sampled_from([20, 20, 45, 63, 64, 99])),
        crc=draw(st.one_of(st.none(), st.none(), st.integers(0, 2**32 - 1))),
    )


@st.composite
def archives(draw: st.DrawFn, depth: int = 1) -> bytes:
    built = build_zip(draw(st.lists(members(depth), max_size=4)))
    if draw(st.integers(0, 3)) == 0 and built:  # damage: flip bits, cut, insert garbage
        data = bytearray(built)
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] ^= 1 << draw(st.integers(0, 7))
        if draw(st.booleans()):
            data = data[: draw(st.integers(0, len(data)))]
        return bytes(data)
    return built


def _outcome(action: Callable[[], object]) -> str:
    """ "read." or the ParseError's sentence (any other exception fails the test)."""
    try:
        result = action()
    except ParseError as exc:
        return str(exc)
    if isinstance(result, list):
        sentences = [str(r) for r in result if isinstance(r, ParseError)]
        return next((s for s in sentences if not s.endswith(".")), "read.")
    return "read."


@settings(
    max_examples=400,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    data=st.one_of(
        archives(),
        archives().map(lambda data: gzip.compress(data, mtime=0)),
        st.binary(max_size=200),
    )
)
def test_archives_never_raise_anything_but_parse_errors(
    data: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.clear()
    with caplog.at_level(logging.ERROR, logger="st_desktop"):
        with Archive(data, "fuzz.zip") as archive:
            for entry in archive.entries(all_files=True):
                assert entry.origin.startswith("fuzz.zip")
                if isinstance(entry, ArchiveMember):
                    message = _outcome(entry.read)
                    assert message.endswith("."), message
                else:
                    assert entry.reason.endswith("."), entry.reason
        message = _outcome(lambda: parse_archive(data, "fuzz.zip"))
        assert message.endswith("."), message
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


def test_the_fuzzer_builds_archives_zipfile_can_read() -> None:
    # The generator is only worth something if its unmutated output is a real zip.
    data = build_zip([RawMember(b"a.fit", SEED), RawMember(b"b/c.gpx", b"<gpx/>", method=8)])
    with zipfile.ZipFile(__import__("io").BytesIO(data)) as archive:
        assert archive.read("a.fit") == SEED
        assert archive.read("b/c.gpx") == b"<gpx/>"
