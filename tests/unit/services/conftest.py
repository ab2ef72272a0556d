"""Fixtures of the service tests: a sandbox account on loopback, its Account handle, a cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from st_desktop.api.client import SportTracksClient
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.store.cache import WorkoutCache

DEMO_SIZE = 30


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    """A sandbox account with 30 demo workouts, served on 127.0.0.1."""
    with SandboxServer(tmp_path / "sandbox", seed=5, demo_size=DEMO_SIZE) as running:
        yield running


@pytest.fixture
def account(server: SandboxServer) -> Account:
    """The signed-in sandbox account (failures are not retried: tests stay fast)."""
    token = server.issue_token()["access_token"]
    client = SportTracksClient(
        server.api_base, StaticTokenAuth(token), retry=RetryPolicy(max_attempts=1)
    )
    return Account(f"sandbox|{server.user_id}", "Sandbox", client, sandbox=True)


@pytest.fixture
def cache(tmp_path: Path) -> Iterator[WorkoutCache]:
    """An empty offline cache."""
    store = WorkoutCache(tmp_path / "data" / "cache.sqlite3")
    yield store
    store.close()
