"""The upload controller: drop -> copy and parse -> duplicate check -> queue -> upload.

Reading dropped files and checking them for duplicates is
:class:`~st_desktop.ui.upload.intake.UploadIntake`'s part; this module adds the persistent queue,
the upload engine and the retry timer.
Every step that touches a disk or the network runs on the task runner; slots here only move rows.
Queue writes are ordered among themselves; the upload run has a queue of its own, so a Save or
an edit never waits for a long run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from st_desktop.services.account import Account
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import ItemState, QueueItem
from st_desktop.tasks import TaskHandle, TaskRunner
from st_desktop.ui.upload.batch import (
    Batch,
    restored_row,
    show_cancelled,
    show_item,
    show_step,
)
from st_desktop.ui.upload.intake import QUEUE_WRITES, UploadIntake
from st_desktop.ui.upload.model import UPLOADABLE, RowStatus

if TYPE_CHECKING:  # the parsers and the engine load with the first file, on a worker
    from st_desktop.parsers.privacy import PrivacyZone
    from st_desktop.services.upload_engine import RunReport

#: While offline, try again at least this often (the engine's backoff may ask for longer).
MIN_RETRY_MS = 1000
#: The upload run's own queue: one run at a time, beside every other write.
UPLOAD_RUN = "upload-run"


class UploadController(UploadIntake):
    """Owns the upload rows and drives the store and the engine on the runner.

    Reading files, duplicate checks, edits and removal come from :class:`UploadIntake`; this
    class queues rows and runs the upload engine for the signed-in account.

    Args:
        service: the upload service (queue, intake, duplicate checks, engine).
        runner: where file and network work runs.
        parent: Qt parent.

    Signals:
        workouts_uploaded(list): uris of workouts just created (for the workout table).
        upload_finished(str): the summary sentence of a finished upload run.
        status_changed(str): a sentence for the pane's status line.
        busy_changed(bool): whether an upload run is going on.
        item_changed(object): a :class:`QueueItem` the engine changed (emitted from the worker,
            delivered queued on the GUI thread).
        step_started(object, str): a :class:`QueueItem` and the upload step it starts (emitted
            from the worker, like ``item_changed``).
        batch_progress(int, int): files of the current run done (uploaded or failed) and files
            in it; (0, 0) when no run is open.
    """

    workouts_uploaded = Signal(list)
    upload_finished = Signal(str)
    # status_changed and notice_changed are UploadIntake's
    busy_changed = Signal(bool)
    batch_progress = Signal(int, int)
    item_changed = Signal(object)
    step_started = Signal(object, str)

    def __init__(
        self,
        service: UploadService,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(service, runner, parent)
        self._run_handle: TaskHandle | None = None
        self._rerun = False
        self._batch = Batch()  # the current upload run, for the summary at its end
        self._shown_progress = (0, 0)
        #: Delay before retrying after n failures and an optional Retry-After (tests shorten it;
        #: None: the engine's own backoff).
        self.engine_backoff: Callable[[int, float | None], float] | None = None
        #: The privacy zones (Preferences), read on the GUI thread when a run starts: every
        #: file of the run goes up without its positions within them at the start and end.
        self.privacy_zones: Callable[[], Sequence[PrivacyZone]] = tuple
        self._retry_timer = QTimer(self)
        self._retry_timer.setSingleShot(True)
        self._retry_timer.timeout.connect(self.resume)
        self.item_changed.connect(self._on_item_changed)
        self.step_started.connect(self._on_step)

    # ------------------------------------------------------------------ account

    def set_account(self, account: Account | None) -> None:
        """Upload for ``account`` (None, or an account without a client, when signed out).

        Queued uploads of that account resume, and rows not yet checked against the account
        are checked for duplicates.
        """
        self._generation += 1
        self.account = account if account is not None and account.online else None
        self._retry_timer.stop()
        for row in self.model.rows():
            # A check still running belongs to the old account: ask again.
            unchecked = row.status in UPLOADABLE and not row.account_checked
            if row.checking or (self.account is not None and unchecked):
                self._check_duplicates(row)
        if self.account is not None:
            self.resume()

    # ------------------------------------------------------------------ restoring the queue

    def restore(self) -> None:
        """Show the queue as the last session left it and re-read every unfinished file."""
        self.runner.submit(
            self.service.items,
            on_result=self._restored,
            on_error=self._report_error,
            description=QCoreApplication.translate("UploadController", "Loading the upload queue"),
            serial=QUEUE_WRITES,
        )

    def _restored(self, items: list[QueueItem]) -> None:
        for item in items:
            if self.model.row_for_item(item.id) is not None:
                continue
            row = self.model.add(restored_row(item))
            self.runner.submit(
                self.service.reread,
                item,
                on_result=partial(self._parsed, row.row_id),
                on_error=partial(self._parse_failed, row.row_id),
                description=QCoreApplication.translate("UploadController", "Reading {name}").format(
                    name=item.display_name
                ),
            )
        if any(i.state in (ItemState.QUEUED, ItemState.UPLOADING) for i in items):
            self.resume()

    # ------------------------------------------------------------------ upload

    def upload(self, row_ids: Iterable[int] | None = None) -> int:
        """Queue rows (all uploadable ones when None) and start uploading.

        Possible duplicates the user did not choose to upload anyway become Skipped. With nothing
        new to queue, uploads waiting for a retry are tried at once.

        Returns:
            How many rows were queued.
        """
        rows = [self.model.row(r) for r in row_ids] if row_ids is not None else self.model.rows()
        queue: list[tuple[int, tuple[str, ...]]] = []
        skip: list[int] = []
        for row in rows:
            if row is None or row.item_id is None or row.status not in UPLOADABLE:
                continue
            if row.checking:  # a moment: the duplicate check decides Ready or Skip
                continue
            if row.status == RowStatus.DUPLICATE and not row.upload_anyway:
                skip.append(row.item_id)
                self._batch.skipped.append(row.display_name)
                self.model.update(row.row_id, status=RowStatus.SKIPPED)
                continue
            allow = tuple(m.uri for m in row.duplicates if m.uri) if row.upload_anyway else ()
            queue.append((row.item_id, allow))
            message = (
                ""
                if self.account
                else QCoreApplication.translate(
                    "UploadController", "Waiting for sign-in to SportTracks."
                )
            )
            self.model.update(
                row.row_id, status=RowStatus.QUEUED, message=message, progress=None, step=""
            )
        if not queue and not skip:
            if any(r.status == RowStatus.QUEUED for r in self.model.rows()):
                self.resume()  # "Upload" on rows waiting for a retry: try now
            return 0
        key = self.account.key if self.account is not None else None
        self._batch.queued.update(item_id for item_id, _ in queue)
        self._report_progress()
        self.runner.submit(
            self.service.decide,
            skip,
            queue,
            key,
            on_error=self._report_error,
            on_finished=self._queue_written,
            description=QCoreApplication.translate("UploadController", "Queueing uploads"),
            serial=QUEUE_WRITES,
        )
        return len(queue)

    def _queue_written(self) -> None:
        if self.account is not None:
            self.resume()
        else:
            self._summarise()  # only duplicates skipped, or waiting for sign-in

    def resume(self) -> None:
        """Work the queue now (after a drop, a sign-in, or when a retry is due)."""
        account = self.account
        if account is None:
            return
        if self._run_handle is not None:
            self._rerun = True
            return
        self._retry_timer.stop()
        self.busy_changed.emit(True)
        generation = self._generation
        self._run_handle = self.runner.submit(
            self.service.run,
            account,
            backoff=self.engine_backoff,
            listener=self.item_changed.emit,
            on_step=self.step_started.emit,
            zones=tuple(self.privacy_zones()),
            with_context=True,
            serial=UPLOAD_RUN,
            description=QCoreApplication.translate("UploadController", "Uploading"),
            on_result=lambda report: self._run_done(report, generation),
            on_error=self._report_error,
            on_finished=self._run_finished,
            owner=self,
        )

    def _run_finished(self) -> None:
        self._run_handle = None
        if self._rerun:
            self._rerun = False
            self.resume()
        else:
            self.busy_changed.emit(False)
            # A cancelled run delivers no report: the batch may have closed with it.
            self._summarise()

    def _run_done(self, report: RunReport, generation: int) -> None:
        uris = [uri for found in report.uploaded.values() for uri in found]
        if uris:
            self.workouts_uploaded.emit(uris)
        if report.retry_at is not None and generation == self._generation:
            delay = max(MIN_RETRY_MS, int((report.retry_at - time.time()) * 1000))
            self._retry_timer.start(delay)
            seconds = QLocale().toString(round(delay / 1000))
            self.say(
                QCoreApplication.translate(
                    "UploadController", "{reason} Trying again in {seconds} s."
                ).format(
                    reason=report.last_error
                    or QCoreApplication.translate("UploadController", "Waiting."),
                    seconds=seconds,
                )
            )
        elif report.auth_needed:
            self.say(
                QCoreApplication.translate(
                    "UploadController",
                    "{reason} The queued files will go after the next sign-in, or when you click "
                    "Upload.",
                ).format(
                    reason=report.last_error
                    or QCoreApplication.translate("UploadController", "Please sign in again.")
                )
            )
        self._summarise()

    def _on_step(self, item: QueueItem, step: str) -> None:
        show_step(self.model, item, step)

    def _on_item_changed(self, item: QueueItem) -> None:
        show_item(self.model, item)
        self._report_progress()

    def _report_progress(self) -> None:
        progress = self._batch.progress(self.model.rows()) if self._batch.queued else (0, 0)
        if progress != self._shown_progress:
            self._shown_progress = progress
            self.batch_progress.emit(*progress)

    def _summarise(self) -> None:
        rows = self.model.rows()
        if not self._batch or self._batch.open(rows):
            self._report_progress()
            return
        summary = self._batch.summary(rows)
        failures = self._batch.failures(rows)
        self._batch = Batch()
        self._report_progress()
        self.upload_finished.emit(summary)
        self.say(summary, failures)

    def cancel(self) -> None:
        """Stop uploading: the file in flight finishes, queued ones go back to the list."""
        if self._run_handle is not None:
            self._run_handle.cancel()
        self._retry_timer.stop()
        self._rerun = False
        ids = [r.item_id for r in self.model.rows() if r.status == RowStatus.QUEUED and r.item_id]

        def done(back: list[int]) -> None:
            for item_id in back:
                show_cancelled(self.model, item_id)
                if item_id in self._batch.queued:
                    self._batch.queued.discard(item_id)
                    self._batch.cancelled += 1
            self._summarise()

        self.runner.submit(
            self.service.unqueue,
            ids,
            on_result=done,
            on_error=self._report_error,
            description=QCoreApplication.translate("UploadController", "Cancelling uploads"),
            serial=QUEUE_WRITES,
            owner=self,
        )
