"""The wary HTTP transport under the client and the token endpoint.

Every request made through :func:`fetch`:

- ends by a **deadline** whatever the server does. ``requests``' read timeout only bounds each
  wait for bytes (urllib3's ``Timeout`` docs: "if a server streams one byte every fifteen
  seconds, a timeout of 20 seconds will not trigger"), so a :class:`Watchdog` shuts the
  request's socket down when the deadline passes: while connecting, sending, waiting for the
  headers or streaming the body (:mod:`st_desktop.api.watchdog`). The body is also read in
  chunks against the same deadline.
- reads at most a **size cap** of body: a Content-Length above it is refused before reading,
  and a longer stream is abandoned at the cap, so memory stays bounded by the cap.
- never **follows a redirect**: a 3xx is a :class:`~st_desktop.api.http.RedirectRefusedError`.

DNS resolution happens before any socket exists and is outside the watchdog's reach (Python's
resolver ignores socket timeouts); the connect timeout bounds each connection attempt.
"""

from __future__ import annotations

import logging
import threading
import weakref
from typing import Any

import requests
import urllib3

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
from st_desktop.api.watchdog import DeadlineAdapter, Watchdog, install_adapters, new_session
from st_desktop.errors import ApiError

__all__ = [
    "CHUNK_SIZE",
    "DEADLINE_S",
    "ERROR_BODY_LIMIT",
    "PAGE_LIMIT",
    "TOKEN_LIMIT",
    "WORKOUT_LIMIT",
    "DeadlineAdapter",
    "SessionPool",
    "Watchdog",
    "fetch",
    "install_adapters",
    "new_session",
    "upload_deadline",
]

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
        return _answer(response, watchdog, method, url, what, limit)


def _answer(
    response: requests.Response, watchdog: Watchdog, method: str, url: str, what: str, limit: int
) -> Reply:
    """The whole answer to a request sent (see :func:`fetch`); the response is closed after."""
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
        raise deadline_error(watchdog.seconds, what, f"{method} {url}: the body was cut short")
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
