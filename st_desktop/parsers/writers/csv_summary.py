"""Workouts as CSV: one row per workout, typed columns, streamed to a file as they come.

RFC 4180: a header row, comma-separated fields, CRLF line ends, fields quoted only when they
hold a comma, quote or line break (quotes doubled), UTF-8. Numbers are written with a point and
a fixed number of decimals per column, never in scientific notation; an unknown figure is an
empty field. Times are ISO 8601 with the workout's own UTC offset; ``local_date`` is the date
at the place and time the workout started.

Text is written as it is: a name that begins with ``=`` is a name, not a formula. (Spreadsheet
programs that run such cells as formulas should be told to import the file as text.)
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from st_desktop.domain.activity import Activity, Summary
from st_desktop.domain.timeutil import format_timestamp
from st_desktop.domain.types import normalize_type
from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.parsers.writers.convert import WorkoutMeta, workout_summary


@dataclass(frozen=True)
class _Column:
    name: str
    value: Callable[[_Row], Any]
    places: int | None = None  # decimals of a number column; None for text


@dataclass(frozen=True)
class _Row:
    start: datetime | None
    type: str
    name: str
    notes: str
    summary: Summary
    meta: WorkoutMeta


#: The columns, in order (the header row is their names).
_COLUMNS: tuple[_Column, ...] = (
    _Column("id", lambda r: r.meta.id),
    _Column("start_time", lambda r: format_timestamp(r.start) if r.start else None),
    _Column("local_date", lambda r: r.start.date().isoformat() if r.start else None),
    _Column("type", lambda r: r.type),
    _Column("name", lambda r: r.name),
    _Column("notes", lambda r: r.notes),
    _Column("distance_m", lambda r: r.summary.distance, 2),
    _Column("duration_s", lambda r: r.summary.moving_time, 2),
    _Column("elapsed_s", lambda r: r.summary.elapsed_time, 2),
    _Column("elevation_gain_m", lambda r: r.summary.elevation_gain, 1),
    _Column("elevation_loss_m", lambda r: r.summary.elevation_loss, 1),
    _Column("calories_kj", lambda r: r.summary.calories, 0),
    _Column("avg_heartrate_bpm", lambda r: r.summary.avg_heartrate, 0),
    _Column("max_heartrate_bpm", lambda r: r.summary.max_heartrate, 0),
    _Column("avg_speed_mps", lambda r: r.summary.avg_speed, 3),
    _Column("max_speed_mps", lambda r: r.summary.max_speed, 3),
    _Column("avg_cadence_rpm", lambda r: r.summary.avg_cadence, 0),
    _Column("avg_power_w", lambda r: r.summary.avg_power, 0),
    _Column("max_power_w", lambda r: r.summary.max_power, 0),
    _Column("uri", lambda r: r.meta.uri),
)

#: The header row.
CSV_COLUMNS: tuple[str, ...] = tuple(column.name for column in _COLUMNS)


def _cell(column: _Column, row: _Row) -> str:
    value = column.value(row)
    if value is None:
        return ""
    if column.places is None:
        return str(value)
    number = float(value)
    if not math.isfinite(number):
        return ""
    text = f"{number:.{column.places}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text  # no "-0.00"


class SummaryCsvWriter:
    """Writes one CSV row per workout to an open text stream (or a file it opens itself).

    The header row is written first. Use :meth:`open` for a file (closed by :meth:`close` or
    the ``with`` block), or pass a stream opened with ``newline=""``.

    Attributes:
        rows_written: data rows written so far.
    """

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self._owned = False
        self._writer = csv.writer(stream, dialect="excel", lineterminator="\r\n")
        self._writer.writerow(CSV_COLUMNS)
        self.rows_written = 0

    @classmethod
    def open(cls, path: str | Path, *, bom: bool = False) -> SummaryCsvWriter:
        """Create (or replace) the file at ``path``; ``bom`` adds the UTF-8 mark Excel wants."""
        # The writer owns the stream and closes it in close(): no context manager here.
        stream = Path(path).open(  # noqa: SIM115
            "w", encoding="utf-8-sig" if bom else "utf-8", newline=""
        )
        writer = cls(stream)
        writer._owned = True
        return writer

    def write_activity(self, activity: Activity, meta: WorkoutMeta | None = None) -> None:
        """Write the row of an activity (a parsed file, or a workout via workout_to_activity)."""
        row = _Row(
            start=activity.start_time,
            type=normalize_type(activity.sport),
            name=activity.name or "",
            notes=activity.notes or "",
            summary=activity.summary,
            meta=meta or WorkoutMeta(),
        )
        self._write(row)

    def write_workout(self, workout: Workout | WorkoutSummary) -> None:
        """Write the row of a workout from its own totals (a list item is enough: no streams)."""
        row = _Row(
            start=workout.start_time,
            type=workout.type,
            name=workout.name,
            notes=workout.notes if isinstance(workout, Workout) else "",
            summary=workout_summary(workout),
            meta=WorkoutMeta.from_workout(workout),
        )
        self._write(row)

    def _write(self, row: _Row) -> None:
        self._writer.writerow([_cell(column, row) for column in _COLUMNS])
        self.rows_written += 1

    def close(self) -> None:
        """Flush, and close the file when :meth:`open` opened it."""
        if self._owned:
            self._stream.close()
        else:
            self._stream.flush()

    def __enter__(self) -> SummaryCsvWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
