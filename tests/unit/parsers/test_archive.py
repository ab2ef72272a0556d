"""The one archive reader: every member an entry with a status, read lazily and safely."""

from __future__ import annotations

import gc
import gzip
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from st_desktop.parsers import archive as archive_module
from st_desktop.parsers import parse_archive, parse_bytes
from st_desktop.parsers.archive import (
    Archive,
    ArchiveMember,
    ArchiveSkip,
    iter_archive,
    read_archive_member,
)
from st_desktop.parsers.errors import (
    ArchiveMemberNotFoundError,
    CorruptFileError,
    FileTooLargeError,
    ParseError,
    PasswordProtectedError,
    UnknownFormatError,
    UnsafeArchiveError,
    UnsupportedArchiveError,
)
from tests.unit.parsers.zipcraft import (
    ENCRYPTED_FLAG,
    UTF8_FLAG,
    RawMember,
    build_zip,
    simple_zip,
)

FIT = "fit/fp_garmin-fenix-5-run.fit"
GPX = "gpx/tg_Friday-Evening-Run.gpx"


@pytest.fixture
def fit(test_data: Path) -> bytes:
    return (test_data / FIT).read_bytes()


@pytest.fixture
def gpx(test_data: Path) -> bytes:
    return (test_data / GPX).read_bytes()


def _entries(data: bytes, name: str = "export.zip") -> list[ArchiveMember | ArchiveSkip]:
    with Archive(data, name) as archive:
        return list(archive.entries())


def _only(entries: list[ArchiveMember | ArchiveSkip]) -> ArchiveMember | ArchiveSkip:
    assert len(entries) == 1, entries
    return entries[0]


def test_strava_export_gz_members_and_the_csv(fit: bytes, gpx: bytes, tmp_path: Path) -> None:
    path = tmp_path / "export_123.zip"
    path.write_bytes(
        simple_zip(
            {
                "activities.csv": b"Activity ID,Activity Date\n1,Jan 1\n",
                "activities/1.fit.gz": gzip.compress(fit),
                "activities/2.gpx": gpx,
                "media/photo.jpg": b"\xff\xd8",
                "__MACOSX/activities/._1.fit.gz": b"\0",
                "activities/.hidden.fit": b"x",
            }
        )
    )
    with Archive(path) as archive:
        entries = list(archive.entries())
        first, second, ignored = entries
        assert isinstance(first, ArchiveMember)
        assert isinstance(second, ArchiveMember)
        assert first.display_name == "1.fit"
        assert first.origin == "export_123.zip › activities/1.fit.gz"
        assert first.read() == fit  # the .gz member comes out unpacked
        assert parse_bytes(second.read()).format == "GPX"
        assert isinstance(ignored, ArchiveSkip)
        assert ignored.kind == "ignored"
        assert ignored.reason == "Skipped 2 files in this archive that are not FIT, TCX or GPX."
        assert archive.read_named("activities.csv").startswith(b"Activity ID")
        with pytest.raises(ArchiveMemberNotFoundError, match=r"no file called nothing\.csv"):
            archive.read_named("nothing.csv")


def test_garmin_export_zips_inside_the_zip_are_read(fit: bytes, gpx: bytes) -> None:
    uploaded = simple_zip({"ride.fit": fit, "walk.gpx": gpx})
    inner = "DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip"
    data = simple_zip({inner: uploaded, "DI_CONNECT/DI-Connect-Fitness/x.json": b"{}"})
    entries = _entries(data)
    members = [e for e in entries if isinstance(e, ArchiveMember)]
    assert [m.origin for m in members] == [
        f"export.zip › {inner} › ride.fit",
        f"export.zip › {inner} › walk.gpx",
    ]
    assert members[0].read() == fit
    # Read again later, from a new reader, by address only (as the intake's queue does).
    assert read_archive_member(data, members[1].locator) == gpx


