"""Deadlines that hold whatever the server does: a timer shuts the request's socket down.

``requests``' read timeout only bounds each wait for bytes (urllib3's ``Timeout`` docs: "if a
server streams one byte every fifteen seconds, a timeout of 20 seconds will not trigger"). A
:class:`Watchdog` ends a request at its deadline instead: the connections of a session with
:class:`DeadlineAdapter` attach their sockets to the watchdog of the request the thread is making,
which shuts them down when the deadline passes (while connecting, sending, waiting for the
headers or streaming the body). :func:`st_desktop.api.transport.fetch` uses both.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import Any

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

_active = threading.local()  # the Watchdog of the request this thread is making, if any


class Watchdog:
    """Ends one request at its deadline by shutting its socket down from a timer thread.

    A blocked ``recv``/``send`` then returns at once and the request fails; :func:`fetch` sees
    :attr:`expired` and reports a timeout. Use as a context manager around the request in the
    thread making it: connections used meanwhile attach themselves.
    """

    def __init__(self, seconds: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._clock = clock
        self._end = clock() + seconds
        self._lock = threading.Lock()
        self._sockets: list[Any] = []
        self._fired = False
        self._finished = False
        self._timer = threading.Timer(max(0.0, seconds), self._fire)
        self._timer.daemon = True
        self._timer.name = "st-desktop request deadline"

    @property
    def expired(self) -> bool:
        """True once the deadline has passed."""
        return self._fired or self._clock() >= self._end

    @property
    def fired(self) -> bool:
        """True when the deadline passed while the request was running (sockets were shut)."""
        return self._fired

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self._end - self._clock())

    def attach(self, sock: Any) -> None:
        """Watch ``sock`` (shut it down at once when the deadline already passed).

        The socket itself is kept, not its connection: a connection answered with
        "Connection: close" drops its ``sock`` while the response still reads from it.
        """
        with self._lock:
            if self._finished:
                return
            if self._fired:
                _shutdown(sock)
            elif all(sock is not known for known in self._sockets):
                self._sockets.append(sock)

    def __enter__(self) -> Watchdog:
        _active.watchdog = self
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()
        _active.watchdog = None
        with self._lock:
            self._finished = True  # a late timer must not touch a connection reused since
            self._sockets.clear()

    def _fire(self) -> None:
        with self._lock:
            if self._finished:
                return
            self._fired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: Any) -> None:
    try:
        if isinstance(sock, socket.socket):
            # The plain socket call, also for TLS: ssl.SSLSocket.shutdown would first drop its
            # TLS state under the feet of the thread blocked in it.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        else:
            sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to stop


def _attach_current(connection: HTTPConnection) -> None:
    watchdog: Watchdog | None = getattr(_active, "watchdog", None)
    if watchdog is not None and connection.sock is not None:
        watchdog.attach(connection.sock)


def _attach_new(sock: socket.socket) -> socket.socket:
    watchdog: Watchdog | None = getattr(_active, "watchdog", None)
    if watchdog is not None:
        watchdog.attach(sock)  # before any TLS handshake or proxy tunnel runs over it
    return sock


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        return _attach_new(super()._new_conn())

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach_current(self)  # a kept-alive connection does not connect again
        super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    def _new_conn(self) -> socket.socket:
        return _attach_new(super()._new_conn())

    def request(self, *args: Any, **kwargs: Any) -> None:
        _attach_current(self)
        super().request(*args, **kwargs)


class _WatchedHTTPPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedHTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": _WatchedHTTPPool,
    "https": _WatchedHTTPSPool,
}


class DeadlineAdapter(HTTPAdapter):
    """An ``HTTPAdapter`` whose connections let a :class:`Watchdog` end them."""

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        """Build the pool manager with watched connection pools."""
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOL_CLASSES)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        """The proxy manager, with watched pools (SOCKS keeps its own: chunk checks remain)."""
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):
            manager.pool_classes_by_scheme = dict(_POOL_CLASSES)
        return manager


def install_adapters(session: requests.Session) -> requests.Session:
    """Mount :class:`DeadlineAdapter` for http and https on ``session``; returns it."""
    for prefix in ("https://", "http://"):
        if not isinstance(session.get_adapter(prefix), DeadlineAdapter):
            session.mount(prefix, DeadlineAdapter())
    return session


def new_session() -> requests.Session:
    """A ``requests.Session`` with deadline-aware adapters."""
    return install_adapters(requests.Session())
