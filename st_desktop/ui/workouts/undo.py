"""Ctrl+Z for the workout table: the most recent delete or bulk edit is undone first."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from st_desktop.ui.workouts.bulk import BulkEditor
from st_desktop.ui.workouts.trash import Trash


class UndoOrder(QObject):
    """Which of the trash and the bulk editor Ctrl+Z goes to, most recent first.

    Args:
        trash: deletes that can be undone.
        bulk: bulk edits that can be undone.

    Signals:
        changed(): what can be undone changed (update the Undo action).
    """

    changed = Signal()

    def __init__(self, trash: Trash, bulk: BulkEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._trash = trash
        self._bulk = bulk
        self._order: list[str] = []
        trash.deleted.connect(lambda _key, _text: self._push("delete"))
        bulk.edited.connect(lambda _key, _text: self._push("edit"))

    def _push(self, kind: str) -> None:
        self._order.append(kind)
        self.changed.emit()

    def clear(self) -> None:
        """Nothing to undo any more (another account is shown)."""
        self._order.clear()
        self.changed.emit()

    def next(self) -> str | None:
        """What Ctrl+Z would undo: "delete", "edit" or None."""
        # Entries whose stack emptied meanwhile (a failed undo re-queues itself) are skipped.
        while self._order:
            kind = self._order[-1]
            can = self._bulk.can_undo() if kind == "edit" else self._trash.can_undo()
            if can:
                return kind
            self._order.pop()
        return None

    def undo(self) -> None:
        """Undo the most recent delete or bulk edit."""
        kind = self.next()
        if kind is None:
            return
        self._order.pop()
        if kind == "edit":
            self._bulk.undo()
        else:
            self._trash.undo()
        self.changed.emit()
