"""One reader for activity archives: ``.zip`` (zips inside zips included) and ``.gz``.

Both the public :func:`st_desktop.parsers.parse_archive` and the app's drop intake read archives
through :class:`Archive`. Listing never raises: every member is an entry, either an
:class:`ArchiveMember` (its data is unpacked only when :meth:`ArchiveMember.read` is called) or
an :class:`ArchiveSkip` with a sentence saying why it is not read. What is handled, each as its
own entry:

* member names that are not UTF-8 (kept losslessly in the :class:`MemberStep`, shown readably);
* encrypted members, unsupported compression methods and zip versions, damaged members (zlib
  errors, bad CRC: raised by ``read()`` as a :class:`ParseError`);
* zips inside zips (Garmin exports hold ``UploadedFiles_*.zip``), :data:`MAX_ARCHIVE_DEPTH`
  levels deep; ``.gz`` members (Strava's ``activities/*.fit.gz``) are unpacked by ``read()``;
* names pointing outside the archive (``../../x.gpx``, ``/x.gpx``, ``C:\\x.gpx``): skipped with
  a reason, not read (a genuine export never has them; nothing is ever written to disk, but a
  crafted archive is not worth trusting with anything else);
* directories, ``__MACOSX`` and hidden files: ignored; files that are not FIT, TCX or GPX: one
  entry counting them (or each as a member with ``all_files=True``);
* more than :data:`MAX_ARCHIVE_MEMBERS` files, members over :data:`MAX_FILE_BYTES`, and output
  over :data:`~st_desktop.parsers.unpack.MAX_RATIO` times the packed size (a zip bomb).

Usage::

    with Archive(path) as archive:
        for entry in archive.entries():
            if isinstance(entry, ArchiveSkip):
                show(entry.origin, entry.reason)
            else:
                parse_bytes(entry.read(), entry.name)
        csv = archive.read_named("activities.csv")

A member can also be read later, from a new :class:`Archive` of the same file, by its
``locator`` (``Archive(path).read(locator)`` or :func:`read_archive_member`).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from st_desktop.parsers import unpack
from st_desktop.parsers.errors import (
    ArchiveMemberNotFoundError,
    CorruptFileError,
    FileTooLargeError,
    ParseError,
    UnknownFormatError,
    UnsafeArchiveError,
)

#: Largest file (or unpacked member) read. The longest real activity files are ~10 MB.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Archives with more files than this are not activity exports.
MAX_ARCHIVE_MEMBERS = 10_000
#: Zips are opened this many levels deep (the dropped zip is level 1).
MAX_ARCHIVE_DEPTH = 3
#: Names of activity files (a ``.gz`` suffix after them is allowed).
ACTIVITY_SUFFIXES = (".fit", ".tcx", ".gpx")
#: Shown between the archive and the member in origins: ``export.zip › activities/ride.fit``.
SEPARATOR = " › "
#: Nested archives kept open after a ``read()`` (a member is usually followed by its sibling).
_KEPT_NESTED = 2


@dataclass(frozen=True)
class MemberStep:
    """One level of a member's address: its position and its name in that zip's directory.

    ``name`` is zipfile's own name for the member (decoded as the directory says: UTF-8 when
    flagged, cp437 otherwise, both lossless), so the bytes of the name can always be recovered.
    """

    index: int
    name: str


#: The address of a member: one step per zip level, () for the content of a ``.gz`` file.
Locator = tuple[MemberStep, ...]


@dataclass(frozen=True)
class ArchiveMember:
    """A file in an archive, unpacked only when :meth:`read` is called.

    Attributes:
        name: where it is below the dropped archive, readably (``activities/ride.fit.gz``;
            nested: ``UploadedFiles_0.zip › ride.fit``).
        display_name: the file's own name without ``.gz`` (``ride.fit``).
        origin: the dropped archive and ``name`` (``export.zip › activities/ride.fit.gz``).
        locator: the member's address, for :meth:`Archive.read`.
        size: the unpacked size the archive states (None for a ``.gz`` file's content).
        is_activity: True when the name ends in ``.fit``, ``.tcx`` or ``.gpx`` (maybe ``.gz``).
    """

    name: str
    display_name: str
    origin: str
    locator: Locator
    size: int | None
    is_activity: bool
    archive: Archive = field(repr=False, compare=False)

    def read(self) -> bytes:
        """The member's bytes, unpacked (a ``.gz`` member decompressed too).

        Raises:
            ParseError: damaged, too large, a zip bomb, or the archive is gone (a sentence).
        """
        return self.archive.read(self.locator)


@dataclass(frozen=True)
class ArchiveSkip:
    """Something in (or about) an archive that is not read, and why.

    Attributes:
        name, display_name, origin: as in :class:`ArchiveMember` (the archive's own name for
            a problem with a whole archive).
        reason: one sentence for the user.
        kind: ``"member"`` (one file cannot be read), ``"archive"`` (a whole archive, the
            dropped one when ``locator`` is empty, cannot be opened or is refused),
            ``"ignored"`` (files that are not activities, counted), ``"empty"``.
        error_type: the :class:`ParseError` subclass that says the same.
        locator: the member's (or nested archive's) address; () for the dropped archive.
    """

    name: str
    display_name: str
    origin: str
    reason: str
    kind: str = "member"
    error_type: type[ParseError] = field(default=CorruptFileError, compare=False)
    locator: Locator = ()

    def to_error(self) -> ParseError:
        """A fresh error carrying the reason (no traceback, so it keeps no data alive)."""
        return self.error_type(self.reason, detail=f"{self.name}: {self.reason}")


def is_activity_name(name: str) -> bool:
    """True for ``ride.fit``, ``ride.GPX``, ``ride.fit.gz``."""
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(ACTIVITY_SUFFIXES)


def display_name(name: str) -> str:
    """A member's own name without its folders and without ``.gz``."""
    base = unpack.base_name(name)
    return base[:-3] if base.lower().endswith(".gz") and len(base) > 3 else base


