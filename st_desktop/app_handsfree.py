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
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from st_desktop.app_handsfree_wiring import (
    AUTOSTART_KEY,
    HandsFreeParts,
    refresh_autostart,
    wire,
)

if TYPE_CHECKING:  # imported where used: add_arguments() runs before Qt is loaded
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMainWindow, QMenu

    from st_desktop.application import Application
    from st_desktop.services.autostart import Autostart
    from st_desktop.store.import_log import ImportLog
    from st_desktop.ui.handsfree import HandsFree
    from st_desktop.ui.main_window import MainWindow

__all__ = ["AUTOSTART_KEY", "HandsFreeParts", "add_arguments", "install_hands_free"]

log = logging.getLogger(__name__)

#: What is installed on each window (a second install replaces the first).
_INSTALLED: weakref.WeakKeyDictionary[QMainWindow, HandsFreeParts] = weakref.WeakKeyDictionary()


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--watch DIR`` (repeatable) and ``--background`` to the command line."""
    parser.add_argument(
        "--watch",
        action="append",
        type=Path,
        default=[],
        metavar="DIR",
        help="watch DIR for new activity files and upload them automatically (this run only; "
        "repeatable)",
    )
    parser.add_argument(
        "--background",
        action="store_true",
        help="start in the tray without showing the window (start at login uses it)",
    )


def install_hands_free(
    application: Application,
    *,
    watch: Iterable[Path] | None = None,
    tray_available: bool | None = None,
    quit_app: Callable[[], None] | None = None,
    autostart: Autostart | None = None,
    clock: Callable[[], float] | None = None,
    settle_s: float | None = None,
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
        settle_s: how long a file must stay unchanged before it is taken (default:
            :data:`~st_desktop.services.watch.SETTLE_S`).
        tick_ms: folder polls (0: tests poll by hand).
        device_poll_ms: device polls (0: tests poll by hand).
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from st_desktop.services.watch import SETTLE_S

    window = application.window
    previous = _INSTALLED.pop(window, None)
    if previous is not None:
        previous.uninstall()
    import_log = _open_import_log(application)
    handsfree = _build_handsfree(
        application,
        import_log,
        watch if watch is not None else getattr(application.args, "watch", None) or [],
        clock or time.monotonic,
        SETTLE_S if settle_s is None else settle_s,
        tick_ms,
        device_poll_ms,
    )
    parts = _build_parts(application, handsfree, import_log, tray_available, quit_app, autostart)
    _INSTALLED[window] = parts
    application.closers.append(parts.close)
    wire(application, parts)
    handsfree.start()
    refresh_autostart(application, parts)
    if getattr(application.args, "background", False) and parts.tray.available:
        QApplication.setQuitOnLastWindowClosed(False)
        QTimer.singleShot(0, window.hide)  # main() shows the window; the tray has it
    return parts


def _build_parts(
    application: Application,
    handsfree: HandsFree,
    import_log: ImportLog,
    tray_available: bool | None,
    quit_app: Callable[[], None] | None,
    autostart: Autostart | None,
) -> HandsFreeParts:
    """The tray, the progress in the status bar and the Preferences action, around
    ``handsfree`` (see :func:`install_hands_free` for the arguments)."""
    from PySide6.QtWidgets import QApplication

    from st_desktop.services.autostart import Autostart
    from st_desktop.ui.handsfree_widgets import ImportProgress
    from st_desktop.ui.tray import TrayController

    window = application.window
    tray = TrayController(window, application.settings, available=tray_available, parent=window)
    tray.keep_running_in_tray(handsfree.active, quit_app or QApplication.quit)
    progress = ImportProgress(window)
    window.statusBar().addPermanentWidget(progress)
    action, edit_menu = _preferences_action(window)
    return HandsFreeParts(
        handsfree,
        tray,
        progress,
        action,
        autostart or Autostart(),
        import_log,
        edit_menu=edit_menu,
    )


def _open_import_log(application: Application) -> ImportLog:
    """The log of imported files, closed after everything built here (closers run in reverse)."""
    from st_desktop.store.import_log import ImportLog

    import_log = ImportLog(application.paths.data)
    application.closers.append(import_log.close)  # closed after the parts below (reverse order)
    if import_log.notice:
        application.notices.append(import_log.notice)
    return import_log


def _build_handsfree(
    application: Application,
    import_log: ImportLog,
    folders: Iterable[Path],
    clock: Callable[[], float],
    settle_s: float,
    tick_ms: int,
    device_poll_ms: int,
) -> HandsFree:
    """The folder watcher, the device monitor and the import queue over the upload pane's
    controller (see :func:`install_hands_free` for the arguments)."""
    from st_desktop.errors import StDesktopError
    from st_desktop.services.autoimport import AutoImporter
    from st_desktop.services.devices import DeviceMonitor, mount_roots
    from st_desktop.services.watch import FolderWatcher
    from st_desktop.store.cache import WorkoutQuery
    from st_desktop.ui.handsfree import HandsFree

    controller = application.upload.controller

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
    watcher = FolderWatcher(importer.known, settle_s=settle_s, clock=clock)
    return HandsFree(
        application.settings,
        application.runner,
        controller,
        importer,
        watcher,
        DeviceMonitor(mount_roots),
        extra_folders=[Path(p).expanduser().resolve() for p in folders],
        latest_workout=latest_workout,
        tick_ms=tick_ms,
        device_poll_ms=device_poll_ms,
        parent=application.window,
    )


def _preferences_action(window: MainWindow) -> tuple[QAction, QMenu | None]:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QAction, QKeySequence
    from PySide6.QtWidgets import QMenu

    translate = QCoreApplication.translate
    action = QAction(translate("MainWindow", "&Preferences…"), window)
    action.setObjectName("preferencesAction")
    action.setShortcut(QKeySequence("Ctrl+,"))
    action.setMenuRole(QAction.MenuRole.PreferencesRole)  # macOS: the application menu
    menu_bar = window.menuBar()
    if sys.platform == "darwin":
        window.file_menu.addAction(action)  # moved to the application menu by Qt
        return action, None
    edit = QMenu(translate("MainWindow", "&Edit"), window)
    edit.setObjectName("editMenu")
    edit.addAction(action)
    before = getattr(window, "workouts_menu", None) or getattr(window, "account_menu", None)
    if before is not None:
        menu_bar.insertMenu(before.menuAction(), edit)
    else:
        menu_bar.addMenu(edit)
    return action, edit
