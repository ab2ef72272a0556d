"""The one way the app opens SQLite: migrations, transactions, and failures as sentences."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from st_desktop.store.db import Database, DatabaseError, Migration, Problem, split_script
from tests.unit.store.db_helpers import (
    full_disk,
    random_bytes,
    read_only,
    set_user_version,
    truncate,
    user_version,
)

SCHEMA = "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);"


def open_db(path: Path, migrations: list[Migration] | None = None, **kwargs: object) -> Database:
    steps = migrations if migrations is not None else [(1, SCHEMA)]
    return Database(path, label="test notes", migrations=steps, **kwargs)  # type: ignore[arg-type]


def test_migrations_run_in_order_once_and_only_the_new_ones_later(tmp_path: Path) -> None:
    ran: list[int] = []

    def step(version: int) -> Migration:
        def apply(conn: sqlite3.Connection) -> None:
            ran.append(version)
            conn.execute(f"CREATE TABLE t{version} (x)")

        return (version, apply)

    path = tmp_path / "db.sqlite3"
    open_db(path, [step(1), step(2)]).close()
    assert ran == [1, 2]
    open_db(path, [step(1), step(2)]).close()
    assert ran == [1, 2]  # nothing again
    db = open_db(path, [step(1), step(2), (3, "CREATE TABLE t3 (x); CREATE INDEX t3x ON t3 (x);")])
    assert ran == [1, 2]
    assert db.version == 3
    db.close()
    assert user_version(path) == 3


def test_a_failing_migration_leaves_the_file_at_the_last_good_version(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_db(path).close()
    broken: list[Migration] = [(1, SCHEMA), (2, "CREATE TABLE ok (x); CREATE TABLE notes (x);")]
    with pytest.raises(DatabaseError, match="could not be opened"):
        open_db(path, broken)
    assert user_version(path) == 1
    db = open_db(path)
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'ok'") == []  # rolled back
    db.close()


@pytest.mark.expect_log("newer than")
def test_a_file_from_a_newer_version_opens_read_only_and_is_not_touched(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = open_db(path)
    with db.tx() as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('kept')")
    db.close()
    set_user_version(path, 99)
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    newer = open_db(path)
    assert newer.read_only
    assert newer.read_only_reason == (
        "This test notes was written by a newer st-desktop; it is opened read-only."
    )
    assert newer.query("SELECT text FROM notes") == [("kept",)]  # still readable
    with (
        pytest.raises(DatabaseError, match="written by a newer st-desktop") as caught,
        newer.tx() as conn,
    ):
        conn.execute("INSERT INTO notes (text) VALUES ('lost')")
    assert caught.value.problem is Problem.NEWER
    newer.close()
    assert user_version(path) == 99  # not "upgraded" back to 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_tx_commits_rolls_back_on_any_exception_and_nests(tmp_path: Path) -> None:
    db = open_db(tmp_path / "db.sqlite3")
    with db.tx() as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('one')")
        with db.tx(immediate=True) as inner:  # joins the outer transaction
            inner.execute("INSERT INTO notes (text) VALUES ('two')")

    def fails_midway() -> None:
        with db.tx() as conn:
            conn.execute("INSERT INTO notes (text) VALUES ('three')")
            raise KeyError("boom")

    def violates_a_constraint() -> None:
        with db.tx() as conn:
            conn.execute("INSERT INTO notes (text) VALUES ('four')")
            conn.execute("INSERT INTO notes (text) VALUES (NULL)")  # NOT NULL fails

    with pytest.raises(KeyError):
        fails_midway()
    with pytest.raises(DatabaseError, match="could not be written"):
        violates_a_constraint()
    assert db.query("SELECT text FROM notes ORDER BY id") == [("one",), ("two",)]
    db.close()
    with pytest.raises(DatabaseError, match="already closed"):
        db.query("SELECT 1")


def test_a_full_disk_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_db(path).close()
    db = open_db(path, connect=full_disk)
    with pytest.raises(DatabaseError) as caught, db.tx() as conn:
        conn.executemany("INSERT INTO notes (text) VALUES (?)", [("x" * 2000,)] * 50)
    assert caught.value.problem is Problem.FULL
    assert str(caught.value) == "The local test notes could not be written: the disk is full."
    assert db.query("SELECT count(*) FROM notes") == [(0,)]
    db.close()
    with pytest.raises(DatabaseError, match="could not be opened: the disk is full"):
        open_db(tmp_path / "new.sqlite3", connect=full_disk)  # no room for the schema


def test_an_error_without_a_code_is_told_by_its_text(tmp_path: Path) -> None:
    class Full(sqlite3.Connection):
        def execute(self, sql: str, *args: object) -> sqlite3.Cursor:  # type: ignore[override]
            if sql.startswith("INSERT"):
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)  # type: ignore[arg-type]

    db = open_db(
        tmp_path / "db.sqlite3", connect=lambda *a, **k: sqlite3.connect(*a, factory=Full, **k)
    )
    with pytest.raises(DatabaseError, match="the disk is full"), db.tx() as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('x')")
    db.close()


def test_a_read_only_medium_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    open_db(path).close()
    db = open_db(path, connect=read_only)
    assert db.query("SELECT count(*) FROM notes") == [(0,)]
    with pytest.raises(DatabaseError) as caught, db.tx() as conn:
        conn.execute("INSERT INTO notes (text) VALUES ('x')")
    assert caught.value.problem is Problem.READ_ONLY
    assert "could not be written: the disk or folder is read-only" in str(caught.value)
    db.close()
    with pytest.raises(DatabaseError) as missing:
        open_db(tmp_path / "absent.sqlite3", connect=read_only)
    assert missing.value.problem is Problem.CANNOT_OPEN


@pytest.mark.parametrize("damage", ["random", "truncated"])
def test_a_damaged_file_is_corrupt_at_open(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "db.sqlite3"
    if damage == "random":
        random_bytes(path)
    else:
        db = open_db(path)
        with db.tx() as conn:
            conn.executemany("INSERT INTO notes (text) VALUES (?)", [("x" * 500,)] * 200)
        db.close()
        truncate(path)
    with pytest.raises(DatabaseError, match="could not be opened: the file is damaged") as caught:
        open_db(path)
    assert caught.value.problem is Problem.CORRUPT


def test_a_lock_held_by_another_connection_is_said_so(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    db = open_db(path, busy_timeout_ms=50)
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(DatabaseError) as caught, db.tx(immediate=True):
            pass
        assert caught.value.problem is Problem.LOCKED
        assert "another program is using it" in str(caught.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()


def test_one_connection_is_shared_safely_by_threads(tmp_path: Path) -> None:
    db = open_db(tmp_path / "db.sqlite3")
    start = threading.Barrier(4)

    def writer(name: str) -> None:
        start.wait()
        for i in range(50):
            with db.tx() as conn:
                conn.execute("INSERT INTO notes (text) VALUES (?)", (f"{name}{i}",))

    threads = [threading.Thread(target=writer, args=(n,)) for n in "abcd"]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert db.query("SELECT count(*) FROM notes") == [(200,)]
    db.close()


def test_scripts_split_into_statements_triggers_included() -> None:
    script = """
        CREATE TABLE a (x);
        CREATE TRIGGER a_t AFTER INSERT ON a BEGIN
            INSERT INTO a (x) SELECT 1 WHERE 0; SELECT 2;
        END;
        -- a comment
        CREATE INDEX a_x ON a (x)
    """
    statements = split_script(script)
    assert len(statements) == 3
    assert statements[1].startswith("CREATE TRIGGER")
    assert statements[1].endswith("END;")
