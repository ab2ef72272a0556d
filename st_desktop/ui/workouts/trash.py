"""Delete with confirmation into the local trash, and Undo, for the workout browser.

Each workout's full JSON goes into the cache's trash before the DELETE, so Undo can create it
again (SportTracks gives it a new id; the message says so). Undo works on the most recent
delete first; what fails to restore stays undoable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunnerBase
from st_desktop.ui.dialogs.confirm import ConfirmFn
from st_desktop.ui.workouts import ops

if TYPE_CHECKING:
    from st_desktop.ui.workouts.browser import WorkoutBrowser


class Trash(QObject):
    """The browser's delete and undo steps and the stack of deletes that can be undone.

    Args:
        browser: shows the outcome (its notice bar, ``message``, ``error`` and
            ``undo_available`` signals) and knows the account.
        runner: runs the network steps.
        cache: holds the trash.
        confirm: asks before deleting.
    """

    def __init__(
        self,
        browser: WorkoutBrowser,
        runner: TaskRunnerBase,
        cache: WorkoutCache,
        confirm: ConfirmFn,
    ) -> None:
        super().__init__(browser)
        self._browser = browser
        self._runner = runner
        self._cache = cache
        self._confirm = confirm
        self._undo_stack: list[list[int]] = []

    def can_undo(self) -> bool:
        """True while a delete can be undone."""
        return bool(self._undo_stack)

    def forget(self) -> None:
        """Drop the undo history (another account is shown; its trash stays in the cache)."""
        self._undo_stack.clear()
        self._browser.undo_available.emit("")

    def delete(self, chosen: list[WorkoutSummary]) -> None:
        """Delete ``chosen`` after confirmation, each kept in the local trash first."""
        browser = self._browser
        online = browser.online()
        if not chosen or online is None:
            return
        client, account = online
        what = (
            f"“{chosen[0].name or chosen[0].type}”"
            if len(chosen) == 1
            else f"{len(chosen)} workouts"
        )
        if not self._confirm(
            browser, "Delete workouts",
            f"Delete {what} from your SportTracks account?\n\nA copy is kept on this computer: "
            "Undo creates it again (with a new id).",
            "Delete",
        ):  # fmt: skip
            return
        uris = [item.uri for item in chosen if item.uri]
        self._runner.submit(
            ops.delete_workouts, client, self._cache, account, uris,
            with_context=True, serial=True, description="Deleting workouts",
            on_result=lambda result: self._deleted(account, result),
            on_error=browser.failure_handler("Could not delete", browser.delete_selected),
        )  # fmt: skip

    def _deleted(self, account: str, result: ops.BatchResult) -> None:
        browser = self._browser
        trashed = [t for t in result.done if isinstance(t, ops.Trashed)]
        if trashed and account == browser.account:
            self._undo_stack.append([t.trash_id for t in trashed])
            name = f"“{trashed[0].name}”" if len(trashed) == 1 else f"{len(trashed)} workouts"
            text = f"Deleted {name}."
            browser.notice.show_message(text, "Undo", self.undo)
            browser.undo_available.emit(text)
        browser.batch_done(account, ops.BatchResult([], result.failures), "")
        browser.update_actions()

    def undo(self) -> None:
        """Create the most recently deleted workouts again from the local trash."""
        browser = self._browser
        online = browser.online()
        if online is None or not self._undo_stack:
            return
        client, account = online
        trash_ids = self._undo_stack.pop()
        browser.undo_available.emit("")
        browser.update_actions()

        def failed(exc: BaseException) -> None:
            self._undo_stack.append(trash_ids)
            browser.failure_handler("Could not restore", self.undo)(exc)
            browser.update_actions()

        self._runner.submit(
            ops.restore_workouts, client, self._cache, account, trash_ids,
            with_context=True, serial=True, description="Restoring workouts",
            on_result=lambda result: self._restored(account, trash_ids, result),
            on_error=failed,
        )  # fmt: skip

    def _restored(self, account: str, trash_ids: list[int], result: ops.BatchResult) -> None:
        browser = self._browser
        restored = [r for r in result.done if isinstance(r, ops.Restored)]
        left = [t for t in trash_ids if t not in {r.trash_id for r in restored}]
        if left and account == browser.account:
            self._undo_stack.append(left)  # what failed can be undone again
        if restored:
            first = restored[0]
            text = (
                f"Restored “{first.name}”; SportTracks gave it a new id ({first.old_id} → "
                f"{first.new_id})."
                if len(restored) == 1
                else f"Restored {len(restored)} workouts; SportTracks gave them new ids."
            )
            browser.notice.show_message(text)
            browser.message.emit(text)
        browser.batch_done(account, ops.BatchResult([], result.failures), "")
        browser.update_actions()
