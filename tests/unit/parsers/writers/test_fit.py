"""FIT files we write, read back by fitparse, fitdecode (which checks both CRCs) and our decoder."""

from __future__ import annotations

import io
import warnings
from datetime import UTC, timedelta, timezone
from typing import Any

import fitdecode
import fitparse
import numpy as np
import pytest

from st_desktop.domain.activity import Activity, Lap, Pause, Streams, Summary
from st_desktop.domain.types import CATALOGUE
from st_desktop.parsers import ParseContext, parse_bytes
from st_desktop.parsers.fit_profile import SPORTS, SUB_SPORTS
from st_desktop.parsers.sports import fit_sport_type
from st_desktop.parsers.writers import FitCreator, write_fit
from st_desktop.parsers.writers.fit_messages import fit_sport
from tests.unit.parsers.writers.helpers import (
    FIT_RESOLUTION,
    START,
    assert_streams_close,
    made_up_activity,
)

SEMICIRCLE = 180 / 2**31


def fitdecode_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    """Every data message fitdecode reads (CRCs checked: a mismatch raises), by name."""
    out: dict[str, list[dict[str, Any]]] = {}
    with fitdecode.FitReader(io.BytesIO(data), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitHeader):
                assert frame.crc_matched is not False
            if isinstance(frame, fitdecode.FitDataMessage):
                values = {f.name: f.value for f in frame.fields}
                out.setdefault(frame.name, []).append(values)
    return out


def fitparse_messages(data: bytes) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # fitparse warns about fields it does not understand
        for message in fitparse.FitFile(data, check_crc=True).get_messages():
            out.setdefault(message.name, []).append({f.name: f.value for f in message.fields})
    return out


def _close(value: Any, expected: float, tolerance: float) -> bool:
    if np.isnan(expected):
        return value is None
    return value is not None and abs(float(value) - expected) <= tolerance


@pytest.mark.parametrize("reader", [fitdecode_messages, fitparse_messages])
def test_every_record_reads_back_within_the_fields_resolution(reader: Any) -> None:
    activity = made_up_activity()
    messages = reader(write_fit(activity))
    records = messages["record"]
    s = activity.streams
    assert len(records) == len(s)
    start = activity.start_time.timestamp()
    for i, record in enumerate(records):
        assert record["timestamp"].timestamp() == start + s.time[i]
        assert _close(record.get("position_lat"), s.lat[i] / SEMICIRCLE, 0.5)
        assert _close(record.get("position_long"), s.lon[i] / SEMICIRCLE, 0.5)
        for field, stream in (
            ("altitude", "elevation"),
            ("distance", "distance"),
            ("speed", "speed"),
            ("heart_rate", "heartrate"),
            ("cadence", "cadence"),
            ("power", "power"),
            ("temperature", "temperature"),
        ):
            value, expected = record.get(field), s.get(stream)[i]
            assert _close(value, expected, FIT_RESOLUTION[stream]), (i, field, value, expected)


def test_our_decoder_reads_back_streams_laps_pauses_and_totals() -> None:
    activity = made_up_activity()
    back = parse_bytes(write_fit(activity))
    assert back.start_time == activity.start_time
    assert back.start_time.utcoffset() == timedelta(hours=1)
    assert back.sport == "Cycling: Mountain"
    assert_streams_close(activity, back, tuple(FIT_RESOLUTION), FIT_RESOLUTION)
    assert back.pauses == activity.pauses
    assert [lap.start for lap in back.laps] == [lap.start for lap in activity.laps]
    assert [lap.intensity for lap in back.laps] == ["active", "rest", "active"]
    for ours, theirs in zip(activity.laps, back.laps, strict=True):
        _assert_summary_close(ours.summary, theirs.summary)
    _assert_summary_close(activity.summary, back.summary)
    assert back.warnings == []


def _assert_summary_close(expected: Summary, actual: Summary) -> None:
    """Equal within the storage of lap/session fields (ms, cm, mm/s, whole bpm, m, kcal)."""
    steps = {
        "distance": 0.005,
        "elapsed_time": 0.0005,
        "moving_time": 0.0005,
        "avg_speed": 0.0005,
        "max_speed": 0.0005,
        "avg_heartrate": 0.5,
        "max_heartrate": 0.5,
        "avg_cadence": 0.5,
        "max_cadence": 0.5,
        "avg_power": 0.5,
        "max_power": 0.5,
        "elevation_gain": 0.5,
        "elevation_loss": 0.5,
        "calories": 0.5 * 4.184,
    }
    for name, step in steps.items():
        want, got = getattr(expected, name), getattr(actual, name)
        if want is None:
            continue
        assert got is not None, name
        assert abs(got - want) <= step + 1e-6, (name, want, got)


