"""Privacy zones, from Preferences to the sandbox account: the preview draws and says what the
zones hide, and the upload leaves those positions out (the rest of the ride goes up whole)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.parsers.privacy import HiddenStretches, PrivacyZone, distances_to
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.settings import Settings
from st_desktop.ui.detail.route import RouteView
from st_desktop.ui.dialogs.privacy_zones import save_zones
from st_desktop.ui.upload.fixes import FixActions
from st_desktop.ui.upload.pane import UploadPane
from st_desktop.ui.upload.preview_private import private_sentence
from tests.qt.upload.dropping import IGNORE_DRAG_DEPRECATION, WAIT_MS, drop, settled
from tests.qt.upload.test_upload_fixes import upload_all
from tests.unit.parsers.gpxcraft import at, gpx, moving
from tests.unit.services.upload_helpers import sandbox_client

pytestmark = pytest.mark.filterwarnings(IGNORE_DRAG_DEPRECATION)

HOME = PrivacyZone("Home", 47.05, 8.31, radius_m=300)
START = at("2024-06-01T08:00:00Z")


def out_and_back(lat: float = HOME.lat, lon: float = HOME.lon) -> bytes:
    """20 minutes north at 5 m/s and back the same way: 6 km out, 6 km home again."""
    out = moving(START, lat, lon, seconds=1200)
    back = [(t + 1210, la, lo) for (t, _, _), (_, la, lo) in zip(out, out[::-1], strict=True)]
    return gpx([[out + back]])


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def client(server: SandboxServer) -> SportTracksClient:
    return sandbox_client(server)


def shown(qtbot: QtBot, pane: UploadPane, path: Path) -> None:
    drop(pane, [path])
    qtbot.waitUntil(lambda: settled(pane, 1), timeout=WAIT_MS)
    pane.select_row(pane.model.rows()[0].row_id)
    route = pane.preview.route
    assert isinstance(route, RouteView)
    qtbot.waitUntil(lambda: route.track is not None, timeout=WAIT_MS)  # drawn, zones and all


def test_a_ride_from_home_arrives_without_home(
    qtbot: QtBot,
    pane: UploadPane,
    settings: Settings,
    client: SportTracksClient,
    tmp_path: Path,
) -> None:
    save_zones(settings, [HOME])  # Preferences > Privacy Zones
    FixActions(pane, settings)
    pane.controller.set_account(Account("sandbox-privacy", "test", client))
    path = tmp_path / "from home.gpx"
    path.write_bytes(out_and_back())
    shown(qtbot, pane, path)

    # The preview says what is hidden and draws it: the zone, and the hidden ends apart.
    note = pane.preview.privacy_note
    assert note.objectName() == "previewPrivacy"
    assert note.isVisible()
    assert note.text() == "Start and end within Home are hidden: 600 m."
    route = pane.preview.route
    assert isinstance(route, RouteView)
    zones, hidden_points = route.plot.private_parts()
    assert zones == 1
    assert hidden_points == 2 * (6 + 1)  # six points within 300 m at each end, and a joint

    [workout] = upload_all(qtbot, pane, client)
    location = workout.stream("location")
    assert location is not None
    fixes = np.array(location.values, dtype=float)
    assert distances_to(fixes[:, 0], fixes[:, 1], HOME).min() > HOME.radius_m
    assert len(fixes) == 242 - 2 * 6  # only the positions in the zone went
    distance = workout.stream("distance")
    assert distance is not None
    assert len(distance.values) == 242  # every sample, with its distance
    assert workout.total_distance == pytest.approx(12_000, rel=0.01)
    assert workout.clock_duration == pytest.approx(2410, abs=2)
    assert workout.start_time is not None
    assert workout.start_time.timestamp() == START  # the start is the ride's, not the zone's edge
    # Our FIT carries the ride's own offset: 08:00 UTC is 10:00 in Lucerne in June.
    assert workout.start_time.isoformat() == "2024-06-01T10:00:00+02:00"


def test_a_ride_away_from_every_zone_is_untouched(
    qtbot: QtBot, pane: UploadPane, settings: Settings, client: SportTracksClient, tmp_path: Path
) -> None:
    save_zones(settings, [HOME])
    FixActions(pane, settings)
    pane.controller.set_account(Account("sandbox-privacy", "test", client))
    path = tmp_path / "elsewhere.gpx"
    path.write_bytes(out_and_back(lat=46.95, lon=7.45))  # Bern
    shown(qtbot, pane, path)
    assert not pane.preview.privacy_note.isVisible()
    route = pane.preview.route
    assert isinstance(route, RouteView)
    assert route.plot.private_parts() == (0, 0)
    [workout] = upload_all(qtbot, pane, client)
    location = workout.stream("location")
    assert location is not None
    assert len(location.values) == 242


def test_the_sentence_says_which_end_which_zones_and_how_much() -> None:
    both = HiddenStretches(40.0, 2000.0, 412.4, ("Home",))
    assert private_sentence(both) == "Start and end within Home are hidden: 412 m."
    start = HiddenStretches(40.0, None, 1234.0, ("Home", "Work"))
    assert private_sentence(start) == "The start within Home and Work is hidden: 1.2 km."
    assert private_sentence(start, "imperial") == (
        "The start within Home and Work is hidden: 0.8 mi."
    )
    end = HiddenStretches(None, 2000.0, 200.0, ("Work",))
    assert private_sentence(end, "imperial") == "The end within Work is hidden: 656 ft."
    assert private_sentence(HiddenStretches(None, 10.0, 0.0, ("Work",))) == (
        "The end within Work is hidden."
    )
    assert private_sentence(None) == ""