def archive_kind(source: bytes | str | os.PathLike[str]) -> str | None:
    """``"zip"`` or ``"gz"`` from the content of a file (or its bytes), None for anything else."""
    if isinstance(source, bytes):
        return unpack.kind_of(source[:4])
    try:
        with open(source, "rb") as handle:
            return unpack.kind_of(handle.read(4))
    except OSError:
        return None


class Archive:
    """A ``.zip`` or ``.gz`` file (a path or its bytes), read lazily; see the module docstring.

    Use it as a context manager (or call :meth:`close`): the dropped zip, and the zips inside it
    that were read last, stay open until then. Reading a member after :meth:`close` still works
    (the archive is opened again for that read, and closed after it). Members may be read from
    several threads (one read at a time).
    """

    def __init__(self, source: bytes | str | os.PathLike[str], name: str | None = None) -> None:
        """Args:
        source: the archive's path, or its bytes.
        name: the name shown in origins (default: the file name, or ``"archive"``).
        """
        self._bytes = source if isinstance(source, bytes) else None
        self._path = None if isinstance(source, bytes) else os.fspath(source)
        self.name = name or (Path(self._path).name if self._path else "archive")
        self._levels: dict[Locator, zipfile.ZipFile] = {}
        self._spools: dict[Locator, tempfile.SpooledTemporaryFile[bytes]] = {}
        self._listing: set[Locator] = set()  # nested levels open because they are being listed
        self._lock = threading.RLock()
        self._closed = False

    def __enter__(self) -> Archive:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Close every open level (the archive can still be read; it is opened again then)."""
        with self._lock:
            self._closed = True
            for locator in list(self._levels):
                self._drop(locator)

    @property
    def kind(self) -> str | None:
        """``"zip"``, ``"gz"``, or None when the source is neither (or cannot be read)."""
        return archive_kind(self._bytes if self._bytes is not None else self._path or "")

    # ------------------------------------------------------------------ listing

    def entries(self, *, all_files: bool = False) -> Iterator[ArchiveMember | ArchiveSkip]:
        """Every entry of the archive, in directory order, zips inside it listed in place.

        Args:
            all_files: yield every file as a member (``is_activity`` tells which are named as
                activities) instead of one ``"ignored"`` entry counting the others.
        """
        kind = self.kind
        if kind == "gz":
            inner = display_name(self.name)
            yield ArchiveMember(
                inner, inner, self.name, (), None, is_activity_name(inner), archive=self
            )
            return
        if kind is None:
            yield self._whole_skip(self._not_an_archive(), UnknownFormatError)
            return
        try:
            root = self._level(())
        except ParseError as exc:
            yield self._whole_skip(exc.user_message, type(exc))
            return
        yield from self._list(root, (), [], 1, all_files)

    def _not_an_archive(self) -> str:
        if self._path is not None and not os.path.exists(self._path):
            return "The archive no longer exists."
        return "This is not a zip or .gz archive."

    def _whole_skip(self, reason: str, error_type: type[ParseError]) -> ArchiveSkip:
        return ArchiveSkip(self.name, self.name, self.name, reason, "archive", error_type)

    def _list(
        self,
        archive: zipfile.ZipFile,
        prefix: Locator,
        chain: list[str],
        depth: int,
        all_files: bool,
    ) -> Iterator[ArchiveMember | ArchiveSkip]:
        here = SEPARATOR.join([self.name, *chain])
        files = [
            (index, info, unpack.readable_name(info))
            for index, info in enumerate(archive.infolist())
            if not info.filename.endswith("/")  # a folder (ZipInfo.is_dir fails on "")
        ]
        files = [f for f in files if unpack.escapes(f[2]) or not unpack.is_hidden(f[2])]
        title = chain[-1] if chain else self.name
        if len(files) > MAX_ARCHIVE_MEMBERS:
            yield ArchiveSkip(
                title, unpack.base_name(title), here,
                f"This archive holds more than {MAX_ARCHIVE_MEMBERS:,} files, too many for an "
                "activity export; it was not read.",
                "archive", FileTooLargeError, prefix,
            )  # fmt: skip
            return
        if not files:
            yield ArchiveSkip(
                title, unpack.base_name(title), here, "This archive is empty.", "empty",
                UnknownFormatError, prefix,
            )  # fmt: skip
            return
        ignored = 0
        for index, info, readable in files:
            locator = (*prefix, MemberStep(index, info.filename))
            label = SEPARATOR.join([*chain, readable])
            origin = SEPARATOR.join([self.name, label])
            shown = display_name(readable)
            if not readable:
                yield ArchiveSkip(
                    label, shown, origin, "An entry without a name was skipped.", "member",
                    CorruptFileError, locator,
                )  # fmt: skip
            elif unpack.escapes(readable):
                yield ArchiveSkip(
                    label, shown, origin,
                    f"{readable} was skipped: its name points outside the archive, which no "
                    "genuine export does.",
                    "member", UnsafeArchiveError, locator,
                )  # fmt: skip
            elif readable.lower().endswith(".zip"):
                yield from self._nested(
                    archive, info, locator, [*chain, readable], depth, all_files
                )
            elif not all_files and not is_activity_name(readable):
                ignored += 1
            else:
                problem = unpack.member_problem(info, shown)
                if problem is None and info.file_size > MAX_FILE_BYTES:
                    problem = FileTooLargeError(
                        f"{shown} is larger than {unpack.megabytes(MAX_FILE_BYTES)}, which no "
                        "activity file is."
                    )
                if problem is not None:
                    yield ArchiveSkip(
                        label, shown, origin, problem.user_message, "member", type(problem), locator
                    )
                else:
                    yield ArchiveMember(
                        label, shown, origin, locator, info.file_size,
                        is_activity_name(readable), archive=self,
                    )  # fmt: skip
        if ignored:
            plural, verb = ("s", "are") if ignored != 1 else ("", "is")
            yield ArchiveSkip(
                title, unpack.base_name(title), here,
                f"Skipped {ignored} file{plural} in this archive that {verb} not FIT, TCX or GPX.",
                "ignored", UnknownFormatError, prefix,
            )  # fmt: skip

    def _nested(
        self,
        parent: zipfile.ZipFile,
        info: zipfile.ZipInfo,
        locator: Locator,
        chain: list[str],
        depth: int,
        all_files: bool,
    ) -> Iterator[ArchiveMember | ArchiveSkip]:
        label = SEPARATOR.join(chain)
        origin = SEPARATOR.join([self.name, label])
        readable = chain[-1]
        if depth >= MAX_ARCHIVE_DEPTH:
            yield ArchiveSkip(
                label, unpack.base_name(readable), origin,
                f"{unpack.base_name(readable)} is a zip nested {depth + 1} levels deep; archives "
                f"are opened {MAX_ARCHIVE_DEPTH} levels deep at most, so it was not read.",
                "archive", UnsafeArchiveError, locator,
            )  # fmt: skip
            return
        try:
            nested = self._open_nested(parent, info, locator, unpack.base_name(readable))
        except ParseError as exc:
            yield ArchiveSkip(
                label, unpack.base_name(readable), origin, exc.user_message, "archive",
                type(exc), locator,
            )  # fmt: skip
            return
        with self._lock:
            self._listing.add(locator)
        try:
            yield from self._list(nested, locator, chain, depth + 1, all_files)
        finally:
            with self._lock:
                self._listing.discard(locator)
                self._drop(locator)

    # ------------------------------------------------------------------ reading

    def read(self, locator: Locator) -> bytes:
        """The bytes of the member at ``locator`` (a ``.gz`` member or file decompressed).

        Raises:
            ParseError: the member cannot be read (a sentence naming it).
        """
        if self.kind == "gz" and not locator:
            return unpack.gunzip(self._root_bytes(), display_name(self.name), MAX_FILE_BYTES)
        if not locator:
            raise UnknownFormatError("This is an archive, not a file in it.")
        # One read at a time: a level closed by another thread's listing or trimming must not be
        # in the middle of a read (unpacking is fast next to parsing, which runs in parallel).
        with self._lock, contextlib.ExitStack() as stack:
            archive = self._level(locator[:-1], stack)
            info = _find(archive, locator[-1])
            name = unpack.readable_name(info)
            data = unpack.read_member(archive, info, name, MAX_FILE_BYTES)
        if data.startswith(unpack.GZIP_MAGIC):
            data = unpack.gunzip(data, display_name(name), MAX_FILE_BYTES)
        return data

    def find(self, name: str) -> ArchiveMember | None:
        """The first file whose path (``activities.csv``, ``a.zip › b.csv``) or own name is
        ``name`` (case-insensitive), any file type; None when there is none."""
        wanted = name.lower()
        by_base: ArchiveMember | None = None
        for entry in self.entries(all_files=True):
            if not isinstance(entry, ArchiveMember):
                continue
            if entry.name.lower() == wanted:
                return entry
            if by_base is None and unpack.base_name(entry.name).lower() == wanted:
                by_base = entry
        return by_base

    def read_named(self, name: str) -> bytes:
        """The bytes of a file found by :meth:`find` (``activities.csv`` of a Strava export).

        Raises:
            ArchiveMemberNotFoundError: no such file; ParseError: it cannot be read.
        """
        member = self.find(name)
        if member is None:
            raise ArchiveMemberNotFoundError(f"{self.name} holds no file called {name}.")
        return member.read()

    def _root_bytes(self) -> bytes:
        if self._bytes is not None:
            data = self._bytes
        else:
            try:
                with open(self._path or "", "rb") as handle:
                    data = handle.read(MAX_FILE_BYTES + 1)
            except OSError as exc:
                raise ParseError(f"The file could not be opened: {exc.strerror or exc}.") from None
        if len(data) > MAX_FILE_BYTES:
            raise FileTooLargeError(
                f"This file is larger than {unpack.megabytes(MAX_FILE_BYTES)}, which no "
                "activity file is."
            )
        return data

    def _level(
        self, locator: Locator, stack: contextlib.ExitStack | None = None
    ) -> zipfile.ZipFile:
        """The open zip at ``locator`` (opening it and the levels above it when needed)."""
        with self._lock:
            found = self._levels.get(locator)
            if found is not None:
                return found
            if not locator:
                if self._path is not None:
                    try:
                        with open(self._path, "rb"):
                            pass
                    except OSError as exc:
                        raise ParseError(
                            f"The archive could not be opened: {exc.strerror or exc}."
                        ) from None
                archive = unpack.open_zip(
                    self._bytes if self._bytes is not None else self._path or ""
                )
            else:
                parent = self._level(locator[:-1], stack)
                info = _find(parent, locator[-1])
                name = unpack.base_name(unpack.readable_name(info))
                archive = self._open_nested(parent, info, locator, name)
            self._levels[locator] = archive
            if self._closed and stack is not None:
                stack.callback(self._drop, locator)
            elif locator:
                self._trim()
            return archive

    def _open_nested(
        self, parent: zipfile.ZipFile, info: zipfile.ZipInfo, locator: Locator, name: str
    ) -> zipfile.ZipFile:
        spool = unpack.spool_member(parent, info, name)
        try:
            archive = unpack.open_zip(spool)
        except ParseError:
            spool.close()
            raise
        with self._lock:
            self._drop(locator)
            self._levels[locator] = archive
            self._spools[locator] = spool
        return archive

    def _trim(self) -> None:
        """Close the oldest nested levels opened for reading beyond the few kept."""
        nested = [locator for locator in self._levels if locator and locator not in self._listing]
        for locator in nested[:-_KEPT_NESTED]:
            if not any(other[: len(locator)] == locator for other in self._listing):
                self._drop(locator)

    def _drop(self, locator: Locator) -> None:
        archive = self._levels.pop(locator, None)
        if archive is not None:
            archive.close()
        spool = self._spools.pop(locator, None)
        if spool is not None:
            spool.close()


def _find(archive: zipfile.ZipFile, step: MemberStep) -> zipfile.ZipInfo:
    infos = archive.infolist()
    if 0 <= step.index < len(infos) and infos[step.index].filename == step.name:
        return infos[step.index]
    for info in infos:  # the same archive rewritten: the name still finds it
        if info.filename == step.name:
            return info
    raise ArchiveMemberNotFoundError(
        f"{unpack.base_name(step.name)} is no longer in the archive.", detail=step.name
    )


def iter_archive(
    source: bytes | str | os.PathLike[str], name: str | None = None, *, all_files: bool = False
) -> Iterator[ArchiveMember | ArchiveSkip]:
    """:meth:`Archive.entries` of a new :class:`Archive`, closed when the iteration ends.

    A member yielded here can still be read afterwards (the archive is opened again for it).
    """
    archive = Archive(source, name)
    try:
        yield from archive.entries(all_files=all_files)
    finally:
        archive.close()


def read_archive_member(
    source: bytes | str | os.PathLike[str], locator: Locator, name: str | None = None
) -> bytes:
    """The bytes of one member, from a new :class:`Archive` of ``source`` (closed after).

    Raises:
        ParseError: see :meth:`Archive.read`.
    """
    with Archive(source, name) as archive:
        return archive.read(locator)


__all__ = [
    "ACTIVITY_SUFFIXES",
    "MAX_ARCHIVE_DEPTH",
    "MAX_ARCHIVE_MEMBERS",
    "MAX_FILE_BYTES",
    "SEPARATOR",
    "Archive",
    "ArchiveMember",
    "ArchiveSkip",
    "Locator",
    "MemberStep",
    "archive_kind",
    "display_name",
    "is_activity_name",
    "iter_archive",
    "read_archive_member",
]
