"""Why an activity file could not be read, in a sentence the user understands.

Every class derives from :class:`st_desktop.errors.ParseError`; ``str(error)`` is the sentence.
"""

from __future__ import annotations

from st_desktop.errors import ParseError

__all__ = [
    "CorruptFileError",
    "EmptyFileError",
    "FileTooLargeError",
    "MalformedXmlError",
    "NoActivityDataError",
    "ParseError",
    "UnknownFormatError",
    "UnsafeXmlError",
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
