"""A full backup of the account on disk, kept up to date incrementally, and its restore.

Layout of a backup folder::

    index.json                  what is in the backup (one entry per workout, see below)
    workouts/<id>.json          each workout's full JSON exactly as the service returned it
    gear.json                   every gear item's full JSON (with its workout links)
    metrics.json                the health metrics (weight, body fat, resting heart rate)

Each index entry keeps the workout's list summary digest: a second run lists the account again
and fetches only workouts that are new or whose summary changed. The index is rewritten
atomically every few workouts, so a backup stopped by a quit or a crash resumes where it was
(at most those few are fetched again). A 429 answer makes the run wait as asked and go on.
Workouts deleted from the account stay in the backup, marked as such.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from st_desktop.api.client import SportTracksClient
from st_desktop.api.gear import get_all_gear
from st_desktop.api.metrics import get_metrics
from st_desktop.domain.metrics import points_to_json
from st_desktop.domain.workout import Workout, WorkoutSummary, workout_id
from st_desktop.errors import RateLimitedError, StDesktopError, StoreError
from st_desktop.progress import TaskContext

log = logging.getLogger(__name__)

T = TypeVar("T")

INDEX = "index.json"
WORKOUTS = "workouts"
GEAR = "gear.json"
METRICS = "metrics.json"
FORMAT = "st-desktop-backup"
VERSION = 1
#: Workouts written between two saves of the index (what a crash may make us fetch again).
FLUSH_EVERY = 20
#: Longest wait for one 429 answer before giving up (the service said when to come back).
MAX_RATE_WAIT_S = 600.0
PAGE_SIZE = 100


@dataclass
class BackupReport:
    """What a backup run did.

    Attributes:
        total: workouts in the account.
        fetched: workouts new or changed since the last run, now written.
        unchanged: workouts already in the backup as they are.
        gone: workouts in the backup that the account no longer has (kept, marked).
        failures: one sentence per workout that could not be backed up.
    """

    total: int = 0
    fetched: int = 0
    unchanged: int = 0
    gone: int = 0
    gear: int = 0
    metric_points: int = 0
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the user."""
        parts = [f"{self.fetched} workouts saved", f"{self.unchanged} already up to date"]
        if self.gone:
            parts.append(f"{self.gone} no longer in the account (kept)")
        if self.gear or self.metric_points:
            parts.append(f"{self.gear} gear items and {self.metric_points} body measurements")
        if self.failures:
            parts.append(f"{len(self.failures)} failed")
        return f"Backup of {self.total} workouts: " + ", ".join(parts) + "."


