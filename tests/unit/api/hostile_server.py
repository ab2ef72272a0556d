"""A misbehaving HTTP server on 127.0.0.1: drips bytes, sends endless bodies, redirects.

Each test sets :attr:`HostileServer.answer` to a function that writes the raw answer to the
socket (so it can break HTTP as a hostile or broken server would). Every request is recorded,
and the server counts the bytes it sent and the connections still open, so tests can check
what the client did, not only what it returned.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Answer = Callable[["Handler"], None]


@dataclass
class Seen:
    """One request that arrived."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes


class Handler(BaseHTTPRequestHandler):
    """Reads the request, records it, and lets the test's answer write the response."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        super().setup()
        self.server.owner.connection_opened()

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.owner.connection_closed()

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        owner = self.server.owner
        owner.record(Seen(self.command, self.path, dict(self.headers), body))
        try:
            owner.answer(self)
        except OSError:  # the client hung up: that is what most tests want it to do
            self.close_connection = True

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def send_raw(self, data: bytes) -> None:
        """Write bytes now (counted)."""
        self.wfile.write(data)
        self.wfile.flush()
        self.server.owner.count_sent(len(data))

    def drip(self, data: bytes, interval: float) -> None:
        """Write ``data`` one byte at a time, ``interval`` seconds apart, until stopped."""
        for i in range(len(data)):
            if self.server.owner.stopping.wait(interval):
                return
            self.send_raw(data[i : i + 1])

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: HostileServer

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # clients hanging up mid-answer is the point of these tests


class HostileServer:
    """A context manager serving :attr:`answer` on a random loopback port."""

    def __init__(self, answer: Answer | None = None) -> None:
        self.answer: Answer = answer or json_answer(b"{}")
        self.requests: list[Seen] = []
        self.sent = 0
        self.open_connections = 0
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _Server(("127.0.0.1", 0), Handler)
        self._httpd.owner = self
        self.root = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.api_base = self.root + "/api/v2"
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)

    def count_sent(self, size: int) -> None:
        with self._lock:
            self.sent += size

    def connection_opened(self) -> None:
        with self._lock:
            self.open_connections += 1

    def connection_closed(self) -> None:
        with self._lock:
            self.open_connections -= 1


def head(status: int = 200, headers: dict[str, str] | None = None) -> bytes:
    """A status line and headers."""
    lines = [f"HTTP/1.1 {status} X"] + [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def json_answer(body: bytes, status: int = 200) -> Answer:
    """A well-formed JSON answer."""

    def answer(handler: Handler) -> None:
        handler.send_raw(
            head(status, {"Content-Type": "application/json", "Content-Length": str(len(body))})
            + body
        )

    return answer


def redirect(status: int, location: str) -> Answer:
    """A redirect to ``location``."""

    def answer(handler: Handler) -> None:
        handler.send_raw(head(status, {"Location": location, "Content-Length": "0"}))

    return answer


def drip_body(interval: float, declared: int = 10_000, *, declare: bool = True) -> Answer:
    """Headers at once, then the body one byte per ``interval`` (never finishing in time).

    Without ``declare`` the body has no length: it would end when the connection closes.
    """

    def answer(handler: Handler) -> None:
        headers = {"Content-Type": "application/json"}
        if declare:
            headers["Content-Length"] = str(declared)
        else:
            headers["Connection"] = "close"
            handler.close_connection = True
        handler.send_raw(head(200, headers))
        handler.drip(b" " * declared, interval)

    return answer


def drip_headers(interval: float) -> Answer:
    """The status line and headers one byte per ``interval``."""

    def answer(handler: Handler) -> None:
        handler.drip(head(200, {"X-Slow": "y" * 10_000}), interval)

    return answer


def endless_body(total: int, *, declare: bool) -> Answer:
    """``total`` bytes of body in 1 MB blocks, with an honest Content-Length or none at all."""
    block = b"[" + b"0," * (512 * 1024 - 1) + b"0"

    def answer(handler: Handler) -> None:
        headers = {"Content-Type": "application/json"}
        if declare:
            headers["Content-Length"] = str(total)
        else:
            headers["Connection"] = "close"  # the body ends when the connection does
            handler.close_connection = True
        handler.send_raw(head(200, headers))
        sent = 0
        while sent < total and not handler.server.owner.stopping.is_set():
            piece = block[: min(len(block), total - sent)]
            handler.send_raw(piece)
            sent += len(piece)

    return answer


def free_port() -> int:
    """A loopback port nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Poll ``condition`` until it holds or ``timeout`` passes; returns whether it held."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.01)
    return condition()
