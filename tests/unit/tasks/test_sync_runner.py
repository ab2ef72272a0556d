"""The synchronous runner honours the same contract as the threaded one (logic tests use it)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.errors import NotFoundError
from st_desktop.tasks import SyncTaskRunner, TaskCancelled, TaskContext


def test_result_reaches_the_caller(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()
    results: list[int] = []
    handle = runner.submit(lambda a, b: a + b, 2, 3, on_result=results.append)
    assert results == [5]
    assert handle.done
    assert not runner.is_busy()


def test_error_goes_to_the_handler_not_to_the_user(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()
    errors: list[BaseException] = []
    shown: list[str] = []
    runner.unhandled_error.connect(lambda message, _exc: shown.append(message))

    def fail() -> None:
        raise NotFoundError("That workout was deleted on SportTracks.")

    runner.submit(fail, on_error=errors.append)
    assert [str(e) for e in errors] == ["That workout was deleted on SportTracks."]
    assert shown == []


def test_error_without_handler_is_shown_to_the_user(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()
    shown: list[str] = []
    runner.unhandled_error.connect(lambda message, _exc: shown.append(message))

    def boom() -> None:
        raise ValueError("bad value")

    runner.submit(boom, description="Loading workouts")
    assert len(shown) == 1
    assert "Loading workouts failed unexpectedly" in shown[0]
    assert "bad value" in shown[0]


def test_cancellation_is_not_an_error(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()
    shown: list[str] = []
    runner.unhandled_error.connect(lambda message, _exc: shown.append(message))

    def job(ctx: TaskContext) -> None:
        ctx.cancel()
        ctx.check()

    finished: list[bool] = []
    runner.submit(job, with_context=True, on_finished=lambda: finished.append(True))
    assert shown == []
    assert finished == [True]


def test_progress_reports_reach_caller_and_runner(qtbot: QtBot) -> None:
    runner = SyncTaskRunner()
    seen: list[tuple[int, int, str]] = []
    runner_seen: list[tuple[str, int, int]] = []
    runner.progress.connect(lambda text, done, total: runner_seen.append((text, done, total)))

    def job(ctx: TaskContext) -> str:
        for i in range(3):
            ctx.progress(i + 1, 3, "page")
        return "done"

    runner.submit(job, with_context=True, on_progress=lambda *a: seen.append(a))
    assert seen == [(1, 3, "page"), (2, 3, "page"), (3, 3, "page")]
    assert runner_seen[-1] == ("page", 3, 3)


def test_context_sleep_is_interrupted_by_cancel() -> None:
    ctx = TaskContext()
    ctx.cancel()
    with pytest.raises(TaskCancelled):
        ctx.sleep(10)
