"""GUI-thread stalls while files are dropped, previewed and uploaded, and how fast charts appear.

A timer on the GUI thread beats every 5 ms; a stall is the gap between two beats (5 ms when the
thread is free). Each run happens in a fresh process (``--child``) with the upload pane at the
size it has in the main window, against sandboxes running in child processes (as a real server
runs elsewhere), and measures:

- drop: N corpus files handed to the pane until every row is read and checked for duplicates;
- preview: each row selected in turn, looked at for a moment (and until the runner is idle
  again);
- upload: every row uploaded (possible duplicates with "Upload anyway");
- drop_to_preview_ms: the largest corpus FIT (a 14 h multisport file) dropped on an empty
  pane whose row is selected at once, until its charts are painted;
- detail_to_charts_ms: a workout of about 4 h selected in the detail editor (demo sandbox)
  until its charts are painted (the median of 5 different workouts, after one warm-up; the
  sandbox has read each once before, as a real server has its workouts' samples stored);
- rss_preview_mb / rss_upload_mb: the process's resident memory after the preview and upload
  phases, once the pane has been idle for a second (as a user sees it: the app gives freed
  memory back then, see ``st_desktop.memory``).

Figures are medians over the runs (at least 5 by default). The last line is one JSON object.

``--why`` adds, on stderr, each phase's worst stalls with the stacks of every thread sampled
during them (see ``stall_witness.py``); the figures and the JSON line stay as they are.

Usage: ``python benchmarks/gui_stalls.py [--count 30] [--runs 5] [--why]``
"""

from __future__ import annotations

import argparse
import gc
import importlib
import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

HEARTBEAT_MS = 5
PHASES = ("drop", "preview", "upload")
#: The duration of the workout the detail editor opens, seconds.
DETAIL_TARGET_S = 4 * 3600
DETAIL_SELECTIONS = 6  # one warm-up, then the median of the rest
PREVIEW_DWELL_MS = 200  # a user's look at each preview before the next click
IDLE_MS = 1200  # a second of quiet, after which the app gives freed memory back
ACTIVITY_SUFFIXES = (".fit", ".tcx", ".gpx")


def corpus_dir() -> Path:
    """The shared corpus (``$ST_DESKTOP_CORPUS`` or ``../shared/corpus``)."""
    env = os.environ.get("ST_DESKTOP_CORPUS")
    for candidate in (env, HERE.parent.parent / "shared" / "corpus"):
        if candidate and Path(candidate, "SOURCES.md").is_file():
            return Path(candidate)
    raise SystemExit("the corpus is not here: set ST_DESKTOP_CORPUS")


def corpus_files(corpus: Path) -> list[Path]:
    """Every activity file of the corpus, by name."""
    return sorted(
        (p for p in corpus.rglob("*") if p.is_file() and p.suffix.lower() in ACTIVITY_SUFFIXES),
        key=lambda p: p.name,
    )


def largest_fit(corpus: Path) -> Path:
    """The largest FIT file of the corpus (a 14 h multisport recording)."""
    return max(
        (p for p in corpus_files(corpus) if p.suffix.lower() == ".fit"),
        key=lambda p: p.stat().st_size,
    )


def pick_files(corpus: Path, count: int, folder: Path) -> list[Path]:
    """``count`` corpus files; beyond one pass, copies of the XML files with distinct bytes.

    A copy keeps the content and gets a trailing comment, so the queue (which keys files by
    their bytes) lists it again; it is a possible duplicate of its original, uploaded anyway.
    """
    files = corpus_files(corpus)
    picked = files[:count]
    texts = [p for p in files if p.suffix.lower() in (".tcx", ".gpx") and p.stat().st_size]
    copy = 0
    folder.mkdir(parents=True, exist_ok=True)
    while len(picked) < count:
        original = texts[copy % len(texts)]
        copy += 1
        target = folder / f"copy{copy}-{original.name}"
        target.write_bytes(original.read_bytes() + f"\n<!-- copy {copy} -->\n".encode())
        picked.append(target)
    return picked


