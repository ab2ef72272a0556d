"""The messages our FIT files hold, field by field, and SportTracks types as FIT sports.

Field numbers, base types, scales and offsets are those of the FIT profile (21.x); the message
numbers come from :mod:`st_desktop.parsers.fit_profile`, which the decoder reads with.
"""

from __future__ import annotations

from st_desktop.domain.types import parse_type
from st_desktop.parsers.fit_profile import (
    ACTIVITY,
    DEVICE_INFO,
    EVENT,
    FILE_ID,
    FIT_EPOCH_OFFSET,
    LAP,
    RECORD,
    SESSION,
    SPORTS,
    SUB_SPORTS,
)
from st_desktop.parsers.writers.fit_encode import (
    ENUM,
    SINT8,
    SINT32,
    STRING,
    UINT8,
    UINT16,
    UINT32,
    UINT32Z,
    Field,
    MessageSpec,
)

#: Semicircles per degree (positions are 32-bit semicircles).
SEMICIRCLES_PER_DEGREE = 2**31 / 180.0

FILE_TYPE_ACTIVITY = 4
MANUFACTURER_DEVELOPMENT = 255
EVENT_TIMER = 0
EVENT_SESSION = 8
EVENT_LAP = 9
EVENT_ACTIVITY = 26
EVENT_TYPE_START = 0
EVENT_TYPE_STOP = 1
EVENT_TYPE_STOP_ALL = 4
LAP_TRIGGER_MANUAL = 0
LAP_TRIGGER_SESSION_END = 7
SESSION_TRIGGER_ACTIVITY_END = 0
ACTIVITY_TYPE_MANUAL = 0
ACTIVITY_TYPE_AUTO_MULTI_SPORT = 1
INTENSITY_ACTIVE = 0
INTENSITY_REST = 1

_TIMESTAMP = Field("timestamp", 253, UINT32)
_INDEX = Field("message_index", 254, UINT16)

FILE_ID_SPEC = MessageSpec(
    FILE_ID,
    (
        Field("type", 0, ENUM),
        Field("manufacturer", 1, UINT16),
        Field("product", 2, UINT16),
        Field("serial_number", 3, UINT32Z),
        Field("time_created", 4, UINT32),
        Field("product_name", 8, STRING, size=20),
    ),
)

DEVICE_INFO_SPEC = MessageSpec(
    DEVICE_INFO,
    (
        _TIMESTAMP,
        Field("device_index", 0, UINT8),
        Field("manufacturer", 2, UINT16),
        Field("serial_number", 3, UINT32Z),
        Field("product", 4, UINT16),
        Field("software_version", 5, UINT16, scale=100),
        Field("product_name", 27, STRING, size=20),
    ),
)

EVENT_SPEC = MessageSpec(
    EVENT,
    (
        _TIMESTAMP,
        Field("event", 0, ENUM),
        Field("event_type", 1, ENUM),
        Field("event_group", 4, UINT8),
    ),
)

#: Record fields in the order they are written; a field whose stream has no value is left out.
RECORD_FIELDS: tuple[Field, ...] = (
    _TIMESTAMP,
    Field("position_lat", 0, SINT32),
    Field("position_long", 1, SINT32),
    Field("altitude", 2, UINT16, scale=5, offset=500),
    Field("heart_rate", 3, UINT8),
    Field("cadence", 4, UINT8),
    Field("distance", 5, UINT32, scale=100),
    Field("speed", 6, UINT16, scale=1000),
    Field("power", 7, UINT16),
    Field("temperature", 13, SINT8),
    Field("enhanced_speed", 73, UINT32, scale=1000),
    Field("enhanced_altitude", 78, UINT32, scale=5, offset=500),
)


def record_spec(names: set[str]) -> MessageSpec:
    """The record message holding the fields in ``names`` (timestamp always)."""
    return MessageSpec(
        RECORD, tuple(f for f in RECORD_FIELDS if f.name == "timestamp" or f.name in names)
    )


