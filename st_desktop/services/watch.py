"""Watched folders: new activity files, taken only once they have settled.

File-system events come from ``watchdog`` (inotify, FSEvents, ReadDirectoryChangesW). It was
chosen over ``QFileSystemWatcher``, which watches single directories (files in a subfolder made
after the watch started are missed), holds one OS watch per directory (Linux's inotify limit
is soon reached by a deep sync folder) and would pull Qt into the plain services layer.
Events are only hints: a periodic rescan (at start, then every minute by default) finds what
they missed: a folder on a network share, a folder over the OS limit, or watchdog not being
installed at all. The rescan is cheap: it compares each file's size and modification time with
what the import log already knows (``known``) and reads nothing.

A file is handed on once it has *settled*: its size and modification time were the same at two
polls ``settle_s`` apart, or it was renamed into place (a sync tool writing ``ride.fit.part``
then renaming it). A file still being written slowly is never read half-way, so it never
becomes a "damaged file" row. Temporary and hidden names are never considered.

Nothing here blocks on its own: the owner calls :meth:`FolderWatcher.poll` from a worker
(every second or so, when :meth:`FolderWatcher.due` says so); tests call it directly with an
injected clock.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

#: Activity files a watcher takes (archives are left alone: a watched folder's zip is usually
#: a whole account export, not one new ride).
SUFFIXES = (".fit", ".tcx", ".gpx", ".fit.gz", ".tcx.gz", ".gpx.gz")
#: Names sync tools and browsers write before renaming into place.
TEMPORARY_SUFFIXES = (".part", ".partial", ".tmp", ".temp", ".crdownload", ".download", "~")
MAX_DEPTH = 6
SETTLE_S = 5.0
RESCAN_S = 60.0

Known = Callable[[str], Mapping[str, tuple[int, int]]]


def is_activity_name(name: str) -> bool:
    """Whether a file called ``name`` is a finished activity file (not hidden, not temporary)."""
    lower = name.lower()
    if lower.startswith((".", "~$")) or lower.endswith(TEMPORARY_SUFFIXES):
        return False
    return lower.endswith(SUFFIXES)


@dataclass(frozen=True)
class WatchedFolder:
    """A folder the user asked to watch.

    Attributes:
        path: the folder (absolute).
        auto: upload what appears (True) or only add it to the list (False).
    """

    path: Path
    auto: bool = True

    @property
    def source(self) -> str:
        """The import log's name for this folder."""
        return f"folder:{self.path}"


@dataclass(frozen=True)
class FileSeen:
    """A settled file in a watched folder.

    Attributes:
        source: the folder's import-log name.
        root: the watched folder.
        path: the file.
        size, mtime_ns: what ``stat`` said when it settled.
        auto: the folder's "upload automatically" choice.
    """

    source: str
    root: Path
    path: Path
    size: int
    mtime_ns: int
    auto: bool = True

    @property
    def rel(self) -> str:
        """The path inside its folder, with forward slashes."""
        return self.path.relative_to(self.root).as_posix()


@dataclass
class _Pending:
    folder: WatchedFolder
    size: int = -1  # -1: not looked at yet
    mtime_ns: int = -1
    since: float = 0.0
    moved: bool = False


