"""TaskRunner and Worker: run plain-Python callables on QThreadPool, results back on the GUI thread.

The pattern (DESIGN.md "Worker with caller-owned signals"): :meth:`TaskRunner.submit` creates the
:class:`WorkerSignals` on the main thread, hands it to a :class:`Worker` (a ``QRunnable`` that only
emits) and returns a :class:`TaskHandle`. Callbacks run on the main thread through queued
connections, and only while the QObject that owns them is alive. A task that raises and has no
``on_error`` handler is never silent: it is logged with its traceback and re-emitted as
:attr:`TaskRunner.unhandled_error` for the window to show.

Reads and parses run in parallel on one pool. Writes name a key (``serial="workout:123"``): tasks
with the same key run one after the other in submission order, tasks with different keys run side
by side on the write pool, so a long upload run never delays a Save.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from st_desktop.errors import StDesktopError
from st_desktop.progress import TaskCancelled, TaskContext
from st_desktop.tasks.context import TaskHandle

log = logging.getLogger(__name__)

ResultCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int, str], None]
DoneCallback = Callable[[], None]

#: The key ``serial=True`` stands for.
DEFAULT_SERIAL_KEY = "writes"
#: Threads of the write pool: keys beyond this wait for a free thread, never for another key.
WRITE_THREADS = 4


@dataclass(frozen=True)
class _Callbacks:
    """What the caller wants called on the main thread."""

    on_result: ResultCallback | None
    on_error: ErrorCallback | None
    on_progress: ProgressCallback | None
    on_finished: DoneCallback | None

    def owner(self) -> QObject | None:
        """The QObject the callbacks belong to, when they are its bound methods."""
        for callback in (self.on_result, self.on_error, self.on_progress, self.on_finished):
            function: Any = callback
            while isinstance(function, partial):
                function = function.func
            target = getattr(function, "__self__", None)
            if isinstance(target, QObject):
                return target
        return None


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
    """Runs one callable on a pool thread and only emits signals.

    Args:
        after: called on the pool thread once the task is over (starts the next task of its key).
    """

    def __init__(
        self,
        fn: Callable[..., Any],
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        signals: WorkerSignals,
        context: TaskContext,
        with_context: bool,
        after: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._args = args
        self._kwargs = kwargs
        self._signals = signals
        self._context = context
        self._with_context = with_context
        self._after = after

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
            # Drop the references now: the arguments (parsed files, responses) must not live as
            # long as the runnable object does.
            self._fn = _done
            self._args = ()
            self._kwargs = {}
            if self._after is not None:
                self._after()


def _done() -> None:
    """Placeholder for a worker's callable once it ran."""


class _KeyedQueues:
    """Per-key FIFO queues over one pool: one task per key at a time, keys in parallel.

    The next task of a key is started from the pool thread that ran the previous one, so the
    order holds without the GUI thread's event loop (which is not running at shutdown).
    """

    def __init__(self, pool: QThreadPool) -> None:
        self._pool = pool
        self._lock = threading.Lock()
        self._waiting: dict[str, deque[Worker]] = {}

    def make_after(self, key: str) -> Callable[[], None]:
        """The callback a worker of ``key`` runs when it is over."""
        return partial(self._next, key)

    def start(self, key: str, worker: Worker) -> None:
        """Run ``worker`` now if nothing of ``key`` runs, else after the others of ``key``."""
        with self._lock:
            queue = self._waiting.get(key)
            if queue is not None:
                queue.append(worker)
                return
            self._waiting[key] = deque()
        self._pool.start(worker)

    def _next(self, key: str) -> None:
        with self._lock:
            queue = self._waiting[key]
            if not queue:
                del self._waiting[key]
                return
            worker = queue.popleft()
        self._pool.start(worker)

    def pending(self) -> int:
        """Tasks waiting behind another of their key."""
        with self._lock:
            return sum(len(q) for q in self._waiting.values())


