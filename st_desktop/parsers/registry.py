"""Pick the parser by content, open .gz and .zip transparently, never crash on input.

Any exception a parser raises that is not a :class:`ParseError` is a bug in our code on an input
we did not foresee; it is logged with its traceback and reported to the user as a damaged file,
so that one odd file never stops a batch.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Callable
from pathlib import Path

from st_desktop.domain.activity import Activity
from st_desktop.parsers.archive import (
    MAX_ARCHIVE_MEMBERS,
    MAX_FILE_BYTES,
    Archive,
    ArchiveSkip,
)
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.errors import (
    CorruptFileError,
    EmptyFileError,
    FileTooLargeError,
    ParseError,
    UnknownFormatError,
)
from st_desktop.parsers.fit import parse_fit
from st_desktop.parsers.fit_definitions import is_fit_header
from st_desktop.parsers.gpx import parse_gpx
from st_desktop.parsers.tcx import parse_tcx
from st_desktop.parsers.unpack import gunzip
from st_desktop.parsers.xmlsafe import detect_encoding

_log = logging.getLogger(__name__)

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_ROOT_RE = re.compile(rb"<\s*([A-Za-z_][\w.:-]*)")

_PARSERS: dict[str, Callable[[bytes, ParseContext | None], Activity]] = {
    "FIT": parse_fit,
    "TCX": parse_tcx,
    "GPX": parse_gpx,
}


def _root_name(data: bytes) -> str | None:
    """The name of the first element of an XML document (prefix dropped, lower case)."""
    encoding, bom = detect_encoding(data)
    head = data[bom : bom + 8192]
    if encoding != "utf-8":
        # An encoding Python does not know: the name is looked for as single bytes.
        with contextlib.suppress(LookupError, UnicodeError, ValueError, TypeError):
            head = head.decode(encoding, "ignore").encode("utf-8")
    position = 0
    while True:
        match = _ROOT_RE.search(head, position)
        if match is None:
            return None
        if head[match.start() + 1 : match.start() + 2] in (b"?", b"!"):
            position = match.end()
            continue
        return match.group(1).decode("ascii", "ignore").rpartition(":")[2].lower()


def detect_format(data: bytes) -> str:
    """The format of an activity file from its content: ``"FIT"``, ``"TCX"`` or ``"GPX"``.

    Raises:
        EmptyFileError: no bytes.
        UnknownFormatError: none of the three (gzip and zip are opened by :func:`parse_bytes`).
    """
    if not data:
        raise EmptyFileError()
    if is_fit_header(data):
        return "FIT"
    if data.startswith((_GZIP_MAGIC, _ZIP_MAGIC)):
        raise UnknownFormatError("This is a compressed file; open it to see the activity in it.")
    # Comments and processing instructions before <?xml are skipped by _root_name: an <!-- or
    # <? is never the root.
    root = _root_name(data.lstrip())
    if root == "gpx":
        return "GPX"
    if root == "trainingcenterdatabase":
        return "TCX"
    if root is not None and data.lstrip()[:1] == b"<":
        raise UnknownFormatError(f"This XML file is not GPX or TCX (its root element is <{root}>).")
    raise UnknownFormatError()


def _gunzip(data: bytes) -> bytes:
    return gunzip(data, "This .gz file", MAX_FILE_BYTES)


def parse_bytes(
    data: bytes, name: str | None = None, *, context: ParseContext | None = None
) -> Activity:
    """Parse an activity file's bytes (FIT, TCX or GPX, possibly gzip-compressed).

    Args:
        data: the file content.
        name: the file name, kept as ``Activity.source_name`` (the format never depends on it).
        context: the clock and this computer's zone (tests inject them); the real ones when
            None.

    Returns:
        The activity, with warnings for anything that was recovered or is missing.

    Raises:
        ParseError: a subclass from :mod:`st_desktop.parsers.errors` with a sentence for the user.
    """
    if len(data) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, which no activity "
            "file is."
        )
    if data.startswith(_GZIP_MAGIC):
        data = _gunzip(data)
        if not data:
            raise EmptyFileError("This .gz file contains an empty file.")
    if data.startswith(_ZIP_MAGIC):
        raise UnknownFormatError(
            "This is a zip archive; open it as an archive to read the activities in it."
        )
    fmt = detect_format(data)
    try:
        activity = _PARSERS[fmt](data, context)
    except ParseError:
        raise
    except RecursionError as exc:
        raise CorruptFileError(f"This {fmt} file is nested too deeply to be read.") from exc
    except Exception as exc:  # one odd file must never stop a batch: see module docstring
        _log.exception("unexpected failure parsing %s as %s", name or "<bytes>", fmt)
        raise CorruptFileError(
            f"This {fmt} file could not be read: it is damaged or uses something this app does "
            "not understand.",
            detail=repr(exc),
        ) from exc
    activity.source_name = name
    return activity


def parse_file(path: str | Path, *, context: ParseContext | None = None) -> Activity:
    """Parse an activity file from disk (``.fit``, ``.tcx``, ``.gpx``, also ``.gz``-compressed).

    Raises:
        ParseError: unreadable, too large, empty or not an activity (see :func:`parse_bytes`).
    """
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileTooLargeError(
                f"This file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB, which no "
                "activity file is."
            )
        data = path.read_bytes()
    except OSError as exc:
        raise ParseError(f"The file could not be opened: {exc.strerror or exc}.") from exc
    return parse_bytes(data, path.name, context=context)


def parse_archive(
    source: str | Path | bytes, name: str | None = None, *, context: ParseContext | None = None
) -> list[Activity | ParseError]:
    """Parse every file in a zip archive (or a ``.gz`` file), zips inside it included.

    Folders, hidden and macOS resource files are skipped (see :mod:`st_desktop.parsers.archive`,
    which reads the archive).

    Args:
        source: the archive's path or its bytes.
        name: the archive's name for messages (default: the file name).

    Returns:
        One entry per member, in archive order: the Activity (its ``source_name`` is the member
        name) or the ParseError saying why that member could not be read (its ``detail`` starts
        with the member name). One bad member never hides the others, and a failed member's
        error keeps none of its data alive (no traceback, no chained cause).

    Raises:
        ParseError: the archive itself cannot be opened (damaged, too many files, not an
            archive).
    """
    results: list[Activity | ParseError] = []
    with Archive(source if isinstance(source, bytes) else str(source), name) as archive:
        for entry in archive.entries(all_files=True):
            if isinstance(entry, ArchiveSkip):
                if entry.kind == "archive" and not entry.locator:
                    raise entry.to_error()
                if entry.kind != "empty" or entry.locator:
                    results.append(entry.to_error())
                continue
            try:
                activity = parse_bytes(entry.read(), entry.name, context=context)
            except ParseError as exc:
                results.append(_detached(exc, entry.name))
            else:
                results.append(activity)
    return results


def _detached(error: ParseError, name: str) -> ParseError:
    """The error without its traceback and causes, whose frames hold the member's bytes."""
    error.__traceback__ = None
    error.__cause__ = None
    error.__context__ = None
    error.detail = f"{name}: {error.detail or error.user_message}"
    return error


__all__ = [
    "MAX_ARCHIVE_MEMBERS",
    "MAX_FILE_BYTES",
    "detect_format",
    "parse_archive",
    "parse_bytes",
    "parse_file",
]
