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
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QToolBar, QVBoxLayout, QWidget

from st_desktop.domain.workout import Workout, WorkoutSummary, workout_id
from st_desktop.services.account import Account
from st_desktop.services.workouts import BatchResult, WorkoutService
from st_desktop.settings import Keys, Settings
from st_desktop.store.cache import WorkoutQuery
from st_desktop.tasks import TaskRunner
from st_desktop.ui.dialogs.confirm import ConfirmFn, ask
from st_desktop.ui.i18n import plural
from st_desktop.ui.workouts.actions import WorkoutActions
from st_desktop.ui.workouts.bulk import BulkEditor
from st_desktop.ui.workouts.filter import FilterBar
from st_desktop.ui.workouts.history import HistoryLoader
from st_desktop.ui.workouts.model import PAGE_SIZE, WorkoutRole, WorkoutTableModel
from st_desktop.ui.workouts.notice import NoticeBar
from st_desktop.ui.workouts.search_status import SearchStatus
from st_desktop.ui.workouts.table import WorkoutTable
from st_desktop.ui.workouts.trash import WRITES_QUEUE, Trash
from st_desktop.ui.workouts.undo import UndoOrder

if TYPE_CHECKING:
    from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog

log = logging.getLogger(__name__)


class WorkoutBrowser(QWidget):
    """Filter bar, workout table (``workoutTable``) and actions.

    Args:
        runner: runs every cache query and network step.
        settings: column state, units.
        service: the workouts of the account (sync, create, delete, restore; its cache).
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
        runner: TaskRunner,
        settings: Settings,
        service: WorkoutService,
        parent: QWidget | None = None,
        *,
        confirm: ConfirmFn = ask,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("workoutBrowser")
        self._runner = runner
        self._settings = settings
        self._service = service
        self._account: Account | None = None
        self.new_dialog: NewWorkoutDialog | None = None
        self._created_id = ""
        self._pending_delete_row: int | None = None  # asked, not done yet
        self._row_after_delete: int | None = None  # done: select once the rows are re-read

        self.model = WorkoutTableModel(runner, service.cache, page_size, parent=self)
        self.model.load_failed.connect(self._cache_failed)
        self.model.refreshed.connect(self._select_created)
        self.model.page_loaded.connect(self._select_created)
        self.model.refreshed.connect(self._select_after_delete)
        self.model.refreshed.connect(self.update_counts)
        self.filter_bar = FilterBar(self)
        self.search_status = SearchStatus(self)
        self.search_status.clear_requested.connect(self.clear_filters)
        self.filter_bar.changed.connect(self._filters_changed)
        self.table = WorkoutTable(self.model, settings, self)
        # Queued: a view being destroyed can still emit, and a queued call to a dead receiver is
        # dropped by Qt instead of running Python code on a half-deleted widget.
        self.table.selectionModel().selectionChanged.connect(
            self._selection_changed, Qt.ConnectionType.QueuedConnection
        )
        self.notice = NoticeBar(self)
        self._trash = Trash(self, runner, service, confirm, self)
        self._trash.deleted.connect(self._deleted)
        self._trash.restored.connect(self._restored)
        self._trash.done.connect(self._batch_failures)
        self._trash.failed.connect(self._show_failure)
        self._trash.undo_available.connect(self.undo_available)
        self._bulk = BulkEditor(self, runner, service, self)
        self._bulk.edited.connect(self._bulk_edited)
        self._bulk.undone.connect(self._restored)
        self._bulk.done.connect(self._batch_failures)
        self._bulk.failed.connect(self._show_failure)
        self._undo = UndoOrder(self._trash, self._bulk, self)
        self._undo.changed.connect(self.update_actions)
        self._loader = HistoryLoader(self, runner, service, self)
        self._loader.synced.connect(self._synced)
        self._loader.failed.connect(self._show_failure)
        self._loader.message.connect(self.message)
        self._loader.loading_changed.connect(self._loading_changed)
        self.progress = self._loader.progress
        self.cancel_button = self._loader.cancel_button
        self._connect_actions(WorkoutActions(self))
        self._lay_out()
        self.set_units(settings.get(Keys.UNITS))
        self.update_actions()

    # ------------------------------------------------------------------ construction

    def _connect_actions(self, actions: WorkoutActions) -> None:
        self.workout_actions = actions
        self.new_action, self.edit_action = actions.new, actions.edit
        self.delete_action, self.undo_action = actions.delete, actions.undo
        self.refresh_action, self.history_action = actions.refresh, actions.history
        self.new_action.triggered.connect(self.new_workout)
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action.triggered.connect(self.delete_selected)
        self.undo_action.triggered.connect(self.undo)
        self.refresh_action.triggered.connect(self.refresh)
        self.history_action.triggered.connect(self.load_full_history)

    def _lay_out(self) -> None:
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
        top.addWidget(self.search_status.count)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.search_status)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)

    def save_header(self) -> None:
        """Persist column order, widths, visibility and sort (also saved after every change)."""
        self.table.save_header()

    def update_actions(self) -> None:
        """Enable the actions that can run now (online, a selection, something to undo)."""
        self.workout_actions.update(
            online=self._account is not None and self._account.online,
            selected=bool(self.selected_workouts()),
            undo=self._undo.next(),
            loading=self._loader.loading,
        )

    # ------------------------------------------------------------------ account, units

    def set_account(self, account: Account | None) -> None:
        """Show the account's cached workouts at once, then refresh them if signed in.

        Args:
            account: the account (signed in or not: the cache shows either way); None shows
                nothing.
        """
        key = account.key if account is not None else None
        changed = key != self.account
        self._account = account
        if changed:
            self._loader.stop()
            self._trash.set_account(key)
            self._bulk.set_account(key)
            self._undo.clear()
            self.notice.hide()
            self.model.set_account(key)
            self.load_categories()
            self.update_counts()
        self.update_actions()
        if account is not None and account.online:
            self.refresh()

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self.model.set_units(units)

    @property
    def account(self) -> str | None:
        """The cache key of the account shown (None: none)."""
        return self._account.key if self._account is not None else None

    @property
    def shown_account(self) -> Account | None:
        """The account whose workouts are shown (signed in or only cached)."""
        return self._account

    def load_categories(self) -> None:
        """Re-read the workout types for the type filter from the cache."""
        if self._account is None:
            return
        self._runner.submit(
            self._service.categories,
            self._account.key,
            on_result=self.filter_bar.set_categories,
            on_error=self._cache_failed,
            description=self.tr("Reading cached workouts"),
        )

    # ------------------------------------------------------------------ selection

    def selected_workouts(self) -> list[WorkoutSummary]:
        """The selected rows' summaries, top to bottom."""
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.workout(row) for row in rows]

    def current_workout(self) -> WorkoutSummary | None:
        """The workout the detail editor shows: the current row if selected, else the first."""
        current = self.table.selectionModel().currentIndex()
        chosen = self.selected_workouts()
        summary = current.data(WorkoutRole) if current.isValid() else None
        if summary not in chosen:
            summary = chosen[0] if chosen else None
        return summary

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self.update_actions()
        self.workout_selected.emit(self.current_workout())

    def select_workout(self, workout_id: str) -> bool:
        """Select the row of a workout if it is loaded; True when it was."""
        row = self.model.row_of(workout_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def reveal_workout(self, uri: str) -> None:
        """Select a workout (e.g. an uploaded row's), clearing the search if it hides it and
        loading it from SportTracks if the cache does not have it yet."""
        ident = workout_id(uri)
        if self.select_workout(ident):
            self.table.setFocus()
            return
        self._created_id = ident  # selected once the rows are in (see _select_created)
        query = self.model.query
        if query.text or query.category or query.date_from:
            self.message.emit(self.tr("The search was cleared to show the workout."))
            self.clear_filters()
        self.add_or_refresh([uri])

    # ------------------------------------------------------------------ filters

    def _filters_changed(self) -> None:
        self.model.set_query(self.filter_bar.apply_to(self.model.query))
        self.update_counts()

    def clear_filters(self) -> None:
        """Show every workout again (search, type and dates cleared)."""
        self.filter_bar.clear()

    def update_counts(self) -> None:
        """Read how many workouts match and how many there are (shown as "42 of 320")."""
        if self._account is None:
            self.search_status.show_counts(None, None, "")
            return
        query, key = self.model.query, self._account.key
        self._runner.submit(
            self._service.counts,
            key,
            query,
            on_result=lambda counts: self._show_counts(key, query, counts),
            on_error=self._cache_failed,
            description=self.tr("Counting cached workouts"),
            owner=self,
        )

    def _show_counts(self, key: str, query: WorkoutQuery, counts: tuple[int, int]) -> None:
        if key == self.account and query == self.model.query:  # else a newer count follows
            self.search_status.show_counts(*counts, query.text)

    def _cache_failed(self, exc: object) -> None:
        text = str(exc)
        self.notice.show_message(text, self.tr("Retry"), self.model.reload, error=True)
        self.error.emit(text)

    # ------------------------------------------------------------------ network steps

    def online(self) -> Account | None:
        """The signed-in account for a network step; None (and says why) when signed out."""
        if self._account is None or not self._account.online:
            self.error.emit(self.tr("Sign in to SportTracks to do this."))
            return None
        return self._account

    def _show_failure(self, text: str, retry: Callable[[], object] | None = None) -> None:
        if retry is None:
            self.notice.show_message(text, error=True)
        else:
            self.notice.show_message(text, self.tr("Retry"), retry, error=True)
        self.error.emit(text)

    def refresh(self) -> None:
        """Fetch what is new in the account (a few pages, newest first) into the cache."""
        self._loader.refresh()

    def load_full_history(self) -> None:
        """Page through the whole account in the background (progress bar and Cancel)."""
        self._loader.load_full_history()

    def cancel_history(self) -> None:
        """Stop "Load full history" after the current page (what was read stays cached)."""
        self._loader.cancel()

    @property
    def history_page_size(self) -> int:
        """List page size of "Load full history" (the service's maximum is unknown)."""
        return self._loader.page_size

    @history_page_size.setter
    def history_page_size(self, value: int) -> None:
        self._loader.page_size = value

    def _loading_changed(self, _loading: bool) -> None:
        self.model.refresh()
        self.update_actions()

    def _synced(self, key: str, text: str) -> None:
        if key != self.account:
            return
        self.model.refresh()
        self.load_categories()
        if text:
            self.message.emit(text)

    def add_or_refresh(self, uris: list[str]) -> None:
        """Bring workouts (e.g. just uploaded) into the cache and the table."""
        account = self.online()
        if account is None or not uris:
            return

        def retry() -> None:
            self.add_or_refresh(uris)

        self._runner.submit(
            self._service.fetch_many,
            account,
            list(uris),
            with_context=True,
            description=self.tr("Loading new workouts"),
            on_result=lambda result: self._fetched(account.key, result),
            on_error=lambda exc: self._show_failure(
                self.tr("Could not load the new workouts: {error}").format(error=exc), retry
            ),
            owner=self,
        )

    def _fetched(self, key: str, result: BatchResult) -> None:
        if key != self.account:
            return
        if result.done:
            self.message.emit(
                plural(
                    len(result.done),
                    self.tr("Added 1 workout."),
                    self.tr("Added {count} workouts."),
                )
            )
        self._batch_failures(key, result.failures)

    def _batch_failures(self, key: str, failures: list[str]) -> None:
        """Refresh the table after a step over several workouts; show what failed."""
        if key != self.account:
            return
        self.model.refresh()
        if failures:
            self._show_failure(" ".join(dict.fromkeys(failures)))
        self.update_actions()

    # ------------------------------------------------------------------ create

    def new_workout(self) -> NewWorkoutDialog | None:
        """Open the manual-entry dialog (non-blocking); the result is created on accept."""
        if self.online() is None:
            return None
        from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog  # on first use

        dialog = NewWorkoutDialog(self._settings.get(Keys.UNITS), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.create_workout(dialog.workout()))
        dialog.destroyed.connect(self._new_dialog_gone)
        dialog.open()
        self.new_dialog = dialog
        return dialog

    def _new_dialog_gone(self) -> None:
        self.new_dialog = None

    def create_workout(self, workout: Workout) -> None:
        """Create ``workout`` in the account and select it in the table."""
        account = self.online()
        if account is None:
            return

        def retry() -> None:
            self.create_workout(workout)

        self._runner.submit(
            self._service.create,
            account,
            workout,
            description=self.tr("Creating the workout"),
            serial=WRITES_QUEUE,
            on_result=lambda created: self._created(account.key, created),
            on_error=lambda exc: self._show_failure(
                self.tr("Could not create the workout: {error}").format(error=exc), retry
            ),
            owner=self,
        )

    def _created(self, key: str, created: Workout) -> None:
        if key != self.account:
            return
        self._created_id = created.id or ""  # selected once the refreshed rows are in
        self.model.refresh()
        self.message.emit(self.tr("Created “{name}”.").format(name=created.name or created.type))

    def _select_created(self) -> None:
        # Connected once for good: the id tells whether a created workout is waiting.
        if not self._created_id or self.model.in_flight:
            return
        if self.select_workout(self._created_id):
            self._created_id = ""
            self.table.setFocus()
        elif self.model.query.text or self.model.query.category or self.model.query.date_from:
            # The filters hide it: show everything, and select it once those rows are in.
            self.message.emit(self.tr("The search was cleared to show the workout."))
            self.clear_filters()
        else:
            self._created_id = ""

    # ------------------------------------------------------------------ delete and undo

    def delete_selected(self) -> None:
        """Delete the selected workouts after confirmation (each is kept in the local trash).

        Afterwards the row that takes the place of the first deleted one is selected.
        """
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        first = rows[0] if rows else None
        if self._trash.delete(self.selected_workouts()):
            self._pending_delete_row = first

    def _select_after_delete(self) -> None:
        row, self._row_after_delete = self._row_after_delete, None
        if row is None or self.model.rowCount() == 0 or self._created_id:
            return
        row = min(row, self.model.rowCount() - 1)
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def undo_delete(self) -> None:
        """Create the most recently deleted workouts again from the local trash."""
        self._trash.undo()

    def undo(self) -> None:
        """Undo the most recent delete or bulk edit (Ctrl+Z)."""
        self._undo.undo()

    def edit_selected(self) -> None:
        """Change type, privacy or notes of the selected workouts (Workouts > Edit Selected…)."""
        self._bulk.edit(self.selected_workouts())

    def _bulk_edited(self, key: str, text: str) -> None:
        if key == self.account:
            self.notice.show_message(text, self.tr("Undo"), self.undo)
            self.undo_available.emit(text)
            self.update_actions()

    def _deleted(self, key: str, text: str) -> None:
        if key == self.account:
            self._row_after_delete, self._pending_delete_row = self._pending_delete_row, None
            self.notice.show_message(text, self.tr("Undo"), self.undo)

    def _restored(self, key: str, text: str) -> None:
        if key == self.account:
            self.notice.show_message(text)
            self.message.emit(text)
