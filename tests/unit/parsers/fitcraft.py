"""A tiny FIT writer for tests: records, sessions and the activity's local time, nothing else.

Enough of the FIT protocol (definition and data messages, little-endian, file CRC) to write
synthetic recordings whose every value a test chooses.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass, field

FIT_EPOCH = 631065600  # 1989-12-31T00:00:00Z in Unix seconds
SEMICIRCLES = 2**31 / 180.0

_CRC_TABLE = (
    0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
    0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400,
)  # fmt: skip
#: (global message number, [(field number, struct format, FIT base type)])
_RECORD = (20, [(253, "I", 0x86), (0, "i", 0x85), (1, "i", 0x85), (3, "B", 0x02)])
_SESSION = (18, [(253, "I", 0x86), (2, "I", 0x86), (7, "I", 0x86), (8, "I", 0x86), (5, "B", 0x00)])
_ACTIVITY = (34, [(253, "I", 0x86), (5, "I", 0x86)])
_FILE_ID = (0, [(0, "B", 0x00), (1, "H", 0x84), (4, "I", 0x86)])
_INVALID_SINT32 = 0x7FFFFFFF


def crc16(data: bytes) -> int:
    """The FIT CRC of ``data``."""
    crc = 0
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[crc & 0xF]
            crc = (crc >> 4) & 0x0FFF
            crc = crc ^ tmp ^ _CRC_TABLE[nibble]
    return crc


@dataclass
class FitRide:
    """A recording to write: one record per (unix time, lat, lon, hr); lat/lon None = no fix.

    Attributes:
        points: (Unix seconds, latitude or None, longitude or None, heart rate).
        sessions: (Unix start, elapsed seconds, FIT sport number: 1 running, 2 cycling).
        local_offset_s: the device's UTC offset (activity.local_timestamp - timestamp), if any.
    """

    points: list[tuple[float, float | None, float | None, int]]
    sessions: list[tuple[float, float, int]] = field(default_factory=list)
    local_offset_s: int | None = None


def _definition(local: int, message: tuple[int, list[tuple[int, str, int]]]) -> bytes:
    number, fields = message
    out = struct.pack("<BBBHB", 0x40 | local, 0, 0, number, len(fields))
    for field_number, fmt, base in fields:
        out += struct.pack("<BBB", field_number, struct.calcsize(fmt), base)
    return out


def _data(local: int, message: tuple[int, list[tuple[int, str, int]]], *values: int) -> bytes:
    fmt = "<" + "".join(f for _, f, _ in message[1])
    return bytes([local]) + struct.pack(fmt, *values)


def build_fit(ride: FitRide) -> bytes:
    """The FIT file of ``ride``."""
    body = _definition(0, _FILE_ID) + _data(0, _FILE_ID, 4, 1, 12345)  # activity file, Garmin
    body += _definition(1, _RECORD)
    for unix, lat, lon, hr in ride.points:
        body += _data(
            1,
            _RECORD,
            int(unix) - FIT_EPOCH,
            round(lat * SEMICIRCLES) if lat is not None else _INVALID_SINT32,
            round(lon * SEMICIRCLES) if lon is not None else _INVALID_SINT32,
            hr,
        )
    body += _definition(2, _SESSION)
    for start, elapsed, sport in ride.sessions:
        end = int(start + elapsed) - FIT_EPOCH
        millis = round(elapsed * 1000)
        body += _data(2, _SESSION, end, int(start) - FIT_EPOCH, millis, millis, sport)
    if ride.local_offset_s is not None and ride.points:
        last = int(ride.points[-1][0]) - FIT_EPOCH
        body += _definition(3, _ACTIVITY)
        body += _data(3, _ACTIVITY, last, last + ride.local_offset_s)
    header = struct.pack("<BBHI4s", 12, 0x10, 2093, len(body), b".FIT")
    data = header + body
    return data + struct.pack("<H", crc16(data))
