"""The upload queue keeps every dropped file and every request on disk before anything else."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from st_desktop.errors import StoreError
from st_desktop.store.upload_records import MIGRATIONS, SCHEMA
from st_desktop.store.uploads import (
    DB_NAME,
    SCHEMA_VERSION,
    ItemState,
    Outcome,
    UploadStore,
    file_hash,
)
from tests.unit.store.db_helpers import user_version


@pytest.fixture
def store(tmp_path: Path):
    s = UploadStore(tmp_path / "data")
    yield s
    s.close()


def test_added_file_is_copied_and_recorded_before_returning(tmp_path: Path, store) -> None:
    source = tmp_path / "ride.gpx"
    source.write_bytes(b"<gpx>ride</gpx>")
    item, is_new = store.add_file(source)
    assert is_new
    assert item.state == ItemState.NEW
    assert item.display_name == "ride.gpx"
    source.unlink()  # the user deletes the original: our copy stays
    assert store.read_data(item) == b"<gpx>ride</gpx>"
    assert store.inbox_path(item).name == f"{file_hash(b'<gpx>ride</gpx>')}.gpx"
    # A second process (a restart) sees the same queue.
    again = UploadStore(tmp_path / "data")
    try:
        assert [i.display_name for i in again.items()] == ["ride.gpx"]
    finally:
        again.close()
    assert not list(store.inbox.glob(".incoming-*"))


def test_same_bytes_twice_is_one_item(store) -> None:
    first, new1 = store.add_bytes(b"abc", "a.fit", "/x/a.fit")
    second, new2 = store.add_bytes(b"abc", "copy of a.fit", "/y/a.fit")
    assert (new1, new2) == (True, False)
    assert first.id == second.id
    assert len(store.items()) == 1


def test_unreadable_file_is_a_sentence(tmp_path: Path, store) -> None:
    with pytest.raises(StoreError, match=r"missing\.fit could not be read"):
        store.add_file(tmp_path / "missing.fit")


def test_edits_and_parse_facts_round_trip(store) -> None:
    item, _ = store.add_bytes(b"abc", "a.fit", "/x/a.fit")
    start = datetime(2024, 5, 4, 7, 12, 5, tzinfo=UTC)
    store.update(item.id, format="FIT", start_time=start, distance=1234.5, name="Evening")
    got = store.get(item.id)
    assert (got.format, got.start_time, got.distance, got.name) == ("FIT", start, 1234.5, "Evening")
    with pytest.raises(TypeError):
        store.update(item.id, sha256="nope")


def test_enqueue_and_remove_rules(store) -> None:
    item, _ = store.add_bytes(b"abc", "a.fit", "/x/a.fit")
    queued = store.enqueue(item.id, "acct", allow_uris=["u9"])
    assert queued.state == ItemState.QUEUED
    assert queued.allow_uris == ("u9",)
    assert [i.id for i in store.active("acct")] == [item.id]
    assert store.active("other") == []
    assert store.remove(item.id) is True
    assert store.items() == []
    assert not store.inbox_path(item).exists()


def test_ledger_rows_are_open_until_completed(store) -> None:
    item, _ = store.add_bytes(b"abc", "a.fit", "/x/a.fit")
    store.enqueue(item.id, "acct")
    attempt = store.begin_attempt(store.get(item.id), "acct")
    assert store.get(item.id).state == ItemState.UPLOADING
    assert not store.remove(item.id)  # in flight: cannot be forgotten
    assert [a.id for a in store.open_attempts(item.id)] == [attempt]
    store.complete_attempt(attempt, Outcome.UNKNOWN, error="dropped")
    assert [a.outcome for a in store.open_attempts(item.id)] == [Outcome.UNKNOWN]
    assert store.uploaded_before("acct", item.sha256) is None
    store.complete_attempt(attempt, Outcome.STORED, ["u1"])
    assert store.open_attempts(item.id) == []
    hit = store.uploaded_before("acct", item.sha256)
    assert hit is not None
    assert hit.uris == ("u1",)
    assert store.uploaded_before("someone-else", item.sha256) is None


def test_the_answer_and_the_item_state_are_one_commit(store) -> None:
    """Stored means uploaded in the same commit: no crash can leave it to be sent again."""
    item, _ = store.add_bytes(b"abc", "a.fit", "/x/a.fit")
    store.enqueue(item.id, "acct")
    attempt = store.begin_attempt(store.get(item.id), "acct")
    uploaded = {"state": ItemState.UPLOADED, "uris": ("u1",), "error": None}
    store.complete_attempt(attempt, Outcome.STORED, ["u1"], item_fields=uploaded)
    got = store.get(item.id)
    assert (got.state, got.uris, got.error) == (ItemState.UPLOADED, ("u1",), None)
    assert store.open_attempts(item.id) == []
    # A bad item change rolls the ledger back too: both happen, or neither.
    other, _ = store.add_bytes(b"def", "b.fit", "/x/b.fit")
    store.enqueue(other.id, "acct")
    second = store.begin_attempt(store.get(other.id), "acct")
    with pytest.raises(TypeError):
        store.complete_attempt(second, Outcome.STORED, ["u2"], item_fields={"sha256": "x"})
    assert [a.id for a in store.open_attempts(other.id)] == [second]
    assert store.get(other.id).state == ItemState.UPLOADING


def test_cancel_takes_back_only_items_still_waiting(store) -> None:
    waiting, _ = store.add_bytes(b"one", "a.fit", "/x/a.fit")
    flying, _ = store.add_bytes(b"two", "b.fit", "/x/b.fit")
    for item in (waiting, flying):
        store.enqueue(item.id, "acct")
    store.begin_attempt(store.get(flying.id), "acct")  # its request is out
    assert store.unqueue([waiting.id, flying.id]) == [waiting.id]
    assert store.get(waiting.id).state == ItemState.NEW
    assert store.get(waiting.id).account is None
    assert store.get(flying.id).state == ItemState.UPLOADING
    assert store.active("acct") == [store.get(flying.id)]


def test_a_version_2_queue_keeps_its_items_and_gains_the_suggested_name(tmp_path: Path) -> None:
    data_dir = tmp_path / "old"
    data_dir.mkdir()
    conn = sqlite3.connect(data_dir / DB_NAME)  # as the last release left it
    conn.executescript(SCHEMA)
    migrate_to_2 = dict(MIGRATIONS)[2]
    assert callable(migrate_to_2)
    migrate_to_2(conn)
    conn.execute(
        "INSERT INTO items (sha256, ext, display_name, source, state, name, created_at, "
        "updated_at) VALUES (?, 'gpx', 'old.gpx', '/x/old.gpx', 'new', 'Old name', 0, 0)",
        ("b" * 64,),
    )
    conn.execute("PRAGMA user_version=2")
    conn.commit()
    conn.close()
    store = UploadStore(data_dir)
    try:
        [item] = store.items()
        assert (item.display_name, item.name, item.suggested_name) == ("old.gpx", "Old name", None)
        updated = store.update(item.id, suggested_name="Morning Ride")
        assert updated.suggested_name == "Morning Ride"
    finally:
        store.close()
    assert user_version(data_dir / DB_NAME) == SCHEMA_VERSION == 3
