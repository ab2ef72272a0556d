"""One API call: the request, its retries and a token renewal, within a deadline.

:class:`ApiCalls` is the policy under :class:`~st_desktop.api.client.SportTracksClient`'s
endpoint methods (contract section 2): every call ends with a 2xx answer or a typed error of
:mod:`st_desktop.errors` by its deadline. Idempotent requests are retried with jittered
exponential backoff on transport failures, 429 (honouring ``Retry-After``) and 502/503/504,
within a bounded number of tries and the call's time; any request is tried once more after a
401 that a token renewal fixed. Each try goes through :func:`~st_desktop.api.transport.fetch`
(deadline, size cap, no redirects).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from st_desktop.api.http import (
    NO_RETRY,
    RETRY_STATUSES,
    USER_AGENT,
    Reply,
    RetryPolicy,
    check_url,
    deadline_error,
    error_for_response,
)
from st_desktop.api.oauth import Auth
from st_desktop.api.redact import redact, redact_headers
from st_desktop.api.transport import PAGE_LIMIT, SessionPool, fetch
from st_desktop.errors import (
    ApiError,
    AuthRevokedError,
    OfflineError,
    RateLimitedError,
    ServerError,
)

log = logging.getLogger(__name__)


class ApiCalls:
    """Makes API calls for a client; safe to share between threads (one session each).

    Args:
        auth: gives the ``Authorization`` header and renews it.
        sessions: the client's HTTP sessions.
        retry: the backoff policy for idempotent requests.
        timeout: default (connect, read) seconds for each connection attempt and wait for bytes.
        sleep: waits between retries.
        clock: monotonic clock bounding the total retry time and the call's deadline.
        deadline: default seconds a call may take in all, retries included.
    """

    def __init__(
        self,
        auth: Auth,
        sessions: SessionPool,
        *,
        retry: RetryPolicy,
        timeout: tuple[float, float],
        sleep: Callable[[float], object],
        clock: Callable[[], float],
        deadline: float,
    ) -> None:
        self._auth = auth
        self._sessions = sessions
        self._retry = retry
        self._timeout = timeout
        self._sleep = sleep
        self._clock = clock
        self._deadline = deadline

    def request(
        self,
        method: str,
        url: str,
        what: str,
        *,
        retry: bool = True,
        timeout: tuple[float, float] | None = None,
        ok_on_retry: set[int] | frozenset[int] = frozenset(),
        limit: int = PAGE_LIMIT,
        deadline: float | None = None,
        headers: Mapping[str, str] | None = None,
        **kwargs: Any,
    ) -> Reply:
        """One API call: the request, its retries and a token renewal, within ``deadline``.

        Args:
            method, url, what: the request and what it does (for messages).
            retry: retry on transient failures (idempotent requests only).
            timeout: (connect, read) seconds; default the client's.
            ok_on_retry: statuses that count as success on a retried try.
            limit: largest body accepted (bytes).
            deadline: seconds for the whole call; default the client's.
            headers: extra request headers.
            **kwargs: passed on to ``requests`` (``params``, ``data``, ``json``).
        """
        check_url(url)
        policy = self._retry if retry else NO_RETRY
        budget = self._deadline if deadline is None else deadline
        started = self._clock()
        options = {"limit": limit, "timeout": timeout or self._timeout, **kwargs}
        attempt, renewed = 0, False
        error: ApiError | None = None
        while True:
            remaining = budget - (self._clock() - started)
            if remaining <= 0:
                raise error or deadline_error(budget, what, f"{method} {url}: no time left")
            attempt += 1
            header = self._auth.authorization()
            try:
                response = self._fetch(method, url, what, header, headers, remaining, options)
            except OfflineError as exc:  # a transport failure (timeouts included) may be retried
                error = exc
                log.info("%s %s failed (try %d): %s", method, redact(url), attempt, error.detail)
            else:
                log.info("%s %s -> %d (try %d)", method, redact(url), response.status_code, attempt)
                status = response.status_code
                if 200 <= status < 300 or (attempt > 1 and status in ok_on_retry):
                    return response
                if status == 401:
                    self._renew(header, renewed)
                    renewed = True
                    attempt -= 1  # the renewal try does not use up a retry
                    continue
                error = error_for_response(response, what)
            delay = self._retry_delay(error, attempt, policy, started)
            if delay is None or self._clock() - started + delay >= budget:
                raise error
            log.info("Retrying %s %s in %.1f s", method, redact(url), delay)
            self._sleep(delay)

    def _fetch(
        self,
        method: str,
        url: str,
        what: str,
        header: str,
        headers: Mapping[str, str] | None,
        remaining: float,
        options: dict[str, Any],
    ) -> Reply:
        """One try, signed in with ``header``, within ``remaining`` seconds (``options``: the
        size limit, timeouts and ``requests`` arguments)."""
        sent = {"Authorization": header, "Accept": "application/json", **(headers or {})}
        sent["User-Agent"] = USER_AGENT
        log.debug("%s %s headers=%s", method, redact(url), redact_headers(sent))
        return fetch(
            self._sessions.session(),
            method,
            url,
            what=what,
            deadline=remaining,
            headers=sent,
            **options,
        )

    def _renew(self, header: str, renewed: bool) -> None:
        """After a 401, renew the sign-in sent as ``header``; a second 401 after a renewal means
        the service no longer accepts it.

        Raises:
            AuthRevokedError: the sign-in was renewed already.
        """
        if renewed:
            raise AuthRevokedError(
                "SportTracks still rejected the sign-in after renewing it. Please sign in again.",
                status=401,
            )
        self._auth.handle_unauthorized(header)

    def _retry_delay(
        self, error: ApiError, attempt: int, policy: RetryPolicy, started: float
    ) -> float | None:
        """Seconds to wait before trying again after ``error``, None when it is not retried."""
        retryable = isinstance(error, OfflineError | RateLimitedError) or (
            isinstance(error, ServerError) and error.status in RETRY_STATUSES
        )
        if not retryable or attempt >= policy.max_attempts:
            return None
        delay = policy.backoff(attempt)
        if isinstance(error, RateLimitedError) and error.retry_after is not None:
            if error.retry_after > policy.max_retry_after:
                return None  # too long to wait silently: the user sees when to try again
            delay = error.retry_after
        if self._clock() - started + delay > policy.max_total:
            return None
        return delay
