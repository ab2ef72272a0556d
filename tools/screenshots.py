"""Take the README's screenshots of the real app, under a real X server and window manager.

    Xvfb :90 -screen 0 1440x900x24 & DISPLAY=:90 openbox &
    DISPLAY=:90 python tools/screenshots.py --out /tmp/shots [--scheme dark] [--language de]
    DISPLAY=:90 QT_SCALE_FACTOR=2 python tools/screenshots.py --out /tmp/shots --tag 2x

The app starts as ``st-desktop --sandbox`` does (a fresh demo account in a temporary folder),
maximised, in the colour scheme and language asked for. It selects the first workout, drops a
ride on the upload pane and selects it, then photographs the whole screen (``import -window
root``, so the window manager's title bar is in the picture) for the Workouts view and each
overview view. Files are named ``<view>-<W>x<H>[-tag]-<scheme>-<language>.png``. Look at them
before copying the best to ``docs/screenshots/``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RIDE = ROOT / "tests" / "data" / "gpx" / "gx_cerknicko-jezero.gpx"
VIEWS = ("workouts", "totals", "calendar", "gear", "body")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--scheme", choices=("light", "dark"), default="light")
    parser.add_argument("--language", default="en")
    parser.add_argument("--tag", default="", help="added to the names (e.g. 2x)")
    parser.add_argument("--ride", type=Path, default=RIDE, help="the file dropped")
    parser.add_argument("--settle-ms", type=int, default=2500, help="wait before each shot")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from st_desktop.app import create_application
    from st_desktop.settings import Keys, Settings
    from st_desktop.ui.i18n import install_translators

    qapp = QApplication([sys.argv[0]])
    install_translators(qapp, args.language)
    basedir = Path(tempfile.mkdtemp(prefix="st-shots-"))
    settings_file = basedir / "config" / "settings.ini"
    settings_file.parent.mkdir(parents=True)
    settings = Settings(settings_file)
    settings.set(Keys.APPEARANCE, args.scheme)
    settings.set(Keys.UPLOAD_PANE_VISIBLE, True)
    settings.sync()
    application = create_application(["--sandbox", "--basedir", str(basedir), str(args.ride)])
    window = application.window
    window.showMaximized()
    screen = window.screen().size()
    size = f"{screen.width()}x{screen.height()}" + (f"-{args.tag}" if args.tag else "")
    taken: list[Path] = []

    def shoot(view: str) -> None:
        path = args.out / f"{view}-{size}-{args.scheme}-{args.language}.png"
        subprocess.run(["import", "-window", "root", str(path)], check=True)
        taken.append(path)

    def when(ready: Callable[[], bool], then: Callable[[], None], tries: int = 200) -> None:
        if ready() or tries <= 0:
            QTimer.singleShot(args.settle_ms, then)
        else:
            QTimer.singleShot(100, lambda: when(ready, then, tries - 1))

    def select_workout_and_ride() -> None:
        application.browser.table.selectRow(0)
        rows = application.upload.model.rows()
        if rows:
            application.upload.select_row(rows[0].row_id)
        QTimer.singleShot(args.settle_ms, lambda: shoot_views(list(VIEWS)))

    def shoot_views(views: list[str]) -> None:
        if not views:
            qapp.quit()
            return
        view, rest = views[0], views[1:]
        window.show_view(view)
        QTimer.singleShot(args.settle_ms, lambda: (shoot(view), shoot_views(rest)))

    def loaded() -> bool:
        rows = application.upload.model.rows()
        return application.browser.model.rowCount() > 0 and bool(rows) and rows[0].track is not None

    when(loaded, select_workout_and_ride)
    qapp.exec()
    application.shutdown(5.0)
    for path in taken:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
