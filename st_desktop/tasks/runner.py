"""TaskRunner and Worker: run plain-Python callables on QThreadPool, results back on the GUI thread.

The pattern (DESIGN.md "Worker with caller-owned signals"): :meth:`TaskRunner.submit` creates the
:class:`WorkerSignals` on the main thread, hands it to a :class:`Worker` (a ``QRunnable`` that only
emits) and returns a :class:`TaskHandle`. Callbacks run on the main thread through queued
connections. A task that raises and has no ``on_error`` handler is never silent: it is logged with
its traceback and re-emitted as :attr:`TaskRunnerBase.unhandled_error` for the window to show.

Reads and parses run in parallel on one pool; ``serial=True`` puts a task on a one-thread pool so
writes (to the same workout, the upload queue) stay ordered.
"""

from __future__ import annotations

import itertools
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from st_desktop.errors import StDesktopError
from st_desktop.tasks.context import TaskCancelled, TaskContext, TaskHandle

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int, str], None]
DoneCallback = Callable[[], None]


@dataclass(frozen=True)
class _Callbacks:
    """What the caller wants called on the main thread."""

    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    on_progress: ProgressCallback | None
    on_finished: DoneCallback | None


class WorkerSignals(QObject):
    """Signals of one task; created on (and owned by) the main thread.

    Signals:
        result(object): the task's return value.
        error(object): the exception the task raised.
        progress(int, int, str): done, total (0 = unknown), message.
        finished(): always last, after result or error.
    """

    result = Signal(object)
    error = Signal(object)
    progress = Signal(int, int, str)
    finished = Signal()


class Worker(QRunnable):
    """Runs one callable on a pool thread and only emits signals."""

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        signals: WorkerSignals,
        context: TaskContext,
        with_context: bool,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._signals = signals
        self._context = context
        self._with_context = with_context

    def run(self) -> None:
        """Run the callable; emit its result or its exception, then finished."""
        try:
            if self._context.cancelled:
                raise TaskCancelled
            args = (self._context, *self._args) if self._with_context else self._args
            value = self._fn(*args, **self._kwargs)
        except BaseException as exc:  # every failure must reach the main thread
            self._signals.error.emit(exc)
        else:
            self._signals.result.emit(value)
        finally:
            self._signals.finished.emit()


class TaskRunnerBase(QObject):
    """Interface shared by :class:`TaskRunner` and :class:`SyncTaskRunner`.

    Signals:
        unhandled_error(str, object): user message and exception of a task without ``on_error``.
        busy_changed(bool): whether any task is running.
        progress(str, int, int): description, done, total of the most recent progress report.
    """

    unhandled_error = Signal(str, object)
    busy_changed = Signal(bool)
    progress = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._live: dict[int, TaskHandle] = {}

    # -- helpers shared by both runners -------------------------------------------------------

    def active_tasks(self) -> list[TaskHandle]:
        """Tasks submitted and not yet finished."""
        return list(self._live.values())

    def is_busy(self) -> bool:
        """True while any task is running."""
        return bool(self._live)

    def cancel_all(self) -> None:
        """Ask every running task to stop."""
        for handle in list(self._live.values()):
            handle.cancel()

    def _register(self, description: str, context: TaskContext) -> TaskHandle:
        handle = TaskHandle(next(self._ids), description, context)
        was_busy = bool(self._live)
        self._live[handle.task_id] = handle
        if not was_busy:
            self.busy_changed.emit(True)
        return handle

    def _finish(self, handle: TaskHandle) -> None:
        handle.done = True
        self._live.pop(handle.task_id, None)
        if not self._live:
            self.busy_changed.emit(False)

    def _deliver_error(
        self, handle: TaskHandle, exc: BaseException, on_error: ErrorCallback | None
    ) -> None:
        if isinstance(exc, TaskCancelled):
            log.debug("task %s cancelled", handle.description)
            return
        if isinstance(exc, StDesktopError):
            log.warning("%s failed: %s", handle.description, exc.user_message)
            if exc.detail:
                log.debug("detail: %s", exc.detail)
        else:
            log.error("%s failed", handle.description, exc_info=(type(exc), exc, exc.__traceback__))
        if on_error is not None:
            on_error(exc)
            return
        self.unhandled_error.emit(user_message(handle.description, exc), exc)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: DoneCallback | None = None,
        description: str = "Working",
        serial: bool = False,
        with_context: bool = False,
        **kwargs: Any,
    ) -> TaskHandle:
        """Run ``fn(*args, **kwargs)`` in the background.

        Args:
            fn: plain Python callable; it must not touch widgets.
            on_result: called on the main thread with the return value (not if cancelled).
            on_error: called on the main thread with the exception; without it the error is
                shown to the user through :attr:`unhandled_error`. Cancellation is not an error.
            on_progress: called with (done, total, message) reports.
            on_finished: called last in every case.
            description: what the task does, in words for the status bar and the log.
            serial: run on the one-thread pool (ordered writes).
            with_context: pass a :class:`TaskContext` as first argument.

        Returns:
            The handle (cancel it, or keep ``task_id`` to spot stale results).
        """
        callbacks = _Callbacks(on_result, on_error, on_progress, on_finished)
        return self._start(fn, args, kwargs, callbacks, description, serial, with_context)

    def _start(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        callbacks: _Callbacks,
        description: str,
        serial: bool,
        with_context: bool,
    ) -> TaskHandle:
        raise NotImplementedError

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Cancel all tasks and wait up to ``timeout`` seconds; True if everything finished."""
        raise NotImplementedError


def user_message(description: str, exc: BaseException) -> str:
    """The sentence shown for a failed task: the error's own message, or a generic one."""
    if isinstance(exc, StDesktopError):
        return exc.user_message
    return (
        f"{description} failed unexpectedly ({type(exc).__name__}: {exc}). Details are in the log."
    )


