"""HTTP plumbing shared by the client and the OAuth code: URL policy, limits, retries, errors.

Every failure becomes one of the typed errors of :mod:`st_desktop.errors` with a sentence the user
can act on. Server-provided text quoted in a message is shortened and redacted first. The
transport itself (deadline, size cap, no redirects, one session per thread) is
:mod:`st_desktop.api.transport`; what it hands back is a :class:`Reply`.
"""

from __future__ import annotations

import ipaddress
import json
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from st_desktop import __version__
from st_desktop.api.redact import redact
from st_desktop.errors import (
    ApiError,
    AuthError,
    AuthExpiredError,
    BadResponseError,
    ClientRequestError,
    InsecureUrlError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)

USER_AGENT = f"st-desktop/{__version__}"

#: (connect, read) timeouts in seconds for ordinary calls and for file uploads. The read timeout
#: bounds each wait for bytes; the whole request is bounded by a deadline (see ``transport``).
DEFAULT_TIMEOUT: tuple[float, float] = (5.0, 30.0)
UPLOAD_TIMEOUT: tuple[float, float] = (5.0, 120.0)

#: Statuses worth retrying an idempotent request for.
RETRY_STATUSES = frozenset({429, 502, 503, 504})

MB = 1024 * 1024


class ResponseTooLargeError(BadResponseError):
    """The service sent more bytes than any real answer to this request could have."""

    default_message = (
        "SportTracks sent a response larger than expected; st-desktop stopped reading it."
    )


class RedirectRefusedError(BadResponseError):
    """The service (or something between) answered with a 3xx; redirects are never followed.

    Following one would resend the bearer token or the uploaded file to whatever host the
    ``Location`` names, and a 302 answering a PUT would turn into a GET that "succeeds".
    """

    default_message = (
        "SportTracks answered with a redirect instead of the data; st-desktop does not follow "
        "redirects from the API."
    )


@dataclass(frozen=True, repr=False)
class Reply:
    """A complete HTTP answer, read within its deadline and size cap.

    The attribute names follow ``requests.Response`` (``status_code``, ``headers``, ``content``,
    ``text``, ``json()``) so code written against that keeps working.

    Attributes:
        status_code: the HTTP status.
        headers: response headers (case-insensitive mapping).
        content: the body (for an error status, at most its first part).
        method: the request method.
        url: the request URL.
    """

    status_code: int
    headers: Mapping[str, str]
    content: bytes
    method: str
    url: str

    def __repr__(self) -> str:  # no body: it may hold tokens
        return f"<Reply {self.status_code} {self.method} {redact(self.url)} {len(self.content)} B>"

    @property
    def ok(self) -> bool:
        """True for a 2xx status."""
        return 200 <= self.status_code < 300

    @property
    def text(self) -> str:
        """The body decoded as UTF-8 (undecodable bytes replaced)."""
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        """The body parsed as JSON (raises ``ValueError`` when it is not)."""
        return json.loads(self.content)


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded exponential backoff with full jitter.

    Attributes:
        max_attempts: total tries, the first included.
        base_delay: delay before the second try; doubled for each further one.
        max_delay: cap on a single backoff delay.
        max_total: a retry is not started when the waiting so far plus the next delay exceeds this.
        max_retry_after: longest ``Retry-After`` we wait for ourselves; a longer one is reported to
            the user instead.
    """

    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_total: float = 30.0
    max_retry_after: float = 20.0

    def backoff(self, attempt: int, rng: random.Random | None = None) -> float:
        """Delay after failed try number ``attempt`` (1-based): uniform in [d/2, d]."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return (rng or random).uniform(ceiling / 2, ceiling)


NO_RETRY = RetryPolicy(max_attempts=1)


