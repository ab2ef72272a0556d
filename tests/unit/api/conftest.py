"""Fixtures of the api tests: the replay server, a fake keyring, and the no-token-in-logs guard.

The OS keyring cannot run here, so :class:`FakeKeyring` (a real ``KeyringBackend`` subclass that
keeps passwords in a dict) stands in for it. Everything else is real: HTTP on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from st_desktop.sandbox import SandboxServer  # part of the package: never skipped
from tests.unit.api.replay_server import ReplayServer

API_DATA = Path(__file__).resolve().parents[2] / "data" / "api"


class SecretWatch:
    """Every token text seen by the tests; none may appear in a log record."""

    def __init__(self) -> None:
        self.values: set[str] = set()

    def add(self, *values: str | None) -> None:
        for value in values:
            if value:
                self.values.add(value)

    def add_token_json(self, text: str) -> None:
        try:
            data = json.loads(text)
        except ValueError:
            return
        if isinstance(data, dict):
            self.add(data.get("access_token"), data.get("refresh_token"))


class FakeKeyring(KeyringBackend):
    """An in-memory keyring backend (the OS keyring cannot run in tests)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, watch: SecretWatch | None = None) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}
        self.watch = watch

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.watch:
            self.watch.add_token_json(password)
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


_BEARER = re.compile(r"(?i)bearer\s+(?!\[redacted\])\S+")


@pytest.fixture
def secret_watch() -> SecretWatch:
    return SecretWatch()


@pytest.fixture(autouse=True)
def no_tokens_in_logs(secret_watch: SecretWatch) -> Iterator[_Collect]:
    """Collect every log record (DEBUG and up) of the test and fail if one shows a token."""
    handler = _Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
    for line in handler.lines:
        assert not _BEARER.search(line), f"bearer token in log: {line[:200]}"
        for secret in secret_watch.values:
            assert secret not in line, f"token text in log record: {line[:200]}"


@pytest.fixture
def fake_keyring(secret_watch: SecretWatch) -> FakeKeyring:
    return FakeKeyring(secret_watch)


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    with ReplayServer(API_DATA) as server:
        yield server


# ----------------------------------------------------------------------------- sandbox


@pytest.fixture(scope="module")
def sandbox_module(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    """One sandbox with a small demo account per test module (faults reset for each test)."""
    with SandboxServer(tmp_path_factory.mktemp("sandbox"), seed=11, demo_size=40) as server:
        yield server


@pytest.fixture
def sandbox(sandbox_module: SandboxServer, secret_watch: SecretWatch) -> Iterator[SandboxServer]:
    sandbox_module.faults.reset()
    yield sandbox_module
    sandbox_module.faults.reset()


@pytest.fixture
def fresh_sandbox(tmp_path: Path) -> Iterator[SandboxServer]:
    """A sandbox of its own with an empty account (OAuth tests)."""
    with SandboxServer(tmp_path / "sandbox") as server:
        yield server