def test_lap_session_and_activity_messages_carry_the_totals() -> None:
    activity = made_up_activity()
    messages = fitdecode_messages(write_fit(activity))
    (session,) = messages["session"]
    assert session["sport"] == "cycling"
    assert session["sub_sport"] == "mountain"
    assert session["total_distance"] == pytest.approx(activity.summary.distance, abs=0.005)
    assert session["total_timer_time"] == pytest.approx(activity.summary.moving_time, abs=5e-4)
    assert session["total_elapsed_time"] == pytest.approx(activity.summary.elapsed_time, abs=5e-4)
    assert session["total_calories"] == round(812 / 4.184)  # kJ in SportTracks, kcal in FIT
    assert session["num_laps"] == 3
    assert session["start_time"].timestamp() == activity.start_time.timestamp()
    assert session["start_position_lat"] == round(activity.streams.lat[0] / SEMICIRCLE)
    laps = messages["lap"]
    assert [lap["intensity"] for lap in laps] == ["active", "rest", "active"]
    assert [lap["total_calories"] for lap in laps] == [72, 60, 63]  # 300, 250, 262 kJ
    assert laps[-1]["lap_trigger"] == "session_end"
    (act,) = messages["activity"]
    assert act["num_sessions"] == 1
    local = act["local_timestamp"]
    local = local if isinstance(local, int) else int(local.timestamp() - 631065600)
    assert local - int(act["timestamp"].timestamp() - 631065600) == 3600
    (file_id,) = messages["file_id"]
    assert file_id["type"] == "activity"
    assert file_id["manufacturer"] == "development"
    assert file_id["time_created"].timestamp() == activity.start_time.timestamp()


def test_timer_events_frame_the_pause_and_sit_among_the_records_in_time_order() -> None:
    activity = made_up_activity()
    kinds: list[tuple[str, float]] = []
    with fitdecode.FitReader(io.BytesIO(write_fit(activity))) as reader:
        for frame in reader:
            if isinstance(frame, fitdecode.FitDataMessage) and frame.name in ("record", "event"):
                stamp = frame.get_value("timestamp").timestamp()
                label = frame.name if frame.name == "record" else frame.get_value("event_type")
                kinds.append((label, stamp))
    stamps = [stamp for _, stamp in kinds]
    assert stamps == sorted(stamps)
    start = activity.start_time.timestamp()
    events = [(label, stamp - start) for label, stamp in kinds if label != "record"]
    end = activity.summary.elapsed_time
    assert events == [("start", 0.0), ("stop_all", 300.0), ("start", 420.0), ("stop_all", end)]


@pytest.mark.parametrize("hours", [0.0, -7.0, 5.75, 9.5, -3.5])
def test_start_time_and_its_utc_offset_survive(hours: float) -> None:
    start = START.astimezone(timezone(timedelta(hours=hours)))
    # Without a zone lookup the file's own offset decides (with one, the GPS position would).
    no_lookup = ParseContext(zone_lookup=lambda _lat, _lon: None)
    back = parse_bytes(write_fit(made_up_activity(start=start)), context=no_lookup)
    assert back.start_time == start
    assert back.start_time.utcoffset() == timedelta(hours=hours)


def test_missing_values_are_written_as_the_base_types_invalid_value() -> None:
    activity = made_up_activity()
    messages = fitparse_messages(write_fit(activity))
    record = messages["record"][110]  # heart-rate dropout
    assert record["heart_rate"] is None
    assert record["power"] is not None
    gps_gap = messages["record"][505]
    assert gps_gap["position_lat"] is None
    assert gps_gap["position_long"] is None


def test_values_beyond_the_16_bit_fields_go_to_the_enhanced_fields() -> None:
    activity = made_up_activity(sport="Other: Flying")
    activity.streams.speed[50] = 80.0  # m/s: more than uint16 / 1000 holds
    activity.streams.elevation[60] = 13_500.0  # m: more than uint16 / 5 - 500 holds
    messages = fitdecode_messages(write_fit(activity))
    fast, high = messages["record"][50], messages["record"][60]
    assert fast["enhanced_speed"] == pytest.approx(80.0)
    assert high["enhanced_altitude"] == pytest.approx(13_500.0)
    assert messages["record"][0]["enhanced_speed"] == pytest.approx(
        activity.streams.speed[0], abs=5e-4
    )
    back = parse_bytes(write_fit(activity))
    assert back.streams.speed[50] == pytest.approx(80.0)
    assert back.sport == "Other: Flying"


