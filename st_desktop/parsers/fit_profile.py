"""The few facts of the FIT profile this app needs (written from the FIT protocol description).

Only the messages an activity needs are listed; everything else in a file is skipped by size.
Field values are decoded with the base type the *file's* definition gives, then divided by
``scale`` and shifted by ``offset`` (``value = raw / scale - offset``), as the protocol says.
"""

from __future__ import annotations

from typing import NamedTuple

#: Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z).
FIT_EPOCH_OFFSET = 631065600

#: FIT date_time values below this are seconds since the device powered up, not real times.
FIT_SYSTEM_TIME_LIMIT = 0x10000000

#: Degrees per semicircle (position fields are 32-bit semicircles).
SEMICIRCLE_DEGREES = 180.0 / 2**31


class BaseType(NamedTuple):
    """A FIT base type: numpy dtype code (without byte order), size and the invalid raw value."""

    dtype: str
    size: int
    invalid: int | None  # None for floats (NaN is invalid) and strings


#: Base type byte -> facts. The low five bits are the type number; bit 7 flags multi-byte types.
BASE_TYPES: dict[int, BaseType] = {
    0x00: BaseType("u1", 1, 0xFF),  # enum
    0x01: BaseType("i1", 1, 0x7F),  # sint8
    0x02: BaseType("u1", 1, 0xFF),  # uint8
    0x83: BaseType("i2", 2, 0x7FFF),  # sint16
    0x84: BaseType("u2", 2, 0xFFFF),  # uint16
    0x85: BaseType("i4", 4, 0x7FFFFFFF),  # sint32
    0x86: BaseType("u4", 4, 0xFFFFFFFF),  # uint32
    0x07: BaseType("S", 1, None),  # string (NUL-terminated UTF-8)
    0x88: BaseType("f4", 4, None),  # float32
    0x89: BaseType("f8", 8, None),  # float64
    0x0A: BaseType("u1", 1, 0x00),  # uint8z
    0x8B: BaseType("u2", 2, 0x0000),  # uint16z
    0x8C: BaseType("u4", 4, 0x00000000),  # uint32z
    0x0D: BaseType("u1", 1, 0xFF),  # byte (an array: invalid only when every byte is 0xFF)
    0x8E: BaseType("i8", 8, 0x7FFFFFFFFFFFFFFF),  # sint64
    0x8F: BaseType("u8", 8, 0xFFFFFFFFFFFFFFFF),  # uint64
    0x90: BaseType("u8", 8, 0),  # uint64z
}
BYTE_BASE_TYPE = 0x0D
STRING_BASE_TYPE = 0x07


class FieldSpec(NamedTuple):
    """A profile field: our name for it, its scale and offset."""

    name: str
    scale: float = 1.0
    offset: float = 0.0


FILE_ID = 0
SPORT = 12
SESSION = 18
LAP = 19
RECORD = 20
EVENT = 21
DEVICE_INFO = 23
ACTIVITY = 34

#: Record field number of ``compressed_speed_distance`` (3 bytes: 12-bit speed, 12-bit distance).
COMPRESSED_SPEED_DISTANCE = 8

_TIMESTAMP = FieldSpec("timestamp")

_SUMMARY_FIELDS_SESSION: dict[int, FieldSpec] = {
    253: _TIMESTAMP,
    2: FieldSpec("start_time"),
    5: FieldSpec("sport"),
    6: FieldSpec("sub_sport"),
    7: FieldSpec("total_elapsed_time", 1000),
    8: FieldSpec("total_timer_time", 1000),
    9: FieldSpec("total_distance", 100),
    11: FieldSpec("total_calories"),
    14: FieldSpec("avg_speed", 1000),
    15: FieldSpec("max_speed", 1000),
    16: FieldSpec("avg_heart_rate"),
    17: FieldSpec("max_heart_rate"),
    18: FieldSpec("avg_cadence"),
    19: FieldSpec("max_cadence"),
    20: FieldSpec("avg_power"),
    21: FieldSpec("max_power"),
    22: FieldSpec("total_ascent"),
    23: FieldSpec("total_descent"),
    124: FieldSpec("enhanced_avg_speed", 1000),
    125: FieldSpec("enhanced_max_speed", 1000),
}

_SUMMARY_FIELDS_LAP: dict[int, FieldSpec] = {
    253: _TIMESTAMP,
    2: FieldSpec("start_time"),
    7: FieldSpec("total_elapsed_time", 1000),
    8: FieldSpec("total_timer_time", 1000),
    9: FieldSpec("total_distance", 100),
    11: FieldSpec("total_calories"),
    13: FieldSpec("avg_speed", 1000),
    14: FieldSpec("max_speed", 1000),
    15: FieldSpec("avg_heart_rate"),
    16: FieldSpec("max_heart_rate"),
    17: FieldSpec("avg_cadence"),
    18: FieldSpec("max_cadence"),
    19: FieldSpec("avg_power"),
    20: FieldSpec("max_power"),
    21: FieldSpec("total_ascent"),
    22: FieldSpec("total_descent"),
    23: FieldSpec("intensity"),
    25: FieldSpec("sport"),
    39: FieldSpec("sub_sport"),
    110: FieldSpec("enhanced_avg_speed", 1000),
    111: FieldSpec("enhanced_max_speed", 1000),
}

