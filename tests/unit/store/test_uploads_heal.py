"""The upload queue always opens: a damaged one is kept and rebuilt from the inbox files."""

from __future__ import annotations

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from st_desktop.errors import StoreError
from st_desktop.store.queue_repair import ORPHAN_SOURCE, RECOVERED_SOURCE
from st_desktop.store.upload_records import SCHEMA
from st_desktop.store.uploads import DB_NAME, ItemState, UploadStore, file_hash
from tests.conftest import REPO_ROOT
from tests.unit.store.db_helpers import (
    failing_inserts,
    full_disk,
    random_bytes,
    read_only,
    scribble_page,
    set_user_version,
    truncate,
    user_version,
)

pytestmark = pytest.mark.expect_log("damaged", "cannot be opened", "newer than", "inbox file")

FILES = {b"<gpx>one</gpx>": "morning.gpx", b"FIT-two" * 100: "evening.fit"}


def dropped(data_dir: Path) -> list[str]:
    store = UploadStore(data_dir)
    try:
        for data, name in FILES.items():
            store.add_bytes(data, name, f"/home/me/{name}")
        return [file_hash(data) for data in FILES]
    finally:
        store.close()


def aside_of(data_dir: Path) -> Path:
    found = data_dir.glob(f"{DB_NAME}.damaged-*")
    (aside,) = [p for p in found if not p.name.endswith(("-wal", "-shm"))]
    return aside


def assert_rebuilt(store: UploadStore, notice: str | None, names: set[str]) -> None:
    assert notice is not None
    assert notice.startswith("The upload queue was damaged and has been rebuilt from the 2 file(s)")
    items = store.items()
    assert {i.display_name for i in items} == names
    assert {i.source for i in items} == {RECOVERED_SOURCE}
    assert {i.state for i in items} == {ItemState.NEW}
    assert {store.read_data(i) for i in items} == set(FILES)  # the files are the truth


@pytest.mark.parametrize("damage", ["random bytes", "truncated", "zero bytes", "no items"])
def test_a_damaged_queue_is_kept_and_rebuilt_from_the_inbox(tmp_path: Path, damage: str) -> None:
    data_dir = tmp_path / "data"
    hashes = dropped(data_dir)
    path = data_dir / DB_NAME
    if damage == "random bytes":
        random_bytes(path)
    elif damage == "truncated":
        truncate(path, 0.3)
    elif damage == "zero bytes":
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        path.write_bytes(b"")
    else:
        conn = sqlite3.connect(path)
        conn.execute("DELETE FROM items")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    store, notice = UploadStore.open(data_dir)
    aside = aside_of(data_dir)
    assert notice is not None
    assert aside.name in notice
    assert aside.read_bytes() == before  # kept as it was
    fallback = {
        f"{h[:12]}.{n.rsplit('.', 1)[1]}" for h, n in zip(hashes, FILES.values(), strict=True)
    }
    assert_rebuilt(store, notice, fallback)
    store.close()
    again, notice = UploadStore.open(data_dir)  # healed for good
    assert notice is None
    assert len(again.items()) == 2
    again.close()


