"""End to end, as a user does it: with the app open, files double-clicked go to the open window.

Both instances are real ``python -m st_desktop`` processes (offscreen) sharing one ``--basedir``;
the first one's log file is how the test sees what it received.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalServer

from st_desktop.paths import resolve_paths
from st_desktop.ui.single_instance import server_name_for
from tests.conftest import CORPUS, TEST_DATA

START_TIMEOUT_S = 30.0
# Start-up of a second Python + Qt process plus the hand-over; a second window would never exit.
SECOND_START_LIMIT_S = 30.0

# Small, permissively licensed corpus files (MIT, Apache-2.0): see ../shared/corpus/SOURCES.md.
CORPUS_PICKS = ("fit/fp_garmin-fenix-5-run.fit", "gpx/gx_cerknicko-jezero.gpx")
ACTIVITY_SUFFIXES = {".fit", ".gpx", ".tcx"}

MINIMAL_GPX = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="st-desktop tests" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>{name}</name><trkseg>
    <trkpt lat="46.0" lon="14.5"><ele>300</ele><time>2024-05-01T06:00:00Z</time></trkpt>
    <trkpt lat="46.001" lon="14.501"><ele>301</ele><time>2024-05-01T06:00:10Z</time></trkpt>
  </trkseg></trk>
</gpx>
"""


def activity_files(tmp_path: Path) -> list[Path]:
    """Two real activity files: from tests/data, else the shared corpus, else two written here."""
    in_repo = sorted(p for p in TEST_DATA.rglob("*") if p.suffix.lower() in ACTIVITY_SUFFIXES)
    if len(in_repo) >= 2:
        return in_repo[:2]
    if CORPUS is not None and all((CORPUS / pick).is_file() for pick in CORPUS_PICKS):
        return [CORPUS / pick for pick in CORPUS_PICKS]
    written = [tmp_path / "ride one.gpx", tmp_path / "ride two.gpx"]
    for path in written:
        path.write_text(MINIMAL_GPX.format(name=path.stem), encoding="utf-8")
    return written


def leave_stale_socket(server_name: str) -> None:
    """A child process listens on ``server_name`` and dies without cleaning up (a crash)."""
    script = textwrap.dedent(
        f"""
        import os
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtNetwork import QLocalServer
        app = QCoreApplication([])
        server = QLocalServer()
        assert server.listen({server_name!r}), server.errorString()
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)


def app_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("ST_DESKTOP_SMOKE_TEST", None)
    return env


def read_log(log_file: Path) -> str:
    return log_file.read_text(encoding="utf-8", errors="replace") if log_file.exists() else ""


def wait_for_log(
    log_file: Path, needle: str, alive: Callable[[], bool], timeout: float = START_TIMEOUT_S
) -> str:
    """Wait until ``needle`` is in the log; fail early if the process it comes from died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = read_log(log_file)
        if needle in text:
            return text
        if not alive():
            pytest.fail(f"the first instance exited before logging {needle!r}:\n{text[-3000:]}")
        time.sleep(0.1)
    pytest.fail(f"no {needle!r} in the log after {timeout:.0f} s:\n{read_log(log_file)[-3000:]}")


class FirstInstance:
    """``python -m st_desktop --basedir BASE [FILES]`` running in the background."""

    def __init__(self, base: Path, *files: Path) -> None:
        self.base = base
        self.log_file = resolve_paths(base).log_file
        self._output = open(base / "first-instance.out", "w+", encoding="utf-8")  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "st_desktop", "--basedir", str(base), *map(str, files)],
            env=app_env(),
            stdout=self._output,
            stderr=subprocess.STDOUT,
        )

    def alive(self) -> bool:
        return self.process.poll() is None

    def wait_listening(self) -> str:
        return wait_for_log(self.log_file, "listening for other instances on", self.alive)

    def stop(self) -> None:
        if self.alive():
            self.process.kill()  # no quit command exists: what a crash would leave is cleaned below
        self.process.wait(30)
        self._output.close()


@pytest.fixture
def base(tmp_path: Path) -> Iterator[Path]:
    base = tmp_path / "base"
    base.mkdir()
    yield base
    QLocalServer.removeServer(server_name_for(resolve_paths(base)))


@pytest.fixture
def start_first(base: Path) -> Iterator[Callable[..., FirstInstance]]:
    started: list[FirstInstance] = []

    def start(*files: Path) -> FirstInstance:
        instance = FirstInstance(base, *files)
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.stop()


def start_second(base: Path, *files: Path) -> subprocess.CompletedProcess[str]:
    try:
        second = subprocess.run(
            [sys.executable, "-m", "st_desktop", "--basedir", str(base), *map(str, files)],
            env=app_env(),
            check=False,
            capture_output=True,
            text=True,
            timeout=SECOND_START_LIMIT_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(
            f"the second start did not exit within {SECOND_START_LIMIT_S:.0f} s: it opened a "
            "window of its own instead of handing its files to the first"
        )
    return second


def test_second_start_hands_its_files_to_the_open_window(
    base: Path, start_first: Callable[..., FirstInstance], tmp_path: Path
) -> None:
    first = start_first()
    first.wait_listening()
    rides = activity_files(tmp_path)

    second = start_second(base, *rides)

    assert second.returncode == 0, second.stderr
    assert "Traceback" not in second.stderr
    log = wait_for_log(first.log_file, "received 2 file(s) from another instance", first.alive)
    received = next(line for line in log.splitlines() if "from another instance" in line)
    for ride in rides:
        assert str(ride.resolve()) in received
    assert "handed 2 file(s) to the running instance" in log
    assert first.alive(), "the first instance must keep running"


def test_a_stale_socket_left_by_a_crash_does_not_stop_the_next_start(
    base: Path, start_first: Callable[..., FirstInstance], tmp_path: Path
) -> None:
    leave_stale_socket(server_name_for(resolve_paths(base)))
    rides = activity_files(tmp_path)

    first = start_first(rides[0])
    log = first.wait_listening()

    if sys.platform != "win32":  # a named pipe does not outlive its process
        assert "removing a stale socket" in log
    assert "Traceback" not in log
    # It really is the instance now: the next start hands over to it.
    second = start_second(base, rides[1])
    assert second.returncode == 0, second.stderr
    log = wait_for_log(first.log_file, "received 1 file(s) from another instance", first.alive)
    assert str(rides[1].resolve()) in log
