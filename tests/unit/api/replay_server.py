"""A tiny HTTP server on 127.0.0.1 that replays captured SportTracks responses byte for byte.

Routes (under ``/api/v2``): ``GET /fitnessActivities?page=N`` answers the captured list page N
(``tests/data/api/sporttracks_list_N.json``), ``GET /fitnessActivities/{id}`` the captured detail
``sporttracks_track_{id}.json``; anything else is a 404. Tests can also queue scripted answers
(status, headers, body, a delay, or a dropped connection) that are served first, whatever the
path, to produce each failure the client must handle. Every request is recorded.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

API_PREFIX = "/api/v2"


@dataclass
class Scripted:
    """One scripted answer."""

    status: int = 200
    body: bytes = b"{}"
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "application/json"})
    delay: float = 0.0
    drop: bool = False  # close the connection without answering


@dataclass
class Recorded:
    """One request the server received."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: bytes


class ReplayServer:
    """Serve ``data_dir``'s captured files on 127.0.0.1 at a random port (a context manager)."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.requests: list[Recorded] = []
        self._script: deque[Scripted] = deque()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self.root = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self.api_base = self.root + API_PREFIX
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, *answers: Scripted) -> None:
        """Queue answers served (in order) before the normal routes."""
        with self._lock:
            self._script.extend(answers)

    def captured(self, name: str) -> bytes:
        """The bytes of a captured file."""
        return (self.data_dir / name).read_bytes()

    def _route(self, method: str, path: str, query: dict[str, list[str]]) -> Scripted:
        with self._lock:
            if self._script:
                return self._script.popleft()
        not_found = Scripted(404, b'{"error": "not found"}')
        if method != "GET" or not path.startswith(API_PREFIX + "/fitnessActivities"):
            return not_found
        rest = path[len(API_PREFIX + "/fitnessActivities") :].removesuffix(".json")
        if rest in ("", "/"):
            name = f"sporttracks_list_{int(query.get('page', ['0'])[0])}.json"
        else:
            name = f"sporttracks_track_{rest.strip('/')}.json"
        file = self.data_dir / name
        if "/" in name or not file.is_file():
            return not_found
        return Scripted(200, file.read_bytes())

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _serve(self) -> None:
                parts = urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                query = parse_qs(parts.query)
                with server._lock:
                    server.requests.append(
                        Recorded(self.command, parts.path, query, dict(self.headers), body)
                    )
                answer = server._route(self.command, parts.path, query)
                if answer.delay:
                    time.sleep(answer.delay)
                if answer.drop:
                    self.close_connection = True
                    self.connection.close()
                    return
                try:
                    self.send_response(answer.status)
                    for key, value in answer.headers.items():
                        self.send_header(key, value)
                    self.send_header("Content-Length", str(len(answer.body)))
                    self.end_headers()
                    self.wfile.write(answer.body)
                except OSError:  # the client gave up waiting (a timeout test)
                    self.close_connection = True

            def do_GET(self) -> None:
                self._serve()

            def do_POST(self) -> None:
                self._serve()

            def do_PUT(self) -> None:
                self._serve()

            def do_DELETE(self) -> None:
                self._serve()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        return Handler
