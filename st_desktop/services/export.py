"""Export workouts of the account to files: FIT, TCX, GPX, one CSV of all, or the service's JSON.

Our own writers (:mod:`st_desktop.parsers.writers`) turn each workout into a file with a readable
name (``2026-11-15_1027_Cycling_Morning-Ride.fit``); a workout that cannot be written in a format
(no GPS for GPX) is one failure sentence, never the end of the export.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import partial
from pathlib import Path

from st_desktop.api.client import SportTracksClient
from st_desktop.domain.types import parse_type
from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.errors import StDesktopError, StoreError
from st_desktop.parsers.writers import (
    FileNamer,
    SummaryCsvWriter,
    workout_json_bytes,
    workout_to_activity,
    write_activity,
)
from st_desktop.progress import TaskContext
from st_desktop.services.backup import PAGE_SIZE, with_rate_limit, write_atomically

log = logging.getLogger(__name__)

FORMATS = ("fit", "tcx", "gpx", "csv", "json")
CSV_NAME = "workouts.csv"


@dataclass(frozen=True)
class ExportFilter:
    """Which workouts to export.

    Attributes:
        since, until: inclusive bounds on the local start date (None: no bound).
        type: an activity category ("Running") or full type ("Running: Trail"); "" for all.
    """

    since: date | None = None
    until: date | None = None
    type: str = ""

    def bounds(self) -> tuple[datetime | None, datetime | None]:
        """The start-time bounds to ask the service for, a day wider for time zones."""
        low = datetime.combine(self.since, time.min) - timedelta(days=1) if self.since else None
        high = datetime.combine(self.until, time.max) + timedelta(days=1) if self.until else None
        return low, high

    def accepts(self, summary: WorkoutSummary) -> bool:
        """Whether a listed workout is one of those asked for (its own local date and type)."""
        start = summary.start_time
        if start is not None:
            day = start.date()  # in the workout's own offset, as the user saw it
            if (self.since and day < self.since) or (self.until and day > self.until):
                return False
        if self.type:
            wanted, kind = parse_type(self.type), parse_type(summary.type)
            if wanted.subtype:
                return kind.wire.lower() == wanted.wire.lower()
            return kind.category.lower() == wanted.category.lower()
        return True


@dataclass
class ExportReport:
    """What an export wrote.

    Attributes:
        files: the files written.
        failures: one sentence per workout that could not be exported.
    """

    files: list[Path] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def summary(self, fmt: str) -> str:
        """One line for the user."""
        if fmt == "csv":
            text = f"Exported the list of workouts to {self.files[0]}" if self.files else ""
        else:
            text = f"Exported {len(self.files)} workouts as {fmt.upper()}"
        if self.failures:
            text += f"; {len(self.failures)} could not be exported"
        return text + "."


def export_workouts(
    context: TaskContext,
    client: SportTracksClient,
    target: Path,
    fmt: str,
    selection: ExportFilter | None = None,
    chosen: list[WorkoutSummary] | None = None,
) -> ExportReport:
    """Write the selected workouts of the account into ``target`` in ``fmt``.

    Args:
        chosen: the workouts to write (already listed); None lists the account with
            ``selection``.

    Raises:
        ValueError: an unknown format.
        StoreError: ``target`` cannot be written.
        ApiError: the workout list could not be read.
    """
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    selection = selection or ExportFilter()
    try:
        target.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"{target} cannot be created: {exc.strerror or exc}.") from exc
    if chosen is None:
        low, high = selection.bounds()
        listed = with_rate_limit(context, lambda: list(client.iter_workouts(PAGE_SIZE, low, high)))
        chosen = [s for s in listed if selection.accepts(s)]
    if fmt == "csv":
        return _export_csv(target, chosen)
    return export_each(context, chosen, target, fmt, partial(fetch_workout, context, client))


def fetch_workout(
    context: TaskContext, client: SportTracksClient, summary: WorkoutSummary
) -> Workout:
    """The full workout of a list item (waiting out rate limits)."""
    return with_rate_limit(context, partial(client.get_workout, summary.uri or ""))


def export_each(
    context: TaskContext,
    summaries: list[WorkoutSummary],
    target: Path,
    fmt: str,
    fetch: partial[Workout],
) -> ExportReport:
    """Fetch and write each workout in ``fmt`` ("fit", "tcx", "gpx" or "json")."""
    report = ExportReport()
    namer = FileNamer.for_directory(target)
    for number, summary in enumerate(summaries, 1):
        context.check()
        label = summary.name or summary.type or summary.uri or "a workout"
        try:
            workout = fetch(summary)
            if fmt == "json":
                data = workout_json_bytes(workout)
                name = namer.name_for_workout(workout, "json")
            else:
                activity = workout_to_activity(workout)
                data = write_activity(activity, fmt)
                name = namer.name_for(activity, fmt)
            path = target / name
            _write_bytes(path, data)
            report.files.append(path)
        except StDesktopError as exc:
            report.failures.append(f"{label}: {exc.user_message}")
        context.progress(number, len(summaries), f"Exporting workouts as {fmt.upper()}")
    return report


def _export_csv(target: Path, summaries: list[WorkoutSummary]) -> ExportReport:
    path = target / CSV_NAME
    tmp = target / f".{CSV_NAME}.part"
    try:
        with SummaryCsvWriter.open(tmp) as writer:
            for summary in sorted(summaries, key=_start_key):
                writer.write_workout(summary)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StoreError(f"{path} could not be written: {exc.strerror or exc}.") from exc
    return ExportReport(files=[path])


def _start_key(summary: WorkoutSummary) -> float:
    return summary.start_time.timestamp() if summary.start_time else float("-inf")


def _write_bytes(path: Path, data: bytes) -> None:
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise StoreError(f"{path} could not be written: {exc.strerror or exc}.") from exc
