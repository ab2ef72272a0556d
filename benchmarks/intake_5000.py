"""A bulk export dropped at once: 5,000 activity files read into the upload queue.

Writes N small GPX rides (distinct start times: every file is new) into a temporary folder, then
times the service-level intake the upload pane runs on its workers: expand the folder, and for
each file copy it durably into the queue's inbox, record it and parse it, on a pool of worker
threads like the app's (one per core). Prints files per second and the peak RSS; the last line
is one JSON object (``files``, ``seconds``, ``files_per_s``, ``rss_mb``).

With ``--gui`` the folder is dropped on a real upload pane instead (offscreen unless
``QT_QPA_PLATFORM`` says otherwise), as a user drops an export: it times the first row shown, the
last row read and checked, the worst stall of the GUI thread (a heartbeat every 5 ms) and the
peak RSS (``first_row_ms``, ``seconds``, ``files_per_s``, ``worst_stall_ms``, ``rss_mb``).

Target (issue "Your data"): at least 50 files/s on 2 cores, rows appear progressively, memory
bounded.

Run: ``python benchmarks/intake_5000.py [--count N] [--workers W] [--gui]``
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import sys
import tempfile
import threading
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from st_desktop.services.intake import Skipped, Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore

START = datetime(2020, 1, 1, 6, 0, tzinfo=UTC)


def ride(start: datetime, points: int = 120) -> bytes:
    """A small GPX ride: ``points`` fixes 5 s apart."""
    rows = []
    for i in range(points):
        when = (start + timedelta(seconds=5 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(
            f'<trkpt lat="{46.0 + i * 0.0002:.6f}" lon="8.300000"><ele>{400 + i % 30}</ele>'
            f"<time>{when}</time></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Ride</name><trkseg>'
        + "".join(rows)
        + "</trkseg></trk></gpx>"
    ).encode()


def write_export(folder: Path, count: int) -> None:
    """``count`` rides, each at a time of its own (every file is new to the queue)."""
    folder.mkdir()
    for i in range(count):
        start = START + timedelta(hours=7 * i, minutes=i % 60, seconds=i % 59)
        (folder / f"ride-{i:05d}.gpx").write_bytes(ride(start))


class StallWitness:
    """Samples the GUI thread's stack from another thread while its heartbeat is late: what
    the worst stall was doing (``--why``)."""

    def __init__(self, beats: list[float], late_s: float = 0.05) -> None:
        self.beats, self.late_s = beats, late_s
        self.seen: dict[str, int] = {}
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        while not self._stop.wait(0.01):
            if not self.beats or time.perf_counter() - self.beats[-1] < self.late_s:
                continue
            frame = sys._current_frames().get(self._main or 0)
            if frame is None:
                continue
            where = " < ".join(
                f"{f.f_code.co_name} ({Path(f.f_code.co_filename).name}:{f.f_lineno})"
                for f, _ in itertools.islice(traceback.walk_stack(frame), 6)
            )
            self.seen[where] = self.seen.get(where, 0) + 1

    def report(self, top: int = 8) -> str:
        ranked = sorted(self.seen.items(), key=lambda item: -item[1])[:top]
        return "\n".join(f"{count * 10:5d} ms  {where}" for where, count in ranked)


def gui_intake(folder: Path, data: Path, why: bool = False) -> dict[str, float]:
    """Drop ``folder`` on an upload pane and time it until every row is read and checked."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from st_desktop.tasks import TaskRunner
    from st_desktop.ui.upload.controller import UploadController
    from st_desktop.ui.upload.model import RowStatus
    from st_desktop.ui.upload.pane import UploadPane

    app = QApplication.instance() or QApplication([sys.argv[0]])
    runner = TaskRunner()
    store = UploadStore(data)
    pane = UploadPane(UploadController(UploadService(store), runner))
    pane.resize(700, 900)
    pane.show()
    beats: list[float] = []
    first_row: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(5)
    heartbeat.timeout.connect(lambda: beats.append(time.perf_counter()))

    def inserted(*_args: object) -> None:
        if not first_row:
            first_row.append(time.perf_counter())

    pane.model.rowsInserted.connect(inserted)

    def settled() -> bool:
        rows = pane.model.rows()
        return (
            len(rows) >= 1
            and all(r.status not in (RowStatus.PARSING,) and not r.checking for r in rows)
            and not runner.is_busy()
        )

    done: list[float] = []
    poll = QTimer()
    poll.setInterval(50)

    def check() -> None:
        if first_row and settled():
            done.append(time.perf_counter())
            app.quit()

    poll.timeout.connect(check)
    heartbeat.start()
    poll.start()
    began = time.perf_counter()
    beats.append(began)
    witness = StallWitness(beats)
    if why:
        witness.start()
    pane.add_paths([folder])
    app.exec()
    if why:
        witness.stop()
        print("where the GUI thread was while its heartbeat was late (sampled every 10 ms):")
        print(witness.report())
    rows = len(pane.model.rows())
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    runner.shutdown(10.0)
    store.close()
    seconds = done[0] - began
    return {
        "rows": rows,
        "first_row_ms": round((first_row[0] - began) * 1000, 1),
        "seconds": round(seconds, 2),
        "files_per_s": round(rows / seconds, 1),
        "worst_stall_ms": round(max(gaps) * 1000, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--gui", action="store_true", help="drop the folder on an upload pane")
    parser.add_argument("--why", action="store_true", help="with --gui: what the stalls were")
    args = parser.parse_args()
    if args.gui:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "export"
            write_export(folder, args.count)
            figures = gui_intake(folder, Path(tmp) / "data", why=args.why)
        figures["rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(f"{figures['rows']} rows; first shown after {figures['first_row_ms']:.0f} ms")
        print(
            f"all read and checked: {figures['seconds']:.1f} s, "
            f"{figures['files_per_s']:.0f} files/s"
        )
        print(
            f"worst GUI stall {figures['worst_stall_ms']:.0f} ms; peak RSS {figures['rss_mb']} MB"
        )
        print(json.dumps(figures))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "export"
        write_export(folder, args.count)
        store = UploadStore(Path(tmp) / "data")
        service = UploadService(store)
        began = time.perf_counter()
        entries = service.expand([folder])
        sources = [e for e in entries if isinstance(e, Source)]
        skipped = [e for e in entries if isinstance(e, Skipped)]
        errors = 0
        with ThreadPoolExecutor(args.workers) as pool:
            for ingested in pool.map(service.ingest, sources):
                errors += ingested.activity is None
        seconds = time.perf_counter() - began
        store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(sources) / seconds
    print(f"{len(sources)} files ({len(skipped)} skipped entries, {errors} unreadable)")
    print(f"intake: {seconds:.1f} s, {rate:.0f} files/s with {args.workers} workers")
    print(f"peak RSS: {rss_mb:.0f} MB")
    result = {
        "files": len(sources),
        "seconds": round(seconds, 2),
        "files_per_s": round(rate, 1),
        "rss_mb": round(rss_mb),
    }
    print(json.dumps(result))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
