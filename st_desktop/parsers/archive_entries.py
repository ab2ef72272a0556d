"""The entries an :class:`~st_desktop.parsers.archive.Archive` lists: members and skips.

A member is addressed by its :data:`Locator` (one :class:`MemberStep` per zip level) and read
through the archive that listed it; a skip carries the sentence that says why something is not
read. :class:`Place` builds both for one place in an archive.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Protocol

from st_desktop.parsers import unpack
from st_desktop.parsers.errors import CorruptFileError, ParseError

#: Names of activity files (a ``.gz`` suffix after them is allowed).
ACTIVITY_SUFFIXES = (".fit", ".tcx", ".gpx")
#: Shown between the archive and the member in origins: ``export.zip › activities/ride.fit``.
SEPARATOR = " › "


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


class MemberSource(Protocol):
    """What reads a member by its locator (an :class:`~st_desktop.parsers.archive.Archive`)."""

    def read(self, locator: Locator) -> bytes:
        """The bytes of the member at ``locator``."""
        ...


@dataclass(frozen=True)
class ArchiveMember:
    """A file in an archive, unpacked only when :meth:`read` is called.

    Attributes:
        name: where it is below the dropped archive, readably (``activities/ride.fit.gz``;
            nested: ``UploadedFiles_0.zip › ride.fit``).
        display_name: the file's own name without ``.gz`` (``ride.fit``).
        origin: the dropped archive and ``name`` (``export.zip › activities/ride.fit.gz``).
        locator: the member's address, for :meth:`Archive.read
            <st_desktop.parsers.archive.Archive.read>`.
        size: the unpacked size the archive states (None for a ``.gz`` file's content).
        is_activity: True when the name ends in ``.fit``, ``.tcx`` or ``.gpx`` (maybe ``.gz``).
    """

    name: str
    display_name: str
    origin: str
    locator: Locator
    size: int | None
    is_activity: bool
    archive: MemberSource = field(repr=False, compare=False)

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


@dataclass(frozen=True)
class Place:
    """Where an entry is: the names and the locator that its member or skip carries."""

    name: str
    display_name: str
    origin: str
    locator: Locator

    def skip(self, reason: str, kind: str, error_type: type[ParseError]) -> ArchiveSkip:
        """What is here is not read, for ``reason`` (see :class:`ArchiveSkip`)."""
        return ArchiveSkip(
            self.name, self.display_name, self.origin, reason, kind, error_type, self.locator
        )

    def member(self, size: int | None, is_activity: bool, archive: MemberSource) -> ArchiveMember:
        """The file here, read through ``archive``."""
        return ArchiveMember(
            self.name, self.display_name, self.origin, self.locator, size, is_activity, archive
        )
