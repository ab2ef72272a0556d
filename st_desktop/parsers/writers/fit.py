"""An :class:`Activity` as a FIT activity file (protocol 2.0, profile 21.x).

The file holds, in time order: ``file_id`` and ``device_info`` (the creator), a timer start
``event``, the ``record`` messages with a timer stop/start ``event`` around each pause and a
``lap`` message where each lap ends, a final timer stop, one ``session`` per sport (laps of the
same sport in a row form one session: several only for a multi-sport activity) and the
``activity`` message, whose ``local_timestamp`` carries the start time's UTC offset.

Records are encoded as one numpy structured array (see :mod:`fit_encode`), so a 14-hour file
takes milliseconds. A record has a field only for streams with data; altitude and speed use the
16-bit fields, and their 32-bit ``enhanced_`` twins are added only when a value does not fit.
An activity without samples still gets its session (with the totals) and one lap.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from datetime import timedelta

import numpy as np
import numpy.typing as npt

from st_desktop import APP_NAME
from st_desktop.domain.activity import Activity, FloatArray, Lap
from st_desktop.parsers.writers.fit_encode import fit_file
from st_desktop.parsers.writers.fit_laps import (
    Positions,
    columns,
    fit_seconds,
    group_sessions,
    lap_rows,
    session_rows,
)
from st_desktop.parsers.writers.fit_messages import (
    ACTIVITY_SPEC,
    ACTIVITY_TYPE_AUTO_MULTI_SPORT,
    ACTIVITY_TYPE_MANUAL,
    DEVICE_INFO_SPEC,
    EVENT_ACTIVITY,
    EVENT_SPEC,
    EVENT_TIMER,
    EVENT_TYPE_START,
    EVENT_TYPE_STOP,
    EVENT_TYPE_STOP_ALL,
    FILE_ID_SPEC,
    FILE_TYPE_ACTIVITY,
    LAP_SPEC,
    MANUFACTURER_DEVELOPMENT,
    SEMICIRCLES_PER_DEGREE,
    SESSION_SPEC,
    record_spec,
)
from st_desktop.parsers.writers.summaries import lap_spans, start_of

# Local message numbers: one per message type, so no definition is ever redefined.
_FILE_ID, _DEVICE, _EVENT, _RECORD, _LAP, _SESSION, _ACTIVITY = range(7)

#: Largest altitude (m) and speed (m/s) the 16-bit record fields hold.
_ALTITUDE_16_MAX = 0xFFFE / 5 - 500
_SPEED_16_MAX = 0xFFFE / 1000


@dataclass(frozen=True)
class FitCreator:
    """Who the FIT file says made it (``file_id`` and the creator's ``device_info``).

    Attributes:
        manufacturer: FIT manufacturer id; 255 is "development" (no registered maker).
        product: product id within the manufacturer.
        serial_number: the device serial (a fixed number for the app, so the same activity
            always gives the same bytes).
        product_name: written as ``product_name`` in both messages.
        software_version: the creator's version as FIT writes it (2.8 for "2.80"), or None.
    """

    manufacturer: int = MANUFACTURER_DEVELOPMENT
    product: int = 1
    serial_number: int = zlib.crc32(APP_NAME.encode()) or 1
    product_name: str = APP_NAME
    software_version: float | None = None


def _end_of(activity: Activity, spans: list[tuple[float, float]]) -> float:
    """Elapsed seconds at which the activity ends (its own figure, or its last sample or lap)."""
    time = activity.streams.time
    candidates = [activity.summary.elapsed_time or 0.0]
    if len(time):
        candidates.append(float(np.nanmax(time)))
    candidates += [end for _, end in spans]
    return max(candidates)


def _records(activity: Activity, start: float) -> tuple[npt.NDArray[np.void] | None, FloatArray]:
    """The record messages (a structured array) and their FIT timestamps."""
    streams = activity.streams
    keep = np.isfinite(streams.time)
    time = streams.time[keep]
    if not len(time):
        return None, np.empty(0)
    stamps = fit_seconds(start + time)
    columns: dict[str, FloatArray] = {"timestamp": stamps}
    lat, lon = streams.lat[keep], streams.lon[keep]
    if np.isfinite(lat).any() and np.isfinite(lon).any():
        columns["position_lat"] = lat * SEMICIRCLES_PER_DEGREE
        columns["position_long"] = np.where(lon >= 180.0, lon - 360.0, lon) * SEMICIRCLES_PER_DEGREE
    for name, stream in (
        ("heart_rate", "heartrate"),
        ("cadence", "cadence"),
        ("distance", "distance"),
        ("power", "power"),
        ("temperature", "temperature"),
    ):
        values = streams.get(stream)[keep]
        if np.isfinite(values).any():
            columns[name] = values
    for name, stream, limit in (
        ("altitude", "elevation", _ALTITUDE_16_MAX),
        ("speed", "speed", _SPEED_16_MAX),
    ):
        values = streams.get(stream)[keep]
        finite = values[np.isfinite(values)]
        if not len(finite):
            continue
        columns[name] = values
        if finite.max() > limit:
            columns[f"enhanced_{name}"] = values
    spec = record_spec(set(columns))
    return spec.encode(_RECORD, columns, len(time)), stamps


def _timer_events(activity: Activity, start: float, end: float) -> list[tuple[float, int]]:
    """(FIT timestamp, event_type) of every timer start and stop, in time order."""
    events = [(float(fit_seconds(start)), EVENT_TYPE_START)]
    stopped = False
    for pause in sorted(activity.pauses, key=lambda p: p.start):
        if pause.end <= 0:
            continue  # before the start (an activity trimmed at its beginning)
        if pause.start >= end:
            break
        stop = max(0.0, pause.start)
        events.append((float(fit_seconds(start + stop)), EVENT_TYPE_STOP_ALL))
        stopped = True
        if pause.end < end:
            events.append((float(fit_seconds(start + pause.end)), EVENT_TYPE_START))
            stopped = False
    if not stopped:
        events.append((float(fit_seconds(start + end)), EVENT_TYPE_STOP_ALL))
    return events


def _interleave(
    records: npt.NDArray[np.void] | None,
    stamps: FloatArray,
    inserts: list[tuple[float, int, bytes]],
) -> bytes:
    """Records with other messages placed among them by time.

    ``inserts`` holds (FIT time, rank, message): a message goes after the records of its time
    when its rank is odd (stops, laps) and before them when even (starts).
    """
    if records is None:
        return b"".join(message for _, _, message in sorted(inserts, key=lambda x: x[:2]))
    data = records.tobytes()
    size = records.dtype.itemsize
    parts: list[bytes] = []
    done = 0
    for stamp, rank, message in sorted(inserts, key=lambda x: x[:2]):
        at = int(np.searchsorted(stamps, stamp, side="right" if rank % 2 else "left"))
        at = max(at, done)
        parts += [data[done * size : at * size], message]
        done = at
    parts.append(data[done * size :])
    return b"".join(parts)


def _creator_messages(creator: FitCreator, created: float) -> list[bytes]:
    """``file_id`` and the creator's ``device_info``, each after its definition."""
    return [
        FILE_ID_SPEC.definition(_FILE_ID),
        FILE_ID_SPEC.message(
            _FILE_ID,
            type=FILE_TYPE_ACTIVITY,
            manufacturer=creator.manufacturer,
            product=creator.product,
            serial_number=creator.serial_number,
            time_created=created,
            product_name=creator.product_name,
        ),
        DEVICE_INFO_SPEC.definition(_DEVICE),
        DEVICE_INFO_SPEC.message(
            _DEVICE,
            timestamp=created,
            device_index=0,
            manufacturer=creator.manufacturer,
            serial_number=creator.serial_number,
            product=creator.product,
            software_version=creator.software_version,
            product_name=creator.product_name,
        ),
    ]


def write_fit(activity: Activity, *, creator: FitCreator | None = None) -> bytes:
    """Encode ``activity`` as a FIT activity file.

    Args:
        activity: a parsed file, an edited one, or a downloaded workout
            (see :func:`~st_desktop.parsers.writers.workout_to_activity`).
        creator: who the file says made it (default: st-desktop as a development device).

    Returns:
        The file's bytes, CRCs included.
    """
    creator = creator or FitCreator()
    start_time = start_of(activity)
    start = start_time.timestamp()
    laps = activity.laps or [Lap(0.0, activity.summary)]
    spans = lap_spans(laps, activity.summary.elapsed_time)
    end = _end_of(activity, spans)
    streams = activity.streams
    positions = Positions(streams.time, streams.lat, streams.lon)
    sessions, session_of = group_sessions(activity, laps, end)
    parts = _creator_messages(creator, float(fit_seconds(start)))
    parts += [EVENT_SPEC.definition(_EVENT), LAP_SPEC.definition(_LAP)]
    records, stamps = _records(activity, start)
    if records is not None:
        parts.append(record_spec(set(records.dtype.names or ())).definition(_RECORD))
    inserts: list[tuple[float, int, bytes]] = []
    for stamp, kind in _timer_events(activity, start, end):
        message = EVENT_SPEC.message(
            _EVENT, timestamp=stamp, event=EVENT_TIMER, event_type=kind, event_group=0
        )
        inserts.append((stamp, 0 if kind == EVENT_TYPE_START else 3, message))
    laps_out = lap_rows(activity, laps, spans, session_of, positions, start)
    lap_data = LAP_SPEC.encode(_LAP, columns(laps_out), len(laps_out))
    for i, row in enumerate(laps_out):
        inserts.append((float(row["timestamp"] or 0.0), 1, lap_data[i : i + 1].tobytes()))
    parts.append(_interleave(records, stamps, inserts))
    sessions_out = session_rows(activity, sessions, positions, start)
    parts += [
        SESSION_SPEC.definition(_SESSION),
        SESSION_SPEC.encode(_SESSION, columns(sessions_out), len(sessions_out)).tobytes(),
    ]
    offset = start_time.utcoffset() or timedelta(0)
    finished = float(fit_seconds(start + end))
    parts += [
        ACTIVITY_SPEC.definition(_ACTIVITY),
        ACTIVITY_SPEC.message(
            _ACTIVITY,
            timestamp=finished,
            total_timer_time=activity.summary.moving_time,
            num_sessions=len(sessions),
            type=ACTIVITY_TYPE_AUTO_MULTI_SPORT if len(sessions) > 1 else ACTIVITY_TYPE_MANUAL,
            event=EVENT_ACTIVITY,
            event_type=EVENT_TYPE_STOP,
            local_timestamp=finished + offset.total_seconds(),
        ),
    ]
    return fit_file(b"".join(parts))
