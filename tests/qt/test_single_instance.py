"""One running instance: later starts hand their files to the first, stale sockets don't block.

The client end (``forward``) blocks, so it runs in a child process while the Qt event loop of the
test serves the listening end: two processes, as in real use.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtNetwork import QLocalServer
from PySide6.QtWidgets import QAbstractItemView, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.paths import resolve_paths
from st_desktop.ui import single_instance
from st_desktop.ui.single_instance import (
    FileOpenEventFilter,
    SingleInstance,
    bring_to_front,
    server_name_for,
)
from tests.qt.test_second_instance import activity_files, leave_stale_socket


@pytest.fixture
def name(isolated_basedir: Path) -> Iterator[str]:
    server_name = server_name_for(resolve_paths(isolated_basedir))
    yield server_name
    QLocalServer.removeServer(server_name)


FORWARD_SCRIPT = """
import sys
from st_desktop.ui.single_instance import SingleInstance
sys.exit(0 if SingleInstance(sys.argv[1]).forward(sys.argv[2:]) else 1)
"""


def in_child(script: str, *args: str | Path, cwd: Path | None = None) -> subprocess.Popen[str]:
    """Run ``script`` in another Python process (it may block: this one keeps serving)."""
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_forward(name: str, *files: str | Path, cwd: Path | None = None) -> subprocess.Popen[str]:
    """A second start: ``SingleInstance(name).forward(files)``; exit status 0 when handed over."""
    return in_child(FORWARD_SCRIPT, name, *files, cwd=cwd)


def exit_code(qtbot: QtBot, child: subprocess.Popen[str], timeout_ms: int = 30_000) -> int:
    """Keep the event loop running until ``child`` exits; its exit status."""
    try:
        qtbot.waitUntil(lambda: child.poll() is not None, timeout=timeout_ms)
    finally:
        if child.poll() is None:
            child.kill()
        _, err = child.communicate()
    assert "Traceback" not in err, err
    return child.returncode


def test_names_are_per_base_directory_and_stable(tmp_path: Path) -> None:
    one = server_name_for(resolve_paths(tmp_path / "one"))
    assert one == server_name_for(resolve_paths(tmp_path / "one"))
    assert one != server_name_for(resolve_paths(tmp_path / "two"))
    assert "io.github.st_desktop.StDesktop" in one


def test_forward_without_a_running_instance_returns_false_quickly(name: str) -> None:
    assert SingleInstance(name).forward([Path("ride.fit")], connect_timeout_ms=500) is False


def test_second_start_hands_files_to_the_first(qtbot: QtBot, name: str, tmp_path: Path) -> None:
    first = SingleInstance(name)
    assert first.listen()
    absolute = tmp_path / "élan ride.fit"
    with (
        qtbot.waitSignal(first.activation_requested, timeout=20_000),
        qtbot.waitSignal(first.files_received, timeout=20_000) as received,
    ):
        # A relative path is resolved by the sender (its working directory), not the receiver.
        second = start_forward(name, "morning.gpx", absolute, cwd=tmp_path)
    assert exit_code(qtbot, second) == 0
    assert received.args == [[tmp_path / "morning.gpx", absolute]]
    first.close()


def test_start_without_files_only_raises_the_first(qtbot: QtBot, name: str) -> None:
    first = SingleInstance(name)
    assert first.listen()
    with (
        qtbot.waitSignal(first.activation_requested, timeout=20_000),
        qtbot.waitSignal(first.files_received, timeout=20_000) as received,
    ):
        second = start_forward(name)
    assert exit_code(qtbot, second) == 0
    assert received.args == [[]]
    first.close()


def test_a_live_instance_is_never_replaced(qtbot: QtBot, name: str) -> None:
    first = SingleInstance(name)
    assert first.listen()
    # Both starts missed each other: the late one must not steal the socket.
    late = SingleInstance(name)
    assert late.listen() is False
    assert not late.is_listening
    with qtbot.waitSignal(first.files_received, timeout=20_000) as received:
        second = start_forward(name, "/x/a.tcx")
    assert exit_code(qtbot, second) == 0
    assert received.args == [[Path("/x/a.tcx")]]
    first.close()


def test_a_stale_socket_from_a_crash_does_not_stop_the_next_start(qtbot: QtBot, name: str) -> None:
    leave_stale_socket(name)
    if sys.platform != "win32":  # named pipes die with their process; socket files stay
        probe = QLocalServer()
        assert not probe.listen(name), "the crashed child should have left its socket file"
    assert SingleInstance(name).forward([Path("a.fit")], connect_timeout_ms=500) is False
    fresh = SingleInstance(name)
    assert fresh.listen()
    with qtbot.waitSignal(fresh.files_received, timeout=20_000) as received:
        second = start_forward(name, "/rides/b.fit")
    assert exit_code(qtbot, second) == 0
    assert received.args == [[Path("/rides/b.fit")]]
    fresh.close()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows named pipes leave no file behind")
def test_a_plain_file_where_the_socket_belongs_is_replaced(tmp_path: Path) -> None:
    path = str(tmp_path / "st.sock")
    Path(path).write_text("left over")
    instance = SingleInstance(path)
    assert instance.listen()
    assert instance.is_listening
    instance.close()


RAW_CLIENT_SCRIPT = """
import sys
from PySide6.QtNetwork import QLocalSocket
socket = QLocalSocket()
socket.connectToServer(sys.argv[1])
assert socket.waitForConnected(5000)
socket.write(sys.argv[2].encode())
socket.waitForBytesWritten(5000)
socket.waitForReadyRead(10000)
print(bytes(socket.readAll().data()).decode())
print("disconnected" if socket.state() != QLocalSocket.LocalSocketState.ConnectedState
      or socket.waitForDisconnected(10000) else "still connected")
