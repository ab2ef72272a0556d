"""The wary HTTP transport under the client and the token endpoint.

Every request made through :func:`fetch`:

- ends by a **deadline** whatever the server does. ``requests``' read timeout only bounds each
  wait for bytes (urllib3's ``Timeout`` docs: "if a server streams one byte every fifteen
  seconds, a timeout of 20 seconds will not trigger"), so a :class:`Watchdog` shuts the
  request's socket down when the deadline passes: while connecting, sending, waiting for the
  headers or streaming the body. The body is also read in chunks against the same deadline.
- reads at most a **size cap** of body: a Content-Length above it is refused before reading,
  and a longer stream is abandoned at the cap, so memory stays bounded by the cap.
- never **follows a redirect**: a 3xx is a :class:`~st_desktop.api.http.RedirectRefusedError`.

DNS resolution happens before any socket exists and is outside the watchdog's reach (Python's
resolver ignores socket timeouts); the connect timeout bounds each connection attempt.
"""

from __future__ import annotations

import logging
import socket
import threading
import time
import weakref
from collections.abc import Callable
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from st_desktop.api.http import (
    DEFAULT_TIMEOUT,
    MB,
    Reply,
    deadline_error,
    error_for_exception,
    redirect_error,
    too_large_error,
)
from st_desktop.api.redact import redact
from st_desktop.errors import ApiError

log = logging.getLogger(__name__)

#: Longest an ordinary request may take, from connecting to the last byte of the body.
DEADLINE_S = 45.0

# Size caps, each far above any real answer of its kind and far below what would hurt:
#: A workout detail: a 24-hour recording at 1 s with every stream is about 15 MB of JSON.
WORKOUT_LIMIT = 64 * MB
#: A list page (25 summaries are ~25 KB; even pageSize=1000 stays near 1 MB), or any other
#: answer (create/update/upload confirmations, gear, metrics).
PAGE_LIMIT = 16 * MB
#: A token response is a few hundred bytes of JSON.
TOKEN_LIMIT = 64 * 1024
#: Of an error answer only the first part is read: only a short reason is ever quoted from it.
ERROR_BODY_LIMIT = 64 * 1024

CHUNK_SIZE = 64 * 1024

# Uploads: the deadline grows with the body. 32 KiB/s is a poor mobile uplink; 60 s covers the
# server parsing the file before it answers. A 200 KB GPX gets 66 s, a 10 MB FIT (13 MB as
# base64) 7.8 minutes; nothing waits more than an hour.
UPLOAD_BASE_S = 60.0
UPLOAD_MIN_RATE = 32 * 1024
UPLOAD_MAX_S = 3600.0


def upload_deadline(body_bytes: int) -> float:
    """Deadline for sending ``body_bytes``: ``min(3600, 60 + body_bytes / 32768)`` seconds."""
    return min(UPLOAD_MAX_S, UPLOAD_BASE_S + body_bytes / UPLOAD_MIN_RATE)


# ----------------------------------------------------------------------------- watchdog

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


# ----------------------------------------------------------------------------- sessions


class _Slot:
    """Holds one thread's session; when the thread ends, the slot goes and the session closes."""

    __slots__ = ("__weakref__", "session")

    def __init__(self, session: requests.Session) -> None:
        self.session = session


class SessionPool:
    """One ``requests.Session`` per thread, all closed by :meth:`close`.

    ``requests`` does not promise that a ``Session`` may be shared between threads: psf/requests
    issue #2766 ("Document threading contract for Session class") was closed without such a
    promise, with maintainers recommending a session per thread, and #4941 reports results
    leaking between concurrent requests on one session. urllib3's pools are thread-safe, but the
    session's cookie jar, adapters and settings are plain mutable state. So each worker thread
    gets its own session (keeping keep-alive reuse within the thread); a thread's session is
    closed when the thread ends, and every one still open when :meth:`close` is called.

    Args:
        shared: a session to use in every thread instead (the caller vouches for sharing it; it
            gets deadline adapters mounted and is not closed here).
    """

    def __init__(self, shared: requests.Session | None = None) -> None:
        self._shared = install_adapters(shared) if shared is not None else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._finalizers: list[weakref.finalize[Any, Any]] = []

    def session(self) -> requests.Session:
        """This thread's session (created on first use)."""
        if self._shared is not None:
            return self._shared
        slot: _Slot | None = getattr(self._local, "slot", None)
        if slot is None:
            slot = _Slot(new_session())
            finalizer = weakref.finalize(slot, _close_quietly, slot.session)
            with self._lock:
                self._finalizers = [f for f in self._finalizers if f.alive]
                self._finalizers.append(finalizer)
            self._local.slot = slot
        return slot.session

    def close(self) -> None:
        """Close every session made here; threads using the pool later get new ones."""
        with self._lock:
            finalizers, self._finalizers = self._finalizers, []
        self._local = threading.local()
        for finalizer in finalizers:
            finalizer()


