"""What a running task sees (its cancel flag and progress reporter) and what its caller holds."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class TaskCancelled(Exception):
    """Raised inside a task by :meth:`TaskContext.check` once the task was cancelled."""


class TaskContext:
    """What a running task may use: its cancel flag and a progress reporter.

    A task function receives it as first argument when submitted with ``with_context=True``.
    Long jobs call :meth:`check` between steps (pages, files).
    """

    def __init__(self, report: Callable[[int, int, str], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._report = report

    def bind_reporter(self, report: Callable[[int, int, str], None]) -> None:
        """Set where :meth:`progress` reports go (before the task starts)."""
        self._report = report

    @property
    def cancelled(self) -> bool:
        """True once the task was asked to stop."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the task to stop at its next :meth:`check`."""
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`TaskCancelled` if the task was cancelled."""
        if self._cancel.is_set():
            raise TaskCancelled

    def progress(self, done: int, total: int = 0, message: str = "") -> None:
        """Report progress (``total`` 0 means unknown); shown in the status bar."""
        if self._report is not None:
            self._report(done, total, message)

    def sleep(self, seconds: float) -> None:
        """Wait up to ``seconds``, returning early (and raising) when cancelled."""
        if self._cancel.wait(max(0.0, seconds)):
            raise TaskCancelled


class TaskHandle:
    """A submitted task.

    Attributes:
        task_id: increasing id; callers keep it to recognise stale results.
        description: what the task does, for the status bar ("Loading workouts").
    """

    def __init__(self, task_id: int, description: str, context: TaskContext) -> None:
        self.task_id = task_id
        self.description = description
        self.context = context
        self.done = False
        self.started_at = time.monotonic()

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self.context.cancelled

    def cancel(self) -> None:
        """Ask the task to stop; its result callback will not be called."""
        self.context.cancel()

    def __repr__(self) -> str:
        return f"<TaskHandle {self.task_id} {self.description!r} done={self.done}>"
