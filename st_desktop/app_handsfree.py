"""Hands-free import in the composition root: ``--watch`` and ``--background``, Preferences, the
tray, the folder watcher and the USB device monitor, wired onto the built application.

:func:`add_arguments` extends :func:`st_desktop.app.build_parser`; :func:`install_hands_free`
is called by :func:`st_desktop.app.create_application` once the window and the upload pane
exist. Everything it starts is stopped by the closer it appends to ``application.closers``.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from st_desktop.services.watch import SETTLE_S

if TYPE_CHECKING:  # imported where used: add_arguments() runs before Qt is loaded
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

    from st_desktop.application import Application
    from st_desktop.services.autoimport import DevicePlan
    from st_desktop.services.autostart import Autostart
    from st_desktop.store.import_log import ImportLog
    from st_desktop.ui.dialogs.preferences import PreferencesDialog
    from st_desktop.ui.handsfree import HandsFree
    from st_desktop.ui.handsfree_widgets import DeviceQuestion, ImportProgress
    from st_desktop.ui.main_window import MainWindow
    from st_desktop.ui.tray import TrayController

log = logging.getLogger(__name__)

AUTOSTART_KEY = "autostart"
#: What is installed on each window (a second install replaces the first).
_INSTALLED: weakref.WeakKeyDictionary[QMainWindow, HandsFreeParts] = weakref.WeakKeyDictionary()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--watch DIR`` (repeatable) and ``--background`` to the command line."""
    parser.add_argument(
        "--watch", action="append", type=Path, default=[], metavar="DIR",
        help="watch DIR for new activity files and upload them automatically (this run only; "
        "repeatable)",
    )  # fmt: skip
    parser.add_argument(
        "--background", action="store_true",
        help="start in the tray without showing the window (start at login uses it)",
    )  # fmt: skip


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


