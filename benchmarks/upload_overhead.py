"""What the upload engine adds per file over a bare ``requests.post`` loop, against the sandbox.

Each run makes N small distinct GPX files, then uploads them twice to the same sandbox (running
in a child process, as a real server would be elsewhere), side by side:

- bare: ``requests.post(api_base + "/fileUpload", ...)`` in a loop, one call per file;
- engine: the files dropped into a fresh upload queue (``UploadService.ingest`` and ``decide``,
  not timed: that is the drop, not the upload) and sent by ``UploadService.run``, which keeps
  the ledger (a durable row before each request and the answer after it) and the item states;
- app: the files dropped on the upload pane (offscreen) and read (not timed), then Upload
  clicked: the controller queues them and runs the engine on the task runner while the list
  shows each step, until every row says Uploaded. This is what a user waits for.

The per-file overhead is (app - bare) / N (``overhead_per_file_ms``) and (engine - bare) / N
(``engine_overhead_per_file_ms``), medians over the runs. The queue lives on the same disk as
the app's data; durability is unchanged (WAL, ``synchronous=FULL``).

Usage: ``python benchmarks/upload_overhead.py [--count 30] [--runs 5]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sandbox_process import SandboxProcess

from st_desktop.api.client import SportTracksClient
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.intake import Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore

POINTS = 120


def gpx(start: datetime, lat0: float, points: int) -> bytes:
    """A small GPX track: a couple of minutes of a walk, one point a second."""
    samples = "".join(
        f'<trkpt lat="{lat0 + i * 1e-5:.6f}" lon="{6.0 + i * 1e-5:.6f}"><ele>{400 + i % 7}</ele>'
        f"<time>{(start + timedelta(seconds=i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(points)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="bench" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>walk {start.isoformat()}</name><type>walking</type><trkseg>{samples}"
        "</trkseg></trk></gpx>"
    ).encode()


def make_files(folder: Path, count: int, offset_days: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    base = datetime(2024, 1, 1, 8, tzinfo=UTC) + timedelta(days=7 * offset_days)
    files = []
    for i in range(count):
        path = folder / f"walk-{offset_days}-{i}.gpx"
        # Starts and lengths all differ: none looks like another with a time-zone error.
        start = base + timedelta(hours=i, minutes=7 * i % 60, seconds=13 * i % 60)
        path.write_bytes(gpx(start, 45.0 + i * 1e-3, POINTS + 3 * i))
        files.append(path)
    return files


def bare_loop(api_base: str, token: str, files: list[Path]) -> float:
    headers = {"Authorization": f"Bearer {token}"}
    began = time.perf_counter()
    for path in files:
        response = requests.post(
            f"{api_base}/fileUpload",
            data={"format": "GPX", "data": path.read_bytes()},
            headers=headers,
            timeout=60,
        )
        response.raise_for_status()
    return time.perf_counter() - began


def engine_run(api_base: str, token: str, user_id: int, files: list[Path], data: Path) -> float:
    store = UploadStore(data)
    try:
        service = UploadService(store)
        key = f"sandbox|{user_id}"
        ids = [service.ingest(Source(p.name, str(p), p)).item.id for p in files]
        service.decide([], [(item_id, ()) for item_id in ids], key)
        client = SportTracksClient(
            api_base, StaticTokenAuth(token), retry=RetryPolicy(max_attempts=1)
        )
        account = Account(key, "sandbox", client, sandbox=True)
        began = time.perf_counter()
        report = service.run(TaskContext(), account)
        elapsed = time.perf_counter() - began
        if len(report.uploaded) != len(files):
            raise RuntimeError(f"only {len(report.uploaded)} of {len(files)} uploaded: {report}")
        return elapsed
    finally:
        store.close()


class AppPath:
    """The upload pane and its controller in an offscreen QApplication (built once)."""

    def __init__(self) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from st_desktop.tasks import TaskRunner

        self.app = QApplication.instance() or QApplication([sys.argv[0]])
        self.runner = TaskRunner()

    def wait_until(self, condition: Callable[[], bool], timeout_s: float = 300.0) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        if condition():
            return
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(2)
        deadline = time.perf_counter() + timeout_s
        poll.timeout.connect(
            lambda: loop.quit() if condition() or time.perf_counter() > deadline else None
        )
        poll.start()
        loop.exec()
        poll.stop()
        if not condition():
            raise TimeoutError("the upload did not finish")

    def run(self, api_base: str, token: str, user_id: int, files: list[Path], data: Path) -> float:
        from st_desktop.ui.upload.controller import UploadController
        from st_desktop.ui.upload.model import RowStatus
        from st_desktop.ui.upload.pane import UploadPane

        store = UploadStore(data)
        try:
            client = SportTracksClient(
                api_base, StaticTokenAuth(token), retry=RetryPolicy(max_attempts=1)
            )
            account = Account(f"sandbox|{user_id}", "sandbox", client, sandbox=True)
            controller = UploadController(UploadService(store), self.runner)
            pane = UploadPane(controller)
            pane.resize(560, 860)
            pane.show()
            controller.set_account(account)
            busy = [False]
            controller.busy_changed.connect(lambda on: busy.__setitem__(0, on))
            pane.add_paths(files)
            ready = (RowStatus.READY, RowStatus.WARNING)

            def read() -> bool:
                rows = pane.model.rows()
                return len(rows) == len(files) and all(
                    r.status in ready and not r.checking for r in rows
                )

            self.wait_until(lambda: read() and not self.runner.is_busy())
            began = time.perf_counter()
            pane.upload_selected_or_all()
            self.wait_until(
                lambda: (
                    not busy[0] and all(r.status == RowStatus.UPLOADED for r in pane.model.rows())
                )
            )
            elapsed = time.perf_counter() - began
            self.wait_until(lambda: not self.runner.is_busy())
            pane.close()
            pane.deleteLater()
            return elapsed
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=30, help="files per run (default 30)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each loop (default 5)")
    args = parser.parse_args()
    bare: list[float] = []
    engine: list[float] = []
    app: list[float] = []
    app_path = AppPath()
    with tempfile.TemporaryDirectory(prefix="upload-overhead-") as tmp:
        root = Path(tmp)
        with SandboxProcess(root / "sandbox", seed=None) as sandbox:
            # A warm-up of each, then the runs side by side (A B A B ...).
            for run in range(args.runs + 1):
                files = make_files(root / f"bare-{run}", args.count, 3 * run)
                took_bare = bare_loop(sandbox.api_base, sandbox.token, files)
                files = make_files(root / f"engine-{run}", args.count, 3 * run + 1)
                took_engine = engine_run(
                    sandbox.api_base, sandbox.token, sandbox.user_id, files, root / f"data-{run}"
                )
                files = make_files(root / f"app-{run}", args.count, 3 * run + 2)
                took_app = app_path.run(
                    sandbox.api_base, sandbox.token, sandbox.user_id, files, root / f"app-{run}-q"
                )
                if run:
                    bare.append(took_bare * 1000 / args.count)
                    engine.append(took_engine * 1000 / args.count)
                    app.append(took_app * 1000 / args.count)
        app_path.runner.shutdown(10.0)
    overhead = [a - b for a, b in zip(app, bare, strict=True)]
    engine_overhead = [e - b for e, b in zip(engine, bare, strict=True)]
    print(f"{args.count} files per run, {args.runs} runs (after a warm-up); ms per file:")
    print(
        f"  bare requests.post loop  median {statistics.median(bare):7.1f}   runs: "
        + ", ".join(f"{v:.1f}" for v in bare)
    )
    print(
        f"  upload engine            median {statistics.median(engine):7.1f}   runs: "
        + ", ".join(f"{v:.1f}" for v in engine)
    )
    print(
        f"  app (pane + controller)  median {statistics.median(app):7.1f}   runs: "
        + ", ".join(f"{v:.1f}" for v in app)
    )
    print(
        f"  engine overhead          median {statistics.median(engine_overhead):7.1f}   runs: "
        + ", ".join(f"{v:.1f}" for v in engine_overhead)
    )
    print(
        f"  app overhead per file    median {statistics.median(overhead):7.1f}   runs: "
        + ", ".join(f"{v:.1f}" for v in overhead)
    )
    print(
        json.dumps(
            {
                "count": args.count,
                "runs": args.runs,
                "bare_per_file_ms": round(statistics.median(bare), 1),
                "engine_per_file_ms": round(statistics.median(engine), 1),
                "app_per_file_ms": round(statistics.median(app), 1),
                "engine_overhead_per_file_ms": round(statistics.median(engine_overhead), 1),
                "overhead_per_file_ms": round(statistics.median(overhead), 1),
            }
        )
    )


if __name__ == "__main__":
    main()
