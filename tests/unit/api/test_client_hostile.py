"""A hostile or broken server cannot hang the client, fill its memory, or redirect its data.

Every server here runs on 127.0.0.1 and misbehaves on purpose: it drips bytes, sends bodies far
larger than any real answer, or answers with redirects to another loopback port that counts
what reaches it.
"""

from __future__ import annotations

import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import requests

from st_desktop.api.client import SportTracksClient
from st_desktop.api.http import RedirectRefusedError, ResponseTooLargeError
from st_desktop.api.oauth import OAuthConfig, StaticTokenAuth, TokenEndpoint
from st_desktop.api.tokens import Tokens
from st_desktop.api.transport import SessionPool, upload_deadline
from st_desktop.domain.workout import Workout
from st_desktop.errors import BadResponseError, RequestTimeoutError, ServerError
from tests.unit.api.conftest import SecretWatch
from tests.unit.api.hostile_server import (
    HostileServer,
    drip_body,
    drip_headers,
    endless_body,
    json_answer,
    redirect,
    wait_until,
)

TOKEN = "hostile-access-token-0123456789"
DEADLINE = 1.0
URI_ANSWER = b'{"uris": ["https://api.sporttracks.mobi/api/v2/fitnessActivities/1"]}'


@pytest.fixture
def server(secret_watch: SecretWatch) -> Iterator[HostileServer]:
    secret_watch.add(TOKEN)
    with HostileServer() as running:
        yield running


@pytest.fixture
def target() -> Iterator[HostileServer]:
    """Where a redirect points: it must never see a request."""
    with HostileServer(json_answer(URI_ANSWER)) as running:
        yield running


def _client(server: HostileServer, **kwargs: Any) -> SportTracksClient:
    options: dict[str, Any] = {
        "timeout": (1.0, 0.5),  # each wait for bytes is shorter than the drip interval
        "upload_timeout": (1.0, 0.5),
        "deadline": DEADLINE,
        "upload_deadline": lambda size: DEADLINE,
        "sleep": lambda seconds: None,
    }
    options.update(kwargs)
    return SportTracksClient(server.api_base, StaticTokenAuth(TOKEN), **options)


def _workout() -> Workout:
    return Workout.new(datetime(2024, 5, 1, 7, 0, tzinfo=UTC), 1800, 5000, "running", "Run")


CALLS: dict[str, Callable[[SportTracksClient], object]] = {
    "list": lambda c: c.list_workouts(),
    "get": lambda c: c.get_workout("7"),
    "update": lambda c: c.update_workout("7", _workout()),
    "upload": lambda c: c.upload_file(b"<gpx/>" * 100, "GPX"),
}


# ----------------------------------------------------------------------------- deadlines


@pytest.mark.parametrize("call", list(CALLS))
@pytest.mark.parametrize("drip", ["body", "unsized body", "headers"])
def test_a_dripping_server_cannot_hold_a_call_past_its_deadline(
    server: HostileServer, call: str, drip: str
) -> None:
    # One byte every 0.1 s: each read returns well within the 0.5 s read timeout, so only a
    # deadline on the whole request can end it.
    server.answer = {
        "body": drip_body(0.1),
        "unsized body": drip_body(0.1, declare=False),  # cut short, it must not pass as whole
        "headers": drip_headers(0.1),
    }[drip]
    client = _client(server)

    started = time.monotonic()
    with pytest.raises(RequestTimeoutError) as caught:
        CALLS[call](client)
    elapsed = time.monotonic() - started

    assert DEADLINE * 0.9 <= elapsed < DEADLINE + 1.0
    assert "did not answer in time" in caught.value.user_message
    assert len(server.requests) == 1  # no time was left for a retry
    assert server.sent >= 5  # the server was still dripping when the client gave up
    assert wait_until(lambda: server.open_connections == 0)  # and the connection is gone