class _Relay(QObject):
    """Main-thread receiver that turns a task's signals into the caller's callbacks."""

    def __init__(self, runner: TaskRunner, handle: TaskHandle, callbacks: _Callbacks) -> None:
        super().__init__(runner)
        self._runner = runner
        self._handle = handle
        self._on_result = callbacks.on_result
        self._on_error = callbacks.on_error
        self._on_progress = callbacks.on_progress
        self._on_finished = callbacks.on_finished

    @Slot(object)
    def result(self, value: object) -> None:
        if self._on_result is not None and not self._handle.cancelled:
            self._on_result(value)

    @Slot(object)
    def error(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        self._runner._deliver_error(self._handle, exc, self._on_error)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        self._runner.progress.emit(message or self._handle.description, done, total)
        if self._on_progress is not None and not self._handle.cancelled:
            self._on_progress(done, total, message)

    @Slot()
    def finished(self) -> None:
        try:
            if self._on_finished is not None:
                self._on_finished()
        finally:
            self._runner._finish(self._handle)
            self.deleteLater()


class TaskRunner(TaskRunnerBase):
    """Runs tasks on QThreadPool: a shared pool for reads and a one-thread pool for writes."""

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._serial_pool = QThreadPool(self)
        self._serial_pool.setMaxThreadCount(1)
        self._closed = False

    def _start(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        callbacks: _Callbacks,
        description: str,
        serial: bool,
        with_context: bool,
    ) -> TaskHandle:
        handle = self._register(description, TaskContext())
        relay = _Relay(self, handle, callbacks)
        # The signals object is created here, on the main thread, and owned by the relay: the
        # C++ parent, not the worker's Python reference, decides when it is destroyed, so it is
        # always destroyed on the main thread (with the relay, after the task finished).
        signals = WorkerSignals(relay)
        context = handle.context
        context.bind_reporter(signals.progress.emit)
        if self._closed:
            context.cancel()
        signals.result.connect(relay.result)
        signals.error.connect(relay.error)
        signals.progress.connect(relay.progress)
        signals.finished.connect(relay.finished)
        worker = Worker(fn, args, kwargs, signals, context, with_context)
        (self._serial_pool if serial else self._pool).start(worker)
        return handle

    def wait_for_done(self, timeout: float) -> bool:
        """Block until both pools are idle (use only at shutdown or in tests)."""
        deadline = time.monotonic() + timeout
        ok = self._serial_pool.waitForDone(max(0, int(timeout * 1000)))
        remaining = max(0.0, deadline - time.monotonic())
        return self._pool.waitForDone(int(remaining * 1000)) and ok

    def shutdown(self, timeout: float = 10.0) -> bool:
        self._closed = True
        self.cancel_all()
        done = self.wait_for_done(timeout)
        if not done:
            log.warning(
                "shutdown: %d task(s) still running after %.1f s: %s",
                len(self._live),
                timeout,
                ", ".join(h.description for h in self._live.values()),
            )
        return done


class SyncTaskRunner(TaskRunnerBase):
    """Runs each task at once on the calling thread: same contract, for logic tests."""

    def _start(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        callbacks: _Callbacks,
        description: str,
        serial: bool,  # noqa: ARG002 - ordering is implicit when everything is inline
        with_context: bool,
    ) -> TaskHandle:
        def report(done: int, total: int, message: str) -> None:
            self.progress.emit(message or description, done, total)
            if callbacks.on_progress is not None:
                callbacks.on_progress(done, total, message)

        context = TaskContext(report)
        handle = self._register(description, context)
        try:
            call_args = (context, *args) if with_context else args
            value = fn(*call_args, **kwargs)
        except BaseException as exc:  # same routing as the threaded runner
            self._deliver_error(handle, exc, callbacks.on_error)
        else:
            if callbacks.on_result is not None and not handle.cancelled:
                callbacks.on_result(value)
        finally:
            try:
                if callbacks.on_finished is not None:
                    callbacks.on_finished()
            finally:
                self._finish(handle)
        return handle

    def shutdown(self, timeout: float = 10.0) -> bool:  # noqa: ARG002 - nothing can be running
        self.cancel_all()
        return True
