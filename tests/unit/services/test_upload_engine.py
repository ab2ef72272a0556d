"""The upload engine against the sandbox over loopback: exactly one workout, whatever fails."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from st_desktop.sandbox import SandboxServer
from st_desktop.services.intake import Source, ingest
from st_desktop.services.upload_checks import check_duplicates
from st_desktop.services.upload_engine import (
    STEP_APPLYING,
    STEP_CHECKING,
    STEP_SENDING,
    UploadEngine,
    backoff_delay,
)
from st_desktop.store.uploads import ItemState, Outcome, QueueItem, UploadStore
from tests.unit.parsers.gpxcraft import at, gpx, moving
from tests.unit.services.upload_helpers import ACCOUNT, START, sandbox_client, write_gpx

FAST = {"timeout": (2.0, 2.0), "upload_timeout": (2.0, 2.0)}


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox") as sandbox:
        yield sandbox


@pytest.fixture
def store(tmp_path: Path) -> Iterator[UploadStore]:
    upload_store = UploadStore(tmp_path / "data")
    yield upload_store
    upload_store.close()


def _queued(store: UploadStore, tmp_path: Path, **edits: str) -> QueueItem:
    path = write_gpx(tmp_path, "ride.gpx", START)
    item = ingest(store, Source("ride.gpx", str(path), path)).item
    if edits:
        store.update(item.id, **edits)
    return store.enqueue(item.id, ACCOUNT)


def _engine(store: UploadStore, server: SandboxServer, **kwargs: object) -> UploadEngine:
    no_wait = {"backoff": lambda n, retry_after: backoff_delay(n, retry_after, base=0.0)}
    return UploadEngine(store, sandbox_client(server, **FAST), ACCOUNT, **{**no_wait, **kwargs})  # type: ignore[arg-type]


def test_upload_applies_edited_metadata(tmp_path: Path, store, server) -> None:
    item = _queued(store, tmp_path, name="Lunch loop", type="Cycling: Mountain", notes="Muddy")
    report = _engine(store, server).run()
    assert list(report.uploaded) == [item.id]
    done = store.get(item.id)
    assert done.state == ItemState.UPLOADED
    workout = sandbox_client(server).get_workout(done.uris[0])
    assert (workout.name, workout.type, workout.notes) == (
        "Lunch loop",
        "Cycling: Mountain",
        "Muddy",
    )
    assert [a.outcome for a in store.attempts(item.id)] == [Outcome.STORED]


def test_steps_are_reported_for_the_progress_bar(tmp_path: Path, store, server) -> None:
    item = _queued(store, tmp_path, name="Lunch loop")
    server.faults.drop_after_store = 1  # the first answer is lost
    steps: list[tuple[int, str]] = []
    engine = _engine(store, server, on_step=lambda it, step: steps.append((it.id, step)))
    engine.run()
    engine.run()
    # Sent; then, the answer lost, the account is searched and the workout found (not resent).
    assert steps == [(item.id, STEP_SENDING), (item.id, STEP_CHECKING), (item.id, STEP_APPLYING)]
    assert store.get(item.id).state == ItemState.UPLOADED
    assert server.workout_count() == 1


@pytest.mark.parametrize("fault", ["drop_after_store", "drop_before_store", "server_error"])
def test_lost_answer_is_reconciled_not_resent(tmp_path: Path, store, server, fault: str) -> None:
    item = _queued(store, tmp_path)
    setattr(server.faults, fault, 1)
    engine = _engine(store, server)
    first = engine.run()
    assert not first.uploaded
    assert store.get(item.id).state == ItemState.QUEUED
    assert store.get(item.id).error  # the row says what happened
    second = engine.run()
    assert list(second.uploaded) == [item.id]
    assert server.workout_count() == 1
    outcomes = [a.outcome for a in store.attempts(item.id)]
    if fault == "drop_after_store":  # stored on the first try: found, never sent again
        assert outcomes == [Outcome.FOUND]
    else:
        assert outcomes == [Outcome.NOT_STORED, Outcome.STORED]


def test_rate_limit_waits_for_retry_after(tmp_path: Path, store, server) -> None:
    item = _queued(store, tmp_path)
    server.faults.rate_limit = 1
    server.faults.retry_after = 30.0
    engine = _engine(store, server)
    before = time.time()
    report = engine.run()
    waiting = store.get(item.id)
    assert waiting.next_attempt_at >= before + 30.0
    assert report.retry_at == waiting.next_attempt_at
    assert not engine.run().uploaded  # not due yet: nothing is sent
    store.update(item.id, next_attempt_at=0.0)
    assert list(engine.run().uploaded) == [item.id]
    assert server.workout_count() == 1


def test_expired_sign_in_waits_for_a_new_client(tmp_path: Path, store, server) -> None:
    item = _queued(store, tmp_path)
    engine = _engine(store, server)
    server.expire_access_tokens()
    report = engine.run()
    assert report.auth_needed
    assert "sign in again" in (store.get(item.id).error or "")
    assert server.workout_count() == 0
    signed_in_again = _engine(store, server)
    assert list(signed_in_again.run().uploaded) == [item.id]
    assert server.workout_count() == 1


def test_unreadable_upload_fails_for_good(tmp_path: Path, store, server) -> None:
    item, _ = store.add_bytes(b"<gpx></gpx>", "empty.gpx", "/x/empty.gpx")
    store.update(item.id, format="GPX", start_time=START)
    store.enqueue(item.id, ACCOUNT)
    report = _engine(store, server).run()
    assert item.id in report.failed
    assert store.get(item.id).state == ItemState.FAILED
    assert server.workout_count() == 0


def test_backoff_grows_caps_and_honours_retry_after() -> None:
    assert [backoff_delay(n) for n in (1, 2, 3)] == [5.0, 10.0, 20.0]
    assert backoff_delay(20) == 300.0
    assert backoff_delay(1, retry_after=120.0) == 120.0


def test_duplicate_found_in_account_and_ledger(tmp_path: Path, store, server) -> None:
    item = _queued(store, tmp_path)
    client = sandbox_client(server)
    _engine(store, server).run()
    # The same ride exported again an hour off (a time-zone error) and the same file again.
    shifted = write_gpx(tmp_path, "shifted.gpx", START + timedelta(hours=1))
    other = ingest(store, Source("shifted.gpx", str(shifted), shifted)).item
    check = check_duplicates(store, ACCOUNT, other, client)
    assert check.account_checked
    assert len(check.matches) == 1
    assert "time-zone error" in check.matches[0].reason
    assert "1 hour earlier" in check.matches[0].reason
    store.archive(item.id)
    again = ingest(store, Source("ride.gpx", "/copy/ride.gpx", tmp_path / "ride.gpx")).item
    reasons = [m.reason for m in check_duplicates(store, ACCOUNT, again, client).matches]
    assert reasons[0].startswith("this exact file was already uploaded")
    assert reasons[1] == (
        "already in SportTracks: 'Test ride', same start 09:12:05, distance within 0.0 %"
    )


def test_a_file_without_edits_is_done_once_its_answer_is_recorded(
    tmp_path: Path, store, server
) -> None:
    # A ride in London in winter: its UTC times are its local ones, nothing to set afterwards.
    path = tmp_path / "london.gpx"
    path.write_bytes(gpx([[moving(at("2024-01-10T09:00:00Z"), 51.5, -0.12, 600)]]))
    item = ingest(store, Source("london.gpx", str(path), path)).item
    plain = store.enqueue(item.id, ACCOUNT)
    states: list[ItemState] = []
    report = _engine(store, server, listener=lambda it: states.append(it.state)).run()
    assert list(report.uploaded) == [plain.id]
    # Sent, then uploaded: no intermediate write when there is nothing to apply afterwards.
    assert states == [ItemState.UPLOADING, ItemState.UPLOADED]
    done = store.get(plain.id)
    assert done.uris
    assert [a.outcome for a in store.attempts(plain.id)] == [Outcome.STORED]
    assert server.workout_count() == 1


def test_a_file_with_edits_is_recorded_stored_before_they_are_applied(
    tmp_path: Path, store, server
) -> None:
    edited = _queued(store, tmp_path, notes="Windy")
    states: list[ItemState] = []
    _engine(store, server, listener=lambda it: states.append(it.state)).run()
    assert states == [ItemState.UPLOADING, ItemState.FILE_UPLOADED, ItemState.UPLOADED]
    assert sandbox_client(server).get_workout(store.get(edited.id).uris[0]).notes == "Windy"