def summary_digest(summary: WorkoutSummary) -> str:
    """A fingerprint of a list item: it changes when the workout was edited.

    The ``uri`` is left out: it names the workout (the index key) and holds the service's host,
    which is not a change of the workout.
    """
    fields = {k: v for k, v in summary.raw.items() if k != "uri"}
    text = json.dumps(fields, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves the old file or the new, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class BackupFolder:
    """A backup folder: its index and workout files.

    Args:
        root: the folder (created when missing).

    Raises:
        StoreError: the folder holds something that is not an st-desktop backup, or cannot be
            written.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.entries: dict[str, dict[str, Any]] = {}
        index = self.root / INDEX
        if index.exists():
            try:
                document = json.loads(index.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise StoreError(
                    f"{index} is not a readable st-desktop backup index.", detail=str(exc)
                ) from exc
            if not isinstance(document, Mapping) or document.get("format") != FORMAT:
                raise StoreError(f"{self.root} holds something else than an st-desktop backup.")
            self.entries = {str(k): dict(v) for k, v in document.get("workouts", {}).items()}

    def workout_path(self, ident: str) -> Path:
        """Where the JSON of workout ``ident`` is kept."""
        return self.root / WORKOUTS / f"{ident}.json"

    def has_current(self, ident: str, digest: str) -> bool:
        """Whether the backup holds workout ``ident`` as the account lists it now."""
        entry = self.entries.get(ident)
        return (
            entry is not None
            and entry.get("summary_digest") == digest
            and self.workout_path(ident).exists()
        )

    def save_workout(self, summary: WorkoutSummary, workout: Workout, digest: str) -> None:
        """Write one workout's JSON and note it in the index (saved by :meth:`flush`)."""
        ident = workout_id(summary.uri or workout.uri or "")
        write_atomically(self.workout_path(ident), json.dumps(workout.to_json(), indent=1))
        self.entries[ident] = {
            "uri": summary.uri,
            "start_time": summary.raw.get("start_time"),
            "type": workout.type,
            "name": workout.name,
            "summary_digest": digest,
            "saved_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }

    def mark_gone(self, listed: set[str]) -> int:
        """Mark workouts the account no longer lists; returns how many there are."""
        gone = 0
        for ident, entry in self.entries.items():
            if ident not in listed:
                entry["deleted_on_server"] = True
                gone += 1
            else:
                entry.pop("deleted_on_server", None)
        return gone

    def flush(self, account: str = "") -> None:
        """Save the index atomically."""
        document = {
            "format": FORMAT,
            "version": VERSION,
            "account": account,
            "updated": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "workouts": self.entries,
        }
        try:
            write_atomically(self.root / INDEX, json.dumps(document, indent=1, sort_keys=True))
        except OSError as exc:
            raise StoreError(
                f"The backup index in {self.root} could not be written: {exc.strerror or exc}.",
                detail=str(exc),
            ) from exc

    def workouts(self) -> list[tuple[str, Path]]:
        """Every workout file the index names, oldest first."""
        ordered = sorted(self.entries.items(), key=lambda item: str(item[1].get("start_time")))
        return [(ident, self.workout_path(ident)) for ident, _ in ordered]


def with_rate_limit(context: TaskContext, call: Callable[[], T]) -> T:
    """Run ``call``; when the service answers 429, wait as long as it asks and try again."""
    while True:
        try:
            return call()
        except RateLimitedError as exc:
            wait = min(MAX_RATE_WAIT_S, exc.retry_after or 30.0)
            log.info("rate limited: waiting %.0f s", wait)
            context.progress(0, 0, f"SportTracks asked to slow down; waiting {wait:.0f} s")
            context.sleep(wait)


def backup_account(
    context: TaskContext, client: SportTracksClient, target: Path, account: str = ""
) -> BackupReport:
    """Bring the backup in ``target`` up to date with the account (see the module docstring).

    Raises:
        StoreError: the folder cannot be used or written.
        ApiError: the workout list could not be read at all.
    """
    folder = BackupFolder(target)
    summaries = with_rate_limit(context, lambda: list(client.iter_workouts(PAGE_SIZE)))
    report = BackupReport(total=len(summaries))
    listed: set[str] = set()
    written = 0
    try:
        for number, summary in enumerate(summaries, 1):
            context.check()
            ident = workout_id(summary.uri or "")
            listed.add(ident)
            digest = summary_digest(summary)
            if folder.has_current(ident, digest):
                report.unchanged += 1
            else:
                uri = summary.uri or ident
                try:
                    workout = with_rate_limit(context, partial(client.get_workout, uri))
                    folder.save_workout(summary, workout, digest)
                    report.fetched += 1
                    written += 1
                except StDesktopError as exc:
                    report.failures.append(f"{summary.name or ident}: {exc.user_message}")
                if written and written % FLUSH_EVERY == 0:
                    folder.flush(account)
            context.progress(number, report.total, "Backing up workouts")
        report.gone = folder.mark_gone(listed)
        _back_up_extras(context, client, folder.root, report)
    finally:
        folder.flush(account)  # also when cancelled: what was written is kept
    return report


def _back_up_extras(
    context: TaskContext, client: SportTracksClient, root: Path, report: BackupReport
) -> None:
    """Gear and health metrics, whole each time (they are small)."""
    try:
        gear = with_rate_limit(context, partial(get_all_gear, client))
        write_atomically(root / GEAR, json.dumps([g.to_json() for g in gear], indent=1))
        report.gear = len(gear)
    except StDesktopError as exc:
        report.failures.append(f"Gear: {exc.user_message}")
    try:
        metrics = with_rate_limit(context, partial(get_metrics, client))
        points = [p for series in metrics.series.values() for p in series]
        write_atomically(root / METRICS, json.dumps(points_to_json(points), indent=1))
        report.metric_points = len(points)
    except (StDesktopError, ValueError) as exc:
        text = exc.user_message if isinstance(exc, StDesktopError) else str(exc)
        report.failures.append(f"Health metrics: {text}")
