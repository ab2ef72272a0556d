"""What hands-free import builds onto the window, and how its parts are wired together.

:func:`~st_desktop.app_handsfree.install_hands_free` builds a :class:`HandsFreeParts` and calls
:func:`wire`: messages and pausing, the tray's state and the import's progress, the questions
about new devices, and Edit > Preferences….
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # imported where used: the composition root loads Qt late
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMenu

    from st_desktop.application import Application
    from st_desktop.services.autoimport import DevicePlan
    from st_desktop.services.autostart import Autostart
    from st_desktop.store.import_log import ImportLog
    from st_desktop.ui.dialogs.preferences import PreferencesDialog
    from st_desktop.ui.handsfree import HandsFree
    from st_desktop.ui.handsfree_widgets import DeviceQuestion, ImportProgress
    from st_desktop.ui.main_window import MainWindow
    from st_desktop.ui.tray import TrayController

#: The serial queue of the start-at-login changes.
AUTOSTART_KEY = "autostart"


@dataclass
class HandsFreeParts:
    """What :func:`install_hands_free` built (tests and the menus drive it).

    Attributes:
        handsfree: watchers, devices and the import queue.
        tray: the tray icon and closing to the tray.
        progress: the import's progress in the status bar.
        preferences_action: Edit > Preferences… (the application menu on macOS).
        autostart: start at login.
        questions: device questions open now.
        preferences: the Preferences dialog, while open.
        open_preferences: opens it (what the menu action does).
    """

    handsfree: HandsFree
    tray: TrayController
    progress: ImportProgress
    preferences_action: QAction
    autostart: Autostart
    import_log: ImportLog
    questions: list[DeviceQuestion] = field(default_factory=list)
    preferences: PreferencesDialog | None = None
    open_preferences: Callable[[], PreferencesDialog] | None = None
    edit_menu: QMenu | None = None
    closed: bool = False

    def close(self) -> None:
        """Stop watching, release the window (the import log is closed after this)."""
        if self.closed:
            return
        self.closed = True
        self.handsfree.close()
        self.tray.release_window()

    def uninstall(self) -> None:
        """Take hands-free import off the window again (a second :func:`install_hands_free`,
        as tests do with their own clock and options, replaces the first)."""
        from PySide6.QtWidgets import QMenu

        self.close()
        window = self.tray.window
        for question in list(self.questions):
            question.close()
        if self.preferences is not None:
            self.preferences.reject()
        if self.edit_menu is not None:
            window.menuBar().removeAction(self.edit_menu.menuAction())
            self.edit_menu.deleteLater()
        else:
            for menu in window.findChildren(QMenu):
                menu.removeAction(self.preferences_action)
        window.statusBar().removeWidget(self.progress)
        self.preferences_action.setObjectName("")  # no longer found as the window's action
        for part in (self.progress, self.handsfree, self.tray, self.preferences_action):
            part.deleteLater()


def wire(application: Application, parts: HandsFreeParts) -> None:
    """Connect the parts to each other and to the window: messages, pausing, the tray's state
    and the import's progress, device questions, Preferences."""
    window = application.window
    handsfree, tray, progress = parts.handsfree, parts.tray, parts.progress
    handsfree.message.connect(window.message_area.show_info)
    handsfree.notified.connect(tray.notify)
    tray.pause_toggled.connect(handsfree.set_paused)
    progress.pause_toggled.connect(handsfree.set_paused)
    progress.cancel_requested.connect(handsfree.cancel_import)
    _wire_state(application, parts)
    _wire_device_questions(window, parts)
    open_preferences = _preferences_opener(application, parts)
    parts.preferences_action.triggered.connect(open_preferences)
    parts.open_preferences = open_preferences


def _wire_state(application: Application, parts: HandsFreeParts) -> None:
    """Keep the tray's state and the import's progress up to date."""
    from PySide6.QtCore import QTimer

    from st_desktop.ui.tray import TrayState
    from st_desktop.ui.upload.model import RowStatus

    handsfree, tray, progress = parts.handsfree, parts.tray, parts.progress
    controller = application.upload.controller
    model = controller.model

    def show_progress(done: int, total: int) -> None:
        if parts.closed:  # taken off the window: its widgets are gone
            return
        progress.show_progress(done, total, handsfree.paused, handsfree.progress_from)

    handsfree.progress_changed.connect(show_progress)

    def refresh_tray() -> None:
        if parts.closed:
            return
        sending = sum(r.status in (RowStatus.QUEUED, RowStatus.UPLOADING) for r in model.rows())
        folders = len(handsfree.folders())
        detail = _watching(folders, handsfree.devices.enabled)
        if handsfree.paused:
            state = TrayState.PAUSED
        elif controller.account is None:
            state = TrayState.OFFLINE
        else:
            state = TrayState.UPLOADING if sending else TrayState.IDLE
        tray.set_state(state, sending, detail)
        show_progress(handsfree.queue.done, handsfree.queue.total)

    later = QTimer(application.window)  # one redraw for a burst of row changes
    later.setSingleShot(True)
    later.setInterval(100)
    later.timeout.connect(refresh_tray)
    for signal in (
        model.dataChanged,
        model.rowsInserted,
        model.rowsRemoved,
        controller.busy_changed,
        handsfree.state_changed,
        application.account.account_changed,
    ):
        signal.connect(lambda *_args: None if parts.closed else later.start())
    refresh_tray()


