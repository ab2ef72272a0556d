"""Fixed files go up as fixed: each fix queued as our FIT and uploaded to the sandbox."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers.edit import EditError
from st_desktop.parsers.privacy import PrivacyZone, distances_to
from st_desktop.progress import TaskContext
from st_desktop.services.account import Account
from st_desktop.services.intake import Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore
from tests.unit.parsers.gpxcraft import at, gpx, moving

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
