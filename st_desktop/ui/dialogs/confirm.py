"""Asking the user to confirm a destructive or overwriting step.

Widgets take a :data:`ConfirmFn` in their constructor (default :func:`ask`), so tests pass a
function that answers at once instead of driving a modal box.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

#: ``confirm(parent, title, text, action_label) -> bool``: True when the user agreed.
ConfirmFn = Callable[[QWidget, str, str, str], bool]


def ask(parent: QWidget, title: str, text: str, action_label: str) -> bool:
    """A modal question with the action as the button ("Delete", "Overwrite") and Cancel.

    Cancel is the default button, so a stray Enter never destroys anything.
    """
    box = QMessageBox(parent)
    box.setObjectName("confirmDialog")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    action = box.addButton(action_label, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is action