def _close_quietly(session: requests.Session) -> None:
    try:
        session.close()
    except Exception:  # closing is best effort: the process may be shutting down
        log.debug("closing an HTTP session failed", exc_info=True)


# ----------------------------------------------------------------------------- fetch


def fetch(
    session: requests.Session,
    method: str,
    url: str,
    *,
    what: str,
    deadline: float = DEADLINE_S,
    limit: int = PAGE_LIMIT,
    timeout: tuple[float, float] = DEFAULT_TIMEOUT,
    **kwargs: Any,
) -> Reply:
    """Make one request and read its whole answer, within ``deadline`` seconds and ``limit`` bytes.

    Args:
        session: the session to send it with (its adapters should be :class:`DeadlineAdapter`).
        method, url: the request.
        what: what is being done, for messages ("loading the workout").
        deadline: seconds from now by which the answer must be complete.
        limit: largest body accepted for a 2xx answer; error bodies are cut to
            :data:`ERROR_BODY_LIMIT` instead.
        timeout: (connect, read) seconds for each connection attempt and each wait for bytes.
        **kwargs: passed to ``session.request`` (``headers``, ``params``, ``data``, ``json``).

    Returns:
        The answer, whatever its status (the caller maps error statuses).

    Raises:
        RequestTimeoutError: the deadline passed, or the server stopped sending.
        OfflineError: the connection failed.
        RedirectRefusedError: a 3xx answer.
        ResponseTooLargeError: a 2xx body larger than ``limit``.
    """
    with Watchdog(deadline) as watchdog:
        connect, read = (min(t, max(watchdog.remaining(), 0.001)) for t in timeout)
        try:
            response = session.request(
                method,
                url,
                stream=True,
                allow_redirects=False,
                timeout=(connect, read),
                **kwargs,
            )
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise _failure(exc, watchdog, what) from None
        try:
            status = response.status_code
            if 300 <= status < 400:
                raise redirect_error(
                    status, method, url, response.headers.get("Location"), what
                ) from None
            ok = 200 <= status < 300
            body = _read_body(response, watchdog, limit if ok else ERROR_BODY_LIMIT, ok, what)
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise _failure(exc, watchdog, what) from None
        finally:
            response.close()
        # A cut Content-Length or chunked body raised above; one delimited by the connection
        # closing just ends, so a shut-down socket means the body may be incomplete.
        delimited = "Content-Length" in response.headers or "chunked" in response.headers.get(
            "Transfer-Encoding", ""
        )
        if watchdog.fired and not delimited:
            raise deadline_error(deadline, what, f"{method} {url}: the body was cut short")
    return Reply(status, response.headers, body, method, url)


def _read_body(
    response: requests.Response, watchdog: Watchdog, limit: int, strict: bool, what: str
) -> bytes:
    """The body, at most ``limit`` bytes: beyond it raise (``strict``) or keep the start."""
    declared = response.headers.get("Content-Length", "")
    if strict and declared.isdigit() and int(declared) > limit:
        raise too_large_error(limit, what, f"Content-Length {declared} > {limit}")
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(CHUNK_SIZE):
        if watchdog.expired:
            raise deadline_error(watchdog.seconds, what, f"{size} bytes read when time ran out")
        size += len(chunk)
        if size > limit:
            if strict:
                raise too_large_error(limit, what, f"more than {limit} bytes (no or lying length)")
            chunks.append(chunk[: limit - (size - len(chunk))])
            break
        chunks.append(chunk)
    return b"".join(chunks)


def _failure(exc: BaseException, watchdog: Watchdog, what: str) -> ApiError:
    if isinstance(exc, ApiError):
        return exc
    if watchdog.expired:
        return deadline_error(watchdog.seconds, what, f"{type(exc).__name__}: {exc}")
    error = error_for_exception(exc, what)
    log.debug("transport failure: %s", redact(f"{type(exc).__name__}: {exc}"))
    return error