def is_loopback_host(host: str | None) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1."""
    if not host:
        return False
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_url(url: str) -> str:
    """Return ``url`` if it is https, or plain http to this computer.

    Raises:
        InsecureUrlError: any other scheme or host.
    """
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url
    if parts.scheme == "http" and is_loopback_host(parts.hostname):
        return url
    raise InsecureUrlError(
        f"Refusing to send your SportTracks data to {parts.scheme or '?'}://"
        f"{parts.hostname or '?'}: only https (or http to this computer) is allowed."
    )


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date); None if unusable."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())


def server_reason(response: Reply, limit: int = 160) -> str | None:
    """A short, redacted reason from an error body (``error``/``message`` of a JSON body)."""
    try:
        body = response.json()
    except ValueError:
        return None
    reason = ""
    if isinstance(body, dict):
        for key in ("error_description", "message", "error", "status"):
            value = body.get(key)
            if isinstance(value, str) and value.strip():
                reason = value
                break
    if not reason:
        return None
    reason = redact(" ".join(reason.split()))
    return reason if len(reason) <= limit else reason[: limit - 1] + "…"


def body_excerpt(response: Reply, limit: int = 200) -> str:
    """The start of a response body for technical detail (redacted, one line)."""
    text = response.content[: limit * 4].decode("utf-8", "replace")
    return redact(" ".join(text.split()))[:limit]


def error_for_response(response: Reply, what: str = "request") -> ApiError:
    """The typed error for a non-2xx response.

    Args:
        response: the failed response.
        what: what was being done, for the message ("loading the workout").
    """
    status = response.status_code
    reason = server_reason(response)
    detail = f"HTTP {status} for {response.method} {redact(response.url)}: " + body_excerpt(
        response
    )
    suffix = f": {reason}" if reason else "."
    if status == 401:
        return AuthExpiredError(detail=detail, status=status)
    if status == 403:
        return AuthError(
            f"SportTracks refused access while {what} (HTTP 403){suffix}",
            detail=detail,
            status=status,
        )
    if status == 404:
        return NotFoundError(detail=detail, status=status)
    if status == 429:
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        wait = f" Try again in {retry_after:.0f} s." if retry_after else ""
        return RateLimitedError(
            f"SportTracks is busy and asked us to wait before {what}.{wait}",
            detail=detail,
            retry_after=retry_after,
        )
    if status >= 500:
        return ServerError(
            f"SportTracks had a problem on its side while {what} (HTTP {status}). "
            "Please try again later.",
            detail=detail,
            status=status,
        )
    return ClientRequestError(
        f"SportTracks refused the request while {what} (HTTP {status}){suffix}",
        detail=detail,
        status=status,
    )


def error_for_exception(exc: BaseException, what: str = "request") -> ApiError:
    """The typed error for a transport failure (no usable response)."""
    detail = redact(f"{type(exc).__name__}: {exc}")
    if is_timeout(exc):
        return RequestTimeoutError(
            f"SportTracks did not answer in time while {what}. "
            "Check your connection and try again.",
            detail=detail,
        )
    if isinstance(exc, requests.ConnectionError | OSError):
        return OfflineError(
            f"SportTracks can't be reached while {what}. Check your internet connection.",
            detail=detail,
        )
    return ApiError(f"The request to SportTracks failed while {what}.", detail=detail)


def is_timeout(exc: BaseException) -> bool:
    """True when ``exc`` (or what it wraps) is a timeout.

    ``requests`` reports a read timeout met while streaming the body as a ``ConnectionError``
    wrapping urllib3's ``ReadTimeoutError``, so the wrapped arguments are looked at too.
    """
    if isinstance(exc, requests.Timeout | TimeoutError):
        return True
    return any(
        isinstance(arg, TimeoutError) or type(arg).__name__ == "ReadTimeoutError"
        for arg in getattr(exc, "args", ())
    )


def deadline_error(seconds: float, what: str, detail: str) -> RequestTimeoutError:
    """The error for a request that did not finish within its deadline."""
    return RequestTimeoutError(
        f"SportTracks did not answer in time while {what} (st-desktop gives up after "
        f"{seconds:.0f} s). Check your connection and try again.",
        detail=redact(detail),
    )


def redirect_error(status: int, method: str, url: str, location: str | None, what: str) -> ApiError:
    """The error for a 3xx answer: never followed (see :class:`RedirectRefusedError`)."""
    return RedirectRefusedError(
        f"SportTracks answered with a redirect ({status}) instead of the data while {what}; "
        "st-desktop does not follow redirects from the API.",
        detail=redact(f"HTTP {status} for {method} {url} -> Location: {location or '(none)'}"),
        status=status,
    )


def too_large_error(limit: int, what: str, detail: str) -> ResponseTooLargeError:
    """The error for a body beyond the cap of this kind of request."""
    return ResponseTooLargeError(
        f"SportTracks sent a response larger than {_megabytes(limit)} while {what}; "
        "st-desktop stopped reading it.",
        detail=redact(detail),
    )


def _megabytes(size: int) -> str:
    if size < MB:
        return f"{size / 1024:.0f} KB"
    return f"{size / MB:.0f} MB"


def json_body(response: Reply, what: str = "request") -> Any:
    """The decoded JSON of a 2xx response.

    Raises:
        BadResponseError: the body is not JSON (e.g. an HTML error page from a proxy).
    """
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise BadResponseError(
            f"SportTracks sent a response this app does not understand while {what} "
            "(it was not JSON).",
            detail=f"HTTP {response.status_code}: {body_excerpt(response)}",
            status=response.status_code,
        ) from exc


def bad_shape(what: str, detail: str) -> BadResponseError:
    """The error for JSON that does not have the shape the contract describes."""
    return BadResponseError(
        f"SportTracks sent a response this app does not understand while {what}.",
        detail=redact(detail)[:300],
    )