def test_a_workout_without_samples_still_has_its_session_and_one_lap() -> None:
    summary = Summary(
        distance=5000.0,
        elapsed_time=1800.0,
        moving_time=1750.0,
        calories=1300.0,
        avg_heartrate=142.0,
    )
    activity = Activity(
        format="SportTracks",
        start_time=START,
        sport="Running",
        streams=Streams.from_columns({}, 0),
        summary=summary,
    )
    data = write_fit(activity)
    messages = fitdecode_messages(data)
    assert "record" not in messages
    assert len(messages["lap"]) == 1
    assert len(messages["session"]) == 1
    back = parse_bytes(data)
    assert back.start_time == START
    assert back.sport == "Running"
    assert back.summary.distance == pytest.approx(5000.0)
    assert back.summary.moving_time == pytest.approx(1750.0)
    assert back.summary.elapsed_time == pytest.approx(1800.0)
    assert back.summary.calories == pytest.approx(1300.0, abs=2.1)
    assert back.summary.avg_heartrate == 142.0
    assert len(back.laps) == 1


def test_a_multisport_activity_gets_one_session_per_sport() -> None:
    activity = made_up_activity(sport="Cycling")
    sports = ["Swimming: Open Water", "Other", "Cycling: Road"]
    activity.laps = [
        Lap(lap.start, lap.summary, "active", sport)
        for lap, sport in zip(activity.laps, sports, strict=True)
    ]
    messages = fitdecode_messages(write_fit(activity))
    sessions = messages["session"]
    assert [(s["sport"], s["sub_sport"]) for s in sessions] == [
        ("swimming", "open_water"),
        ("generic", "generic"),
        ("cycling", "road"),
    ]
    assert [s["first_lap_index"] for s in sessions] == [0, 1, 2]
    assert messages["activity"][0]["num_sessions"] == 3
    back = parse_bytes(write_fit(activity))
    assert [lap.sport for lap in back.laps] == ["Swimming: Open Water", "Other", "Cycling: Road"]
    assert any(w.startswith("Multi-sport activity") for w in back.warnings)
    lap_distance = sum(lap.summary.distance or 0.0 for lap in activity.laps)
    assert back.summary.distance == pytest.approx(lap_distance, abs=0.02)
    assert back.summary.elapsed_time == pytest.approx(activity.summary.elapsed_time, abs=1.0)


def test_the_creator_can_be_chosen() -> None:
    creator = FitCreator(manufacturer=1, product=3121, serial_number=42, product_name="Edge 530")
    (file_id,) = fitdecode_messages(write_fit(made_up_activity(), creator=creator))["file_id"]
    product = file_id.get("garmin_product")  # product 3121 of maker 1, as fitdecode names it
    assert (file_id["manufacturer"], product, file_id["serial_number"]) == (
        "garmin",
        "edge_530",
        42,
    )
    assert parse_bytes(write_fit(made_up_activity(), creator=creator)).device == "Garmin Edge 530"


def test_the_same_activity_always_gives_the_same_bytes() -> None:
    assert write_fit(made_up_activity()) == write_fit(made_up_activity())


# Types whose FIT sport reads back as another SportTracks type (FIT has no closer match).
LOSSY_TYPES = {
    "Cycling: Trainer": "Cycling: Indoor",
    "Cycling: Rollers": "Cycling: Indoor",
    "Skiing": "Skiing: Nordic",
    "Skiing: Roller": "Skiing: Nordic",
    "Skating": "Skating: Inline",
    "Skating: Board": "Skating: Inline",
    "Skating: Race": "Skating: Inline",
    "Skating: Track": "Skating: Inline",
    "Rowing: Rowing Machine": "Gym: Rowing Machine",
    "Rowing: Ocean Kayak": "Rowing: Kayak",
    "Rowing: Sailing": "Other: Sailing",
    "Rowing: Windsurf": "Other: Windsurf",
    "Rowing: Kitesurf": "Other: Kitesurf",
    "Gym: Spinning": "Gym: Stationary Bike",
    "Gym: Plyometrics": "Gym",
}


@pytest.mark.parametrize(
    "sport",
    list(CATALOGUE) + [f"{c}: {s}" for c, subs in CATALOGUE.items() for s in subs],
)
def test_every_sporttracks_type_has_a_fit_sport_that_reads_back(sport: str) -> None:
    number, sub = fit_sport(sport)
    decoded = fit_sport_type(SPORTS[number], SUB_SPORTS.get(sub))
    if sport in LOSSY_TYPES:
        assert decoded == LOSSY_TYPES[sport]
    elif decoded != sport:
        # No FIT sub-sport for it: the category (or the type) must still come back.
        assert decoded == sport.partition(":")[0], decoded


def test_an_edited_activity_with_a_pause_cut_at_the_start_keeps_the_rest_of_it() -> None:
    activity = made_up_activity()
    # Trimmed in the preview: a pause that began before the new start, and a naive start time.
    activity.pauses = [Pause(-50.0, 20.0), *activity.pauses]
    activity.start_time = START.astimezone(UTC).replace(tzinfo=None)
    back = parse_bytes(write_fit(activity))
    assert back.start_time == START  # naive is taken as UTC
    assert [(p.start, p.end) for p in back.pauses] == [(0.0, 20.0), (300.0, 420.0)]
