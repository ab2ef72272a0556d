"""The keyring judged honestly at its edges, and the client secret kept or not."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, fail, null
from keyring.errors import KeyringError, PasswordDeleteError

from st_desktop.api.keyrings import (
    MemorySecrets,
    delete_client_secret,
    keyring_status,
    load_client_secret,
    store_client_secret,
)
from tests.doubles import MemoryKeyring

ROOT = "https://api.sporttracks.mobi"


def test_memory_secrets_behave_like_a_keyring() -> None:
    secrets = MemorySecrets()
    secrets.set_password("s", "u", "p")
    assert secrets.get_password("s", "u") == "p"
    secrets.delete_password("s", "u")
    assert secrets.get_password("s", "u") is None
    with pytest.raises(PasswordDeleteError):
        secrets.delete_password("s", "u")


def test_switched_off_empty_or_broken_keyrings_are_not_taken_for_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert not keyring_status(fail.Keyring()).persistent
    off = keyring_status(null.Keyring())
    assert not off.persistent
    assert "switched off" in off.reason
    empty = chainer.ChainerBackend()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    assert "none of the keyrings" in keyring_status(empty).reason

    def broken() -> object:
        raise RuntimeError("no D-Bus")

    monkeypatch.setattr(keyring, "get_keyring", broken)
    started = keyring_status()
    assert not started.persistent
    assert "could not be started" in started.reason


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("locked")


def test_the_client_secret_is_kept_read_and_forgotten_per_service() -> None:
    store = MemoryKeyring()
    assert store_client_secret(ROOT, "S3CRET", store)
    assert load_client_secret(ROOT, store) == "S3CRET"
    assert load_client_secret("http://127.0.0.1:1", store) is None  # another service's
    delete_client_secret(ROOT, store)
    delete_client_secret(ROOT, store)  # nothing stored: fine
    assert load_client_secret(ROOT, store) is None
    assert not store_client_secret(ROOT, "S3CRET", fail.Keyring())  # no keyring: caller keeps it
    assert load_client_secret(ROOT, fail.Keyring()) is None


@pytest.mark.expect_log("client secret")
def test_a_locked_keyring_is_said_in_the_log_and_never_raises() -> None:
    locked = LockedKeyring()
    assert not store_client_secret(ROOT, "S3CRET", locked)
    assert load_client_secret(ROOT, locked) is None
    delete_client_secret(ROOT, locked)
