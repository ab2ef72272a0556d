"""Uploads from the pane against the sandbox's fault switches: each ends with one workout."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import OAuthConfig, OAuthSession, TokenEndpoint
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.domain.workout import WorkoutSummary
from st_desktop.parsers.registry import parse_bytes
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.uploads import UploadService
from st_desktop.store.cache import WorkoutCache
from st_desktop.store.uploads import ItemState, UploadStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.model import RowStatus, UploadRow
from st_desktop.ui.upload.pane import UploadPane
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.unit.api.conftest import FakeKeyring
from tests.unit.services.upload_helpers import START, make_gpx, sandbox_client, write_gpx

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)
ACCOUNT = "sandbox-qt"


def oauth_client(server: SandboxServer) -> SportTracksClient:
    """A client signed in the way the app is: OAuth tokens in a keyring, renewed when refused."""
    config = OAuthConfig.for_host(server.base_url, server.client_id, server.client_secret)
    session = OAuthSession(
        TokenEndpoint(config), TokenStore(config.token_url, backend=FakeKeyring())
    )
    session.sign_in(Tokens.from_token_response(server.issue_token()))
    return SportTracksClient(server.api_base, session)


def token_posts(server: SandboxServer) -> int:
    return sum(1 for _method, path in server.request_log if path.startswith("/oauth2/token"))


def quick_retries(pane: UploadPane) -> None:
    """Retries come after 0.2 s (or Retry-After) instead of the engine's 5 s."""
    pane.controller.engine_backoff = lambda _n, retry_after: max(0.2, retry_after or 0.0)


@pytest.mark.parametrize("fault", ["drop_after_store", "server_error", "rate_limit"])
def test_faults_end_with_exactly_one_workout(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path, fault: str
) -> None:
    client = sandbox_client(server, timeout=(2.0, 2.0), upload_timeout=(2.0, 2.0))
    pane.controller.set_account(Account(ACCOUNT, "test", client))
    drop(pane, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane), timeout=WAIT_MS)
    if fault == "rate_limit":
        server.faults.rate_limit = 1
        server.faults.retry_after = 0.5
    else:
        setattr(server.faults, fault, 1)
    quick_retries(pane)
    pane.upload_selected_or_all()
    qtbot.waitUntil(lambda: pane.status_label.text() == "1 uploaded.", timeout=WAIT_MS)
    assert pane.model.rows()[0].status == RowStatus.UPLOADED
    assert server.workout_count() == 1


def test_expired_access_token_is_renewed_without_asking(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    pane.controller.set_account(Account(ACCOUNT, "test", oauth_client(server)))
    drop(pane, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane), timeout=WAIT_MS)
    server.expire_access_tokens()  # the two-hour token ran out while the user looked
    before = token_posts(server)
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS):
        pane.upload_selected_or_all()
    assert pane.model.rows()[0].status == RowStatus.UPLOADED
    assert server.workout_count() == 1
    assert token_posts(server) == before + 1  # one refresh, then the upload went through


