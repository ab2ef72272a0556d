"""Fixtures for pytest-qt tests: real widgets offscreen, and no pool work left running."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.tasks import TaskRunner
from tests.qt.sandbox_account import (  # noqa: F401 - fixtures for every Qt test
    account,
    cache,
    client,
    server,
    settings,
)

LEFTOVER_WAIT_MS = 5000


@pytest.fixture
def runner(qtbot: QtBot) -> Iterator[TaskRunner]:
    """A real threaded TaskRunner; the test fails if it leaves tasks running."""
    task_runner = TaskRunner()
    yield task_runner
    try:
        qtbot.waitUntil(lambda: not task_runner.is_busy(), timeout=LEFTOVER_WAIT_MS)
    except Exception:  # waitUntil raises its own timeout error
        leftovers = ", ".join(h.description for h in task_runner.active_tasks())
        task_runner.shutdown(5.0)
        pytest.fail(f"test left pool work running: {leftovers}")
    finally:
        # Only shut it down: the Python reference owns it, so a deleteLater() here would hand
        # a Python-owned QObject to C++ for deletion as well.
        task_runner.shutdown(5.0)


@pytest.fixture(autouse=True)
def _no_global_pool_leftovers() -> Iterator[None]:
    """Nothing may leave work on Qt's global pool either."""
    yield
    pool = QThreadPool.globalInstance()
    if not pool.waitForDone(LEFTOVER_WAIT_MS):
        pytest.fail("test left work running on the global QThreadPool")


@pytest.fixture(autouse=True)
def _no_keys_left_held() -> Iterator[None]:
    """Each test starts with no Shift, Ctrl or Alt held.

    Qt keeps the modifiers of the last input event: after a test's Shift+drag or Ctrl+Z, the
    next test's ``selectRow`` extended the selection instead of selecting one row (its workout
    never loaded). Letting go of a key, as a hand would, clears them.
    """
    yield
    if QApplication.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        QTest.keyRelease(QWidget(), Qt.Key.Key_Shift)
