"""``POST /fileUpload``: both form encodings, any-case format, base64 FIT, bad files and switches.

GPX and TCX files are written here (tiny, so their content is plain to see); the FIT file is a
small real recording, taken from tests/data or the shared corpus.
"""

from __future__ import annotations

import base64

import pytest
import requests

from tests.conftest import CORPUS, CORPUS_MISSING_REASON, TEST_DATA
from tests.unit.sandbox.conftest import Api

FIT_NAME = "fp_garmin-fenix-5-run.fit"  # MIT, python-fitparse: a 21-record run with GPS and HR

GPX = (
    """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
<trk><name>Lunch walk</name><trkseg>
"""
    + "".join(
        f'<trkpt lat="{47.05 + i * 0.0002:.5f}" lon="8.30"><ele>{436 + i}</ele>'
        f"<time>2024-03-02T11:00:{i * 10:02d}Z</time></trkpt>\n"
        for i in range(6)
    )
    + "</trkseg></trk></gpx>\n"
)

TCX = (
    """<?xml version="1.0" encoding="UTF-8"?>
<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">
<Activities><Activity Sport="Running"><Id>2024-03-03T07:00:00Z</Id>
<Lap StartTime="2024-03-03T07:00:00Z"><TotalTimeSeconds>50</TotalTimeSeconds>
<DistanceMeters>150</DistanceMeters><Calories>10</Calories><Intensity>Active</Intensity>
<TriggerMethod>Manual</TriggerMethod><Track>
"""
    + "".join(
        f"<Trackpoint><Time>2024-03-03T07:00:{i * 10:02d}Z</Time><Position>"
        f"<LatitudeDegrees>{47.05 + i * 0.0003:.5f}</LatitudeDegrees>"
        f"<LongitudeDegrees>8.3</LongitudeDegrees></Position>"
        f"<DistanceMeters>{i * 30}</DistanceMeters>"
        f"<HeartRateBpm><Value>{120 + i}</Value></HeartRateBpm></Trackpoint>\n"
        for i in range(6)
    )
    + "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
)


@pytest.fixture
def fit_bytes() -> bytes:
    for folder in (TEST_DATA / "fit", CORPUS / "fit" if CORPUS else None):
        if folder is not None and (folder / FIT_NAME).is_file():
            return (folder / FIT_NAME).read_bytes()
    pytest.skip(CORPUS_MISSING_REASON)


def uploaded_uri(api: Api, response: requests.Response) -> str:
    assert response.status_code == 200, response.text
    body = response.json()
    assert list(body) == ["fitnessActivities"]
    assert list(body["fitnessActivities"]) == ["size", "uris"]
    assert body["fitnessActivities"]["size"] == 1
    uri: str = body["fitnessActivities"]["uris"][0]
    assert uri.startswith(api.server.api_base + "/fitnessActivities/")
    return uri


def test_gpx_urlencoded_is_parsed_into_a_full_workout(api: Api) -> None:
    response = api.post("/fileUpload", data={"format": "GPX", "data": GPX})
    workout = api.get(uploaded_uri(api, response)).json()
    assert workout["start_time"] == "2024-03-02T12:00:00+01:00"  # 11:00 UTC in Lucerne
    assert workout["clock_duration"] == 50
    assert workout["total_distance"] > 100
    assert len(workout["location"]) == 12  # six points, offset/value pairs
    assert workout["location"][1] == [47.05, 8.3]
    assert workout["laps"]
    assert api.server.workout_count() == 1


def test_tcx_multipart_lowercase_with_an_extra_file_part_and_a_name(api: Api) -> None:
    response = api.post(
        "/fileUpload.json",
        data={"format": "tcx", "data": TCX, "name": "Track session"},
        files={"file": ("run.tcx", TCX.encode(), "application/xml")},  # ConnectStats' extra part
    )
    workout = api.get(uploaded_uri(api, response)).json()
    assert workout["name"] == "Track session"
    assert workout["type"].startswith("Running")
    assert workout["start_time"] == "2024-03-03T08:00:00+01:00"  # 07:00 UTC in Lucerne
    assert workout["heartrate"][:4] == [0, 120, 10, 121]
    assert all(lap["type"] == lap["type"].lower() for lap in workout["laps"])


def test_base64_fit_is_decoded_and_stored_with_streams(api: Api, fit_bytes: bytes) -> None:
    encoded = base64.b64encode(fit_bytes).decode()
    response = api.post("/fileUpload", data={"format": "Fit", "data": encoded})
    workout = api.get(uploaded_uri(api, response)).json()
    assert workout["type"].startswith("Running")
    assert "location" in workout
    assert "heartrate" in workout
    assert workout["duration"] > 0


@pytest.mark.parametrize(
    ("form", "reason"),
    [
        ({"data": GPX}, "format"),
        ({"format": "KML", "data": "<kml/>"}, "format"),
        ({"format": "GPX"}, "data"),
        ({"format": "FIT", "data": "this is not base64!"}, "base64"),
    ],
)
def test_malformed_upload_requests_are_400(api: Api, form: dict[str, str], reason: str) -> None:
    response = api.post("/fileUpload", data=form)
    assert response.status_code == 400
    assert reason in response.json()["error"]


def test_an_unreadable_file_is_400_with_the_parsers_sentence(api: Api) -> None:
    response = api.post("/fileUpload", data={"format": "GPX", "data": "<gpx><trk>broken"})
    assert response.status_code == 400
    message = response.json()["error"]
    assert message
    assert "Traceback" not in message
    assert api.server.workout_count() == 0


def test_bad_file_switches_zero_size_and_bare_array(api: Api) -> None:
    bad = {"format": "GPX", "data": "<gpx><trk>broken"}
    api.server.faults.upload_zero_size_on_bad_file = True
    zero = api.post("/fileUpload", data=bad)
    assert zero.status_code == 200
    assert zero.json() == {"fitnessActivities": {"size": 0, "uris": []}}
    api.server.faults.upload_bare_array = True
    assert api.post("/fileUpload", data=bad).json() == []
    good = api.post("/fileUpload", data={"format": "gpx", "data": GPX}).json()
    assert isinstance(good, list)
    assert good[0].startswith(api.server.api_base + "/fitnessActivities/")


def test_singular_path_switch_answers_the_documented_uri(api: Api) -> None:
    api.server.faults.upload_singular_path = True
    body = api.post("/fileUpload", data={"format": "GPX", "data": GPX}).json()
    uri = body["fitnessActivities"]["uris"][0]
    workout_id = uri.rsplit("/", 1)[1]
    assert uri == f"{api.server.api_base}/fitnessActivity/{workout_id}"
    assert api.get(f"/fitnessActivities/{workout_id}").status_code == 200


@pytest.mark.parametrize("counter", ["drop_before_store", "drop_after_store"])
def test_upload_connection_drops(api: Api, counter: str) -> None:
    setattr(api.server.faults, counter, 1)
    with pytest.raises(requests.ConnectionError):
        api.post("/fileUpload", data={"format": "GPX", "data": GPX})
    assert api.server.workout_count() == (1 if counter == "drop_after_store" else 0)


def test_upload_needs_a_token(api: Api) -> None:
    response = requests.post(api.url("/fileUpload"), data={"format": "GPX", "data": GPX}, timeout=5)
    assert response.status_code == 401
