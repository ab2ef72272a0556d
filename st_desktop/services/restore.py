"""Restoring a backup (see :mod:`.backup`) into the signed-in account.

Workouts the account already has (by the upload duplicate rules) are skipped; the others are
created again (SportTracks gives them new ids). Health metrics are upserted (safe to repeat);
gear items the account lacks are created, and every item's links follow its workouts to their
ids in this account.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from st_desktop.api.client import SportTracksClient
from st_desktop.api.gear import create_gear, get_all_gear, get_gear, update_gear
from st_desktop.api.metrics import upsert_metrics
from st_desktop.domain.gear import Gear
from st_desktop.domain.metrics import HealthMetrics
from st_desktop.domain.workout import Workout, workout_id
from st_desktop.errors import StDesktopError, StoreError
from st_desktop.progress import TaskContext
from st_desktop.services.backup import GEAR, METRICS, BackupFolder, with_rate_limit
from st_desktop.services.duplicates import Candidate, DuplicateMatch, find_duplicates, search_window

log = logging.getLogger(__name__)

#: Keys the service sets itself: a re-created workout or gear item must not carry the old ones.
SERVER_KEYS = ("uri", "activity")
GEAR_SERVER_KEYS = ("uri", "changed", "total_distance", "activities")


@dataclass
class RestoreReport:
    """What a restore did.

    Attributes:
        created: uris of the workouts created.
        skipped: one sentence per workout already in the account (by the duplicate rules).
        gear: gear items created or whose links were brought up to date.
        metric_points: health measurements written.
        failures: one sentence per workout (or part) that could not be restored.
    """

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    gear: int = 0
    metric_points: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        text = f"Restored {len(self.created)} workouts; {len(self.skipped)} were already there"
        if self.gear or self.metric_points:
            text += f"; {self.gear} gear items and {self.metric_points} body measurements"
        if self.failures:
            text += f"; {len(self.failures)} failed"
        return text + "."


def restore_backup(context: TaskContext, client: SportTracksClient, source: Path) -> RestoreReport:
    """Create every workout of the backup in ``source`` that the account does not have yet.

    Raises:
        StoreError: ``source`` holds no st-desktop backup.
    """
    folder = BackupFolder(source)
    if not folder.entries:
        raise StoreError(f"There is no st-desktop backup in {source}.")
    report = RestoreReport()
    ids: dict[str, str] = {}  # workout id in the backup -> its id in this account
    items = folder.workouts()
    for number, (ident, path) in enumerate(items, 1):
        context.check()
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            workout = Workout.from_json({k: v for k, v in document.items() if k not in SERVER_KEYS})
        except (OSError, ValueError, AttributeError) as exc:
            report.failures.append(f"{path.name} could not be read: {exc}.")
            continue
        label = workout.name or workout.type or ident
        try:
            match = _already_there(context, client, workout)
            if match is not None:
                report.skipped.append(f"{label}: {match.reason}")
                if match.uri:
                    ids[ident] = workout_id(match.uri)
            else:
                uri = with_rate_limit(context, partial(client.create_workout, workout))
                report.created.append(uri)
                ids[ident] = workout_id(uri)
        except StDesktopError as exc:
            report.failures.append(f"{label}: {exc.user_message}")
        context.progress(number, len(items), "Restoring workouts")
    _restore_metrics(context, client, folder.root, report)
    _restore_gear(context, client, folder.root, ids, report)
    return report


def _already_there(
    context: TaskContext, client: SportTracksClient, workout: Workout
) -> DuplicateMatch | None:
    """The account's workout that ``workout`` duplicates, if any."""
    start = workout.start_time
    if start is None:
        raise StoreError("This workout in the backup has no start time.")
    low, high = search_window(start)
    page = with_rate_limit(context, lambda: client.list_workouts(0, 100, low, high))
    candidates = [
        Candidate(s.uri, s.name, s.start_time, s.total_distance)
        for s in page.items
        if s.start_time is not None
    ]
    found = find_duplicates(start, workout.total_distance, candidates)
    return found[0] if found else None


def _restore_metrics(
    context: TaskContext, client: SportTracksClient, root: Path, report: RestoreReport
) -> None:
    path = root / METRICS
    if not path.exists():
        return
    try:
        metrics = HealthMetrics.from_json(json.loads(path.read_text(encoding="utf-8")))
        points = [p for series in metrics.series.values() for p in series]
        if points:
            with_rate_limit(context, partial(upsert_metrics, client, points))
        report.metric_points = len(points)
    except (OSError, ValueError) as exc:
        report.failures.append(f"The health metrics of the backup could not be read: {exc}.")
    except StDesktopError as exc:
        report.failures.append(f"Health metrics: {exc.user_message}")


def _restore_gear(
    context: TaskContext,
    client: SportTracksClient,
    root: Path,
    ids: dict[str, str],
    report: RestoreReport,
) -> None:
    path = root / GEAR
    if not path.exists():
        return
    try:
        saved = [Gear.from_json(raw) for raw in json.loads(path.read_text(encoding="utf-8"))]
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        report.failures.append(f"The gear of the backup could not be read: {exc}.")
        return
    try:
        present = {_gear_key(g): g for g in with_rate_limit(context, partial(get_all_gear, client))}
    except StDesktopError as exc:
        report.failures.append(f"Gear: {exc.user_message}")
        return
    for item in saved:
        context.check()
        links = {
            int(ids[str(a)]) for a in item.activities if str(a) in ids and ids[str(a)].isdigit()
        }
        try:
            target = present.get(_gear_key(item))
            if target is None:
                body = {k: v for k, v in item.to_json().items() if k not in GEAR_SERVER_KEYS}
                body["activities"] = []
                uri = with_rate_limit(context, partial(create_gear, client, body))
                target = with_rate_limit(context, partial(get_gear, client, uri))
            missing = links - set(target.activities)
            if missing:
                linked = target
                for activity in sorted(missing):
                    linked = linked.with_activity(activity)
                with_rate_limit(context, partial(update_gear, client, linked))
            report.gear += 1
        except StDesktopError as exc:
            report.failures.append(f"Gear {item.name or item.model}: {exc.user_message}")


def _gear_key(item: Gear) -> tuple[str, str, str, str]:
    return (item.name.lower(), item.brand.lower(), item.model.lower(), item.kind)
