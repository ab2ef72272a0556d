"""Background work on Qt thread pools (QtCore only).

See :class:`~st_desktop.tasks.runner.TaskRunner` for the pattern: a worker only emits; the signals
object and the callbacks belong to the main thread, and die with the QObject that owns them.
The cancel flag and progress reporter a task receives (:class:`TaskContext`) are plain Python
(:mod:`st_desktop.progress`), so the services that accept them know nothing of Qt.
"""

from st_desktop.progress import TaskCancelled, TaskContext
from st_desktop.tasks.context import TaskHandle
from st_desktop.tasks.runner import TaskRunner, TaskRunnerBase

__all__ = [
    "TaskCancelled",
    "TaskContext",
    "TaskHandle",
    "TaskRunner",
    "TaskRunnerBase",
]
