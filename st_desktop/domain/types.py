"""The SportTracks activity type vocabulary (contract section 8).

A type is a capitalised category, optionally followed by ``": "`` and a subtype ("Cycling",
"Skiing: Nordic"). The service accepts lowercase on write; we always send the canonical form.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Category -> subtypes, as the service's own catalogue lists them (typos of the catalogue fixed
#: only where the catalogue itself is inconsistent, e.g. "Showshoe").
CATALOGUE: dict[str, tuple[str, ...]] = {
    "Running": (
        "Hashing", "Hills", "Intervals", "Orienteering", "Race", "Road", "Snowshoe", "Speed",
        "Stair", "Track", "Trail", "Treadmill",
    ),
    "Cycling": (
        "Hills", "Indoor", "Intervals", "Mountain", "Race", "Road", "Rollers", "Spinning", "Track",
        "Trainer",
    ),
    "Swimming": ("Open Water", "Pool", "Race"),
    "Walking": ("Geocaching", "Hiking", "Nordic", "Photography", "Snowshoe", "Treadmill"),
    "Skiing": ("Alpine", "Nordic", "Roller", "Snowboard"),
    "Rowing": (
        "Canoe", "Kayak", "Kitesurf", "Ocean Kayak", "Rafting", "Rowing Machine", "Sailing",
        "Standup Paddling", "Windsurf",
    ),
    "Skating": ("Board", "Ice", "Inline", "Race", "Track"),
    "Gym": (
        "Aerobics", "Elliptical", "Plyometrics", "Rowing Machine", "Spinning", "Stair Climber",
        "Stationary Bike", "Strength", "Stretching", "Treadmill", "Yoga",
    ),
    "Other": (
        "Basketball", "Boxing", "Climbing", "Driving", "Flying", "Football", "Gardening",
        "Kitesurf", "Sailing", "Soccer", "Tennis", "Volleyball", "Windsurf",
    ),
}  # fmt: skip

CATEGORIES: tuple[str, ...] = tuple(CATALOGUE)

_CATEGORY_BY_LOWER = {c.lower(): c for c in CATALOGUE}
_SUBTYPE_BY_LOWER = {c: {s.lower(): s for s in subs} for c, subs in CATALOGUE.items()}


@dataclass(frozen=True, order=True)
class ActivityType:
    """A parsed activity type.

    Attributes:
        category: the capitalised category ("Cycling"); unknown categories keep their own text.
        subtype: the subtype ("Mountain") or "" for none.
    """

    category: str
    subtype: str = ""

    @property
    def wire(self) -> str:
        """The string the API uses: ``"Cycling"`` or ``"Cycling: Mountain"``."""
        return f"{self.category}: {self.subtype}" if self.subtype else self.category

    def __str__(self) -> str:
        return self.wire

    @property
    def is_known(self) -> bool:
        """True when category (and subtype, if any) are in the catalogue."""
        if self.category not in CATALOGUE:
            return False
        return not self.subtype or self.subtype in CATALOGUE[self.category]


def _title(text: str) -> str:
    return " ".join(word[:1].upper() + word[1:].lower() for word in text.split())


def parse_type(text: str | None) -> ActivityType:
    """Parse a type string leniently (any case, extra spaces, missing subtype).

    Args:
        text: the wire string, e.g. ``"cycling: mountain"``, ``"Skiing:Nordic"`` or None.

    Returns:
        The canonical type; an empty or missing text gives ``Other``.
    """
    if not text or not text.strip():
        return ActivityType("Other")
    category_text, _, subtype_text = text.partition(":")
    category_key = category_text.strip().lower()
    category = _CATEGORY_BY_LOWER.get(category_key) or _title(category_text.strip())
    subtype_key = subtype_text.strip().lower()
    if not subtype_key:
        return ActivityType(category)
    subtype = _SUBTYPE_BY_LOWER.get(category, {}).get(subtype_key) or _title(subtype_text.strip())
    return ActivityType(category, subtype)


def normalize_type(text: str | None) -> str:
    """Return the canonical wire form: ``"cycling: mountain"`` -> ``"Cycling: Mountain"``."""
    return parse_type(text).wire


def same_category(a: str | None, b: str | None) -> bool:
    """True when two type strings share a category, compared case-insensitively."""
    return parse_type(a).category == parse_type(b).category