def _wire_device_questions(window: MainWindow, parts: HandsFreeParts) -> None:
    """Ask what to do with a device plugged in for the first time (one question per device)."""
    from st_desktop.ui.handsfree_widgets import DeviceQuestion

    handsfree = parts.handsfree

    def ask(plan: DevicePlan) -> None:
        if parts.closed:
            return
        if any(q.plan.device.id == plan.device.id for q in parts.questions):
            return
        question = DeviceQuestion(plan, window)
        parts.questions.append(question)
        question.answered.connect(
            lambda answer, whole: handsfree.devices.answer(plan, answer, whole_history=whole)
        )
        question.destroyed.connect(lambda *_a: parts.questions.remove(question))
        question.show()

    handsfree.devices.device_question.connect(ask)


def _preferences_opener(
    application: Application, parts: HandsFreeParts
) -> Callable[[], PreferencesDialog]:
    """What Edit > Preferences… does: open the dialog (or raise the open one), wired to apply."""
    from PySide6.QtCore import Qt

    from st_desktop.settings import Keys
    from st_desktop.ui.dialogs.preferences import PreferencesDialog

    window, settings, runner = application.window, application.settings, application.runner
    handsfree = parts.handsfree

    def open_preferences() -> PreferencesDialog:
        if parts.preferences is not None:
            parts.preferences.raise_()
            return parts.preferences
        dialog = PreferencesDialog(
            settings,
            window,
            tray_available=parts.tray.available,
            connected=lambda: [d.id for d in handsfree.devices.connected()],
        )
        for add_page in application.preference_pages:  # the Map page, Privacy zones ...
            add_page(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a fresh one each time
        parts.preferences = dialog
        dialog.finished.connect(lambda _code: setattr(parts, "preferences", None))
        dialog.applied.connect(applied)
        dialog.units_changed.connect(lambda units: window.unit_actions[units].trigger())
        dialog.import_existing_requested.connect(lambda p: handsfree.import_existing(Path(p)))
        dialog.import_history_requested.connect(handsfree.devices.import_whole_history)
        handsfree.devices.devices_changed.connect(dialog.refresh_devices)
        dialog.open()
        return dialog

    def applied() -> None:
        handsfree.set_paused(settings.get(Keys.AUTO_IMPORT_PAUSED))
        handsfree.reload()
        runner.submit(
            _sync_autostart,
            parts.autostart,
            settings.get(Keys.START_AT_LOGIN),
            on_error=show_errors(application),
            description=QCoreApplication.translate("TrayController", "Changing start at login"),
            serial=AUTOSTART_KEY,
        )

    return open_preferences


def _watching(folders: int, devices: bool) -> str:
    """The tray's line about what is watched: "Watching 2 folders and watches plugged in
    over USB"."""
    from st_desktop.ui.i18n import plural

    if folders and devices:
        return plural(
            folders,
            QCoreApplication.translate(
                "TrayController", "Watching {count} folder and watches plugged in over USB"
            ),
            QCoreApplication.translate(
                "TrayController", "Watching {count} folders and watches plugged in over USB"
            ),
        )
    if folders:
        return plural(
            folders,
            QCoreApplication.translate("TrayController", "Watching {count} folder"),
            QCoreApplication.translate("TrayController", "Watching {count} folders"),
        )
    if devices:
        return QCoreApplication.translate("TrayController", "Watching watches plugged in over USB")
    return QCoreApplication.translate("TrayController", "Nothing watched")


def _sync_autostart(autostart: Autostart, wanted: bool) -> None:
    """Worker: start at login as the user wants it (only touched when it differs)."""
    if autostart.is_enabled() != wanted:
        autostart.set_enabled(wanted)


def show_errors(application: Application) -> Callable[[BaseException], None]:
    """A worker's error handler that shows the error's sentence in the window."""

    def show(exc: BaseException) -> None:
        application.window.message_area.show_error(str(exc))

    return show


def refresh_autostart(application: Application, parts: HandsFreeParts) -> None:
    """Keep the start-at-login entry pointing at this installation, when it is on."""
    from st_desktop.settings import Keys

    if application.settings.get(Keys.START_AT_LOGIN):
        application.runner.submit(
            parts.autostart.set_enabled,
            True,
            on_error=show_errors(application),
            description=QCoreApplication.translate("TrayController", "Updating start at login"),
            serial=AUTOSTART_KEY,
        )
