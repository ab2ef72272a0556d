"""The detail editor against the sandbox: figures, charts and route, read-modify-write saves
that keep everything else byte-identical, and conflicts with a concurrent server change."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest
import requests
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.domain.workout import WorkoutSummary
from st_desktop.sandbox import SandboxServer
from st_desktop.services import sync
from st_desktop.services.account import Account
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskContext, TaskRunner
from st_desktop.ui.detail.editor import DetailEditor

UNKNOWN = {"gear": {"id": 7, "name": "Blue shoes"}, "x_future": [1, "two", None]}


class TappedSession(requests.Session):
    """A real HTTP session that records request bodies and, like a newer service might, adds
    fields this app does not know to every workout it GETs (the sandbox drops unknown keys)."""

    def __init__(self) -> None:
        super().__init__()
        self.puts: list[dict[str, Any]] = []

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
        if method == "PUT":
            self.puts.append(json.loads(json.dumps(kwargs.get("json"))))
        response = super().request(method, url, *args, **kwargs)
        if method == "GET" and "/fitnessActivities/" in url and response.ok:
            body = response.json()
            body.update(UNKNOWN)
            response._content = json.dumps(body).encode()
        return response


def first_summary(client: SportTracksClient, cache: WorkoutCache, account: str) -> WorkoutSummary:
    sync.refresh_recent(TaskContext(), client, cache, account)
    return client.list_workouts(0, 1).items[0]


def make_editor(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    answers: list[bool] | None = None,
) -> tuple[DetailEditor, list[str]]:
    asked: list[str] = []

    def confirm(_parent: object, title: str, _text: str, _action: str) -> bool:
        asked.append(title)
        return answers.pop(0) if answers else False

    editor = DetailEditor(runner, settings, WorkoutService(cache), confirm=confirm)
    qtbot.addWidget(editor)
    editor.resize(1000, 700)
    editor.show()
    return editor, asked


def load(qtbot: QtBot, editor: DetailEditor, summary: WorkoutSummary) -> None:
    with qtbot.waitSignal(editor.workout_loaded, timeout=10_000):
        editor.show_workout(summary)


def test_shows_figures_charts_and_a_route_that_follows_the_crosshair(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    tmp_path: Path,
) -> None:
    summary = first_summary(client, cache, account)
    editor, _ = make_editor(qtbot, runner, settings, cache)
    editor.set_account(Account(account, "test", client))
    load(qtbot, editor, summary)
    assert editor.name.text() == summary.name
    assert editor.charts.chart_count() >= 2
    assert "kcal" in editor.figure_labels["calories"].text()
    assert editor.laps.table.rowCount() == len(editor.workout.laps)  # type: ignore[union-attr]
    track = editor.charts.track
    assert track is not None
    assert track.has_route
    middle = float(track.time[len(track) // 2])
    editor.charts.cursor_moved.emit(middle)
    lat, lon = editor.route.marker_position()  # type: ignore[misc]
    expected = track.position_at(middle)
    assert expected is not None
    assert math.isclose(lat, expected[0], abs_tol=1e-9)
    assert math.isclose(lon, expected[1], abs_tol=1e-9)
    editor.charts.set_x_axis("distance")
    assert editor.charts.chart_count() >= 2
    editor.set_units("imperial")
    assert " mi" in editor.figure_labels["distance"].text()
    editor.grab().save(str(tmp_path / "detail.png"))


def test_edit_and_save_keeps_streams_laps_and_unknown_keys(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    server: SandboxServer,
    account: str,
) -> None:
    session = TappedSession()
    token = server.issue_token()["access_token"]
    client = SportTracksClient(
        server.api_base, StaticTokenAuth(token), session, retry=RetryPolicy(max_attempts=1)
    )
    summary = first_summary(client, cache, account)
    before = client.get_workout(summary.uri or "").to_json()
    editor, _ = make_editor(qtbot, runner, settings, cache)
    editor.set_account(Account(account, "test", client))
    load(qtbot, editor, summary)
    assert not editor.save_button.isEnabled()
    editor.name.setText("Renamed on the desktop")
    editor.notes.setPlainText("Legs felt good")
    editor.type_picker.set_wire_type("Cycling: Mountain")
    editor.type_picker.type_changed.emit(editor.type_picker.wire_type())
    assert editor.is_dirty()
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.workout_saved, timeout=10_000):
        editor.save_button.click()
    qtbot.waitUntil(lambda: not runner.is_busy(), timeout=5000)

    [sent] = session.puts
    edited = {"name", "notes", "type"}
    assert {k: v for k, v in sent.items() if k not in edited} == {
        k: v for k, v in before.items() if k not in edited
    }  # every other key, unknown ones included, went back exactly as read ...
    assert list(sent) == list(before) + [k for k in sent if k not in before]  # ... in order
    assert json.dumps(sent["laps"]) == json.dumps(before["laps"])
    after = client.get_workout(summary.uri or "").to_json()
    assert after["name"] == "Renamed on the desktop"
    assert after["notes"] == "Legs felt good"
    assert after["type"] == "Cycling: Mountain"
    for key in ("laps", "location", "elevation", "distance", "heartrate", "start_time"):
        if key in before:
            assert json.dumps(after[key]) == json.dumps(before[key]), key
    assert not editor.is_dirty()
    assert editor.status.text() == "Saved."


def test_a_concurrent_server_change_is_detected_before_overwriting(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
) -> None:
    summary = first_summary(client, cache, account)
    editor, asked = make_editor(qtbot, runner, settings, cache, answers=[False, True])
    editor.set_account(Account(account, "test", client))
    load(qtbot, editor, summary)
    elsewhere = client.get_workout(summary.uri or "").with_changes(notes="Edited on the web")
    client.update_workout(summary.uri or "", elsewhere)  # someone else saves meanwhile

    editor.name.setText("My name for it")
    editor.save_button.click()  # first answer: don't overwrite
    qtbot.waitUntil(lambda: bool(asked) and not runner.is_busy(), timeout=10_000)
    assert asked == ["Changed on SportTracks"]
    assert client.get_workout(summary.uri or "").name == summary.name
    assert "Not saved" in editor.status.text()
    assert editor.name.text() == "My name for it"  # nothing typed is lost

    editor.notes.setPlainText("Edited on the web")  # keep their notes, then overwrite the name
    with qtbot.waitSignal(editor.workout_saved, timeout=10_000):
        editor.save_button.click()
    stored = client.get_workout(summary.uri or "")
    assert stored.name == "My name for it"
    assert stored.notes == "Edited on the web"


@pytest.mark.expect_log("Saving the workout failed")
def test_a_failed_save_says_why_and_can_be_retried(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    summary = first_summary(client, cache, account)
    editor, _ = make_editor(qtbot, runner, settings, cache)
    editor.set_account(Account(account, "test", client))
    load(qtbot, editor, summary)
    editor.name.setText("Try twice")
    server.faults.server_error = 1
    with qtbot.waitSignal(editor.error, timeout=10_000) as failure:
        editor.save_button.click()
    assert "Could not save the workout" in failure.args[0]
    assert "SportTracks" in failure.args[0]
    assert editor.save_button.isEnabled()
    with qtbot.waitSignal(editor.workout_saved, timeout=10_000):
        editor.save_button.click()
    assert client.get_workout(summary.uri or "").name == "Try twice"


def test_offline_shows_the_cached_copy(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
    server: SandboxServer,
) -> None:
    summary = first_summary(client, cache, account)
    editor, _ = make_editor(qtbot, runner, settings, cache)
    editor.set_account(Account(account, "test", client))
    assert cache.get_detail(account, summary.uri or "") is None
    load(qtbot, editor, summary)
    # Kept for offline use once shown (after, so the disk is not on the way to the charts).
    qtbot.waitUntil(lambda: cache.get_detail(account, summary.uri or "") is not None)
    editor.show_workout(None)
    server.stop()
    load(qtbot, editor, summary)
    assert "Offline" in editor.status.text()
    assert editor.charts.chart_count() >= 2


def test_charts_and_route_for_a_parsed_style_track_with_pauses(qtbot: QtBot) -> None:
    """The upload pane's use: set_track with a Track built elsewhere, pauses shaded."""
    import numpy as np

    from st_desktop.domain.track import Track
    from st_desktop.ui.detail.charts import ChartsView
    from st_desktop.ui.detail.route import RouteView

    t = np.arange(0, 600, 1.0)
    track = Track(
        time=t,
        distance=t * 3.0,
        elevation=100 + np.sin(t / 60) * 5,
        heartrate=np.full(600, 140.0),
        speed=np.full(600, 3.0),
        cadence=np.full(600, np.nan),
        power=np.full(600, np.nan),
        temperature=np.full(600, np.nan),
        lat=45 + t * 1e-5,
        lon=np.full(600, 6.0),
        sport="Cycling",
        pauses=((100.0, 160.0),),
    )
    charts, route = ChartsView(), RouteView()
    for widget in (charts, route):
        qtbot.addWidget(widget)
    charts.cursor_moved.connect(route.set_marker_at)
    charts.set_track(track, "metric")
    route.set_track(track, "metric")
    assert charts.chart_count() == 3  # elevation, heart rate, speed
    charts.cursor_moved.emit(300.0)
    position = route.marker_position()
    assert position is not None
    assert math.isclose(position[0], 45 + 300 * 1e-5, abs_tol=1e-9)
    charts.cursor_moved.emit(math.nan)
    assert route.marker_position() is None
    charts.set_track(None, "metric")
    assert charts.chart_count() == 0


def test_the_next_workout_reuses_the_charts_and_route(
    qtbot: QtBot,
    runner: TaskRunner,
    settings: Settings,
    cache: WorkoutCache,
    client: SportTracksClient,
    account: str,
) -> None:
    sync.refresh_recent(TaskContext(), client, cache, account)
    first, second = client.list_workouts(0, 2).items
    editor, _ = make_editor(qtbot, runner, settings, cache)
    editor.set_account(Account(account, "test", client))
    charts, route = editor.charts, editor.route
    load(qtbot, editor, first)
    built = {key: charts.plots.plot_item(key) for key in charts.plots.built()}
    route_plot = route.plot
    load(qtbot, editor, second)
    assert editor.workout is not None
    assert editor.workout.uri == second.uri
    assert (editor.charts, editor.route, route.plot) == (charts, route, route_plot)
    assert charts.track is not None
    assert charts.track.has("heartrate")
    # Every chart the second workout shows is a plot the first one built.
    assert all(item in built.values() for item in charts.plots.plot_items())
