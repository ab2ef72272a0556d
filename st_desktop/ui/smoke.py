"""Start-up smoke test for packaged builds: open the window, then quit by itself.

With ``ST_DESKTOP_SMOKE_TEST`` set (``1``, or a number of seconds to wait), the application
imports every module of the package (a bundle that lacks one fails here, not in a user's
hands), shows its window, quits shortly after, and exits with status 0 only when the window was
shown, the icon loaded and nothing was logged at WARNING or above. Build scripts run the frozen
executable this way offscreen; users never set it.
"""

from __future__ import annotations

import importlib
import logging
import os
import pkgutil
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

import st_desktop

log = logging.getLogger(__name__)

SMOKE_ENV = "ST_DESKTOP_SMOKE_TEST"
DEFAULT_DELAY_S = 1.0
EXIT_FAILED = 3
MIN_MODULES = 10


class _WarningCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage()}")


def smoke_delay_s() -> float | None:
    """Seconds to keep the window open when the smoke test is requested, else None."""
    value = os.environ.get(SMOKE_ENV, "").strip()
    if not value or value.lower() in {"0", "false", "no"}:
        return None
    try:
        delay = float(value)
    except ValueError:
        return DEFAULT_DELAY_S
    return delay if delay > 0 else DEFAULT_DELAY_S


def import_all_modules() -> tuple[int, list[str]]:
    """Import every module of the package.

    Returns:
        How many modules were found, and "module: error" for each one that failed to import.
    """
    failures: list[str] = []
    found = 0
    prefix = st_desktop.__name__ + "."
    for info in pkgutil.walk_packages(st_desktop.__path__, prefix):
        if info.name.endswith("__main__"):
            continue  # importing it would start the app
        found += 1
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            failures.append(f"{info.name}: {type(exc).__name__}: {exc}")
    return found, failures


def install_smoke_quit(app: QApplication, window: QWidget, log_file: Path | str) -> bool:
    """Arm the smoke test if ``ST_DESKTOP_SMOKE_TEST`` asks for it.

    Call after creating the window and before ``app.exec()``. When armed, the event loop quits
    ``delay`` seconds after it starts with status 0 (passed) or 3 (failed; the reasons are
    logged at ERROR, which reaches stderr).

    Args:
        app: the running application.
        window: the main window that must be visible by then.
        log_file: named in the failure message, for the full story.

    Returns:
        True when the smoke test is armed.
    """
    delay = smoke_delay_s()
    if delay is None:
        return False
    counter = _WarningCounter()
    logging.getLogger().addHandler(counter)
    log.info("smoke test: quitting %.1f s after start", delay)

    def finish() -> None:
        found, failures = import_all_modules()
        problems = [f"cannot import {failure}" for failure in failures]
        if found < MIN_MODULES:  # the sweep itself must not silently find nothing (frozen apps)
            problems.append(f"only {found} modules of the package were found")
        else:
            log.info("smoke test: imported %d modules", found)
        from st_desktop.ui.icons import app_icon  # after the import sweep: it is one of them

        if not window.isVisible():
            problems.append("the main window is not visible")
        if app_icon().isNull():
            problems.append("the application icon did not load")
        problems += [f"logged: {message}" for message in counter.messages]
        logging.getLogger().removeHandler(counter)
        if problems:
            log.error("smoke test FAILED (see %s):\n  %s", log_file, "\n  ".join(problems))
            app.exit(EXIT_FAILED)
        else:
            log.info("smoke test passed")
            app.exit(0)

    QTimer.singleShot(round(delay * 1000), app, finish)
    return True
