"""Bringing the account's workouts into the browser: quick refresh and "Load full history".

The steps themselves are in :mod:`.sync` (plain Python on the task runner); this wires them to
the browser: the progress bar with Cancel while the history loads, the table refresh and the
one-line outcome afterwards.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QProgressBar, QPushButton

from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskHandle, TaskRunnerBase
from st_desktop.ui.workouts import sync

if TYPE_CHECKING:
    from st_desktop.ui.workouts.browser import WorkoutBrowser


class HistoryLoader(QObject):
    """Refresh and full-history loading for a :class:`WorkoutBrowser`.

    Attributes:
        progress (``historyProgress``), cancel_button (``historyCancel``): shown while the full
            history loads; the browser places them.
    """

    def __init__(
        self, browser: WorkoutBrowser, runner: TaskRunnerBase, cache: WorkoutCache
    ) -> None:
        super().__init__(browser)
        self._browser = browser
        self._runner = runner
        self._cache = cache
        self._history: TaskHandle | None = None
        self.progress = QProgressBar(browser)
        self.progress.setObjectName("historyProgress")
        self.progress.setMaximumWidth(180)
        self.progress.setFormat("%v / %m pages")
        self.cancel_button = QPushButton("Cancel", browser)
        self.cancel_button.setObjectName("historyCancel")
        self.cancel_button.setToolTip("Stop after this page (what was read so far is kept)")
        self.cancel_button.clicked.connect(self.cancel)
        self._show_progress(False)

    @property
    def loading(self) -> bool:
        """True while the full history is being read."""
        return self._history is not None

    def refresh(self) -> None:
        """Fetch what is new in the account (a few pages, newest first) into the cache."""
        browser = self._browser
        online = browser.online()
        if online is None:
            return
        client, account = online
        self._runner.submit(
            sync.refresh_recent, client, self._cache, account,
            with_context=True, description="Refreshing workouts",
            on_result=lambda result: self._synced(account, result),
            on_error=browser.failure_handler("Could not refresh the workouts", self.refresh),
        )  # fmt: skip

    def load_full_history(self) -> None:
        """Page through the whole account in the background (progress bar and Cancel)."""
        browser = self._browser
        online = browser.online()
        if online is None or self._history is not None:
            return
        client, account = online
        self._show_progress(True)
        self._history = self._runner.submit(
            sync.load_full_history, client, self._cache, account, browser.history_page_size,
            with_context=True, description="Loading the full history",
            on_progress=self._progress,
            on_result=lambda result: self._synced(account, result),
            on_error=browser.failure_handler(
                "Could not load the full history", self.load_full_history
            ),
            on_finished=self._finished,
        )  # fmt: skip
        browser.update_actions()

    def cancel(self) -> None:
        """Stop "Load full history" after the current page (what was read stays cached)."""
        if self._history is not None:
            self._history.cancel()
            self._browser.message.emit(
                "Stopped loading the history; the workouts read so far are kept."
            )

    def _progress(self, done: int, total: int, _message: str) -> None:
        self.progress.setRange(0, max(total, done))
        self.progress.setValue(done)

    def _finished(self) -> None:
        self._history = None
        self._show_progress(False)
        self._browser.model.refresh()
        self._browser.update_actions()

    def _show_progress(self, visible: bool) -> None:
        self.progress.setVisible(visible)
        self.cancel_button.setVisible(visible)
        if visible:
            self.progress.setRange(0, 0)

    def _synced(self, account: str, result: sync.SyncResult) -> None:
        browser = self._browser
        if account != browser.account:
            return
        browser.model.refresh()
        browser.load_categories()
        if result.complete and result.total is not None:
            browser.message.emit(f"All {result.total} workouts are loaded.")
        elif result.changed or result.removed:
            browser.message.emit(f"{result.changed} new or changed, {result.removed} removed.")
