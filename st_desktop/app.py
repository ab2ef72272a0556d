"""Composition root: command line, paths, logging, settings, services, main window, shutdown.

Nothing else creates services: they are built here and passed in, so there are no global
singletons and tests can assemble the same application around a temporary base directory.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from st_desktop import APP_DISPLAY_NAME, APP_NAME, ORG_NAME, __version__
from st_desktop.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from st_desktop.settings import Settings
    from st_desktop.tasks import TaskRunnerBase
    from st_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_S = 10.0


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``st-desktop [FILES...] [--sandbox] [--api-base URL] [--basedir DIR]``."""
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=f"{APP_DISPLAY_NAME}: preview, fix and upload activity files to SportTracks.",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="FIT, TCX or GPX files to upload"
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="run against a local demo SportTracks server instead of your account",
    )
    parser.add_argument("--api-base", metavar="URL", help="SportTracks API base URL")
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        help="keep settings, data, cache and logs under DIR (portable use, tests)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def setup_logging(paths: AppPaths, level: int = logging.INFO) -> logging.Handler:
    """Log to a rotating file in the user log dir (and warnings to stderr)."""
    handler = logging.handlers.RotatingFileHandler(
        paths.log_file, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s")
    )
    root = logging.getLogger()
    root.setLevel(level)
    root.addHandler(handler)
    if not any(
        isinstance(h, logging.StreamHandler) and h.stream is sys.stderr for h in root.handlers
    ):
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    return handler


def install_qt_message_handler() -> None:
    """Route Qt's own warnings into our log instead of stderr only."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:  # benign on the offscreen platform
            return
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


class Closeable(Protocol):
    """A service that must be closed at shutdown (after tasks have stopped)."""

    def close(self) -> None: ...


@dataclass
class Application:
    """Everything the composition root built, so tests and ``main`` can drive and stop it."""

    paths: AppPaths
    settings: Settings
    runner: TaskRunnerBase
    window: MainWindow
    args: argparse.Namespace
    closers: list[Closeable] = field(default_factory=list)
    _stopped: bool = False

    def shutdown(self, timeout: float = SHUTDOWN_TIMEOUT_S) -> bool:
        """Orderly stop: cancel and wait for tasks (up to ``timeout``), close services, sync."""
        if self._stopped:
            return True
        self._stopped = True
        log.info("shutting down")
        finished = self.runner.shutdown(timeout)
        for closer in reversed(self.closers):
            try:
                closer.close()
            except Exception:
                log.exception("error while closing %r", closer)
        self.settings.sync()
        log.info("shut down %s", "cleanly" if finished else "with tasks still running")
        return finished


def create_application(argv: Sequence[str] | None = None) -> Application:
    """Build settings, services and the main window (a QApplication must already exist)."""
    from st_desktop.settings import Keys, Settings
    from st_desktop.tasks import TaskRunner
    from st_desktop.ui.detail.editor import DetailEditor
    from st_desktop.ui.main_window import MainWindow
    from st_desktop.ui.upload.pane import UploadPane
    from st_desktop.ui.workouts.browser import WorkoutBrowser

    args = build_parser().parse_args(list(argv) if argv is not None else None)
    paths = resolve_paths(args.basedir).ensure()
    settings = Settings(paths.settings_file)
    if args.api_base:
        settings.set(Keys.API_BASE, args.api_base)
    runner = TaskRunner()
    upload = UploadPane()
    window = MainWindow(settings, runner, WorkoutBrowser(), DetailEditor(), upload)
    window.files_opened.connect(upload.add_paths)
    if args.files:
        upload.add_paths([p.expanduser().resolve() for p in args.files])
    return Application(paths=paths, settings=settings, runner=runner, window=window, args=args)


def main(argv: Sequence[str] | None = None) -> int:
    """Start st-desktop; returns the process exit code."""
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    paths = resolve_paths(args.basedir).ensure()
    setup_logging(paths)
    log.info("%s %s starting (python %s)", APP_NAME, __version__, sys.version.split()[0])

    from PySide6.QtWidgets import QApplication

    from st_desktop.ui.dialogs.errors import ExceptionHook

    install_qt_message_handler()
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QApplication.setApplicationVersion(__version__)
    qapp = QApplication.instance() or QApplication([sys.argv[0]])
    application = create_application(argv)
    window = application.window
    ExceptionHook(lambda: window, str(paths.log_file)).install()
    qapp.aboutToQuit.connect(application.shutdown)
    window.show()
    code = qapp.exec()
    log.info("exit code %d", code)
    return code
