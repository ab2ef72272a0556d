"""Turn a workout body a client sent (POST, PUT, or a parsed upload) into what the store keeps.

The rules follow contract section 9.5 and what tapiriik learned the hard way (section 4.1):
``start_time`` is the only required field, a missing ``duration`` is stored as 0, laps without a
``duration`` are dropped, empty streams are dropped, type strings are normalised to the
capitalised ``Category: Subtype`` form, ``sharing`` is accepted for ``privacy``, and read-only
keys (``uri``, ``activity``, ``user_id``, ``timezone``) are ignored. Anything malformed raises
:class:`IngestError`, which the server answers with 400.
"""

from __future__ import annotations

import math
from typing import Any

from st_desktop.domain.timeutil import TimestampError, format_timestamp, parse_timestamp
from st_desktop.domain.types import normalize_type
from st_desktop.sandbox.store import Doc, Streams

#: Workout scalars a client may set that are left out of responses when unknown.
OPTIONAL_SCALARS = (
    "elevation_gain", "elevation_loss", "avg_speed", "max_speed", "avg_heartrate",
    "max_heartrate", "avg_cadence", "max_cadence", "avg_power", "max_power",
)  # fmt: skip
#: Lap scalars beyond the always-present ones, in the order they are written.
LAP_OPTIONAL = (
    "max_speed", "avg_heartrate", "max_heartrate", "avg_cadence", "max_cadence", "avg_power",
    "max_power",
)  # fmt: skip
#: Stream keys of the contract (3.3), in the order a detail writes them.
STREAM_KEYS = (
    "location", "elevation", "distance", "heartrate", "cadence", "power", "temperature",
    "vertical_oscillation", "ground_contact_time", "left_power_percent",
    "total_hemoglobin_conc", "saturated_hemoglobin_percent",
)  # fmt: skip
PRIVACY_VALUES = ("public", "friends", "private")
DEFAULT_PRIVACY = "friends"  # what every captured workout carried


class IngestError(ValueError):
    """The body is not an acceptable workout; the message says why (sent to the client)."""


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise IngestError(f"{key} must be a number")
    try:
        number = float(value)
    except ValueError:
        raise IngestError(f"{key} must be a number, not {value!r}") from None
    if not math.isfinite(number):
        raise IngestError(f"{key} must be a finite number")
    return number


def _timestamp(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise IngestError(f"{key} must be an ISO 8601 timestamp")
    try:
        return format_timestamp(parse_timestamp(value))
    except TimestampError:
        raise IngestError(f"{key} is not an ISO 8601 timestamp: {value!r}") from None


def _text(value: Any, key: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise IngestError(f"{key} must be a string")
    return value


def normalize_workout(body: Any) -> tuple[Doc, Streams]:
    """Validate and normalise a workout body.

    Args:
        body: the decoded JSON a client sent.

    Returns:
        The stored document and the streams.

    Raises:
        IngestError: the body is not a workout (the message is sent back with a 400).
    """
    if not isinstance(body, dict):
        raise IngestError("the body must be a JSON object")
    if body.get("start_time") in (None, ""):
        raise IngestError("start_time is required")
    doc: Doc = {"start_time": _timestamp(body["start_time"], "start_time")}
    privacy = body.get("privacy", body.get("sharing"))
    privacy = DEFAULT_PRIVACY if privacy in (None, "") else _text(privacy, "privacy").lower()
    if privacy not in PRIVACY_VALUES:
        raise IngestError(f"privacy must be one of {', '.join(PRIVACY_VALUES)}")
    doc["privacy"] = privacy
    doc["total_distance"] = _number(body.get("total_distance") or 0, "total_distance")
    doc["duration"] = _number(body.get("duration") or 0, "duration")
    clock = body.get("clock_duration")
    doc["clock_duration"] = doc["duration"] if clock in (None, "") else _number(clock, "clock")
    doc["type"] = normalize_type(_text(body.get("type"), "type"))
    doc["name"] = _text(body.get("name"), "name")
    for key in ("notes", "location_name"):
        text = _text(body.get(key), key)
        if text.strip():
            doc[key] = text
    doc["calories"] = _number(body.get("calories") or 0, "calories")
    for key in OPTIONAL_SCALARS:
        if body.get(key) not in (None, ""):
            doc[key] = _number(body[key], key)
    doc["laps"] = _laps(body.get("laps"), doc["start_time"])
    doc["timer_stops"] = _timer_stops(body.get("timer_stops"))
    return doc, _streams(body)


def _laps(value: Any, workout_start: str) -> list[dict[str, Any]]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise IngestError("laps must be an array")
    laps: list[dict[str, Any]] = []
    for index, raw in enumerate(value, start=1):
        if not isinstance(raw, dict):
            raise IngestError(f"lap {index} must be an object")
        if raw.get("duration") in (None, ""):
            continue  # the service silently drops such laps (tapiriik, 750a9a8)
        duration = _number(raw["duration"], f"lap {index} duration")
        distance = _number(raw.get("distance") or 0, f"lap {index} distance")
        clock = raw.get("clock_duration")
        lap: dict[str, Any] = {
            "number": len(laps) + 1,
            "type": _text(raw.get("type") or "active", f"lap {index} type").lower(),
            "start_time": _timestamp(raw.get("start_time") or workout_start, f"lap {index} start"),
            "distance": distance,
            "duration": duration,
            "clock_duration": duration if clock in (None, "") else _number(clock, "lap clock"),
            "calories": _number(raw.get("calories") or 0, f"lap {index} calories"),
            "elevation_gain": _number(raw.get("elevation_gain") or 0, f"lap {index} gain"),
            "elevation_loss": _number(raw.get("elevation_loss") or 0, f"lap {index} loss"),
        }
        avg_speed = raw.get("avg_speed")
        if avg_speed in (None, ""):
            lap["avg_speed"] = distance / duration if duration > 0 else 0.0
        else:
            lap["avg_speed"] = _number(avg_speed, f"lap {index} avg_speed")
        for key in LAP_OPTIONAL:
            if raw.get(key) not in (None, ""):
                lap[key] = _number(raw[key], f"lap {index} {key}")
        laps.append(lap)
    return laps


def _timer_stops(value: Any) -> list[list[str]]:
    if value in (None, ""):
        return []
    if not isinstance(value, list):
        raise IngestError("timer_stops must be an array")
    stops: list[list[str]] = []
    for index, pair in enumerate(value, start=1):
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise IngestError(f"timer stop {index} must be a [stopped, resumed] pair")
        stops.append([_timestamp(pair[0], "timer stop"), _timestamp(pair[1], "timer stop")])
    return stops


def _streams(body: dict[str, Any]) -> Streams:
    streams: Streams = {}
    for key in STREAM_KEYS:
        raw = body.get(key)
        if raw in (None, ""):
            continue
        if not isinstance(raw, list) or len(raw) % 2:
            raise IngestError(f"{key} must be a flat array of offset, value pairs")
        flat: list[Any] = []
        for i in range(0, len(raw), 2):
            offset = round(_number(raw[i], f"{key} offset"))
            value = raw[i + 1]
            if key == "location":
                if not isinstance(value, list | tuple) or len(value) != 2:
                    raise IngestError("location values must be [latitude, longitude]")
                value = [_number(value[0], "latitude"), _number(value[1], "longitude")]
            else:
                value = _number(value, key)
            flat += [offset, value]
        if flat:  # empty streams are accepted and dropped (tapiriik sends [])
            streams[key] = flat
    return streams