def test_the_token_endpoint_has_a_deadline_too(server: HostileServer) -> None:
    server.answer = drip_body(0.1)
    endpoint = TokenEndpoint(
        OAuthConfig.for_host(server.root, "client", "SECRET0000000000"),
        timeout=(1.0, 0.5),
        deadline=DEADLINE,
    )
    started = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        endpoint.refresh(Tokens("old-access-token", "refresh-token-123456"))
    assert time.monotonic() - started < DEADLINE + 1.0


def test_retries_share_the_deadline_of_the_call(server: HostileServer) -> None:
    answers = iter([json_answer(b"{}", 503), drip_body(0.1)])

    def first_503_then_a_drip(handler: Any) -> None:
        next(answers)(handler)

    server.answer = first_503_then_a_drip
    client = _client(server, deadline=1.5)

    started = time.monotonic()
    with pytest.raises(RequestTimeoutError):
        client.get_workout("7")

    assert time.monotonic() - started < 1.5 + 1.0
    assert len(server.requests) == 2  # the retry ran, but only within what was left


def test_upload_deadline_grows_with_the_file() -> None:
    assert upload_deadline(0) == 60.0
    assert upload_deadline(200_000) == pytest.approx(66.1, abs=0.1)
    assert 400 < upload_deadline(13_000_000) < 500  # a 10 MB FIT, base64-encoded
    assert upload_deadline(10**12) == 3600.0


# ----------------------------------------------------------------------------- size caps


def test_a_declared_huge_body_is_refused_without_reading_it(server: HostileServer) -> None:
    server.answer = endless_body(1024**3, declare=True)
    client = _client(server, deadline=20.0)

    with pytest.raises(ResponseTooLargeError) as caught:
        client.get_workout("7")

    assert caught.value.user_message == (
        "SportTracks sent a response larger than 64 MB while loading the workout; "
        "st-desktop stopped reading it."
    )
    assert isinstance(caught.value, BadResponseError)
    assert server.sent < 1024**3 / 2  # the client hung up long before the end


def test_a_list_page_is_capped_lower(server: HostileServer) -> None:
    server.answer = endless_body(200 * 1024**2, declare=False)
    with pytest.raises(ResponseTooLargeError) as caught:
        _client(server, deadline=20.0).list_workouts()
    assert "larger than 16 MB while loading the workout list" in caught.value.user_message


def test_a_200_mb_body_without_length_costs_less_than_150_mb(server: HostileServer) -> None:
    server.answer = endless_body(200 * 1024**2, declare=False)
    client = _client(server, deadline=30.0)

    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError):
            client.get_workout("7")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < 150 * 1024**2
    assert 64 * 1024**2 <= server.sent < 200 * 1024**2


def test_a_huge_token_response_is_refused(server: HostileServer) -> None:
    server.answer = endless_body(10 * 1024**2, declare=False)
    endpoint = TokenEndpoint(OAuthConfig.for_host(server.root, "client", "SECRET0000000000"))
    with pytest.raises(ResponseTooLargeError) as caught:
        endpoint.exchange_code("code-1234567", None)
    assert "larger than 64 KB while signing in" in caught.value.user_message


def test_an_error_body_is_cut_not_refused(server: HostileServer) -> None:
    def answer(handler: Any) -> None:  # a 20 MB "error page", of which 1 MB ever comes
        handler.send_raw(
            b"HTTP/1.1 500 X\r\nContent-Length: 20000000\r\nContent-Type: text/html\r\n\r\n"
        )
        handler.send_raw(b"<html>" + b"x" * 1_000_000)

    server.answer = answer
    with pytest.raises(ServerError) as caught:
        _client(server, deadline=10.0).list_workouts()
    assert "problem on its side while loading the workout list (HTTP 500)" in str(caught.value)


# ----------------------------------------------------------------------------- redirects


def test_an_upload_answered_by_a_307_is_not_resent_elsewhere(
    server: HostileServer, target: HostileServer
) -> None:
    server.answer = redirect(307, f"{target.root}/steal")
    client = _client(server)

    with pytest.raises(RedirectRefusedError) as caught:
        client.upload_file(b"<gpx>private route</gpx>", "GPX")

    assert caught.value.user_message == (
        "SportTracks answered with a redirect (307) instead of the data while uploading the "
        "file; st-desktop does not follow redirects from the API."
    )
    assert len(server.requests) == 1
    assert target.requests == []


