"""What the composition root built (:class:`Application`), for tests and ``main`` to drive and stop.

Kept apart from :mod:`st_desktop.app` (which builds it) so that the sandbox wiring and tests can
name the type without importing the builder.
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from st_desktop.paths import AppPaths

if TYPE_CHECKING:
    from st_desktop.services.workouts import WorkoutService
    from st_desktop.settings import Settings
    from st_desktop.tasks import TaskRunner
    from st_desktop.ui.account import AccountController
    from st_desktop.ui.detail.editor import DetailEditor
    from st_desktop.ui.dialogs.preferences import PreferencesDialog
    from st_desktop.ui.main_window import MainWindow
    from st_desktop.ui.upload.pane import UploadPane
    from st_desktop.ui.workouts.browser import WorkoutBrowser
    from st_desktop.ui.workouts.data_actions import DataActions

log = logging.getLogger(__name__)

SHUTDOWN_TIMEOUT_S = 10.0


@dataclass
class Application:
    """Everything the composition root built.

    Attributes:
        closers: called in reverse order at shutdown, after the tasks have stopped.
        preference_pages: each adds a page to a Preferences dialog being opened (Map ...).
    """

    paths: AppPaths
    settings: Settings
    runner: TaskRunner
    window: MainWindow
    args: argparse.Namespace
    account: AccountController
    workouts: WorkoutService
    upload: UploadPane
    browser: WorkoutBrowser
    detail: DetailEditor
    closers: list[Callable[[], object]] = field(default_factory=list)
    preference_pages: list[Callable[[PreferencesDialog], object]] = field(default_factory=list)
    data: DataActions | None = None
    #: sentences for the status bar gathered while building (damaged stores, a full disk ...)
    notices: list[str] = field(default_factory=list)
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
                closer()
            except Exception:
                log.exception("error while closing %r", closer)
        self.settings.sync()
        log.info("shut down %s", "cleanly" if finished else "with tasks still running")
        return finished
