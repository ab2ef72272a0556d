"""OAuth2 end to end against the sandbox: browser sign-in, refresh, expiry and revocation."""

from __future__ import annotations

import threading
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
import requests

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import OAuthConfig, OAuthSession, TokenEndpoint
from st_desktop.api.signin import BrowserSignIn, SignInCancelledError, SignInTimeoutError
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.errors import AuthError, AuthExpiredError, AuthRevokedError, NotSignedInError
from tests.unit.api.browser import FakeBrowser
from tests.unit.api.conftest import FakeKeyring, SandboxServer, SecretWatch
from tests.unit.api.hostile_server import wait_until


@pytest.fixture
def config(fresh_sandbox: SandboxServer) -> OAuthConfig:
    return OAuthConfig.for_host(
        fresh_sandbox.base_url, fresh_sandbox.client_id, fresh_sandbox.client_secret
    )


@pytest.fixture
def browser() -> FakeBrowser:
    return FakeBrowser()


def _session(config: OAuthConfig, keyring: FakeKeyring, **kwargs: object) -> OAuthSession:
    store = TokenStore(config.token_url, backend=keyring)
    return OAuthSession(TokenEndpoint(config), store, **kwargs)  # type: ignore[arg-type]


def _sign_in(config: OAuthConfig, browser: FakeBrowser, watch: SecretWatch) -> Tokens:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        browser.consent("approve")
        tokens = flow.wait(timeout=5)
    watch.add(tokens.access_token, tokens.refresh_token)
    return tokens


def _token_posts(server: SandboxServer) -> int:
    return sum(1 for method, path in server.request_log if path.startswith("/oauth2/token"))


