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

    The detail editor and upload pane may come a moment after the rest: a start draws the
    workout table first and builds them once its rows are on screen (:meth:`when_ready`).

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
    browser: WorkoutBrowser
    closers: list[Callable[[], object]] = field(default_factory=list)
    preference_pages: list[Callable[[PreferencesDialog], object]] = field(default_factory=list)
    data: DataActions | None = None
    #: sentences for the status bar gathered while building (damaged stores, a full disk ...)
    notices: list[str] = field(default_factory=list)
    _stopped: bool = False
    _panes: tuple[DetailEditor, UploadPane] | None = None
    _waiting: list[Callable[[], object]] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        """True once the detail editor and upload pane are built."""
        return self._panes is not None

    @property
    def detail(self) -> DetailEditor:
        """The detail editor (only once :attr:`ready`)."""
        if self._panes is None:
            raise RuntimeError("the detail editor is built after the first rows (when_ready)")
        return self._panes[0]

    @property
    def upload(self) -> UploadPane:
        """The upload pane (only once :attr:`ready`)."""
        if self._panes is None:
            raise RuntimeError("the upload pane is built after the first rows (when_ready)")
        return self._panes[1]

    def set_panes(self, detail: DetailEditor, upload: UploadPane) -> None:
        """The panes are built: run what waited for them, in the order it asked."""
        self._panes = (detail, upload)
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            try:
                callback()
            except Exception:  # one broken part must not keep the others from starting
                log.exception("error in %r once the panes were built", callback)

    def when_ready(self, callback: Callable[[], object]) -> None:
        """Run ``callback`` once the panes are built (at once if they are)."""
        if self._panes is not None:
            callback()
        else:
            self._waiting.append(callback)

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
