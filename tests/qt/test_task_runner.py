"""The threaded TaskRunner: results on the GUI thread, errors routed, cancel, order, shutdown."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from pytestqt.qtbot import QtBot

from st_desktop.tasks import TaskContext, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot: QtBot, runner: TaskRunner) -> None:
    worker_threads: list[int] = []
    callback_threads: list[int] = []

    def job() -> int:
        worker_threads.append(threading.get_ident())
        return 42

    results: list[int] = []

    def on_result(value: int) -> None:
        callback_threads.append(threading.get_ident())
        results.append(value)

    runner.submit(job, on_result=on_result)
    qtbot.waitUntil(lambda: results == [42])
    assert worker_threads
    assert worker_threads[0] != threading.get_ident()
    assert callback_threads == [threading.main_thread().ident]


@pytest.mark.expect_log("Reading the cache failed")
def test_unhandled_worker_exception_is_shown_and_logged(
    qtbot: QtBot, runner: TaskRunner, caplog: pytest.LogCaptureFixture
) -> None:
    def job() -> None:
        raise RuntimeError("disk on fire")

    with qtbot.waitSignal(runner.unhandled_error, timeout=5000) as blocker:
        runner.submit(job, description="Reading the cache")
    message, exc = blocker.args
    assert "Reading the cache failed unexpectedly" in message
    assert isinstance(exc, RuntimeError)
    records = [r for r in caplog.records if "Reading the cache failed" in r.getMessage()]
    assert records
    assert records[0].exc_info is not None
    assert records[0].levelno == logging.ERROR


def test_cancel_stops_a_long_job_and_drops_its_result(qtbot: QtBot, runner: TaskRunner) -> None:
    started = threading.Event()
    steps: list[int] = []

    step_taken = threading.Semaphore(0)

    def job(ctx: TaskContext) -> str:
        started.set()
        for i in range(500):
            ctx.check()
            steps.append(i)
            step_taken.release()
            ctx.sleep(0.001 if i < 3 else 5)  # a slow step: only cancelling ends it early
        return "finished"

    results: list[str] = []
    handle = runner.submit(job, with_context=True, on_result=results.append)
    assert started.wait(5)
    for _ in range(4):
        assert step_taken.acquire(timeout=5)
    handle.cancel()
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert results == []
    assert len(steps) < 500


def test_serial_pool_keeps_writes_in_order(qtbot: QtBot, runner: TaskRunner) -> None:
    order: list[int] = []

    slow = threading.Event()  # never set: the even writes take their whole wait

    def write(n: int) -> None:
        slow.wait(0.02 if n % 2 == 0 else 0.0)
        order.append(n)

    for n in range(8):
        runner.submit(write, n, serial=True)
    qtbot.waitUntil(lambda: len(order) == 8, timeout=5000)
    assert order == list(range(8))


def test_parallel_pool_runs_reads_concurrently(qtbot: QtBot, runner: TaskRunner) -> None:
    both_running = threading.Barrier(2, timeout=5)
    done: list[bool] = []

    def read() -> None:
        both_running.wait()  # deadlocks (and times out) unless two run at once
        done.append(True)

    runner.submit(read)
    runner.submit(read)
    qtbot.waitUntil(lambda: len(done) == 2, timeout=6000)


def test_shutdown_waits_for_running_work(qtbot: QtBot, runner: TaskRunner, tmp_path: Path) -> None:
    target = tmp_path / "queued.json"
    started = threading.Event()

    may_finish = threading.Event()

    def save() -> None:
        started.set()
        may_finish.wait(5)
        target.write_text("{}")

    runner.submit(save, serial=True, description="Saving the upload queue")
    assert started.wait(5)
    threading.Timer(0.2, may_finish.set).start()  # still writing when the user quits
    assert runner.shutdown(timeout=5.0) is True
    assert target.read_text() == "{}"  # nothing lost by quitting


@pytest.mark.expect_log("still running after")
def test_shutdown_gives_up_after_its_timeout(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    started = threading.Event()

    def stubborn() -> None:
        started.set()
        release.wait(5)

    runner.submit(stubborn)
    assert started.wait(5)
    t0 = time.monotonic()
    assert runner.shutdown(timeout=0.2) is False
    assert time.monotonic() - t0 < 2.0
    release.set()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)


def test_tasks_submitted_after_shutdown_do_not_run(qtbot: QtBot, runner: TaskRunner) -> None:
    runner.shutdown(1.0)
    ran: list[bool] = []
    handle = runner.submit(lambda: ran.append(True))
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert ran == []


def test_busy_signal_brackets_work(qtbot: QtBot, runner: TaskRunner) -> None:
    states: list[bool] = []
    runner.busy_changed.connect(states.append)
    runner.submit(lambda: None)
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)


def test_writes_with_different_keys_run_side_by_side(qtbot: QtBot, runner: TaskRunner) -> None:
    # A long write of one key (an upload run) must not hold up a write of another (a Save).
    release = threading.Event()
    order: list[str] = []

    def long_run() -> None:
        release.wait(5)
        order.append("upload run")

    def save() -> None:
        order.append("save")

    runner.submit(long_run, serial="upload-run")
    runner.submit(save, serial="workout:1", on_finished=release.set)
    qtbot.waitUntil(lambda: len(order) == 2, timeout=6000)
    assert order == ["save", "upload run"]


def test_writes_with_one_key_stay_in_order_whatever_their_length(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    order: list[int] = []
    gates = [threading.Event() for _ in range(6)]

    def write(n: int) -> None:
        # Later writes are released first: only the queue can keep them in order.
        gates[n].wait(0.05 * (6 - n))
        order.append(n)

    for n in range(6):
        runner.submit(write, n, serial="workout:7")
    qtbot.waitUntil(lambda: len(order) == 6, timeout=6000)
    assert order == list(range(6))


def test_no_callback_runs_before_submit_returns(qtbot: QtBot, runner: TaskRunner) -> None:
    events: list[str] = []
    handle = runner.submit(
        lambda: 1,
        on_result=lambda _v: events.append("result"),
        on_finished=lambda: events.append("finished"),
    )
    events.append("returned")
    assert not handle.done
    qtbot.waitUntil(lambda: handle.done, timeout=5000)
    assert events == ["returned", "result", "finished"]


class _Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.results: list[object] = []

    def take(self, value: object) -> None:
        self.results.append(value)


def test_callbacks_die_with_the_object_that_owns_them(qtbot: QtBot, runner: TaskRunner) -> None:
    release = threading.Event()
    seen: list[object] = []

    def job() -> str:
        release.wait(5)
        return "late answer"

    receiver = _Receiver()
    bound = runner.submit(job, on_result=receiver.take)  # owner found from the bound method
    lambda_owner = _Receiver()
    explicit = runner.submit(job, on_result=seen.append, owner=lambda_owner)
    with qtbot.waitSignal(receiver.destroyed, timeout=5000):
        receiver.deleteLater()
    with qtbot.waitSignal(lambda_owner.destroyed, timeout=5000):
        lambda_owner.deleteLater()
    assert bound.cancelled  # a reader nobody waits for stops
    assert explicit.cancelled
    release.set()
    qtbot.waitUntil(lambda: bound.done and explicit.done, timeout=5000)
    assert seen == []


def test_a_short_write_is_neither_cancelled_nor_lost_at_shutdown(
    qtbot: QtBot, runner: TaskRunner, tmp_path: Path
) -> None:
    # Cancel and quit stop reads and long jobs; a queued edit of the user's is still written.
    first_started = threading.Event()
    release = threading.Event()
    written: list[str] = []

    def slow_write() -> None:
        first_started.set()
        release.wait(5)
        written.append("first")

    runner.submit(slow_write, serial="upload-queue", description="Saving your changes")
    queued = runner.submit(lambda: written.append("second"), serial="upload-queue")
    assert first_started.wait(5)
    runner.cancel_all()  # the status bar's Cancel
    release.set()
    assert runner.shutdown(timeout=5.0) is True
    assert written == ["first", "second"]
    assert not queued.cancelled
