"""Workouts > Edit Selected…: one type, privacy or note for several workouts at once."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
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
from st_desktop.ui.i18n import plural

#: Privacy values and their labels (translated where the combo box is filled).
PRIVACY = (
    ("public", QT_TRANSLATE_NOOP("BulkEditDialog", "Public")),
    ("friends", QT_TRANSLATE_NOOP("BulkEditDialog", "Friends")),
    ("private", QT_TRANSLATE_NOOP("BulkEditDialog", "Only me")),
)


class BulkEditDialog(QDialog):
    """Asks what to change in the selected workouts (``bulkEditDialog``).

    Every field is left as it is unless its box is ticked; OK stays disabled until something
    would change. Read the answer with :meth:`changes` once ``accepted`` fires.
    """

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bulkEditDialog")
        self.setWindowTitle(
            plural(count, self.tr("Edit Workout"), self.tr("Edit {count} Workouts"))
        )
        intro = QLabel(
            plural(
                count,
                self.tr(
                    "Change these for the selected workout; what you leave unticked stays as it "
                    "is. Undo puts the workout back as it was."
                ),
                self.tr(
                    "Change these for all {count} selected workouts; what you leave unticked "
                    "stays as it is in each. Undo puts every workout back as it was."
                ),
            ),
            self,
        )
        intro.setWordWrap(True)
        self.set_type = QCheckBox(self.tr("&Type:"), self)
        self.set_type.setObjectName("bulkSetType")
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("bulkType")
        self.type_picker.set_wire_type("Running")
        self.set_privacy = QCheckBox(self.tr("&Privacy:"), self)
        self.set_privacy.setObjectName("bulkSetPrivacy")
        self.privacy = QComboBox(self)
        self.privacy.setObjectName("bulkPrivacy")
        self.privacy.setAccessibleName(self.tr("Privacy"))
        for value, label in PRIVACY:
            self.privacy.addItem(QCoreApplication.translate("BulkEditDialog", str(label)), value)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("bulkNotes")
        self.notes.setAccessibleName(self.tr("Text to add to the notes"))
        self.notes.setPlaceholderText(self.tr("Added at the end of each workout's notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(intro)
        form.addRow(self.set_type, self.type_picker)
        form.addRow(self.set_privacy, self.privacy)
        form.addRow(self.tr("Add to &notes:"), self.notes)
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
