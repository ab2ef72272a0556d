"""Edit several selected workouts at once, with progress and Undo.

The edits are :class:`~st_desktop.services.workouts.WorkoutService`'s (read-modify-write of each
workout, keeping what it held); this asks what to change, shows the progress in the status bar
and keeps what can be undone. The outcome is reported through this object's own signals.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QWidget

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.account import Account
from st_desktop.services.bulk_edit import BulkChanges, BulkResult, Edited
from st_desktop.services.workouts import WorkoutService
from st_desktop.tasks import TaskRunner
from st_desktop.ui.i18n import plural
from st_desktop.ui.workouts.history import AccountSource
from st_desktop.ui.workouts.trash import WRITES_QUEUE

if TYPE_CHECKING:
    from st_desktop.ui.dialogs.bulk_edit import BulkEditDialog


class BulkEditor(QObject):
    """Edit Selected… and the undo of the most recent bulk edits.

    Signals:
        edited(str, str): account key and the sentence to show with an Undo button.
        undone(str, str): account key and the sentence saying what was put back.
        done(str, list): account key and the failure sentences (the table refreshes).
        failed(str, object): a step failed as a whole: the sentence and a retry callable.
    """

    edited = Signal(str, str)
    undone = Signal(str, str)
    done = Signal(str, list)
    failed = Signal(str, object)

    def __init__(
        self, source: AccountSource, runner: TaskRunner, service: WorkoutService, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._service = service
        self._parent = parent
        self._undo_stack: list[list[Edited]] = []
        self._account_key: str | None = None
        self.dialog: BulkEditDialog | None = None

    def can_undo(self) -> bool:
        """True while a bulk edit can be undone."""
        return bool(self._undo_stack)

    def set_account(self, key: str | None) -> None:
        """Another account is shown: its edits can no longer be undone from here."""
        self._account_key = key
        self._undo_stack.clear()

    def edit(self, chosen: list[WorkoutSummary]) -> None:
        """Ask what to change in ``chosen``, then change it."""
        if not chosen or self._source.online() is None:
            return
        from st_desktop.ui.dialogs.bulk_edit import BulkEditDialog  # on first use

        dialog = BulkEditDialog(len(chosen), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply(chosen, dialog.changes()))
        dialog.open()
        self.dialog = dialog

    def apply(self, chosen: list[WorkoutSummary], changes: BulkChanges) -> None:
        """Change ``chosen`` in the account (no questions asked)."""
        account = self._source.online()
        if account is None or not changes:
            return
        uris = [item.uri for item in chosen if item.uri]
        self._runner.submit(
            self._service.edit_many,
            account,
            uris,
            changes,
            with_context=True,
            serial=WRITES_QUEUE,
            description=self.tr("Editing workouts"),
            on_result=lambda result: self._edited(account, result),
            on_error=lambda exc: self.failed.emit(
                self.tr("Could not edit the workouts: {error}").format(error=exc),
                lambda: self.apply(chosen, changes),
            ),
            owner=self,
        )

    def _edited(self, account: Account, result: BulkResult) -> None:
        if account.key != self._account_key:
            return
        if result.edited:
            self._undo_stack.append(result.edited)
            text = plural(
                len(result.edited),
                self.tr("Changed 1 workout."),
                self.tr("Changed {count} workouts."),
            )
            if result.unchanged:
                text += " " + plural(
                    result.unchanged,
                    self.tr("1 already was as asked."),
                    self.tr("{count} already were as asked."),
                )
            self.edited.emit(account.key, text)
        self.done.emit(account.key, result.failures)

    def undo(self) -> None:
        """Put back what the most recent bulk edit changed."""
        account = self._source.online()
        if account is None or not self._undo_stack:
            return
        edited = self._undo_stack.pop()

        def failed(exc: BaseException) -> None:
            self._undo_stack.append(edited)
            self.failed.emit(
                self.tr("Could not undo the edit: {error}").format(error=exc), self.undo
            )

        self._runner.submit(
            self._service.undo_edit_many,
            account,
            edited,
            with_context=True,
            serial=WRITES_QUEUE,
            description=self.tr("Undoing the edit"),
            on_result=lambda result: self._undone(account, edited, result),
            on_error=failed,
            owner=self,
        )

    def _undone(self, account: Account, edited: list[Edited], result: BulkResult) -> None:
        if account.key != self._account_key:
            return
        put_back = {item.uri for item in result.edited}
        left = [item for item in edited if item.uri not in put_back]
        if left:
            self._undo_stack.append(left)  # what failed can be undone again
        if result.edited:
            self.undone.emit(
                account.key,
                plural(
                    len(result.edited),
                    self.tr("Put 1 workout back as it was."),
                    self.tr("Put {count} workouts back as they were."),
                ),
            )
        self.done.emit(account.key, result.failures)
