"""The client against real SportTracks responses (captured in 2014), replayed byte for byte."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta, timezone

import pytest

from st_desktop import __version__
from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.errors import NotFoundError
from tests.unit.api.conftest import SecretWatch
from tests.unit.api.replay_server import ReplayServer

TOKEN = "replay-access-token-0123456789"


@pytest.fixture
def client(replay: ReplayServer, secret_watch: SecretWatch) -> SportTracksClient:
    secret_watch.add(TOKEN)
    return SportTracksClient(replay.api_base, StaticTokenAuth(TOKEN), sleep=lambda s: None)


def test_first_page_reads_numbers_sent_as_strings(client: SportTracksClient) -> None:
    page = client.list_workouts()

    assert page.total == 1132  # "size":"1132"
    assert len(page.items) == 25
    assert page.has_next
    first = page.items[0]
    assert first.id == "5555562"
    assert first.start_time == datetime(2014, 4, 4, 18, 31, 58, tzinfo=timezone(timedelta(hours=1)))
    assert first.total_distance == pytest.approx(9902.4)  # "9902.4"
    assert first.duration == pytest.approx(1976.0)  # "1976.00"
    assert first.user_id == 16964  # "16964"
    assert first.clock_duration == 1977
    assert first.type == "Cycling"
    second = page.items[1]
    assert second.calories == 1916  # kJ, as the service keeps it
    assert second.calories_kcal == pytest.approx(457.9, abs=0.1)
    assert (second.avg_heartrate, second.max_heartrate, second.avg_cadence) == (168, 180, 81)
    assert first.avg_heartrate is None  # left out when there was no sensor


def test_list_request_carries_summary_paging_and_identity(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    client.list_workouts(page=1)

    request = replay.requests[-1]
    assert request.path == "/api/v2/fitnessActivities"
    assert request.query == {"page": ["1"], "pageSize": ["25"], "data": ["summary"]}
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.headers["User-Agent"] == f"st-desktop/{__version__}"


def test_second_page_has_utc_and_compound_types(client: SportTracksClient) -> None:
    page = client.list_workouts(page=1)

    last = page.items[-1]
    assert last.type == "Skiing: Nordic"
    assert last.elevation_loss == pytest.approx(8.4000244140625)
    assert last.raw["total_distance"] == "3798.92"  # the raw item is kept as sent
    utc = [i for i in page.items if i.start_time and i.start_time.utcoffset() == timedelta(0)]
    assert utc, "page 1 holds UK winter workouts labelled Z"
    assert all(item.start_time is not None for item in page.items)


def test_iter_workouts_pages_by_counting(client: SportTracksClient, replay: ReplayServer) -> None:
    first_fifty = list(itertools.islice(client.iter_workouts(), 50))

    assert len({w.id for w in first_fifty}) == 50
    pages = [r.query["page"] for r in replay.requests]
    assert pages == [["0"], ["1"]]  # lazily, and by counting (never following "next")
    assert all(r.query["data"] == ["summary"] for r in replay.requests)
    starts = [w.start_time for w in first_fifty]
    assert starts == sorted(starts, reverse=True)  # newest first across the page boundary


def test_date_filters_go_out_as_utc_iso(client: SportTracksClient, replay: ReplayServer) -> None:
    cet = timezone(timedelta(hours=1))
    client.list_workouts(
        no_earlier_than=datetime(2014, 3, 1, 1, 0, tzinfo=cet), no_later_than=datetime(2014, 4, 5)
    )

    query = replay.requests[-1].query
    assert query["noEarlierThan"] == ["2014-03-01T00:00:00Z"]
    assert query["noLaterThan"] == ["2014-04-05T00:00:00Z"]


def test_detail_by_id_decodes_scalars_laps_and_streams(client: SportTracksClient) -> None:
    workout = client.get_workout("5522409")

    assert workout.uri == "https://api.sporttracks.mobi/api/v2/fitnessActivities/5522409"
    assert workout.timezone == 1
    assert workout.privacy == "friends"
    assert workout.calories == 1242
    assert [lap.number for lap in workout.laps] == [1, 2, 3, 4]
    assert workout.laps[1].duration == pytest.approx(456.59)
    assert not any(lap.is_rest for lap in workout.laps)
    assert set(workout.streams) == {"location", "elevation", "distance", "heartrate", "cadence"}
    location = workout.streams["location"]
    assert location.offsets[:3] == (0, 1, 4)
    assert location.values[0] == (51.47325516, -0.19266869)
    assert len(workout.streams["cadence"]) == 400  # each stream has its own time base
    assert workout.streams["heartrate"].end <= workout.clock_duration


def test_detail_by_absolute_uri_of_the_real_host_is_fetched_from_our_host(
    client: SportTracksClient, replay: ReplayServer
) -> None:
    uri = "https://api.sporttracks.mobi/api/v2/fitnessActivities/5555562"
    workout = client.get_workout(uri)

    assert replay.requests[-1].path == "/api/v2/fitnessActivities/5555562"
    assert set(workout.streams) == {"location", "elevation", "distance"}
    assert len(workout.streams["distance"]) == 1977
    assert workout.calories == 0
    assert workout.calories_kcal == 0


def test_detail_round_trips_byte_for_byte(client: SportTracksClient, replay: ReplayServer) -> None:
    for ident in ("5522409", "5555562"):
        captured = replay.captured(f"sporttracks_track_{ident}.json")
        workout = client.get_workout(ident)

        sent = json.dumps(workout.to_json(), separators=(",", ":")).encode()
        assert sent == captured.strip()


def test_edit_keeps_every_other_field(client: SportTracksClient, replay: ReplayServer) -> None:
    original = json.loads(replay.captured("sporttracks_track_5522409.json"))
    workout = client.get_workout("5522409").with_changes(name="Commute", type="cycling: road")

    sent = workout.to_json()
    assert list(sent) == list(original)
    assert sent["name"] == "Commute"
    assert sent["type"] == "Cycling: Road"
    assert {k: v for k, v in sent.items() if k not in ("name", "type")} == {
        k: v for k, v in original.items() if k not in ("name", "type")
    }


def test_unknown_workout_is_not_found(client: SportTracksClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.get_workout("42")
    assert caught.value.user_message == "SportTracks has no such workout: it may have been deleted."
    assert caught.value.status == 404
