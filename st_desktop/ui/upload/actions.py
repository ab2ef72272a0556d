"""What can be done with the upload list's rows: buttons in fixed places, menu, shortcuts.

The buttons sit above the list, where neither the preview (whose height changes with the row
shown) nor the status line (one sentence or three) can move them: a click lands on the button
it aimed at. A button that does not apply is disabled, never hidden. Each may shrink to its
text, so the row never makes the pane (and the window) wider than the list needs.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

#: Room around a button's text when it shrinks (the style's frame and margins).
BUTTON_PADDING = 12


def _button(text: str, name: str, tip: str, parent: QWidget) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setToolTip(tip)
    # Preferred: the style's width (80 px at least); the least: the text and its frame.
    plain = text.replace("&", "")
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(plain) + BUTTON_PADDING)
    return button


def _action(
    owner: QObject, text: str, name: str, shortcuts: list[str] | None = None, tip: str = ""
) -> QAction:
    action = QAction(text, owner)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    if tip:
        action.setToolTip(tip)
        action.setStatusTip(tip)
    return action


class UploadButtons:
    """The pane's buttons and actions (the pane connects them).

    Attributes:
        upload_button (``uploadButton``), cancel_button (``uploadCancel``),
        remove_button (``uploadRemove``), clear_button (``uploadClearUploaded``): the row of
            buttons above the list.
        remove_action (``uploadRemoveAction``, Delete/Backspace in the list),
        upload_action (``uploadSelectedAction``, Ctrl+Enter in the pane),
        clear_action (``uploadClearUploadedAction``, Ctrl+Shift+Delete in the pane),
        show_action (``uploadShowInTableAction``, Enter or double-click on an uploaded row):
            the same, for menus and the keyboard.
        row: the layout holding the buttons.
    """

    def __init__(self, pane: QWidget, list_view: QWidget) -> None:
        self.upload_button = _button(
            QCoreApplication.translate("UploadButtons", "&Upload"),
            "uploadButton",
            QCoreApplication.translate(
                "UploadButtons", "Upload the selected files, or all when none is selected"
            ),
            pane,
        )
        self.cancel_button = _button(
            QCoreApplication.translate("UploadButtons", "Cancel"),
            "uploadCancel",
            QCoreApplication.translate(
                "UploadButtons", "Stop uploading; queued files go back to the list"
            ),
            pane,
        )
        self.remove_button = _button(
            QCoreApplication.translate("UploadButtons", "Remove"),
            "uploadRemove",
            QCoreApplication.translate(
                "UploadButtons", "Take the selected files off the list (Delete)"
            ),
            pane,
        )
        self.clear_button = _button(
            QCoreApplication.translate("UploadButtons", "Clear Uploaded"),
            "uploadClearUploaded",
            QCoreApplication.translate(
                "UploadButtons",
                "Take every uploaded file off the list (Ctrl+Shift+Delete); the upload history "
                "keeps them",
            ),
            pane,
        )
        self.row = QHBoxLayout()
        self.row.setContentsMargins(0, 0, 0, 0)
        for button in (self.upload_button, self.cancel_button, self.remove_button):
            self.row.addWidget(button)
        self.row.addStretch(1)
        self.row.addWidget(self.clear_button)

        self.remove_action = _action(
            pane,
            QCoreApplication.translate("UploadButtons", "&Remove from List"),
            "uploadRemoveAction",
            [QKeySequence(QKeySequence.StandardKey.Delete).toString(), "Backspace"],
        )
        list_view.addAction(self.remove_action)  # in the list only: Delete in a field edits it
        self.upload_action = _action(
            pane,
            QCoreApplication.translate("UploadButtons", "&Upload Selected"),
            "uploadSelectedAction",
            ["Ctrl+Return", "Ctrl+Enter"],
        )
        self.clear_action = _action(
            pane,
            QCoreApplication.translate("UploadButtons", "&Clear Uploaded"),
            "uploadClearUploadedAction",
            ["Ctrl+Shift+Del"],
            QCoreApplication.translate(
                "UploadButtons",
                "Take every uploaded file off the list; the upload history keeps them",
            ),
        )
        self.show_action = _action(
            pane,
            QCoreApplication.translate("UploadButtons", "&Show in Table"),
            "uploadShowInTableAction",
            tip=QCoreApplication.translate("UploadButtons", "Select its workout in the table"),
        )
        for action in (self.upload_action, self.clear_action):
            pane.addAction(action)
