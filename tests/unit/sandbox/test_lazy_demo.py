"""The demo account is written quickly and its streams built on first read, invisibly to clients.

The reference is the eager account: every workout of :func:`generate_demo`, streams included,
stored up front. A sandbox started on an empty folder must answer every request with the same
bytes as a sandbox serving that reference, before and after details were first read, after
writes to workouts never read, and after a restart.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.demo import (
    RECIPE_VERSION,
    demo_workouts,
    generate_demo,
    streams_from_recipe,
)
from st_desktop.sandbox.store import DB_NAME, Store
from tests.unit.sandbox.conftest import DEMO_END, Api, workout

SEED = 2026
SIZE = 320  # the app's demo account: every sport, pauses, GPS dropouts, two-workout days

GPX = (
    '<?xml version="1.0"?><gpx version="1.1" creator="test" '
    'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Upload</name><trkseg>'
    '<trkpt lat="47.05" lon="8.30"><time>2024-05-04T07:30:00Z</time></trkpt>'
    '<trkpt lat="47.0505" lon="8.3005"><time>2024-05-04T07:30:10Z</time></trkpt>'
    "</trkseg></trk></gpx>"
)


@pytest.fixture(scope="module")
def eager_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The reference database: every workout, streams included, stored the eager way."""
    data_dir = tmp_path_factory.mktemp("eager")
    store = Store(data_dir)
    store.insert_many(generate_demo(SEED, SIZE, DEMO_END))
    store.close()  # the last connection: SQLite folds the write-ahead log into the file
    return data_dir / DB_NAME


def _eager(eager_db: Path, data_dir: Path) -> SandboxServer:
    """A sandbox on a copy of the reference database (not new, so it writes no demo itself)."""
    data_dir.mkdir()
    shutil.copyfile(eager_db, data_dir / DB_NAME)
    return SandboxServer(data_dir, seed=SEED, demo_size=SIZE, demo_end=DEMO_END)


def _lazy(data_dir: Path) -> SandboxServer:
    return SandboxServer(data_dir, seed=SEED, demo_size=SIZE, demo_end=DEMO_END)


