"""The zips of one archive that are open: the dropped one and the nested ones listed or read.

:class:`~st_desktop.parsers.archive.Archive` lists and reads through :class:`OpenLevels`. A zip
inside a zip is unpacked into a spooled temporary file and opened from there. The levels being
listed stay open until their listing ends; of those opened for reading only the last few are
kept (a member is usually followed by its sibling), so an export never holds all its nested zips
open at once.
"""

from __future__ import annotations

import contextlib
import tempfile
import threading
import zipfile
from collections.abc import Iterator

from st_desktop.parsers import unpack
from st_desktop.parsers.archive_entries import Locator, MemberStep
from st_desktop.parsers.errors import ArchiveMemberNotFoundError, ParseError

#: Nested archives kept open after a read (a member is usually followed by its sibling).
_KEPT_NESTED = 2


class OpenLevels:
    """The open zips of one archive, by locator (``()``: the dropped zip itself).

    Thread-safe: every method holds :attr:`lock`, a re-entrant lock that the archive also holds
    for the whole of a member's read, so that no level closes in the middle of it.

    Args:
        data: the archive's bytes, or None to open ``path``.
        path: the archive's path (when ``data`` is None).
    """

    def __init__(self, data: bytes | None, path: str | None) -> None:
        self._data = data
        self._path = path
        self._levels: dict[Locator, zipfile.ZipFile] = {}
        self._spools: dict[Locator, tempfile.SpooledTemporaryFile[bytes]] = {}
        self._listing: set[Locator] = set()  # nested levels open because they are being listed
        self.lock = threading.RLock()
        self._closed = False

    def close(self) -> None:
        """Close every open level (later reads open what they need again, and close it after)."""
        with self.lock:
            self._closed = True
            for locator in list(self._levels):
                self.drop(locator)

    def get(self, locator: Locator, stack: contextlib.ExitStack | None = None) -> zipfile.ZipFile:
        """The open zip at ``locator`` (opening it and the levels above it when needed).

        Args:
            stack: the read's exit stack: after :meth:`close`, what is opened for the read is
                closed when the read ends.

        Raises:
            ParseError: the archive or a nested zip cannot be opened (a sentence).
        """
        with self.lock:
            found = self._levels.get(locator)
            if found is not None:
                return found
            if not locator:
                archive = self._open_root()
            else:
                parent = self.get(locator[:-1], stack)
                info = find_info(parent, locator[-1])
                name = unpack.base_name(unpack.readable_name(info))
                archive = self.open_nested(parent, info, locator, name)
            self._levels[locator] = archive
            if self._closed and stack is not None:
                stack.callback(self.drop, locator)
            elif locator:
                self._trim()
            return archive

    def _open_root(self) -> zipfile.ZipFile:
        if self._path is not None:
            try:
                with open(self._path, "rb"):
                    pass
            except OSError as exc:
                raise ParseError(
                    f"The archive could not be opened: {exc.strerror or exc}."
                ) from None
        return unpack.open_zip(self._data if self._data is not None else self._path or "")

    def open_nested(
        self, parent: zipfile.ZipFile, info: zipfile.ZipInfo, locator: Locator, name: str
    ) -> zipfile.ZipFile:
        """Unpack the zip ``info`` of ``parent`` and open it as the level at ``locator``.

        Raises:
            ParseError: it cannot be unpacked or is not a zip (``name`` names it).
        """
        spool = unpack.spool_member(parent, info, name)
        try:
            archive = unpack.open_zip(spool)
        except ParseError:
            spool.close()
            raise
        with self.lock:
            self.drop(locator)
            self._levels[locator] = archive
            self._spools[locator] = spool
        return archive

    @contextlib.contextmanager
    def listed(self, locator: Locator) -> Iterator[None]:
        """Keep the level at ``locator`` open while it is listed; close it after."""
        with self.lock:
            self._listing.add(locator)
        try:
            yield
        finally:
            with self.lock:
                self._listing.discard(locator)
                self.drop(locator)

    def _trim(self) -> None:
        """Close the oldest nested levels opened for reading beyond the few kept."""
        nested = [locator for locator in self._levels if locator and locator not in self._listing]
        for locator in nested[:-_KEPT_NESTED]:
            if not any(other[: len(locator)] == locator for other in self._listing):
                self.drop(locator)

    def drop(self, locator: Locator) -> None:
        """Close the level at ``locator`` (and its spooled file), if open."""
        archive = self._levels.pop(locator, None)
        if archive is not None:
            archive.close()
        spool = self._spools.pop(locator, None)
        if spool is not None:
            spool.close()


def find_info(archive: zipfile.ZipFile, step: MemberStep) -> zipfile.ZipInfo:
    """The directory entry a step names (by position, or by name in a rewritten archive).

    Raises:
        ArchiveMemberNotFoundError: it is no longer in the archive.
    """
    infos = archive.infolist()
    if 0 <= step.index < len(infos) and infos[step.index].filename == step.name:
        return infos[step.index]
    for info in infos:  # the same archive rewritten: the name still finds it
        if info.filename == step.name:
            return info
    raise ArchiveMemberNotFoundError(
        f"{unpack.base_name(step.name)} is no longer in the archive.", detail=step.name
    )