def test_zips_are_opened_three_levels_deep_and_no_deeper(fit: bytes) -> None:
    level3 = simple_zip({"c.fit": fit, "level4.zip": simple_zip({"d.fit": fit})})
    level2 = simple_zip({"b.fit": fit, "level3.zip": level3})
    data = simple_zip({"a.fit": fit, "level2.zip": level2})
    entries = _entries(data)
    members = [e for e in entries if isinstance(e, ArchiveMember)]
    assert [m.display_name for m in members] == ["a.fit", "b.fit", "c.fit"]
    assert all(m.read() == fit for m in members)
    deep = [e for e in entries if isinstance(e, ArchiveSkip)]
    assert len(deep) == 1
    assert deep[0].origin == "export.zip › level2.zip › level3.zip › level4.zip"
    assert "nested 4 levels deep" in deep[0].reason
    assert deep[0].error_type is UnsafeArchiveError


def test_names_that_are_not_utf8_are_kept_and_shown_readably(fit: bytes) -> None:
    utf8_unflagged = "Fahrt-Müller.fit".encode()
    shift_jis = "走る.fit".encode("shift_jis")
    data = build_zip([RawMember(utf8_unflagged, fit), RawMember(shift_jis, fit)])
    first, second = _entries(data)
    assert isinstance(first, ArchiveMember)
    assert isinstance(second, ArchiveMember)
    assert first.display_name == "Fahrt-Müller.fit"
    assert second.display_name.endswith(".fit")  # not UTF-8: shown as the bytes read in cp437
    # The address keeps the exact bytes of the name.
    assert second.locator[-1].name.encode("cp437") == shift_jis
    assert first.read() == second.read() == fit


def test_a_name_flagged_utf8_that_is_not_is_still_read(fit: bytes) -> None:
    data = build_zip(
        [RawMember(b"caf\xe9.fit", fit, flags=UTF8_FLAG), RawMember(b"ok.fit", fit, UTF8_FLAG)]
    )
    with pytest.raises(UnicodeDecodeError):
        zipfile.ZipFile(__import__("io").BytesIO(data))  # what made such archives unreadable
    first, second = _entries(data)
    assert isinstance(first, ArchiveMember)
    assert first.display_name == "café.fit".replace("é", "Θ")
    assert first.read() == fit
    assert isinstance(second, ArchiveMember)
    assert second.read() == fit


def test_encrypted_and_unsupported_members_say_so(fit: bytes) -> None:
    data = build_zip(
        [
            RawMember(b"secret.fit", fit, flags=ENCRYPTED_FLAG),
            RawMember(b"deflate64.fit", fit, method=9),
            RawMember(b"fine.fit", fit),
        ]
    )
    secret, deflate64, fine = _entries(data)
    assert isinstance(secret, ArchiveSkip)
    assert (
        secret.reason
        == "secret.fit is password-protected inside the archive, so it cannot be read."
    )
    assert secret.error_type is PasswordProtectedError
    assert isinstance(deflate64, ArchiveSkip)
    assert "Deflate64 compression" in deflate64.reason
    assert deflate64.error_type is UnsupportedArchiveError
    assert isinstance(fine, ArchiveMember)
    assert fine.read() == fit


def test_a_zip_version_zipfile_does_not_implement_is_one_entry(fit: bytes) -> None:
    data = build_zip([RawMember(b"a.fit", fit, version=99)])
    entry = _only(_entries(data))
    assert isinstance(entry, ArchiveSkip)
    assert entry.kind == "archive"
    assert "newer zip reader" in entry.reason
    with pytest.raises(UnsupportedArchiveError):
        parse_archive(data)


def test_damaged_members_fail_when_read_with_a_sentence(fit: bytes) -> None:
    data = build_zip(
        [
            RawMember(b"crc.fit", fit, crc=12345),
            RawMember(b"zlib.fit", fit, method=zipfile.ZIP_DEFLATED, payload=b"\xff" * 200),
            RawMember(b"fine.fit", fit),
        ]
    )
    crc, broken, fine = _entries(data)
    assert isinstance(crc, ArchiveMember)
    assert isinstance(broken, ArchiveMember)
    with pytest.raises(CorruptFileError, match=r"crc\.fit could not be unpacked: its checksum"):
        crc.read()
    with pytest.raises(CorruptFileError, match=r"zlib\.fit could not be unpacked"):
        broken.read()
    assert isinstance(fine, ArchiveMember)
    assert fine.read() == fit
    results = parse_archive(data, "x.zip")
    assert [type(r).__name__ for r in results] == [
        "CorruptFileError",
        "CorruptFileError",
        "Activity",
    ]


