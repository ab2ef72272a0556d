"""Map the sport names files use (FIT enums, TCX ``Sport``, GPX ``<type>``) to SportTracks types."""

from __future__ import annotations

import re

from st_desktop.domain.types import CATEGORIES, normalize_type

#: (FIT sport, FIT sub_sport or "") -> SportTracks type. A sport without its sub_sport entry
#: falls back to the ("sport", "") entry.
_FIT_TYPES: dict[tuple[str, str], str] = {
    ("running", ""): "Running",
    ("running", "trail"): "Running: Trail",
    ("running", "track"): "Running: Track",
    ("running", "street"): "Running: Road",
    ("running", "treadmill"): "Running: Treadmill",
    ("running", "indoor_running"): "Running: Treadmill",
    ("cycling", ""): "Cycling",
    ("cycling", "road"): "Cycling: Road",
    ("cycling", "mountain"): "Cycling: Mountain",
    ("cycling", "downhill"): "Cycling: Mountain",
    ("cycling", "e_bike_mountain"): "Cycling: Mountain",
    ("cycling", "cyclocross"): "Cycling: Mountain",
    ("cycling", "gravel_cycling"): "Cycling: Road",
    ("cycling", "track_cycling"): "Cycling: Track",
    ("cycling", "indoor_cycling"): "Cycling: Indoor",
    ("cycling", "virtual_activity"): "Cycling: Indoor",
    ("cycling", "spin"): "Cycling: Spinning",
    ("e_biking", ""): "Cycling",
    ("swimming", ""): "Swimming",
    ("swimming", "lap_swimming"): "Swimming: Pool",
    ("swimming", "open_water"): "Swimming: Open Water",
    ("walking", ""): "Walking",
    ("walking", "indoor_walking"): "Walking: Treadmill",
    ("walking", "treadmill"): "Walking: Treadmill",
    ("hiking", ""): "Walking: Hiking",
    ("mountaineering", ""): "Walking: Hiking",
    ("snowshoeing", ""): "Walking: Snowshoe",
    ("cross_country_skiing", ""): "Skiing: Nordic",
    ("alpine_skiing", ""): "Skiing: Alpine",
    ("snowboarding", ""): "Skiing: Snowboard",
    ("rowing", ""): "Rowing",
    ("rowing", "indoor_rowing"): "Gym: Rowing Machine",
    ("paddling", ""): "Rowing: Canoe",
    ("kayaking", ""): "Rowing: Kayak",
    ("rafting", ""): "Rowing: Rafting",
    ("stand_up_paddleboarding", ""): "Rowing: Standup Paddling",
    ("sailing", ""): "Other: Sailing",
    ("windsurfing", ""): "Other: Windsurf",
    ("kitesurfing", ""): "Other: Kitesurf",
    ("inline_skating", ""): "Skating: Inline",
    ("ice_skating", ""): "Skating: Ice",
    ("fitness_equipment", ""): "Gym",
    ("fitness_equipment", "elliptical"): "Gym: Elliptical",
    ("fitness_equipment", "stair_climbing"): "Gym: Stair Climber",
    ("fitness_equipment", "treadmill"): "Gym: Treadmill",
    ("fitness_equipment", "indoor_cycling"): "Gym: Stationary Bike",
    ("fitness_equipment", "indoor_rowing"): "Gym: Rowing Machine",
    ("fitness_equipment", "strength_training"): "Gym: Strength",
    ("fitness_equipment", "yoga"): "Gym: Yoga",
    ("training", ""): "Gym",
    ("training", "strength_training"): "Gym: Strength",
    ("training", "yoga"): "Gym: Yoga",
    ("training", "pilates"): "Gym: Stretching",
    ("training", "flexibility_training"): "Gym: Stretching",
    ("training", "cardio_training"): "Gym: Aerobics",
    ("basketball", ""): "Other: Basketball",
    ("soccer", ""): "Other: Soccer",
    ("tennis", ""): "Other: Tennis",
    ("american_football", ""): "Other: Football",
    ("rock_climbing", ""): "Other: Climbing",
    ("flying", ""): "Other: Flying",
    ("driving", ""): "Other: Driving",
    ("boxing", ""): "Other: Boxing",
}

#: Words in free-text sport names (TCX ``Sport``, GPX ``<type>``) -> SportTracks type; the first
#: word found wins, so specific words come first.
_WORDS: tuple[tuple[str, str], ...] = (
    ("mountain", "Cycling: Mountain"),
    ("mtb", "Cycling: Mountain"),
    ("virtualride", "Cycling: Indoor"),
    ("indoor_cycling", "Cycling: Indoor"),
    ("treadmill", "Running: Treadmill"),
    ("trail", "Running: Trail"),
    ("hik", "Walking: Hiking"),
    ("nordic", "Skiing: Nordic"),
    ("cross_country", "Skiing: Nordic"),
    ("crosscountry", "Skiing: Nordic"),
    ("alpine", "Skiing: Alpine"),
    ("snowboard", "Skiing: Snowboard"),
    ("ski", "Skiing"),
    ("open_water", "Swimming: Open Water"),
    ("openwater", "Swimming: Open Water"),
    ("pool", "Swimming: Pool"),
    ("swim", "Swimming"),
    ("bik", "Cycling"),
    ("cycl", "Cycling"),
    ("ride", "Cycling"),
    ("run", "Running"),
    ("walk", "Walking"),
    ("row", "Rowing"),
    ("kayak", "Rowing: Kayak"),
    ("canoe", "Rowing: Canoe"),
    ("skat", "Skating"),
    ("elliptical", "Gym: Elliptical"),
    ("yoga", "Gym: Yoga"),
    ("strength", "Gym: Strength"),
    ("gym", "Gym"),
)

#: Strava writes its activity type as a number in GPX ``<type>``.
_STRAVA_NUMBERS = {
    "1": "Cycling",
    "2": "Skiing: Alpine",
    "4": "Walking: Hiking",
    "9": "Running",
    "10": "Walking",
    "16": "Swimming",
}


_CATEGORY_KEYS = {c.lower() for c in CATEGORIES}
_SEPARATORS = re.compile(r"[\s-]+")


def fit_sport_type(sport: str | None, sub_sport: str | None) -> str:
    """The SportTracks type of a FIT ``sport`` / ``sub_sport`` pair (names, not numbers)."""
    if not sport:
        return "Other"
    return _FIT_TYPES.get((sport, sub_sport or "")) or _FIT_TYPES.get((sport, ""), "Other")


def text_sport_type(text: str | None) -> str:
    """The SportTracks type of a free-text sport ("Biking", "running", "9", "Cycling: Road")."""
    if not text or not text.strip():
        return "Other"
    cleaned = text.strip()
    if ":" in cleaned and cleaned.partition(":")[0].strip().lower() in _CATEGORY_KEYS:
        return normalize_type(cleaned)
    if cleaned in _STRAVA_NUMBERS:
        return _STRAVA_NUMBERS[cleaned]
    key = _SEPARATORS.sub("_", cleaned.lower())
    for word, sport in _WORDS:
        if word in key:
            return sport
    return "Other"
