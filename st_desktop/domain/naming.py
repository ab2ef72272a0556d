"""Names for unnamed workouts, the way the services users know do it: "Morning Ride".

The part of the day comes from the local start time (the ride's own clock, not the computer's),
the noun from the activity type.
"""

from __future__ import annotations

from datetime import datetime

from st_desktop.domain.types import parse_type

#: (first hour, words) in order; a start at or after the hour takes the words.
_PARTS_OF_DAY = (
    (0, "Night"),
    (5, "Morning"),
    (11, "Lunch"),
    (14, "Afternoon"),
    (17, "Evening"),
    (21, "Night"),
)

#: Category, or "Category: Subtype", -> the noun of the name.
_NOUNS = {
    "Cycling": "Ride",
    "Cycling: Mountain": "Mountain Bike Ride",
    "Cycling: Indoor": "Indoor Ride",
    "Cycling: Trainer": "Indoor Ride",
    "Running": "Run",
    "Running: Trail": "Trail Run",
    "Running: Treadmill": "Treadmill Run",
    "Walking": "Walk",
    "Walking: Hiking": "Hike",
    "Swimming": "Swim",
    "Skiing": "Ski",
    "Skiing: Nordic": "Nordic Ski",
    "Skiing: Snowboard": "Snowboard",
    "Rowing": "Row",
    "Rowing: Kayak": "Paddle",
    "Rowing: Canoe": "Paddle",
    "Rowing: Standup Paddling": "Paddle",
    "Skating": "Skate",
    "Gym": "Workout",
    "Gym: Yoga": "Yoga",
    "Other": "Activity",
}


def part_of_day(local_start: datetime) -> str:
    """ "Morning", "Lunch", "Afternoon", "Evening" or "Night" for a local start time."""
    words = _PARTS_OF_DAY[0][1]
    for hour, label in _PARTS_OF_DAY:
        if local_start.hour >= hour:
            words = label
    return words


def activity_noun(activity_type: str) -> str:
    """The noun for a SportTracks type: "Ride", "Trail Run", "Hike"…"""
    kind = parse_type(activity_type or "Other")
    return _NOUNS.get(kind.wire) or _NOUNS.get(kind.category) or "Activity"


def default_name(local_start: datetime | None, activity_type: str) -> str:
    """The name an unnamed workout gets: "Morning Ride", "Evening Run" ("Ride" without a time).

    Args:
        local_start: the start in the workout's own time zone (aware or naive local time).
        activity_type: the SportTracks type ("Cycling: Road").
    """
    noun = activity_noun(activity_type)
    if local_start is None:
        return noun
    return f"{part_of_day(local_start)} {noun}"
