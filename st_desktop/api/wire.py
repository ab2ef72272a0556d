"""Reading the service's JSON envelopes (list pages, create/update/upload answers) leniently.

Workout objects themselves are read by :mod:`st_desktop.domain.workout`; this module checks the
shapes around them and turns anything unexpected into a
:class:`~st_desktop.errors.BadResponseError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from st_desktop.api.http import bad_shape
from st_desktop.domain.units import lenient_int
from st_desktop.domain.workout import WorkoutSummary


@dataclass(frozen=True)
class WorkoutPage:
    """One page of the workout list.

    Attributes:
        items: the workouts, newest first.
        total: how many workouts match the query in all (the ``size`` field), None if not sent.
        page, page_size: what was asked for.
        has_next: whether another page is worth fetching (computed, not read from ``next``).
        next_url: the service's own ``next`` link, for information only.
    """

    items: tuple[WorkoutSummary, ...]
    total: int | None
    page: int
    page_size: int
    has_next: bool
    next_url: str | None = None


def parse_page(body: Any, page: int, page_size: int) -> WorkoutPage:
    """Read a ``GET /fitnessActivities`` body.

    ``has_next`` counts pages against ``size`` instead of trusting ``next``: the ``next`` link
    drops ``data=summary`` and may drop the page size and date filters (contract 2.2, Q7).
    """
    what = "loading the workout list"
    if not isinstance(body, Mapping):
        raise bad_shape(what, f"list body is a {type(body).__name__}, not an object")
    raw_items = body.get("items", [])
    if raw_items is None:
        raw_items = []
    if not isinstance(raw_items, list):
        raise bad_shape(what, f"items is a {type(raw_items).__name__}")
    items = tuple(WorkoutSummary.from_json(item) for item in raw_items if isinstance(item, Mapping))
    if len(items) != len(raw_items):
        raise bad_shape(what, "an item of the list is not an object")
    total = lenient_int(body.get("size"))
    next_url = body.get("next") if isinstance(body.get("next"), str) and body.get("next") else None
    if not items or len(items) < page_size:
        has_next = False
    elif total is not None:
        has_next = (page + 1) * page_size < total
    else:
        has_next = True  # a full page and no total: the next page (maybe empty) will tell
    return WorkoutPage(items, total, page, page_size, has_next, next_url)


def parse_uris(body: Any, what: str) -> list[str]:
    """The workout URIs of a create / update / upload answer.

    Accepts the documented ``{"fitnessActivities": {"size": n, "uris": [...]}}``, its singular
    ``fitnessActivity`` spelling, a plain ``{"uris": [...]}`` or ``{"uri": ...}``, and a bare JSON
    array of URIs or of such objects (seen by ConnectStats, contract section 5).
    """
    found: list[str] = []
    _collect(body, found, depth=0)
    if found or _declares_empty(body):
        return list(dict.fromkeys(found))
    raise bad_shape(what, f"no workout address in the answer: {str(body)[:200]}")


def _collect(node: Any, found: list[str], depth: int) -> None:
    if depth > 3:
        return
    if isinstance(node, str):
        if "/" in node or node.isdigit():
            found.append(node)
    elif isinstance(node, list):
        for item in node:
            _collect(item, found, depth + 1)
    elif isinstance(node, Mapping):
        for key in ("fitnessActivities", "fitnessActivity", "uris", "uri"):
            if key in node:
                _collect(node[key], found, depth + 1)


def _declares_empty(body: Any) -> bool:
    """True for answers that say "no workouts" in a known shape (``[]``, ``size: 0``)."""
    if isinstance(body, list):
        return all(not _strings(item) for item in body)
    if isinstance(body, Mapping):
        inner = body.get("fitnessActivities", body.get("fitnessActivity", body))
        return isinstance(inner, Mapping) and (
            lenient_int(inner.get("size")) == 0 or inner.get("uris") == []
        )
    return False


def _strings(node: Any) -> Iterable[str]:
    found: list[str] = []
    _collect(node, found, 0)
    return found
