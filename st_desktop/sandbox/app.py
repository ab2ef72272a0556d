"""The sandbox's WSGI application: routing, guards, fault injection and the activity endpoints.

Every ``/api/v2`` route answers with and without a ``.json`` suffix (section 0, Q11) and needs a
bearer token: workouts and uploads here, ``/gear`` in :mod:`~st_desktop.sandbox.gear`,
``/metrics`` in :mod:`~st_desktop.sandbox.metrics`. Map tiles (``/tiles/...``,
:mod:`~st_desktop.sandbox.tiles`) and the OAuth pages need none. Absolute URLs in responses are
built from the request's own host, so they point at this server however it was reached; only
hosts naming this computer are served (:mod:`~st_desktop.sandbox.guard`). Ids beyond SQLite's
integer range name nothing (404) and page numbers beyond 2**31 - 1 are refused (400): neither
can reach a query and end as a 500. Anything unforeseen still ends as a JSON 500, logged.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from st_desktop.sandbox import wire
from st_desktop.sandbox.gear import GearEndpoints
from st_desktop.sandbox.guard import host_problem
from st_desktop.sandbox.ingest import IngestError, normalize_workout
from st_desktop.sandbox.metrics import MetricEndpoints
from st_desktop.sandbox.oauth import DEFAULT_CALLBACK, OAuth
from st_desktop.sandbox.params import json_body, page_args, time_arg
from st_desktop.sandbox.responses import error_response, html_page, json_response
from st_desktop.sandbox.store import Store
from st_desktop.sandbox.tiles import TileDropped, TileService
from st_desktop.sandbox.upload import UploadError, parse_upload, read_upload

if TYPE_CHECKING:
    from _typeshed.wsgi import StartResponse, WSGIEnvironment

    from st_desktop.sandbox.faults import Counter, Faults

log = logging.getLogger(__name__)

API = "/api/v2"
REQUEST_LOG_LIMIT = 10_000
_TILE_PATH = "/tiles/<int:z>/<int:x>/<int:y>"


class SandboxRequest(Request):
    """A request that accepts activity files of realistic size in form fields."""

    max_content_length = 64 * 1024 * 1024
    max_form_memory_size = 64 * 1024 * 1024


def _api_rules(path: str, endpoint: str, methods: list[str]) -> list[Rule]:
    return [
        Rule(API + path, endpoint=endpoint, methods=methods),
        Rule(API + path + ".json", endpoint=endpoint, methods=methods),
    ]


# Ids beyond SQLite's range reach the handlers, whose store lookups find nothing there (404):
# an ``int(max=...)`` converter would refuse them too, but werkzeug then answers PUT/DELETE 405.
URL_MAP = Map(
    [
        Rule("/", endpoint="index", methods=["GET"]),
        Rule("/oauth2/authorize", endpoint="authorize", methods=["GET", "POST"]),
        Rule("/oauth2/token", endpoint="token", methods=["POST"]),
        Rule(DEFAULT_CALLBACK, endpoint="callback", methods=["GET"]),
        Rule("/activity/<int:workout_id>", endpoint="activity_page", methods=["GET"]),
        Rule(_TILE_PATH + ".png", endpoint="tile", methods=["GET"]),
        Rule(_TILE_PATH + "@2x.png", endpoint="tile2x", methods=["GET"]),
        *_api_rules("/fitnessActivities", "list", ["GET"]),
        *_api_rules("/fitnessActivities", "create", ["POST"]),
        *_api_rules("/fitnessActivities/<int:workout_id>", "detail", ["GET"]),
        *_api_rules("/fitnessActivities/<int:workout_id>", "replace", ["PUT"]),
        *_api_rules("/fitnessActivities/<int:workout_id>", "delete", ["DELETE"]),
        *_api_rules("/fileUpload", "upload", ["POST"]),
        *_api_rules("/system/connect", "connect", ["POST"]),
        *_api_rules("/gear", "gear_list", ["GET"]),
        *_api_rules("/gear", "gear_create", ["POST"]),
        *_api_rules("/gear/<int:gear_id>", "gear_detail", ["GET"]),
        *_api_rules("/gear/<int:gear_id>", "gear_replace", ["PUT"]),
        *_api_rules("/metrics", "metrics_get", ["GET"]),
        *_api_rules("/metrics", "metrics_post", ["POST"]),
    ]
)


class _Drop(Exception):
    """Raised inside a handler to close the connection without answering."""


class SandboxApp:
    """The WSGI callable.

    Args:
        store: the account's database.
        oauth: codes and tokens.
        faults: the fault switches, read on every request.
        user_id: the account's user id.
        request_log: list receiving ``(method, path)`` of every request (kept bounded).
        tiles: the map tile service (its own cache and request counter).
        clock: epoch seconds now (stamps gear changes); the OAuth clock is ``oauth``'s.
        bound_host: the address the server listens on; accepted in ``Host`` when it is an
            address literal (loopback names always are).

    Attributes:
        clock: the injected clock.
    """

    def __init__(
        self,
        store: Store,
        oauth: OAuth,
        faults: Faults,
        *,
        user_id: int,
        request_log: list[tuple[str, str]],
        tiles: TileService | None = None,
        clock: Callable[[], float] = time.time,
        bound_host: str = "",
    ) -> None:
        self._store = store
        self._oauth = oauth
        self._faults = faults
        self._user_id = user_id
        self._log = request_log
        self._log_lock = threading.Lock()
        self.clock = clock
        self._bound_host = bound_host
        self._tiles = tiles or TileService(faults)
        self._gear = GearEndpoints(store, faults, clock, self._maybe_drop)
        self._metrics = MetricEndpoints(store, self._maybe_drop)
        # Requests in progress: stopping waits for them before the database closes under them
        # (werkzeug's request threads are daemons, and server_close() does not join them).
        self._busy = 0
        self._closing = False
        self._idle = threading.Condition()

    def drain(self, timeout: float) -> bool:
        """Refuse new requests and wait up to ``timeout`` s for those in progress to end.

        Returns:
            True when none is left in progress.
        """
        with self._idle:
            self._closing = True
            return self._idle.wait_for(lambda: self._busy == 0, timeout)

    def __call__(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        with self._idle:
            if self._closing:  # a kept-alive connection asking after stop() began
                response = error_response(503, "the sandbox is stopping", self._faults)
                return response(environ, start_response)
            self._busy += 1
        try:
            return self._serve(environ, start_response)
        finally:
            with self._idle:
                self._busy -= 1
                self._idle.notify_all()

    def _serve(self, environ: WSGIEnvironment, start_response: StartResponse) -> Iterable[bytes]:
        request = SandboxRequest(environ)
        with self._log_lock:
            self._log.append((request.method, request.path))
            if len(self._log) > REQUEST_LOG_LIMIT:
                del self._log[: REQUEST_LOG_LIMIT // 2]
        delay = float(self._faults.delay)
        if delay > 0:
            time.sleep(delay)
        try:
            response = self._dispatch(request)
        except (_Drop, TileDropped):
            sock = environ.get("werkzeug.socket")
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
            # werkzeug treats a ConnectionError as the client going away: nothing is written
            # and nothing is logged as a server error, so the client sees a closed connection.
            raise ConnectionAbortedError("sandbox fault: connection dropped") from None
        finally:
            request.close()  # closes uploaded file parts (temporary files)
        return response(environ, start_response)

    def _dispatch(self, request: Request) -> Response:
        refused = host_problem(request, self._bound_host)
        if refused:
            # Before routing: werkzeug would build absolute URLs from the refused name.
            return error_response(refused[0], refused[1], self._faults)
        try:
            return self._route(request)
        except (_Drop, TileDropped):
            raise
        except Exception:
            log.exception("sandbox: %s %s failed", request.method, request.path)
            return error_response(500, "internal error in the sandbox", self._faults)

    def _route(self, request: Request) -> Response:
        adapter = URL_MAP.bind_to_environ(request.environ)
        try:
            endpoint, args = adapter.match()
        except MethodNotAllowed:
            return error_response(405, f"{request.method} is not allowed here", self._faults)
        except NotFound:
            return error_response(404, f"no such resource: {request.path}", self._faults)
        except HTTPException as exc:  # e.g. a malformed request line
            return error_response(exc.code or 400, exc.description or "bad request", self._faults)
        if not request.path.startswith(API + "/"):
            return self._site(endpoint, request, args)
        if self._faults.take("rate_limit"):
            headers = {"Retry-After": self._faults.retry_after_header()}
            return error_response(429, "too many requests", self._faults, headers)
        if self._faults.take("server_error"):
            status = int(self._faults.server_error_status)
            return error_response(status, "the service is temporarily unavailable", self._faults)
        problem = self._oauth.bearer_error(request)
        if problem:
            # ASSUMPTION: 401 with a JSON error body (section 1.4 leaves status and body unknown).
            challenge = f'Bearer error="invalid_token", error_description="{problem}"'
            headers = {"WWW-Authenticate": challenge}
            return error_response(401, problem, self._faults, headers)
        try:
            return self._api(endpoint, request, args)
        except (IngestError, UploadError) as exc:
            return error_response(400, str(exc), self._faults)

    def _api(self, endpoint: str, request: Request, args: Mapping[str, Any]) -> Response:
        api_base = self._api_base(request)
        if endpoint == "gear_list":
            return self._gear.listing(request, api_base)
        if endpoint == "gear_create":
            return self._gear.create(request, api_base)
        if endpoint == "gear_detail":
            return self._gear.get(api_base, int(args["gear_id"]))
        if endpoint == "gear_replace":
            return self._gear.replace(request, api_base, int(args["gear_id"]))
        if endpoint == "metrics_get":
            return self._metrics.get(request)
        if endpoint == "metrics_post":
            return self._metrics.post(request)
        handler = getattr(self, f"_api_{endpoint}")
        result: Response = handler(request, **args)
        return result

    def _site(self, endpoint: str, request: Request, args: Mapping[str, Any]) -> Response:
        if endpoint == "authorize":
            return self._oauth.authorize(request)
        if endpoint == "token":
            return self._oauth.token(request)
        if endpoint == "callback":
            return self._oauth.default_callback(request)
        if endpoint == "activity_page":
            return self._activity_page(int(args["workout_id"]))
        if endpoint in ("tile", "tile2x"):
            scale = 2 if endpoint == "tile2x" else 1
            return self._tiles.answer(
                request, int(args["z"]), int(args["x"]), int(args["y"]), scale
            )
        body = (
            "<p>A local stand-in for the SportTracks API.</p>"
            f"<p>API base: <code>{escape(self._api_base(request))}</code><br>"
            f"Workouts stored: {self._store.count()}</p>"
        )
        return html_page("SportTracks sandbox", body)

    # ------------------------------------------------------------------ helpers

    @staticmethod
    def _root(request: Request) -> str:
        return request.root_url.rstrip("/")

    def _api_base(self, request: Request) -> str:
        return self._root(request) + API

    def _maybe_drop(self, counter: Counter) -> None:
        if self._faults.take(counter):
            log.info("fault: dropping the connection (%s)", counter)
            raise _Drop

    def _page_link(self, request: Request, page: int) -> str:
        params: dict[str, str] = {"page": str(page)}
        if self._faults.next_keeps_params:
            for name in ("pageSize", "noEarlierThan", "noLaterThan", "data"):
                if request.args.get(name):
                    params[name] = request.args[name]
        return f"{self._api_base(request)}/fitnessActivities?{urlencode(params)}"

    # ------------------------------------------------------------------ API endpoints

    def _api_list(self, request: Request) -> Response:
        page, size = page_args(request)
        earliest = time_arg(request, "noEarlierThan")
        latest = time_arg(request, "noLaterThan")
        summary = request.args.get("data", "").strip().lower() == "summary"
        total, rows = self._store.list_workouts(page * size, size, earliest, latest)
        api_base = self._api_base(request)
        items = [
            wire.list_item(
                wid,
                doc,
                api_base=api_base,
                user_id=self._user_id,
                summary=summary,
                faults=self._faults,
            )
            for wid, doc in rows
        ]
        previous = self._page_link(request, page - 1) if page > 0 else None
        next_: str | None = None
        if (page + 1) * size < total:
            next_ = self._page_link(request, page + 1)
        elif self._faults.empty_next_on_last_page:
            next_ = ""
        return json_response(wire.list_page(items, total, previous, next_))

    def _api_detail(self, request: Request, workout_id: int) -> Response:
        found = self._store.get_workout(workout_id)
        if found is None:
            return error_response(404, f"no workout {workout_id}", self._faults)
        body = wire.detail(
            workout_id,
            found[0],
            found[1],
            root_url=self._root(request),
            api_base=self._api_base(request),
            user_id=self._user_id,
            faults=self._faults,
        )
        return json_response(body)

    def _api_create(self, request: Request) -> Response:
        body = json_body(request)
        self._maybe_drop("drop_before_store")
        doc, streams = normalize_workout(body)
        workout_id = self._store.insert_workout(doc, streams)
        self._maybe_drop("drop_after_store")
        # ASSUMPTION: {"size": 1, "uris": [...]} (tapiriik only reads uris[0], section 4.1).
        uri = wire.workout_uri(self._api_base(request), workout_id)
        return json_response({"size": 1, "uris": [uri]})

    def _api_replace(self, request: Request, workout_id: int) -> Response:
        body = json_body(request)
        self._maybe_drop("drop_before_store")
        doc, streams = normalize_workout(body)
        if not self._store.replace_workout(workout_id, doc, streams):
            return error_response(404, f"no workout {workout_id}", self._faults)
        self._maybe_drop("drop_after_store")
        uri = wire.workout_uri(self._api_base(request), workout_id)
        return json_response({"size": 1, "uris": [uri]})

    def _api_delete(self, _request: Request, workout_id: int) -> Response:
        if not self._store.delete_workout(workout_id):
            return error_response(404, f"no workout {workout_id}", self._faults)
        return json_response({"status": "ok"})

    def _api_connect(self, _request: Request) -> Response:
        return json_response({"user": {"uid": self._user_id}})

    def _api_upload(self, request: Request) -> Response:
        data, fmt, name = read_upload(request)
        self._maybe_drop("drop_before_store")
        try:
            body = parse_upload(data, fmt, file_offsets=self._faults.upload_file_offsets)
            if name:
                body["name"] = name
            doc, streams = normalize_workout(body)
        except (UploadError, IngestError) as exc:
            if self._faults.upload_bare_array:
                return json_response([])
            if self._faults.upload_zero_size_on_bad_file:
                return json_response({"fitnessActivities": {"size": 0, "uris": []}})
            return error_response(400, str(exc), self._faults)
        workout_id = self._store.insert_workout(doc, streams)
        self._maybe_drop("drop_after_store")
        if self._faults.upload_singular_path:
            uri = f"{self._api_base(request)}/fitnessActivity/{workout_id}"
        else:
            uri = wire.workout_uri(self._api_base(request), workout_id)
        if self._faults.upload_bare_array:
            return json_response([uri])
        return json_response({"fitnessActivities": {"size": 1, "uris": [uri]}})

    # ------------------------------------------------------------------ web page

    def _activity_page(self, workout_id: int) -> Response:
        found = self._store.get_workout(workout_id)
        if found is None:
            return html_page("No such workout", f"<p>Workout {workout_id} does not exist.</p>", 404)
        doc = found[0]
        body = (
            f"<p>{escape(doc['type'])} on {escape(doc['start_time'])}</p>"
            f"<p>{float(doc['total_distance']) / 1000:.2f} km in "
            f"{int(doc['duration']) // 60} min</p>"
        )
        return html_page(doc["name"] or "Workout", body)
