"""Delete with confirmation into the local trash, and Undo, for the workout table.

Each workout's full JSON goes into the cache's trash before the DELETE, so Undo can create it
again (SportTracks gives it a new id; the message says so). Undo works on the most recent
delete first; what fails to restore stays undoable. The outcome is reported through this
object's own signals, which the browser connects.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QWidget

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.account import Account
from st_desktop.services.workouts import BatchResult, Restored, Trashed, WorkoutService
from st_desktop.tasks import TaskRunner
from st_desktop.ui.dialogs.confirm import ConfirmFn
from st_desktop.ui.workouts.history import AccountSource

#: Deletes and restores of one account go one after the other (Undo waits for its Delete).
WRITES_QUEUE = "workouts"


class Trash(QObject):
    """The delete and undo steps and the stack of deletes that can be undone.

    Args:
        source: the account the steps run for.
        runner: runs the service's steps.
        service: the workout service.
        confirm: asks before deleting.
        parent: the widget confirmation dialogs belong to.

    Signals:
        deleted(str, str): account key and the sentence to show with an Undo button.
        restored(str, str): account key and the sentence saying what came back.
        done(str, list): account key and the failure sentences of a step (the table refreshes).
        failed(str, object): a step failed as a whole: the sentence and a retry callable.
        undo_available(str): text to show beside an Undo button; "" when nothing is left.
    """

    deleted = Signal(str, str)
    restored = Signal(str, str)
    done = Signal(str, list)
    failed = Signal(str, object)
    undo_available = Signal(str)

    def __init__(
        self,
        source: AccountSource,
        runner: TaskRunner,
        service: WorkoutService,
        confirm: ConfirmFn,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._service = service
        self._confirm = confirm
        self._parent = parent
        self._undo_stack: list[list[int]] = []
        self._account_key: str | None = None

    def can_undo(self) -> bool:
        """True while a delete can be undone."""
        return bool(self._undo_stack)

    def set_account(self, key: str | None) -> None:
        """Another account is shown: drop the undo history (its trash stays in the cache)."""
        self._account_key = key
        self._undo_stack.clear()
        self.undo_available.emit("")

    def delete(self, chosen: list[WorkoutSummary]) -> bool:
        """Delete ``chosen`` after confirmation, each kept in the local trash first.

        Returns:
            True when the delete was started (confirmed, signed in).
        """
        account = self._source.online()
        if not chosen or account is None:
            return False
        if len(chosen) == 1:
            title = self.tr("Delete workout")
            question = self.tr(
                "Delete “{name}” from your SportTracks account?\n\nA copy is kept on this "
                "computer: Undo creates it again (with a new id)."
            ).format(name=chosen[0].name or chosen[0].type)
        else:
            title = self.tr("Delete workouts")
            question = self.tr(
                "Delete {count} workouts from your SportTracks account?\n\nCopies are kept on "
                "this computer: Undo creates them again (with new ids)."
            ).format(count=QLocale().toString(len(chosen)))
        if not self._confirm(self._parent, title, question, self.tr("Delete")):
            return False
        uris = [item.uri for item in chosen if item.uri]

        def retry() -> None:
            self.delete(chosen)

        self._runner.submit(
            self._service.delete,
            account,
            uris,
            with_context=True,
            serial=WRITES_QUEUE,
            description=self.tr("Deleting workouts"),
            on_result=lambda result: self._deleted(account, result),
            on_error=lambda exc: self.failed.emit(
                self.tr("Could not delete: {error}").format(error=exc), retry
            ),
            owner=self,
        )
        return True

    def _deleted(self, account: Account, result: BatchResult) -> None:
        if account.key != self._account_key:
            return  # the user switched accounts meanwhile; the trash keeps the copies
        trashed = [t for t in result.done if isinstance(t, Trashed)]
        if trashed:
            self._undo_stack.append([t.trash_id for t in trashed])
            if len(trashed) == 1:
                text = self.tr("Deleted “{name}”.").format(name=trashed[0].name)
            else:
                text = self.tr("Deleted {count} workouts.").format(
                    count=QLocale().toString(len(trashed))
                )
            self.deleted.emit(account.key, text)
            self.undo_available.emit(text)
        self.done.emit(account.key, result.failures)

    def undo(self) -> None:
        """Create the most recently deleted workouts again from the local trash."""
        account = self._source.online()
        if account is None or not self._undo_stack:
            return
        trash_ids = self._undo_stack.pop()
        self.undo_available.emit("")

        def failed(exc: BaseException) -> None:
            self._undo_stack.append(trash_ids)
            self.failed.emit(self.tr("Could not restore: {error}").format(error=exc), self.undo)

        self._runner.submit(
            self._service.restore,
            account,
            trash_ids,
            with_context=True,
            serial=WRITES_QUEUE,
            description=self.tr("Restoring workouts"),
            on_result=lambda result: self._restored(account, trash_ids, result),
            on_error=failed,
            owner=self,
        )

    def _restored(self, account: Account, trash_ids: list[int], result: BatchResult) -> None:
        if account.key != self._account_key:
            return
        restored = [r for r in result.done if isinstance(r, Restored)]
        left = [t for t in trash_ids if t not in {r.trash_id for r in restored}]
        if left:
            self._undo_stack.append(left)  # what failed can be undone again
        if restored:
            first = restored[0]
            if len(restored) == 1:
                text = self.tr(
                    "Restored “{name}”; SportTracks gave it a new id ({old} → {new})."
                ).format(name=first.name, old=first.old_id, new=first.new_id)
            else:
                text = self.tr("Restored {count} workouts; SportTracks gave them new ids.").format(
                    count=QLocale().toString(len(restored))
                )
            self.restored.emit(account.key, text)
        self.done.emit(account.key, result.failures)
