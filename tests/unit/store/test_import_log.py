"""The import log: durable, atomic claims, migrations by user_version, read-only when newer."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from st_desktop.errors import StoreError
from st_desktop.store.import_log import DB_NAME, SCHEMA_VERSION, Decision, ImportLog


def test_a_claim_survives_a_restart_and_blocks_the_same_bytes(tmp_path: Path) -> None:
    log = ImportLog(tmp_path)
    assert log.claim("abc", "folder:/x", "ride.fit", Decision.TAKEN, (10, 5)) is None
    log.close()

    again = ImportLog(tmp_path)
    seen = again.claim("abc", "device:garmin:1", "GARMIN/Activity/r.fit", Decision.TAKEN, (10, 9))
    assert seen == Decision.TAKEN
    copy = again.files("device:garmin:1")["GARMIN/Activity/r.fit"]
    assert copy.decision == Decision.KNOWN  # recorded, so the next rescan skips it unread
    again.settle("abc", Decision.UPLOADED)
    assert again.hashes(Decision.UPLOADED) == ["abc"]
    record = again.files("folder:/x", "ride.fit").get("ride.fit")
    assert record is not None
    assert record.decision == Decision.UPLOADED  # the file row follows its bytes' outcome
    assert again.files("folder:/x")["ride.fit"].size == 10
    again.close()


def test_the_database_is_in_wal_mode_with_the_current_schema_version(tmp_path: Path) -> None:
    ImportLog(tmp_path).close()
    db = sqlite3.connect(tmp_path / DB_NAME)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    db.close()


def test_two_threads_claiming_the_same_bytes_get_one_claim(tmp_path: Path) -> None:
    log = ImportLog(tmp_path)
    results: list[Decision | None] = []
    barrier = threading.Barrier(8)

    def claim(n: int) -> None:
        barrier.wait()
        results.append(log.claim("same", f"folder:/{n}", "ride.fit", Decision.TAKEN, None))

    threads = [threading.Thread(target=claim, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(None) == 1
    assert results.count(Decision.TAKEN) == 7
    log.close()


def test_released_bytes_may_be_taken_again(tmp_path: Path) -> None:
    log = ImportLog(tmp_path)
    log.claim("gone", "folder:/x", "a.fit", Decision.TAKEN, (1, 1))
    assert log.hashes(Decision.TAKEN) == ["gone"]
    log.settle("gone", None)
    assert log.hashes(Decision.TAKEN) == []
    assert log.files("folder:/x") == {}
    assert log.claim("gone", "folder:/x", "a.fit", Decision.TAKEN, None) is None
    log.close()


def test_last_sync_per_source(tmp_path: Path) -> None:
    log = ImportLog(tmp_path, clock=lambda: 1234.5)
    assert log.last_sync("device:garmin:1") is None
    log.set_last_sync("device:garmin:1")
    assert log.last_sync("device:garmin:1") == 1234.5
    log.close()


@pytest.mark.expect_log("newer than")
def test_a_log_from_a_newer_version_is_read_but_never_changed(tmp_path: Path) -> None:
    ImportLog(tmp_path).close()
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.execute("INSERT INTO hashes VALUES ('h', 'uploaded', 's', 'p', 0)")
    db.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    log = ImportLog(tmp_path)
    assert log.read_only
    assert log.hashes(Decision.UPLOADED) == ["h"]
    with pytest.raises(StoreError, match="newer"):
        log.claim("other", "s", "p", Decision.TAKEN, None)
    log.close()


@pytest.mark.expect_log("damaged")
def test_a_damaged_log_is_set_aside_and_started_again(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"this is not a database" * 100)
    log = ImportLog(tmp_path)
    assert log.claim("h", "s", "p", Decision.TAKEN, None) is None  # usable again
    log.close()
    [aside] = tmp_path.glob(f"{DB_NAME}.damaged-*")
    assert aside.read_bytes().startswith(b"this is not a database")  # kept, not deleted
