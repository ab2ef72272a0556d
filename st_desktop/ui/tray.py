"""The tray icon: state at a glance, Open / Pause automatic upload / Quit, a note per batch.

:class:`TrayController` works where there is no system tray too (offscreen, some Linux
desktops): it keeps its menu, tooltip and state (tests read them) and shows nothing. With a
tray, closing the window while something is watched only hides it (the first time, a
notification says so); Quit in the tray menu, or File > Quit, quits for real.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Callable
from enum import StrEnum

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QIcon, QPainter
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSystemTrayIcon

from st_desktop import APP_DISPLAY_NAME
from st_desktop.settings import Keys, Settings
from st_desktop.ui.i18n import plural

log = logging.getLogger(__name__)

_SIZES = (16, 22, 24, 32, 48, 64)


class TrayState(StrEnum):
    """What the icon says."""

    IDLE = "idle"
    UPLOADING = "uploading"
    OFFLINE = "offline"
    PAUSED = "paused"


def icon_variant(icon: QIcon, state: TrayState) -> QIcon:
    """The app icon greyed (paused, offline) or with a blue dot (uploading)."""
    if state == TrayState.IDLE or icon.isNull():
        return icon
    variant = QIcon()
    for size in _SIZES:
        if state == TrayState.UPLOADING:
            pixmap = icon.pixmap(size, size)
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor("#1e88e5")))
            dot = max(4, size * 2 // 5)
            painter.drawEllipse(size - dot, size - dot, dot, dot)
            painter.end()
        else:
            pixmap = icon.pixmap(size, size, QIcon.Mode.Disabled)
        variant.addPixmap(pixmap)
    return variant


class TrayController(QObject):
    """The tray icon and its menu, and closing the window to the tray.

    Args:
        window: the main window (shown by Open, hidden on close when watching).
        settings: close-to-tray, its one-time explanation, notifications.
        icon: the application icon.
        available: whether a system tray exists (default: ask Qt). Tests pass True to exercise
            closing to the tray offscreen; no icon is shown unless Qt really has a tray.

    Signals:
        pause_toggled(bool): Pause automatic upload was checked (True) or unchecked.
        notified(str, str): title and text of every notification (shown in the tray if any).
    """

    pause_toggled = Signal(bool)
    notified = Signal(str, str)

    def __init__(
        self,
        window: QMainWindow,
        settings: Settings,
        icon: QIcon | None = None,
        *,
        available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = window
        self.settings = settings
        real = QSystemTrayIcon.isSystemTrayAvailable()
        self.available = real if available is None else available
        self._icon = icon if icon is not None else window.windowIcon()
        self._watching: Callable[[], bool] = lambda: False
        self._quit_app: Callable[[], None] = QApplication.quit
        self._quitting = False
        self._took_quit = False  # File > Quit was connected to close() and now quits here
        self.state = TrayState.IDLE
        self.uploading = 0
        self.detail = ""
        self.menu = QMenu(window)
        self.menu.setObjectName("trayMenu")
        self.open_action = QAction(self.tr("&Open {app}").format(app=APP_DISPLAY_NAME), self.menu)
        self.open_action.setObjectName("trayOpenAction")
        self.open_action.triggered.connect(self.open_window)
        self.pause_action = QAction(self.tr("&Pause Automatic Upload"), self.menu)
        self.pause_action.setObjectName("trayPauseAction")
        self.pause_action.setCheckable(True)
        self.pause_action.toggled.connect(self.pause_toggled)
        self.quit_action = QAction(self.tr("&Quit"), self.menu)
        self.quit_action.setObjectName("trayQuitAction")
        self.quit_action.triggered.connect(self.quit)
        self.menu.addAction(self.open_action)
        self.menu.addAction(self.pause_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.icon: QSystemTrayIcon | None = None
        if real:
            self.icon = QSystemTrayIcon(self._icon, self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self.open_window)
            self.icon.show()
        self.set_state(TrayState.IDLE)

    # ------------------------------------------------------------------ state

    def set_state(self, state: TrayState, uploading: int = 0, detail: str = "") -> None:
        """Show ``state`` (with the number of files uploading, and a line about what is
        watched) in the tooltip and the icon."""
        changed = state != self.state
        self.state, self.uploading, self.detail = state, uploading, detail
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(state == TrayState.PAUSED)
        self.pause_action.blockSignals(False)
        if self.icon is not None:
            self.icon.setToolTip(self.tooltip())
            if changed:
                self.icon.setIcon(icon_variant(self._icon, state))

    def tooltip(self) -> str:
        """The icon's tooltip: the state, then what is watched."""
        if self.state == TrayState.UPLOADING:
            line = plural(
                self.uploading,
                self.tr("Uploading {count} file"),
                self.tr("Uploading {count} files"),
            )
        elif self.state == TrayState.OFFLINE:
            line = self.tr("Offline: new files wait until SportTracks can be reached")
        elif self.state == TrayState.PAUSED:
            line = self.tr("Automatic upload paused")
        else:
            line = self.tr("Idle")
        return "\n".join(t for t in (f"{APP_DISPLAY_NAME}: {line}", self.detail) if t)

    def notify(self, title: str, text: str) -> None:
        """A notification (in the tray when there is one; always as :attr:`notified`)."""
        self.notified.emit(title, text)
        if self.icon is not None and QSystemTrayIcon.supportsMessages():
            self.icon.showMessage(title, text, self._icon, 10_000)

    # ------------------------------------------------------------------ the window

    def keep_running_in_tray(
        self, watching: Callable[[], bool], quit_app: Callable[[], None]
    ) -> None:
        """Hide the window on close while ``watching()``; quit with ``quit_app`` from the menu.

        File > Quit is routed here too, so it quits for real instead of hiding.
        """
        self._watching = watching
        self._quit_app = quit_app
        self.window.installEventFilter(self)
        quit_action = getattr(self.window, "quit_action", None)
        if isinstance(quit_action, QAction):
            self._took_quit = _disconnect(quit_action, self.window.close)
            quit_action.triggered.connect(self.quit)

    def release_window(self) -> None:
        """Undo :meth:`keep_running_in_tray` (at shutdown, or when taken off the window)."""
        self.window.removeEventFilter(self)
        QApplication.setQuitOnLastWindowClosed(True)
        quit_action = getattr(self.window, "quit_action", None)
        released = isinstance(quit_action, QAction) and _disconnect(quit_action, self.quit)
        if released and self._took_quit and isinstance(quit_action, QAction):
            quit_action.triggered.connect(self.window.close)  # as the window had it
        if self.icon is not None:
            self.icon.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self._hides():
            event.ignore()
            self.hide_window()
            return True
        return super().eventFilter(watched, event)

    def _hides(self) -> bool:
        return (
            not self._quitting
            and self.available
            and self.settings.get(Keys.CLOSE_TO_TRAY)
            and self._watching()
        )

    def hide_window(self) -> None:
        """Hide the window to the tray (explained the first time)."""
        save = getattr(self.window, "save_state", None)
        if callable(save):
            save()
        QApplication.setQuitOnLastWindowClosed(False)  # a dialog closing must not quit the app
        self.window.hide()
        if not self.settings.get(Keys.TRAY_EXPLAINED):
            self.settings.set(Keys.TRAY_EXPLAINED, True)
            self.notify(
                self.tr("{app} keeps watching").format(app=APP_DISPLAY_NAME),
                self.tr(
                    "It is still running in the tray and uploads new activities as they appear. "
                    "Choose Quit in this icon's menu to stop it; Preferences can turn this off."
                ),
            )

    def open_window(self) -> None:
        """Show the window again, in front."""
        QApplication.setQuitOnLastWindowClosed(True)
        window = self.window
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
        window.show()
        window.raise_()
        window.activateWindow()

    def quit(self) -> None:
        """Quit for real (the window saves its state as it closes)."""
        self._quitting = True
        self.window.close()
        self._quit_app()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            if self.window.isVisible() and self.window.isActiveWindow():
                self.window.close()  # hides while watching
            else:
                self.open_window()


def _disconnect(action: QAction, slot: Callable[[], object]) -> bool:
    """Disconnect ``slot`` from ``action.triggered``; False (quietly) when it was not connected."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # libpyside warns, then returns False
        return bool(action.triggered.disconnect(slot))
