"""The workout table's columns: what each shows, how it sorts and how its header reads.

Kept apart from the model's paging so each stays readable; :mod:`.model` re-exports the names.

A workout without a name shows the name the services users know would give it ("Morning
Ride", from its local start and type) in italics and the muted colour, so it reads as a
suggestion, never as a name somebody typed. The Duration column is the moving time (the
service's ``duration``: pauses left out), and says so; its tooltip gives the elapsed time too.
"""

from __future__ import annotations

from datetime import datetime
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtGui import QBrush, QFont, QPalette

from st_desktop.domain.naming import default_name
from st_desktop.domain.units import (
    distance_unit,
    elevation_unit,
    format_distance,
    format_duration,
    format_elevation,
)
from st_desktop.store.cache import WorkoutRow
from st_desktop.ui import theme
from st_desktop.ui.i18n import date_format, figure

#: The translation context of the table's texts (the model's, where the headers are asked for).
CONTEXT = "WorkoutTableModel"


def _tr(text: object) -> str:
    return QCoreApplication.translate(CONTEXT, str(text))


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
FONT_ROLE = int(Qt.ItemDataRole.FontRole.value)
FOREGROUND_ROLE = int(Qt.ItemDataRole.ForegroundRole.value)
TOOLTIP_ROLE = int(Qt.ItemDataRole.ToolTipRole.value)
#: Roles :func:`extra_data` answers (the model passes them on): a suggested name's look, and
#: tooltips.
EXTRA_ROLES = frozenset({FONT_ROLE, FOREGROUND_ROLE, TOOLTIP_ROLE})
#: Every role a cell answers: the model's own and :data:`EXTRA_ROLES`.
ALL_ROLES = ANSWERED_ROLES | EXTRA_ROLES
#: Elapsed time is mentioned beside the moving time when longer by more than this (seconds).
PAUSED_ENOUGH_S = 60


def header_text(column: Column, units: str) -> str:
    """The column's title, with the unit it shows."""
    distance = distance_unit(units)[1]
    height = elevation_unit(units)[1]
    return {
        Column.DATE: QCoreApplication.translate("WorkoutTableModel", "Date"),
        Column.NAME: QCoreApplication.translate("WorkoutTableModel", "Name"),
        Column.TYPE: QCoreApplication.translate("WorkoutTableModel", "Type"),
        Column.DISTANCE: QCoreApplication.translate(
            "WorkoutTableModel", "Distance ({unit})"
        ).format(unit=distance),
        Column.DURATION: QCoreApplication.translate("WorkoutTableModel", "Moving time"),
        Column.ELEVATION: QCoreApplication.translate("WorkoutTableModel", "Climb ({unit})").format(
            unit=height
        ),
        Column.HEARTRATE: QCoreApplication.translate("WorkoutTableModel", "Avg HR (bpm)"),
    }[column]


#: What a header means, where its title is short (translated by :func:`header_tooltip`).
HEADER_TIPS = {
    Column.NAME: QT_TRANSLATE_NOOP(
        "WorkoutTableModel",
        "A workout without a name shows, in grey italics, the name it would get from its start "
        "and type (\u201cMorning Ride\u201d)",
    ),
    Column.DURATION: QT_TRANSLATE_NOOP(
        "WorkoutTableModel",
        "Moving time: how long the timer ran, pauses left out (SportTracks' Duration). Each "
        "row's tooltip gives the elapsed time too.",
    ),
}


def header_tooltip(column: Column) -> str | None:
    """The header's tooltip (what a short title means), if any."""
    tip = HEADER_TIPS.get(column)
    return _tr(tip) if tip else None


def _local_start(item: WorkoutRow) -> datetime | None:
    if not item.start_local:
        return None
    try:
        return datetime.fromisoformat(item.start_local)
    except ValueError:
        return None


def suggested_name(item: WorkoutRow) -> str:
    """The name an unnamed workout shows: "Evening Run", from its local start and type."""
    return default_name(_local_start(item), item.type)


def is_suggested(item: WorkoutRow, column: Column) -> bool:
    """True for the Name cell of a workout without a name (it shows :func:`suggested_name`)."""
    return column == Column.NAME and not item.name.strip()


def times_text(moving: float | None, elapsed: float | None) -> str:
    """``Moving 24:36, elapsed 45:11:20 (pauses included)``; one figure when they agree."""
    if moving and elapsed and elapsed - moving > PAUSED_ENOUGH_S:
        return QCoreApplication.translate(
            "WorkoutTableModel", "Moving {moving}, elapsed {elapsed} (pauses included)"
        ).format(moving=format_duration(moving), elapsed=format_duration(elapsed))
    shown = moving or elapsed
    return (
        QCoreApplication.translate("WorkoutTableModel", "Moving {moving}").format(
            moving=format_duration(shown)
        )
        if shown
        else ""
    )


def extra_data(item: WorkoutRow, column: Column, role: int, palette: QPalette | None = None) -> Any:
    """The font, colour and tooltip of a cell (None: the view's own).

    Args:
        item: the row.
        column: the cell's column.
        role: one of :data:`EXTRA_ROLES`.
        palette: what the view paints with (default: the application's), so the muted colour
            of a suggested name reads in dark mode too.
    """
    if role == TOOLTIP_ROLE:
        if column == Column.NAME:
            return (
                item.name
                if item.name.strip()
                else QCoreApplication.translate(
                    "WorkoutTableModel", "{name} (no name given)"
                ).format(name=suggested_name(item))
            )
        if column == Column.DURATION:
            clock = item.summary().clock_duration  # parsed on hover only
            return times_text(item.duration, clock) or None
        return None
    if not is_suggested(item, column):
        return None
    if role == FONT_ROLE:
        font = QFont()
        font.setItalic(True)
        return font
    if role == FOREGROUND_ROLE:
        return QBrush(theme.colours(palette).muted)
    return None


def display_text(item: WorkoutRow, column: Column, units: str) -> str:
    """What a cell shows."""
    if column == Column.DATE:  # shown in the workout's own offset, as recorded
        return _date_text(item)
    if column == Column.NAME:
        return item.name if item.name.strip() else suggested_name(item)
    if column == Column.TYPE:
        return item.type
    if column == Column.DISTANCE:
        return figure(format_distance(item.distance, units).rsplit(" ", 1)[0])
    if column == Column.DURATION:
        return format_duration(item.duration)
    if column == Column.ELEVATION:
        return format_elevation(item.elevation_gain, units).rsplit(" ", 1)[0]
    hr = item.avg_heartrate
    return f"{hr:.0f}" if hr is not None else ""


def _date_text(item: WorkoutRow) -> str:
    """The local start as the locale writes dates ("2026-03-01 07:30" in the C locale,
    "01.03.2026 07:30" in German)."""
    start = _local_start(item)
    if start is None:
        return (item.start_local or "")[:16].replace("T", " ")
    moment = QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
    return QLocale().toString(moment, date_format(time=True))


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
