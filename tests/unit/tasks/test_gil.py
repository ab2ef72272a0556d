"""The GUI thread's share of the interpreter lock."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest

from st_desktop.tasks.gil import SWITCH_INTERVAL_S, favour_the_gui_thread


@pytest.fixture
def interval() -> Iterator[None]:
    before = sys.getswitchinterval()
    yield
    sys.setswitchinterval(before)


@pytest.mark.usefixtures("interval")
def test_workers_hand_the_lock_over_five_times_as_often_as_python_s_default() -> None:
    sys.setswitchinterval(0.005)  # Python's default

    favour_the_gui_thread()

    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert sys.getswitchinterval() <= 0.005 / 5
