"""What the caller of a task holds: :class:`TaskHandle` (the running job sees a TaskContext)."""

from __future__ import annotations

import time

from st_desktop.progress import TaskCancelled, TaskContext

__all__ = ["TaskCancelled", "TaskContext", "TaskHandle"]


class TaskHandle:
    """A submitted task.

    Attributes:
        task_id: increasing id; callers keep it to recognise stale results.
        description: what the task does, for the status bar ("Loading workouts").
        serial: the key of the ordered queue the task runs in, or None (parallel).
        with_context: whether the task checks its context (a long job that can stop cleanly).
        done: True once the task finished and its callbacks ran.
    """

    def __init__(
        self,
        task_id: int,
        description: str,
        context: TaskContext,
        serial: str | None = None,
        with_context: bool = False,
    ) -> None:
        self.task_id = task_id
        self.description = description
        self.context = context
        self.serial = serial
        self.with_context = with_context
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
