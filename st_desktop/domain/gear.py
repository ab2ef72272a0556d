"""Gear (bikes, shoes) as SportTracks' ``/gear`` describes it (contract section 6), in plain Python.

Known from Forest Park Explorer **[CLIENT S9]**: ``GET /gear`` lists items by ``uri``; an item
has ``brand``, ``model``, ``status`` ("ACTIVE"), ``changed`` (ISO time) and ``activities`` (the
**integer** ids of the workouts it was used in); a PUT of the whole object links or unlinks
workouts. ``name``, ``type``, ``purchase_date``, ``initial_distance`` and ``total_distance`` are
what the sandbox sends beside them (ASSUMPTION). Reading is lenient like
:mod:`st_desktop.domain.workout`: missing keys mean "unknown", numbers may be strings, ids that
are not whole numbers are skipped.

A :class:`Gear` keeps the JSON object it was read from. Edits are kept apart: field changes as
wire values, links as "link this workout" / "unlink that one", so :meth:`Gear.rebase` can replay
them onto a fresher copy of the item (read-modify-write without losing a link another client made
in the meantime) and :meth:`Gear.to_json` gives back the whole object with only them applied.
"""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from st_desktop.domain.timeutil import TimestampError, parse_timestamp
from st_desktop.domain.units import lenient_float, lenient_int
from st_desktop.domain.workout import workout_id

__all__ = [
    "ACTIVE",
    "EDITABLE_GEAR_FIELDS",
    "RETIRED",
    "Gear",
    "GearSummary",
    "gear_for_workout",
    "gear_id",
    "new_gear",
]

ACTIVE = "ACTIVE"
RETIRED = "RETIRED"
#: Fields :meth:`Gear.with_changes` may edit (wire names; ``retired`` stands for ``status``).
EDITABLE_GEAR_FIELDS = frozenset({"name", "brand", "model", "notes", "kind", "retired"})


def gear_id(uri_or_id: str | int) -> str:
    """The gear id: the last path segment of its ``uri`` (or the id itself)."""
    return workout_id(uri_or_id)


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _kind(raw: Mapping[str, Any]) -> str:
    return _text(raw.get("type")).lower()


def _status(raw: Mapping[str, Any]) -> str:
    return _text(raw.get("status")).upper() or ACTIVE


def _ids(value: object) -> tuple[int, ...]:
    if not isinstance(value, list):
        return ()
    ids = (lenient_int(item) for item in value if not isinstance(item, bool))
    return tuple(sorted({item for item in ids if item is not None and item > 0}))


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return parse_timestamp(value)
    except TimestampError:
        return None


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


@dataclass(frozen=True, kw_only=True)
class GearSummary:
    """One item of the gear list: enough to show it, not to write it back.

    Attributes:
        uri: the item's absolute address (where its full object is).
        id: the last segment of ``uri``.
        name, brand, model: free text ("" when absent).
        kind: the wire ``type`` in lower case ("bike", "shoes", "" when absent).
        status: "ACTIVE" or "RETIRED" (upper case; ACTIVE when absent).
    """

    uri: str
    id: str
    name: str = ""
    brand: str = ""
    model: str = ""
    kind: str = ""
    status: str = ACTIVE

    @property
    def retired(self) -> bool:
        """True once the item is retired."""
        return self.status == RETIRED

    @property
    def label(self) -> str:
        """What to call the item: its name, else "brand model", else its id."""
        return self.name or " ".join(p for p in (self.brand, self.model) if p) or self.id

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> GearSummary:
        """Read a list item leniently (``uri`` "" when it has none: nothing to follow)."""
        uri = _text(raw.get("uri"))
        return cls(uri=uri, id=gear_id(uri) if uri else "", **_scalars(raw))


