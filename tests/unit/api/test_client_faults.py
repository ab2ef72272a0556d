"""Every failure reaches the caller as a typed error with a human message; retries are bounded."""

from __future__ import annotations

import base64
import json
import socket
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs

import pytest

from st_desktop.api.client import SportTracksClient, UploadRejectedError
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.domain.workout import Workout
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
from tests.unit.api.conftest import SecretWatch
from tests.unit.api.replay_server import ReplayServer, Scripted

TOKEN = "fault-access-token-abcdefghij"
JSON = {"Content-Type": "application/json"}
HTML = {"Content-Type": "text/html"}


class FakeClock:
    """A monotonic clock that only moves when the client sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def client(replay: ReplayServer, clock: FakeClock, secret_watch: SecretWatch) -> SportTracksClient:
    secret_watch.add(TOKEN)
    return SportTracksClient(
        replay.api_base,
        StaticTokenAuth(TOKEN),
        timeout=(1.0, 0.15),
        upload_timeout=(1.0, 0.15),
        sleep=clock.sleep,
        clock=clock,
    )


def _new() -> Workout:
    return Workout.new(datetime(2024, 5, 1, 7, 0, tzinfo=UTC), 1800, 5000, "running", "Run")


CALLS: dict[str, Callable[[SportTracksClient], Any]] = {
    "list": lambda c: c.list_workouts(),
    "get": lambda c: c.get_workout("5522409"),
    "create": lambda c: c.create_workout(_new()),
    "update": lambda c: c.update_workout("7", _new()),
    "delete": lambda c: c.delete_workout("7"),
    "upload": lambda c: c.upload_file(b"<gpx/>", "GPX"),
}

CASES = [
    # (scripted answer, expected error, words of the message the user sees)
    (Scripted(401, b'{"error":"expired"}'), AuthExpiredError, "Please sign in again"),
    (Scripted(403, b'{"error":"forbidden"}'), AuthError, "refused access"),
    (Scripted(404, b'{"error":"no such workout"}'), NotFoundError, "no such workout"),
    (Scripted(400, b'{"error":"no start_time"}'), ClientRequestError, "(HTTP 400): no start_time"),
    (Scripted(500, b"<html>Internal error</html>", HTML), ServerError, "problem on its side"),
    (Scripted(200, b"<html>maintenance</html>", HTML), BadResponseError, "not JSON"),
    (Scripted(drop=True), OfflineError, "can't be reached"),
    (Scripted(delay=0.4), RequestTimeoutError, "did not answer in time"),
]  # fmt: skip


@pytest.mark.parametrize("call", ["list", "get", "create", "upload"])
@pytest.mark.parametrize(("answer", "error", "words"), CASES)
def test_each_failure_reaches_the_caller_typed_with_its_message(
    client: SportTracksClient,
    replay: ReplayServer,
    call: str,
    answer: Scripted,
    error: type[ApiError],
    words: str,
) -> None:
    replay.script(*[answer] * 4)
    with pytest.raises(error) as caught:
        CALLS[call](client)
    assert type(caught.value) is error
    assert words in caught.value.user_message
    assert str(caught.value) == caught.value.user_message
    assert TOKEN not in str(caught.value)
    assert TOKEN not in (caught.value.detail or "")


def test_rate_limit_honours_retry_after_then_succeeds(
    client: SportTracksClient, replay: ReplayServer, clock: FakeClock
) -> None:
    replay.script(
        Scripted(429, b"{}", {"Retry-After": "3"}), Scripted(429, b"{}", {"Retry-After": "2"})
    )

    page = client.list_workouts()

    assert page.total == 1132
    assert clock.sleeps == [3.0, 2.0]
    assert len(replay.requests) == 3


def test_rate_limit_that_never_ends_reports_when_to_try_again(
    client: SportTracksClient, replay: ReplayServer, clock: FakeClock
) -> None:
    replay.script(*[Scripted(429, b"{}", {"Retry-After": "5"})] * 4)

    with pytest.raises(RateLimitedError) as caught:
        client.get_workout("5522409")

    assert caught.value.retry_after == 5
    assert "Try again in 5 s" in caught.value.user_message
    assert len(replay.requests) == 4  # bounded: max_attempts
    assert clock.sleeps == [5.0, 5.0, 5.0]


def test_long_retry_after_is_not_waited_silently(
    client: SportTracksClient, replay: ReplayServer, clock: FakeClock
) -> None:
    replay.script(Scripted(429, b"{}", {"Retry-After": "600"}))

    with pytest.raises(RateLimitedError) as caught:
        client.list_workouts()

    assert caught.value.retry_after == 600
    assert clock.sleeps == []
    assert len(replay.requests) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_are_retried_with_growing_jittered_backoff(
    client: SportTracksClient, replay: ReplayServer, clock: FakeClock, status: int
) -> None:
    replay.script(*[Scripted(status, b"<html>bad gateway</html>", HTML)] * 3)

    workout = client.get_workout("5555562")

    assert workout.id == "5555562"
    policy = RetryPolicy()
    assert len(clock.sleeps) == 3
    for attempt, delay in enumerate(clock.sleeps, start=1):
        ceiling = min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1))
        assert ceiling / 2 <= delay <= ceiling


def test_retries_stop_at_the_time_budget(replay: ReplayServer, clock: FakeClock) -> None:
    policy = RetryPolicy(max_attempts=50, base_delay=8.0, max_delay=8.0, max_total=30.0)
    client = SportTracksClient(
        replay.api_base, StaticTokenAuth(TOKEN), retry=policy, sleep=clock.sleep, clock=clock
    )
    replay.script(*[Scripted(503, b"{}")] * 50)

    with pytest.raises(ServerError):
        client.list_workouts()

    assert clock.now <= 30.0
    assert 3 <= len(clock.sleeps) <= 7


def test_server_error_500_is_not_retried(client: SportTracksClient, replay: ReplayServer) -> None:
    replay.script(Scripted(500, b"{}"))
    with pytest.raises(ServerError):
        client.list_workouts()
    assert len(replay.requests) == 1


@pytest.mark.parametrize("call", ["create", "upload"])
@pytest.mark.parametrize(
    "answer", [Scripted(503, b"{}"), Scripted(drop=True), Scripted(429, b"{}")]
)
def test_posts_are_never_retried(
    client: SportTracksClient, replay: ReplayServer, clock: FakeClock, call: str, answer: Scripted
) -> None:
    replay.script(answer, Scripted(200, b'{"uris": ["https://x/api/v2/fitnessActivities/1"]}'))

    with pytest.raises(ApiError):
        CALLS[call](client)

    assert len(replay.requests) == 1
    assert clock.sleeps == []


@pytest.mark.parametrize("call", ["get", "update", "delete"])
def test_idempotent_calls_survive_dropped_connections(
    client: SportTracksClient, replay: ReplayServer, call: str
) -> None:
    ok = Scripted(200, replay.captured("sporttracks_track_5522409.json"))
    replay.script(Scripted(drop=True), Scripted(drop=True), ok)

    CALLS[call](client)

    assert len(replay.requests) == 3


def test_delete_whose_answer_was_lost_counts_as_done(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    replay.script(Scripted(503, b"{}"), Scripted(404, b'{"error":"not found"}'))
    client.delete_workout("7")  # the first try deleted it; the retry finds it gone
    assert [r.method for r in replay.requests] == ["DELETE", "DELETE"]


def test_delete_of_a_missing_workout_is_not_found(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    replay.script(Scripted(404, b'{"error":"not found"}'))
    with pytest.raises(NotFoundError):
        client.delete_workout("7")


def test_offline_when_nothing_listens(clock: FakeClock) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = SportTracksClient(
        f"http://127.0.0.1:{port}/api/v2", StaticTokenAuth(TOKEN), sleep=clock.sleep, clock=clock
    )

    with pytest.raises(OfflineError) as caught:
        client.list_workouts()

    assert type(caught.value) is OfflineError
    assert caught.value.user_message.startswith("SportTracks can't be reached")
    assert len(clock.sleeps) == RetryPolicy().max_attempts - 1


@pytest.mark.parametrize(
    "url",
    ["http://api.sporttracks.mobi/api/v2", "ftp://127.0.0.1/api/v2", "http://10.0.0.1/api/v2"],
)
def test_plain_http_is_refused_except_to_this_computer(url: str) -> None:
    with pytest.raises(InsecureUrlError) as caught:
        SportTracksClient(url, StaticTokenAuth(TOKEN))
    assert "only https" in caught.value.user_message


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/api/v2", "http://localhost:9", "http://[::1]:9"]
)
def test_loopback_http_is_allowed(url: str) -> None:
    assert SportTracksClient(url, StaticTokenAuth(TOKEN)).base_url == url.rstrip("/")


def test_wrong_json_shape_is_a_bad_response(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    replay.script(Scripted(200, b'["not", "a", "page"]'), Scripted(200, b'{"items": {"a": 1}}'))
    for _ in range(2):
        with pytest.raises(BadResponseError):
            client.list_workouts()
    replay.script(Scripted(200, b"[1, 2]"))
    with pytest.raises(BadResponseError):
        client.get_workout("1")


# ----------------------------------------------------------------------------- uploads


def _form(body: bytes) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(body.decode("ascii"), keep_blank_values=True).items()}


URI = "https://api.sporttracks.mobi/api/v2/fitnessActivities/77"


@pytest.mark.parametrize(
    "answer",
    [
        {"fitnessActivities": {"size": 1, "uris": [URI]}},  # documented (plural path)
        {"fitnessActivities": {"size": 1, "uris": [URI.replace("Activities", "Activity")]}},
        {"fitnessActivity": {"size": 1, "uris": [URI]}},
        [URI],  # the bare array ConnectStats met
        [{"uri": URI}],
    ],
)
def test_upload_accepts_every_answer_shape(
    client: SportTracksClient, replay: ReplayServer, answer: object
) -> None:
    replay.script(Scripted(200, json.dumps(answer).encode()))
    uris = client.upload_file(b"<gpx/>", "gpx", name="Morning")
    assert len(uris) == 1
    assert client.workout_url(uris[0]).endswith("/fitnessActivities/77")


def test_fit_goes_base64_form_encoded(client: SportTracksClient, replay: ReplayServer) -> None:
    fit = bytes(range(256)) * 4
    replay.script(Scripted(200, json.dumps({"fitnessActivities": {"uris": [URI]}}).encode()))

    client.upload_file(fit, "FIT", name="Ride")

    request = replay.requests[-1]
    assert request.path == "/api/v2/fileUpload"
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    form = _form(request.body)
    assert form["format"] == "FIT"
    assert form["name"] == "Ride"
    assert base64.b64decode(form["data"]) == fit


def test_tcx_goes_as_text(client: SportTracksClient, replay: ReplayServer) -> None:
    tcx = '<?xml version="1.0"?><TrainingCenterDatabase>Zürich + 1 & more</TrainingCenterDatabase>'
    replay.script(Scripted(200, json.dumps([URI]).encode()))

    client.upload_file(tcx.encode(), "TCX")

    form = parse_qs(replay.requests[-1].body.decode("ascii"))
    assert form["data"] == [tcx]
    assert form["format"] == ["TCX"]
    assert "name" not in form


@pytest.mark.parametrize("answer", [[], {"fitnessActivities": {"size": 0, "uris": []}}])
def test_upload_that_creates_nothing_says_so(
    client: SportTracksClient, replay: ReplayServer, answer: object
) -> None:
    replay.script(Scripted(200, json.dumps(answer).encode()))
    with pytest.raises(UploadRejectedError) as caught:
        client.upload_file(b"junk", "GPX")
    assert "created no workout" in caught.value.user_message


def test_unknown_upload_format_is_refused_before_sending(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    with pytest.raises(ValueError, match="FIT, TCX, GPX"):
        client.upload_file(b"x", "KML")
    assert replay.requests == []
