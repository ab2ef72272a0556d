"""Fixtures of the sandbox contract tests: real servers on 127.0.0.1, spoken to with raw HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import requests

from st_desktop.sandbox import SandboxServer

#: Small demo accounts keep the suite fast; 60 workouts give pages of 25, 25 and 10.
DEMO_SIZE = 60
DEMO_SEED = 7
DEMO_END = date(2025, 9, 30)


class FakeClock:
    """An injectable clock (epoch seconds) that moves only when a test says so."""

    def __init__(self, start: float = 1_760_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Api:
    """Raw HTTP against one sandbox with a valid bearer token (no st_desktop client involved)."""

    def __init__(self, server: SandboxServer) -> None:
        self.server = server
        self.token = server.issue_token()
        self.headers = {"Authorization": f"Bearer {self.token['access_token']}"}

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.server.api_base + path

    def get(self, path: str, **params: Any) -> requests.Response:
        return requests.get(self.url(path), params=params, headers=self.headers, timeout=10)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.post(self.url(path), headers=self.headers, timeout=10, **kwargs)

    def put(self, path: str, **kwargs: Any) -> requests.Response:
        return requests.put(self.url(path), headers=self.headers, timeout=10, **kwargs)

    def delete(self, path: str) -> requests.Response:
        return requests.delete(self.url(path), headers=self.headers, timeout=10)

    def create(self, body: dict[str, Any]) -> str:
        response = self.post("/fitnessActivities", json=body)
        assert response.status_code == 200, response.text
        uri: str = response.json()["uris"][0]
        return uri


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    """An empty account."""
    with SandboxServer(tmp_path / "sandbox") as running:
        yield running


@pytest.fixture
def api(server: SandboxServer) -> Api:
    """Authorised raw HTTP against the empty account."""
    return Api(server)


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    """A small demo account shared by a module's read-only tests (faults must be reset after)."""
    data_dir = tmp_path_factory.mktemp("demo")
    with SandboxServer(data_dir, seed=DEMO_SEED, demo_size=DEMO_SIZE, demo_end=DEMO_END) as s:
        yield s


@pytest.fixture
def demo_api(demo_server: SandboxServer) -> Iterator[Api]:
    """Authorised raw HTTP against the demo account; its faults are reset after each test."""
    yield Api(demo_server)
    demo_server.faults.reset()


def workout(**overrides: Any) -> dict[str, Any]:
    """A complete workout body, as a client would POST it."""
    body: dict[str, Any] = {
        "start_time": "2024-05-04T09:30:00+02:00",
        "type": "Running",
        "name": "Test run",
        "total_distance": 5000.0,
        "duration": 1500.0,
        "clock_duration": 1560,
        "calories": 1500,
        "elevation_gain": 12.5,
        "elevation_loss": 11.0,
        "avg_speed": 3.333,
        "max_speed": 4.1,
        "avg_heartrate": 150,
        "max_heartrate": 171,
        "laps": [
            {
                "start_time": "2024-05-04T09:30:00+02:00",
                "type": "ACTIVE",
                "distance": 2500,
                "duration": 760.5,
                "clock_duration": 790,
            },
            {
                "start_time": "2024-05-04T09:43:10+02:00",
                "type": "rest",
                "distance": 2500,
                "duration": 739.5,
                "clock_duration": 770,
            },
        ],
        "timer_stops": [["2024-05-04T09:40:00+02:00", "2024-05-04T09:41:00+02:00"]],
        "location": [0, [47.05, 8.30], 5, [47.0501, 8.3002], 10, [47.0503, 8.3004]],
        "distance": [0, 0, 5, 14.2, 10, 29.9],
        "heartrate": [0, 98, 5, 104, 10, 111],
    }
    body.update(overrides)
    return body