class FolderWatcher:
    """Watches folders for activity files and hands them on once they have settled.

    Args:
        known: the import log's ``(size, mtime_ns)`` per path of a source; a rescan skips files
            that still match (they were dealt with before).
        settle_s: how long size and modification time must stay the same.
        rescan_s: seconds between rescans (0: only :meth:`rescan_now` asks for one).
        clock: monotonic seconds (tests inject one).
        use_events: listen to file-system events through watchdog (tests of the fallback turn
            it off).
    """

    def __init__(
        self,
        known: Known | None = None,
        *,
        settle_s: float = SETTLE_S,
        rescan_s: float = RESCAN_S,
        clock: Callable[[], float] = time.monotonic,
        use_events: bool = True,
    ) -> None:
        self._known = known or (lambda _source: {})
        self.settle_s = settle_s
        self.rescan_s = rescan_s
        self._clock = clock
        self._use_events = use_events
        self._lock = threading.Lock()
        self._schedule_lock = threading.Lock()  # set_folders (owner) and poll (worker) both may
        self._folders: dict[Path, WatchedFolder] = {}
        self._pending: dict[Path, _Pending] = {}
        self._rescan_at: float | None = None  # None: now
        self._observer: Any = None
        self._watches: dict[Path, Any] = {}
        #: folder -> why it is watched by rescans only (no events), in words.
        self.problems: dict[Path, str] = {}

    # ------------------------------------------------------------------ folders

    @property
    def folders(self) -> list[WatchedFolder]:
        """The folders watched."""
        with self._lock:
            return list(self._folders.values())

    def set_folders(self, folders: Iterable[WatchedFolder]) -> None:
        """Watch exactly these folders (a rescan follows at the next poll)."""
        wanted = {f.path: f for f in folders}
        with self._lock:
            self._folders = wanted
            self._pending = {p: e for p, e in self._pending.items() if e.folder.path in wanted}
            self._rescan_at = None
        if self._observer is not None:
            self._schedule()

    def folder_for(self, path: Path) -> WatchedFolder | None:
        """The watched folder holding ``path`` (the deepest, when folders nest)."""
        with self._lock:
            found = [f for f in self._folders.values() if path.is_relative_to(f.path)]
        return max(found, key=lambda f: len(f.path.parts), default=None)

    # ------------------------------------------------------------------ events

    def start(self) -> None:
        """Listen to file-system events (where watchdog is available)."""
        if not self._use_events or self._observer is not None:
            return
        try:
            from watchdog.observers import Observer
        except ImportError:
            log.info(
                "watchdog is not installed: watched folders are rescanned every %.0f s",
                self.rescan_s,
            )
            return
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()  # first: a folder that cannot be watched then fails alone
        self._schedule()

    def stop(self) -> None:
        """Stop listening (pending files are forgotten; the next start rescans)."""
        observer, self._observer = self._observer, None
        if observer is not None:
            observer.stop()
            observer.join(5.0)
        self._watches.clear()

    def _schedule(self) -> None:
        with self._schedule_lock:
            observer = self._observer
            if observer is None:
                return
            wanted = {f.path for f in self.folders}
            self.problems = {p: m for p, m in self.problems.items() if p in wanted}
            for path in list(self._watches):
                if path not in wanted:
                    observer.unschedule(self._watches.pop(path))
            for path in wanted - set(self._watches):
                if not path.is_dir():
                    self.problems[path] = "The folder is not there; it is looked for every minute."
                    continue
                try:
                    self._watches[path] = observer.schedule(
                        _EventRelay(self), str(path), recursive=True
                    )
                    self.problems.pop(path, None)
                except (OSError, ValueError) as exc:  # missing folder, the OS limit on watches
                    reason = getattr(exc, "strerror", None) or str(exc)
                    self.problems[path] = f"Changes are found by a rescan every minute ({reason})."
                    log.info("no file events for %s (%s): rescans only", path, reason)

    def notice(self, path: Path, *, moved: bool = False) -> None:
        """A file may have appeared or changed (thread-safe; called by the event thread)."""
        if not is_activity_name(path.name):
            return
        folder = self.folder_for(path)
        if folder is None:
            return
        with self._lock:
            entry = self._pending.get(path)
            if entry is None:
                self._pending[path] = _Pending(folder, moved=moved)
            elif moved:
                entry.moved = True

    def rescan_now(self) -> None:
        """Look through every folder at the next poll (a new subfolder, a resumed watcher)."""
        with self._lock:
            self._rescan_at = None

    # ------------------------------------------------------------------ polling

    def due(self) -> bool:
        """Whether :meth:`poll` has anything to do (cheap: no I/O)."""
        with self._lock:
            if not self._folders:
                return False
            rescan = self._rescan_at is None or (
                self.rescan_s > 0 and self._clock() >= self._rescan_at
            )
            return rescan or bool(self._pending)

    def pending(self) -> list[Path]:
        """Files seen and not settled yet."""
        with self._lock:
            return sorted(self._pending)

    def poll(self) -> list[FileSeen]:
        """Rescan when due, then return the files that have settled since the last poll."""
        now = self._clock()
        with self._lock:
            rescan = self._rescan_at is None or (self.rescan_s > 0 and now >= self._rescan_at)
            folders = list(self._folders.values())
        if rescan:
            if self._observer is not None and self.problems:
                self._schedule()  # a folder that was missing (not mounted) may be back
            self._rescan(folders, now)
        with self._lock:
            entries = list(self._pending.items())
        ready: list[FileSeen] = []
        for path, entry in entries:
            seen = self._check(path, entry, now)
            if seen is not None:
                ready.append(seen)
        return sorted(ready, key=lambda s: s.path)

    def _check(self, path: Path, entry: _Pending, now: float) -> FileSeen | None:
        try:
            info = path.stat()
        except OSError:
            info = None
        with self._lock:
            if self._pending.get(path) is not entry:
                return None  # the folder was removed meanwhile
            if info is None or not stat.S_ISREG(info.st_mode):
                del self._pending[path]  # gone (renamed away, deleted) or not a file
                return None
            if (info.st_size, info.st_mtime_ns) != (entry.size, entry.mtime_ns):
                first = entry.size < 0
                entry.size, entry.mtime_ns, entry.since = info.st_size, info.st_mtime_ns, now
                if not (first and entry.moved):
                    return None  # still changing: the clock starts again
            elif now - entry.since < self.settle_s and not entry.moved:
                return None
            if info.st_size == 0:
                entry.moved = False  # an empty file is a file still to be written
                return None
            del self._pending[path]
        folder = entry.folder
        return FileSeen(
            folder.source, folder.path, path, info.st_size, info.st_mtime_ns, folder.auto
        )

    def _rescan(self, folders: Sequence[WatchedFolder], now: float) -> None:
        found: dict[Path, tuple[WatchedFolder, os.stat_result]] = {}
        for folder in folders:
            known = self._known(folder.source)
            for path, info in activity_files(folder.path):
                rel = path.relative_to(folder.path).as_posix()
                if known.get(rel) != (info.st_size, info.st_mtime_ns):
                    found[path] = (folder, info)
        with self._lock:
            self._rescan_at = now + self.rescan_s if self.rescan_s > 0 else float("inf")
            for path, (folder, info) in found.items():
                if path not in self._pending and folder.path in self._folders:
                    self._pending[path] = _Pending(folder, info.st_size, info.st_mtime_ns, now)


