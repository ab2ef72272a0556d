"""What the GUI thread was doing while its heartbeat was late (``gui_stalls.py --why``).

A thread samples every thread's Python stack while the GUI thread's heartbeat is overdue, and
afterwards each stall (a gap between beats) is explained by the samples taken inside it. A
sample needs the GIL: when the GUI thread waits for it (a worker in a long C call such as
``json.loads``), the sample comes late and the workers' stacks show who held it. The GUI
thread's scheduler counts (``/proc/self/task/<tid>/schedstat``, read on every look) tell apart,
for each stall, the time it ran, the time it waited for a CPU (other processes) and the time it
was blocked (the GIL). Garbage collections (which hold the GIL throughout) are timed too, and
each stall lists those that overlapped it.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import sys
import threading
import time
import traceback
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

#: Frames shown of the GUI thread's stack, innermost first.
GUI_DEPTH = 8
#: Frames shown of each worker's stack.
WORKER_DEPTH = 4


@dataclass(frozen=True)
class Sample:
    """One look at the threads: when, the GUI thread's stack, the other threads' stacks."""

    at: float
    gui: str
    workers: tuple[str, ...]


def _stack(frame: object, depth: int) -> str:
    return " < ".join(
        f"{f.f_code.co_name} ({Path(f.f_code.co_filename).name}:{f.f_lineno})"
        for f, _ in itertools.islice(traceback.walk_stack(frame), depth)  # type: ignore[arg-type]
    )


class StallWitness:
    """Samples every thread's stack while the heartbeat (``beats``) is late by ``late_s``.

    Args:
        beats: the heartbeat's times (``time.perf_counter``), appended by the GUI thread.
        late_s: a beat this overdue starts the sampling.
        every_s: how often to look.
    """

    def __init__(self, beats: list[float], late_s: float = 0.015, every_s: float = 0.002) -> None:
        self.beats, self.late_s, self.every_s = beats, late_s, every_s
        self.samples: list[Sample] = []
        #: Whether stacks are sampled: walking the GUI thread's stack while pyqtgraph paints
        #: (gui_stalls' preview phase, 100 files) crashed CPython 3.11 with a segfault.
        self.stacks = True
        self._main = threading.main_thread().ident
        #: (time, ns on a CPU, ns waiting for one) of the GUI thread, at every look.
        self.sched: list[tuple[float, int, int]] = []
        self._schedstat = Path(f"/proc/self/task/{threading.main_thread().native_id}/schedstat")
        #: (start, end, generation, thread name) of every garbage collection while watching.
        self.collections: list[tuple[float, float, int, str]] = []
        self._collecting: float | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="stall-witness", daemon=True)

    def start(self) -> None:
        """Start watching."""
        gc.callbacks.append(self._gc)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching (the samples stay)."""
        self._stop.set()
        self._thread.join()
        gc.callbacks.remove(self._gc)

    def _gc(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._collecting = time.perf_counter()
        elif self._collecting is not None:
            name = threading.current_thread().name
            self.collections.append(
                (self._collecting, time.perf_counter(), info["generation"], name)
            )
            self._collecting = None

    def _watch(self) -> None:
        me = threading.get_ident()
        while not self._stop.wait(self.every_s):
            with contextlib.suppress(OSError, ValueError):  # not Linux: no such figures
                ran, queued = self._schedstat.read_text().split()[:2]
                self.sched.append((time.perf_counter(), int(ran), int(queued)))
            if not self.stacks or not self.beats:
                continue
            if time.perf_counter() - self.beats[-1] < self.late_s:
                continue
            frames = sys._current_frames()
            now = time.perf_counter()
            gui = frames.get(self._main or 0)
            if gui is None:
                continue
            workers = tuple(
                _stack(frame, WORKER_DEPTH)
                for ident, frame in frames.items()
                if ident not in (self._main, me) and "wait (threading.py" not in _stack(frame, 1)
            )
            self.samples.append(Sample(now, _stack(gui, GUI_DEPTH), workers))

    def report(self, beats: list[float], start: float, end: float, top: int = 5) -> str:
        """The ``top`` worst stalls within [start, end], each with the stacks sampled inside."""
        inside = [b for b in beats if start <= b <= end]
        gaps = sorted(
            ((b - a, a, b) for a, b in itertools.pairwise([start, *inside, end])), reverse=True
        )
        lines = []
        for gap, a, b in gaps[:top]:
            lines.append(f"  stall {gap * 1000:6.1f} ms at +{a - start:6.2f} s{self._split(a, b)}")
            taken = [s for s in self.samples if a < s.at <= b]
            for began, ended, generation, thread in self.collections:
                if began < b and ended > a:
                    lines.append(
                        f"    gc of generation {generation} on {thread}: "
                        f"{(ended - began) * 1000:.1f} ms"
                    )
            for where, count in Counter(s.gui for s in taken).most_common(4):
                lines.append(f"    {count:3d}x GUI: {where}")
            for where, count in Counter(w for s in taken for w in s.workers).most_common(4):
                lines.append(f"    {count:3d}x worker: {where}")
            if not taken:
                lines.append("    (no sample: the stall was shorter than the sampling needs)")
        return "\n".join(lines)

    def _split(self, a: float, b: float) -> str:
        """How the GUI thread spent [a, b]: running, waiting for a CPU, blocked (GIL, locks)."""
        before = [x for x in self.sched if x[0] <= a]
        after = [x for x in self.sched if x[0] >= b]
        if not before or not after:
            return ""
        (t0, ran0, queued0), (t1, ran1, queued1) = before[-1], after[0]
        ran, queued = (ran1 - ran0) / 1e6, (queued1 - queued0) / 1e6
        blocked = (t1 - t0) * 1000 - ran - queued
        return (
            f" (GUI thread over {(t1 - t0) * 1000:.0f} ms: ran {ran:.0f}, waited for a CPU "
            f"{queued:.0f}, blocked {blocked:.0f})"
        )