def test_names_are_salvaged_from_a_damaged_queue_that_still_reads(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    dropped(data_dir)
    path = data_dir / DB_NAME
    conn = sqlite3.connect(path)
    page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'ledger'").fetchone()[0]
    conn.close()
    scribble_page(path, page)  # the ledger is gone; the items table still reads
    store, notice = UploadStore.open(data_dir)
    assert_rebuilt(store, notice, set(FILES.values()))
    store.close()


def test_inbox_files_missing_from_a_sound_queue_are_listed_again(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    dropped(data_dir)
    orphan = b"<tcx>lost row</tcx>"
    (data_dir / "inbox" / f"{file_hash(orphan)}.tcx").write_bytes(orphan)
    (data_dir / "inbox" / ".incoming-abc123").write_bytes(b"half a file")  # a crash's leftover
    store, notice = UploadStore.open(data_dir)
    assert notice == (
        "1 file(s) in the upload inbox were missing from the upload list and have been listed "
        "again."
    )
    items = store.items()
    assert len(items) == 3
    assert (items[-1].source, items[-1].state) == (ORPHAN_SOURCE, ItemState.NEW)
    assert store.read_data(items[-1]) == orphan
    assert not list((data_dir / "inbox").glob(".incoming-*"))
    assert not list(data_dir.glob(f"{DB_NAME}.damaged-*"))  # nothing was damaged
    store.close()


def test_a_queue_from_a_newer_version_is_shown_but_refuses_new_files(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    dropped(data_dir)
    path = data_dir / DB_NAME
    set_user_version(path, 99)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    store, notice = UploadStore.open(data_dir)
    sentence = "This upload queue was written by a newer st-desktop; it is opened read-only."
    assert notice == sentence
    assert len(store.items()) == 2
    with pytest.raises(StoreError, match="newer st-desktop"):
        store.add_bytes(b"new", "new.fit", "/x/new.fit")
    assert not (data_dir / "inbox" / f"{file_hash(b'new')}.fit").exists()
    store.close()
    assert user_version(path) == 99
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("opener", "sentence"),
    [
        (full_disk, "The local upload queue could not be opened: the disk is full."),
        (read_only, "The local upload queue could not be opened: the file cannot be opened"),
    ],
)
def test_a_queue_that_cannot_be_opened_refuses_drops_with_the_reason(
    tmp_path: Path, opener: object, sentence: str
) -> None:
    data_dir = tmp_path / "data"
    store, notice = UploadStore.open(data_dir, connect=opener)  # type: ignore[arg-type]
    assert notice is not None
    assert notice.startswith(sentence)
    assert not store.available
    assert store.items() == []
    assert store.active("acct") == []
    assert store.uploaded_before("acct", "0" * 64) is None
    source = tmp_path / "ride.gpx"
    source.write_bytes(b"<gpx/>")
    for add in (
        lambda: store.add_bytes(b"<gpx/>", "ride.gpx", "/x"),
        lambda: store.add_file(source),
    ):
        with pytest.raises(StoreError) as caught:
            add()
        assert str(caught.value) == notice
    assert list((data_dir / "inbox").iterdir()) == []  # nothing half-written
    store.close()


def test_a_failed_inbox_write_leaves_no_copy_and_no_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = UploadStore(tmp_path / "data")

    def no_room(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("st_desktop.store.inbox.os.fsync", no_room)
    with pytest.raises(StoreError, match="There is no room on the disk to keep a copy"):
        store.add_bytes(b"<gpx/>", "ride.gpx", "/x/ride.gpx")
    monkeypatch.undo()
    assert list(store.inbox.iterdir()) == []
    assert store.items() == []
    store.close()


def test_a_failed_row_leaves_no_inbox_copy(tmp_path: Path) -> None:
    UploadStore(tmp_path / "data").close()
    store = UploadStore(tmp_path / "data", connect=failing_inserts)
    with pytest.raises(StoreError, match="could not be written: the disk is full"):
        store.add_bytes(b"<gpx/>", "ride.gpx", "/x/ride.gpx")
    assert list(store.inbox.iterdir()) == []
    store.close()
    reopened, notice = UploadStore.open(tmp_path / "data")
    assert (reopened.items(), notice) == ([], None)
    reopened.close()


def test_names_that_are_not_unicode_round_trip(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    raw_name = b"ride-\xff\xfe-caf\xe9.gpx"  # Latin-1 bytes in a UTF-8 world
    name = os.fsdecode(raw_name)
    source = tmp_path / name
    source.write_bytes(b"<gpx>odd name</gpx>")
    store = UploadStore(data_dir)
    item, is_new = store.add_file(source)
    assert is_new
    assert item.display_name == name
    assert os.fsencode(item.source) == os.fsencode(str(tmp_path)) + b"/" + raw_name
    store.update(item.id, error=f"{name} was refused")
    store.close()
    again = UploadStore(data_dir)
    (back,) = again.items()
    assert (back.display_name, back.source, back.error) == (
        name,
        os.fspath(source),
        f"{name} was refused",
    )
    assert again.inbox_path(back).name.endswith(".gpx")
    again.close()


def test_the_same_file_added_at_once_by_several_processes_is_listed_once(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    UploadStore(data_dir).close()
    stores = [UploadStore(data_dir) for _ in range(4)]  # a connection each, as processes have
    start = threading.Barrier(len(stores))
    results: list[tuple[int, bool]] = []
    errors: list[BaseException] = []

    def add(store: UploadStore) -> None:
        start.wait()
        try:
            for attempt in range(5):
                item, new = store.add_bytes(b"<gpx>same</gpx>", f"copy{attempt}.gpx", "/x")
                results.append((item.id, new))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len({item_id for item_id, _ in results}) == 1
    assert sum(new for _, new in results) == 1
    assert len(stores[0].items()) == 1
    for store in stores:
        store.close()


def test_the_database_refuses_a_second_live_row_for_the_same_bytes(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_NAME)  # a version-1 queue with a race's duplicates
    conn.executescript(SCHEMA + "PRAGMA user_version=1;")
    insert = (
        "INSERT INTO items (sha256, ext, display_name, source, state, created_at, updated_at) "
        "VALUES (?, 'fit', ?, '/x', 'queued', 0, 0)"
    )
    conn.executemany(insert, [("a" * 64, "first.fit"), ("a" * 64, "second.fit")])
    conn.commit()
    conn.close()
    store = UploadStore(data_dir)
    assert [i.display_name for i in store.items()] == ["first.fit"]
    assert [i.display_name for i in store.items(include_archived=True)] == [
        "first.fit",
        "second.fit",
    ]
    store.close()
    conn = sqlite3.connect(data_dir / DB_NAME)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(insert, ("a" * 64, "third.fit"))
    conn.close()


def test_a_deleted_queue_is_rebuilt_from_the_inbox(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    dropped(data_dir)
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        (data_dir / name).unlink(missing_ok=True)
    store, notice = UploadStore.open(data_dir)
    assert (
        notice
        == "The upload queue was missing and has been rebuilt from the 2 file(s) in its inbox."
    )
    assert {i.source for i in store.items()} == {RECOVERED_SOURCE}
    assert not list(data_dir.glob(f"{DB_NAME}.damaged-*"))  # nothing to keep
    store.close()


CHILD = """
import sys
from pathlib import Path
from st_desktop.store.uploads import UploadStore
store = UploadStore(Path(sys.argv[1]))
start = Path(sys.argv[2])
while not start.exists():  # all children are ready: go at once
    pass
for attempt in range(5):
    item, new = store.add_bytes(b"<gpx>same</gpx>", f"copy{attempt}.gpx", "/x")
    print(item.id, int(new), flush=True)
store.close()
"""


def test_the_same_file_added_at_once_by_separate_processes_is_listed_once(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    UploadStore(data_dir).close()
    start = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(data_dir), str(start)],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=REPO_ROOT,
        )
        for _ in range(3)
    ]
    start.touch()
    lines = []
    for child in children:
        out, _ = child.communicate(timeout=60)
        assert child.returncode == 0
        lines += out.split()
    ids, news = lines[0::2], lines[1::2]
    assert len(ids) == 15
    assert len(set(ids)) == 1
    assert news.count("1") == 1
    store = UploadStore(data_dir)
    assert len(store.items(include_archived=True)) == 1
    store.close()
