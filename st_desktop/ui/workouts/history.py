"""Bringing the account's workouts into the table: quick refresh and "Load full history".

The steps are :class:`~st_desktop.services.workouts.WorkoutService`'s (on the task runner); this
shows a progress bar with Cancel while the history loads and reports the outcome through its own
signals, which the browser connects.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QWidget

from st_desktop.services.account import Account
from st_desktop.services.sync import SyncResult
from st_desktop.services.workouts import WorkoutService
from st_desktop.tasks import TaskHandle, TaskRunner
from st_desktop.ui.i18n import plural


class AccountSource(Protocol):
    """Who to sync: the account a network step runs for."""

    def online(self) -> Account | None:
        """The signed-in account, or None (having told the user to sign in)."""
        ...


class HistoryLoader(QObject):
    """Refresh and full-history loading.

    Args:
        source: the account to sync.
        runner: runs the service's steps.
        service: the workout service.
        parent: the widget the progress bar and Cancel button belong to.

    Attributes:
        progress (``historyProgress``), cancel_button (``historyCancel``): shown while the full
            history loads; the owner places them.
        page_size: list page size of "Load full history" (the service's maximum is unknown).

    Signals:
        synced(str, str): account key and a sentence about what changed ("" when nothing did).
        failed(str, object): a sentence and the callable that retries the step.
        message(str): something to tell the user ("Stopped loading the history ...").
        loading_changed(bool): whether the full history is being read.
    """

    synced = Signal(str, str)
    failed = Signal(str, object)
    message = Signal(str)
    loading_changed = Signal(bool)

    def __init__(
        self, source: AccountSource, runner: TaskRunner, service: WorkoutService, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._service = service
        self._history: TaskHandle | None = None
        self._refresh: TaskHandle | None = None
        self.page_size = 100
        self.progress = QProgressBar(parent)
        self.progress.setObjectName("historyProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setFormat(self.tr("%v / %m pages"))
        self.cancel_button = QPushButton(self.tr("Cancel"), parent)
        self.cancel_button.setObjectName("historyCancel")
        self.cancel_button.setToolTip(
            self.tr("Stop after this page (what was read so far is kept)")
        )
        self.cancel_button.setAccessibleName(self.tr("Cancel loading the history"))
        self.cancel_button.clicked.connect(self.cancel)
        self._show_progress(False)

    @property
    def loading(self) -> bool:
        """True while the full history is being read."""
        return self._history is not None

    def refresh(self) -> None:
        """Fetch what is new in the account (a few pages, newest first) into the cache."""
        account = self._source.online()
        if account is None:
            return
        self._refresh = self._runner.submit(
            self._service.refresh_recent,
            account,
            with_context=True,
            description=self.tr("Refreshing workouts"),
            on_result=lambda result: self._synced(account, result),
            on_error=lambda exc: self.failed.emit(
                self.tr("Could not refresh the workouts: {error}").format(error=exc), self.refresh
            ),
            owner=self,
        )

    def load_full_history(self) -> None:
        """Page through the whole account in the background (progress bar and Cancel)."""
        account = self._source.online()
        if account is None or self._history is not None:
            return
        self._show_progress(True)
        self._history = self._runner.submit(
            self._service.load_full_history,
            account,
            self.page_size,
            with_context=True,
            description=self.tr("Loading the full history"),
            on_progress=self._progress,
            on_result=lambda result: self._synced(account, result),
            on_error=lambda exc: self.failed.emit(
                self.tr("Could not load the full history: {error}").format(error=exc),
                self.load_full_history,
            ),
            on_finished=self._finished,
        )
        self.loading_changed.emit(True)

    def stop(self) -> None:
        """Stop whatever runs, saying nothing (another account is shown, or nobody)."""
        for handle in (self._refresh, self._history):
            if handle is not None:
                handle.cancel()

    def cancel(self) -> None:
        """Stop "Load full history" after the current page (what was read stays cached)."""
        if self._history is not None:
            self._history.cancel()
            self.message.emit(
                self.tr("Stopped loading the history; the workouts read so far are kept.")
            )

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, done))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self._history = None
        self._show_progress(False)
        self.loading_changed.emit(False)

    def _show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        if visible:
            self.progress.setRange(0, 0)

    def _synced(self, account: Account, result: SyncResult) -> None:
        if result.complete and result.total is not None:
            text = plural(
                result.total,
                self.tr("The only workout is loaded."),
                self.tr("All {count} workouts are loaded."),
            )
        elif result.changed or result.removed:
            locale = QLocale()
            text = self.tr("{changed} new or changed, {removed} removed.").format(
                changed=locale.toString(result.changed), removed=locale.toString(result.removed)
            )
        else:
            text = ""
        self.synced.emit(account.key, text)
