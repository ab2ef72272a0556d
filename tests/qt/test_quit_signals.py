"""Ctrl+C in the terminal and SIGTERM quit like File > Quit: orderly, quickly, no traceback."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.paths import resolve_paths
from st_desktop.store.uploads import UploadStore
from tests.qt.test_second_instance import app_env, read_log, wait_for_log
from tests.unit.services.upload_helpers import START, write_gpx

QUIT_LIMIT_S = 10.0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_quit_signal_shuts_down_in_order_and_keeps_the_dropped_file(
    qtbot: QtBot, tmp_path: Path, signum: signal.Signals
) -> None:
    base = tmp_path / "base"
    ride = write_gpx(tmp_path, "evening ride.gpx", START)
    output = tmp_path / "out.txt"
    with output.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "st_desktop", "--basedir", str(base), str(ride)],
            env=app_env(),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            log_file = resolve_paths(base).log_file
            wait_for_log(log_file, "window shown", lambda: process.poll() is None)
            inbox = resolve_paths(base).data / "inbox"
            qtbot.waitUntil(lambda: inbox.is_dir() and any(inbox.iterdir()), timeout=30_000)
            sent = time.monotonic()
            process.send_signal(signum)
            code = process.wait(timeout=QUIT_LIMIT_S + 5)
            took = time.monotonic() - sent
        finally:
            if process.poll() is None:
                process.kill()
    text = output.read_text()
    log = read_log(log_file)
    assert code == 0, text
    assert took < QUIT_LIMIT_S
    assert "Traceback" not in text
    assert "KeyboardInterrupt" not in text
    assert f"{signum.name} received: quitting" in log
    assert "shut down cleanly" in log
    store = UploadStore(resolve_paths(base).data)  # nothing the user dropped is lost
    try:
        [item] = store.items()
        assert item.display_name == "evening ride.gpx"
        assert store.inbox_path(item).read_bytes() == ride.read_bytes()
    finally:
        store.close()