def test_a_put_answered_by_a_302_is_a_failure_not_a_get(
    server: HostileServer, target: HostileServer
) -> None:
    server.answer = redirect(302, f"{target.root}/api/v2/fitnessActivities/7")
    client = _client(server)

    with pytest.raises(RedirectRefusedError) as caught:
        client.update_workout("7", _workout())

    assert "redirect (302)" in caught.value.user_message
    assert [r.method for r in server.requests] == ["PUT"]  # not retried, not turned into a GET
    assert target.requests == []


@pytest.mark.parametrize("status", [301, 303, 308])
def test_no_call_follows_a_redirect(
    server: HostileServer, target: HostileServer, status: int
) -> None:
    server.answer = redirect(status, f"{target.root}/api/v2/fitnessActivities")
    for call in CALLS.values():
        with pytest.raises(RedirectRefusedError) as caught:
            call(_client(server))
        assert f"({status})" in caught.value.user_message
    assert target.requests == []


def test_the_token_endpoint_does_not_follow_a_redirect(
    server: HostileServer, target: HostileServer
) -> None:
    server.answer = redirect(307, f"{target.root}/oauth2/token")
    endpoint = TokenEndpoint(OAuthConfig.for_host(server.root, "client", "SECRET0000000000"))
    with pytest.raises(RedirectRefusedError):
        endpoint.exchange_code("code-1234567", None, code_verifier="v" * 43)
    assert target.requests == []  # neither the secret nor the code went there


# ----------------------------------------------------------------------------- sessions


def test_each_thread_gets_its_own_session_and_close_ends_them() -> None:
    pool = SessionPool()
    seen: dict[str, requests.Session] = {}

    def use(name: str) -> None:
        seen[name] = pool.session()
        assert pool.session() is seen[name]  # the same one again within a thread

    threads = [threading.Thread(target=use, args=(f"t{i}",)) for i in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    mine = pool.session()
    assert len({id(s) for s in [*seen.values(), mine]}) == 4
    pool.close()
    assert pool.session() is not mine  # usable after closing, with a new session


def test_closing_the_client_closes_its_connections(server: HostileServer) -> None:
    server.answer = json_answer(b'{"items": [], "size": 0}')
    client = _client(server)
    barrier = threading.Barrier(3)

    def list_in_a_worker() -> None:
        client.list_workouts()
        barrier.wait(5)  # keep the three threads alive together: three sessions at once

    workers = [threading.Thread(target=list_in_a_worker) for _ in range(2)]
    for worker in workers:
        worker.start()
    client.list_workouts()
    barrier.wait(5)
    for worker in workers:
        worker.join()
    assert wait_until(lambda: server.open_connections >= 1)

    client.close()

    assert wait_until(lambda: server.open_connections == 0)
    assert client.list_workouts().total == 0  # and it reconnects when used again


def test_a_finished_worker_thread_leaves_no_connection_open(server: HostileServer) -> None:
    server.answer = json_answer(b'{"items": [], "size": 0}')
    client = _client(server)
    worker = threading.Thread(target=client.list_workouts)
    worker.start()
    worker.join()
    assert len(server.requests) == 1
    assert wait_until(lambda: server.open_connections == 0)  # its session closed with it


def test_a_shared_session_given_by_the_caller_is_used_in_every_thread(
    server: HostileServer,
) -> None:
    server.answer = json_answer(b'{"items": [], "size": 0}')
    used: list[str] = []

    class Counting(requests.Session):
        def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
            used.append(threading.current_thread().name)
            return super().request(method, url, *args, **kwargs)

    client = _client(server, session=Counting())
    worker = threading.Thread(target=client.list_workouts, name="worker")
    worker.start()
    worker.join()
    client.list_workouts()
    assert sorted(used) == sorted(["worker", threading.current_thread().name])
