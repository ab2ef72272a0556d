"""The workout browser: filter bar, the paged workout table and the account-wide actions.

The table always shows the offline cache at once (also offline); :meth:`WorkoutBrowser.refresh`
brings in what is new on the server in the background, "Load full history" pages through the
whole account with progress and Cancel (:mod:`.history`). Delete keeps each workout's full JSON
in the local trash so Undo can create it again (:mod:`.trash`). Every network step runs on the
task runner; failures show in the notice bar above the table with a Retry button, and in
:attr:`WorkoutBrowser.error`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QToolBar, QVBoxLayout, QWidget

from st_desktop.api.client import SportTracksClient
from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.settings import Keys, Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunnerBase
from st_desktop.ui.dialogs.confirm import ConfirmFn, ask
from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog
from st_desktop.ui.workouts import ops, sync
from st_desktop.ui.workouts.filter import FilterBar
from st_desktop.ui.workouts.history import HistoryLoader
from st_desktop.ui.workouts.model import PAGE_SIZE, WorkoutRole, WorkoutTableModel
from st_desktop.ui.workouts.notice import NoticeBar
from st_desktop.ui.workouts.table import WorkoutTable
from st_desktop.ui.workouts.trash import Trash

log = logging.getLogger(__name__)


class WorkoutBrowser(QWidget):
    """Filter bar, workout table (``workoutTable``) and actions.

    Args:
        runner: runs every cache query and network step.
        settings: column state, units.
        cache: the offline workout cache.
        confirm: asks before deleting (tests pass an answering function).
        page_size: rows per page the table reads from the cache.

    Attributes:
        new_action (``newWorkoutAction``), delete_action (``deleteWorkoutAction``, Del),
        undo_action (``undoDeleteAction``, Ctrl+Z), refresh_action (``refreshWorkoutsAction``),
        history_action (``loadHistoryAction``): for the window's menus.

    Signals:
        workout_selected(object): the current :class:`WorkoutSummary`, or None.
        message(str): something worked ("Deleted 2 workouts").
        error(str): a step failed; the sentence says what and why.
        undo_available(str): a delete can be undone (text to show beside an Undo button that
            triggers :attr:`undo_action`); "" when nothing is left to undo.
    """

    workout_selected = Signal(object)
    message = Signal(str)
    error = Signal(str)
    undo_available = Signal(str)

    def __init__(
        self,
        runner: TaskRunnerBase,
        settings: Settings,
        cache: WorkoutCache,
        parent: QWidget | None = None,
        *,
        confirm: ConfirmFn = ask,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workoutBrowser")
        self._runner = runner
        self._settings = settings
        self._cache = cache
        self._client: SportTracksClient | None = None
        self._account: str | None = None
        self.new_dialog: NewWorkoutDialog | None = None
        self._created_id = ""

        #: list page size of "Load full history" (the service's maximum is unknown)
        self.history_page_size = sync.HISTORY_PAGE_SIZE
        self.model = WorkoutTableModel(runner, cache, page_size, parent=self)
        self.model.load_failed.connect(self._cache_failed)
        self.model.refreshed.connect(self._select_created)
        self.filter_bar = FilterBar(self)
        self.filter_bar.changed.connect(self._filters_changed)
        self.table = WorkoutTable(self.model, settings, self)
        # Queued: a view being destroyed can still emit, and a queued call to a dead receiver is
        # dropped by Qt instead of running Python code on a half-deleted widget.
        self.table.selectionModel().selectionChanged.connect(
            self._selection_changed, Qt.ConnectionType.QueuedConnection
        )
        self.notice = NoticeBar(self)
        self._trash = Trash(self, runner, cache, confirm)
        self._loader = HistoryLoader(self, runner, cache)
        self.progress = self._loader.progress
        self.cancel_button = self._loader.cancel_button
        self._build_actions()

        toolbar = QToolBar(self)
        toolbar.setObjectName("workoutToolbar")
        for action in (self.new_action, self.delete_action, self.undo_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.refresh_action)
        toolbar.addAction(self.history_action)
        top = QHBoxLayout()
        top.addWidget(toolbar)
        top.addStretch(1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        self.set_units(settings.get(Keys.UNITS))
        self.update_actions()

    # ------------------------------------------------------------------ construction

    def save_header(self) -> None:
        """Persist column order, widths, visibility and sort (also saved after every change)."""
        self.table.save_header()

    def _action(self, text: str, name: str, tip: str, shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action(
            "&New Workout…", "newWorkoutAction", "Enter a workout by hand", "Ctrl+N"
        )
        self.new_action.triggered.connect(self.new_workout)
        self.delete_action = self._action(
            "&Delete", "deleteWorkoutAction", "Delete the selected workouts (Undo restores them)",
            QKeySequence.StandardKey.Delete,
        )  # fmt: skip
        self.delete_action.triggered.connect(self.delete_selected)
        self.undo_action = self._action(
            "&Undo Delete", "undoDeleteAction", "Create the deleted workouts again",
            QKeySequence.StandardKey.Undo,
        )  # fmt: skip
        self.undo_action.triggered.connect(self.undo_delete)
        self.refresh_action = self._action(
            "Refresh", "refreshWorkoutsAction", "Fetch what is new in your account"
        )
        self.refresh_action.triggered.connect(self.refresh)
        self.history_action = self._action(
            "Load Full History", "loadHistoryAction", "Download the list of all your workouts"
        )
        self.history_action.triggered.connect(self.load_full_history)

    def update_actions(self) -> None:
        """Enable the actions that can run now (online, a selection, something to undo)."""
        online = self._client is not None and self._account is not None
        selected = bool(self.selected_workouts())
        self.new_action.setEnabled(online)
        self.delete_action.setEnabled(online and selected)
        self.undo_action.setEnabled(online and self._trash.can_undo())
        self.refresh_action.setEnabled(online)
        self.history_action.setEnabled(online and not self._loader.loading)

    # ------------------------------------------------------------------ account, units

    def set_client(self, client: SportTracksClient | None, account_key: str | None) -> None:
        """Show ``account_key``'s cached workouts at once, then refresh them if online.

        Args:
            client: the API client, or None when offline or signed out (the cache still shows).
            account_key: names the account in the cache; None shows nothing.
        """
        changed = account_key != self._account
        self._client = client
        self._account = account_key
        if changed:
            self.cancel_history()
            self._trash.forget()
            self.notice.hide()
            self.model.set_account(account_key)
            self.load_categories()
        self.update_actions()
        if client is not None and account_key is not None:
            self.refresh()

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self.model.set_units(units)

    @property
    def account(self) -> str | None:
        """The cache key of the account shown (None: none)."""
        return self._account

    def load_categories(self) -> None:
        """Re-read the workout types for the type filter from the cache."""
        if self._account is None:
            return
        self._runner.submit(
            self._cache.categories, self._account,
            on_result=self.filter_bar.set_categories, on_error=self._cache_failed,
            description="Reading cached workouts",
        )  # fmt: skip

    # ------------------------------------------------------------------ selection

    def selected_workouts(self) -> list[WorkoutSummary]:
        """The selected rows' summaries, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.workout(row) for row in rows]

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()
        current = self.table.selectionModel().currentIndex()
        chosen = self.selected_workouts()
        summary = current.data(WorkoutRole) if current.isValid() else None
        if summary not in chosen:
            summary = chosen[0] if chosen else None
        self.workout_selected.emit(summary)

    def select_workout(self, workout_id: str) -> bool:
        """Select the row of a workout if it is loaded; True when it was."""
        row = self.model.row_of(workout_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # ------------------------------------------------------------------ filters

    def _filters_changed(self) -> None:
        self.model.set_query(self.filter_bar.apply_to(self.model.query))

    def _cache_failed(self, exc: object) -> None:
        text = str(exc)
        self.notice.show_message(text, "Retry", self.model.reload, error=True)
        self.error.emit(text)

    # ------------------------------------------------------------------ network steps

    def online(self) -> tuple[SportTracksClient, str] | None:
        """The client and account for a network step; None (and says why) when signed out."""
        if self._client is None or self._account is None:
            self.error.emit("Sign in to SportTracks to do this.")
            return None
        return self._client, self._account

    def failure_handler(
        self, what: str, retry: Callable[[], object]
    ) -> Callable[[BaseException], None]:
        """An ``on_error`` that shows "what: why" with a Retry button and emits ``error``."""

        def show(exc: BaseException) -> None:
            text = f"{what}: {exc}" if what else str(exc)
            self.notice.show_message(text, "Retry", retry, error=True)
            self.error.emit(text)

        return show

    def refresh(self) -> None:
        """Fetch what is new in the account (a few pages, newest first) into the cache."""
        self._loader.refresh()

    def load_full_history(self) -> None:
        """Page through the whole account in the background (progress bar and Cancel)."""
        self._loader.load_full_history()

    def cancel_history(self) -> None:
        """Stop "Load full history" after the current page (what was read stays cached)."""
        self._loader.cancel()

    def add_or_refresh(self, uris: list[str]) -> None:
        """Bring workouts (e.g. just uploaded) into the cache and the table."""
        online = self.online()
        if online is None or not uris:
            return
        client, account = online

        def retry() -> None:
            self.add_or_refresh(uris)

        self._runner.submit(
            ops.fetch_many, client, self._cache, account, list(uris),
            with_context=True, description="Loading new workouts",
            on_result=lambda result: self.batch_done(account, result, "Added {n} workout(s)."),
            on_error=self.failure_handler("Could not load the new workouts", retry),
        )  # fmt: skip

    def batch_done(self, account: str, result: ops.BatchResult, success: str) -> None:
        """Refresh the table after a step over several workouts; report what worked and not."""
        if account != self._account:
            return
        self.model.refresh()
        if result.done:
            self.message.emit(success.format(n=len(result.done)))
        if result.failures:
            text = " ".join(dict.fromkeys(result.failures))
            self.notice.show_message(text, error=True)
            self.error.emit(text)

    # ------------------------------------------------------------------ create

    def new_workout(self) -> NewWorkoutDialog | None:
        """Open the manual-entry dialog (non-blocking); the result is created on accept."""
        if self.online() is None:
            return None
        dialog = NewWorkoutDialog(self._settings.get(Keys.UNITS), self)
        dialog.accepted.connect(lambda: self.create_workout(dialog.workout()))
        dialog.open()
        self.new_dialog = dialog
        return dialog

    def create_workout(self, workout: Workout) -> None:
        """Create ``workout`` in the account and select it in the table."""
        online = self.online()
        if online is None:
            return
        client, account = online

        def retry() -> None:
            self.create_workout(workout)

        self._runner.submit(
            ops.create_workout, client, self._cache, account, workout,
            description="Creating the workout", serial=True,
            on_result=lambda created: self._created(account, created),
            on_error=self.failure_handler("Could not create the workout", retry),
        )  # fmt: skip

    def _created(self, account: str, created: Workout) -> None:
        if account != self._account:
            return
        self._created_id = created.id or ""  # selected once the refreshed rows are in
        self.model.refresh()
        self.message.emit(f"Created “{created.name or created.type}”.")

    def _select_created(self) -> None:
        # Connected once for good: the id tells whether a created workout is waiting.
        if self._created_id:
            self.select_workout(self._created_id)
            self._created_id = ""

    # ------------------------------------------------------------------ delete and undo

    def delete_selected(self) -> None:
        """Delete the selected workouts after confirmation (each is kept in the local trash)."""
        self._trash.delete(self.selected_workouts())

    def undo_delete(self) -> None:
        """Create the most recently deleted workouts again from the local trash."""
        self._trash.undo()