def _summary_fields(numbers: dict[str, int]) -> tuple[Field, ...]:
    """Fields shared by lap and session; ``numbers`` gives their field numbers in the message."""
    types = {
        "start_time": (UINT32, 1.0),
        "start_position_lat": (SINT32, 1.0),
        "start_position_long": (SINT32, 1.0),
        "total_elapsed_time": (UINT32, 1000.0),
        "total_timer_time": (UINT32, 1000.0),
        "total_distance": (UINT32, 100.0),
        "total_calories": (UINT16, 1.0),
        "avg_speed": (UINT16, 1000.0),
        "max_speed": (UINT16, 1000.0),
        "avg_heart_rate": (UINT8, 1.0),
        "max_heart_rate": (UINT8, 1.0),
        "avg_cadence": (UINT8, 1.0),
        "max_cadence": (UINT8, 1.0),
        "avg_power": (UINT16, 1.0),
        "max_power": (UINT16, 1.0),
        "total_ascent": (UINT16, 1.0),
        "total_descent": (UINT16, 1.0),
        "sport": (ENUM, 1.0),
        "sub_sport": (ENUM, 1.0),
        "enhanced_avg_speed": (UINT32, 1000.0),
        "enhanced_max_speed": (UINT32, 1000.0),
    }
    return tuple(
        Field(name, number, types[name][0], scale=types[name][1])
        for name, number in numbers.items()
    )


LAP_SPEC = MessageSpec(
    LAP,
    (
        _INDEX,
        _TIMESTAMP,
        Field("event", 0, ENUM),
        Field("event_type", 1, ENUM),
        *_summary_fields({"start_time": 2, "start_position_lat": 3, "start_position_long": 4}),
        Field("end_position_lat", 5, SINT32),
        Field("end_position_long", 6, SINT32),
        *_summary_fields(
            {
                "total_elapsed_time": 7,
                "total_timer_time": 8,
                "total_distance": 9,
                "total_calories": 11,
                "avg_speed": 13,
                "max_speed": 14,
                "avg_heart_rate": 15,
                "max_heart_rate": 16,
                "avg_cadence": 17,
                "max_cadence": 18,
                "avg_power": 19,
                "max_power": 20,
                "total_ascent": 21,
                "total_descent": 22,
            }
        ),
        Field("intensity", 23, ENUM),
        Field("lap_trigger", 24, ENUM),
        *_summary_fields(
            {"sport": 25, "sub_sport": 39, "enhanced_avg_speed": 110, "enhanced_max_speed": 111}
        ),
    ),
)

SESSION_SPEC = MessageSpec(
    SESSION,
    (
        _INDEX,
        _TIMESTAMP,
        Field("event", 0, ENUM),
        Field("event_type", 1, ENUM),
        *_summary_fields(
            {
                "start_time": 2,
                "start_position_lat": 3,
                "start_position_long": 4,
                "sport": 5,
                "sub_sport": 6,
                "total_elapsed_time": 7,
                "total_timer_time": 8,
                "total_distance": 9,
                "total_calories": 11,
                "avg_speed": 14,
                "max_speed": 15,
                "avg_heart_rate": 16,
                "max_heart_rate": 17,
                "avg_cadence": 18,
                "max_cadence": 19,
                "avg_power": 20,
                "max_power": 21,
                "total_ascent": 22,
                "total_descent": 23,
            }
        ),
        Field("first_lap_index", 25, UINT16),
        Field("num_laps", 26, UINT16),
        Field("trigger", 28, ENUM),
        *_summary_fields({"enhanced_avg_speed": 124, "enhanced_max_speed": 125}),
    ),
)

ACTIVITY_SPEC = MessageSpec(
    ACTIVITY,
    (
        _TIMESTAMP,
        Field("total_timer_time", 0, UINT32, scale=1000),
        Field("num_sessions", 1, UINT16),
        Field("type", 2, ENUM),
        Field("event", 3, ENUM),
        Field("event_type", 4, ENUM),
        Field("local_timestamp", 5, UINT32),
    ),
)

# ----------------------------------------------------------------------------- sports

_SPORT_NUMBERS = {name: number for number, name in SPORTS.items()}
_SUB_SPORT_NUMBERS = {name: number for number, name in SUB_SPORTS.items()}

#: SportTracks category -> FIT sport written when the subtype has no entry of its own.
_CATEGORY_SPORTS: dict[str, str] = {
    "Running": "running",
    "Cycling": "cycling",
    "Swimming": "swimming",
    "Walking": "walking",
    "Skiing": "cross_country_skiing",
    "Rowing": "rowing",
    "Skating": "inline_skating",
    "Gym": "fitness_equipment",
    "Other": "generic",
}

