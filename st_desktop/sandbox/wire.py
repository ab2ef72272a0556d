"""JSON bodies in the shape the real service sends (contract sections 2-3, corpus ``api/``).

What "observed" means here, concretely:

* list envelope keys ``size, items, previous, next``; ``size`` is the total as a string;
* list items ``start_time, total_distance, duration, type, name, user_id, uri`` with distance,
  duration (two decimals) and user id as **strings**, then with ``data=summary`` the numeric
  ``clock_duration, elevation_gain, elevation_loss, calories, avg_speed, max_speed,
  avg_heartrate, max_heartrate, avg_cadence, max_cadence, avg_power`` (absent ones left out;
  ``max_power`` never appeared in a list, so it is not sent there);
* details in the key order of section 3.1 with real numbers, integral values written as JSON
  integers (``1828``, ``3000``), laps with lowercase ``type``, absent streams left out.

Where the captures say nothing, the choice is marked ASSUMPTION.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from st_desktop.domain.timeutil import format_timestamp, parse_timestamp, utc_offset_hours
from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.ingest import LAP_OPTIONAL, OPTIONAL_SCALARS, STREAM_KEYS
from st_desktop.sandbox.store import Doc, Streams

LIST_SUMMARY_KEYS = (
    "clock_duration", "elevation_gain", "elevation_loss", "calories", "avg_speed", "max_speed",
    "avg_heartrate", "max_heartrate", "avg_cadence", "max_cadence", "avg_power",
)  # fmt: skip
#: Lap numbers after number, type and start_time, in the observed order.
LAP_KEYS = (
    "distance", "duration", "clock_duration", "calories", "elevation_gain", "elevation_loss",
    "avg_speed", *LAP_OPTIONAL,
)  # fmt: skip
#: Decimal places kept per field (the captures show e.g. 8925.795 m, 47.599 m/s, 73.55 rpm).
_PLACES: dict[str, int] = {
    "total_distance": 3, "distance": 3, "duration": 2, "clock_duration": 0, "calories": 0,
    "elevation_gain": 2, "elevation_loss": 2, "avg_speed": 3, "max_speed": 3,
}  # fmt: skip
_STREAM_PLACES: dict[str, int] = {"location": 8, "temperature": 1}
_DEFAULT_PLACES = 2


def number(value: float, places: int) -> int | float:
    """Round like the service writes numbers: integral values become JSON integers."""
    rounded = round(float(value), places)
    return int(rounded) if rounded.is_integer() else rounded


def number_text(value: float, places: int) -> str:
    """A number as the list's strings show it: ``"9902.4"``, ``"40188"`` (no exponent)."""
    text = f"{float(value):.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _field(key: str, value: float) -> int | float:
    return number(value, _PLACES.get(key, _DEFAULT_PLACES))


