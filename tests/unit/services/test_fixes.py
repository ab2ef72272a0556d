"""Fixed files go up as fixed: each fix queued as our FIT and uploaded to the sandbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers.edit import EditError
from st_desktop.parsers.privacy import PrivacyZone, distances_to
from st_desktop.parsers.registry import parse_bytes
from st_desktop.parsers.writers import write_fit
from st_desktop.progress import TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services.account import Account
from st_desktop.services.intake import Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore
from tests.unit.parsers.gpxcraft import at, gpx, moving
from tests.unit.services.conftest import DEMO_SIZE

LUCERNE = (47.05, 8.30)


def queued(service: UploadService, tmp_path: Path, name: str, data: bytes) -> int:
    path = tmp_path / name
    path.write_bytes(data)
    [source] = service.expand([path])
    assert isinstance(source, Source)
    return service.ingest(source).item.id


def ride(start: str, seconds: int, lat: float = LUCERNE[0]) -> bytes:
    return gpx([[moving(at(start), lat, LUCERNE[1], seconds=seconds)]])


def upload(service: UploadService, account: Account, item_ids: list[int]) -> list[str]:
    service.decide([], [(i, ()) for i in item_ids], account.key)
    report = service.run(TaskContext(), account)
    return [uri for i in item_ids for uri in report.uploaded[i]]


def test_a_split_file_goes_up_as_two_workouts_with_their_own_starts(
    tmp_path: Path, account: Account
) -> None:
    service = UploadService(UploadStore(tmp_path / "queue"))
    days = ("2024-06-01T08:00:00Z", "2024-06-02T17:00:00Z")
    both = gpx([[moving(at(d), *LUCERNE, seconds=1800)] for d in days])
    item = queued(service, tmp_path, "two days.gpx", both)
    service.save_edits(item, "Bike week", None, None)
    result = service.split(item)
    names = [a.item.display_name for a in result.added]
    assert names == ["two days (1 of 2).fit", "two days (2 of 2).fit"]
    assert [i.id for i in service.items()] == [a.item.id for a in result.added]  # replaced
    uris = upload(service, account, [a.item.id for a in result.added])
    client = account.require_client()
    workouts = [client.get_workout(uri) for uri in uris]
    assert [w.name for w in workouts] == ["Bike week (1)", "Bike week (2)"]
    assert [w.start_time for w in workouts] == [
        datetime.fromisoformat(d.replace("Z", "+00:00")) for d in days
    ]
    for workout in workouts:
        assert workout.total_distance == pytest.approx(9000, rel=0.01)
        assert "location" in workout.streams


def test_trim_start_and_merge_arrive_as_edited(tmp_path: Path, account: Account) -> None:
    service = UploadService(UploadStore(tmp_path / "queue"))
    one = queued(service, tmp_path, "a.gpx", ride("1901-12-13T20:45:52Z", 3600))
    right = datetime(2024, 7, 1, 6, 0, tzinfo=UTC)
    [moved] = service.shift_start(one, right).added
    [trimmed] = service.trim(moved.item.id, 600, 2400).added
    assert trimmed.activity is not None
    assert trimmed.activity.start_time == datetime(2024, 7, 1, 6, 10, tzinfo=UTC)
    first = queued(service, tmp_path, "b1.gpx", ride("2024-07-02T08:00:00Z", 1800))
    second = queued(service, tmp_path, "b2.gpx", ride("2024-07-02T08:45:00Z", 1800, lat=47.2))
    [joined] = service.merge([second, first]).added
    uris = upload(service, account, [trimmed.item.id, joined.item.id])
    client = account.require_client()
    cut, both = (client.get_workout(uri) for uri in uris)
    assert cut.start_time == datetime(2024, 7, 1, 6, 10, tzinfo=UTC)
    assert cut.total_distance == pytest.approx(9000, rel=0.01)
    assert both.total_distance == pytest.approx(18_000, rel=0.01)
    assert both.duration == pytest.approx(3600, abs=2)  # the stop between is a pause
    with pytest.raises(EditError, match="nothing to split"):
        service.split(joined.item.id)


def test_a_privacy_zone_keeps_home_out_of_the_upload(tmp_path: Path, account: Account) -> None:
    service = UploadService(UploadStore(tmp_path / "queue"))
    item = queued(service, tmp_path, "from home.gpx", ride("2024-06-01T08:00:00Z", 1200))
    home = PrivacyZone("Home", *LUCERNE, radius_m=300)
    replacement, hidden = service.hide_private_places(item, [home])
    assert replacement is not None
    assert 6 <= hidden.head <= 7  # 300 m at 5 m/s, a point every 10 s
    [private] = replacement.added
    [uri] = upload(service, account, [private.item.id])
    workout = account.require_client().get_workout(uri)
    first_fix = workout.streams["location"].values[0]
    away = distances_to(np.array([first_fix[0]]), np.array([first_fix[1]]), home)[0]
    assert away > 300
    assert workout.total_distance == pytest.approx(6000, rel=0.01)  # figures unchanged
    nothing, _ = service.hide_private_places(private.item.id, [PrivacyZone("Work", 46, 7)])
    assert nothing is None


def test_the_engine_hides_the_zones_of_every_upload(
    tmp_path: Path, account: Account, server: SandboxServer
) -> None:
    # Out from home and back: 20 minutes north, 20 minutes south again.
    out = moving(at("2024-06-01T08:00:00Z"), *LUCERNE, seconds=1200)
    back = [(t + 1210, lat, lon) for (t, _, _), (_, lat, lon) in zip(out, out[::-1], strict=True)]
    service = UploadService(UploadStore(tmp_path / "queue"))
    item = queued(service, tmp_path, "loop.gpx", gpx([[out + back]]))
    home = PrivacyZone("Home", *LUCERNE, radius_m=300)
    service.decide([], [(item, ())], account.key)
    report = service.run(TaskContext(), account, zones=[home])
    [uri] = report.uploaded[item]
    workout = account.require_client().get_workout(uri)
    fixes = np.array(workout.streams["location"].values, dtype=float)
    away = distances_to(fixes[:, 0], fixes[:, 1], home)
    assert away.min() > 300  # neither the start nor the end is near home
    assert len(fixes) == len(out) + len(back) - 2 * 6  # 300 m at 5 m/s, a point every 10 s
    assert workout.total_distance == pytest.approx(12_000, rel=0.01)  # figures unchanged
    assert workout.clock_duration == pytest.approx(2410, abs=2)
    assert workout.name == "Track 1"  # the file's name goes with our FIT
    assert workout.start_time == datetime(2024, 6, 1, 8, 0, tzinfo=UTC)
    assert [i.display_name for i in service.items()] == ["loop.gpx"]  # the file stays as dropped
    assert server.workout_count() == DEMO_SIZE + 1  # one workout, sent once


def test_a_ride_as_fit_and_as_gpx_arrives_with_the_same_local_start(
    tmp_path: Path, account: Account, server: SandboxServer
) -> None:
    server.faults.upload_file_offsets = True  # GPX times are UTC, and the service keeps them so
    ride_gpx = gpx([[moving(at("2024-06-01T14:10:00Z"), *LUCERNE, seconds=1800)]])
    client = account.require_client()
    [plain] = client.upload_file(ride_gpx, "GPX")
    assert client.get_workout(plain).start_time.isoformat() == "2024-06-01T14:10:00+00:00"
    client.delete_workout(plain)

    service = UploadService(UploadStore(tmp_path / "queue"))
    as_gpx = queued(service, tmp_path, "ride.gpx", ride_gpx)
    as_fit = queued(service, tmp_path, "ride.fit", write_fit(parse_bytes(ride_gpx)))
    fit_uri, gpx_uri = upload(service, account, [as_fit, as_gpx])
    starts = [client.get_workout(uri) for uri in (fit_uri, gpx_uri)]
    assert [w.start_time.isoformat() for w in starts if w.start_time] == [
        "2024-06-01T16:10:00+02:00",  # 16:10 in Lucerne, as the FIT says
        "2024-06-01T16:10:00+02:00",  # the GPX's workout too, given the ride's offset
    ]
    assert [w.timezone for w in starts] == [2, 2]
    for workout in starts:
        assert workout.total_distance == pytest.approx(9000, rel=0.01)
        assert len(workout.streams["location"].values) == 181
