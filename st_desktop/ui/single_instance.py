"""One running instance per user: a second start hands its files to the window already open.

Double-clicking ride files in a file manager (or "Open with") starts the application once per
file on Windows and Linux. The first instance listens on a per-user local socket (a Unix domain
socket, or a named pipe on Windows); a later start connects, sends its absolute paths as one line
of JSON, waits for a one-line acknowledgement and exits, and the first instance adds the files
to its upload pane and comes to the front. macOS keeps one instance itself and delivers files as
``QFileOpenEvent``s, which :class:`FileOpenEventFilter` turns into the same kind of signal.

Wire format (newline-delimited JSON, UTF-8; one request per connection)::

    client -> server   {"v": 1, "files": ["/abs/a.fit", ...], "activate": true}\\n
    server -> client   {"ok": true}\\n      or      {"ok": false, "error": "..."}\\n
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QByteArray, QDir, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFileOpenEvent, QGuiApplication
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from st_desktop import APP_ID
from st_desktop.paths import AppPaths

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
CONNECT_TIMEOUT_MS = 1000
# The first instance answers from its event loop; give it time to finish what it is doing
# (a slow answer after we gave up would open the files twice: here and there).
ACK_TIMEOUT_MS = 5000
# A client that connects and never finishes its line is dropped after this long.
SERVER_READ_TIMEOUT_MS = 5000
MAX_MESSAGE_BYTES = 1 << 20  # 1 MiB: thousands of paths; anything bigger is not from us


def _user_tag() -> str:
    """The user's uid on Unix; a sanitised login name on Windows (pipe names are global there)."""
    if hasattr(os, "getuid"):
        return str(os.getuid())
    try:
        name = getpass.getuser()
    except Exception:  # no login name (services, odd containers)
        name = "user"
    return re.sub(r"[^A-Za-z0-9_.-]", "_", name)[:32] or "user"


def server_name_for(paths: AppPaths) -> str:
    """The local-socket name for one user and one set of application directories.

    The name holds the app id and the user (uid on Unix, login name on Windows), plus a hash of
    the config directory, so that instances started with different ``--basedir`` (tests,
    portable installs) never talk to each other or to the normal installation. On Linux the
    socket goes in ``$XDG_RUNTIME_DIR`` (private to the user) when there is one; elsewhere Qt
    puts it in the temporary directory (per user on macOS) or makes it a named pipe (Windows).
    The name stays short because a Unix socket path is limited to about 100 bytes.

    Args:
        paths: the application directories this instance uses.

    Returns:
        A name for ``QLocalServer.listen`` / ``QLocalSocket.connectToServer``.
    """
    user = _user_tag()
    config = str(Path(paths.config).expanduser().resolve())
    digest = hashlib.sha256(f"{APP_ID}\0{user}\0{config}".encode()).hexdigest()[:12]
    name = f"{APP_ID}-{user}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if sys.platform.startswith("linux") and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / name)
    return name


def _encode(message: dict[str, object]) -> bytes:
    # json.dumps escapes control characters, so the newline can only be the terminator.
    return json.dumps(message, ensure_ascii=False).encode() + b"\n"


