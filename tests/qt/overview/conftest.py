"""The whole app with the overview installed, signed in to a sandbox over loopback.

Figures are checked against what the sandbox itself serves, read here over raw HTTP and summed
independently of the code under test.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.app_overview import install_overview
from st_desktop.sandbox import SandboxServer
from st_desktop.ui.overview.hub import OverviewHub
from tests.doubles import MemoryKeyring
from tests.qt.sandbox_account import DEMO_SIZE

WAIT_MS = 20_000


def raw_get(server: SandboxServer, path: str, **params: Any) -> Any:
    """A GET straight over HTTP, beside the app: what the sandbox really holds."""
    token = server.issue_token()["access_token"]
    response = requests.get(
        f"{server.api_base}{path}",
        params=params,
        timeout=5,
        headers={"Authorization": f"Bearer {token}"},
    )
    response.raise_for_status()
    return response.json()


def sandbox_items(server: SandboxServer) -> list[dict[str, Any]]:
    """Every workout of the sandbox account as its list item (with the summary figures)."""
    body = raw_get(server, "/fitnessActivities", pageSize=1000, data="summary")
    assert len(body["items"]) == int(body["size"])
    return list(body["items"])


def local_day(item: dict[str, Any]) -> date:
    """The day a list item started, where it was recorded."""
    return datetime.fromisoformat(item["start_time"]).date()


def item_id(item: dict[str, Any]) -> str:
    return str(item["uri"]).rstrip("/").rsplit("/", 1)[-1]


def hub_of(application: Application) -> OverviewHub:
    hub = application.window.findChild(OverviewHub, "overviewHub")
    assert hub is not None
    return hub


def pane(application: Application, name: str) -> Any:
    found = application.window.findChild(QWidget, name)
    assert found is not None, name
    return found


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Make ``window`` the active one: shortcuts only reach the active window."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def start(qtbot: QtBot, basedir: Path, api_base: str, *argv: str) -> Application:
    """The app with the overview installed, its window shown and active (not signed in yet)."""
    application = create_application(
        ["--basedir", str(basedir), "--api-base", api_base, *argv],
        keyring_backend=MemoryKeyring(),
    )
    install_overview(application)
    qtbot.addWidget(application.window)
    application.window.show()
    qtbot.waitExposed(application.window)
    activate(qtbot, application.window)
    return application


def sign_in(qtbot: QtBot, application: Application, server: SandboxServer) -> None:
    """Sign in with a pasted token; wait until every workout, the gear and metrics are in."""
    with qtbot.waitSignal(application.account.account_changed, timeout=WAIT_MS):
        application.account.use_pasted_token(server.issue_token()["access_token"])
    account = application.account.account
    assert account is not None
    cache = application.workouts.cache
    qtbot.waitUntil(lambda: cache.count(account.key) == DEMO_SIZE, timeout=WAIT_MS)
    hub = hub_of(application)
    qtbot.waitUntil(
        lambda: hub.gear.fetched_at is not None and hub.metrics.fetched_at is not None,
        timeout=WAIT_MS,
    )


def digest_ready(qtbot: QtBot, application: Application) -> None:
    """Wait until the overview has summed every cached workout."""
    hub = hub_of(application)
    hub.ensure_digest()
    qtbot.waitUntil(lambda: len(hub.digest.entries) == DEMO_SIZE, timeout=WAIT_MS)


@pytest.fixture
def app(qtbot: QtBot, isolated_basedir: Path, server: SandboxServer) -> Iterator[Application]:
    """The whole app, signed in to the sandbox, everything loaded."""
    application = start(qtbot, isolated_basedir, server.api_base)
    sign_in(qtbot, application, server)
    yield application
    application.shutdown(5.0)