#: Global message number -> (name, field number -> spec).
MESSAGES: dict[int, tuple[str, dict[int, FieldSpec]]] = {
    FILE_ID: (
        "file_id",
        {
            0: FieldSpec("type"),
            1: FieldSpec("manufacturer"),
            2: FieldSpec("product"),
            4: FieldSpec("time_created"),
            8: FieldSpec("product_name"),
        },
    ),
    SPORT: ("sport", {0: FieldSpec("sport"), 1: FieldSpec("sub_sport"), 3: FieldSpec("name")}),
    SESSION: ("session", _SUMMARY_FIELDS_SESSION),
    LAP: ("lap", _SUMMARY_FIELDS_LAP),
    RECORD: (
        "record",
        {
            253: _TIMESTAMP,
            0: FieldSpec("position_lat"),
            1: FieldSpec("position_long"),
            2: FieldSpec("altitude", 5, 500),
            3: FieldSpec("heart_rate"),
            4: FieldSpec("cadence"),
            5: FieldSpec("distance", 100),
            6: FieldSpec("speed", 1000),
            7: FieldSpec("power"),
            13: FieldSpec("temperature"),
            73: FieldSpec("enhanced_speed", 1000),
            78: FieldSpec("enhanced_altitude", 5, 500),
        },
    ),
    EVENT: ("event", {253: _TIMESTAMP, 0: FieldSpec("event"), 1: FieldSpec("event_type")}),
    DEVICE_INFO: (
        "device_info",
        {
            253: _TIMESTAMP,
            0: FieldSpec("device_index"),
            2: FieldSpec("manufacturer"),
            4: FieldSpec("product"),
            27: FieldSpec("product_name"),
        },
    ),
    ACTIVITY: (
        "activity",
        {
            253: _TIMESTAMP,
            0: FieldSpec("total_timer_time", 1000),
            1: FieldSpec("num_sessions"),
            5: FieldSpec("local_timestamp"),
        },
    ),
}

# Event enum values used to find pauses.
EVENT_TIMER = 0
EVENT_TYPE_START = 0
EVENT_TYPE_STOP = 1
EVENT_TYPE_STOP_ALL = 4
EVENT_TYPE_STOP_DISABLE = 8
EVENT_TYPE_STOP_DISABLE_ALL = 9
STOP_EVENT_TYPES = frozenset(
    {EVENT_TYPE_STOP, EVENT_TYPE_STOP_ALL, EVENT_TYPE_STOP_DISABLE, EVENT_TYPE_STOP_DISABLE_ALL}
)

INTENSITY_REST = 1

#: ``sport`` enum -> name (the ones we map; others are "other").
SPORTS: dict[int, str] = {
    0: "generic", 1: "running", 2: "cycling", 3: "transition", 4: "fitness_equipment",
    5: "swimming", 6: "basketball", 7: "soccer", 8: "tennis", 9: "american_football",
    10: "training", 11: "walking", 12: "cross_country_skiing", 13: "alpine_skiing",
    14: "snowboarding", 15: "rowing", 16: "mountaineering", 17: "hiking", 18: "multisport",
    19: "paddling", 20: "flying", 21: "e_biking", 22: "motorcycling", 23: "boating",
    24: "driving", 25: "golf", 30: "inline_skating", 31: "rock_climbing", 32: "sailing",
    33: "ice_skating", 35: "snowshoeing", 37: "stand_up_paddleboarding", 38: "surfing",
    41: "kayaking", 42: "rafting", 43: "windsurfing", 44: "kitesurfing", 47: "boxing",
}  # fmt: skip

#: ``sub_sport`` enum -> name (the ones that change the SportTracks subtype).
SUB_SPORTS: dict[int, str] = {
    1: "treadmill", 2: "street", 3: "trail", 4: "track", 5: "spin", 6: "indoor_cycling",
    7: "road", 8: "mountain", 9: "downhill", 11: "cyclocross", 13: "track_cycling",
    14: "indoor_rowing", 15: "elliptical", 16: "stair_climbing", 17: "lap_swimming",
    18: "open_water", 19: "flexibility_training", 20: "strength_training", 26: "cardio_training",
    27: "indoor_walking", 42: "skate_skiing", 43: "yoga", 44: "pilates", 45: "indoor_running",
    46: "gravel_cycling", 47: "e_bike_mountain", 58: "virtual_activity",
}  # fmt: skip

# Manufacturer and product names: parsers/fit_products.py (generated from the FIT profile).

#: Global message numbers the FIT profile documents (a resync after damage only trusts a
#: definition message for one of these, or for a message the same file defined before).
PROFILE_MESSAGE_NUMBERS: frozenset[int] = frozenset(
    {
        *(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 13, 14, 15, 18, 19, 20, 21, 23, 26, 27, 28, 30),
        *(31, 32, 33, 34, 35, 37, 38, 39, 49, 51, 53, 55, 72, 78, 80, 81, 82, 101, 103, 105),
        *(106, 127, 128, 129, 131, 132, 142, 145, 148, 149, 150, 151, 158, 159, 160, 161, 162),
        *(164, 165, 167, 169, 174, 177, 178, 184, 185, 186, 187, 188, 200, 201, 202, 206, 207),
        *(208, 209, 210, 211, 216, 225, 227, 229, 258, 259, 262, 264, 268, 269, 275, 285, 289),
        *(290, 297, 302, 304, 305, 306, 307, 308, 312, 313, 314, 315, 317, 319, 323, 346, 370),
        *(371, 372, 375, 376, 387, 388, 389, 393, 398, 409),
    }
)
