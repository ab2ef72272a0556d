"""Preferences (Edit > Preferences…, or the application menu on macOS): pages of settings.

Everything is read from and written to :class:`~st_desktop.settings.Settings`, on OK or Apply
only (Cancel discards). Later features add their own page with :meth:`PreferencesDialog.add_page`
("Map tiles", "Privacy zones").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from st_desktop.services.handsfree import (
    KnownDevice,
    devices_from_json,
    devices_to_json,
    folders_from_json,
    folders_to_json,
)
from st_desktop.services.watch import WatchedFolder
from st_desktop.settings import Keys, Settings
from st_desktop.ui.dialogs.preferences_devices import DevicesPage
from st_desktop.ui.main_window import settings_units

FOLDER_MODES = (
    (QT_TRANSLATE_NOOP("PreferencesDialog", "Upload automatically"), True),
    (QT_TRANSLATE_NOOP("PreferencesDialog", "Only add to the upload list"), False),
)


def _combo(parent: QWidget, name: str, choices: Iterable[tuple[object, object]]) -> QComboBox:
    combo = QComboBox(parent)
    combo.setObjectName(name)
    for text, data in choices:
        combo.addItem(QCoreApplication.translate("PreferencesDialog", str(text)), data)
    return combo


class PreferencesDialog(QDialog):
    """The preferences, page by page; changes apply on OK or Apply, Cancel discards them.

    Args:
        settings: where everything is kept.
        parent: the main window.
        tray_available: whether closing to the tray can work here.
        connected: ids of the devices plugged in now (for "Import Whole History").

    Signals:
        applied(): the settings were written (OK or Apply).
        units_changed(str): the unit system was changed ("metric" or "imperial").
        import_existing_requested(str): "Import Existing Files" for a watched folder (its path).
        import_history_requested(str): "Import Whole History" for a plugged-in device (its id).
    """

    applied = Signal()
    units_changed = Signal(str)
    import_existing_requested = Signal(str)
    import_history_requested = Signal(str)

    def __init__(
        self,
        settings: Settings,
        parent: QWidget | None = None,
        *,
        tray_available: bool = True,
        connected: Callable[[], Iterable[str]] = tuple,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        self.settings = settings
        self._connected = connected
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("preferencesPages")
        self.tabs.setDocumentMode(True)
        self._build_general(tray_available)
        self._build_import()
        self._build_devices()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply,
            self,
        )
        self.buttons.setObjectName("preferencesButtons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.apply_button.clicked.connect(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.load()
        self.resize(620, 480)

    @property
    def apply_button(self) -> QPushButton:
        """The Apply button."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Apply)

    def add_page(self, title: str, widget: QWidget) -> int:
        """Add a page (e.g. "Map tiles"); returns its index. The page applies its own settings
        when :attr:`applied` is emitted."""
        return self.tabs.addTab(widget, title)

    # ------------------------------------------------------------------ pages

    def _build_general(self, tray_available: bool) -> None:
        page = QWidget(self)
        page.setObjectName("preferencesGeneral")
        units = QGroupBox(self.tr("Units"), page)
        self.metric_button = QRadioButton(self.tr("&Metric (km, m)"), units)
        self.metric_button.setObjectName("prefsMetric")
        self.imperial_button = QRadioButton(self.tr("&Imperial (mi, ft)"), units)
        self.imperial_button.setObjectName("prefsImperial")
        self._units = QButtonGroup(self)
        for button in (self.metric_button, self.imperial_button):
            self._units.addButton(button)
        row = QHBoxLayout(units)
        row.addWidget(self.metric_button)
        row.addWidget(self.imperial_button)
        row.addStretch(1)
        tray = QGroupBox(self.tr("Tray and start"), page)
        self.close_to_tray = QCheckBox(
            self.tr("&Keep watching in the tray when the window is closed"), tray
        )
        self.close_to_tray.setObjectName("prefsCloseToTray")
        if not tray_available:
            self.close_to_tray.setEnabled(False)
            self.close_to_tray.setToolTip(self.tr("This desktop shows no tray icons."))
        self.notify = QCheckBox(self.tr("Show a &notification when activities are uploaded"), tray)
        self.notify.setObjectName("prefsNotify")
        self.start_at_login = QCheckBox(self.tr("&Start in the tray when I log in"), tray)
        self.start_at_login.setObjectName("prefsStartAtLogin")
        column = QVBoxLayout(tray)
        for box in (self.close_to_tray, self.notify, self.start_at_login):
            column.addWidget(box)
        layout = QVBoxLayout(page)
        layout.addWidget(units)
        layout.addWidget(tray)
        layout.addStretch(1)
        self.add_page(self.tr("General"), page)

    def _build_import(self) -> None:
        page = QWidget(self)
        page.setObjectName("preferencesImport")
        self.auto_import = QCheckBox(self.tr("&Watch folders and devices for new activities"), page)
        self.auto_import.setObjectName("prefsAutoImport")
        self.paused = QCheckBox(self.tr("&Pause automatic upload"), page)
        self.paused.setObjectName("prefsPaused")
        self.watch_devices = QCheckBox(self.tr("Look for &watches plugged in over USB"), page)
        self.watch_devices.setObjectName("prefsWatchDevices")
        folders = QGroupBox(self.tr("Watched folders"), page)
        self.folder_list = QListWidget(folders)
        self.folder_list.setObjectName("prefsFolders")
        self.folder_list.setAccessibleName(self.tr("Watched folders"))
        self.folder_list.currentRowChanged.connect(self._folder_selected)
        self.folder_mode = _combo(folders, "prefsFolderMode", FOLDER_MODES)
        self.folder_mode.currentIndexChanged.connect(self._folder_mode_changed)
        mode_label = QLabel(self.tr("When a file &appears:"), folders)
        mode_label.setBuddy(self.folder_mode)
        self.add_folder_button = QPushButton(self.tr("A&dd Folder…"), folders)
        self.add_folder_button.setObjectName("prefsAddFolder")
        self.add_folder_button.clicked.connect(self._choose_folder)
        self.remove_folder_button = QPushButton(self.tr("&Remove"), folders)
        self.remove_folder_button.setObjectName("prefsRemoveFolder")
        self.remove_folder_button.clicked.connect(self.remove_folder)
        self.existing_button = QPushButton(self.tr("Import &Existing Files"), folders)
        self.existing_button.setObjectName("prefsImportExisting")
        self.existing_button.setToolTip(
            self.tr("Also import the files that were in the folder before it was watched")
        )
        self.existing_button.clicked.connect(self._import_existing)
        buttons = QHBoxLayout()
        for button in (self.add_folder_button, self.remove_folder_button, self.existing_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        mode = QHBoxLayout()
        mode.addWidget(mode_label)
        mode.addWidget(self.folder_mode, 1)
        column = QVBoxLayout(folders)
        column.addWidget(self.folder_list)
        column.addLayout(mode)
        column.addLayout(buttons)
        layout = QVBoxLayout(page)
        for widget in (self.auto_import, self.paused, folders, self.watch_devices):
            layout.addWidget(widget)
        self.add_page(self.tr("Automatic Import"), page)

    def _build_devices(self) -> None:
        self.devices_page = page = DevicesPage(self._connected, self)
        page.import_history_requested.connect(self.import_history_requested)
        # The page's controls, as the dialog's own (tests and the hands-free wiring use them).
        self.device_list, self.device_answer = page.device_list, page.device_answer
        self.forget_button, self.history_button = page.forget_button, page.history_button
        self.no_devices = page.no_devices
        self.add_page(self.tr("Devices"), page)

    # ------------------------------------------------------------------ loading and applying

    def load(self) -> None:
        """Show what the settings say (discarding changes not applied)."""
        settings = self.settings
        (
            self.imperial_button if settings_units(settings) == "imperial" else self.metric_button
        ).setChecked(True)
        self.close_to_tray.setChecked(settings.get(Keys.CLOSE_TO_TRAY))
        self.notify.setChecked(settings.get(Keys.NOTIFY_UPLOADS))
        self.start_at_login.setChecked(settings.get(Keys.START_AT_LOGIN))
        self.auto_import.setChecked(settings.get(Keys.AUTO_IMPORT))
        self.paused.setChecked(settings.get(Keys.AUTO_IMPORT_PAUSED))
        self.watch_devices.setChecked(settings.get(Keys.WATCH_DEVICES))
        self.folders = folders_from_json(settings.get(Keys.WATCHED_FOLDERS))
        self._saved_folders = {f.path for f in self.folders}
        self._show_folders()
        self.devices_page.set_devices(devices_from_json(settings.get(Keys.KNOWN_DEVICES)))

    def units(self) -> str:
        """The unit system chosen."""
        return "imperial" if self.imperial_button.isChecked() else "metric"

    def apply(self) -> None:
        """Write every page's settings; then :attr:`applied` (and :attr:`units_changed`)."""
        settings = self.settings
        old_units = settings_units(settings)
        settings.set(Keys.UNITS, self.units())
        settings.set(Keys.CLOSE_TO_TRAY, self.close_to_tray.isChecked())
        settings.set(Keys.NOTIFY_UPLOADS, self.notify.isChecked())
        settings.set(Keys.START_AT_LOGIN, self.start_at_login.isChecked())
        settings.set(Keys.AUTO_IMPORT, self.auto_import.isChecked())
        settings.set(Keys.AUTO_IMPORT_PAUSED, self.paused.isChecked())
        settings.set(Keys.WATCH_DEVICES, self.watch_devices.isChecked())
        settings.set(Keys.WATCHED_FOLDERS, folders_to_json(self.folders))
        # A device answered about while this dialog was open is kept (unless forgotten here).
        devices = self.devices_page.merged(devices_from_json(settings.get(Keys.KNOWN_DEVICES)))
        settings.set(Keys.KNOWN_DEVICES, devices_to_json(devices))
        settings.sync()
        self._saved_folders = {f.path for f in self.folders}
        self._folder_selected(self.folder_list.currentRow())
        self.applied.emit()
        if self.units() != old_units:
            self.units_changed.emit(self.units())

    def accept(self) -> None:
        """OK: apply, then close."""
        self.apply()
        super().accept()

    # ------------------------------------------------------------------ folders

    def add_folder(self, path: Path, auto: bool = True) -> None:
        """Watch one more folder (applied on OK or Apply)."""
        path = Path(path)
        if any(f.path == path for f in self.folders):
            return
        self.folders.append(WatchedFolder(path, auto))
        self._show_folders()
        self.folder_list.setCurrentRow(len(self.folders) - 1)

    def remove_folder(self) -> None:
        """Stop watching the selected folder (applied on OK or Apply)."""
        row = self.folder_list.currentRow()
        if 0 <= row < len(self.folders):
            del self.folders[row]
            self._show_folders()

    def _choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Watch a folder for new activity files")
        )
        if chosen:
            self.add_folder(Path(chosen))

    def _show_folders(self) -> None:
        current = self.folder_list.currentRow()
        self.folder_list.clear()
        for folder in self.folders:
            mode = self.tr("{folder}  (upload automatically)")
            if not folder.auto:
                mode = self.tr("{folder}  (only add to the list)")
            item = QListWidgetItem(mode.format(folder=folder.path))
            item.setToolTip(str(folder.path))
            self.folder_list.addItem(item)
        self.folder_list.setCurrentRow(min(max(current, 0), len(self.folders) - 1))
        self._folder_selected(self.folder_list.currentRow())

    def _folder_selected(self, row: int) -> None:
        chosen = self.folders[row] if 0 <= row < len(self.folders) else None
        for widget in (self.folder_mode, self.remove_folder_button):
            widget.setEnabled(chosen is not None)
        saved = chosen is not None and chosen.path in self._saved_folders
        self.existing_button.setEnabled(saved)  # a folder not applied yet is not watched yet
        if chosen is not None:
            self.folder_mode.blockSignals(True)
            self.folder_mode.setCurrentIndex(0 if chosen.auto else 1)
            self.folder_mode.blockSignals(False)

    def _folder_mode_changed(self, index: int) -> None:
        row = self.folder_list.currentRow()
        if 0 <= row < len(self.folders):
            self.folders[row] = WatchedFolder(self.folders[row].path, index == 0)
            self._show_folders()

    def _import_existing(self) -> None:
        row = self.folder_list.currentRow()
        if 0 <= row < len(self.folders):
            self.import_existing_requested.emit(str(self.folders[row].path))

    # ------------------------------------------------------------------ devices

    @property
    def devices(self) -> list[KnownDevice]:
        """The devices shown on the Devices page (applied on OK or Apply)."""
        return self.devices_page.devices

    def refresh_devices(self) -> None:
        """A device was plugged in or out: update what can be done with the selected one."""
        self.devices_page.refresh_devices()

    def forget_device(self) -> None:
        """Forget the selected device: it is asked about again (applied on OK or Apply)."""
        self.devices_page.forget_device()