class _EventRelay:
    """Turns watchdog's events into notices; runs on watchdog's thread.

    watchdog only ever calls ``dispatch``, so this needs no watchdog base class (and this
    module imports watchdog only when events are wanted).
    """

    def __init__(self, watcher: FolderWatcher) -> None:
        self._watcher = watcher

    def dispatch(self, event: Any) -> None:
        kind = event.event_type
        if event.is_directory:
            if kind in ("created", "moved"):
                self._watcher.rescan_now()  # a folder of files moved in at once: look inside
            return
        if kind == "moved":
            self._watcher.notice(Path(os.fsdecode(event.dest_path)), moved=True)
        elif kind in ("created", "modified", "closed"):
            self._watcher.notice(Path(os.fsdecode(event.src_path)))


def activity_files(root: Path) -> Iterable[tuple[Path, os.stat_result]]:
    """Activity files under ``root`` (hidden folders skipped, links to folders not followed)."""
    if not root.is_dir():
        return
    for current, dirs, files in os.walk(root):
        depth = len(Path(current).relative_to(root).parts)
        dirs[:] = [d for d in dirs if not d.startswith(".") and depth < MAX_DEPTH]
        for name in files:
            if not is_activity_name(name):
                continue
            path = Path(current, name)
            try:
                info = path.stat()
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                yield path, info
