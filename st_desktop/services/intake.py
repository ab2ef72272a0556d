"""What a drop means: folders, ``.zip`` and ``.gz`` opened into single activity files.

Plain Python that does file I/O, so it runs on a worker: the drop handler only collects paths.
:func:`expand` turns dropped paths into :class:`Source` entries (one per activity file, archive
members included) and :class:`Skipped` entries that say why something is not read;
:func:`read_source` gives the bytes of one entry, decompressed, ready for the upload store.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from st_desktop.domain.activity import Activity
from st_desktop.domain.naming import default_name
from st_desktop.domain.track import Track
from st_desktop.errors import ParseError, StoreError
from st_desktop.parsers import unpack
from st_desktop.parsers.archive import (
    MAX_FILE_BYTES,
    Archive,
    ArchiveMember,
    ArchiveSkip,
    Locator,
    read_archive_member,
)
from st_desktop.parsers.errors import CorruptFileError, FileTooLargeError
from st_desktop.services.bulk_exports import STRAVA_CSV, ExportMeta, meta_for, strava_metadata
from st_desktop.store.uploads import QueueItem, UploadStore

log = logging.getLogger(__name__)

ACTIVITY_SUFFIXES = frozenset({".fit", ".tcx", ".gpx"})
ARCHIVE_SUFFIXES = frozenset({".zip", ".gz"})
#: Files in a dropped folder deeper than this are not looked at (a dropped home folder).
MAX_DEPTH = 6
#: Activity files read from one dropped folder at most (a bulk export holds a few thousand).
MAX_FILES = 20_000
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Source:
    """One activity file to read.

    Attributes:
        display_name: the name shown in the list (``ride.fit``; gz suffix dropped).
        origin: where it came from, for the tooltip (a path or ``export.zip › ride.fit``).
        path: the file on disk (the archive for a member).
        member: where the member is inside the archive (nested zips included), None for a
            plain file.
        meta: the name, notes and type an export keeps for the file (Strava's
            ``activities.csv``), if any.
    """

    display_name: str
    origin: str
    path: Path
    member: Locator | None = None
    meta: ExportMeta | None = None


@dataclass(frozen=True)
class Skipped:
    """Something dropped that is not read, and why (shown as a row)."""

    display_name: str
    origin: str
    reason: str


def _is_hidden(name: str) -> bool:
    return name.startswith((".", "__MACOSX"))


def _kind(name: str) -> str | None:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
        return "file" if Path(lower).suffix in ACTIVITY_SUFFIXES else None
    suffix = Path(lower).suffix
    if suffix in ACTIVITY_SUFFIXES:
        return "file"
    if suffix == ".zip":
        return "zip"
    return None


def _display(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def readable(name: str) -> str:
    """A file name fit to show: bytes that are not UTF-8 (kept as surrogates by Python on
    Linux) become U+FFFD, so the name can be displayed and stored while the path stays exact."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "replace")
    return name