def test_refused_sign_in_waits_then_uploads_once(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    client = oauth_client(server)
    pane.controller.set_account(Account(ACCOUNT, "test", client))
    drop(pane, [write_gpx(tmp_path, "ride.gpx", START)])
    qtbot.waitUntil(lambda: settled(pane), timeout=WAIT_MS)
    server.faults.expire_tokens = True  # even renewed tokens are refused
    pane.upload_selected_or_all()

    qtbot.waitUntil(lambda: "sign in" in pane.status_label.text().lower(), timeout=WAIT_MS)
    row = pane.model.rows()[0]
    assert row.status == RowStatus.QUEUED  # kept, not failed: nothing the user dropped is lost
    assert "SportTracks still rejected the sign-in after renewing it" in row.message
    assert server.workout_count() == 0
    assert pane.controller.service.store.items()[0].state == ItemState.QUEUED
    assert pane.cancel_button.isEnabled()

    server.faults.expire_tokens = False  # the service accepts the sign-in again
    assert pane.upload_button.isEnabled()
    with qtbot.waitSignal(pane.workouts_uploaded, timeout=WAIT_MS):
        qtbot.mouseClick(pane.upload_button, Qt.MouseButton.LeftButton)  # "try now"
    assert pane.model.rows()[0].status == RowStatus.UPLOADED
    assert server.workout_count() == 1


def test_cancel_during_an_upload_lets_the_file_in_flight_finish(
    qtbot: QtBot, pane: UploadPane, server: SandboxServer, tmp_path: Path
) -> None:
    pane.controller.set_account(Account(ACCOUNT, "test", sandbox_client(server)))
    files = [
        write_gpx(tmp_path, f"ride{i}.gpx", START + timedelta(days=i, minutes=7 * i))
        for i in range(3)
    ]
    drop(pane, files)
    qtbot.waitUntil(lambda: settled(pane, 3), timeout=WAIT_MS)
    server.faults.delay = 0.8  # a slow connection
    pane.list.clearSelection()
    pane.upload_selected_or_all()

    def in_flight() -> list[UploadRow]:
        return [r for r in pane.model.rows() if r.status == RowStatus.UPLOADING]

    qtbot.waitUntil(lambda: bool(in_flight()) and in_flight()[0].step != "", timeout=WAIT_MS)
    [sending] = in_flight()
    assert sending.step == "Sending…"  # the bar in the Status column
    assert sending.progress == pytest.approx(0.5)
    assert sending.message == "Sending the file to SportTracks…"
    assert pane.cancel_button.isEnabled()
    with qtbot.waitSignal(pane.controller.upload_finished, timeout=WAIT_MS) as finished:
        qtbot.mouseClick(pane.cancel_button, Qt.MouseButton.LeftButton)

    assert finished.args == ["1 uploaded, 2 not sent (cancelled)."]
    assert sending.status == RowStatus.UPLOADED
    for row in pane.model.rows():
        if row is not sending:
            assert row.status == RowStatus.READY
            assert row.message == "Not sent: the upload was cancelled."
    assert server.workout_count() == 1
    states = sorted(item.state for item in pane.controller.service.store.items())
    assert states == sorted([ItemState.UPLOADED, ItemState.NEW, ItemState.NEW])
    assert not pane.cancel_button.isEnabled()
    server.faults.delay = 0.0
    with qtbot.waitSignal(pane.controller.upload_finished, timeout=WAIT_MS) as finished:
        pane.upload_selected_or_all()  # the rest go later, once
    assert finished.args == ["2 uploaded."]
    assert server.workout_count() == 3


def test_workout_in_the_local_cache_is_a_duplicate(
    qtbot: QtBot, runner: TaskRunner, store: UploadStore, server: SandboxServer, tmp_path: Path
) -> None:
    data = make_gpx(START)
    distance = parse_bytes(data, "ride.gpx").distance
    cache = WorkoutCache(tmp_path / "cache.sqlite3")
    # The account's history as the workout table cached it (the account itself is empty here).
    cache.upsert_summaries(
        ACCOUNT,
        [
            WorkoutSummary.from_json(
                {
                    "uri": f"{server.api_base}/fitnessActivities/41",
                    "name": "Morning ride",
                    "type": "Cycling",
                    "start_time": "2024-05-04T07:12:09+00:00",
                    "total_distance": distance * 1.003,
                }
            )
        ],
    )
    pane = UploadPane(UploadController(UploadService(store, cache), runner))
    qtbot.addWidget(pane)
    pane.controller.set_account(Account(ACCOUNT, "test", sandbox_client(server)))
    (tmp_path / "ride.gpx").write_bytes(data)
    drop(pane, [tmp_path / "ride.gpx"])
    qtbot.waitUntil(lambda: settled(pane), timeout=WAIT_MS)

    row = pane.model.rows()[0]
    assert row.status == RowStatus.DUPLICATE
    assert row.message == (
        "Already in the local cache: 'Morning ride', starts 09:12:09, 4 s apart, "
        "distance within 0.3 %"
    )
    with qtbot.waitSignal(pane.controller.upload_finished, timeout=WAIT_MS) as finished:
        pane.upload_selected_or_all()  # Skip is the default
    assert finished.args == ["0 uploaded, 1 duplicate skipped."]
    assert server.workout_count() == 0
    cache.close()
