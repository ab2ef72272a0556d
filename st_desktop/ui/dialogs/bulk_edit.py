"""Workouts > Edit Selected…: one type, privacy or note for several workouts at once."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from st_desktop.services.bulk_edit import BulkChanges
from st_desktop.ui.detail.type_picker import TypePicker

PRIVACY = (("public", "Public"), ("friends", "Friends"), ("private", "Only me"))


class BulkEditDialog(QDialog):
    """Asks what to change in the selected workouts (``bulkEditDialog``).

    Every field is left as it is unless its box is ticked; OK stays disabled until something
    would change. Read the answer with :meth:`changes` once ``accepted`` fires.
    """

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(f"Edit {count} Workouts" if count != 1 else "Edit Workout")
        intro = QLabel(
            f"Change these for all {count} selected workouts; what you leave unticked stays "
            "as it is in each. Undo puts every workout back as it was.",
            self,
        )
        intro.setWordWrap(True)
        self.set_type = QCheckBox("&Type:", self)
        self.set_type.setObjectName("bulkSetType")
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("bulkType")
        self.type_picker.set_wire_type("Running")
        self.set_privacy = QCheckBox("&Privacy:", self)
        self.set_privacy.setObjectName("bulkSetPrivacy")
        self.privacy = QComboBox(self)
        self.privacy.setObjectName("bulkPrivacy")
        self.privacy.setAccessibleName("Privacy")
        for value, label in PRIVACY:
            self.privacy.addItem(label, value)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("bulkNotes")
        self.notes.setAccessibleName("Text to add to the notes")
        self.notes.setPlaceholderText("Added at the end of each workout's notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.set_type, self.type_picker)
        form.addRow(self.set_privacy, self.privacy)
        form.addRow("Add to &notes:", self.notes)
        form.addRow(self.buttons)
        for box, widget in ((self.set_type, self.type_picker), (self.set_privacy, self.privacy)):
            widget.setEnabled(False)
            box.toggled.connect(widget.setEnabled)
            box.toggled.connect(self._update)
        self.notes.textChanged.connect(self._update)
        self._update()

    def changes(self) -> BulkChanges:
        """What to change (only the ticked fields)."""
        return BulkChanges(
            type=self.type_picker.wire_type() if self.set_type.isChecked() else None,
            privacy=str(self.privacy.currentData()) if self.set_privacy.isChecked() else None,
            notes_append=self.notes.toPlainText(),
        )

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.changes()))