def _not_a_file(path: Path) -> str | None:
    """Why ``path`` must not be opened (a pipe would block the reader for ever), or None."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "This is a symbolic link that points to itself (a loop); it was not read."
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return "The file no longer exists."
        return f"The file could not be opened: {exc.strerror or exc}."
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    if stat.S_ISFIFO(mode):
        what = "a named pipe"
    elif stat.S_ISSOCK(mode):
        what = "a socket"
    elif stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        what = "a device"
    else:
        what = "not a regular file"
    return f"This is {what}, not an activity file; it was not opened."


def expand(paths: list[Path]) -> list[Source | Skipped]:
    """Every activity file in the dropped paths, in drop order (folders sorted by name).

    A file dropped on its own with an unknown suffix gets a :class:`Skipped` entry (its content
    is still sniffed: a GPX saved as ``.xml`` is read). Unknown files inside a folder are counted
    in one :class:`Skipped` entry per folder instead of one row each. Nothing dropped raises:
    pipes, sockets, devices, link loops and unreadable folders each become a Skipped entry.
    """
    out: list[Source | Skipped] = []
    for dropped in paths:
        path = Path(dropped)
        name = readable(path.name)
        problem = _not_a_file(path)
        if problem is not None:
            out.append(Skipped(name, readable(str(path)), problem))
        elif path.is_dir():
            _walk(path, out)
        elif _kind(path.name) == "zip":
            _zip(path, out)
        else:
            # A single file is always tried: the parser sniffs the content, not the name.
            out.append(Source(_display(name), readable(str(path)), path))
    return out


def _walk(folder: Path, out: list[Source | Skipped]) -> None:
    ignored: list[str] = []  # names of files that are not activity files
    over_limit = 0
    found = 0
    unreadable: list[OSError] = []
    metadata = _folder_metadata(folder)
    # Links to folders are not followed (os.walk's default): no loops, no escaping the drop.
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        depth = len(Path(root).relative_to(folder).parts)
        dirs[:] = sorted(d for d in dirs if not _is_hidden(d) and depth < MAX_DEPTH)
        for name in sorted(files):
            if _is_hidden(name):
                continue
            kind = _kind(name)
            path = Path(root) / name
            if kind is None:
                ignored.append(readable(name))
                continue
            if found >= MAX_FILES:
                over_limit += 1
                continue
            problem = _not_a_file(path)
            if problem is not None:
                out.append(Skipped(readable(name), readable(str(path)), problem))
            elif kind == "zip":
                _zip(path, out)
            else:
                found += 1
                meta = meta_for(metadata, path.relative_to(folder).as_posix())
                out.append(Source(_display(readable(name)), readable(str(path)), path, meta=meta))
    for error in unreadable:
        where = readable(str(error.filename or folder))
        out.append(
            Skipped(
                f"{readable(Path(where).name)}/",
                where,
                f"This folder could not be read: {error.strerror or error}.",
            )
        )
    reasons = [skipped_sentence(ignored)] if ignored else []
    if over_limit:
        reasons.append(
            f"Only the first {MAX_FILES:,} activity files were read; drop the other "
            f"{over_limit:,} separately."
        )
    if reasons:
        out.append(Skipped(f"{readable(folder.name)}/", readable(str(folder)), " ".join(reasons)))
    elif not found:
        out.append(
            Skipped(
                f"{readable(folder.name)}/",
                readable(str(folder)),
                "This folder has no activity files.",
            )
        )


#: Names listed at most in a sentence about skipped files (the count says how many in all).
NAMES_SHOWN = 5


def skipped_sentence(names: list[str]) -> str:
    """``Skipped 1 file: notes.txt is not FIT, TCX or GPX.`` (names listed, at most a few)."""
    count = len(names)
    if count == 1:
        return f"Skipped 1 file: {names[0]} is not FIT, TCX or GPX."
    if count <= NAMES_SHOWN:
        listed = ", ".join(names[:-1]) + f" and {names[-1]}"
        return f"Skipped {count} files: {listed} are not FIT, TCX or GPX."
    first = ", ".join(names[:NAMES_SHOWN])
    return f"Skipped {count:,} files that are not FIT, TCX or GPX, among them {first}."


def _folder_metadata(folder: Path) -> dict[str, ExportMeta]:
    """An unpacked Strava export's ``activities.csv``, if the dropped folder is one."""
    csv_path = folder / STRAVA_CSV
    try:
        return strava_metadata(csv_path.read_bytes()) if csv_path.is_file() else {}
    except OSError as exc:
        log.info("%s could not be read: %s", csv_path, exc)
        return {}


def _zip(path: Path, out: list[Source | Skipped]) -> None:
    """Every activity member of a dropped zip (zips inside it too), or why it is skipped."""
    with Archive(path, name=readable(str(path))) as archive:
        try:
            metadata = strava_metadata(archive.read_named(STRAVA_CSV))
        except ParseError:
            metadata = {}
        for entry in archive.entries():
            if isinstance(entry, ArchiveSkip):
                out.append(Skipped(readable(entry.display_name), entry.origin, entry.reason))
            else:
                out.append(_member_source(path, entry, metadata))


