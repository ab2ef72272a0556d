"""Preferences > Devices: the watches and bike computers seen before, and what to do with each.

A device's answer ("upload automatically", "add to the list only", "ignore") can be changed or
forgotten (it is asked about again the next time it is plugged in); a plugged-in device's whole
history can be imported. Like every page, nothing is kept until the dialog applies it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.services.handsfree import KnownDevice

DEVICE_ANSWERS = (
    (QT_TRANSLATE_NOOP("DevicesPage", "Upload new activities automatically"), "auto"),
    (QT_TRANSLATE_NOOP("DevicesPage", "Add new activities to the list only"), "list"),
    (QT_TRANSLATE_NOOP("DevicesPage", "Ignore this device"), "never"),
)
#: The same answers inside a device's line of the list.
_IN_LIST = {
    "auto": QT_TRANSLATE_NOOP("DevicesPage", "upload new activities automatically"),
    "list": QT_TRANSLATE_NOOP("DevicesPage", "add new activities to the list only"),
    "never": QT_TRANSLATE_NOOP("DevicesPage", "ignore this device"),
}


class DevicesPage(QWidget):
    """The devices seen before (``preferencesDevices``), with their answer, Forget and Import
    Whole History.

    Args:
        connected: ids of the devices plugged in now.
        parent: the Preferences dialog.

    Signals:
        import_history_requested(str): "Import Whole History" for a plugged-in device (its id).
    """

    import_history_requested = Signal(str)

    def __init__(
        self, connected: Callable[[], Iterable[str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDevices")
        self._connected = connected
        self.devices: list[KnownDevice] = []
        self._forgotten: set[str] = set()
        self.device_list = QListWidget(self)
        self.device_list.setObjectName("prefsDevices")
        self.device_list.setAccessibleName(self.tr("Devices seen before"))
        self.device_list.currentRowChanged.connect(self._device_selected)
        self.no_devices = QLabel(
            self.tr("No watch or bike computer has been plugged in yet."), self
        )
        self.device_answer = QComboBox(self)
        self.device_answer.setObjectName("prefsDeviceAnswer")
        for text, data in DEVICE_ANSWERS:
            self.device_answer.addItem(self.tr(str(text)), data)
        self.device_answer.currentIndexChanged.connect(self._device_answer_changed)
        self.forget_button = QPushButton(self.tr("&Forget"), self)
        self.forget_button.setObjectName("prefsForgetDevice")
        self.forget_button.setToolTip(self.tr("Ask again the next time it is plugged in"))
        self.forget_button.clicked.connect(self.forget_device)
        self.history_button = QPushButton(self.tr("Import Whole &History"), self)
        self.history_button.setObjectName("prefsDeviceHistory")
        self.history_button.setToolTip(
            self.tr("Import every activity on the device not imported yet")
        )
        self.history_button.clicked.connect(self._import_history)
        form = QFormLayout()
        form.addRow(self.tr("When it is plugged &in:"), self.device_answer)
        buttons = QHBoxLayout()
        buttons.addWidget(self.forget_button)
        buttons.addWidget(self.history_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.no_devices)
        layout.addWidget(self.device_list)
        layout.addLayout(form)
        layout.addLayout(buttons)

    def set_devices(self, devices: list[KnownDevice]) -> None:
        """Show ``devices`` as the settings keep them (nothing forgotten yet)."""
        self.devices = devices
        self._forgotten = set()
        self._show_devices()

    def merged(self, saved: list[KnownDevice]) -> list[KnownDevice]:
        """The devices to keep: those shown, and those of ``saved`` (the settings now) that
        were answered about while the dialog was open, unless forgotten here."""
        shown = {d.id for d in self.devices} | self._forgotten
        self.devices += [d for d in saved if d.id not in shown]
        self._show_devices()
        return self.devices

    def refresh_devices(self) -> None:
        """A device was plugged in or out: update what can be done with the selected one."""
        self._device_selected(self.device_list.currentRow())

    def forget_device(self) -> None:
        """Forget the selected device: it is asked about again (applied on OK or Apply)."""
        row = self.device_list.currentRow()
        if 0 <= row < len(self.devices):
            self._forgotten.add(self.devices.pop(row).id)
            self._show_devices()

    def _show_devices(self) -> None:
        current = self.device_list.currentRow()
        self.device_list.clear()
        for device in self.devices:
            kind = f"{device.vendor}, " if device.vendor else ""
            answer = self.tr(str(_IN_LIST.get(device.answer, device.answer)))
            self.device_list.addItem(f"{device.name}  ({kind}{answer})")
        self.no_devices.setVisible(not self.devices)
        self.device_list.setVisible(bool(self.devices))
        self.device_list.setCurrentRow(min(max(current, 0), len(self.devices) - 1))
        self._device_selected(self.device_list.currentRow())

    def _device_selected(self, row: int) -> None:
        chosen = self.devices[row] if 0 <= row < len(self.devices) else None
        self.device_answer.setEnabled(chosen is not None)
        self.forget_button.setEnabled(chosen is not None)
        plugged = chosen is not None and chosen.id in set(self._connected())
        self.history_button.setEnabled(plugged)
        self.history_button.setToolTip(
            self.tr("Import every activity on the device not imported yet")
            if plugged
            else self.tr("Plug the device in to import its whole history")
        )
        if chosen is not None:
            self.device_answer.blockSignals(True)
            self.device_answer.setCurrentIndex(self.device_answer.findData(chosen.answer))
            self.device_answer.blockSignals(False)

    def _device_answer_changed(self, index: int) -> None:
        row = self.device_list.currentRow()
        if 0 <= row < len(self.devices):
            old = self.devices[row]
            answer = str(self.device_answer.itemData(index))
            self.devices[row] = KnownDevice(old.id, old.name, old.vendor, answer)
            self._show_devices()

    def _import_history(self) -> None:
        row = self.device_list.currentRow()
        if 0 <= row < len(self.devices):
            self.import_history_requested.emit(self.devices[row].id)
