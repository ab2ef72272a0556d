"""The workout table's actions (New, Edit Selected, Delete, Undo, Refresh, Load Full History)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def make_action(owner: QWidget, text: str, name: str, tip: str, shortcut: Any = None) -> QAction:
    """An action of ``owner`` whose shortcut works while focus is inside it."""
    action = QAction(text, owner)
    action.setObjectName(name)
    action.setToolTip(tip)
    action.setStatusTip(tip)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    owner.addAction(action)
    return action


class WorkoutActions:
    """The browser's actions, named for the window's menus and the tests.

    Attributes:
        new (``newWorkoutAction``, Ctrl+N), edit (``bulkEditAction``, Ctrl+Shift+E),
        delete (``deleteWorkoutAction``, Del), undo (``undoDeleteAction``, Ctrl+Z),
        refresh (``refreshWorkoutsAction``), history (``loadHistoryAction``).
    """

    def __init__(self, owner: QWidget) -> None:
        self.new = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "&New Workout…"),
            "newWorkoutAction",
            QCoreApplication.translate("WorkoutActions", "Enter a workout by hand"),
            "Ctrl+N",
        )
        self.edit = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "&Edit Selected…"),
            "bulkEditAction",
            QCoreApplication.translate(
                "WorkoutActions", "Change type, privacy or notes of the selected workouts at once"
            ),
            "Ctrl+Shift+E",
        )
        self.delete = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "&Delete"),
            "deleteWorkoutAction",
            QCoreApplication.translate(
                "WorkoutActions", "Delete the selected workouts (Undo restores them)"
            ),
            QKeySequence.StandardKey.Delete,
        )
        self.undo = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "&Undo Delete"),
            "undoDeleteAction",
            QCoreApplication.translate("WorkoutActions", "Undo the most recent delete or edit"),
            QKeySequence.StandardKey.Undo,
        )
        self.refresh = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "Refresh"),
            "refreshWorkoutsAction",
            QCoreApplication.translate("WorkoutActions", "Fetch what is new in your account"),
        )
        self.history = make_action(
            owner,
            QCoreApplication.translate("WorkoutActions", "Load Full History"),
            "loadHistoryAction",
            QCoreApplication.translate("WorkoutActions", "Download the list of all your workouts"),
        )

    def update(self, *, online: bool, selected: bool, undo: str | None, loading: bool) -> None:
        """Enable what can run now.

        Args:
            undo: what Ctrl+Z would undo ("delete", "edit") or None.
        """
        self.new.setEnabled(online)
        self.delete.setEnabled(online and selected)
        self.edit.setEnabled(online and selected)
        self.undo.setEnabled(online and undo is not None)
        self.undo.setText(
            QCoreApplication.translate("WorkoutActions", "&Undo Edit")
            if undo == "edit"
            else QCoreApplication.translate("WorkoutActions", "&Undo Delete")
        )
        self.refresh.setEnabled(online)
        self.history.setEnabled(online and not loading)