def install_hands_free(
    application: Application,
    *,
    watch: Iterable[Path] | None = None,
    tray_available: bool | None = None,
    quit_app: Callable[[], None] | None = None,
    autostart: Autostart | None = None,
    clock: Callable[[], float] | None = None,
    settle_s: float = SETTLE_S,
    tick_ms: int = 1000,
    device_poll_ms: int = 3000,
) -> HandsFreeParts:
    """Build hands-free import onto the built application and start it.

    Args:
        application: what :func:`~st_desktop.app.create_application` built.
        watch: folders watched for this run (default: ``--watch``).
        tray_available: whether a system tray exists (default: ask Qt).
        quit_app: what Quit in the tray does after closing the window (default: quit Qt).
        autostart: start at login (tests redirect its files).
        clock: the folder watcher's monotonic clock (tests drive it).
        settle_s: how long a file must stay unchanged before it is taken.
        tick_ms: folder polls (0: tests poll by hand).
        device_poll_ms: device polls (0: tests poll by hand).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from st_desktop.errors import StDesktopError
    from st_desktop.services.autoimport import AutoImporter
    from st_desktop.services.autostart import Autostart
    from st_desktop.services.devices import DeviceMonitor, mount_roots
    from st_desktop.services.watch import FolderWatcher
    from st_desktop.settings import Keys
    from st_desktop.store.cache import WorkoutQuery
    from st_desktop.store.import_log import ImportLog
    from st_desktop.ui.handsfree import HandsFree
    from st_desktop.ui.handsfree_widgets import ImportProgress
    from st_desktop.ui.tray import TrayController

    settings, window, runner = application.settings, application.window, application.runner
    previous = _INSTALLED.pop(window, None)
    if previous is not None:
        previous.uninstall()
    controller = application.upload.controller
    import_log = ImportLog(application.paths.data)
    application.closers.append(import_log.close)  # closed after the parts below (reverse order)
    if import_log.notice:
        application.notices.append(import_log.notice)

    def account_key() -> str | None:
        account = controller.account
        return account.key if account is not None else None

    def latest_workout(key: str | None) -> datetime | None:
        if key is None:
            return None
        try:
            newest = application.workouts.cached(key, WorkoutQuery(), 1)
        except StDesktopError:
            return None
        return newest[0].start_time if newest else None

    importer = AutoImporter(import_log, controller.service.store, account_key)
    watcher = FolderWatcher(importer.known, settle_s=settle_s, clock=clock or time.monotonic)
    folders = watch if watch is not None else getattr(application.args, "watch", None) or []
    handsfree = HandsFree(
        settings, runner, controller, importer, watcher, DeviceMonitor(mount_roots),
        extra_folders=[Path(p).expanduser().resolve() for p in folders],
        latest_workout=latest_workout, tick_ms=tick_ms, device_poll_ms=device_poll_ms,
        parent=window,
    )  # fmt: skip
    tray = TrayController(window, settings, available=tray_available, parent=window)
    tray.keep_running_in_tray(handsfree.active, quit_app or QApplication.quit)
    progress = ImportProgress(window)
    window.statusBar().addPermanentWidget(progress)
    action, edit_menu = _preferences_action(window)
    parts = HandsFreeParts(handsfree, tray, progress, action, autostart or Autostart(), import_log,
                           edit_menu=edit_menu)  # fmt: skip
    _INSTALLED[window] = parts
    application.closers.append(parts.close)
    _wire(application, parts)
    handsfree.start()
    if settings.get(Keys.START_AT_LOGIN):  # keep the entry pointing at this installation
        runner.submit(parts.autostart.set_enabled, True, on_error=_show(application),
                      description="Updating start at login", serial=AUTOSTART_KEY)  # fmt: skip
    if getattr(application.args, "background", False) and tray.available:
        QApplication.setQuitOnLastWindowClosed(False)
        QTimer.singleShot(0, window.hide)  # main() shows the window; the tray has it
    return parts


def _preferences_action(window: MainWindow) -> tuple[QAction, QMenu | None]:
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu

    action = QAction("&Preferences…", window)
    action.setObjectName("preferencesAction")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the application menu
    menu_bar = window.menuBar()
    if sys.platform == "darwin":
        window.file_menu.addAction(action)  # moved to the application menu by Qt
        return action, None
    edit = QMenu("&Edit", window)
    edit.setObjectName("editMenu")
    edit.addAction(action)
    before = getattr(window, "workouts_menu", None) or getattr(window, "account_menu", None)
    if before is not None:
        menu_bar.insertMenu(before.menuAction(), edit)
    else:
        menu_bar.addMenu(edit)
    return action, edit


def _show(application: Application) -> Callable[[BaseException], None]:
    def show(exc: BaseException) -> None:
        application.window.message_area.show_error(str(exc))

    return show


def _wire(application: Application, parts: HandsFreeParts) -> None:
    from PySide6.QtCore import Qt, QTimer

    from st_desktop.settings import Keys
    from st_desktop.ui.dialogs.preferences import PreferencesDialog
    from st_desktop.ui.handsfree_widgets import DeviceQuestion
    from st_desktop.ui.tray import TrayState
    from st_desktop.ui.upload.model import RowStatus

    window, settings, runner = application.window, application.settings, application.runner
    handsfree, tray, progress = parts.handsfree, parts.tray, parts.progress
    controller = application.upload.controller
    model = controller.model
    handsfree.message.connect(window.message_area.show_info)
    handsfree.notified.connect(tray.notify)
    tray.pause_toggled.connect(handsfree.set_paused)
    progress.pause_toggled.connect(handsfree.set_paused)
    progress.cancel_requested.connect(handsfree.cancel_import)

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
        watched = [f"{folders} folder{'' if folders == 1 else 's'}"] if folders else []
        if handsfree.devices.enabled:
            watched.append("watches plugged in over USB")
        detail = f"Watching {' and '.join(watched)}" if watched else "Nothing watched"
        if handsfree.paused:
            state = TrayState.PAUSED
        elif controller.account is None:
            state = TrayState.OFFLINE
        else:
            state = TrayState.UPLOADING if sending else TrayState.IDLE
        tray.set_state(state, sending, detail)
        show_progress(handsfree.queue.done, handsfree.queue.total)

    later = QTimer(window)  # one redraw for a burst of row changes
    later.setSingleShot(True)
    later.setInterval(100)
    later.timeout.connect(refresh_tray)
    for signal in (model.dataChanged, model.rowsInserted, model.rowsRemoved,
                   controller.busy_changed, handsfree.state_changed,
                   application.account.account_changed):  # fmt: skip
        signal.connect(lambda *_args: None if parts.closed else later.start())
    refresh_tray()

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

    def open_preferences() -> PreferencesDialog:
        if parts.preferences is not None:
            parts.preferences.raise_()
            return parts.preferences
        dialog = PreferencesDialog(
            settings, window, tray_available=tray.available,
            connected=lambda: [d.id for d in handsfree.devices.connected()],
        )  # fmt: skip
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
        runner.submit(_sync_autostart, parts.autostart, settings.get(Keys.START_AT_LOGIN),
                      on_error=_show(application), description="Changing start at login",
                      serial=AUTOSTART_KEY)  # fmt: skip

    parts.preferences_action.triggered.connect(open_preferences)
    parts.open_preferences = open_preferences


def _sync_autostart(autostart: Autostart, wanted: bool) -> None:
    """Worker: start at login as the user wants it (only touched when it differs)."""
    if autostart.is_enabled() != wanted:
        autostart.set_enabled(wanted)
