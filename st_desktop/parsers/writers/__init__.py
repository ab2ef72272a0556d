"""Our own file writers: activities and workouts as FIT, TCX, GPX, CSV and JSON files.

Every writer takes an :class:`~st_desktop.domain.activity.Activity`: a parsed file, one the user
edited in the preview, or a downloaded workout turned into one by :func:`workout_to_activity`.

Public API:

* :func:`workout_to_activity`, :class:`WorkoutMeta`, :func:`workout_summary`: from the service's
  workouts to the writers' input.
* :func:`write_fit` (with :class:`FitCreator`), :func:`write_tcx`, :func:`write_gpx`: bytes of a
  file; :func:`write_activity` picks one by format name (:data:`ACTIVITY_FORMATS`).
* :class:`SummaryCsvWriter` (columns :data:`CSV_COLUMNS`): one row per workout, streamed.
* :func:`workout_json_bytes`: the service's own JSON of a workout.
* :func:`export_file_name`, :func:`activity_file_name`, :func:`workout_file_name`,
  :func:`safe_file_name`, :class:`FileNamer`: file names safe on every system, made unique.

Failures are :class:`WriteError` subclasses whose message is one sentence for the user.
"""

from __future__ import annotations

from collections.abc import Callable

from st_desktop.domain.activity import Activity
from st_desktop.parsers.writers.convert import (
    WORKOUT_FORMAT,
    WorkoutMeta,
    workout_summary,
    workout_to_activity,
)
from st_desktop.parsers.writers.csv_summary import CSV_COLUMNS, SummaryCsvWriter
from st_desktop.parsers.writers.errors import NoPositionsError, NoStartTimeError, WriteError
from st_desktop.parsers.writers.fit import FitCreator, write_fit
from st_desktop.parsers.writers.gpx import write_gpx
from st_desktop.parsers.writers.json_export import workout_json_bytes
from st_desktop.parsers.writers.names import (
    FileNamer,
    activity_file_name,
    export_file_name,
    safe_file_name,
    sanitize_part,
    workout_file_name,
)
from st_desktop.parsers.writers.tcx import write_tcx

_WRITERS: dict[str, Callable[[Activity], bytes]] = {
    "fit": write_fit,
    "tcx": write_tcx,
    "gpx": write_gpx,
}

#: Formats :func:`write_activity` writes (also the file extensions).
ACTIVITY_FORMATS: tuple[str, ...] = tuple(_WRITERS)


def write_activity(activity: Activity, fmt: str) -> bytes:
    """The bytes of ``activity`` as a ``"fit"``, ``"tcx"`` or ``"gpx"`` file (any case).

    Raises:
        ValueError: an unknown format name (a programming error, not a user's).
        WriteError: the activity cannot be written in that format (GPX without positions).
    """
    writer = _WRITERS.get(fmt.strip().lstrip(".").lower())
    if writer is None:
        raise ValueError(f"unknown activity format {fmt!r}")
    return writer(activity)


__all__ = [
    "ACTIVITY_FORMATS",
    "CSV_COLUMNS",
    "WORKOUT_FORMAT",
    "FileNamer",
    "FitCreator",
    "NoPositionsError",
    "NoStartTimeError",
    "SummaryCsvWriter",
    "WorkoutMeta",
    "WriteError",
    "activity_file_name",
    "export_file_name",
    "safe_file_name",
    "sanitize_part",
    "workout_file_name",
    "workout_json_bytes",
    "workout_summary",
    "workout_to_activity",
    "write_activity",
    "write_fit",
    "write_gpx",
    "write_tcx",
]
