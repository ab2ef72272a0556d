"""Cancellation and progress for long jobs, in plain Python.

Services accept a :class:`TaskContext` so that they can be cancelled between steps and report how
far they got, without knowing who runs them: the Qt task runner (``st_desktop.tasks``) binds its
progress signal to it, a command-line tool a progress bar on stderr, a test nothing at all.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

ProgressReporter = Callable[[int, int, str], None]


class TaskCancelled(Exception):
    """Raised inside a job by :meth:`TaskContext.check` once the job was cancelled."""


class TaskContext:
    """What a running job may use: its cancel flag and a progress reporter.

    A task function receives it as first argument when submitted with ``with_context=True``.
    Long jobs call :meth:`check` between steps (pages, files).

    Args:
        report: where :meth:`progress` reports go (done, total, message); None drops them.
    """

    def __init__(self, report: ProgressReporter | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report
        self._lock = threading.Lock()
        self._on_cancel: list[Callable[[], object]] = []

    def bind_reporter(self, report: ProgressReporter) -> None:
        """Set where :meth:`progress` reports go (before the job starts)."""
        self._report = report

    @property
    def cancelled(self) -> bool:
        """True once the job was asked to stop."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next :meth:`check` (and run the :meth:`on_cancel` hooks)."""
        with self._lock:
            if self._cancel.is_set():
                return
            self._cancel.set()
            hooks, self._on_cancel = self._on_cancel, []
        for hook in hooks:
            hook()

    def on_cancel(self, hook: Callable[[], object]) -> None:
        """Call ``hook`` when the job is cancelled (at once if it already is).

        For a job blocked in something that cannot poll :meth:`check` (a wait on a socket):
        the hook unblocks it. It runs on the thread that cancels.
        """
        with self._lock:
            if not self._cancel.is_set():
                self._on_cancel.append(hook)
                return
        hook()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` if the job was cancelled."""
        if self._cancel.is_set():
            raise TaskCancelled

    def progress(self, done: int, total: int = 0, message: str = "") -> None:
        """Report progress (``total`` 0 means unknown)."""
        if self._report is not None:
            self._report(done, total, message)

    def sleep(self, seconds: float) -> None:
        """Wait up to ``seconds``, returning early (and raising) when cancelled."""
        if self._cancel.wait(max(0.0, seconds)):
            raise TaskCancelled
