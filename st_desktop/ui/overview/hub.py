"""What the overview views share: the account, its workout digest, completeness, gear, metrics.

:class:`OverviewHub` runs every step of :class:`~st_desktop.services.overview.OverviewService`
on the task runner and announces the results; the views only draw them. What is on this computer
shows first (also offline), then what the service says. A result for another account, or older
than one asked for since, is dropped (a generation number per account and per kind of data).
Summing the workouts is lazy: it runs when a view that needs it is visible, or when it is shown.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from st_desktop.domain.gear import Gear
from st_desktop.domain.metrics import MetricPoint
from st_desktop.services.account import Account
from st_desktop.services.overview import (
    AssignResult,
    Completeness,
    Digest,
    GearList,
    MetricsSnapshot,
    OverviewService,
)
from st_desktop.tasks import TaskHandle, TaskRunner
from st_desktop.ui.i18n import plural

log = logging.getLogger(__name__)

GEAR_QUEUE = "gear"
METRICS_QUEUE = "metrics"
#: Seconds between two questions to the service about how many workouts the account has.
COUNT_CHECK_INTERVAL = 30.0


class OverviewHub(QObject):
    """The overview's data, loaded on the runner.

    Args:
        runner: runs the service's steps.
        service: the overview service.
        today: the current day (tests pin it).

    Signals:
        account_changed(object): the :class:`Account` now shown, or None.
        digest_changed(object): a new :class:`Digest` of the cached workouts.
        completeness_changed(object): a new :class:`Completeness`.
        gear_changed(object): a new :class:`GearList`.
        metrics_changed(object): a new :class:`MetricsSnapshot`.
        gear_saved(object): a :class:`Gear` item as saved.
        message(str): something worked ("Saved “Road bike”.").
        error(str): a step failed; the sentence says what and why.
    """

    account_changed = Signal(object)
    digest_changed = Signal(object)
    completeness_changed = Signal(object)
    gear_changed = Signal(object)
    metrics_changed = Signal(object)
    gear_saved = Signal(object)
    message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        service: OverviewService,
        parent: QObject | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.service = service
        self.today = today
        self._account: Account | None = None
        self._generation = 0
        self._digest_generation = 0
        self._digest_task: TaskHandle | None = None
        self._digest_stale = True
        self._checked_counts_at = 0.0
        self._consumers: list[QWidget] = []
        self.digest = Digest()
        self.completeness = Completeness()
        self.gear = GearList()
        self.metrics = MetricsSnapshot()
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(250)  # one reload for a burst of cache changes
        self._soon.timeout.connect(self._reload_if_watched)

    # -- state ----------------------------------------------------------------------------------

    @property
    def account(self) -> Account | None:
        """The account shown (signed in or not), or None."""
        return self._account

    @property
    def online(self) -> bool:
        """True when the account can reach the service."""
        return self._account is not None and self._account.online

    def watch(self, widget: QWidget) -> None:
        """Register a view that needs the digest: it is reloaded while such a view shows."""
        self._consumers.append(widget)

    def set_account(self, account: Account | None) -> None:
        """Show another account (or the same one signed in or out): read everything again."""
        current = self._account
        if account is not None and current is not None and account.key == current.key:
            self._account = account
            self.account_changed.emit(account)
            if account.online and not current.online:
                self.refresh()
            return
        self._account = account
        self._generation += 1
        self._checked_counts_at = 0.0
        self.digest, self.completeness = Digest(), Completeness()
        self.gear, self.metrics = GearList(), MetricsSnapshot()
        self._digest_stale = True
        self.account_changed.emit(account)
        self.digest_changed.emit(self.digest)
        self.completeness_changed.emit(self.completeness)
        self.gear_changed.emit(self.gear)
        self.metrics_changed.emit(self.metrics)
        if account is None:
            return
        self._load_cached()
        self.workouts_changed()
        if account.online:
            self.refresh()

    # -- loading --------------------------------------------------------------------------------

    def _submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        what: str,
        failed: str,
        **kwargs: Any,
    ) -> TaskHandle:
        generation = self._generation

        def deliver(value: Any) -> None:
            if generation == self._generation:
                done(value)

        def fail(exc: BaseException) -> None:
            if generation == self._generation:
                self.error.emit(f"{failed}: {exc}")

        return self._runner.submit(
            fn, *args, on_result=deliver, on_error=fail, description=what, owner=self, **kwargs
        )

    def _load_cached(self) -> None:
        key = self._account.key if self._account is not None else ""
        self._submit(
            self.service.cached_gear,
            key,
            done=self._set_gear,
            what=self.tr("Reading your gear"),
            failed=self.tr("Could not read the gear saved on this computer"),
        )
        self._submit(
            self.service.cached_metrics,
            key,
            done=self._set_metrics,
            what=self.tr("Reading your body metrics"),
            failed=self.tr("Could not read the body metrics saved on this computer"),
        )

    def refresh(self) -> None:
        """Read gear, metrics and the account's workout counts from the service."""
        account = self._account
        if account is None or not account.online:
            return
        self._submit(
            self.service.refresh_gear,
            account,
            done=self._set_gear,
            what=self.tr("Loading your gear"),
            failed=self.tr("Could not load your gear"),
        )
        self._submit(
            self.service.refresh_metrics,
            account,
            done=self._set_metrics,
            what=self.tr("Loading your body metrics"),
            failed=self.tr("Could not load your body metrics"),
        )
        self._check_counts(force=True)

    def _check_counts(self, *, force: bool = False) -> None:
        account = self._account
        if account is None or not account.online:
            return
        now = time.monotonic()
        if not force and now - self._checked_counts_at < COUNT_CHECK_INTERVAL:
            return
        self._checked_counts_at = now
        self._submit(
            self.service.check_completeness,
            account,
            done=self._set_completeness,
            what=self.tr("Counting the workouts in your account"),
            failed=self.tr("Could not ask SportTracks how many workouts the account has"),
        )

    def workouts_changed(self) -> None:
        """The cached workouts changed (a sync, an edit): sum them again when it matters."""
        self._digest_stale = True
        self._soon.start()

    def ensure_digest(self) -> None:
        """A view that needs the digest is being shown: bring it up to date."""
        if self._digest_stale:
            self._reload_digest()

    def _reload_if_watched(self) -> None:
        if any(widget.isVisible() for widget in self._consumers):
            self._reload_digest()
        elif self._account is not None:
            self._load_completeness()

    def _reload_digest(self) -> None:
        account = self._account
        if account is None:
            return
        self._digest_stale = False
        if self._digest_task is not None and not self._digest_task.done:
            self._digest_task.cancel()
        self._digest_generation += 1
        ticket = self._digest_generation

        def loaded(digest: Digest) -> None:
            if ticket == self._digest_generation:
                self.digest = digest
                self.digest_changed.emit(digest)

        self._digest_task = self._submit(
            self.service.digest,
            account.key,
            done=loaded,
            with_context=True,
            what=self.tr("Adding up your workouts"),
            failed=self.tr("Could not add up the cached workouts"),
        )
        self._load_completeness()

    def _load_completeness(self) -> None:
        key = self._account.key if self._account is not None else ""
        self._submit(
            self.service.completeness,
            key,
            done=self._set_completeness,
            what=self.tr("Reading cached workouts"),
            failed=self.tr("Could not read the cached workouts"),
        )
        self._check_counts()

    def _set_completeness(self, completeness: Completeness) -> None:
        self.completeness = completeness
        self.completeness_changed.emit(completeness)

    def _set_gear(self, gear: GearList) -> None:
        if gear.fetched_at is None and self.gear.fetched_at is not None:
            return  # an empty offline copy never hides what the service said
        self.gear = gear
        self.gear_changed.emit(gear)

    def _set_metrics(self, snapshot: MetricsSnapshot) -> None:
        if snapshot.fetched_at is None and self.metrics.fetched_at is not None:
            return
        self.metrics = snapshot
        self.metrics_changed.emit(snapshot)

    # -- writes ---------------------------------------------------------------------------------

    def _online_account(self) -> Account | None:
        if self._account is None or not self._account.online:
            self.error.emit(self.tr("Sign in to SportTracks to do this."))
            return None
        return self._account

    def save_gear(self, item: Gear, done_text: str = "") -> None:
        """Save a gear item's edits (the whole object goes back; see the service)."""
        account = self._online_account()
        if account is None:
            return
        self._submit(
            self.service.save_gear,
            account,
            item,
            done=lambda saved: self._gear_saved(saved, done_text),
            what=self.tr("Saving gear"),
            failed=self.tr("Could not save “{name}”").format(name=item.label),
            serial=GEAR_QUEUE,
        )

    def set_retired(self, item: Gear, retired: bool) -> None:
        """Retire a gear item, or bring it back into use."""
        done = self.tr("Retired “{name}”.") if retired else self.tr("Put “{name}” back into use.")
        self.save_gear(item.with_changes(retired=retired), done.format(name=item.label))

    def create_gear(self, body: Mapping[str, Any]) -> None:
        """Add a gear item."""
        account = self._online_account()
        if account is None:
            return
        self._submit(
            self.service.create_gear,
            account,
            body,
            done=lambda saved: self._gear_saved(
                saved, self.tr("Added “{name}”.").format(name=saved.label)
            ),
            what=self.tr("Adding gear"),
            failed=self.tr("Could not add the gear item"),
            serial=GEAR_QUEUE,
        )

    def _gear_saved(self, saved: Gear, text: str) -> None:
        items = [saved if item.id == saved.id else item for item in self.gear.items]
        if not any(item.id == saved.id for item in self.gear.items):
            items.append(saved)
        self._set_gear(GearList(tuple(items), self.gear.fetched_at or time.time()))
        self.gear_saved.emit(saved)
        self.message.emit(text or self.tr("Saved “{name}”.").format(name=saved.label))

    def assign_gear(
        self, workouts: Sequence[str], link: Sequence[str], unlink: Sequence[str] = ()
    ) -> None:
        """Link workouts to gear items and unlink them from others (each item saved once)."""
        account = self._online_account()
        if account is None or not (link or unlink) or not workouts:
            return
        self._submit(
            self.service.assign,
            account,
            list(workouts),
            list(link),
            list(unlink),
            done=lambda result: self._assigned(result, len(workouts)),
            with_context=True,
            what=self.tr("Saving gear"),
            failed=self.tr("Could not change the gear"),
            serial=GEAR_QUEUE,
        )

    def _assigned(self, result: AssignResult, count: int) -> None:
        for saved in result.saved:
            items = [saved if item.id == saved.id else item for item in self.gear.items]
            self._set_gear(GearList(tuple(items), self.gear.fetched_at))
            self.gear_saved.emit(saved)
        if result.failures:
            self.error.emit(" ".join(dict.fromkeys(result.failures)))
        elif result.saved:
            self.message.emit(
                plural(
                    count,
                    self.tr("Changed the gear of the workout."),
                    self.tr("Changed the gear of {count} workouts."),
                )
            )

    def write_metrics(self, points: Sequence[MetricPoint], text: str) -> None:
        """Add or change points (value None: delete) in one request."""
        self._metrics_step(self.service.write_points, list(points), text=text)

    def edit_metric(self, old: MetricPoint, new: MetricPoint) -> None:
        """Replace one point (moved in time: the old one is deleted in the same request)."""
        self._metrics_step(self.service.edit_point, old, new, text=self.tr("Saved the change."))

    def delete_metric(self, point: MetricPoint) -> None:
        """Delete one point."""
        self._metrics_step(self.service.delete_point, point, text=self.tr("Deleted the value."))

    def _metrics_step(self, fn: Callable[..., MetricsSnapshot], *args: Any, text: str) -> None:
        account = self._online_account()
        if account is None:
            return

        def done(snapshot: MetricsSnapshot) -> None:
            self._set_metrics(snapshot)
            self.message.emit(text)

        self._submit(
            fn,
            account,
            *args,
            done=done,
            what=self.tr("Saving body metrics"),
            failed=self.tr("Could not save the body metrics"),
            serial=METRICS_QUEUE,
        )
