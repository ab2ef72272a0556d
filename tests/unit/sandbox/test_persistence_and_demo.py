"""Storage across restarts, the deterministic demo account, the request log and the CLI."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import date
from pathlib import Path

import numpy as np
import pytest
import requests

from st_desktop.domain.timeutil import parse_timestamp
from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.demo import HOMES, generate_demo
from tests.unit.sandbox.conftest import DEMO_END, Api, workout


def test_workouts_and_tokens_survive_a_restart(tmp_path: Path) -> None:
    with SandboxServer(tmp_path) as server:
        api = Api(server)
        uri = api.create(workout())
        detail = api.get(uri).json()
        old_base = server.base_url
    with SandboxServer(tmp_path) as again:
        assert again.workout_count() == 1
        headers = api.headers  # the token saved before the restart still works
        moved = uri.replace(old_base, again.base_url)
        reloaded = requests.get(moved, headers=headers, timeout=5)
        assert reloaded.status_code == 200
        body = reloaded.json()
        assert body["uri"] == moved
        assert {k: v for k, v in body.items() if k not in ("uri", "activity")} == {
            k: v for k, v in detail.items() if k not in ("uri", "activity")
        }
        second = Api(again).create(workout())
        assert second != moved


def test_the_demo_is_written_only_when_the_database_is_new(tmp_path: Path) -> None:
    with SandboxServer(tmp_path, seed=3, demo_size=6) as server:
        api = Api(server)
        first = api.get("/fitnessActivities").json()["items"][0]["uri"]
        api.delete(first)
    with SandboxServer(tmp_path, seed=3, demo_size=6) as server:
        assert server.workout_count() == 5  # not re-seeded, the deletion stands


def test_an_account_without_seed_is_empty(server: SandboxServer, api: Api) -> None:
    assert server.workout_count() == 0
    assert api.get("/fitnessActivities").json() == {"size": "0", "items": []}


def _relative(body: str, server: SandboxServer) -> str:
    return body.replace(server.base_url, "BASE")


def test_the_same_seed_gives_the_same_account_over_http(tmp_path: Path) -> None:
    bodies = []
    for name in ("a", "b"):
        with SandboxServer(tmp_path / name, seed=11, demo_size=8, demo_end=DEMO_END) as server:
            api = Api(server)
            page = api.get("/fitnessActivities", data="summary").text
            detail = api.get(api.get("/fitnessActivities").json()["items"][3]["uri"]).text
            bodies.append((_relative(page, server), _relative(detail, server), server.user_id))
    assert bodies[0] == bodies[1]


def test_different_seeds_give_different_accounts() -> None:
    one = [doc for doc, _ in generate_demo(1, 5, DEMO_END)]
    two = [doc for doc, _ in generate_demo(2, 5, DEMO_END)]
    assert one != two
    assert one == [doc for doc, _ in generate_demo(1, 5, DEMO_END)]


@pytest.fixture(scope="module")
def demo_year() -> list[tuple[dict[str, object], dict[str, list[object]]]]:
    return list(generate_demo(5, 150, date(2025, 6, 30)))


def test_demo_history_spans_two_years_in_local_time(demo_year: list) -> None:
    starts = [parse_timestamp(doc["start_time"]) for doc, _ in demo_year]
    assert starts == sorted(starts)
    assert len(set(starts)) == len(starts)
    assert (starts[-1] - starts[0]).days > 600
    assert starts[-1].date() <= date(2025, 6, 30)
    offsets = {s.utcoffset().total_seconds() / 3600 for s in starts}
    assert offsets == {1.0, 2.0}  # winter and summer time
    for start in starts:
        assert 5 <= start.hour <= 23


def test_demo_has_several_sports_with_the_data_their_charts_need(demo_year: list) -> None:
    types = Counter(doc["type"] for doc, _ in demo_year)
    for wanted in ("Cycling", "Running", "Running: Trail", "Walking: Hiking", "Gym: Strength"):
        assert types[wanted] > 0, wanted
    assert any(t.startswith("Swimming") for t in types)
    rides = [(d, s) for d, s in demo_year if str(d["type"]).startswith("Cycling")]
    assert all("location" in s and "elevation" in s for _, s in rides)
    assert 0 < sum("power" in s for _, s in rides) < len(rides)
    assert sum("heartrate" in s for _, s in demo_year) > len(demo_year) * 0.7
    gym = [s for d, s in demo_year if d["type"] == "Gym: Strength"]
    assert all(("location" not in s and "heartrate" in s) or not s for s in gym)
    assert any(doc["timer_stops"] for doc, _ in demo_year)
    assert any("notes" in doc for doc, _ in demo_year)
    names = {doc["name"] for doc, _ in demo_year}
    assert {"Morning Ride", "Evening Run"} & names


def test_demo_runs_have_kilometre_laps_and_consistent_streams(demo_year: list) -> None:
    runs = [(d, s) for d, s in demo_year if d["type"] == "Running"]
    for doc, streams in runs:
        laps = doc["laps"]
        assert sum(lap["distance"] for lap in laps) == pytest.approx(
            doc["total_distance"], rel=0.01
        )
        assert all(lap["distance"] == pytest.approx(1000, abs=40) for lap in laps[:-1])
        offsets = streams["distance"][::2]
        assert offsets == sorted(offsets)
        assert offsets[-1] == doc["clock_duration"]
        assert doc["duration"] <= doc["clock_duration"]
        lat, lon = streams["location"][1]
        assert abs(lat - 47.05) < 0.2
        assert abs(lon - 8.31) < 0.2


def test_demo_routes_start_at_a_home_and_are_of_several_kinds(demo_year: list) -> None:
    routed = [
        (doc, np.array(streams["location"][1::2], dtype=float))
        for doc, streams in demo_year
        if "location" in streams and str(doc["type"]).startswith(("Cycling", "Running"))
    ]
    metres = np.array([111_320.0, 111_320.0 * np.cos(np.radians(47.05))])
    homes = np.array([[home.lat, home.lon] for home, _ in HOMES])
    starts = Counter()
    retraced = 0
    for _, points in routed:
        nearest = np.hypot(*((homes - points[0]) * metres).T)
        assert nearest.min() < 250  # within a street or two of a home
        starts[int(nearest.argmin())] += 1
        # Out-and-backs and lollipops come back the way they went; loops do not.
        count = len(points)
        outward = points[count // 10]
        inward = points[count * 4 // 5 :]
        retraced += np.hypot(*((inward - outward) * metres).T).min() < 25
    assert len(starts) >= 2
    assert 0.2 * len(routed) < retraced < 0.8 * len(routed)


def test_request_log_records_method_and_path(api: Api) -> None:
    api.server.request_log.clear()
    api.get("/fitnessActivities", page=2)
    api.post("/system/connect")
    assert api.server.request_log == [
        ("GET", "/api/v2/fitnessActivities"),
        ("POST", "/api/v2/system/connect"),
    ]


def test_command_line_prints_the_base_url_and_credentials(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "st_desktop.sandbox",
            "--port",
            "0",
            "--data",
            str(tmp_path),
            "--empty",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(7)]
        base_url = lines[0].split(" at ")[1].strip()
        assert base_url.startswith("http://127.0.0.1:")
        text = "".join(lines)
        assert "client id:     st-desktop-sandbox" in text
        assert "client secret: " in text
        assert requests.get(base_url + "/", timeout=5).status_code == 200
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


def test_stopping_lets_a_request_in_progress_finish_with_its_answer(tmp_path: Path) -> None:
    """A client still waiting when the sandbox stops gets its list, not a 500 from a closed DB."""
    server = SandboxServer(tmp_path, seed=3, demo_size=6).start()
    api = Api(server)
    server.faults.delay = 0.5  # the request is being answered while stop() runs
    answers: list[requests.Response] = []
    asking = threading.Thread(target=lambda: answers.append(api.get("/fitnessActivities")))
    asking.start()
    deadline = time.monotonic() + 5
    while ("GET", "/api/v2/fitnessActivities") not in server.request_log:
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)
    server.stop()
    asking.join(10)
    assert answers[0].status_code == 200
    assert len(answers[0].json()["items"]) == 6
