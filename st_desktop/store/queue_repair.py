"""Opening the upload queue so that the app always starts: the inbox files are the truth.

:func:`open_healed` (behind :meth:`UploadStore.open`) decides:

- the database is damaged (not a database, truncated, fails ``quick_check``), zero bytes, or
  holds no item at all while the inbox holds files: it is set aside (kept, never overwritten or
  deleted), a new one is created, and every inbox file is listed again as a new item, named as
  the damaged copy still says where it can be read, else ``<sha-prefix>.<ext>``;
- the database is sound but some inbox files have no item (a crash between the copy and its
  row in an older version, or a lost row): those are listed again;
- it cannot be opened (full or read-only disk, locked ...): an unavailable store that says why.

Inbox files of uploaded and archived items are deleted when archived, so every file left in the
inbox is work to keep.
"""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path
from typing import Any

from st_desktop.store.db import Connect, DatabaseError, Problem
from st_desktop.store.heal import salvage, set_aside
from st_desktop.store.inbox import DB_NAME, INBOX, INCOMING
from st_desktop.store.upload_records import ItemState, text_from_db, text_to_db

#: The UploadStore class and its instances, passed in by ``UploadStore.open`` (this module is
#: its healing half; naming the class here would make the two modules import each other).
UploadStore = Any

log = logging.getLogger(__name__)

RECOVERED_SOURCE = "recovered from the damaged upload queue"
ORPHAN_SOURCE = "recovered from the upload inbox"
_INBOX_NAME = re.compile(r"^([0-9a-f]{64})\.([^.]+)$")


def inbox_files(inbox: Path) -> list[tuple[str, str, Path]]:
    """``(sha256, ext, path)`` of every finished copy in the inbox, oldest first."""
    found: list[tuple[float, str, str, Path]] = []
    try:
        entries = list(os.scandir(inbox))
    except OSError:
        return []
    for entry in entries:
        match = _INBOX_NAME.match(entry.name)
        if match and entry.is_file():
            found.append((entry.stat().st_mtime, match[1], match[2], Path(entry.path)))
    return [(sha, ext, path) for _, sha, ext, path in sorted(found)]


def open_healed(
    cls: type[UploadStore], data_dir: Path, clock: Any, connect: Connect
) -> tuple[UploadStore, str | None]:
    """See :meth:`UploadStore.open`."""
    path, files = data_dir / DB_NAME, inbox_files(data_dir / INBOX)
    existed = path.exists()
    why = "it is empty" if files and existed and path.stat().st_size == 0 else None
    if why is None:
        try:
            store = cls(data_dir, clock, connect=connect)
        except DatabaseError as exc:
            if exc.problem is not Problem.CORRUPT:
                log.warning("the upload queue cannot be opened: %s (%s)", exc, exc.detail)
                return cls.unavailable(data_dir, exc.user_message), exc.user_message
            why = exc.detail or str(exc)
        else:
            if not existed and files:  # deleted, or never written: nothing to set aside
                return store, _relist_orphans(store, missing=True)
            why = _damage(store, bool(files))
            if why is None:
                return store, _relist_orphans(store)
            store.close()
    return _rebuild(cls, data_dir, clock, connect, why)


def _damage(store: UploadStore, files: bool) -> str | None:
    """Why a store that opened must be rebuilt, or None."""
    assert store._db is not None
    if store._db.read_only:
        return None
    if not store._db.quick_check():
        return "quick_check failed"
    if files and store._db.query_one("SELECT 1 FROM items LIMIT 1") is None:
        return "it lists no item beside files in the inbox"
    return None


def _relist_orphans(store: UploadStore, missing: bool = False) -> str | None:
    if store.read_only_reason is not None:
        return str(store.read_only_reason)
    try:
        count = relist(store, RECOVERED_SOURCE if missing else ORPHAN_SOURCE, {})
    except DatabaseError as exc:
        log.warning("inbox files could not be listed again: %s", exc)
        return exc.user_message
    if missing:
        return (
            f"The upload queue was missing and has been rebuilt from the {count} file(s) in its "
            "inbox."
        )
    if not count:
        return None
    return (
        f"{count} file(s) in the upload inbox were missing from the upload list and have been "
        "listed again."
    )


def _rebuild(
    cls: type[UploadStore], data_dir: Path, clock: Any, connect: Connect, why: str
) -> tuple[UploadStore, str | None]:

    path = data_dir / DB_NAME
    log.warning("the upload queue %s is damaged (%s); rebuilding it from the inbox", path, why)
    try:
        aside = set_aside(path, clock())
    except OSError as exc:
        reason = (
            "The upload queue is damaged and could not be set aside "
            f"({exc.strerror or exc}); no files can be added until it is."
        )
        return cls.unavailable(data_dir, reason), reason
    names: dict[str, str] = {}
    if aside is not None:
        for sha, name in salvage(aside, "SELECT sha256, display_name FROM items ORDER BY id"):
            if isinstance(sha, str) and isinstance(name, str | bytes):
                names.setdefault(sha, text_from_db(name))
    kept = f" the damaged copy was kept as {aside.name}" if aside is not None else ""
    try:
        store = cls(data_dir, clock, connect=connect)
        count = relist(store, RECOVERED_SOURCE, names)
    except DatabaseError as exc:
        reason = f"The upload queue was damaged and could not be rebuilt: {exc.user_message}"
        return cls.unavailable(data_dir, reason), reason
    notice = (
        f"The upload queue was damaged and has been rebuilt from the {count} file(s) in its inbox"
    )
    return store, f"{notice};{kept}." if kept else f"{notice}."


def relist(store: UploadStore, source: str, names: dict[str, str]) -> int:
    """List every inbox file that no item names as a new item; returns how many.

    Runs in one write transaction: another process adds a file (copy and row) inside its own,
    so no copy seen here is half-recorded, and a leftover temporary copy is a crash's and goes.
    """
    now = store._clock()
    count = 0
    with store._tx() as conn:
        for leftover in store.inbox.glob(f"{INCOMING}*"):
            leftover.unlink(missing_ok=True)
        known = {row[0] for row in conn.execute("SELECT DISTINCT sha256 FROM items")}
        for sha, ext, path in inbox_files(store.inbox):
            if sha in known:
                continue
            known.add(sha)
            name = names.get(sha) or f"{sha[:12]}.{ext}"
            conn.execute(
                "INSERT INTO items (sha256, ext, display_name, source, state, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sha, ext, text_to_db(name), source, ItemState.NEW.value, _mtime(path, now), now),
            )
            count += 1
    if count:
        log.warning("listed %d inbox file(s) again (%s)", count, source)
    return count


def _mtime(path: Path, default: float) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return default


__all__ = ["ORPHAN_SOURCE", "RECOVERED_SOURCE", "inbox_files", "open_healed", "relist"]
