"""The workout table's columns: what each shows, how it sorts and how its header reads.

Kept apart from the model's paging so each stays readable; :mod:`.model` re-exports the names.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt

from st_desktop.domain.units import (
    distance_unit,
    elevation_unit,
    format_distance,
    format_duration,
    format_elevation,
)
from st_desktop.store.cache import WorkoutRow


class Column(IntEnum):
    """The table's columns, in their default order."""

    DATE = 0
    NAME = 1
    TYPE = 2
    DISTANCE = 3
    DURATION = 4
    ELEVATION = 5
    HEARTRATE = 6


#: Column -> sort key of :class:`~st_desktop.store.cache.WorkoutQuery`.
SORT_KEYS: dict[Column, str] = {
    Column.DATE: "start",
    Column.NAME: "name",
    Column.TYPE: "type",
    Column.DISTANCE: "distance",
    Column.DURATION: "duration",
    Column.ELEVATION: "elevation_gain",
    Column.HEARTRATE: "avg_heartrate",
}

#: Data role giving the native value a column sorts by (datetime, float, str or None).
SortRole = Qt.ItemDataRole.UserRole + 1
#: Data role giving the row's :class:`~st_desktop.domain.workout.WorkoutSummary`.
WorkoutRole = Qt.ItemDataRole.UserRole + 2

NUMERIC_COLUMNS = frozenset({Column.DISTANCE, Column.DURATION, Column.ELEVATION, Column.HEARTRATE})
DISPLAY_ROLE = int(Qt.ItemDataRole.DisplayRole.value)
ALIGNMENT_ROLE = int(Qt.ItemDataRole.TextAlignmentRole.value)
ANSWERED_ROLES = frozenset(
    {DISPLAY_ROLE, ALIGNMENT_ROLE, int(Qt.ItemDataRole.ToolTipRole.value), SortRole, WorkoutRole}
)
RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def header_text(column: Column, units: str) -> str:
    """The column's title, with the unit it shows."""
    distance = distance_unit(units)[1]
    height = elevation_unit(units)[1]
    return {
        Column.DATE: "Date",
        Column.NAME: "Name",
        Column.TYPE: "Type",
        Column.DISTANCE: f"Distance ({distance})",
        Column.DURATION: "Duration",
        Column.ELEVATION: f"Climb ({height})",
        Column.HEARTRATE: "Avg HR (bpm)",
    }[column]


def display_text(item: WorkoutRow, column: Column, units: str) -> str:
    """What a cell shows."""
    if column == Column.DATE:  # shown in the workout's own offset, as recorded
        return item.start_local[:16].replace("T", " ") if item.start_local else ""
    if column == Column.NAME:
        return item.name
    if column == Column.TYPE:
        return item.type
    if column == Column.DISTANCE:
        return format_distance(item.distance, units).rsplit(" ", 1)[0]
    if column == Column.DURATION:
        return format_duration(item.duration)
    if column == Column.ELEVATION:
        return format_elevation(item.elevation_gain, units).rsplit(" ", 1)[0]
    hr = item.avg_heartrate
    return f"{hr:.0f}" if hr is not None else ""


def sort_value(item: WorkoutRow, column: Column) -> Any:
    """The native value a cell sorts by (datetime, float, str or None)."""
    if column == Column.DATE:
        return item.summary().start_time
    return {
        Column.NAME: item.name,
        Column.TYPE: item.type,
        Column.DISTANCE: item.distance,
        Column.DURATION: item.duration,
        Column.ELEVATION: item.elevation_gain,
        Column.HEARTRATE: item.avg_heartrate,
    }[column]
