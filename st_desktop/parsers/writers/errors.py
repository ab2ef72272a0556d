"""Why an activity could not be written in a format, in a sentence the user understands."""

from __future__ import annotations

from st_desktop.errors import StDesktopError

__all__ = ["NoPositionsError", "NoStartTimeError", "WriteError"]


class WriteError(StDesktopError):
    """An activity cannot be written in the format asked for."""

    default_message = "This workout could not be written to a file."


class NoPositionsError(WriteError):
    """GPX holds only points with a position, and the activity has none."""

    default_message = (
        "This workout has no GPS positions, so it cannot be saved as GPX (a GPX file holds only "
        "points on a map); save it as FIT or TCX instead."
    )


class NoStartTimeError(WriteError):
    """The workout has no start time to date the file with."""

    default_message = "This workout has no start time, so it cannot be saved as a file."
