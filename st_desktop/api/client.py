"""The SportTracks REST client (contract sections 2-5), over ``requests``, thread-safe.

Every call ends either with a result or with one of the typed errors of :mod:`st_desktop.errors`,
within a deadline (45 s for an ordinary call, retries included; uploads scaled by size, see
:func:`~st_desktop.api.transport.upload_deadline`) and a size cap per kind of answer, and never
follows a redirect (see :mod:`st_desktop.api.transport`). GET, PUT and DELETE are retried with
jittered exponential backoff on connection errors, 429 (honouring ``Retry-After``) and
502/503/504, within a bounded number of tries and the call's time. POST (create, file upload) is
never retried blindly: the upload queue reconciles instead. Any request is retried once after a
401 that a token refresh fixed (the refresh has its own deadline).

Workouts are addressed by id or by the absolute ``uri`` the service returns; either way the
request goes to *this* client's base URL, so the bearer token is never sent to another host.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Literal
from urllib.parse import quote

import requests

from st_desktop.api.calls import ApiCalls
from st_desktop.api.form import form_body
from st_desktop.api.http import (
    DEFAULT_TIMEOUT,
    UPLOAD_TIMEOUT,
    RetryPolicy,
    bad_shape,
    check_url,
    json_body,
)
from st_desktop.api.oauth import Auth
from st_desktop.api.transport import (
    DEADLINE_S,
    PAGE_LIMIT,
    WORKOUT_LIMIT,
    SessionPool,
    upload_deadline,
)
from st_desktop.api.wire import WorkoutPage, parse_page, parse_uris
from st_desktop.domain.timeutil import format_timestamp
from st_desktop.domain.units import lenient_int
from st_desktop.domain.workout import Workout, WorkoutSummary, workout_id
from st_desktop.errors import ApiError, ClientRequestError

UploadFormat = Literal["FIT", "TCX", "GPX"]
UPLOAD_FORMATS: tuple[str, ...] = ("FIT", "TCX", "GPX")
DEFAULT_PAGE_SIZE = 25


class UploadRejectedError(ClientRequestError):
    """The service took the file but made no workout of it."""

    default_message = (
        "SportTracks created no workout from this file: it may already be uploaded or hold no "
        "activity."
    )


class SportTracksClient:
    """Client for ``/api/v2``. Safe to share between worker threads (one HTTP session each).

    Args:
        base_url: the API base, e.g. ``https://api.sporttracks.mobi/api/v2`` (plain http only to
            this computer).
        auth: gives the ``Authorization`` header and renews it (an ``OAuthSession``).
        session: a ``requests.Session`` to share between all threads instead of one per thread
            (the caller vouches for that; deadline adapters are mounted on it).
        retry: the backoff policy for idempotent requests.
        timeout: (connect, read) seconds for each connection attempt and each wait for bytes of
            ordinary calls; ``upload_timeout`` likewise for file uploads.
        sleep: waits between retries (injected by tests).
        clock: monotonic clock bounding the total retry time and the call's deadline.
        deadline: seconds an ordinary call may take in all, retries included.
        upload_deadline: seconds a file upload may take, from the size of the request body.
    """

    def __init__(
        self,
        base_url: str,
        auth: Auth,
        session: requests.Session | None = None,
        *,
        retry: RetryPolicy | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        upload_timeout: tuple[float, float] = UPLOAD_TIMEOUT,
        sleep: Callable[[float], object] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        deadline: float = DEADLINE_S,
        upload_deadline: Callable[[int], float] = upload_deadline,
    ) -> None:
        self.base_url = check_url(base_url.rstrip("/"))
        self.auth = auth
        self._sessions = SessionPool(session)
        self._calls = ApiCalls(
            auth,
            self._sessions,
            retry=retry or RetryPolicy(),
            timeout=timeout,
            sleep=sleep,
            clock=clock,
            deadline=deadline,
        )
        self._upload_timeout = upload_timeout
        self._upload_deadline = upload_deadline

    def close(self) -> None:
        """Close the HTTP sessions (connections); the client stays usable and reconnects."""
        self._sessions.close()

    def __enter__(self) -> SportTracksClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ workouts

    def workout_url(self, id_or_uri: str | int) -> str:
        """The URL of a workout on this client's service, from its id or any ``uri`` of it."""
        ident = workout_id(id_or_uri)
        if not ident or ident in (".", ".."):
            raise ValueError(f"not a workout id or uri: {id_or_uri!r}")
        return f"{self.base_url}/fitnessActivities/{quote(ident, safe='')}"

    def list_workouts(
        self,
        page: int = 0,
        page_size: int = DEFAULT_PAGE_SIZE,
        no_earlier_than: datetime | None = None,
        no_later_than: datetime | None = None,
    ) -> WorkoutPage:
        """One page of the workout list, newest first, with summary figures.

        Args:
            page: zero-based page index.
            page_size: workouts per page.
            no_earlier_than, no_later_than: bounds on the start time (naive means UTC).
        """
        if page < 0 or page_size < 1:
            raise ValueError("page must be >= 0 and page_size >= 1")
        params: dict[str, str | int] = {"page": page, "pageSize": page_size, "data": "summary"}
        if no_earlier_than is not None:
            params["noEarlierThan"] = _utc_text(no_earlier_than)
        if no_later_than is not None:
            params["noLaterThan"] = _utc_text(no_later_than)
        what = "loading the workout list"
        response = self._calls.request(
            "GET", f"{self.base_url}/fitnessActivities", what, params=params, limit=PAGE_LIMIT
        )
        return parse_page(json_body(response, what), page, page_size)

    def iter_workouts(
        self,
        page_size: int = DEFAULT_PAGE_SIZE,
        no_earlier_than: datetime | None = None,
        no_later_than: datetime | None = None,
    ) -> Iterator[WorkoutSummary]:
        """Every matching workout, fetching pages lazily by counting them (never via ``next``).

        Stops at a short or empty page, at the total the service reported, or at a page that
        brings nothing new (a server ignoring ``page`` cannot make this loop for ever).
        """
        seen: set[str] = set()
        page = 0
        while True:
            result = self.list_workouts(page, page_size, no_earlier_than, no_later_than)
            fresh = [item for item in result.items if (item.uri or id(item)) not in seen]
            seen.update(item.uri for item in fresh if item.uri)
            yield from fresh
            if not result.has_next or not fresh:
                return
            page += 1

    def get_workout(self, id_or_uri: str | int, *, streams: bool = True) -> Workout:
        """The full workout: scalars, laps, timer stops and streams.

        Args:
            id_or_uri: the workout.
            streams: False leaves the samples undecoded (``Workout.streams`` empty), in the JSON
                that :meth:`update_workout` sends back: for changing a few fields.

        Raises:
            NotFoundError: no such workout (deleted meanwhile?).
        """
        what = "loading the workout"
        response = self._calls.request(
            "GET", self.workout_url(id_or_uri), what, limit=WORKOUT_LIMIT
        )
        body = json_body(response, what)
        if not isinstance(body, Mapping):
            raise bad_shape(what, f"workout body is a {type(body).__name__}, not an object")
        return Workout.from_json(body, streams=streams)

    def create_workout(self, workout: Workout) -> str:
        """Create a workout from JSON (e.g. :meth:`Workout.new`) and return its ``uri``.

        Never retried: after a failure, check the list before trying again.
        """
        if workout.start_time is None:
            raise ClientRequestError("A workout needs a start time before it can be saved.")
        what = "creating the workout"
        response = self._calls.request(
            "POST", f"{self.base_url}/fitnessActivities", what, json=workout.to_json(), retry=False
        )
        uris = parse_uris(json_body(response, what), what)
        if not uris:
            raise bad_shape(what, "the answer lists no new workout")
        return uris[0]

    def update_workout(self, id_or_uri: str | int, workout: Workout) -> str:
        """Replace a workout with ``workout`` (the whole object: read, edit, write back).

        Returns:
            The workout's ``uri`` as the service reports it (or as we addressed it).
        """
        what = "saving the workout"
        url = self.workout_url(id_or_uri)
        response = self._calls.request("PUT", url, what, json=workout.wire_body())
        try:
            uris = parse_uris(json_body(response, what), what)
        except ApiError:  # the change is made; an odd confirmation body does not undo it
            uris = []
        return uris[0] if uris else (workout.uri or url)

    def delete_workout(self, id_or_uri: str | int) -> None:
        """Delete a workout.

        A 404 on a *retried* DELETE counts as done: the first try deleted it and its answer was
        lost on the way.

        Raises:
            NotFoundError: the workout did not exist.
        """
        self._calls.request(
            "DELETE", self.workout_url(id_or_uri), "deleting the workout", ok_on_retry={404}
        )

    def upload_file(
        self, data: bytes, fmt: UploadFormat | str, name: str | None = None
    ) -> list[str]:
        """Import a FIT, TCX or GPX file; returns the ``uri`` of each workout created.

        The file goes form-encoded (FIT as base64, contract section 5). Never retried.

        Raises:
            UploadRejectedError: the service created no workout from the file.
        """
        fmt = fmt.upper()
        if fmt not in UPLOAD_FORMATS:
            raise ValueError(f"upload format must be one of {', '.join(UPLOAD_FORMATS)}")
        payload = base64.b64encode(data) if fmt == "FIT" else data
        form: dict[str, str | bytes] = {"format": fmt, "data": payload}
        if name:
            form["name"] = name
        what = "uploading the file"
        body = form_body(form)  # what goes on the wire: the deadline scales with it
        response = self._calls.request(
            "POST",
            f"{self.base_url}/fileUpload",
            what,
            data=body,
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            retry=False,
            timeout=self._upload_timeout,
            deadline=self._upload_deadline(len(body)),
        )
        uris = parse_uris(json_body(response, what), what)
        if not uris:
            raise UploadRejectedError(detail=f"HTTP {response.status_code}: no uris")
        return uris

    def connect(self) -> int | None:
        """The SportTracks user id of the signed-in account (``POST /system/connect``)."""
        what = "checking the account"
        response = self._calls.request("POST", f"{self.base_url}/system/connect", what, retry=False)
        body = json_body(response, what)
        user = body.get("user") if isinstance(body, Mapping) else None
        return lenient_int(user.get("uid")) if isinstance(user, Mapping) else None

    # ------------------------------------------------------------------ transport

    def request_json(self, method: str, url: str, what: str, **kwargs: Any) -> Any:
        """One JSON request through this client's transport (auth, retries, typed errors).

        For endpoints this class has no method of its own for (gear, health metrics).

        Args:
            url: must be on this client's service (a URL a response named is never followed
                elsewhere).
            what: the action in words, for error sentences ("loading your gear").
            kwargs: passed to the request (``params``, ``json``, ``retry``).

        Raises:
            ValueError: ``url`` is not on this client's service.
            ApiError: any failure, typed.
        """
        check_url(url)
        if not url.startswith(self.base_url + "/"):
            raise ValueError("request_json only talks to this client's service")
        return json_body(self._calls.request(method, url, what, **kwargs), what)


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_timestamp(moment.astimezone(UTC))