def test_browser_sign_in_stores_tokens_in_the_keyring_and_works(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        url = flow.start()
        assert browser.opened == [url]
        assert flow.browser_opened
        query = dict(parse_qsl(urlsplit(url).query))
        assert query["client_id"] == config.client_id
        assert query["response_type"] == "code"
        assert urlsplit(query["redirect_uri"]).hostname == "127.0.0.1"
        assert urlsplit(query["redirect_uri"]).port not in (None, 0)
        assert len(query["state"]) >= 32
        browser.consent("approve")
        tokens = flow.wait(timeout=5)
    secret_watch.add(tokens.access_token, tokens.refresh_token)

    assert browser.landing is not None
    assert browser.landing.status_code == 200
    assert "You can close this window and return to st-desktop" in browser.landing.text
    assert dict(parse_qsl(urlsplit(url).query))["code_challenge_method"] == "S256"
    session = _session(config, fake_keyring)
    session.sign_in(tokens)
    client = SportTracksClient(fresh_sandbox.api_base, session)
    assert client.list_workouts().total == 0
    assert client.connect() == fresh_sandbox.user_id
    stored = next(iter(fake_keyring.passwords.values()))
    assert tokens.access_token in stored
    assert tokens.refresh_token
    assert tokens.refresh_token in stored


def test_each_sign_in_uses_a_new_random_state(config: OAuthConfig) -> None:
    states = set()
    for _ in range(3):
        with BrowserSignIn(config, open_browser=lambda url: True) as flow:
            states.add(dict(parse_qsl(urlsplit(flow.start()).query))["state"])
    assert len(states) == 3


@pytest.mark.parametrize("state", ["forged-state", None, "fälscht"])
def test_a_stray_reply_is_refused_and_the_real_one_still_signs_in(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    secret_watch: SecretWatch,
    state: str | None,
) -> None:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        location = browser.consent("approve", follow=False)
        parts = urlsplit(location)
        stray = {k: v for k, v in parse_qsl(parts.query) if k != "state"}
        if state:
            stray["state"] = state
        before = _token_posts(fresh_sandbox)

        landing = requests.get(parts._replace(query=urlencode(stray)).geturl(), timeout=5)

        assert landing.status_code == 400
        assert "does not belong to the sign-in st-desktop is waiting for" in landing.text
        assert _token_posts(fresh_sandbox) == before  # the stray code was not exchanged
        assert flow.listening  # still waiting for the real reply
        real = requests.get(location, timeout=5)
        tokens = flow.wait(timeout=5)
    secret_watch.add(tokens.access_token, tokens.refresh_token)
    assert real.status_code == 200
    assert "return to st-desktop" in real.text


def test_a_code_cannot_be_used_twice(
    config: OAuthConfig, browser: FakeBrowser, secret_watch: SecretWatch
) -> None:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        location = browser.consent("approve")
        tokens = flow.wait(timeout=5)
        secret_watch.add(tokens.access_token, tokens.refresh_token)
        # The listener closed right after the success: a reloaded tab reaches nothing.
        assert wait_until(lambda: _refused(location))

    code = dict(parse_qsl(urlsplit(location).query))["code"]
    with BrowserSignIn(config, open_browser=lambda url: True) as second:
        second.start()
        with pytest.raises(AuthError) as caught:
            second.complete_from_pasted(code)
    assert "already used" in caught.value.user_message


def _refused(url: str) -> bool:
    try:
        requests.get(url, timeout=2)
    except requests.ConnectionError:
        return True
    return False


def test_denied_access_says_so(config: OAuthConfig, browser: FakeBrowser) -> None:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        browser.consent("deny")
        with pytest.raises(AuthError) as caught:
            flow.wait(timeout=5)
    assert "declined" in caught.value.user_message


@pytest.mark.parametrize("paste", ["url", "query", "code"])
def test_manual_fallback_when_the_listener_cannot_be_reached(
    config: OAuthConfig, browser: FakeBrowser, secret_watch: SecretWatch, paste: str
) -> None:
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        location = browser.consent("approve", follow=False)  # the redirect never arrives
        with pytest.raises(SignInTimeoutError):
            flow.wait(timeout=0.05)
        text = {
            "url": location,
            "query": urlsplit(location).query,
            "code": dict(parse_qsl(urlsplit(location).query))["code"],
        }[paste]
        tokens = flow.complete_from_pasted(f"  {text}\n")
    secret_watch.add(tokens.access_token, tokens.refresh_token)
    assert tokens.refresh_token


@pytest.mark.expect_log("Could not open the system browser")
def test_browser_that_cannot_open_still_gives_the_url(config: OAuthConfig) -> None:
    def broken(url: str) -> object:
        raise OSError("no browser")

    with BrowserSignIn(config, open_browser=broken) as flow:
        url = flow.start()
    assert url.startswith(config.authorize_url)
    assert not flow.browser_opened


def test_cancel_ends_a_waiting_sign_in(config: OAuthConfig) -> None:
    with BrowserSignIn(config, open_browser=lambda url: True) as flow:
        flow.start()
        timer = threading.Timer(0.05, flow.cancel)
        timer.start()
        with pytest.raises(SignInCancelledError):
            flow.wait(timeout=5)
        timer.join()
        assert not flow.listening


def test_wrong_client_secret_is_reported_as_such(
    fresh_sandbox: SandboxServer, browser: FakeBrowser
) -> None:
    config = OAuthConfig.for_host(
        fresh_sandbox.base_url, fresh_sandbox.client_id, "WRONGSECRET00000"
    )
    with BrowserSignIn(config, open_browser=browser.open) as flow:
        flow.start()
        browser.consent("approve")
        with pytest.raises(AuthError) as caught:
            flow.wait(timeout=5)
    assert "client id and secret" in caught.value.user_message


def test_expired_token_mid_session_is_refreshed_once(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    fresh_sandbox.faults.refresh_returns_new_token = False
    session = _session(config, fake_keyring)
    first = _sign_in(config, browser, secret_watch)
    session.sign_in(first)
    client = SportTracksClient(fresh_sandbox.api_base, session)
    client.list_workouts()

    fresh_sandbox.expire_access_tokens()
    before = _token_posts(fresh_sandbox)
    client.list_workouts()  # 401 -> refresh -> retry, invisible to the caller

    assert _token_posts(fresh_sandbox) == before + 1
    renewed = session.tokens
    assert renewed is not None
    secret_watch.add(renewed.access_token)
    assert renewed.access_token != first.access_token
    assert renewed.refresh_token == first.refresh_token  # none returned: the old one is kept
    reloaded = TokenStore(config.token_url, backend=fake_keyring).load()
    assert reloaded is not None
    assert reloaded.access_token == renewed.access_token


def test_token_is_refreshed_shortly_before_it_expires(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    now = [1_000_000_000.0]
    session = _session(config, fake_keyring, clock=lambda: now[0])
    tokens = _sign_in(config, browser, secret_watch)
    session.sign_in(tokens.with_expiry(now[0] + 7200))
    client = SportTracksClient(fresh_sandbox.api_base, session)

    now[0] += 7200 - 120  # two minutes left: inside the refresh margin
    del fresh_sandbox.request_log[:]
    client.list_workouts()

    paths = [path for _, path in fresh_sandbox.request_log]
    assert paths[0] == "/oauth2/token"
    assert paths[1].startswith("/api/v2/fitnessActivities")
    assert len(paths) == 2  # refreshed before the call: no 401 round trip
    fresh = session.tokens
    assert fresh is not None
    secret_watch.add(fresh.access_token, fresh.refresh_token)


def test_parallel_calls_with_an_expired_token_refresh_only_once(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    session = _session(config, fake_keyring)
    session.sign_in(_sign_in(config, browser, secret_watch))
    client = SportTracksClient(fresh_sandbox.api_base, session)
    fresh_sandbox.expire_access_tokens()
    before = _token_posts(fresh_sandbox)
    errors: list[BaseException] = []

    def call() -> None:
        try:
            client.list_workouts()
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)

    assert errors == []
    assert _token_posts(fresh_sandbox) == before + 1
    tokens = session.tokens
    assert tokens is not None
    secret_watch.add(tokens.access_token, tokens.refresh_token)


@pytest.mark.expect_log("no longer valid")
def test_revoked_authorisation_asks_to_sign_in_again(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    browser: FakeBrowser,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    signed_out: list[AuthError] = []
    session = _session(config, fake_keyring, on_signed_out=signed_out.append)
    session.sign_in(_sign_in(config, browser, secret_watch))
    client = SportTracksClient(fresh_sandbox.api_base, session)
    fresh_sandbox.faults.revoke_tokens = True

    with pytest.raises(AuthRevokedError) as caught:
        client.list_workouts()

    assert "Please sign in again" in caught.value.user_message
    assert signed_out == [caught.value]
    assert not session.signed_in
    assert fake_keyring.passwords == {}
    with pytest.raises(NotSignedInError):
        client.list_workouts()


@pytest.mark.expect_log("no longer valid")
def test_pasted_access_token_works_until_it_expires(
    fresh_sandbox: SandboxServer,
    config: OAuthConfig,
    fake_keyring: FakeKeyring,
    secret_watch: SecretWatch,
) -> None:
    token = fresh_sandbox.issue_token()["access_token"]
    secret_watch.add(token)
    session = _session(config, fake_keyring)
    session.use_access_token(f"Bearer {token}\n")
    client = SportTracksClient(fresh_sandbox.api_base, session)
    assert client.list_workouts().total == 0

    fresh_sandbox.expire_access_tokens()
    with pytest.raises(AuthExpiredError) as caught:
        client.list_workouts()
    assert "Please sign in again" in caught.value.user_message
    assert not session.signed_in


def test_not_signed_in_is_said_before_any_request(
    fresh_sandbox: SandboxServer, config: OAuthConfig, fake_keyring: FakeKeyring
) -> None:
    client = SportTracksClient(fresh_sandbox.api_base, _session(config, fake_keyring))
    del fresh_sandbox.request_log[:]
    with pytest.raises(NotSignedInError) as caught:
        client.list_workouts()
    assert caught.value.user_message == "You are not signed in to SportTracks."
    assert fresh_sandbox.request_log == []
