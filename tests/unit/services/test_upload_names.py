"""Unnamed files get the names users know ("Evening Ride"), stored at intake and uploaded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from st_desktop.sandbox import SandboxServer
from st_desktop.services.intake import Source, ingest, skipped_sentence
from st_desktop.services.upload_engine import UploadEngine
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import ItemState, UploadStore
from tests.unit.services.upload_helpers import ACCOUNT, make_gpx, sandbox_client

#: 15:40 UTC is 17:40 in Ljubljana (summer time), where the test tracks are: evening there,
#: afternoon by UTC.
EVENING_THERE = datetime(2024, 7, 4, 15, 40, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[UploadStore]:
    upload_store = UploadStore(tmp_path / "data")
    yield upload_store
    upload_store.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox") as sandbox:
        yield sandbox


def _ingest(store: UploadStore, tmp_path: Path, name: str | None, file: str = "ride.gpx"):
    path = tmp_path / file
    path.write_bytes(make_gpx(EVENING_THERE, name=name))
    return ingest(store, Source(file, str(path), path))


def test_an_unnamed_file_is_named_from_its_own_local_time_and_sport(
    store: UploadStore, tmp_path: Path
) -> None:
    read = _ingest(store, tmp_path, name=None)
    assert read.activity is not None
    assert not read.activity.name
    assert read.item.suggested_name == "Evening Ride"  # the ride's clock, not UTC's afternoon
    assert store.get(read.item.id).suggested_name == "Evening Ride"  # kept in the queue
    assert read.item.name is None  # the user's own name stays empty: a typed one still wins


def test_a_file_with_a_name_of_its_own_gets_no_suggestion(
    store: UploadStore, tmp_path: Path
) -> None:
    read = _ingest(store, tmp_path, name="Col de la Croix")
    assert read.item.suggested_name is None


def test_the_suggestion_follows_a_new_type_and_a_typed_name_wins(
    store: UploadStore, tmp_path: Path
) -> None:
    service = UploadService(store)
    item = _ingest(store, tmp_path, name=None).item
    retyped = service.save_edits(item.id, None, "Running: Trail", None, "Evening Trail Run")
    assert (retyped.suggested_name, retyped.name) == ("Evening Trail Run", None)
    # Read again after a restart: the type the user picked still decides the noun.
    assert service.reread(store.get(item.id)).item.suggested_name == "Evening Trail Run"
    named = service.save_edits(item.id, "Lake loop", "Running: Trail", None)
    assert (named.name, named.suggested_name) == ("Lake loop", "Evening Trail Run")


def test_an_unnamed_file_is_uploaded_with_its_suggested_name(
    store: UploadStore, tmp_path: Path, server: SandboxServer
) -> None:
    unnamed = _ingest(store, tmp_path, name=None, file="unnamed.gpx").item
    typed_path = tmp_path / "typed.gpx"
    typed_path.write_bytes(make_gpx(datetime(2024, 7, 5, 5, 0, tzinfo=UTC), name=None))
    typed = ingest(store, Source("typed.gpx", str(typed_path), typed_path)).item
    store.update(typed.id, name="Dawn patrol")
    for item in (unnamed, typed):
        store.enqueue(item.id, ACCOUNT)
    client = sandbox_client(server)
    report = UploadEngine(store, client, ACCOUNT).run()
    assert set(report.uploaded) == {unnamed.id, typed.id}
    names = {
        item.id: client.get_workout(store.get(item.id).uris[0]).name for item in (unnamed, typed)
    }
    assert names == {unnamed.id: "Evening Ride", typed.id: "Dawn patrol"}
    assert store.get(unnamed.id).state == ItemState.UPLOADED


@pytest.mark.parametrize(
    ("names", "sentence"),
    [
        (["notes.txt"], "Skipped 1 file: notes.txt is not FIT, TCX or GPX."),
        (["a.jpg", "b.txt"], "Skipped 2 files: a.jpg and b.txt are not FIT, TCX or GPX."),
        (
            [f"{n}.jpg" for n in range(7)],
            "Skipped 7 files that are not FIT, TCX or GPX, among them 0.jpg, 1.jpg, 2.jpg, "
            "3.jpg, 4.jpg.",
        ),
    ],
)
def test_skipped_files_are_one_sentence_that_names_them(names: list[str], sentence: str) -> None:
    assert skipped_sentence(names) == sentence