@dataclass(frozen=True, kw_only=True)
class Gear(GearSummary):
    """A full gear item that remembers the JSON it came from.

    Attributes:
        activities: ids of the workouts it is linked to, ascending, edits applied.
        changed: when the service last recorded a change (None when absent).
        purchase_date: when it was bought, when known.
        initial_distance: metres it had done before its first linked workout.
        total_distance: metres including the linked workouts, when the service says.
        notes: free text.
        raw: the JSON object read; never mutated.
        edits: wire key -> new value for the fields changed since.
        linked, unlinked: workout ids linked or unlinked since (replayed by :meth:`rebase`).
    """

    activities: tuple[int, ...] = ()
    changed: datetime | None = None
    purchase_date: date | None = None
    initial_distance: float | None = None
    total_distance: float | None = None
    notes: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)
    edits: Mapping[str, Any] = field(default_factory=dict, repr=False)
    linked: frozenset[int] = frozenset()
    unlinked: frozenset[int] = frozenset()

    @classmethod
    def from_json(cls, raw: Mapping[str, Any]) -> Gear:
        """Read a full gear object leniently (a missing ``uri`` gives an empty one)."""
        uri = _text(raw.get("uri"))
        return cls(
            uri=uri,
            id=gear_id(uri) if uri else "",
            raw=raw,
            activities=_ids(raw.get("activities")),
            changed=_when(raw.get("changed")),
            purchase_date=_day(raw.get("purchase_date")),
            initial_distance=lenient_float(raw.get("initial_distance")),
            total_distance=lenient_float(raw.get("total_distance")),
            notes=_text(raw.get("notes")),
            **_scalars(raw),
        )

    def uses(self, workout: str | int) -> bool:
        """True when the workout (id or uri) is linked to this item."""
        ident = lenient_int(workout_id(workout))
        return ident is not None and ident in self.activities

    def with_activity(self, workout: str | int, linked: bool = True) -> Gear:
        """A copy with the workout (id or uri) linked, or unlinked when ``linked`` is False.

        Raises:
            ValueError: the workout id is not a positive whole number (the wire needs one).
        """
        ident = lenient_int(workout_id(workout))
        if ident is None or ident <= 0:
            raise ValueError(f"not a workout id: {workout!r}")
        links, unlinks = set(self.linked), set(self.unlinked)
        (links if linked else unlinks).add(ident)
        (unlinks if linked else links).discard(ident)
        return self._replay(self.raw, self.edits, links, unlinks)

    def with_changes(self, **changes: Any) -> Gear:
        """A copy with some of :data:`EDITABLE_GEAR_FIELDS` changed (``retired=True`` ...).

        Raises:
            TypeError: for a field that cannot be edited.
            ValueError: for a value of the wrong type.
        """
        unknown = set(changes) - EDITABLE_GEAR_FIELDS
        if unknown:
            raise TypeError(f"not editable: {', '.join(sorted(unknown))}")
        edits = dict(self.edits)
        for key, value in changes.items():
            if key == "retired":
                if not isinstance(value, bool):
                    raise ValueError("retired must be True or False")
                edits["status"] = RETIRED if value else ACTIVE
            elif not isinstance(value, str):
                raise ValueError(f"{key} must be text")
            else:
                edits["type" if key == "kind" else key] = value.strip()
        return self._replay(self.raw, edits, set(self.linked), set(self.unlinked))

    def rebase(self, fresh: Mapping[str, Any]) -> Gear:
        """This item's edits and link changes replayed onto a fresher JSON object of it."""
        return self._replay(fresh, self.edits, set(self.linked), set(self.unlinked))

    def to_json(self) -> dict[str, Any]:
        """The whole object to PUT back: the JSON read, in its key order, edits applied.

        ``activities`` is always a list of JSON integers. Returns a fresh deep copy.
        """
        out = copy.deepcopy(dict(self.raw))
        out.update(copy.deepcopy(dict(self.edits)))
        out["activities"] = list(self.activities)
        return out

    @classmethod
    def _replay(
        cls, raw: Mapping[str, Any], edits: Mapping[str, Any], links: set[int], unlinks: set[int]
    ) -> Gear:
        base = cls.from_json({**raw, **edits})
        activities = (set(base.activities) | links) - unlinks
        return dataclasses.replace(
            base,
            raw=raw,
            edits=dict(edits),
            activities=tuple(sorted(activities)),
            linked=frozenset(links),
            unlinked=frozenset(unlinks),
        )


def _scalars(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "name": _text(raw.get("name")),
        "brand": _text(raw.get("brand")),
        "model": _text(raw.get("model")),
        "kind": _kind(raw),
        "status": _status(raw),
    }


def new_gear(
    kind: str, brand: str = "", model: str = "", name: str = "", **extra: Any
) -> dict[str, Any]:
    """The JSON object of a new item, for ``create_gear`` (``extra``: e.g. ``purchase_date``)."""
    body: dict[str, Any] = {"name": name, "brand": brand, "model": model, "type": kind}
    body["status"] = ACTIVE
    for key, value in extra.items():
        body[key] = value.isoformat() if isinstance(value, date) else value
    body["activities"] = []
    return body


def gear_for_workout(items: Iterable[Gear], workout: str | int) -> list[Gear]:
    """The items a workout (id or uri) is linked to."""
    return [item for item in items if item.uses(workout)]
