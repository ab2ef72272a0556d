"""Drops that never sink: odd things dropped become rows of their own, never a hang or a crash."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from st_desktop.errors import StoreError
from st_desktop.services.intake import Skipped, Source, expand, ingest
from st_desktop.store.uploads import UploadStore

from .upload_helpers import START, make_gpx, write_gpx

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


def by_name(entries: list[Source | Skipped]) -> dict[str, Source | Skipped]:
    return {e.display_name: e for e in entries}


@posix_only
def test_a_named_pipe_called_gpx_is_listed_as_skipped_and_never_opened(tmp_path: Path) -> None:
    good = write_gpx(tmp_path, "good.gpx", START)
    fifo = tmp_path / "x.gpx"
    os.mkfifo(fifo)  # opening it for reading would block until a writer comes: never
    folder = tmp_path / "folder"
    folder.mkdir()
    os.mkfifo(folder / "y.gpx")
    entries = by_name(expand([fifo, good, folder]))
    assert isinstance(entries["good.gpx"], Source)
    assert isinstance(entries["x.gpx"], Skipped)
    assert (
        entries["x.gpx"].reason == "This is a named pipe, not an activity file; it was not opened."
    )
    assert isinstance(entries["y.gpx"], Skipped)


@posix_only
def test_sockets_devices_and_link_loops_are_skipped_with_their_reason(tmp_path: Path) -> None:
    sock_path = tmp_path / "s.fit"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock_path))
    loop = tmp_path / "loop.gpx"
    loop.symlink_to(loop)
    try:
        entries = by_name(expand([sock_path, Path("/dev/null"), loop, tmp_path / "gone.fit"]))
    finally:
        server.close()
    reasons = {name: e.reason for name, e in entries.items() if isinstance(e, Skipped)}
    assert reasons == {
        "s.fit": "This is a socket, not an activity file; it was not opened.",
        "null": "This is a device, not an activity file; it was not opened.",
        "loop.gpx": "This is a symbolic link that points to itself (a loop); it was not read.",
        "gone.fit": "The file no longer exists.",
    }


@posix_only
def test_a_folder_linking_to_itself_is_walked_once(tmp_path: Path) -> None:
    folder = tmp_path / "rides"
    folder.mkdir()
    write_gpx(folder, "a.gpx", START)
    (folder / "again").symlink_to(folder, target_is_directory=True)
    entries = expand([folder])
    assert [e.display_name for e in entries if isinstance(e, Source)] == ["a.gpx"]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux keeps undecodable names as bytes")
def test_a_file_name_that_is_not_utf8_is_kept_exactly_and_shown_readably(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    raw_name = os.fsdecode(b"Fahrt \xe4 M\xfcnchen.gpx")  # Latin-1 bytes from an old device
    (folder / raw_name).write_bytes(make_gpx(START))
    [entry] = expand([folder])
    assert isinstance(entry, Source)
    assert entry.display_name == "Fahrt \ufffd M\ufffdnchen.gpx"
    assert entry.path.name == raw_name  # the real path is untouched, so it can be read
    store = UploadStore(tmp_path / "queue")
    try:
        ingested = ingest(store, entry)
        assert ingested.activity is not None
        [item] = store.items()
        assert item.display_name == entry.display_name
        assert len(list(store.inbox.iterdir())) == 1  # recorded, no orphan copy
    finally:
        store.close()


def test_a_file_that_cannot_be_read_as_an_activity_is_still_kept_in_the_inbox(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"\x0e\x10" + bytes(200))  # not a FIT file: the parse fails
    store = UploadStore(tmp_path / "data")

    result = ingest(store, Source(broken.name, str(broken), broken))

    assert result.activity is None
    assert result.error
    assert store.read_data(store.get(result.item.id)) == broken.read_bytes()
    store.close()
    reopened = UploadStore(tmp_path / "data")  # as after a restart: the row is there
    assert [item.display_name for item in reopened.items()] == ["broken.fit"]
    reopened.close()


def test_a_file_read_while_its_copy_fails_is_not_reported_as_kept(tmp_path: Path) -> None:
    ride = write_gpx(tmp_path, "ride.gpx", START)
    store = UploadStore(tmp_path / "data")
    store.inbox.rmdir()
    store.inbox.write_bytes(b"")  # the inbox is not a folder: no copy can be written

    with pytest.raises(StoreError, match="copy of the file could not be kept"):
        ingest(store, Source(ride.name, str(ride), ride))

    assert store.items() == []
    store.close()
