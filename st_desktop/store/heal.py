"""Setting a damaged database aside, and what can still be read from it.

A damaged file is never deleted or overwritten: it is renamed ``<name>.damaged-<timestamp>``
(with its ``-wal`` and ``-shm`` companions, so the set still opens together) and a new file takes
its place. The queue reads what it can from the renamed copy before it is rebuilt.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

log = logging.getLogger(__name__)

_COMPANIONS = ("-wal", "-shm", "-journal")


def set_aside(path: Path, clock: float | None = None) -> Path | None:
    """Rename a damaged database (and its companions) out of the way; None if it was not there.

    Args:
        path: the database file.
        clock: epoch seconds for the name (default: now).

    Raises:
        OSError: the rename failed (the caller must not create a new file then).
    """
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(time.time() if clock is None else clock))
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    moved = False
    if path.exists():
        path.rename(target)
        moved = True
    for suffix in _COMPANIONS:
        companion = Path(f"{path}{suffix}")
        if companion.exists():
            companion.rename(Path(f"{target}{suffix}"))
            moved = True
    if not moved:
        return None
    log.warning("set the damaged database %s aside as %s", path, target.name)
    return target


def salvage(path: Path, sql: str) -> list[tuple[object, ...]]:
    """The rows of ``sql`` that a damaged database still yields (read-only; stops at the damage).

    Never raises: a file that cannot be read at all yields nothing.
    """
    rows: list[tuple[object, ...]] = []
    try:
        uri = f"file:{quote(str(path))}?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return rows
    try:
        for row in conn.execute(sql):
            rows.append(tuple(row))
    except sqlite3.Error as exc:
        log.info("salvaged %d row(s) of %s before: %s", len(rows), path.name, exc)
    finally:
        conn.close()
    return rows