def _member_source(path: Path, entry: ArchiveMember, metadata: dict[str, ExportMeta]) -> Source:
    return Source(
        readable(entry.display_name),
        entry.origin,
        path,
        entry.locator,
        meta_for(metadata, entry.name),
    )


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; anything else (swapped in since the drop) is refused.

    Opened without blocking and checked on the open descriptor, so a pipe put in the file's
    place cannot hang the worker.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CorruptFileError("This is not a regular file; it was not read.")
        if info.st_size > MAX_FILE_BYTES:
            raise FileTooLargeError()
        return handle.read(MAX_FILE_BYTES + 1)


def read_source(source: Source) -> bytes:
    """The activity file's bytes (a zip member unpacked, a gzip file decompressed).

    Raises:
        ParseError: too large, or a damaged archive or gzip stream.
        OSError: the file cannot be read.
    """
    if source.member is not None:
        return read_archive_member(source.path, source.member, name=str(source.path))
    data = _read_regular(source.path)
    if data.startswith(_GZIP_MAGIC):
        return unpack.gunzip(data, source.display_name, MAX_FILE_BYTES)
    return data


@dataclass
class Ingested:
    """A file copied into the upload store and parsed.

    Attributes:
        item: the queue item (already durable).
        is_new: False when the same bytes were already in the list.
        activity: the parsed activity, None when the file could not be read.
        error: why it could not be read, as a sentence.
        track: the activity as the preview's route and charts show it (built here, on the
            worker, so selecting a row costs the GUI thread nothing).
    """

    item: QueueItem
    is_new: bool
    activity: Activity | None
    error: str | None = None
    track: Track | None = None


def ingest(store: UploadStore, source: Source) -> Ingested:
    """Copy one file into the store (durable first), then parse it and record what was found.

    Raises:
        StoreError: the copy could not be written.
        ParseError / OSError: the file could not even be read (nothing was recorded).
    """
    try:
        data = read_source(source)
    except OSError as exc:
        raise ParseError(f"The file could not be opened: {exc.strerror or exc}.") from exc
    item, is_new = store.add_bytes(data, source.display_name, source.origin)
    meta = source.meta
    if is_new and meta is not None and (meta.name or meta.notes or meta.type):
        # The export's own name and notes: shown in the preview, uploaded with the file.
        item = store.update(item.id, name=meta.name, type=meta.type, notes=meta.notes)
    return parse_item(store, item, is_new, data)


def suggested_name(activity: Activity, activity_type: str | None = None) -> str | None:
    """The name an unnamed file is uploaded with ("Morning Ride"); None when it has one.

    The part of the day is the ride's own local time (its zone, not this computer's).
    """
    if activity.name and activity.name.strip():
        return None
    return default_name(activity.local_start, activity_type or activity.sport)


def parse_item(
    store: UploadStore, item: QueueItem, is_new: bool = False, data: bytes | None = None
) -> Ingested:
    """Parse a stored item (again, after a restart) and record its format, start and distance,
    and the name it gets when the file has none (:func:`suggested_name`)."""
    try:
        raw = store.read_data(item) if data is None else data
        from st_desktop.parsers.registry import parse_bytes  # the readers: first parse only

        activity = parse_bytes(raw, item.display_name)
    except (ParseError, StoreError) as exc:
        return Ingested(item, is_new, None, exc.user_message)
    changes: dict[str, object] = {}
    if item.format is None or item.start_time is None:
        changes.update(
            format=activity.format,
            start_time=activity.start_time,
            distance=activity.distance or None,
        )
    suggestion = suggested_name(activity, item.type)
    if suggestion != item.suggested_name:
        changes["suggested_name"] = suggestion
    if changes and store.read_only_reason is None:  # a newer st-desktop's queue: shown as is
        item = store.update(item.id, **changes)
    try:
        track: Track | None = Track.from_activity(activity)
    except (ValueError, IndexError) as exc:  # the preview goes without charts, the upload works
        log.warning("no track for the preview of %s: %s", item.display_name, exc)
        track = None
    return Ingested(item, is_new, activity, track=track)
