"""Editing or adding a gear item: name, brand, model, kind, notes, and whether it is retired."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from st_desktop.domain.gear import Gear, new_gear

#: Kinds offered (the service keeps any text; these are the ones people use).
KINDS = (
    ("bike", QT_TRANSLATE_NOOP("GearDialog", "Bike")),
    ("shoes", QT_TRANSLATE_NOOP("GearDialog", "Shoes")),
    ("other", QT_TRANSLATE_NOOP("GearDialog", "Other")),
)


def kind_name(kind: str) -> str:
    """A kind as shown: "Bike" ("Fahrrad" in German) for the kinds offered, else as typed."""
    labels = dict(KINDS)
    if kind in labels:
        return QCoreApplication.translate("GearDialog", str(labels[kind]))
    return kind.capitalize()


class GearDialog(QDialog):
    """Asks for a gear item's fields; OK stays disabled until it has a name, brand or model.

    Open it with ``open()`` and read :meth:`changes` (an edit) or :meth:`new_body` (a new item)
    once ``accepted`` fires.

    Args:
        item: the item to edit, or None to add one.
    """

    def __init__(self, item: Gear | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gearDialog")
        self.item = item
        self.setWindowTitle(
            self.tr("Edit “{name}”").format(name=item.label)
            if item is not None
            else self.tr("New Gear")
        )
        self.name = QLineEdit(self)
        self.name.setObjectName("gearName")
        self.name.setAccessibleName(self.tr("Name"))
        self.name.setPlaceholderText(self.tr("Road bike, Race shoes …"))
        self.brand = QLineEdit(self)
        self.brand.setObjectName("gearBrand")
        self.brand.setAccessibleName(self.tr("Brand"))
        self.model = QLineEdit(self)
        self.model.setObjectName("gearModel")
        self.model.setAccessibleName(self.tr("Model"))
        self.kind = QComboBox(self)
        self.kind.setObjectName("gearKind")
        self.kind.setAccessibleName(self.tr("Kind"))
        self.kind.setEditable(True)
        for value, label in KINDS:
            self.kind.addItem(QCoreApplication.translate("GearDialog", str(label)), value)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("gearNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().height() * 4)
        self.retired = QCheckBox(self.tr("&Retired (kept for its history, offered no more)"), self)
        self.retired.setObjectName("gearRetired")
        self.problem = QLabel(self)
        self.problem.setObjectName("gearProblem")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Brand:"), self.brand)
        form.addRow(self.tr("&Model:"), self.model)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("N&otes:"), self.notes)
        form.addRow("", self.retired)
        form.addRow(self.problem)
        form.addRow(self.buttons)
        if item is not None:
            self.name.setText(item.name)
            self.brand.setText(item.brand)
            self.model.setText(item.model)
            self._set_kind(item.kind)
            self.notes.setPlainText(item.notes)
            self.retired.setChecked(item.retired)
        for edit in (self.name, self.brand, self.model):
            edit.textChanged.connect(self._check)
        self._check()

    def _set_kind(self, kind: str) -> None:
        index = self.kind.findData(kind)
        if index >= 0:
            self.kind.setCurrentIndex(index)
        else:
            self.kind.setEditText(kind)

    def kind_value(self) -> str:
        """The kind chosen or typed ("bike", "shoes" ...)."""
        text = self.kind.currentText().strip()
        index = self.kind.findText(text)
        data = self.kind.itemData(index) if index >= 0 else None
        return str(data) if data else text.lower()

    def _check(self) -> None:
        named = any(e.text().strip() for e in (self.name, self.brand, self.model))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(named)
        self.problem.setText("" if named else self.tr("Give it a name, a brand or a model."))

    def changes(self) -> dict[str, Any]:
        """The fields changed against the item edited (for ``Gear.with_changes``)."""
        wanted: dict[str, Any] = {
            "name": self.name.text().strip(),
            "brand": self.brand.text().strip(),
            "model": self.model.text().strip(),
            "kind": self.kind_value(),
            "notes": self.notes.toPlainText().strip(),
            "retired": self.retired.isChecked(),
        }
        if self.item is None:
            return wanted
        current = {
            "name": self.item.name,
            "brand": self.item.brand,
            "model": self.item.model,
            "kind": self.item.kind,
            "notes": self.item.notes,
            "retired": self.item.retired,
        }
        return {key: value for key, value in wanted.items() if current[key] != value}

    def new_body(self) -> dict[str, Any]:
        """The JSON object of a new item."""
        fields = self.changes()
        body = new_gear(fields["kind"], fields["brand"], fields["model"], fields["name"])
        body["notes"] = fields["notes"]
        if fields["retired"]:
            body["status"] = "RETIRED"
        return body