class _Relay(QObject):
    """Main-thread receiver that turns a task's signals into the caller's callbacks.

    The callbacks are dropped (and the task cancelled) when their owner is destroyed, so a
    result never reaches a half-deleted widget.
    """

    def __init__(
        self,
        runner: TaskRunner,
        handle: TaskHandle,
        callbacks: _Callbacks,
        owner: QObject | None,
    ) -> None:
        super().__init__(runner)
        self._runner = runner
        self._handle = handle
        self._callbacks: _Callbacks | None = callbacks
        if owner is not None:
            owner.destroyed.connect(self.owner_destroyed)

    @Slot()
    def owner_destroyed(self) -> None:
        """The owner of the callbacks is gone: nothing more is delivered."""
        self._callbacks = None
        if self._runner.cancellable(self._handle):
            self._handle.cancel()

    @Slot(object)
    def result(self, value: object) -> None:
        callbacks = self._callbacks
        if callbacks is not None and callbacks.on_result is not None and not self._handle.cancelled:
            callbacks.on_result(value)

    @Slot(object)
    def error(self, exc: object) -> None:
        assert isinstance(exc, BaseException)
        callbacks = self._callbacks
        on_error = callbacks.on_error if callbacks is not None else None
        self._runner.deliver_error(self._handle, exc, on_error, orphaned=callbacks is None)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, message: str) -> None:
        self._runner.progress.emit(message or self._handle.description, done, total)
        callbacks = self._callbacks
        on_progress = callbacks.on_progress if callbacks is not None else None
        if on_progress is not None and not self._handle.cancelled:
            on_progress(done, total, message)

    @Slot()
    def finished(self) -> None:
        callbacks = self._callbacks
        try:
            if callbacks is not None and callbacks.on_finished is not None:
                callbacks.on_finished()
        finally:
            self._callbacks = None
            self._runner.finish(self._handle)
            self.deleteLater()


