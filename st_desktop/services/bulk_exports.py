"""Names, notes and types that bulk exports keep beside the files: Strava's ``activities.csv``.

A Strava bulk export ("Download or Delete Your Account") holds ``activities/<id>.fit.gz`` (or
``.gpx``/``.tcx``) and ``activities.csv`` with a row per activity: its name, description and
type, and the ``Filename`` the row is about. Reading those rows lets every file of the export
go up with the name the athlete gave it, not "Morning Ride".
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

log = logging.getLogger(__name__)

STRAVA_CSV = "activities.csv"

#: Strava activity types -> SportTracks types (those not listed keep no type: the file's own).
STRAVA_TYPES = {
    "ride": "Cycling",
    "virtual ride": "Cycling: Indoor",
    "virtualride": "Cycling: Indoor",
    "mountain bike ride": "Cycling: Mountain",
    "gravel ride": "Cycling: Road",
    "e-bike ride": "Cycling",
    "run": "Running",
    "trail run": "Running: Trail",
    "virtual run": "Running: Treadmill",
    "virtualrun": "Running: Treadmill",
    "walk": "Walking",
    "hike": "Walking: Hiking",
    "swim": "Swimming",
    "alpine ski": "Skiing: Alpine",
    "backcountry ski": "Skiing",
    "nordic ski": "Skiing: Nordic",
    "snowboard": "Skiing: Snowboard",
    "snowshoe": "Walking: Snowshoe",
    "rowing": "Rowing",
    "kayaking": "Rowing: Kayak",
    "canoeing": "Rowing: Canoe",
    "stand up paddling": "Rowing: Standup Paddling",
    "standuppaddling": "Rowing: Standup Paddling",
    "ice skate": "Skating: Ice",
    "inline skate": "Skating: Inline",
    "weight training": "Gym: Strength",
    "workout": "Gym",
    "yoga": "Gym: Yoga",
    "elliptical": "Gym: Elliptical",
    "rock climb": "Other: Climbing",
    "kitesurf": "Other: Kitesurf",
    "windsurf": "Other: Windsurf",
    "sail": "Other: Sailing",
    "soccer": "Other: Soccer",
    "tennis": "Other: Tennis",
}


@dataclass(frozen=True)
class ExportMeta:
    """What an export says about one file: the name, notes and type to upload it with."""

    name: str | None = None
    notes: str | None = None
    type: str | None = None


def strava_metadata(data: bytes) -> dict[str, ExportMeta]:
    """Read ``activities.csv``: ``Filename`` (lower case, as in the export) -> its metadata.

    Unknown columns and types are ignored; an unreadable file gives nothing (the files still go
    up, with their own names).
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    rows = csv.reader(io.StringIO(text))
    try:
        header = [cell.strip().lower() for cell in next(rows)]
    except (StopIteration, csv.Error):
        return {}
    # Some exports repeat a column name (two "Distance"): the first of each is Strava's own.
    column = {name: header.index(name) for name in set(header)}
    if "filename" not in column:
        log.info("activities.csv has no Filename column; names are not taken from it")
        return {}
    found: dict[str, ExportMeta] = {}
    try:
        for row in rows:
            cell = _reader(row, column)
            filename = cell("filename")
            if not filename:
                continue
            kind = cell("activity type").lower()
            found[filename.lower()] = ExportMeta(
                name=cell("activity name") or None,
                notes=cell("activity description") or None,
                type=STRAVA_TYPES.get(kind),
            )
    except csv.Error as exc:
        log.info("activities.csv is damaged after %d rows: %s", len(found), exc)
    return found


def _reader(row: list[str], column: dict[str, int]) -> Callable[[str], str]:
    def cell(name: str) -> str:
        index = column.get(name)
        return row[index].strip() if index is not None and index < len(row) else ""

    return cell


def meta_for(metadata: dict[str, ExportMeta], member: str) -> ExportMeta | None:
    """The metadata of an export's file, by its path in the export (or its name alone)."""
    if not metadata:
        return None
    path = PurePosixPath(member.replace("\\", "/"))
    for key in (str(path).lower(), f"activities/{path.name}".lower(), path.name.lower()):
        if key in metadata:
            return metadata[key]
    return None
