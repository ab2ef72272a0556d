"""The OAuth2 code flow: consent page, redirects, token grants, refresh and expiry.

The consent form is answered as a browser would: load the page, post its fields back (the
one-time ``csrf_token`` included). Expiry is tested with an injected clock, never by sleeping.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from st_desktop.sandbox import SandboxServer
from tests.unit.sandbox.conftest import FakeClock

REDIRECT = "http://127.0.0.1:53682/callback"
_HIDDEN = re.compile(r"<input type='hidden' name='([^']*)' value='([^']*)'>")


def consent_fields(server: SandboxServer, **params: str) -> dict[str, str]:
    """Load the consent page for these authorize parameters; its form's fields."""
    query = {
        "client_id": server.client_id,
        "redirect_uri": REDIRECT,
        "state": "xyzzy",
        "response_type": "code",
        **params,
    }
    page = requests.get(server.authorize_url, params=query, timeout=5)
    assert page.status_code == 200, page.text
    return {name: html.unescape(value) for name, value in _HIDDEN.findall(page.text)}


def post_consent(
    server: SandboxServer, fields: dict[str, str], decision: str = "approve", **headers: str
) -> requests.Response:
    return requests.post(
        server.authorize_url,
        data={**fields, "decision": decision},
        headers=headers,
        allow_redirects=False,
        timeout=5,
    )


def authorize(server: SandboxServer, decision: str = "approve", **params: str) -> requests.Response:
    """Open the consent page and answer it; a refused page is returned as it is."""
    query = {
        "client_id": server.client_id,
        "redirect_uri": REDIRECT,
        "state": "xyzzy",
        "response_type": "code",
        **params,
    }
    page = requests.get(server.authorize_url, params=query, timeout=5)
    if page.status_code != 200:
        return page
    fields = {name: html.unescape(value) for name, value in _HIDDEN.findall(page.text)}
    return post_consent(server, fields, decision)


def code_from(response: requests.Response) -> str:
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["Location"]).query)
    return query["code"][0]


def token_request(
    server: SandboxServer, *, as_json: bool = False, **params: str
) -> requests.Response:
    body = {"client_id": server.client_id, "client_secret": server.client_secret, **params}
    if as_json:
        return requests.post(server.token_url, json=body, timeout=5)
    return requests.post(server.token_url, data=body, timeout=5)


def list_status(server: SandboxServer, access_token: str) -> int:
    headers = {"Authorization": f"Bearer {access_token}"}
    return requests.get(
        server.api_base + "/fitnessActivities", headers=headers, timeout=5
    ).status_code


def test_consent_page_posts_back_approve_and_deny_with_hidden_fields(server: SandboxServer) -> None:
    params = {
        "client_id": server.client_id,
        "redirect_uri": REDIRECT,
        "state": "s1",
        "response_type": "code",
    }
    page = requests.get(server.authorize_url, params=params, timeout=5)
    assert page.status_code == 200
    assert page.headers["Content-Type"].startswith("text/html")
    text = page.text
    assert "<form method='post'" in text
    assert "value='approve'" in text
    assert "value='deny'" in text
    for value in params.values():
        assert f"value='{value}'" in text


def test_approve_redirects_with_code_first_and_state_echoed(server: SandboxServer) -> None:
    response = authorize(server)
    location = response.headers["Location"]
    assert location.startswith(REDIRECT + "?code=")
    assert location.endswith("&state=xyzzy")


def test_deny_redirects_with_access_denied(server: SandboxServer) -> None:
    response = authorize(server, decision="deny")
    assert response.status_code == 302
    query = parse_qs(urlsplit(response.headers["Location"]).query)
    assert query == {"error": ["access_denied"], "state": ["xyzzy"]}


@pytest.mark.parametrize("state", [None, "", "   "])
def test_missing_or_empty_state_is_refused(server: SandboxServer, state: str | None) -> None:
    params = {"client_id": server.client_id, "redirect_uri": REDIRECT}
    if state is not None:
        params["state"] = state
    page = requests.get(server.authorize_url, params=params, timeout=5)
    assert page.status_code == 400
    assert "state" in page.text
    assert authorize(server, state=state or "").status_code == 400
    # A post skipping the page is refused for its parameters before anything else.
    direct = post_consent(server, {"client_id": server.client_id, "state": state or ""})
    assert direct.status_code == 400


def test_unknown_client_and_bad_redirect_are_refused(server: SandboxServer) -> None:
    assert authorize(server, client_id="someone-else").status_code == 400
    assert authorize(server, redirect_uri="javascript:alert(1)").status_code == 400