class TaskRunner(QObject):
    """Runs tasks on QThreadPool: a shared pool for reads, keyed ordered queues for writes.

    Args:
        max_threads: threads of the read pool (default: one per core).

    Signals:
        unhandled_error(str, object): user message and exception of a task without ``on_error``.
        busy_changed(bool): whether any task is running.
        progress(str, int, int): description, done, total of the most recent progress report.
    """

    unhandled_error = Signal(str, object)
    busy_changed = Signal(bool)
    progress = Signal(str, int, int)

    def __init__(self, parent: QObject | None = None, max_threads: int | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._live: dict[int, TaskHandle] = {}
        self._pool = QThreadPool(self)
        if max_threads:
            self._pool.setMaxThreadCount(max_threads)
        self._write_pool = QThreadPool(self)
        self._write_pool.setMaxThreadCount(WRITE_THREADS)
        self._queues = _KeyedQueues(self._write_pool)
        self._closed = False

    # -- state ------------------------------------------------------------------------------

    def active_tasks(self) -> list[TaskHandle]:
        """Tasks submitted and not yet finished."""
        return list(self._live.values())

    def is_busy(self) -> bool:
        """True while any task is running."""
        return bool(self._live)

    @staticmethod
    def cancellable(handle: TaskHandle) -> bool:
        """Whether Cancel and quitting may stop ``handle``.

        Reads, parses and long jobs (those given a context) may; a short keyed write without a
        context carries the user's data (an edit, a queue entry) and always runs to its end.
        """
        return handle.serial is None or handle.with_context

    def cancel_all(self) -> None:
        """Ask every task that may be stopped to stop (see :meth:`cancellable`)."""
        for handle in list(self._live.values()):
            if self.cancellable(handle):
                handle.cancel()

    # -- submitting -------------------------------------------------------------------------

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_result: ResultCallback | None = None,
        on_error: ErrorCallback | None = None,
        on_progress: ProgressCallback | None = None,
        on_finished: DoneCallback | None = None,
        description: str = "Working",
        serial: bool | str = False,
        with_context: bool = False,
        owner: QObject | None = None,
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
            serial: a key (``"workout:123"``): tasks with the same key run in order, one at a
                time; True stands for one shared key. False: the parallel read pool.
            with_context: pass a :class:`TaskContext` as first argument.
            owner: the QObject whose lifetime bounds the callbacks (default: the object of the
                first callback that is a bound method). Once it is destroyed no callback runs.

        Returns:
            The handle (cancel it, or keep ``task_id`` to spot stale results). No callback has
            run yet when this returns.
        """
        callbacks = _Callbacks(on_result, on_error, on_progress, on_finished)
        key = DEFAULT_SERIAL_KEY if serial is True else (serial or None)
        handle = TaskHandle(next(self._ids), description, TaskContext(), key, with_context)
        was_busy = bool(self._live)
        self._live[handle.task_id] = handle
        if not was_busy:
            self.busy_changed.emit(True)
        relay = _Relay(self, handle, callbacks, owner or callbacks.owner())
        # The signals object is created here, on the main thread, and owned by the relay: the
        # C++ parent, not the worker's Python reference, decides when it is destroyed, so it is
        # always destroyed on the main thread (with the relay, after the task finished).
        signals = WorkerSignals(relay)
        handle.context.bind_reporter(signals.progress.emit)
        if self._closed:
            handle.cancel()
        signals.result.connect(relay.result)
        signals.error.connect(relay.error)
        signals.progress.connect(relay.progress)
        signals.finished.connect(relay.finished)
        after = self._queues.make_after(key) if key is not None else None
        worker = Worker(fn, args, kwargs, signals, handle.context, with_context, after)
        if key is None:
            self._pool.start(worker)
        else:
            self._queues.start(key, worker)
        return handle

    # -- outcomes (called by the relays) ------------------------------------------------------

    def finish(self, handle: TaskHandle) -> None:
        """Book-keeping once a task's callbacks ran."""
        handle.done = True
        self._live.pop(handle.task_id, None)
        if not self._live:
            self.busy_changed.emit(False)

    def deliver_error(
        self,
        handle: TaskHandle,
        exc: BaseException,
        on_error: ErrorCallback | None,
        *,
        orphaned: bool = False,
    ) -> None:
        """Log a task's exception and hand it to ``on_error`` or, without one, to the user."""
        if isinstance(exc, TaskCancelled) or handle.cancelled:
            # Whatever a cancelled task raised on its way out (a sign-out under a refresh, a
            # closed sign-in listener) is the cancellation, not a failure.
            log.debug("task %s cancelled (%s)", handle.description, type(exc).__name__)
            return
        if isinstance(exc, StDesktopError):
            log.warning("%s failed: %s", handle.description, exc.user_message)
            if exc.detail:
                log.debug("detail: %s", exc.detail)
        else:
            log.error("%s failed", handle.description, exc_info=(type(exc), exc, exc.__traceback__))
        if orphaned:
            return  # whoever asked is gone; the log has it
        if on_error is not None:
            on_error(exc)
            return
        self.unhandled_error.emit(user_message(handle.description, exc), exc)

    # -- stopping ---------------------------------------------------------------------------

    def wait_for_done(self, timeout: float) -> bool:
        """Block until both pools are idle (use only at shutdown or in tests)."""
        deadline = time.monotonic() + timeout
        ok = self._write_pool.waitForDone(max(0, int(timeout * 1000)))
        remaining = max(0.0, deadline - time.monotonic())
        return self._pool.waitForDone(int(remaining * 1000)) and ok

    def shutdown(self, timeout: float = 10.0) -> bool:
        """Stop: cancel what may be cancelled, let writes finish; wait up to ``timeout`` s.

        Returns:
            True if everything finished in time.
        """
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


def user_message(description: str, exc: BaseException) -> str:
    """The sentence shown for a failed task: the error's own message, or a generic one."""
    if isinstance(exc, StDesktopError):
        return exc.user_message
    return (
        f"{description} failed unexpectedly ({type(exc).__name__}: {exc}). Details are in the log."
    )


#: Kept for code written against the former runner interface; the threaded runner is the only one.
TaskRunnerBase = TaskRunner
