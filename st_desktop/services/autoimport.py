"""Hands-free import without Qt: what a watcher may take ("never twice"), and in what order.

The rules, in the order they are applied to a settled file (:meth:`AutoImporter.take`):

1. Its source and path are in the import log with the same size and modification time: it was
   dealt with before (taken, skipped, left as history); nothing is read.
2. Its bytes are hashed (sha256 of the decompressed content, as the upload queue names files),
   and the hash is looked up in the import log: bytes seen before, under any name, in any
   folder, on any device, are never taken again, whatever became of them (uploaded, skipped as
   a duplicate, refused, damaged, or uploaded and then deleted from SportTracks by the user).
3. The upload queue's ledger (``UploadStore.uploaded_before``) is asked too: a file uploaded
   by hand is not uploaded again by a watcher.
4. Otherwise the hash is *claimed* (recorded as taken, in one transaction) before the file goes
   to the upload list, so a crash or a second copy arriving at the same moment cannot take it
   twice.

Files dropped by hand never pass through here: the user asked for them.

A device plugged in for the first time has no last sync: :meth:`AutoImporter.plan_device`
counts as new the activities newer than the newest workout already in the account (or all
of them when that is unknown); the rest are left as history unless the user asks for the
whole history. After a sync, every file then on the device is recorded, so later only what
appears after it is new.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from st_desktop.errors import ParseError
from st_desktop.services.devices import Device, DeviceFile
from st_desktop.services.intake import Source, read_source
from st_desktop.services.watch import FileSeen, WatchedFolder, activity_files
from st_desktop.store.import_log import Decision, ImportLog
from st_desktop.store.uploads import ItemState, QueueItem, UploadStore, file_hash

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Candidate:
    """A file a watcher found, on its way to the upload list.

    Attributes:
        source: the import log's name of its folder or device.
        path: the file.
        rel: its path inside the folder or device.
        size, mtime_ns: what ``stat`` said when it was found.
        auto: upload it automatically (False: only add it to the list).
        origin: where it came from, in words ("Forerunner 255", a folder).
    """

    source: str
    path: Path
    rel: str
    size: int
    mtime_ns: int
    auto: bool = True
    origin: str = ""

    @classmethod
    def from_seen(cls, seen: FileSeen) -> Candidate:
        """A settled file of a watched folder."""
        return cls(
            seen.source, seen.path, seen.rel, seen.size, seen.mtime_ns, seen.auto, str(seen.root)
        )

    @classmethod
    def from_device(cls, device: Device, found: DeviceFile, auto: bool) -> Candidate:
        """An activity file on a device."""
        return cls(
            device.source, found.path, found.rel, found.size, found.mtime_ns, auto, device.name
        )


@dataclass(frozen=True)
class Taken:
    """A file claimed for the upload list (its hash is recorded as taken)."""

    candidate: Candidate
    sha256: str


@dataclass
class TakeResult:
    """What :meth:`AutoImporter.take` did with each file.

    Attributes:
        taken: claimed; hand them to the upload list.
        skipped: not taken, and why (the decision recorded for them).
        unreadable: could not be read, with the sentence saying why (recorded as damaged).
        changed: changed while being read: still being written, look again later.
        vanished: gone before they could be read.
    """

    taken: list[Taken] = field(default_factory=list)
    skipped: list[tuple[Candidate, Decision]] = field(default_factory=list)
    unreadable: list[tuple[Candidate, str]] = field(default_factory=list)
    changed: list[Candidate] = field(default_factory=list)
    vanished: list[Candidate] = field(default_factory=list)


@dataclass(frozen=True)
class DevicePlan:
    """What plugging in a device would import.

    Attributes:
        device: the device.
        new: activities to import now.
        older: activities left as history (imported only when the whole history is asked for).
        first_time: the device was never synced.
        total: activity files on the device.
    """

    device: Device
    new: list[Candidate]
    older: list[Candidate]
    first_time: bool
    total: int


class AutoImporter:
    """The "never twice" rules over the import log (and the upload queue's ledger). Blocking.

    Args:
        log: the import log.
        uploads: the upload queue, whose ledger knows files uploaded by hand.
        account_key: the signed-in account's key, or None.
    """

    def __init__(
        self,
        log: ImportLog,
        uploads: UploadStore | None = None,
        account_key: Callable[[], str | None] = lambda: None,
    ) -> None:
        self.log = log
        self.uploads = uploads
        self._account_key = account_key

    def known(self, source: str) -> dict[str, tuple[int, int]]:
        """``(size, mtime_ns)`` of every file already dealt with in ``source``, by path."""
        return {rel: (r.size, r.mtime_ns) for rel, r in self.log.files(source).items()}

    def take(self, candidates: Sequence[Candidate]) -> TakeResult:
        """Apply the rules to each file; claim those that may go to the upload list."""
        result = TakeResult()
        for candidate in candidates:
            self._take_one(candidate, result)
        return result

    def _take_one(self, candidate: Candidate, result: TakeResult) -> None:
        c = candidate
        record = self.log.files(c.source, c.rel).get(c.rel)
        same = record is not None and (record.size, record.mtime_ns) == (c.size, c.mtime_ns)
        if same and record is not None and record.decision != Decision.HISTORY:
            result.skipped.append((c, record.decision))
            return
        try:
            data = read_source(Source(c.path.name, str(c.path), c.path))
            after = c.path.stat()
        except FileNotFoundError:
            result.vanished.append(c)
            return
        except (OSError, ParseError) as exc:
            if isinstance(exc, OSError) and exc.errno == errno.ENOENT:
                result.vanished.append(c)
                return
            reason = exc.user_message if isinstance(exc, ParseError) else str(exc.strerror)
            self.log.record_file(c.source, c.rel, c.size, c.mtime_ns, None, Decision.DAMAGED)
            result.unreadable.append((c, reason))
            return
        if (after.st_size, after.st_mtime_ns) != (c.size, c.mtime_ns):
            result.changed.append(c)  # written to while being read: not settled after all
            return
        digest = file_hash(data)
        stat = (c.size, c.mtime_ns)
        earlier = self._uploaded_by_hand(c, digest)
        if earlier is None:
            earlier = self.log.claim(digest, c.source, c.rel, Decision.TAKEN, stat)
        else:
            self.log.record_file(c.source, c.rel, *stat, digest, Decision.KNOWN)
        if earlier is not None:
            result.skipped.append((c, earlier))
            log.info("%s was seen before (%s); not taken again", c.path, earlier.value)
            return
        result.taken.append(Taken(c, digest))

    def _uploaded_by_hand(self, c: Candidate, digest: str) -> Decision | None:
        key = self._account_key()
        if self.uploads is None or key is None or self.uploads.uploaded_before(key, digest) is None:
            return None
        # Remember it, so the copies that follow are stopped by the log alone.
        return self.log.claim(digest, c.source, c.rel, Decision.UPLOADED, None) or Decision.UPLOADED

    def settle(self, sha256: str, decision: Decision | None) -> None:
        """Record what became of taken bytes (uploaded, skipped as a duplicate ...); None:
        they never reached the list (vanished), so they may be taken again."""
        self.log.settle(sha256, decision)

    def release(self, sha256: str) -> None:
        """Taken bytes never reached the list (vanished, cancelled): they may be taken again."""
        self.log.settle(sha256, None)

    # ------------------------------------------------------------------ sources

    def is_new_source(self, source: str) -> bool:
        """Whether ``source`` was never synced (a folder never watched, a device never seen)."""
        return self.log.last_sync(source) is None

    def inventory_folder(self, folder: WatchedFolder) -> int:
        """Leave the files already in a newly watched folder alone; returns how many."""
        found = [
            Candidate(
                folder.source,
                path,
                path.relative_to(folder.path).as_posix(),
                info.st_size,
                info.st_mtime_ns,
                folder.auto,
            )
            for path, info in activity_files(folder.path)
        ]
        count = self.leave_as_history(found)
        self.log.set_last_sync(folder.source)
        return count

    def leave_as_history(self, candidates: Iterable[Candidate]) -> int:
        """Record files as history (not imported) unless they are recorded already."""
        by_source: dict[str, list[Candidate]] = {}
        for c in candidates:
            by_source.setdefault(c.source, []).append(c)
        count = 0
        for source, files in by_source.items():
            known = self.known(source)
            rows = [
                (c.rel, c.size, c.mtime_ns, None, Decision.HISTORY.value)
                for c in files
                if c.rel not in known
            ]
            self.log.record_files(source, rows)
            count += len(rows)
        return count

    def history(self, source: str, root: Path, auto: bool, origin: str = "") -> list[Candidate]:
        """The files of ``source`` left as history (for "Import the whole history")."""
        return [
            Candidate(source, root / rel, rel, r.size, r.mtime_ns, auto, origin)
            for rel, r in sorted(self.log.files(source).items())
            if r.decision == Decision.HISTORY and (root / rel).is_file()
        ]

    def plan_device(
        self,
        device: Device,
        files: Sequence[DeviceFile],
        *,
        auto: bool = True,
        baseline: datetime | None = None,
        whole_history: bool = False,
    ) -> DevicePlan:
        """What to import from a device just plugged in.

        Args:
            device: the device.
            files: its activity files (:func:`~st_desktop.services.devices.list_activities`).
            auto: upload them automatically (False: only add them to the list).
            baseline: the newest workout already in the account; on a first sync only newer
                activities count as new.
            whole_history: everything not imported yet counts as new.
        """
        records = self.log.files(device.source)
        first_time = self.log.last_sync(device.source) is None
        new: list[Candidate] = []
        older: list[Candidate] = []
        for found in files:
            record = records.get(found.rel)
            same = record is not None and (record.size, record.mtime_ns) == (
                found.size,
                found.mtime_ns,
            )
            if same and not (whole_history and record and record.decision == Decision.HISTORY):
                continue
            candidate = Candidate.from_device(device, found, auto)
            recent = baseline is None or found.mtime_ns / 1e9 > baseline.timestamp()
            if whole_history or not first_time or recent:
                new.append(candidate)
            else:
                older.append(candidate)
        return DevicePlan(device, new, older, first_time, len(files))

    def mark_synced(self, source: str) -> None:
        """A sync of ``source`` began: what is on it now is no longer new."""
        self.log.set_last_sync(source)

    def recover(self, items: Sequence[QueueItem]) -> dict[int, str]:
        """Settle what the last session left taken, from the upload queue's items.

        Bytes claimed but never stored in the queue (a crash in between) are released, so the
        next rescan takes them again. Returns ``{item id: sha256}`` of taken items still on
        their way (queued or uploading), whose outcome is still to be recorded.
        """
        by_hash = {item.sha256: item for item in items}
        pending: dict[int, str] = {}
        for sha in self.log.hashes(Decision.TAKEN):
            item = by_hash.get(sha)
            if item is None:
                self.release(sha)
                continue
            final = _FINAL_STATES.get(item.state)
            if final is not None:
                self.settle(sha, final)
            else:
                pending[item.id] = sha
        return pending


_FINAL_STATES = {
    ItemState.UPLOADED: Decision.UPLOADED,
    ItemState.SKIPPED: Decision.DUPLICATE,
    ItemState.FAILED: Decision.FAILED,
    ItemState.NEW: Decision.LISTED,
}