def test_without_redirect_uri_the_registered_default_shows_the_code(server: SandboxServer) -> None:
    response = authorize(server, redirect_uri="")
    location = response.headers["Location"]
    assert location.startswith(server.base_url + "/oauth2/default-callback?code=")
    page = requests.get(location, timeout=5)
    assert code_from(response) in page.text


@pytest.mark.parametrize("as_json", [False, True])
def test_code_exchange_with_form_or_json_body(server: SandboxServer, as_json: bool) -> None:
    code = code_from(authorize(server))
    response = token_request(
        server, as_json=as_json, grant_type="authorization_code", code=code, redirect_uri=REDIRECT
    )
    assert response.status_code == 200
    body: dict[str, Any] = response.json()
    assert list(body) == ["access_token", "refresh_token", "expires_in", "token_type"]
    assert body["expires_in"] == 7200
    assert body["token_type"] == "bearer"
    assert list_status(server, body["access_token"]) == 200


def test_codes_are_single_use(server: SandboxServer) -> None:
    code = code_from(authorize(server))
    assert token_request(server, grant_type="authorization_code", code=code).status_code == 200
    again = token_request(server, grant_type="authorization_code", code=code)
    assert again.status_code == 400
    assert again.json()["error"] == "invalid_grant"


def test_wrong_secret_and_wrong_redirect_are_refused(server: SandboxServer) -> None:
    code = code_from(authorize(server))
    wrong = token_request(
        server, grant_type="authorization_code", code=code, client_secret="WRONGSECRET00000"
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    code = code_from(authorize(server))
    mismatch = token_request(
        server, grant_type="authorization_code", code=code, redirect_uri="http://127.0.0.1:1/x"
    )
    assert mismatch.status_code == 400
    assert token_request(server, grant_type="password").json()["error"] == "unsupported_grant_type"


def test_refresh_gives_a_new_token_and_keeps_the_old_refresh_token_valid(
    server: SandboxServer,
) -> None:
    first = server.issue_token()
    refreshed = token_request(
        server, grant_type="refresh_token", refresh_token=first["refresh_token"]
    )
    assert refreshed.status_code == 200
    body = refreshed.json()
    assert body["access_token"] != first["access_token"]
    assert body["refresh_token"] != first["refresh_token"]
    # tapiriik reused its first refresh token for years (section 1.3).
    again = token_request(server, grant_type="refresh_token", refresh_token=first["refresh_token"])
    assert again.status_code == 200
    bad = token_request(server, grant_type="refresh_token", refresh_token="nope")
    assert bad.status_code == 400


def test_refresh_without_a_new_refresh_token(server: SandboxServer) -> None:
    server.faults.refresh_returns_new_token = False
    first = server.issue_token()
    response = token_request(
        server, grant_type="refresh_token", refresh_token=first["refresh_token"]
    )
    body = response.json()
    assert "refresh_token" not in body
    assert list_status(server, body["access_token"]) == 200


def test_access_tokens_expire_after_the_configured_lifetime(tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(tmp_path, token_lifetime=0.5, clock=clock) as server:
        token = server.issue_token()
        assert token["expires_in"] == 0.5
        clock.advance(0.49)
        assert list_status(server, token["access_token"]) == 200
        clock.advance(0.02)
        headers = {"Authorization": f"Bearer {token['access_token']}"}
        expired = requests.get(server.api_base + "/fitnessActivities", headers=headers, timeout=5)
        assert expired.status_code == 401
        assert "expired" in expired.json()["error"]
        assert expired.headers["WWW-Authenticate"].startswith("Bearer")
        refreshed = token_request(
            server, grant_type="refresh_token", refresh_token=token["refresh_token"]
        ).json()
        assert list_status(server, refreshed["access_token"]) == 200


def test_expire_access_tokens_now(server: SandboxServer) -> None:
    token = server.issue_token()
    server.expire_access_tokens()
    assert list_status(server, token["access_token"]) == 401
    fresh = token_request(server, grant_type="refresh_token", refresh_token=token["refresh_token"])
    assert list_status(server, fresh.json()["access_token"]) == 200


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer unknown-token", "Basic abc"])
def test_missing_or_unknown_bearer_is_401_json(server: SandboxServer, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = requests.get(server.api_base + "/fitnessActivities", headers=headers, timeout=5)
    assert response.status_code == 401
    assert set(response.json()) == {"error"}
