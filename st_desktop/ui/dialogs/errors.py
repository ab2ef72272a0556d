"""Showing failures to the user: readable dialogs, tracebacks only behind "Show Details"."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from st_desktop.errors import StDesktopError

log = logging.getLogger(__name__)


def error_box(parent: QWidget | None, title: str, message: str, details: str = "") -> QMessageBox:
    """Build (not show) a warning box with a readable message and optional technical details."""
    box = QMessageBox(parent)
    box.setObjectName("errorDialog")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(message)
    if details:
        box.setDetailedText(details)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def describe_exception(exc: BaseException) -> str:
    """One sentence for the user about an exception."""
    if isinstance(exc, StDesktopError):
        return exc.user_message
    return QCoreApplication.translate(
        "errors",
        "st-desktop ran into an unexpected problem and could not finish what it was doing "
        "({error}). Your data is safe; details are in the log.",
    ).format(error=f"{type(exc).__name__}: {exc}")


class ExceptionHook:
    """``sys.excepthook`` replacement: logs the traceback and shows a dialog instead of dying.

    Args:
        parent_getter: returns the window to parent dialogs on (may return None).
        log_file: shown to the user so they can attach it to a report.
        show: shows the dialog; tests replace it (a modal dialog would block them).
        redact: cleans the traceback text of tokens before it is shown in Details.
    """

    def __init__(
        self,
        parent_getter: Callable[[], QWidget | None],
        log_file: str,
        show: Callable[[QMessageBox], None] | None = None,
        redact: Callable[[str], str] | None = None,
    ) -> None:
        self._parent_getter = parent_getter
        self._log_file = log_file
        self._show = show or (lambda box: box.open())
        self._show_blocking = show or (lambda box: box.exec())
        self._redact = redact or (lambda text: text)
        self._showing = False
        self.last_dialog: QMessageBox | None = None

    def __call__(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.critical("unhandled exception", exc_info=(exc_type, exc, tb))
        if self._showing:  # a cascade of errors must not stack up dialogs
            return
        box = self._box(exc_type, exc, tb)
        self._showing = True
        box.finished.connect(self._dialog_closed)
        self.last_dialog = box
        self._show(box)

    def _box(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> QMessageBox:
        details = self._redact("".join(traceback.format_exception(exc_type, exc, tb)))
        where = QCoreApplication.translate("ExceptionHook", "The log file is {path}.")
        message = self._redact(describe_exception(exc)) + "\n\n" + where.format(path=self._log_file)
        title = QCoreApplication.translate("ExceptionHook", "Unexpected problem")
        return error_box(self._parent_getter(), title, message, details)

    def show_fatal(self, exc: BaseException) -> None:
        """st-desktop cannot start: log it and say why in a dialog that waits for the user."""
        log.critical("st-desktop could not start", exc_info=(type(exc), exc, exc.__traceback__))
        box = self._box(type(exc), exc, exc.__traceback__)
        box.setWindowTitle(
            QCoreApplication.translate("ExceptionHook", "st-desktop could not start")
        )
        self.last_dialog = box
        self._show_blocking(box)

    def _dialog_closed(self) -> None:
        self._showing = False

    def install(self) -> None:
        """Make this the interpreter's exception hook."""
        sys.excepthook = self
