"""A missing system keyring is detected truthfully, whatever backend classes are imported.

The OS keyrings cannot run here, so a system one is stood in for by a backend class declared to
live in ``keyring.backends.SecretService`` (where the real one lives); the untrusted in-memory
backend is a ``KeyringBackend`` subclass defined in this test, exactly like the ones that fooled
``keyring.get_keyring()`` before.
"""

from __future__ import annotations

import importlib
import logging
import pkgutil
from collections.abc import Iterator

import keyring
import keyring.backend
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail, null

import st_desktop.api
from st_desktop.api.keyrings import (
    CLIENT_SECRET_SERVICE,
    MemorySecrets,
    delete_client_secret,
    keyring_status,
    load_client_secret,
    store_client_secret,
)
from st_desktop.api.tokens import MEMORY_ONLY_NOTICE, Tokens, TokenStore

ACCOUNT = "https://api.sporttracks.mobi"


class InMemoryKeyring(KeyringBackend):
    """What a test double or an app-defined in-memory class looks like to keyring."""

    priority = 50  # type: ignore[assignment]  # outranks the rest: get_keyring() picks it

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


class SystemKeyring:
    """Stands in for the SecretService backend (declared where the real one lives).

    Not a ``KeyringBackend`` subclass, so keyring does not register it: other tests' discovery
    must not find a "system keyring" that only this test pretends exists.
    """

    __module__ = "keyring.backends.SecretService"
    priority = 5

    def __init__(self) -> None:
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@pytest.fixture
def active_keyring() -> Iterator[None]:
    """Restore keyring's active backend after the test changed it."""
    before = keyring.get_keyring()
    try:
        yield
    finally:
        keyring.set_keyring(before)


@pytest.fixture
def discovered(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The backends keyring's discovery (and its chainer) will report."""
    found: list[object] = []
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: list(found))
    monkeypatch.setattr(chainer.ChainerBackend, "backends", found)
    return found


@pytest.mark.expect_log("in memory until quit")
def test_an_in_memory_backend_is_not_taken_for_a_system_keyring(
    active_keyring: None, discovered: list[object]
) -> None:
    fake = InMemoryKeyring()
    discovered.append(fake)
    keyring.set_keyring(fake)  # what keyring.get_keyring() returned inside the app
    notices: list[str] = []

    status = keyring_status()
    store = TokenStore(ACCOUNT, on_notice=notices.append)
    store.save(Tokens("access-mmmmmmmm", "refresh-nnnnnnnn"))

    assert not status.persistent
    assert "tests.unit.api.test_keyrings.InMemoryKeyring" in status.reason
    assert "is not a system one" in status.reason
    assert not store.persistent
    assert fake.values == {}  # nothing pretended to be kept
    assert notices == [MEMORY_ONLY_NOTICE]
    assert "until you quit" in MEMORY_ONLY_NOTICE


def test_the_system_keyring_is_found_behind_an_untrusted_active_one(
    active_keyring: None, discovered: list[object]
) -> None:
    fake, system = InMemoryKeyring(), SystemKeyring()
    discovered.extend([fake, system])
    keyring.set_keyring(fake)

    store = TokenStore(ACCOUNT)
    store.save(Tokens("access-oooooooo"))

    assert keyring_status().backend is system
    assert store.persistent
    assert fake.values == {}
    assert list(system.values) == [("st-desktop", ACCOUNT)]


@pytest.mark.parametrize(
    ("backend", "words"),
    [
        (fail.Keyring(), "no system keyring is available"),
        (null.Keyring(), "switched off"),
    ],
)
def test_fail_and_null_backends_keep_nothing(backend: KeyringBackend, words: str) -> None:
    status = keyring_status(backend)
    assert not status.persistent
    assert words in status.reason
    assert status.backend is None


def test_a_chainer_counts_only_the_system_keyrings_it_chains(
    discovered: list[object],
) -> None:
    discovered.append(InMemoryKeyring())
    assert not keyring_status(chainer.ChainerBackend()).persistent

    system = SystemKeyring()
    discovered.append(system)
    status = keyring_status(chainer.ChainerBackend())
    assert status.persistent
    assert status.backend is system  # not the in-memory one, though it ranks higher


def test_a_backend_of_priority_zero_is_not_used(discovered: list[object]) -> None:
    disabled = SystemKeyring()
    disabled.priority = 0
    assert not keyring_status(disabled).persistent


def test_memory_secrets_keep_tokens_for_the_session_without_a_notice(
    caplog: pytest.LogCaptureFixture,
) -> None:
    notices: list[str] = []
    secrets = MemorySecrets()
    with caplog.at_level(logging.WARNING):
        store = TokenStore("sandbox", backend=secrets, on_notice=notices.append)
        store.save(Tokens("access-pppppppp", "refresh-qqqqqqqq"))

    loaded = store.load()
    assert loaded is not None
    assert loaded.access_token == "access-pppppppp"
    assert not store.persistent
    assert notices == []
    assert caplog.records == []
    store.clear()
    store.clear()
    assert store.load() is None
    assert TokenStore("sandbox", backend=MemorySecrets()).load() is None


def test_the_api_layer_defines_no_keyring_backend() -> None:
    for module in pkgutil.iter_modules(st_desktop.api.__path__, "st_desktop.api."):
        importlib.import_module(module.name)
    ours = [
        cls
        for cls in _all_subclasses(KeyringBackend)
        if cls.__module__.startswith("st_desktop.api")
    ]
    assert ours == []
    assert not isinstance(MemorySecrets(), KeyringBackend)


def _all_subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _all_subclasses(sub)
    return found


# ----------------------------------------------------------------------------- client secret


def test_client_secret_goes_to_the_system_keyring_per_service(
    active_keyring: None, discovered: list[object]
) -> None:
    system = SystemKeyring()
    discovered.append(system)
    keyring.set_keyring(InMemoryKeyring())  # the system keyring is found behind it

    assert store_client_secret(ACCOUNT, "SECRETAAAAAAAAAA")
    assert store_client_secret("http://127.0.0.1:5000", "SECRETBBBBBBBBBB")

    assert load_client_secret(ACCOUNT) == "SECRETAAAAAAAAAA"
    assert load_client_secret("http://127.0.0.1:5000") == "SECRETBBBBBBBBBB"
    assert system.values[(CLIENT_SECRET_SERVICE, ACCOUNT)] == "SECRETAAAAAAAAAA"
    delete_client_secret(ACCOUNT)
    delete_client_secret(ACCOUNT)
    assert load_client_secret(ACCOUNT) is None


def test_without_a_keyring_the_client_secret_is_not_kept(
    active_keyring: None, discovered: list[object]
) -> None:
    fake = InMemoryKeyring()
    discovered.append(fake)
    keyring.set_keyring(fake)

    assert not store_client_secret(ACCOUNT, "SECRETCCCCCCCCCC")
    assert load_client_secret(ACCOUNT) is None
    assert fake.values == {}
