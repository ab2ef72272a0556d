"""Tokens live in the keyring only, fall back to memory with one notice, and never show in text."""

from __future__ import annotations

import logging

import pytest
from keyring.backends import fail
from keyring.errors import KeyringLocked

from st_desktop.api.redact import MASK, Redactor, redact
from st_desktop.api.tokens import MEMORY_ONLY_NOTICE, Tokens, TokenStore
from tests.unit.api.conftest import FakeKeyring, SecretWatch

ACCOUNT = "https://api.sporttracks.mobi"


def test_tokens_are_saved_to_and_loaded_from_the_keyring(fake_keyring: FakeKeyring) -> None:
    store = TokenStore(ACCOUNT, backend=fake_keyring)
    store.save(Tokens("access-aaaaaaaa", "refresh-bbbbbbbb", 1234.5))

    again = TokenStore(ACCOUNT, backend=fake_keyring).load()  # as after a restart

    assert again is not None
    assert (again.access_token, again.refresh_token, again.expires_at) == (
        "access-aaaaaaaa",
        "refresh-bbbbbbbb",
        1234.5,
    )
    assert list(fake_keyring.passwords) == [("st-desktop", ACCOUNT)]
    assert store.persistent
    assert store.notice is None


def test_accounts_do_not_share_tokens(fake_keyring: FakeKeyring) -> None:
    TokenStore(ACCOUNT, backend=fake_keyring).save(Tokens("access-real-000"))
    assert TokenStore("http://127.0.0.1:5000", backend=fake_keyring).load() is None


def test_clear_signs_out(fake_keyring: FakeKeyring) -> None:
    store = TokenStore(ACCOUNT, backend=fake_keyring)
    store.save(Tokens("access-cccccccc"))
    store.clear()
    store.clear()  # twice is fine
    assert store.load() is None
    assert fake_keyring.passwords == {}


@pytest.mark.expect_log("damaged")
def test_damaged_entry_means_signed_out(fake_keyring: FakeKeyring) -> None:
    fake_keyring.passwords[("st-desktop", ACCOUNT)] = "{not json"
    assert TokenStore(ACCOUNT, backend=fake_keyring).load() is None


@pytest.mark.expect_log("in memory until quit")
def test_no_keyring_keeps_tokens_in_memory_and_says_so_once() -> None:
    notices: list[str] = []
    store = TokenStore(ACCOUNT, backend=fail.Keyring(), on_notice=notices.append)
    assert notices == []  # said at sign-in, when it matters, not when the store is made
    assert store.notice == MEMORY_ONLY_NOTICE

    store.save(Tokens("access-dddddddd", "refresh-eeeeeeee"))
    store.save(Tokens("access-ffffffff", "refresh-eeeeeeee"))

    loaded = store.load()
    assert loaded is not None
    assert loaded.access_token == "access-ffffffff"
    assert notices == [MEMORY_ONLY_NOTICE]
    assert store.notice == MEMORY_ONLY_NOTICE
    assert not store.persistent
    assert "sign in again" in MEMORY_ONLY_NOTICE
    assert "until you quit" in MEMORY_ONLY_NOTICE
    assert TokenStore(ACCOUNT, backend=fail.Keyring()).load() is None  # nothing survives


class LockedKeyring(FakeKeyring):
    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringLocked("locked")


@pytest.mark.expect_log("in memory until quit")
def test_keyring_failing_on_write_falls_back_to_memory(secret_watch: SecretWatch) -> None:
    notices: list[str] = []
    store = TokenStore(ACCOUNT, backend=LockedKeyring(secret_watch), on_notice=notices.append)
    assert store.persistent

    store.save(Tokens("access-gggggggg"))

    loaded = store.load()
    assert loaded is not None
    assert loaded.access_token == "access-gggggggg"
    assert notices == [MEMORY_ONLY_NOTICE]
    assert not store.persistent


def test_token_repr_and_store_logs_never_show_token_text(
    fake_keyring: FakeKeyring, caplog: pytest.LogCaptureFixture
) -> None:
    tokens = Tokens("access-hhhhhhhh", "refresh-iiiiiiii", 10.0)
    assert "hhhhhhhh" not in repr(tokens)
    assert "iiiiiiii" not in repr(tokens)
    assert "hhhhhhhh" not in str(tokens)


def test_refresh_response_without_refresh_token_keeps_the_old_one() -> None:
    old = Tokens("access-1111111", "refresh-2222222", 0.0)
    new = Tokens.from_token_response(
        {"access_token": "access-3333333", "expires_in": "7200"}, previous=old, now=100.0
    )
    assert (new.access_token, new.refresh_token, new.expires_at) == (
        "access-3333333",
        "refresh-2222222",
        7300.0,
    )
    assert new.expires_within(300, now=7000.0)
    assert not new.expires_within(300, now=6000.0)
    with pytest.raises(ValueError):
        Tokens.from_token_response({"refresh_token": "x"})


@pytest.mark.parametrize(
    "text",
    [
        "GET /x Authorization: Bearer abc123DEF456",
        '{"access_token": "abc123DEF456", "expires_in": 7200}',
        "grant_type=refresh_token&refresh_token=abc123DEF456&client_id=x",
        "callback /st-desktop/callback?code=abc123DEF456&state=s",
        "client_secret=abc123DEF456",
    ],
)
def test_redact_hides_credentials_in_every_syntax(text: str) -> None:
    cleaned = redact(text)
    assert "abc123DEF456" not in cleaned
    assert MASK in cleaned


@pytest.mark.expect_log("redacted")
def test_redactor_filter_cleans_records_and_registered_secrets(secret_watch: SecretWatch) -> None:
    redactor = Redactor()
    redactor.add_secret("plain-secret-value")
    secret_watch.add("plain-secret-value", "abc123DEF456")
    logger = logging.getLogger("st_desktop.test_redactor")
    logger.addFilter(redactor)
    try:
        logger.warning("token %s and header %s", "plain-secret-value", "Bearer abc123DEF456")
    finally:
        logger.removeFilter(redactor)
    # The autouse no_tokens_in_logs guard fails this test if either value reached a record.
