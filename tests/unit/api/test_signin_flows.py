"""The sign-in listener keeps its promises: PKCE, no exchange without a keeper, older tabs work.

Against the sandbox (the consent page and token endpoint are real), except where the token
request itself is inspected: there a loopback stand-in records what the app sends.
"""

from __future__ import annotations

import json
import threading
from urllib.parse import parse_qs, parse_qsl, urlsplit

import pytest
import requests

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import OAuthConfig, StaticTokenAuth
from st_desktop.api.pkce import code_challenge, new_code_verifier
from st_desktop.api.signin import (
    BrowserSignIn,
    SignInCancelledError,
    SignInGroup,
    SignInTimeoutError,
)
from st_desktop.errors import AuthError
from tests.unit.api.browser import FakeBrowser
from tests.unit.api.conftest import SandboxServer, SecretWatch
from tests.unit.api.hostile_server import HostileServer, json_answer, wait_until


@pytest.fixture
def config(fresh_sandbox: SandboxServer) -> OAuthConfig:
    return OAuthConfig.for_host(
        fresh_sandbox.base_url, fresh_sandbox.client_id, fresh_sandbox.client_secret
    )


@pytest.fixture
def group() -> SignInGroup:
    return SignInGroup()  # attempts of other tests must not answer for these


def _token_posts(server: SandboxServer) -> int:
    return sum(1 for _, path in server.request_log if path.startswith("/oauth2/token"))


def _refused(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
    except requests.ConnectionError:
        return True
    return False


# ----------------------------------------------------------------------------- PKCE


def test_code_challenge_follows_rfc_7636() -> None:
    # RFC 7636 appendix B
    assert (
        code_challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        == "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
    )
    verifiers = {new_code_verifier() for _ in range(5)}
    assert len(verifiers) == 5
    for verifier in verifiers:
        assert 43 <= len(verifier) <= 128
        assert set(verifier) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )


def test_every_authorization_carries_a_challenge_and_the_exchange_its_verifier(
    secret_watch: SecretWatch, group: SignInGroup
) -> None:
    body = json.dumps({"access_token": "pkce-access-token-1234", "expires_in": 60}).encode()
    secret_watch.add("pkce-access-token-1234")
    with HostileServer(json_answer(body)) as oauth:
        config = OAuthConfig.for_host(oauth.root, "client", "SECRET0000000000")
        with BrowserSignIn(config, open_browser=lambda url: True, group=group) as flow:
            query = dict(parse_qsl(urlsplit(flow.start()).query))
            reply = f"{query['redirect_uri']}?code=code-1234567&state={query['state']}"
            assert requests.get(reply, timeout=5).status_code == 200
            flow.wait(timeout=5)

    assert query["code_challenge_method"] == "S256"
    form = {k: v[0] for k, v in parse_qs(oauth.requests[-1].body.decode()).items()}
    assert form["grant_type"] == "authorization_code"
    assert code_challenge(form["code_verifier"]) == query["code_challenge"]
    assert form["redirect_uri"] == query["redirect_uri"]


# ----------------------------------------------------------------------------- no keeper


def test_approving_after_the_timeout_exchanges_nothing(
    fresh_sandbox: SandboxServer, config: OAuthConfig, group: SignInGroup
) -> None:
    browser = FakeBrowser()
    with BrowserSignIn(config, open_browser=browser.open, group=group) as flow:
        flow.start()
        with pytest.raises(SignInTimeoutError):
            flow.wait(timeout=0.05)
        before = _token_posts(fresh_sandbox)

        browser.consent("approve")  # the user approves after st-desktop stopped waiting

        assert browser.landing is not None
        assert browser.landing.status_code == 400
        assert "This sign-in expired" in browser.landing.text
        assert "start a new sign-in in st-desktop" in browser.landing.text
        assert _token_posts(fresh_sandbox) == before
        assert not flow.listening


def test_approving_after_cancel_exchanges_nothing(
    fresh_sandbox: SandboxServer, config: OAuthConfig, group: SignInGroup
) -> None:
    browser = FakeBrowser()
    with BrowserSignIn(config, open_browser=browser.open, group=group) as flow:
        flow.start()
        flow.cancel()
        before = _token_posts(fresh_sandbox)

        browser.consent("approve")

        assert browser.landing is not None
        assert browser.landing.status_code == 400
        assert "This sign-in was cancelled in st-desktop" in browser.landing.text
        assert _token_posts(fresh_sandbox) == before
        with pytest.raises(SignInCancelledError):
            flow.wait(timeout=1)