@pytest.mark.parametrize("name", ["../../x.gpx", "/etc/x.gpx", "C:\\Users\\x.gpx", "a/../../x.gpx"])
def test_names_outside_the_archive_are_skipped_with_the_reason(gpx: bytes, name: str) -> None:
    entry = _only(_entries(build_zip([RawMember(name.encode(), gpx)])))
    assert isinstance(entry, ArchiveSkip)
    assert entry.reason == (
        f"{name} was skipped: its name points outside the archive, which no genuine export does."
    )
    assert entry.error_type is UnsafeArchiveError


def test_too_many_members_is_one_entry(monkeypatch: pytest.MonkeyPatch, fit: bytes) -> None:
    monkeypatch.setattr(archive_module, "MAX_ARCHIVE_MEMBERS", 3)
    data = simple_zip({f"{i}.fit": fit for i in range(4)})
    entry = _only(_entries(data))
    assert isinstance(entry, ArchiveSkip)
    assert entry.kind == "archive"
    assert entry.reason.startswith("This archive holds more than 3 files")
    with pytest.raises(FileTooLargeError):
        parse_archive(data)


def test_a_zip_bomb_stops_early() -> None:
    data = simple_zip({"bomb.gpx": b"\0" * (40 * 1024 * 1024)})
    assert len(data) < 100_000
    member = _only(_entries(data))
    assert isinstance(member, ArchiveMember)
    with pytest.raises(UnsafeArchiveError, match="zip bomb"):
        member.read()
    bomb_gz = simple_zip({"bomb.fit.gz": gzip.compress(b"\0" * (40 * 1024 * 1024))})
    inner = _only(_entries(bomb_gz))
    assert isinstance(inner, ArchiveMember)
    with pytest.raises(UnsafeArchiveError, match="zip bomb"):
        inner.read()


def test_member_size_cap(monkeypatch: pytest.MonkeyPatch, gpx: bytes) -> None:
    monkeypatch.setattr(archive_module, "MAX_FILE_BYTES", 1000)
    entry = _only(_entries(simple_zip({"big.gpx": gpx})))
    assert isinstance(entry, ArchiveSkip)
    assert entry.error_type is FileTooLargeError


def test_a_gz_file_is_an_archive_of_one(tmp_path: Path, fit: bytes) -> None:
    path = tmp_path / "ride.fit.gz"
    path.write_bytes(gzip.compress(fit))
    member = _only(list(iter_archive(path)))
    assert isinstance(member, ArchiveMember)
    assert member.display_name == "ride.fit"
    assert member.is_activity
    assert member.read() == fit  # read after the iteration closed the archive


def test_what_is_not_an_archive_is_one_entry(tmp_path: Path) -> None:
    entry = _only(list(iter_archive(b"hello", "notes.zip")))
    assert isinstance(entry, ArchiveSkip)
    assert entry.error_type is UnknownFormatError
    gone = _only(list(iter_archive(tmp_path / "gone.zip")))
    assert isinstance(gone, ArchiveSkip)
    assert gone.reason == "The archive no longer exists."
    damaged = _only(list(iter_archive(b"PK\x03\x04" + b"\0" * 40, "bad.zip")))
    assert isinstance(damaged, ArchiveSkip)
    assert damaged.reason == "This zip archive is damaged and could not be opened."


def test_a_failed_member_keeps_no_bytes_alive() -> None:
    # 4 MB that parse as nothing: the error raised deep in the parser has frames holding them.
    junk = bytes(range(256)) * (4 * 4096)
    data = simple_zip({"junk.fit": junk, "more.gpx": b"<gpx>" + junk})
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        results = parse_archive(data)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert all(isinstance(r, ParseError) for r in results)
    assert all(r.__traceback__ is None and r.__cause__ is None for r in results)
    assert kept < 500_000, f"{kept:,} bytes still held by {len(results)} errors"
