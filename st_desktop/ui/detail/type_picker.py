"""A two-level activity type picker: Category, then Subtype (contract section 8)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from st_desktop.domain.types import CATALOGUE, CATEGORIES, parse_type

NO_SUBTYPE = "—"


class TypePicker(QWidget):
    """Category and subtype combo boxes; a type outside the catalogue is kept and offered.

    Signals:
        type_changed(str): the wire type ("Cycling: Mountain") after a user change.
    """

    type_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category = QComboBox(self)
        self.category.setObjectName("typeCategory")
        self.category.setAccessibleName(self.tr("Activity category"))
        self.category.addItems(list(CATEGORIES))
        self.subtype = QComboBox(self)
        self.subtype.setObjectName("typeSubtype")
        self.subtype.setAccessibleName(self.tr("Activity subtype"))
        for combo in (self.category, self.subtype):
            # Narrow windows may elide "Cycling: Mountain"; wide ones show it whole.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.category, 1)
        layout.addWidget(self.subtype, 1)
        self._fill_subtypes("")
        self.category.currentTextChanged.connect(self._category_changed)
        self.subtype.currentTextChanged.connect(self._emit)

    def _fill_subtypes(self, keep: str) -> None:
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(NO_SUBTYPE)
        self.subtype.addItems(list(CATALOGUE.get(self.category.currentText(), ())))
        if keep and self.subtype.findText(keep) < 0:
            self.subtype.addItem(keep)
        self.subtype.setCurrentText(keep or NO_SUBTYPE)
        self.subtype.blockSignals(False)

    def _category_changed(self) -> None:
        self._fill_subtypes("")
        self._emit()

    def _emit(self) -> None:
        self.type_changed.emit(self.wire_type())

    def wire_type(self) -> str:
        """The chosen type as the API writes it."""
        subtype = self.subtype.currentText()
        category = self.category.currentText()
        return category if subtype in ("", NO_SUBTYPE) else f"{category}: {subtype}"

    def set_wire_type(self, text: str | None) -> None:
        """Show a type (any case; unknown categories and subtypes are added)."""
        kind = parse_type(text)
        self.category.blockSignals(True)
        if self.category.findText(kind.category) < 0:
            self.category.addItem(kind.category)
        self.category.setCurrentText(kind.category)
        self.category.blockSignals(False)
        self._fill_subtypes(kind.subtype)
