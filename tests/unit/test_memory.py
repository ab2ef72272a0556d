"""Freed memory goes back to the system after a burst of work (glibc keeps it otherwise); what the
start loaded is kept out of later garbage collections."""

from __future__ import annotations

import gc
import sys
import weakref
from pathlib import Path

import pytest

from st_desktop.memory import freeze_start_up, release_free_memory


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RSS read from /proc (Linux)")
def test_memory_freed_by_a_burst_of_small_objects_goes_back() -> None:
    # 120 MB of blocks, the middle 80 % freed: the heap's top is still in use, so glibc keeps
    # the freed pages (the process stays at its peak) until it is asked to give them back.
    blocks = [bytes(600) for _ in range(200_000)]
    del blocks[20_000:180_000]
    held = _rss_kb()
    assert release_free_memory()
    given_back = held - _rss_kb()
    assert given_back > 50_000, f"only {given_back} kB given back"
    del blocks


def test_elsewhere_it_is_a_no_op(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert release_free_memory() is False


class _Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_what_the_start_loaded_is_left_out_of_later_collections() -> None:
    garbage = _Node()
    gone = weakref.ref(garbage)
    del garbage
    kept = _Node()
    try:
        frozen = freeze_start_up()
        assert gone() is None  # the young garbage was collected, not kept for good
        # Frozen objects are still freed by their reference counts (other threads run on).
        assert 0 < gc.get_freeze_count() <= frozen
        assert not any(o is kept for o in gc.get_objects())  # no collection walks it again
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())