def timestamp(text: str, faults: Faults) -> str:
    """A stored timestamp as the wire shows it, with the timestamp faults applied."""
    if not (faults.utc_label or faults.offset_bug):
        return text
    moment = parse_timestamp(text)
    if faults.utc_label:
        return format_timestamp(moment.replace(tzinfo=UTC))
    offset = moment.utcoffset()
    seconds = int(offset.total_seconds()) if offset else 0
    if seconds < 0 and seconds % 3600:
        # The service's bug (Q1): -02:30 comes out as "-2:-30". The exact hour digits are
        # unknown; unpadded hours follow tapiriik's example.
        hours, minutes = divmod(-seconds // 60, 60)
        return f"{moment.strftime('%Y-%m-%dT%H:%M:%S')}-{hours}:-{minutes:02d}"
    return text


def workout_uri(api_base: str, workout_id: int) -> str:
    """The absolute ``uri`` of a workout."""
    return f"{api_base}/fitnessActivities/{workout_id}"


def list_item(
    workout_id: int, doc: Doc, *, api_base: str, user_id: int, summary: bool, faults: Faults
) -> dict[str, Any]:
    """One item of the workout list."""
    item: dict[str, Any] = {
        "start_time": timestamp(doc["start_time"], faults),
        "total_distance": number_text(doc["total_distance"], 3),
        "duration": f"{float(doc['duration']):.2f}",
        "type": doc["type"],
        "name": doc["name"],
        "user_id": str(user_id),
        "uri": workout_uri(api_base, workout_id),
    }
    if summary:
        for key in LIST_SUMMARY_KEYS:
            if key in doc:
                item[key] = _field(key, doc[key])
    return item


def list_page(
    items: list[dict[str, Any]], total: int, previous: str | None, next_: str | None
) -> dict[str, Any]:
    """The list envelope; ``None`` links are left out."""
    page: dict[str, Any] = {"size": str(total), "items": items}
    if previous is not None:
        page["previous"] = previous
    if next_ is not None:
        page["next"] = next_
    return page


def detail(
    workout_id: int,
    doc: Doc,
    streams: Streams,
    *,
    root_url: str,
    api_base: str,
    user_id: int,
    faults: Faults,
) -> dict[str, Any]:
    """The full workout object, in the observed key order."""
    start = doc["start_time"]
    tz_hours = 0 if faults.utc_label else utc_offset_hours(parse_timestamp(start))
    body: dict[str, Any] = {
        "start_time": timestamp(start, faults),
        "timezone": tz_hours,
        "privacy": doc["privacy"],
        "total_distance": _field("total_distance", doc["total_distance"]),
        "duration": _field("duration", doc["duration"]),
        "clock_duration": _field("clock_duration", doc["clock_duration"]),
        "type": doc["type"],
        "name": doc["name"],
    }
    # ASSUMPTION: notes and location_name were in no capture; they sit beside name.
    for key in ("notes", "location_name"):
        if key in doc:
            body[key] = doc[key]
    body["calories"] = _field("calories", doc["calories"])
    body["user_id"] = user_id
    body["uri"] = workout_uri(api_base, workout_id)
    body["activity"] = f"{root_url}/activity/{workout_id}"
    for key in OPTIONAL_SCALARS:
        if key in doc:
            body[key] = _field(key, doc[key])
    body["laps"] = [_lap(lap, faults) for lap in doc["laps"] or [_whole_lap(doc)]]
    if doc.get("timer_stops"):
        body["timer_stops"] = [
            [timestamp(a, faults), timestamp(b, faults)] for a, b in doc["timer_stops"]
        ]
    for key in STREAM_KEYS:
        if streams.get(key):
            body[key] = _stream(key, streams[key], faults.non_monotonic_stream)
    return body


def _whole_lap(doc: Doc) -> dict[str, Any]:
    # Every captured workout had a lap; a single one covers the whole workout (section 3.4).
    lap = {
        "number": 1,
        "type": "active",
        "start_time": doc["start_time"],
        "distance": doc["total_distance"],
        "duration": doc["duration"],
        "clock_duration": doc["clock_duration"],
        "calories": doc["calories"],
        "elevation_gain": doc.get("elevation_gain", 0),
        "elevation_loss": doc.get("elevation_loss", 0),
        "avg_speed": doc.get("avg_speed", 0),
    }
    for key in ("max_speed", "avg_heartrate", "max_heartrate"):
        if key in doc:
            lap[key] = doc[key]
    return lap


def _lap(lap: dict[str, Any], faults: Faults) -> dict[str, Any]:
    out: dict[str, Any] = {
        "number": lap["number"],
        "type": str(lap["type"]).lower(),
        "start_time": timestamp(lap["start_time"], faults),
    }
    for key in LAP_KEYS:
        if key in lap:
            out[key] = _field(key, lap[key])
    return out


def _stream(key: str, flat: list[Any], non_monotonic: bool) -> list[Any]:
    places = _STREAM_PLACES.get(key, _DEFAULT_PLACES)
    out: list[Any] = []
    for i in range(0, len(flat), 2):
        value = flat[i + 1]
        if key == "location":
            out += [flat[i], [round(value[0], places), round(value[1], places)]]
        else:
            out += [flat[i], number(value, places)]
    if non_monotonic and len(out) >= 6:
        # Swap two adjacent offsets mid-stream: one step backwards, as in GoldenCheetah #3134.
        i = (len(out) // 4) * 2
        out[i - 2], out[i] = out[i], out[i - 2]
    return out
