"""Activity files (FIT, TCX, GPX) parsed offline into :class:`st_desktop.domain.activity.Activity`.

Public API:

* :func:`parse_file` / :func:`parse_bytes`: one file (``.gz`` opened transparently); the format
  comes from the content (FIT header, XML root element), never from the name alone.
* :func:`parse_archive`: every member of a ``.zip`` (zips inside it included) or ``.gz``, each an
  Activity or a ParseError.
* :class:`~st_desktop.parsers.archive.Archive`: the one archive reader (the app's drop intake
  uses it too): entries with a status, members unpacked lazily and safely.
* :class:`ParseContext`: the clock and this computer's zone a parse uses (tests inject them).
* :func:`detect_format`: ``"FIT"``, ``"TCX"`` or ``"GPX"``, or a ParseError saying what it is not.
* :func:`activity_to_workout_json`: the SportTracks workout JSON for a manual POST.
* :func:`file_upload_payload`: the form fields of ``POST /fileUpload``.

Every parsed Activity carries ``verdicts`` (what is not plausible about the recording),
``segments`` (the stretches recorded without a break) and the ride's own time zone (see
:mod:`st_desktop.parsers.plausibility`, :mod:`st_desktop.parsers.segments`,
:mod:`st_desktop.parsers.zone`).

Every failure is a :class:`st_desktop.errors.ParseError` subclass (see
:mod:`st_desktop.parsers.errors`) whose message is one sentence for the user.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from st_desktop.lazy import lazy_attributes

# The names below are read from their modules on first use: the window imports light modules
# of the package (privacy zones, edit limits) at start, and must not load every reader then.
if TYPE_CHECKING:
    from st_desktop.parsers.archive import (
        Archive,
        ArchiveMember,
        ArchiveSkip,
        iter_archive,
        read_archive_member,
    )
    from st_desktop.parsers.context import ParseContext
    from st_desktop.parsers.errors import ParseError
    from st_desktop.parsers.export import activity_to_workout_json, file_upload_payload
    from st_desktop.parsers.registry import (
        MAX_FILE_BYTES,
        detect_format,
        parse_archive,
        parse_bytes,
        parse_file,
    )

#: Where each public name lives.
_WHERE = {
    "Archive": "st_desktop.parsers.archive",
    "ArchiveMember": "st_desktop.parsers.archive",
    "ArchiveSkip": "st_desktop.parsers.archive",
    "iter_archive": "st_desktop.parsers.archive",
    "read_archive_member": "st_desktop.parsers.archive",
    "ParseContext": "st_desktop.parsers.context",
    "ParseError": "st_desktop.parsers.errors",
    "activity_to_workout_json": "st_desktop.parsers.export",
    "file_upload_payload": "st_desktop.parsers.export",
    "MAX_FILE_BYTES": "st_desktop.parsers.registry",
    "detect_format": "st_desktop.parsers.registry",
    "parse_archive": "st_desktop.parsers.registry",
    "parse_bytes": "st_desktop.parsers.registry",
    "parse_file": "st_desktop.parsers.registry",
}


__getattr__ = lazy_attributes(__name__, _WHERE)


__all__ = [
    "MAX_FILE_BYTES",
    "Archive",
    "ArchiveMember",
    "ArchiveSkip",
    "ParseContext",
    "ParseError",
    "activity_to_workout_json",
    "detect_format",
    "file_upload_payload",
    "iter_archive",
    "parse_archive",
    "parse_bytes",
    "parse_file",
    "read_archive_member",
]
