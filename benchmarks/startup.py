"""Start-up: first workout rows on screen with ``--sandbox`` (a second start) against a bare table.

Side by side, in turns (app, bare, app, bare ...), each a new process timed from its launch:

- app: ``st-desktop --sandbox --basedir DIR`` (the same DIR every time; one start before the
  runs wrote the demo account and cached its workouts, so every counted start is a second
  start) until the workout table first paints rows;
- bare: a PySide6 ``QTableView`` in a ``QMainWindow`` of the same size, over a plain model with
  the same number of rows, until it first paints them.

Both report the wall-clock time of that first paint (an event filter on the application sees
the table's viewport paint while its model has rows); the app then quits as File > Quit does.
Prints the medians, each run, and the ratio app / bare; the last line is one JSON object.
The platform is offscreen unless ``QT_QPA_PLATFORM`` says otherwise.

Usage: ``python benchmarks/startup.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from typing import Any

TIMEOUT_S = 120.0
COLUMNS = 8


def _first_rows_watch(table_name: str | None, launched: float) -> Any:
    """An event filter that prints when a table's viewport first paints rows, then quits."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QTableView, QWidget

    class Watch(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if self.done or event.type() != QEvent.Type.Paint or not isinstance(watched, QWidget):
                return False
            table = watched.parent()
            if not isinstance(table, QTableView) or watched is not table.viewport():
                return False
            if table_name is not None and table.objectName() != table_name:
                return False
            model = table.model()
            if model is None or model.rowCount() == 0:
                return False
            self.done = True
            painted = time.time()
            print(
                json.dumps(
                    {"first_rows_ms": (painted - launched) * 1000, "rows": model.rowCount()}
                ),
                flush=True,
            )
            # As File > Quit (the window state is saved), once this paint is over.
            QTimer.singleShot(0, quit_now)
            return False

    def quit_now() -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.closeAllWindows()
            app.quit()

    return Watch()


def child_app(basedir: str, launched: float) -> int:
    """The app, started as ``st-desktop --sandbox --basedir DIR`` starts it (``main`` loads Qt
    and everything else in its own order; the watch is installed once the application exists).
    """
    from st_desktop import app as st_app

    build = st_app.create_application
    watches: list[Any] = []

    def create_application(*args: Any, **kwargs: Any) -> Any:
        from PySide6.QtWidgets import QApplication

        watches.append(_first_rows_watch("workoutTable", launched))
        app = QApplication.instance()
        assert app is not None  # main() made it
        app.installEventFilter(watches[0])
        return build(*args, **kwargs)

    st_app.create_application = create_application
    return st_app.main(["--sandbox", "--basedir", basedir])


def child_bare(rows: int, launched: float) -> int:
    """A bare PySide6 table of ``rows`` rows in a window of the app's size."""
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

    class Model(QAbstractTableModel):
        def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else rows

        def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
            return 0 if parent.isValid() else COLUMNS

        def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"cell {index.row()}, {index.column()}"
            return None

    qapp = QApplication([sys.argv[0]])
    watch = _first_rows_watch(None, launched)
    qapp.installEventFilter(watch)
    window = QMainWindow()
    table = QTableView(window)
    model = Model(table)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 800)
    window.show()
    return qapp.exec()


def _launch(args: list[str]) -> dict[str, Any]:
    launched = time.time()
    done = subprocess.run(
        [sys.executable, __file__, *args, "--launched", repr(launched)],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if not lines:
        sys.stderr.write(done.stderr[-4000:])
        raise SystemExit(f"no first rows from {args[0]} (exit {done.returncode})")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _compile_package() -> None:
    """Byte-compile st_desktop, as installing it does (pip compiles what it installs).

    An editable checkout run with ``PYTHONDONTWRITEBYTECODE=1`` would otherwise compile every
    module from source at each start (about half a second here), which no installed copy does;
    the libraries in site-packages were compiled when they were installed.
    """
    import compileall

    import st_desktop

    package = os.path.dirname(st_desktop.__file__)
    if not compileall.compile_dir(package, quiet=1, workers=1):
        raise SystemExit(f"could not byte-compile {package}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="counted runs of each (default 5)")
    parser.add_argument("--child-app", metavar="BASEDIR", help=argparse.SUPPRESS)
    parser.add_argument("--child-bare", type=int, metavar="ROWS", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.child_app:
        raise SystemExit(child_app(args.child_app, args.launched))
    if args.child_bare is not None:
        raise SystemExit(child_bare(args.child_bare, args.launched))

    _compile_package()
    app_ms: list[float] = []
    bare_ms: list[float] = []
    with tempfile.TemporaryDirectory(prefix="startup-") as basedir:
        first = _launch(["--child-app", basedir])  # the first start: demo written, rows cached
        rows = int(first["rows"])
        _launch(["--child-bare", str(rows)])  # warm-up
        for _ in range(args.runs):
            app_run = _launch(["--child-app", basedir])
            app_ms.append(app_run["first_rows_ms"])
            rows = int(app_run["rows"])
            bare_ms.append(_launch(["--child-bare", str(rows)])["first_rows_ms"])
    ratios = [a / b for a, b in zip(app_ms, bare_ms, strict=True)]
    app_median, bare_median = statistics.median(app_ms), statistics.median(bare_ms)
    print(
        f"first start: {first['first_rows_ms']:.0f} ms; then {args.runs} runs of each, {rows} rows"
    )
    print(
        f"  app (--sandbox, 2nd start)  median {app_median:7.0f} ms   runs: "
        + ", ".join(f"{v:.0f}" for v in app_ms)
    )
    print(
        f"  bare PySide6 table          median {bare_median:7.0f} ms   runs: "
        + ", ".join(f"{v:.0f}" for v in bare_ms)
    )
    print(
        f"  ratio app / bare            {app_median / bare_median:.2f}   pairwise: "
        + ", ".join(f"{r:.2f}" for r in ratios)
    )
    print(
        json.dumps(
            {
                "runs": args.runs,
                "rows": rows,
                "app_first_rows_ms": round(app_median, 1),
                "bare_table_ms": round(bare_median, 1),
                "ratio": round(app_median / bare_median, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