def test_a_late_reply_meets_a_closed_port_after_the_reply_window(
    config: OAuthConfig, group: SignInGroup
) -> None:
    browser = FakeBrowser()
    flow = BrowserSignIn(config, open_browser=browser.open, group=group, reply_window=0.3)
    flow.start()
    location = browser.consent("approve", follow=False)
    flow.cancel()
    try:
        assert wait_until(lambda: _refused(location))
    finally:
        flow.close()


# ----------------------------------------------------------------------------- older tabs


def test_an_older_tab_still_signs_in_through_the_newest_attempt(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    group: SignInGroup,
    secret_watch: SecretWatch,
) -> None:
    old_tab, new_tab = FakeBrowser(), FakeBrowser()
    approved: list[str] = []
    with (
        BrowserSignIn(config, open_browser=old_tab.open, group=group) as first,
        BrowserSignIn(config, open_browser=new_tab.open, group=group) as second,
    ):
        first.start()
        first.cancel()  # what the dialog does on a second "Sign In with Browser"
        second.on_approved = lambda: approved.append(threading.current_thread().name)
        second.start()

        old_tab.consent("approve")  # ... but the user approves in the first tab
        tokens = second.wait(timeout=5)
        secret_watch.add(tokens.access_token, tokens.refresh_token)

        assert old_tab.landing is not None
        assert old_tab.landing.status_code == 200
        assert "signed in" in old_tab.landing.text
        with pytest.raises(SignInCancelledError):
            first.wait(timeout=1)
        client = SportTracksClient(fresh_sandbox.api_base, StaticTokenAuth(tokens.access_token))
        assert client.connect() == fresh_sandbox.user_id
        assert wait_until(lambda: len(approved) == 1)
        assert approved[0] != threading.current_thread().name  # the listener's thread
        before = _token_posts(fresh_sandbox)

        new_tab.consent("approve")  # the newer tab, approved too, finds the sign-in done

        assert new_tab.landing is not None
        assert "st-desktop is signed in" in new_tab.landing.text
        assert _token_posts(fresh_sandbox) == before


def test_an_older_tab_says_so_when_no_attempt_waits(
    fresh_sandbox: SandboxServer, config: OAuthConfig, group: SignInGroup
) -> None:
    old_tab = FakeBrowser()
    with (
        BrowserSignIn(config, open_browser=old_tab.open, group=group) as first,
        BrowserSignIn(config, open_browser=lambda url: True, group=group) as second,
    ):
        first.start()
        first.cancel()
        second.start()
        second.cancel()  # the dialog was closed: nobody waits any more
        before = _token_posts(fresh_sandbox)

        old_tab.consent("approve")

        assert old_tab.landing is not None
        assert old_tab.landing.status_code == 400
        assert "start a new sign-in in st-desktop" in old_tab.landing.text
        assert _token_posts(fresh_sandbox) == before


def test_an_older_address_can_be_pasted_into_a_newer_attempt(
    config: OAuthConfig, group: SignInGroup, secret_watch: SecretWatch
) -> None:
    old_tab = FakeBrowser()
    with (
        BrowserSignIn(config, open_browser=old_tab.open, group=group) as first,
        BrowserSignIn(config, open_browser=lambda url: True, group=group) as second,
    ):
        first.start()
        location = old_tab.consent("approve", follow=False)
        first.cancel()
        second.start()
        tokens = second.complete_from_pasted(location)
    secret_watch.add(tokens.access_token, tokens.refresh_token)
    assert tokens.refresh_token


# ----------------------------------------------------------------------------- outcomes


def test_denial_ends_the_attempt_and_closes_the_listener(
    config: OAuthConfig, group: SignInGroup
) -> None:
    browser = FakeBrowser()
    approved: list[bool] = []
    with BrowserSignIn(
        config, open_browser=browser.open, group=group, on_approved=lambda: approved.append(True)
    ) as flow:
        flow.start()
        location = browser.consent("deny")
        with pytest.raises(AuthError) as caught:
            flow.wait(timeout=5)
        assert browser.landing is not None
        assert browser.landing.status_code == 400
        assert "You declined access" in browser.landing.text
        assert "Return to st-desktop to try again" in browser.landing.text
        assert wait_until(lambda: _refused(location))
    assert "declined" in caught.value.user_message
    assert approved == []


def test_the_approval_hook_runs_on_the_listener_thread_once(
    config: OAuthConfig, group: SignInGroup, secret_watch: SecretWatch
) -> None:
    browser = FakeBrowser()
    threads: list[threading.Thread] = []
    with BrowserSignIn(
        config,
        open_browser=browser.open,
        group=group,
        on_approved=lambda: threads.append(threading.current_thread()),
    ) as flow:
        flow.start()
        browser.consent("approve")
        tokens = flow.wait(timeout=5)
        assert wait_until(lambda: len(threads) == 1)
    secret_watch.add(tokens.access_token, tokens.refresh_token)
    assert threads[0] is not threading.main_thread()