def rss_mb() -> float:
    """Resident memory of this process, MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def stall_figures(beats: list[float], start: float, end: float) -> tuple[float, float]:
    """Worst and 99th-percentile gap (ms) between heartbeats within [start, end]."""
    inside = [b for b in beats if start <= b <= end]
    points = [start, *inside, end]
    gaps = sorted((b - a) * 1000 for a, b in itertools.pairwise(points))
    if not gaps:
        return 0.0, 0.0
    p99 = gaps[min(len(gaps) - 1, round(0.99 * (len(gaps) - 1)))]
    return gaps[-1], p99


# ------------------------------------------------------------------------------ one run


def child(count: int, verbose: bool = False, why: bool = False) -> dict[str, Any]:
    """One run in this process; returns its figures (``verbose``: each preview's worst stall on
    stderr; ``why``: each phase's worst stalls with the stacks sampled during them, on
    stderr)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:  # what the app's start does before any worker runs, where it does so
        from st_desktop.tasks.gil import favour_the_gui_thread

        favour_the_gui_thread()
    except ImportError:
        pass
    from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
    from PySide6.QtWidgets import QApplication, QWidget
    from sandbox_process import SandboxProcess
    from stall_witness import StallWitness

    from st_desktop.api.client import SportTracksClient
    from st_desktop.api.http import RetryPolicy
    from st_desktop.api.oauth import StaticTokenAuth
    from st_desktop.services.account import Account
    from st_desktop.services.uploads import UploadService
    from st_desktop.services.workouts import WorkoutService
    from st_desktop.settings import Settings
    from st_desktop.store.cache import WorkoutCache
    from st_desktop.store.uploads import UploadStore
    from st_desktop.tasks import TaskRunner
    from st_desktop.ui.detail.editor import DetailEditor
    from st_desktop.ui.upload.controller import UploadController
    from st_desktop.ui.upload.model import RowStatus
    from st_desktop.ui.upload.pane import UploadPane

    app = QApplication.instance() or QApplication([sys.argv[0]])
    runner = TaskRunner()

    def as_the_app_starts(window: QWidget) -> None:
        """What the app does once its window is shown: load the plotting library and build the
        charts while idle (where the app has this step; older versions built them with the
        window)."""
        try:
            from st_desktop.ui.detail.charts import plotting_step
            from st_desktop.ui.first_paint import run_after_first_paint
        except ImportError:
            importlib.import_module("st_desktop.ui.plotting")
            return
        steps = [plotting_step(window)]
        try:  # the time zone lookup's first load, where the app has this step
            from st_desktop.parsers.zone import warm_up
            from st_desktop.ui.first_paint import LaterStep

            steps.append(LaterStep((), lambda: runner.submit(warm_up), "time zones"))
        except ImportError:
            pass
        try:  # what the first drop or workout needs, where the app loads it after the paint
            from st_desktop.app import PRELOADED
            from st_desktop.ui.first_paint import LaterStep

            steps.append(LaterStep(PRELOADED, lambda: None, "services"))
        except ImportError:
            pass
        try:  # what the start loaded kept out of garbage collections, where the app does so
            from st_desktop.memory import freeze_start_up

            steps.append(LaterStep((), freeze_start_up, "start-up objects frozen"))
        except ImportError:
            pass
        run_after_first_paint(window, runner, steps)
        wait_until(lambda: "st_desktop.ui.plotting" in sys.modules and not runner.is_busy())
        dwell(300)  # the charts are built one per turn of the event loop

    beats: list[float] = []
    heart = QTimer()
    heart.setTimerType(Qt.TimerType.PreciseTimer)
    heart.setInterval(HEARTBEAT_MS)
    heart.timeout.connect(lambda: beats.append(time.perf_counter()))
    witness = StallWitness(beats)

    def wait_until(condition: Callable[[], bool], timeout_s: float = 300.0) -> None:
        if condition():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(10)
        deadline = time.perf_counter() + timeout_s
        poll.timeout.connect(
            lambda: loop.quit() if condition() or time.perf_counter() > deadline else None
        )
        poll.start()
        loop.exec()
        poll.stop()
        if not condition():
            raise TimeoutError("the benchmark waited too long")

    def dwell(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    class PaintWatch(QObject):
        """Remembers when a widget inside the named charts view was first painted with charts.

        It watches the charts view's own widgets (those there when the timing starts): an
        application-wide Python filter would make every event of every object call into Python
        while the time runs, which the app itself never does. A charts view not built yet is
        watched application-wide.
        """

        def __init__(self, owner: QWidget) -> None:
            super().__init__()
            self.owner = owner
            self.painted_at: float | None = None
            self.watched: list[QObject] = []

        def charts(self) -> Any:
            return self.owner.findChild(QWidget, "chartsView")

        def install(self) -> None:
            charts = self.charts()
            if charts is None:
                self.watched = [app]
            else:
                self.watched = [charts, *charts.findChildren(QWidget)]
            for widget in self.watched:
                widget.installEventFilter(self)

        def remove(self) -> None:
            for widget in self.watched:
                widget.removeEventFilter(self)

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.painted_at is None and event.type() == QEvent.Type.Paint:
                charts = self.charts()
                if (
                    charts is not None
                    and isinstance(watched, QWidget)
                    and charts.isAncestorOf(watched)
                    and charts.chart_count() > 0
                    and filled(charts)
                ):
                    self.painted_at = time.perf_counter()
            return False

    def filled(charts: Any) -> bool:
        """The plots shown take the view's width: a paint of plots squeezed in a corner (a
        layout gone wrong) is not the charts drawn."""
        plots = getattr(charts, "plots", None)
        if plots is None or not hasattr(plots, "built"):  # a version without these: trusted
            return True
        shown = [plots.plot_item(key) for key in plots.built()]
        widths = [p.geometry().width() for p in shown if p is not None and p.isVisible()]
        return bool(widths) and min(widths) > 0.5 * plots.canvas().width()

    def time_to_charts(owner: QWidget, action: Callable[[], None]) -> float:
        watch = PaintWatch(owner)
        watch.install()
        try:
            began = time.perf_counter()
            action()
            wait_until(lambda: watch.painted_at is not None, 60)
            assert watch.painted_at is not None
            return (watch.painted_at - began) * 1000
        finally:
            watch.remove()

    figures: dict[str, Any] = {}
    corpus = corpus_dir()
    with tempfile.TemporaryDirectory(prefix="gui-stalls-") as tmp:
        root = Path(tmp)
        files = pick_files(corpus, count, root / "copies")
        with (
            SandboxProcess(root / "up", seed=None) as up,
            SandboxProcess(root / "demo", seed=2026) as demo,
        ):
            client = SportTracksClient(
                up.api_base, StaticTokenAuth(up.token), retry=RetryPolicy(max_attempts=1)
            )
            account = Account(f"sandbox|{up.user_id}", "sandbox", client, sandbox=True)

            # -- drop-to-preview of the 14 h FIT, on a pane of its own
            store = UploadStore(root / "data-single")
            pane = UploadPane(UploadController(UploadService(store), runner))
            pane.resize(560, 860)
            pane.show()
            wait_until(pane.isVisible)
            as_the_app_starts(pane)
            dwell(200)

            def select_new(_parent: Any, first: int, _last: int, p: UploadPane = pane) -> None:
                p.select_row(p.model.row_at(first).row_id)

            pane.model.rowsInserted.connect(select_new)
            figures["drop_to_preview_ms"] = time_to_charts(
                pane.preview, lambda: pane.add_paths([largest_fit(corpus)])
            )
            wait_until(lambda: not runner.is_busy())
            pane.close()
            pane.deleteLater()
            store.close()
            dwell(50)

            # -- drop, preview, upload of N files
            store = UploadStore(root / "data")
            cache = WorkoutCache(root / "data" / "cache.sqlite3")
            controller = UploadController(UploadService(store, cache), runner)
            pane = UploadPane(controller)
            pane.resize(560, 860)
            pane.show()
            as_the_app_starts(pane)
            busy = [False]
            controller.busy_changed.connect(lambda on: busy.__setitem__(0, on))
            controller.set_account(account)
            wait_until(lambda: not runner.is_busy())
            dwell(200)
            heart.start()
            if why:
                witness.start()
            final = set(RowStatus) - {
                RowStatus.PARSING,
                RowStatus.QUEUED,
                RowStatus.UPLOADING,
            }

            def settled() -> bool:
                rows = pane.model.rows()
                done = all(r.status in final and not r.checking for r in rows)
                return len(rows) >= count and done and not runner.is_busy() and not busy[0]

            spans: dict[str, tuple[float, float]] = {}
            began = time.perf_counter()
            pane.add_paths(files)
            wait_until(settled)
            spans["drop"] = (began, time.perf_counter())

            witness.stacks = False  # see StallWitness.stacks
            began = time.perf_counter()
            for row in pane.model.rows():
                shown = time.perf_counter()
                pane.select_row(row.row_id)
                dwell(PREVIEW_DWELL_MS)
                wait_until(lambda: not runner.is_busy())
                if verbose:
                    worst = stall_figures(beats, shown, time.perf_counter())[0]
                    sys.stderr.write(f"preview {worst:6.0f} ms  {row.display_name}\n")
            spans["preview"] = (began, time.perf_counter())
            witness.stacks = True
            pane.list.clearSelection()
            wait_until(lambda: not runner.is_busy())
            gc.collect()
            dwell(IDLE_MS)
            figures["rss_preview_mb"] = rss_mb()

            for row in pane.model.rows():
                if row.status == RowStatus.DUPLICATE:
                    controller.set_upload_anyway(row.row_id, True)
            began = time.perf_counter()
            queued = pane.upload_selected_or_all()
            wait_until(lambda: not busy[0] or settled())
            wait_until(settled)
            spans["upload"] = (began, time.perf_counter())
            heart.stop()
            if why:
                witness.stop()
                for phase in PHASES:
                    sys.stderr.write(f"{phase}:\n{witness.report(beats, *spans[phase])}\n")
            uploaded = sum(r.status == RowStatus.UPLOADED for r in pane.model.rows())
            gc.collect()
            dwell(IDLE_MS)
            figures["rss_upload_mb"] = rss_mb()
            for phase in PHASES:
                worst, p99 = stall_figures(beats, *spans[phase])
                figures[f"{phase}_worst_ms"] = worst
                figures[f"{phase}_p99_ms"] = p99
                figures[f"{phase}_s"] = spans[phase][1] - spans[phase][0]
            figures["rows"] = pane.model.rowCount()
            figures["queued"] = queued
            figures["uploaded"] = uploaded
            pane.close()

            # -- detail editor: a 4 h workout selected until its charts are painted
            demo_client = SportTracksClient(
                demo.api_base, StaticTokenAuth(demo.token), retry=RetryPolicy(max_attempts=1)
            )
            summaries = []
            for page in range(20):
                listed = demo_client.list_workouts(page, 100)
                summaries += [s for s in listed.items if s.clock_duration and s.uri]
                if not listed.has_next:
                    break
            summaries.sort(key=lambda s: abs((s.clock_duration or 0) - DETAIL_TARGET_S))
            chosen = summaries[:DETAIL_SELECTIONS]
            for summary in chosen:
                # The demo sandbox builds a workout's samples from a recipe the first time it
                # is read (then stores them); a real server has them stored. Read once here,
                # so the timing is of the app and a server answering, not of the demo's maker.
                demo_client.get_workout(summary.uri or "")
            detail_cache = WorkoutCache(root / "detail" / "cache.sqlite3")
            editor = DetailEditor(
                runner, Settings(root / "settings.ini"), WorkoutService(detail_cache)
            )
            editor.resize(800, 700)
            editor.show()
            as_the_app_starts(editor)
            editor.set_account(
                Account(f"sandbox|{demo.user_id}", "demo", demo_client, sandbox=True)
            )
            dwell(200)
            took = []
            for summary in chosen:
                took.append(time_to_charts(editor, partial(editor.show_workout, summary)))
                wait_until(lambda: not runner.is_busy())
                dwell(50)
            figures["detail_to_charts_ms"] = statistics.median(took[1:])
            figures["detail_hours"] = [round((s.clock_duration or 0) / 3600, 2) for s in chosen]
            editor.close()
            runner.shutdown(10.0)
            store.close()
            cache.close()
            detail_cache.close()
    return figures


# ------------------------------------------------------------------------------ the runs

KEYS = (
    "drop_worst_ms", "drop_p99_ms", "preview_worst_ms", "preview_p99_ms", "upload_worst_ms",
    "upload_p99_ms", "drop_to_preview_ms", "detail_to_charts_ms", "rss_preview_mb",
    "rss_upload_mb", "drop_s", "preview_s", "upload_s",
)  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30, help="files dropped (default 30)")
    parser.add_argument("--runs", type=int, default=5, help="runs, each a new process (5)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--why", action="store_true", help="each phase's worst stalls and what ran then (stderr)"
    )
    parser.add_argument(
        "--verbose", action="store_true", help="with --child: each preview's worst stall"
    )
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.count, args.verbose, args.why)))
        return
    runs: list[dict[str, Any]] = []
    for number in range(args.runs):
        done = subprocess.run(
            [sys.executable, __file__, "--child", "--count", str(args.count)]
            + (["--why"] if args.why else []),
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            sys.stderr.write(done.stderr)
            raise SystemExit(f"run {number + 1} failed")
        if args.why:
            sys.stderr.write(f"run {number + 1}, where the time went:\n{done.stderr}")
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        runs.append(figures)
        print(
            f"run {number + 1}: " + ", ".join(f"{k} {figures[k]:.0f}" for k in KEYS[:10]),
            flush=True,
        )
    first = runs[0]
    print(
        f"{args.count} files, {args.runs} runs; rows {first['rows']}, uploaded "
        f"{first['uploaded']}; detail workouts (h) {first['detail_hours']}"
    )
    summary: dict[str, Any] = {"count": args.count, "runs": args.runs}
    for key in KEYS:
        values = [float(run[key]) for run in runs]
        summary[key] = round(statistics.median(values), 1)
        print(
            f"  {key:22s} median {summary[key]:9.1f}   runs: "
            + ", ".join(f"{v:.0f}" for v in values)
        )
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
