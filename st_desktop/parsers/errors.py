"""Why an activity file could not be read, in a sentence the user understands.

Every class derives from :class:`st_desktop.errors.ParseError`; ``str(error)`` is the sentence.
"""

from __future__ import annotations

from st_desktop.errors import ParseError

__all__ = [
    "ArchiveMemberNotFoundError",
    "CorruptFileError",
    "EmptyFileError",
    "FileTooLargeError",
    "MalformedXmlError",
    "NoActivityDataError",
    "ParseError",
    "PasswordProtectedError",
    "UnknownFormatError",
    "UnsafeArchiveError",
    "UnsafeXmlError",
    "UnsupportedArchiveError",
]


class EmptyFileError(ParseError):
    """The file has no bytes at all."""

    default_message = "This file is empty."


class UnknownFormatError(ParseError):
    """The content is none of FIT, TCX or GPX."""

    default_message = "This is not a FIT, TCX or GPX file."


class FileTooLargeError(ParseError):
    """The file (or what it decompresses to) is over the size limit."""

    default_message = "This file is too large to be an activity file."


class CorruptFileError(ParseError):
    """The file is damaged before anything usable could be read."""

    default_message = "This file is damaged and nothing in it could be read."


class MalformedXmlError(ParseError):
    """The XML is broken beyond what a recovering parser can read."""

    default_message = "This file is not valid XML and could not be read."


class UnsafeXmlError(ParseError):
    """The XML uses features activity files never need (entity declarations, DTDs)."""

    default_message = (
        "This file declares XML entities, which activity files never do; it was not read."
    )


class NoActivityDataError(ParseError):
    """The file is well formed but holds nothing that can become an activity."""

    default_message = "This file holds no activity data."


class PasswordProtectedError(ParseError):
    """An archive member is encrypted; the app never asks for archive passwords."""

    default_message = "This file is password-protected inside its archive, so it cannot be read."


class UnsupportedArchiveError(ParseError):
    """The archive uses a compression method or zip version Python cannot unpack."""

    default_message = "This archive uses a kind of compression this app cannot unpack."


class UnsafeArchiveError(ParseError):
    """An archive entry looks crafted: a name outside the archive, a zip bomb, nesting too deep."""

    default_message = "This archive entry was not read, to be safe."


class ArchiveMemberNotFoundError(ParseError):
    """A member asked for by name is not in the archive."""

    default_message = "The archive does not hold that file."
