"""The consent form refuses cross-site approvals; PKCE binds the code to its client; codes
expire on the injected clock; the sandbox's own auto-approver still gets through."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import requests

from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.autoapprove import approve_in_sandbox, consent_redirect
from st_desktop.sandbox.oauth import CODE_LIFETIME, pkce_challenge
from tests.unit.sandbox.conftest import FakeClock
from tests.unit.sandbox.test_oauth import (
    REDIRECT,
    authorize,
    code_from,
    consent_fields,
    post_consent,
    token_request,
)

VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"  # RFC 7636 appendix B
CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"  # ... and its S256 challenge


def test_rfc_7636_example_challenge() -> None:
    assert pkce_challenge(VERIFIER) == CHALLENGE


def test_a_cross_site_post_without_the_form_token_is_refused(server: SandboxServer) -> None:
    forged = {
        "client_id": server.client_id,
        "redirect_uri": "http://127.0.0.1:9/steal",
        "state": "x",
        "response_type": "code",
    }
    for headers in ({}, {"Origin": "https://evil.example"}):
        answer = post_consent(server, forged, **headers)
        assert answer.status_code == 403
        assert "Location" not in answer.headers
    # A token from a form shown for other parameters does not approve these.
    token = consent_fields(server, state="other")["csrf_token"]
    answer = post_consent(server, {**forged, "csrf_token": token})
    assert answer.status_code == 403
    assert "Location" not in answer.headers


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
        {"Origin": "http://localhost:1"},
    ],
)
def test_a_foreign_origin_is_refused_even_with_a_valid_token(
    server: SandboxServer, headers: dict[str, str]
) -> None:
    fields = consent_fields(server)
    answer = post_consent(server, fields, **headers)
    assert answer.status_code == 403
    assert "another web page" in answer.text
    assert "Location" not in answer.headers


def test_the_sandboxs_own_origin_is_accepted(server: SandboxServer) -> None:
    fields = consent_fields(server)
    own = {"Origin": server.base_url, "Referer": server.authorize_url + "?state=xyzzy"}
    answer = post_consent(server, fields, **own)
    assert code_from(answer)


def test_form_tokens_are_single_use_and_bound_to_every_parameter(server: SandboxServer) -> None:
    fields = consent_fields(server)
    assert code_from(post_consent(server, fields))
    again = post_consent(server, fields)
    assert again.status_code == 403
    fields = consent_fields(server)
    changed = post_consent(server, {**fields, "redirect_uri": "http://127.0.0.1:9/other"})
    assert changed.status_code == 403
    # Refused once, the token is spent: the untouched form no longer works either.
    assert post_consent(server, fields).status_code == 403


def test_form_tokens_expire(tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(tmp_path, clock=clock) as server:
        fields = consent_fields(server)
        clock.advance(601)
        assert post_consent(server, fields).status_code == 403
        fields = consent_fields(server)
        clock.advance(599)
        assert code_from(post_consent(server, fields))


def test_the_consent_page_cannot_be_framed_or_cached(server: SandboxServer) -> None:
    page = requests.get(
        server.authorize_url,
        params={"client_id": server.client_id, "state": "s", "response_type": "code"},
        timeout=5,
    )
    assert page.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert page.headers["Cache-Control"] == "no-store"


def test_codes_expire_on_the_injected_clock(tmp_path: Path) -> None:
    clock = FakeClock()
    with SandboxServer(tmp_path, clock=clock) as server:
        code = code_from(authorize(server))
        clock.advance(CODE_LIFETIME + 1)
        late = token_request(server, grant_type="authorization_code", code=code)
        assert late.status_code == 400
        assert late.json() == {"error": "invalid_grant", "error_description": "the code expired"}
        code = code_from(authorize(server))
        clock.advance(CODE_LIFETIME - 1)
        in_time = token_request(server, grant_type="authorization_code", code=code)
        assert in_time.status_code == 200


def pkce_code(server: SandboxServer) -> str:
    return code_from(authorize(server, code_challenge=CHALLENGE, code_challenge_method="S256"))


def test_pkce_the_right_verifier_gets_tokens(server: SandboxServer) -> None:
    answer = token_request(
        server,
        grant_type="authorization_code",
        code=pkce_code(server),
        code_verifier=VERIFIER,
        redirect_uri=REDIRECT,
    )
    assert answer.status_code == 200
    assert "access_token" in answer.json()
    json_body = token_request(
        server,
        as_json=True,
        grant_type="authorization_code",
        code=pkce_code(server),
        code_verifier=VERIFIER,
    )
    assert json_body.status_code == 200


@pytest.mark.parametrize(
    ("verifier", "why"),
    [
        (None, "missing"),
        ("", "missing"),
        (VERIFIER[:-1] + "Y", "does not match"),
        (CHALLENGE, "does not match"),
        ("short", "does not match"),
    ],
)
def test_pkce_a_wrong_or_missing_verifier_is_invalid_grant(
    server: SandboxServer, verifier: str | None, why: str
) -> None:
    code = pkce_code(server)
    extra = {} if verifier is None else {"code_verifier": verifier}
    answer = token_request(server, grant_type="authorization_code", code=code, **extra)
    assert answer.status_code == 400
    assert answer.json()["error"] == "invalid_grant"
    assert why in answer.json()["error_description"]
    # The code was used up by the failed exchange: the right verifier comes too late.
    late = token_request(server, grant_type="authorization_code", code=code, code_verifier=VERIFIER)
    assert late.status_code == 400


def test_without_a_challenge_a_verifier_is_ignored(server: SandboxServer) -> None:
    code = code_from(authorize(server))
    answer = token_request(
        server, grant_type="authorization_code", code=code, code_verifier="anything-at-all"
    )
    assert answer.status_code == 200


@pytest.mark.parametrize(
    "params",
    [
        {"code_challenge": CHALLENGE, "code_challenge_method": "plain"},
        {"code_challenge": CHALLENGE},
        {"code_challenge": "too-short", "code_challenge_method": "S256"},
        {"code_challenge_method": "S256"},
    ],
)
def test_pkce_plain_or_malformed_challenges_are_refused(
    server: SandboxServer, params: dict[str, str]
) -> None:
    page = authorize(server, **params)
    assert page.status_code == 400
    assert "code_challenge" in page.text


class _Listener(BaseHTTPRequestHandler):
    """The app's loopback redirect listener, as far as the auto-approver can tell."""

    seen: list[str]

    def do_GET(self) -> None:
        self.seen.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"signed in")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def listener() -> Iterator[tuple[str, list[str]]]:
    seen: list[str] = []
    handler = type("Handler", (_Listener,), {"seen": seen})
    httpd = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/callback", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def test_the_auto_approver_reads_the_token_and_reaches_the_listener(
    server: SandboxServer, listener: tuple[str, list[str]]
) -> None:
    redirect, seen = listener
    query = {
        "client_id": server.client_id,
        "redirect_uri": redirect,
        "state": "st8",
        "response_type": "code",
        "code_challenge": CHALLENGE,
        "code_challenge_method": "S256",
    }
    assert approve_in_sandbox(server.authorize_url + "?" + urlencode(query))
    assert len(seen) == 1
    landed = parse_qs(urlsplit(seen[0]).query)
    assert landed["state"] == ["st8"]
    answer = token_request(
        server, grant_type="authorization_code", code=landed["code"][0], code_verifier=VERIFIER
    )
    assert answer.status_code == 200


@pytest.mark.expect_log("consent page could not be approved")
def test_consent_redirect_denies_and_refuses_other_hosts(server: SandboxServer) -> None:
    query = {
        "client_id": server.client_id,
        "redirect_uri": REDIRECT,
        "state": "s",
        "response_type": "code",
    }
    url = server.authorize_url + "?" + urlencode(query)
    denied = parse_qs(urlsplit(consent_redirect(url, "deny")).query)
    assert denied == {"error": ["access_denied"], "state": ["s"]}
    with pytest.raises(ValueError, match="local"):
        consent_redirect("https://api.sporttracks.mobi/oauth2/authorize?" + urlencode(query))
    with pytest.raises(ValueError, match="local"):
        approve_in_sandbox("https://api.sporttracks.mobi/oauth2/authorize")
    # A refused request (no state) is reported, not approved.
    assert not approve_in_sandbox(server.authorize_url + "?client_id=" + server.client_id)
