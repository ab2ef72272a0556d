"""Pick the parser by content, open .gz and .zip transparently, never crash on input.

Any exception a parser raises that is not a :class:`ParseError` is a bug in our code on an input
we did not foresee; it is logged with its traceback and reported to the user as a damaged file,
so that one odd file never stops a batch.
"""

from __future__ import annotations

import logging
import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

from st_desktop.domain.activity import Activity
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

_log = logging.getLogger(__name__)

#: Largest file (or decompressed content) we read. The longest real activity files are ~10 MB.
MAX_FILE_BYTES = 200 * 1024 * 1024
#: Archives with more members than this are not activity exports.
MAX_ARCHIVE_MEMBERS = 10_000

_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_ROOT_RE = re.compile(rb"<\s*([A-Za-z_][\w.:-]*)")

_PARSERS: dict[str, Callable[[bytes], Activity]] = {
    "FIT": parse_fit,
    "TCX": parse_tcx,
    "GPX": parse_gpx,
}


def _root_name(data: bytes) -> str | None:
    """The name of the first element of an XML document (prefix dropped, lower case)."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "ignore").encode("utf-8")
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
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(data, MAX_FILE_BYTES + 1)
    except zlib.error as exc:
        raise CorruptFileError("This .gz file is damaged and could not be opened.") from exc
    if len(out) > MAX_FILE_BYTES:
        raise FileTooLargeError(
            f"This .gz file unpacks to more than {MAX_FILE_BYTES // (1024 * 1024)} MB, "
            "which no activity file is."
        )
    return out


def parse_bytes(data: bytes, name: str | None = None) -> Activity:
    """Parse an activity file's bytes (FIT, TCX or GPX, possibly gzip-compressed).

    Args:
        data: the file content.
        name: the file name, kept as ``Activity.source_name`` (the format never depends on it).

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
        activity = _PARSERS[fmt](data)
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


def parse_file(path: str | Path) -> Activity:
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
    return parse_bytes(data, path.name)


def parse_archive(path: str | Path) -> list[Activity | ParseError]:
    """Parse every file in a zip archive (folders, hidden and macOS resource files skipped).

    Returns:
        One entry per member, in archive order: the Activity (its ``source_name`` is the member
        name) or the ParseError saying why that member could not be read (its ``detail`` starts
        with the member name). One bad member never hides the others.

    Raises:
        ParseError: the archive itself cannot be opened.
    """
    results: list[Activity | ParseError] = []
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as exc:
        raise CorruptFileError("This zip archive is damaged and could not be opened.") from exc
    with archive:
        members = [
            info
            for info in archive.infolist()
            if not info.is_dir()
            and not info.filename.startswith("__MACOSX/")
            and not Path(info.filename).name.startswith(".")
        ]
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise FileTooLargeError("This archive holds too many files to be an activity export.")
        for info in members:
            try:
                if info.file_size > MAX_FILE_BYTES:
                    raise FileTooLargeError(
                        f"{info.filename} is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
                    )
                with archive.open(info) as member:
                    data = member.read(MAX_FILE_BYTES + 1)
                if len(data) > MAX_FILE_BYTES:
                    raise FileTooLargeError(f"{info.filename} is too large.")
                results.append(parse_bytes(data, info.filename))
            except ParseError as exc:
                exc.detail = f"{info.filename}: {exc.detail or exc.user_message}"
                results.append(exc)
            except (
                OSError,
                zipfile.BadZipFile,
                RuntimeError,
                EOFError,
                zlib.error,
                NotImplementedError,
            ) as exc:
                error = CorruptFileError(
                    f"{info.filename} could not be unpacked from the archive.", detail=repr(exc)
                )
                results.append(error)
    return results


__all__ = ["MAX_FILE_BYTES", "detect_format", "parse_archive", "parse_bytes", "parse_file"]
