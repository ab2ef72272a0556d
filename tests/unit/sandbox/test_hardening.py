"""Requests that used to get a 500 or be served when they should not: foreign Host headers
(DNS rebinding) and numbers beyond SQLite's integer range."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

import pytest
import requests

from st_desktop.sandbox import SandboxServer
from tests.unit.sandbox.conftest import Api, workout

HUGE = "99999999999999999999"  # beyond 2**63 - 1


def port_of(server: SandboxServer) -> int:
    port = urlsplit(server.base_url).port
    assert port is not None
    return port


def _get(server: SandboxServer, path: str, host: str | None, **headers: str) -> tuple[int, str]:
    """A raw GET with exactly this Host header (None: none at all)."""
    connection = http.client.HTTPConnection("127.0.0.1", port_of(server), timeout=5)
    try:
        connection.putrequest("GET", path, skip_host=True)
        if host is not None:
            connection.putheader("Host", host)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, answer.read().decode()
    finally:
        connection.close()


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "evil.example",
        "127.0.0.1.nip.io:{port}",
        "192.168.1.20:{port}",
        "localhost.evil.example:{port}",
        "127.0.0.1:{other}",
        "localhost",
        "[::2]:{port}",
    ],
)
@pytest.mark.parametrize(
    "path", ["/api/v2/fitnessActivities", "/oauth2/authorize", "/tiles/0/0/0.png", "/"]
)
def test_requests_for_other_hosts_get_421(server: SandboxServer, host: str, path: str) -> None:
    port = port_of(server)
    token = server.issue_token()["access_token"]
    status, body = _get(
        server,
        path,
        host.format(port=port, other=port + 1),
        Authorization=f"Bearer {token}",
    )
    assert status == 421
    assert "this computer" in body or "another port" in body
    assert len(body) < 200


@pytest.mark.parametrize("host", [None, "", "127.0.0.1:{port}:9", "user@127.0.0.1:{port}"])
def test_missing_or_malformed_host_gets_400(server: SandboxServer, host: str | None) -> None:
    port = port_of(server)
    status, body = _get(server, "/", None if host is None else host.format(port=port))
    assert status == 400
    assert "Host" in body


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "127.0.0.2", "[::1]"])
def test_loopback_names_with_the_right_port_are_served(server: SandboxServer, name: str) -> None:
    port = port_of(server)
    token = server.issue_token()["access_token"]
    Api(server).create(workout())
    status, body = _get(
        server, "/api/v2/fitnessActivities", f"{name}:{port}", Authorization=f"Bearer {token}"
    )
    assert status == 200
    # Absolute URLs follow the name the client used.
    assert f'"uri":"http://{name.lower()}:{port}/api/v2/fitnessActivities/' in body


@pytest.mark.parametrize(
    "path",
    [
        f"/fitnessActivities/{HUGE}",
        f"/fitnessActivities/{HUGE}.json",
        f"/gear/{HUGE}",
        "/fitnessActivities/9223372036854775808",
        "/fitnessActivities/0",
    ],
)
def test_ids_beyond_the_integer_range_are_404(api: Api, path: str) -> None:
    for answer in (api.get(path), api.put(path, json=workout()), api.delete(path)):
        if path.startswith("/gear") and answer.request.method == "DELETE":
            assert answer.status_code == 405  # gear items cannot be deleted
            continue
        assert answer.status_code == 404, (answer.request.method, path)
        assert set(answer.json()) == {"error"}
    page = requests.get(api.server.base_url + f"/activity/{HUGE}", timeout=5)
    assert page.status_code == 404


@pytest.mark.parametrize(
    ("params", "complaint"),
    [
        ({"page": "1e30"}, "page must be an integer"),
        ({"page": HUGE}, "page must be at most"),
        ({"page": "2147483648"}, "page must be at most"),
        ({"pageSize": HUGE}, "pageSize must be at most"),
        ({"pageSize": "1e3"}, "pageSize must be an integer"),
        ({"page": "-1"}, "page must be at least 0"),
        ({"pageSize": "0"}, "pageSize must be at least 1"),
        ({"page": "٣"}, "page must be an integer"),
    ],
)
@pytest.mark.parametrize("path", ["/fitnessActivities", "/gear"])
def test_bad_page_numbers_are_400(
    api: Api, path: str, params: dict[str, str], complaint: str
) -> None:
    answer = api.get(path, **params)
    assert answer.status_code == 400
    assert list(answer.json()) == ["error"]
    assert answer.json()["error"].startswith(complaint)


def test_the_largest_page_numbers_still_answer(api: Api) -> None:
    api.create(workout())
    far = api.get("/fitnessActivities", page="2147483647", pageSize="2147483647")
    assert far.status_code == 200
    assert far.json()["items"] == []
    assert far.json()["size"] == "1"
    clamped = api.get("/fitnessActivities", pageSize="5000")
    assert len(clamped.json()["items"]) == 1