class SingleInstance(QObject):
    """Client and server ends of the one-instance handshake.

    Usage at start-up: ``forward(files)``; if it returns True another instance took the files and
    this process should exit. Otherwise ``listen()`` and connect the signals to the window.

    Args:
        server_name: from :func:`server_name_for`.
        parent: the usual QObject parent.

    Signals:
        files_received(list): absolute ``Path``s another start handed over (may be empty).
        activation_requested(): another start asked this instance to come to the front.
    """

    files_received = Signal(list)
    activation_requested = Signal()

    def __init__(self, server_name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_name = server_name
        self._server: QLocalServer | None = None
        self._buffers: dict[QLocalSocket, bytearray] = {}

    # -- client side ----------------------------------------------------------------------------

    def forward(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
        ack_timeout_ms: int = ACK_TIMEOUT_MS,
    ) -> bool:
        """Hand ``paths`` to a running instance and ask it to come to the front.

        Blocks for at most ``connect_timeout_ms + ack_timeout_ms``; meant for start-up on the
        main thread, before the window exists. Relative paths are made absolute against this
        process's working directory, since the other instance has its own.

        Returns:
            True when a running instance acknowledged the files (this process should exit);
            False when there is none, or it did not answer in time (this process carries on).
        """
        files = [str(Path(p).expanduser().absolute()) for p in paths]
        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(connect_timeout_ms):
            log.debug("no running instance at %s (%s)", self.server_name, socket.errorString())
            return False
        try:
            socket.write(
                QByteArray(_encode({"v": PROTOCOL_VERSION, "files": files, "activate": True}))
            )
            if not socket.waitForBytesWritten(ack_timeout_ms):
                log.warning(
                    "could not send files to the running instance: %s", socket.errorString()
                )
                return False
            reply = self._read_line(socket, ack_timeout_ms)
        finally:
            socket.abort()
        if reply is None:
            log.warning(
                "the running instance did not answer within %d ms; opening here instead",
                ack_timeout_ms,
            )
            return False
        try:
            ok = bool(json.loads(reply).get("ok"))
        except (ValueError, AttributeError):
            ok = False
        if ok:
            log.info("handed %d file(s) to the running instance", len(files))
        else:
            log.warning("the running instance refused the files: %r", reply[:200])
        return ok

    @staticmethod
    def _read_line(socket: QLocalSocket, timeout_ms: int) -> bytes | None:
        data = bytearray()
        while True:
            data += socket.readAll().data()
            if b"\n" in data:
                return bytes(data.split(b"\n", 1)[0])
            if (
                len(data) > MAX_MESSAGE_BYTES
                or socket.state() != socket.LocalSocketState.ConnectedState
            ):
                return None
            # The answer and the server's close can arrive together: check the buffer again.
            if not socket.waitForReadyRead(timeout_ms):
                data += socket.readAll().data()
                return bytes(data.split(b"\n", 1)[0]) if b"\n" in data else None

    # -- server side ----------------------------------------------------------------------------

    @property
    def is_listening(self) -> bool:
        """True once :meth:`listen` succeeded."""
        return self._server is not None and self._server.isListening()

    def listen(self) -> bool:
        """Become the instance that later starts hand their files to.

        A socket file left behind by a crashed instance is removed; a live instance (another start
        won the race) is left alone.

        Returns:
            True when listening; False when another live instance owns the name (try
            :meth:`forward` again) or the socket could not be created (the app still works,
            later starts just open their own windows).
        """
        if self.is_listening:
            return True
        # Ask first: on Unix, listening with UserAccessOption renames a fresh socket over any
        # file at that path, so it would silently take the name from a live instance too.
        if self._someone_listening():
            log.info("another instance is already listening on %s", self.server_name)
            return False
        leftover = self._socket_file()
        if leftover is not None and (leftover.exists() or leftover.is_symlink()):
            log.info("removing a stale socket left by an earlier run: %s", leftover)
            QLocalServer.removeServer(self.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.server_name):
            if server.serverError() != QAbstractSocket.SocketError.AddressInUseError:
                log.warning("cannot listen on %s: %s", self.server_name, server.errorString())
                return False
            # Nobody answered just now, so what holds the name is left over from a crash.
            log.info("removing a stale socket left by an earlier run: %s", self.server_name)
            QLocalServer.removeServer(self.server_name)
            if not server.listen(self.server_name):
                log.warning("cannot listen on %s: %s", self.server_name, server.errorString())
                return False
        server.newConnection.connect(self._on_new_connection)
        self._server = server
        log.info("listening for other instances on %s", server.fullServerName())
        return True

    def close(self) -> None:
        """Stop listening and drop open connections (at shutdown)."""
        for socket in list(self._buffers):
            socket.abort()
        self._buffers.clear()
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None

    def _socket_file(self) -> Path | None:
        """Where Qt puts the socket file on Unix (None on Windows: named pipes have no file)."""
        if sys.platform == "win32":
            return None
        path = Path(self.server_name)
        return path if path.is_absolute() else Path(QDir.tempPath()) / self.server_name

    def _someone_listening(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.server_name)
        alive = probe.waitForConnected(CONNECT_TIMEOUT_MS)
        probe.abort()
        return alive

    def _on_new_connection(self) -> None:
        assert self._server is not None
        while (socket := self._server.nextPendingConnection()) is not None:
            self._buffers[socket] = bytearray()
            socket.readyRead.connect(lambda s=socket: self._on_ready_read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            # A client that never completes its request must not hold a connection forever.
            QTimer.singleShot(SERVER_READ_TIMEOUT_MS, socket, lambda s=socket: self._drop(s))
            if socket.bytesAvailable():
                self._on_ready_read(socket)

    def _on_ready_read(self, socket: QLocalSocket) -> None:
        buffer = self._buffers.get(socket)
        if buffer is None:
            return
        buffer += socket.readAll().data()
        if b"\n" not in buffer:
            if len(buffer) > MAX_MESSAGE_BYTES:
                log.warning("dropping an oversized message from another instance")
                self._drop(socket)
            return
        line = bytes(buffer.split(b"\n", 1)[0])
        del self._buffers[socket]
        try:
            files, activate = self._parse(line)
        except ValueError as exc:
            log.warning("ignoring a malformed message from another instance: %s", exc)
            self._reply(socket, {"ok": False, "error": str(exc)})
            return
        self._reply(socket, {"ok": True})
        log.info(
            "received %d file(s) from another instance: %s",
            len(files),
            ", ".join(str(f) for f in files) or "(none)",
        )
        self.files_received.emit(files)
        if activate:
            self.activation_requested.emit()

    @staticmethod
    def _parse(line: bytes) -> tuple[list[Path], bool]:
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not JSON: {exc}") from exc
        if not isinstance(message, dict):
            raise ValueError("not a JSON object")
        if message.get("v") != PROTOCOL_VERSION:
            raise ValueError(f"unsupported protocol version {message.get('v')!r}")
        files = message.get("files", [])
        if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
            raise ValueError("'files' is not a list of strings")
        return [Path(f) for f in files], bool(message.get("activate", True))

    @staticmethod
    def _reply(socket: QLocalSocket, message: dict[str, object]) -> None:
        socket.write(QByteArray(_encode(message)))
        socket.flush()
        # The client closes after reading the answer; disconnectFromServer waits for the write.
        socket.disconnectFromServer()

    def _drop(self, socket: QLocalSocket) -> None:
        if socket in self._buffers:
            self._forget(socket)
            socket.abort()

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()


class FileOpenEventFilter(QObject):
    """Turn macOS ``QFileOpenEvent``s (Finder "Open", drops on the Dock icon) into a signal.

    Install it on the application (``qapp.installEventFilter(filter)``) right after creating it:
    files that launched the app arrive as events once the event loop starts. Finder sends one
    event per file; the files of one gesture are emitted together.

    Signals:
        files_opened(list): absolute ``Path``s the operating system asked us to open.
    """

    files_opened = Signal(list)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Path] = []
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self._flush)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Consume ``FileOpen`` events; let everything else through."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return super().eventFilter(watched, event)
        name = event.file() or event.url().toLocalFile()
        if name:
            self._pending.append(Path(name))
            self._flush_timer.start()
        return True

    def _flush(self) -> None:
        files, self._pending = self._pending, []
        if files:
            log.info("the system asked to open %d file(s)", len(files))
            self.files_opened.emit(files)


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` un-minimised and ask the window manager to raise and focus it.

    Window managers may refuse focus stealing (Windows flashes the taskbar button instead);
    raising is a request, not a guarantee.
    """
    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    # Platforms without a window stack (offscreen, minimal: tests, CI) only warn on raise.
    if QGuiApplication.platformName() not in {"offscreen", "minimal"}:
        window.raise_()
        window.activateWindow()
