"""Shared fixtures for Qt tests: a sandbox account over loopback, its client, a fresh cache."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from st_desktop.api.client import SportTracksClient
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.sandbox import SandboxServer
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache

DEMO_SIZE = 60


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    """A sandbox account with 60 demo workouts, served on 127.0.0.1."""
    with SandboxServer(tmp_path / "sandbox", seed=1, demo_size=DEMO_SIZE) as running:
        yield running


@pytest.fixture
def client(server: SandboxServer) -> SportTracksClient:
    """An API client signed in to the sandbox; failures are not retried (tests stay fast)."""
    token = server.issue_token()["access_token"]
    return SportTracksClient(
        server.api_base, StaticTokenAuth(token), retry=RetryPolicy(max_attempts=1)
    )


@pytest.fixture
def account(server: SandboxServer) -> str:
    """The cache's key for the sandbox account."""
    return f"{server.api_base}#{server.user_id}"


@pytest.fixture
def cache(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[WorkoutCache]:
    """An empty offline cache, closed once the test's runner (if any) has finished its writes
    (a detail is kept for offline use after it is shown: that write may still be queued)."""
    store = WorkoutCache(tmp_path / "data" / "cache.sqlite3")
    yield store
    if "runner" in request.fixturenames:
        runner = request.getfixturevalue("runner")
        qtbot = request.getfixturevalue("qtbot")
        qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings in a temporary INI file."""
    return Settings(tmp_path / "settings.ini")
