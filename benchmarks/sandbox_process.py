"""A sandbox server in a child process, for benchmarks that measure the app's own process.

The server runs apart so its threads, its parsing of uploaded files and its memory do not count
against the process being measured (a real SportTracks server is on another machine too).

Usage::

    with SandboxProcess(tmp_dir, seed=None) as sandbox:
        sandbox.api_base, sandbox.token, sandbox.user_id
"""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
from pathlib import Path
from types import TracebackType
from typing import Any

START_TIMEOUT_S = 120.0


def _serve(
    conn: multiprocessing.connection.Connection, data_dir: str, options: dict[str, Any]
) -> None:
    from st_desktop.sandbox import SandboxServer

    with SandboxServer(Path(data_dir), **options) as server:
        token = server.issue_token()["access_token"]
        conn.send((server.api_base, token, server.user_id))
        conn.recv()  # anything (or the pipe closing) stops the server


class SandboxProcess:
    """Starts ``SandboxServer(data_dir, **options)`` in a spawned child process.

    Attributes (after ``start``): api_base, token (a bearer token), user_id.
    """

    def __init__(self, data_dir: Path, **options: Any) -> None:
        self.data_dir = Path(data_dir)
        self.options = options
        self.api_base = ""
        self.token = ""
        self.user_id = 0
        self._process: Any = None
        self._conn: multiprocessing.connection.Connection | None = None

    def start(self) -> SandboxProcess:
        context = multiprocessing.get_context("spawn")  # never fork a process that has Qt
        parent, child = context.Pipe()
        self._process = context.Process(
            target=_serve, args=(child, str(self.data_dir), self.options), daemon=True
        )
        self._process.start()
        if not parent.poll(START_TIMEOUT_S):
            self.stop()
            raise RuntimeError("the sandbox process did not start")
        self.api_base, self.token, self.user_id = parent.recv()
        self._conn = parent
        return self

    def stop(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(OSError):
                self._conn.send("stop")
            self._conn = None
        if self._process is not None:
            self._process.join(10)
            if self._process.is_alive():
                self._process.terminate()
            self._process = None

    def __enter__(self) -> SandboxProcess:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