"""


@pytest.mark.expect_log("malformed message")
def test_a_malformed_request_is_refused_and_the_server_keeps_serving(
    qtbot: QtBot, name: str
) -> None:
    first = SingleInstance(name)
    assert first.listen()
    with qtbot.assertNotEmitted(first.files_received, wait=100):
        garbage = in_child(RAW_CLIENT_SCRIPT, name, '{"v": 99, "files": "nope"}\n')
        qtbot.waitUntil(lambda: garbage.poll() is not None, timeout=30_000)
    out, _ = garbage.communicate()
    assert '"ok": false' in out
    assert "unsupported protocol version" in out
    with qtbot.waitSignal(first.files_received, timeout=20_000):
        second = start_forward(name, "/r/c.gpx")
    assert exit_code(qtbot, second) == 0
    first.close()


def test_a_client_that_never_finishes_is_dropped(
    qtbot: QtBot, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(single_instance, "SERVER_READ_TIMEOUT_MS", 300)
    first = SingleInstance(name)
    assert first.listen()
    with qtbot.assertNotEmitted(first.files_received, wait=100):
        stuck = in_child(RAW_CLIENT_SCRIPT, name, '{"v": 1, "fil')
        qtbot.waitUntil(lambda: stuck.poll() is not None, timeout=30_000)
    out, err = stuck.communicate()
    assert stuck.returncode == 0, err
    assert out.split() == ["disconnected"]
    first.close()


def test_file_open_events_become_one_batch(qtbot: QtBot) -> None:
    app = QCoreApplication.instance()
    assert app is not None
    event_filter = FileOpenEventFilter()
    app.installEventFilter(event_filter)
    try:
        with qtbot.waitSignal(event_filter.files_opened, timeout=2000) as opened:
            QCoreApplication.sendEvent(app, QFileOpenEvent("/rides/one.fit"))
            QCoreApplication.sendEvent(app, QFileOpenEvent(QUrl.fromLocalFile("/rides/two.gpx")))
        assert opened.args == [[Path("/rides/one.fit"), Path("/rides/two.gpx")]]
    finally:
        app.removeEventFilter(event_filter)


def test_bring_to_front_restores_a_minimised_window(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible()
    assert not window.isMinimized()


def upload_list_texts(application: Application) -> list[str]:
    view = application.window.findChild(QAbstractItemView, "uploadList")
    assert view is not None, "the upload pane has no view named uploadList"
    model = view.model()
    return [
        str(model.index(row, column).data())
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    ]


def test_files_from_another_start_reach_the_upload_pane(
    qtbot: QtBot, name: str, isolated_basedir: Path, tmp_path: Path
) -> None:
    application = create_application(["--basedir", str(isolated_basedir)])
    qtbot.addWidget(application.window)
    application.window.show()
    instance = SingleInstance(name)
    assert instance.listen()
    # The wiring app.main() uses.
    instance.files_received.connect(application.window.upload.add_paths)
    instance.activation_requested.connect(lambda: bring_to_front(application.window))
    rides = activity_files(tmp_path)
    with qtbot.waitSignal(instance.activation_requested, timeout=20_000):
        second = start_forward(name, *rides)
    assert exit_code(qtbot, second) == 0
    qtbot.waitUntil(
        lambda: all(any(r.name in t for t in upload_list_texts(application)) for r in rides),
        timeout=5000,
    )
    instance.close()
    application.shutdown(5.0)
