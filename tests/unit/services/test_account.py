"""The account service without widgets: sign in by the real OAuth flow, restore, sign out."""

from __future__ import annotations

import pytest
from keyring.backends import fail

from st_desktop.api.redact import Redactor
from st_desktop.errors import AuthError
from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.autoapprove import approve_in_sandbox
from st_desktop.services.account import AccountService
from tests.doubles import MemoryKeyring


def make_service(server: SandboxServer, keyring: MemoryKeyring, **kwargs: object) -> AccountService:
    return AccountService(
        server.api_base,
        server.client_id,
        server.client_secret,
        keyring_backend=keyring,
        **kwargs,  # type: ignore[arg-type]
    )


def sign_in(service: AccountService) -> None:
    flow = service.new_sign_in(approve_in_sandbox)  # the consent form approved like a browser
    flow.start()
    return service.adopt_tokens(flow.wait(30.0))  # type: ignore[return-value]


def test_sign_in_keeps_tokens_in_the_keyring_and_knows_the_user(server: SandboxServer) -> None:
    keyring = MemoryKeyring()
    redactor = Redactor()
    service = make_service(server, keyring, redactor=redactor)
    account = sign_in(service)  # type: ignore[func-returns-value]
    assert account.key == f"{server.base_url}|{server.user_id}"
    assert account.description == f"SportTracks user {server.user_id}"
    assert account.online
    assert account.require_client().list_workouts(0, 1).items
    stored = next(iter(keyring.items.values()))
    assert "access_token" in stored
    assert redactor.secrets  # every token handled is known to the log redaction


def test_the_next_start_restores_the_account_from_the_keyring(server: SandboxServer) -> None:
    keyring = MemoryKeyring()
    account = sign_in(make_service(server, keyring))  # type: ignore[func-returns-value]
    later = make_service(server, keyring)
    restored = later.restore(account.key)
    assert restored is not None
    again, reason = restored
    assert (again.key, again.online, reason) == (account.key, True, "")
    assert again.require_client().list_workouts(0, 1).items
    assert later.restore("https://elsewhere.example|1") is None  # another service's account
    later.sign_out()
    assert keyring.items == {}
    # Signed out: the account still comes back, without a client, with the reason to show.
    gone = make_service(server, keyring).restore(account.key)
    assert gone is not None
    offline, reason = gone
    assert offline.key == account.key
    assert not offline.online
    assert "no longer saved" in reason


@pytest.mark.expect_log("in memory")
def test_without_a_keyring_the_next_start_says_why_a_sign_in_is_needed(
    server: SandboxServer,
) -> None:
    no_keyring = fail.Keyring()
    notices: list[str] = []
    service = make_service(server, no_keyring, on_notice=notices.append)  # type: ignore[arg-type]
    account = sign_in(service)  # type: ignore[func-returns-value]
    assert account.online  # works for this run ...
    assert notices  # ... and the user was told it is kept only until quit
    restored = make_service(server, fail.Keyring()).restore(account.key)  # type: ignore[arg-type]
    assert restored is not None
    offline, reason = restored
    assert not offline.online
    assert "no usable password keyring" in reason


@pytest.mark.expect_log("no longer valid")
def test_a_revoked_sign_in_is_reported_and_the_account_stays_readable(
    server: SandboxServer,
) -> None:
    lost: list[str] = []
    service = make_service(server, MemoryKeyring(), on_auth_lost=lost.append)
    account = sign_in(service)  # type: ignore[func-returns-value]
    server.faults.revoke_tokens = True  # e.g. the user removed st-desktop on the website
    with pytest.raises(AuthError):
        account.require_client().list_workouts(0, 1)
    assert lost
    assert "sign in" in lost[0].lower()
    signed_out = service.signed_out_account(account.key)
    assert not signed_out.online
    assert signed_out.key == account.key  # the cache of this account stays visible
    with pytest.raises(AuthError, match="Sign in"):
        signed_out.require_client()


def test_sandbox_tokens_never_reach_the_keyring(server: SandboxServer) -> None:
    keyring = MemoryKeyring()
    service = make_service(server, keyring)
    service.use_sandbox(server.api_base, server.client_id, server.client_secret)
    account = sign_in(service)  # type: ignore[func-returns-value]
    assert account.sandbox
    assert account.key == f"sandbox|{server.user_id}"
    assert keyring.items == {}
    assert service.restore(account.key) is not None  # kept in memory for this run
