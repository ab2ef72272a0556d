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
import zipfile
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType

from st_desktop.parsers import unpack
from st_desktop.parsers.archive_entries import (
    ACTIVITY_SUFFIXES,
    SEPARATOR,
    ArchiveMember,
    ArchiveSkip,
    Locator,
    MemberStep,
    Place,
    archive_kind,
    display_name,
    is_activity_name,
)
from st_desktop.parsers.archive_levels import OpenLevels, find_info
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
        self._levels = OpenLevels(self._bytes, self._path)
        self._lock = self._levels.lock

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
        self._levels.close()

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
            root = self._levels.get(())
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
        title = chain[-1] if chain else self.name
        whole = Place(title, unpack.base_name(title), SEPARATOR.join([self.name, *chain]), prefix)
        files = _listed_files(archive)
        if len(files) > MAX_ARCHIVE_MEMBERS:
            yield whole.skip(
                f"This archive holds more than {MAX_ARCHIVE_MEMBERS:,} files, too many for an "
                "activity export; it was not read.",
                "archive",
                FileTooLargeError,
            )
            return
        if not files:
            yield whole.skip("This archive is empty.", "empty", UnknownFormatError)
            return
        ignored = 0
        for index, info, readable in files:
            locator = (*prefix, MemberStep(index, info.filename))
            label = SEPARATOR.join([*chain, readable])
            place = Place(
                label, display_name(readable), SEPARATOR.join([self.name, label]), locator
            )
            if not readable:
                yield place.skip("An entry without a name was skipped.", "member", CorruptFileError)
            elif unpack.escapes(readable):
                yield place.skip(
                    f"{readable} was skipped: its name points outside the archive, which no "
                    "genuine export does.",
                    "member",
                    UnsafeArchiveError,
                )
            elif readable.lower().endswith(".zip"):
                yield from self._nested(
                    archive, info, locator, [*chain, readable], depth, all_files
                )
            elif not all_files and not is_activity_name(readable):
                ignored += 1
            else:
                yield self._member(place, info, readable)
        if ignored:
            plural, verb = ("s", "are") if ignored != 1 else ("", "is")
            yield whole.skip(
                f"Skipped {ignored} file{plural} in this archive that {verb} not FIT, TCX or GPX.",
                "ignored",
                UnknownFormatError,
            )

    def _member(
        self, place: Place, info: zipfile.ZipInfo, readable: str
    ) -> ArchiveMember | ArchiveSkip:
        """The file at ``place``, or why it is not read (encrypted, damaged, too large ...)."""
        problem = unpack.member_problem(info, place.display_name)
        if problem is None and info.file_size > MAX_FILE_BYTES:
            problem = FileTooLargeError(
                f"{place.display_name} is larger than {unpack.megabytes(MAX_FILE_BYTES)}, which "
                "no activity file is."
            )
        if problem is not None:
            return place.skip(problem.user_message, "member", type(problem))
        return place.member(info.file_size, is_activity_name(readable), self)

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
        readable = chain[-1]
        place = Place(
            label, unpack.base_name(readable), SEPARATOR.join([self.name, label]), locator
        )
        if depth >= MAX_ARCHIVE_DEPTH:
            yield place.skip(
                f"{place.display_name} is a zip nested {depth + 1} levels deep; archives are "
                f"opened {MAX_ARCHIVE_DEPTH} levels deep at most, so it was not read.",
                "archive",
                UnsafeArchiveError,
            )
            return
        try:
            nested = self._levels.open_nested(parent, info, locator, place.display_name)
        except ParseError as exc:
            yield place.skip(exc.user_message, "archive", type(exc))
            return
        with self._levels.listed(locator):
            yield from self._list(nested, locator, chain, depth + 1, all_files)

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
            archive = self._levels.get(locator[:-1], stack)
            info = find_info(archive, locator[-1])
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


def _listed_files(archive: zipfile.ZipFile) -> list[tuple[int, zipfile.ZipInfo, str]]:
    """(index, info, readable name) of the files in a zip's directory, hidden ones left out
    (folders too: ``ZipInfo.is_dir`` fails on an empty name)."""
    files = [
        (index, info, unpack.readable_name(info))
        for index, info in enumerate(archive.infolist())
        if not info.filename.endswith("/")
    ]
    return [f for f in files if unpack.escapes(f[2]) or not unpack.is_hidden(f[2])]


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
