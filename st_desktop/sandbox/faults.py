"""Fault switches: every behaviour of the real service that is uncertain or hostile, on demand.

Tests flip plain attributes (``server.faults.rate_limit = 2``) from their own thread while the
server answers requests on others. Booleans are read once per request, so flipping them is safe
as it is; the counters ("the next N requests") are decremented under a lock by :meth:`take`, so
two concurrent requests never both consume the last one.
"""

from __future__ import annotations

import threading
from typing import Literal

Counter = Literal[
    "rate_limit", "server_error", "token_error", "drop_before_store", "drop_after_store"
]
#: How ``tiles_off`` fails tile requests: "" (tiles on), "404", or "drop" the connection.
TilesOff = Literal["", "404", "drop"]


class Faults:
    """The sandbox's fault switches, all off by default (the observed behaviour).

    Attributes:
        expire_tokens: every access token is answered with 401 "expired" while on (refresh
            grants still work, but the new tokens are refused as well).
        revoke_tokens: access tokens are answered with 401 "revoked" and refresh grants fail with
            400 ``invalid_grant`` while on (the user must sign in again).
        rate_limit: answer the next N API requests with 429 and a ``Retry-After`` header.
        retry_after: seconds sent in ``Retry-After`` ("1", or "0.2" for fractions, to keep tests
            fast; the real header would carry whole seconds).
        server_error: answer the next N API requests with ``server_error_status``.
        server_error_status: the 5xx status used by ``server_error`` (503 by default).
        token_error: answer the next N requests to the token endpoint with 503.
        delay: seconds to wait before answering any request (slow network or server).
        drop_before_store: the next N writes (POST/PUT of a workout, fileUpload, POST/PUT of
            gear, POST of metrics) close the connection without any response, before storing.
        drop_after_store: the same, after storing (a lost response).
        offset_bug: write negative partial-hour offsets the service's broken way (``-2:-30``).
        utc_label: label every timestamp of a workout as UTC (``Z``) while keeping its local
            wall-clock digits (and report ``timezone`` 0), like the service's mislabelled workouts.
        non_monotonic_stream: in details, two adjacent offsets in the middle of every stream of
            three or more samples are swapped, so offsets go backwards once.
        non_json_errors: error responses (API and token endpoint) are an HTML page, not JSON.
        upload_bare_array: fileUpload answers a bare JSON array: the new workout uris on success,
            ``[]`` (status 200) for a file it cannot read.
        refresh_returns_new_token: a refresh grant returns a new refresh token (the old one stays
            valid either way); when off, the response has no ``refresh_token`` key.
        next_keeps_params: ``next``/``previous`` keep ``pageSize``, the date bounds and ``data``
            instead of only ``page`` (observed).
        empty_next_on_last_page: the last page carries ``"next": ""`` instead of leaving it out.
        upload_singular_path: fileUpload answers uris with the documented singular
            ``/fitnessActivity/{id}`` path (which this server, like a typo, does not serve).
        upload_file_offsets: fileUpload keeps the UTC offset the file itself records (a FIT's
            local time, an offset written in TCX/GPX times) and labels the rest UTC, instead of
            finding the ride's zone from its first position: GPX and TCX, whose times are UTC,
            then come back in UTC, as the service's do (contract Q2).
        upload_zero_size_on_bad_file: an unreadable upload gets 200
            ``{"fitnessActivities": {"size": 0, "uris": []}}`` instead of 400.
        tiles_off: map tiles fail: ``"404"`` answers every tile request with 404, ``"drop"``
            closes the connection without an answer; ``""`` (default) serves them.

    ``rate_limit``, ``server_error``, ``delay`` and ``non_json_errors`` apply to every API
    endpoint, ``/gear`` and ``/metrics`` included; ``drop_before_store`` / ``drop_after_store``
    to every write (workouts, uploads, gear, metrics). Tiles see only ``delay`` and ``tiles_off``.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """Switch every fault off again."""
        with self._lock:
            self.expire_tokens = False
            self.revoke_tokens = False
            self.rate_limit = 0
            self.retry_after = 1.0
            self.server_error = 0
            self.server_error_status = 503
            self.token_error = 0
            self.delay = 0.0
            self.drop_before_store = 0
            self.drop_after_store = 0
            self.offset_bug = False
            self.utc_label = False
            self.non_monotonic_stream = False
            self.non_json_errors = False
            self.upload_bare_array = False
            self.refresh_returns_new_token = True
            self.next_keeps_params = False
            self.empty_next_on_last_page = False
            self.upload_singular_path = False
            self.upload_zero_size_on_bad_file = False
            self.upload_file_offsets = False
            self.tiles_off: TilesOff = ""

    def take(self, counter: Counter) -> bool:
        """Consume one unit of a "next N requests" counter.

        Returns:
            True when the counter was positive (the fault applies to this request).
        """
        with self._lock:
            remaining = int(getattr(self, counter))
            if remaining <= 0:
                return False
            setattr(self, counter, remaining - 1)
            return True

    def retry_after_header(self) -> str:
        """The ``Retry-After`` value: whole seconds when integral, else a decimal."""
        value = max(0.0, float(self.retry_after))
        return str(int(value)) if value.is_integer() else f"{value:g}"