#: SportTracks type -> (FIT sport, FIT sub_sport or ""), for types with a closer FIT match than
#: their category's. Chosen so that the decoder reads the same type back where FIT has one.
_TYPE_SPORTS: dict[str, tuple[str, str]] = {
    "Running: Trail": ("running", "trail"),
    "Running: Track": ("running", "track"),
    "Running: Road": ("running", "street"),
    "Running: Treadmill": ("running", "treadmill"),
    "Cycling: Road": ("cycling", "road"),
    "Cycling: Mountain": ("cycling", "mountain"),
    "Cycling: Indoor": ("cycling", "indoor_cycling"),
    "Cycling: Trainer": ("cycling", "indoor_cycling"),
    "Cycling: Rollers": ("cycling", "indoor_cycling"),
    "Cycling: Track": ("cycling", "track_cycling"),
    "Cycling: Spinning": ("cycling", "spin"),
    "Swimming: Pool": ("swimming", "lap_swimming"),
    "Swimming: Open Water": ("swimming", "open_water"),
    "Walking: Hiking": ("hiking", ""),
    "Walking: Treadmill": ("walking", "indoor_walking"),
    "Walking: Snowshoe": ("snowshoeing", ""),
    "Skiing: Nordic": ("cross_country_skiing", ""),
    "Skiing: Roller": ("cross_country_skiing", ""),
    "Skiing: Alpine": ("alpine_skiing", ""),
    "Skiing: Snowboard": ("snowboarding", ""),
    "Rowing: Rowing Machine": ("rowing", "indoor_rowing"),
    "Rowing: Canoe": ("paddling", ""),
    "Rowing: Kayak": ("kayaking", ""),
    "Rowing: Ocean Kayak": ("kayaking", ""),
    "Rowing: Rafting": ("rafting", ""),
    "Rowing: Standup Paddling": ("stand_up_paddleboarding", ""),
    "Rowing: Sailing": ("sailing", ""),
    "Rowing: Windsurf": ("windsurfing", ""),
    "Rowing: Kitesurf": ("kitesurfing", ""),
    "Skating: Ice": ("ice_skating", ""),
    "Gym: Elliptical": ("fitness_equipment", "elliptical"),
    "Gym: Stair Climber": ("fitness_equipment", "stair_climbing"),
    "Gym: Treadmill": ("fitness_equipment", "treadmill"),
    "Gym: Stationary Bike": ("fitness_equipment", "indoor_cycling"),
    "Gym: Spinning": ("fitness_equipment", "indoor_cycling"),
    "Gym: Rowing Machine": ("fitness_equipment", "indoor_rowing"),
    "Gym: Strength": ("training", "strength_training"),
    "Gym: Yoga": ("training", "yoga"),
    "Gym: Stretching": ("training", "flexibility_training"),
    "Gym: Aerobics": ("training", "cardio_training"),
    "Gym: Plyometrics": ("training", ""),
    "Other: Basketball": ("basketball", ""),
    "Other: Soccer": ("soccer", ""),
    "Other: Tennis": ("tennis", ""),
    "Other: Football": ("american_football", ""),
    "Other: Climbing": ("rock_climbing", ""),
    "Other: Flying": ("flying", ""),
    "Other: Driving": ("driving", ""),
    "Other: Boxing": ("boxing", ""),
    "Other: Sailing": ("sailing", ""),
    "Other: Windsurf": ("windsurfing", ""),
    "Other: Kitesurf": ("kitesurfing", ""),
}


def fit_sport(sport: str | None) -> tuple[int, int]:
    """FIT (sport, sub_sport) numbers of a SportTracks type (any case; unknown -> generic)."""
    kind = parse_type(sport)
    names = _TYPE_SPORTS.get(kind.wire) or (_CATEGORY_SPORTS.get(kind.category, "generic"), "")
    return _SPORT_NUMBERS[names[0]], _SUB_SPORT_NUMBERS.get(names[1], 0)


__all__ = [
    "ACTIVITY_SPEC",
    "DEVICE_INFO_SPEC",
    "EVENT_SPEC",
    "FILE_ID_SPEC",
    "FIT_EPOCH_OFFSET",
    "LAP_SPEC",
    "SESSION_SPEC",
    "fit_sport",
    "record_spec",
]
