"""``/metrics``: health metrics (contract section 6; SportTracks' health-metrics page, S4).

Documented **[DOC S4]**: ``GET`` answers an object keyed by metric id, each value an array of
``[timestamp, value]`` pairs; ``POST`` is an atomic upsert in which ``null`` deletes the point at
that time and a later duplicate overwrites an earlier one. Accepted POST shapes:

1. one object ``{"timestamp": iso, "weight": 71.2, "bodyFat": 0.15}`` (DOC scenario 1);
2. a JSON array of such objects (ASSUMPTION: the page describing bulk updates is cut off);
3. ``{"weight": [[iso, value], ...], ...}`` as Forest Park Explorer posts it **[CLIENT S9]**,
   with values that may be numeric strings (FPE sends ``toFixed()`` text).

ASSUMPTIONS [INF], chosen so a client bug shows up here rather than in production:

* Metric ids are ``weight`` (kg, 0-700), ``bodyFat`` (a fraction 0-1, so a percentage such as
  7.8 is refused) and ``restingHeartrate`` (bpm, 10-300); any other id is refused with 400.
* A point is keyed by its instant to the second; answers write it in UTC (``...Z``), sorted by
  time. Metrics without points are left out of the GET answer.
* ``noEarlierThan`` / ``noLaterThan`` bound a GET like the workout list's (inclusive).
* A POST answers 200 ``{"status": "ok", "upserted": n, "deleted": m}`` (points written; points
  named with ``null``, whether they existed or not). Nothing is stored when any part is invalid.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from werkzeug.wrappers import Request, Response

from st_desktop.sandbox.faults import Counter
from st_desktop.sandbox.ingest import IngestError
from st_desktop.sandbox.params import json_body, time_arg, time_value
from st_desktop.sandbox.responses import json_response
from st_desktop.sandbox.store import Store
from st_desktop.sandbox.wire import number

#: Metric id -> (lowest, highest value accepted, decimal places written).
METRICS: dict[str, tuple[float, float, int]] = {
    "weight": (0.0, 700.0, 2),
    "bodyFat": (0.0, 1.0, 4),
    "restingHeartrate": (10.0, 300.0, 0),
}
_MAX_POINTS = 100_000

#: One write: (metric id, epoch second, value or None to delete).
Point = tuple[str, int, float | None]


def _stamp(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _epoch(value: Any) -> int:
    if not isinstance(value, str):
        raise IngestError("a metric timestamp must be an ISO 8601 text")
    seconds = time_value(value, "timestamp")
    if not -62_135_596_800 <= seconds <= 253_402_300_799:  # years 1 to 9999
        raise IngestError(f"timestamp out of range: {value[:40]!r}")
    return math.floor(seconds)


def _value(metric: str, value: Any) -> float | None:
    if metric not in METRICS:
        raise IngestError(f"unknown metric {metric[:40]!r}; known: {', '.join(METRICS)}")
    if value is None:
        return None
    number_ = None
    if not isinstance(value, bool) and isinstance(value, int | float | str):
        try:
            number_ = float(value)
        except ValueError:
            number_ = None
    if number_ is None or not math.isfinite(number_):
        raise IngestError(f"{metric} must be a number or null, not {value!r:.40}")
    low, high, _ = METRICS[metric]
    if not low <= number_ <= high:
        raise IngestError(f"{metric} must be between {low:g} and {high:g}, not {number_:g}")
    return number_


def _object_points(item: Any) -> Iterable[Point]:
    if not isinstance(item, Mapping) or "timestamp" not in item:
        raise IngestError("each item must be an object with a timestamp")
    epoch = _epoch(item["timestamp"])
    metrics = [key for key in item if key != "timestamp"]
    if not metrics:
        raise IngestError("a metric object needs at least one metric besides its timestamp")
    for metric in metrics:
        yield metric, epoch, _value(str(metric), item[metric])


def _series_points(body: Mapping[str, Any]) -> Iterable[Point]:
    for metric, pairs in body.items():
        if not isinstance(pairs, list):
            raise IngestError(f"{str(metric)[:40]} must be an array of [timestamp, value] pairs")
        for pair in pairs:
            if not isinstance(pair, list) or len(pair) != 2:
                raise IngestError(f"{metric} must hold [timestamp, value] pairs")
            yield metric, _epoch(pair[0]), _value(metric, pair[1])


def parse_points(body: Any) -> list[Point]:
    """Every write a POST body asks for, in order (later ones win).

    Raises:
        IngestError: the body has none of the accepted shapes, or a value is invalid.
    """
    if isinstance(body, list):
        points = [point for item in body for point in _object_points(item)]
    elif isinstance(body, Mapping) and "timestamp" in body:
        points = list(_object_points(body))
    elif isinstance(body, Mapping) and body:
        points = list(_series_points(body))
    else:
        raise IngestError("the body must be a metric object, an array of them, or metric series")
    if not points:
        raise IngestError("the body holds no metric values")
    if len(points) > _MAX_POINTS:
        raise IngestError(f"at most {_MAX_POINTS} metric values per request")
    return points


class MetricBook:
    """Health metric storage over the sandbox store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def apply(self, points: Iterable[Point]) -> tuple[int, int]:
        """Write and delete points in one transaction; returns (upserted, deleted)."""
        upserted = deleted = 0
        with self._store.transaction() as db:
            for metric, epoch, value in points:
                if value is None:
                    db.execute(
                        "DELETE FROM metrics WHERE metric = ? AND epoch = ?", (metric, epoch)
                    )
                    deleted += 1
                else:
                    db.execute(
                        "INSERT OR REPLACE INTO metrics (metric, epoch, value) VALUES (?, ?, ?)",
                        (metric, epoch, value),
                    )
                    upserted += 1
        return upserted, deleted

    def series(
        self, earliest: float | None = None, latest: float | None = None
    ) -> dict[str, list[list[Any]]]:
        """Every metric with points in the bounds: ``{id: [[iso, value], ...]}``, by time."""
        low = -math.inf if earliest is None else earliest
        high = math.inf if latest is None else latest
        with self._store.reading() as db:
            rows = db.execute(
                "SELECT metric, epoch, value FROM metrics WHERE epoch >= ? AND epoch <= ? "
                "ORDER BY metric, epoch",
                (low, high),
            ).fetchall()
        out: dict[str, list[list[Any]]] = {metric: [] for metric in METRICS}
        for metric, epoch, value in rows:
            places = METRICS.get(metric, (0, 0, 2))[2]
            out.setdefault(metric, []).append([_stamp(int(epoch)), number(value, places)])
        return {metric: points for metric, points in out.items() if points}


class MetricEndpoints:
    """The HTTP side of ``/metrics`` (authentication and generic faults are the app's).

    Args:
        store: the account's database.
        maybe_drop: drops the connection when a ``drop_*`` fault counter says so.
    """

    def __init__(self, store: Store, maybe_drop: Callable[[Counter], None]) -> None:
        self.book = MetricBook(store)
        self._maybe_drop = maybe_drop

    def get(self, request: Request) -> Response:
        """``GET /metrics``."""
        earliest = time_arg(request, "noEarlierThan")
        latest = time_arg(request, "noLaterThan")
        return json_response(self.book.series(earliest, latest))

    def post(self, request: Request) -> Response:
        """``POST /metrics``: the atomic upsert."""
        points = parse_points(json_body(request))
        self._maybe_drop("drop_before_store")
        upserted, deleted = self.book.apply(points)
        self._maybe_drop("drop_after_store")
        # ASSUMPTION: the answer's shape is undocumented.
        return json_response({"status": "ok", "upserted": upserted, "deleted": deleted})