class Pair:
    """The same request sent to the eager and the lazy sandbox; answers compared as bytes."""

    def __init__(self, eager: SandboxServer, lazy: SandboxServer) -> None:
        self.eager, self.lazy = Api(eager), Api(lazy)

    def _both(self, method: str, path: str, **kwargs: object) -> tuple[str, str]:
        answers = []
        for api in (self.eager, self.lazy):
            response = getattr(api, method)(path, **kwargs)
            base = api.server.base_url
            answers.append(f"{response.status_code} {response.text.replace(base, 'BASE')}")
        return answers[0], answers[1]

    def same(self, method: str, path: str, **kwargs: object) -> str:
        """Send to both; the answers (status and body) must be equal; returns the lazy one."""
        eager, lazy = self._both(method, path, **kwargs)
        assert lazy == eager, f"{method.upper()} {path} {kwargs}"
        return lazy

    def ids(self) -> list[int]:
        items = self.eager.get("/fitnessActivities", pageSize=1000).json()["items"]
        return [int(item["uri"].rsplit("/", 1)[1]) for item in items]

    def all_lists(self) -> None:
        for size, summary in ((100, "summary"), (25, "")):
            for page in range(SIZE // size + 1):
                self.same("get", "/fitnessActivities", page=page, pageSize=size, data=summary)
        self.same("get", "/fitnessActivities", noEarlierThan="2025-01-01", data="summary")


@pytest.fixture
def pair(eager_db: Path, tmp_path: Path) -> Iterator[Pair]:
    with _eager(eager_db, tmp_path / "eager") as eager, _lazy(tmp_path / "lazy") as lazy:
        yield Pair(eager, lazy)


def test_every_list_page_and_detail_matches_the_eager_account(pair: Pair) -> None:
    pair.all_lists()
    ids = pair.ids()
    assert len(ids) == SIZE
    for workout_id in ids:
        pair.same("get", f"/fitnessActivities/{workout_id}")  # built from the recipe now
    for workout_id in ids[::8]:
        pair.same("get", f"/fitnessActivities/{workout_id}.json")  # read back from the database
    pair.same("get", f"/fitnessActivities/{ids[0]}", page=3)  # ignored parameter
    pair.all_lists()


def test_fault_switches_shape_lazy_details_like_eager_ones(pair: Pair) -> None:
    for server in (pair.eager.server, pair.lazy.server):
        server.faults.non_monotonic_stream = True
        server.faults.utc_label = True
    for workout_id in pair.ids()[::40]:
        pair.same("get", f"/fitnessActivities/{workout_id}")


def test_writes_to_workouts_never_read_behave_as_on_the_eager_account(pair: Pair) -> None:
    ids = pair.ids()
    replaced, deleted, kept = ids[3], ids[4], ids[5]
    pair.same("put", f"/fitnessActivities/{replaced}", json=workout(name="Edited"))
    status, _, text = pair.same("get", f"/fitnessActivities/{replaced}").partition(" ")
    detail = json.loads(text)
    assert (status, detail["name"]) == ("200", "Edited")
    assert detail["heartrate"] == workout()["heartrate"]  # the PUT's streams, not the demo's
    assert "power" not in detail
    pair.same("delete", f"/fitnessActivities/{deleted}")
    assert pair.same("get", f"/fitnessActivities/{deleted}").startswith("404")
    assert pair.same("delete", f"/fitnessActivities/{deleted}").startswith("404")
    pair.same("post", "/fileUpload", data={"format": "GPX", "data": GPX})
    pair.same("post", "/fitnessActivities", json=workout(name="Created"))
    pair.same("get", f"/fitnessActivities/{kept}")
    pair.all_lists()


def test_streams_built_on_first_read_are_saved_and_the_rest_survive_a_restart(
    eager_db: Path, tmp_path: Path
) -> None:
    with _lazy(tmp_path / "lazy") as lazy:
        api = Api(lazy)
        items = api.get("/fitnessActivities", pageSize=20).json()["items"]
        read = [int(item["uri"].rsplit("/", 1)[1]) for item in items[:5]]
        never_read = [int(item["uri"].rsplit("/", 1)[1]) for item in items[5:]]
        before = [api.get(f"/fitnessActivities/{i}").text.replace(lazy.base_url, "B") for i in read]
    # Saved means saved: those streams come back even where no recipe could be resolved.
    store = Store(tmp_path / "lazy")
    for workout_id in read:
        found = store.get_workout(workout_id)
        assert found is not None
        assert "heartrate" in found[1] or "distance" in found[1]
    with pytest.raises(RuntimeError, match="resolver"):
        store.get_workout(never_read[0])
    store.close()
    with _eager(eager_db, tmp_path / "eager") as eager, _lazy(tmp_path / "lazy") as lazy:
        pair = Pair(eager, lazy)
        after = [
            pair.same("get", f"/fitnessActivities/{i}").partition(" ")[2].replace("BASE", "B")
            for i in read
        ]
        assert after == before
        for workout_id in never_read:
            pair.same("get", f"/fitnessActivities/{workout_id}")
        pair.all_lists()


def test_simultaneous_first_reads_of_one_workout_get_the_same_answer(tmp_path: Path) -> None:
    with _lazy(tmp_path) as lazy:
        api = Api(lazy)
        uri = api.get("/fitnessActivities").json()["items"][0]["uri"]
        bodies: list[str] = []

        def read() -> None:
            bodies.append(requests.get(uri, headers=api.headers, timeout=10).text)

        threads = [threading.Thread(target=read) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert len(bodies) == 6
        assert len(set(bodies)) == 1
        assert bodies[0] == api.get(uri).text


def test_recipes_rebuild_exactly_the_streams_the_summaries_came_from() -> None:
    eager = list(generate_demo(SEED, 40, DEMO_END))
    lazy = list(demo_workouts(SEED, 40, DEMO_END))
    assert [doc for doc, _ in eager] == [doc for doc, _ in lazy]
    # Out of order and alone, as a client reading one detail would.
    for index in (39, 0, 17):
        assert streams_from_recipe(lazy[index][1]) == eager[index][1]
    with pytest.raises(ValueError, match="version"):
        streams_from_recipe(lazy[0][1].replace(f'"v": {RECIPE_VERSION}', '"v": 99'))


def test_a_database_from_before_recipes_still_opens_and_serves(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / DB_NAME)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "CREATE TABLE workouts (id INTEGER PRIMARY KEY AUTOINCREMENT, start_epoch REAL NOT NULL,"
        " doc TEXT NOT NULL, streams BLOB NOT NULL);"
    )
    doc = '{"start_time": "2024-05-04T09:30:00+02:00", "name": "Old"}'
    db.execute(
        "INSERT INTO workouts (id, start_epoch, doc, streams) VALUES (900001, 1714807800, ?, ?)",
        (doc, zlib.compress(b'{"heartrate": [0, 99, 5, 101]}')),
    )
    db.commit()
    db.close()
    store = Store(tmp_path)
    assert store.get_workout(900001) == (json.loads(doc), {"heartrate": [0, 99, 5, 101]})
    assert store.insert_many([({"start_time": "2024-05-05T09:30:00Z"}, {})]) == [900002]
    assert store.get_workout(900002) == ({"start_time": "2024-05-05T09:30:00Z"}, {})
    store.close()
