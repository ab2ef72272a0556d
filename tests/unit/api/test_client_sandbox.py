"""Every client method over real HTTP against the sandbox, including its fault switches."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from st_desktop.api.client import SportTracksClient, UploadRejectedError
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.domain.workout import Workout
from st_desktop.errors import (
    ApiError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestTimeoutError,
    ServerError,
)
from tests.unit.api.conftest import SandboxServer, SecretWatch


class Sleeps(list[float]):
    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client(sandbox: SandboxServer, secret_watch: SecretWatch, sleeps: Sleeps) -> SportTracksClient:
    token = sandbox.issue_token()
    secret_watch.add(token["access_token"], token["refresh_token"])
    return SportTracksClient(
        sandbox.api_base,
        StaticTokenAuth(token["access_token"]),
        timeout=(2.0, 0.5),
        upload_timeout=(2.0, 0.5),
        sleep=sleeps,
    )


def _gpx(start: datetime, points: int = 30) -> bytes:
    trkpts = "".join(
        f'<trkpt lat="{51.5 + i * 0.0001:.6f}" lon="{-0.1 + i * 0.0001:.6f}"><ele>{10 + i}</ele>'
        f"<time>{(start + timedelta(seconds=5 * i)).strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        for i in range(points)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><gpx version="1.1" creator="st-desktop tests" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Test</name><type>running</type>'
        f"<trkseg>{trkpts}</trkseg></trk></gpx>"
    ).encode()


def test_list_pages_count_and_agree_with_iteration(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    total = sandbox.workout_count()
    page = client.list_workouts(page=0, page_size=7)

    assert page.total == total
    assert len(page.items) == 7
    assert page.has_next
    everything = list(client.iter_workouts(page_size=7))
    assert len(everything) == total
    assert len({w.id for w in everything}) == total
    starts = [w.start_time for w in everything]
    assert starts == sorted(starts, reverse=True)
    last = client.list_workouts(page=(total - 1) // 7, page_size=7)
    assert not last.has_next
    assert client.list_workouts(page=99, page_size=7).items == ()


def test_date_filter_iterates_only_matching_workouts(client: SportTracksClient) -> None:
    everything = list(client.iter_workouts(page_size=10))
    starts = sorted(w.start_time for w in everything if w.start_time)
    low, high = starts[5], starts[-6]

    chosen = list(client.iter_workouts(page_size=4, no_earlier_than=low, no_later_than=high))

    expected = [w.id for w in everything if w.start_time and low <= w.start_time <= high]
    assert sorted(w.id for w in chosen if w.id) == sorted(e for e in expected if e)


def test_create_read_update_delete(client: SportTracksClient, sandbox: SandboxServer) -> None:
    start = datetime(2024, 5, 1, 7, 0, tzinfo=UTC)
    new = Workout.new(start, 1800, 5000, type="running: trail", name="Manual run", notes="typed")
    before = sandbox.workout_count()

    uri = client.create_workout(new)

    assert sandbox.workout_count() == before + 1
    created = client.get_workout(uri)
    assert (created.name, created.type, created.duration) == ("Manual run", "Running: Trail", 1800)
    assert created.start_time == start
    assert created.notes == "typed"

    uri_after = client.update_workout(uri, created.with_changes(name="Renamed", privacy="private"))
    assert client.workout_url(uri_after) == client.workout_url(uri)
    updated = client.get_workout(uri)
    assert (updated.name, updated.privacy, updated.notes) == ("Renamed", "private", "typed")

    client.delete_workout(uri)
    assert sandbox.workout_count() == before
    with pytest.raises(NotFoundError):
        client.get_workout(uri)
    with pytest.raises(NotFoundError):
        client.delete_workout(uri)


def test_read_modify_write_keeps_laps_and_streams(client: SportTracksClient) -> None:
    summary = next(w for w in client.iter_workouts() if w.avg_heartrate)
    original = client.get_workout(summary.uri or "")
    assert original.streams
    assert original.laps

    client.update_workout(original.uri or "", original.with_changes(notes="edited"))

    again = client.get_workout(original.uri or "")
    assert again.notes == "edited"
    assert again.laps == original.laps
    assert again.streams == original.streams
    client.update_workout(original.uri or "", again.with_changes(notes=""))


def test_upload_gpx_creates_a_workout(client: SportTracksClient, sandbox: SandboxServer) -> None:
    start = datetime(2023, 3, 3, 8, 0, tzinfo=UTC)
    uris = client.upload_file(_gpx(start), "GPX", name="Uploaded run")

    assert len(uris) == 1
    workout = client.get_workout(uris[0])
    assert workout.name == "Uploaded run"
    assert workout.start_time == start
    assert "location" in workout.streams
    client.delete_workout(uris[0])


def test_upload_fit_from_the_corpus(client: SportTracksClient, corpus_dir: Path) -> None:
    data = corpus_dir / "fit" / "fp_elemnt-bolt-no-application-id-inside-developer-data-id.fit"
    uris = client.upload_file(data.read_bytes(), "FIT")
    assert len(uris) == 1
    assert client.get_workout(uris[0]).start_time is not None
    client.delete_workout(uris[0])


def test_upload_bare_array_answers(client: SportTracksClient, sandbox: SandboxServer) -> None:
    sandbox.faults.upload_bare_array = True
    uris = client.upload_file(_gpx(datetime(2023, 3, 4, 8, 0, tzinfo=UTC)), "GPX")
    assert len(uris) == 1
    client.delete_workout(uris[0])

    with pytest.raises(UploadRejectedError) as caught:
        client.upload_file(b"<gpx>nothing here</gpx>", "GPX")
    assert "created no workout" in caught.value.user_message


def test_upload_with_the_documented_singular_path(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.upload_singular_path = True
    (uri,) = client.upload_file(_gpx(datetime(2023, 3, 5, 8, 0, tzinfo=UTC)), "GPX")
    assert "/fitnessActivity/" in uri
    assert client.get_workout(uri).id == client.workout_url(uri).rsplit("/", 1)[-1]
    client.delete_workout(uri)


def test_unreadable_upload_is_refused_with_the_reason(client: SportTracksClient) -> None:
    with pytest.raises(ApiError) as caught:
        client.upload_file(b"this is not a track", "TCX")
    assert caught.value.status == 400
    assert "SportTracks refused the request while uploading the file" in caught.value.user_message


def test_rate_limit_is_waited_out(
    client: SportTracksClient, sandbox: SandboxServer, sleeps: Sleeps
) -> None:
    sandbox.faults.rate_limit, sandbox.faults.retry_after = 2, 4
    assert client.list_workouts().items
    assert sleeps == [4.0, 4.0]

    sandbox.faults.rate_limit = 10
    with pytest.raises(RateLimitedError) as caught:
        client.get_workout("1")
    assert caught.value.retry_after == 4


def test_server_errors_are_retried_then_reported(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.server_error = 2
    assert client.list_workouts().items

    sandbox.faults.server_error, sandbox.faults.non_json_errors = 10, True
    with pytest.raises(ServerError) as caught:
        client.list_workouts()
    assert caught.value.status == 503
    assert "<" not in caught.value.user_message  # the HTML page is detail, not the message
    assert sandbox.faults.server_error == 10 - RetryPolicy().max_attempts


def test_slow_server_times_out(client: SportTracksClient, sandbox: SandboxServer) -> None:
    sandbox.faults.delay = 0.7
    with pytest.raises(RequestTimeoutError):
        client.create_workout(Workout.new(datetime(2024, 1, 1, tzinfo=UTC), 60))


def test_lost_create_is_reported_not_retried(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    before = sandbox.workout_count()
    sandbox.faults.drop_before_store = 1
    with pytest.raises(OfflineError):
        client.create_workout(Workout.new(datetime(2024, 1, 2, tzinfo=UTC), 60, name="lost"))
    assert sandbox.workout_count() == before

    sandbox.faults.drop_after_store = 1
    with pytest.raises(OfflineError):  # stored, but the answer was lost: the queue reconciles
        client.create_workout(Workout.new(datetime(2024, 1, 3, tzinfo=UTC), 60, name="kept"))
    assert sandbox.workout_count() == before + 1
    kept = next(w for w in client.iter_workouts() if w.name == "kept")
    client.delete_workout(kept.uri or "")


def test_quirky_details_are_read(client: SportTracksClient, sandbox: SandboxServer) -> None:
    summary = next(w for w in client.iter_workouts() if w.avg_heartrate)
    plain = client.get_workout(summary.uri or "")

    sandbox.faults.non_monotonic_stream = True
    swapped = client.get_workout(summary.uri or "")
    assert swapped.streams["heartrate"].reordered
    assert list(swapped.streams["heartrate"].offsets) == sorted(
        swapped.streams["heartrate"].offsets
    )
    assert swapped.streams["heartrate"].offsets == plain.streams["heartrate"].offsets
    assert sorted(swapped.streams["heartrate"].values) == sorted(plain.streams["heartrate"].values)

    sandbox.faults.non_monotonic_stream, sandbox.faults.utc_label = False, True
    utc = client.get_workout(summary.uri or "")
    assert utc.start_time is not None
    assert utc.start_time.utcoffset() == timedelta(0)

    sandbox.faults.utc_label, sandbox.faults.offset_bug = False, True
    newfoundland = timezone(-timedelta(hours=2, minutes=30))
    start = datetime(2024, 7, 1, 6, 0, tzinfo=newfoundland)
    uri = client.create_workout(Workout.new(start, 600, name="St. John's"))
    bugged = client.get_workout(uri)
    assert ":-30" in bugged.raw["start_time"]  # the service's broken offset ...
    assert bugged.start_time == start  # ... read as the right moment and zone
    client.delete_workout(uri)


def test_html_error_pages_still_map_by_status(
    client: SportTracksClient, sandbox: SandboxServer
) -> None:
    sandbox.faults.non_json_errors = True
    with pytest.raises(NotFoundError) as caught:
        client.get_workout("1")
    assert "<" not in caught.value.user_message
