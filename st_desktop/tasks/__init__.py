"""Background work on Qt thread pools (QtCore only).

See :class:`~st_desktop.tasks.runner.TaskRunner` for the pattern: a worker only emits; the signals
object and the callbacks belong to the main thread.
"""

from st_desktop.tasks.context import TaskCancelled, TaskContext, TaskHandle
from st_desktop.tasks.runner import SyncTaskRunner, TaskRunner, TaskRunnerBase

__all__ = [
    "SyncTaskRunner",
    "TaskCancelled",
    "TaskContext",
    "TaskHandle",
    "TaskRunner",
    "TaskRunnerBase",
]
