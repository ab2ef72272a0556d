"""``/metrics`` over the SportTracks client: read and upsert health metrics.

``POST /metrics`` is an upsert that the service applies atomically, and sending the same points
twice leaves the same state, so it is retried like a GET after a network failure or a 5xx.
Points are sent in Forest Park Explorer's proven shape ``{metric: [[utc, value], ...]}``
**[CLIENT S9]**; a point whose value is None deletes the value at that instant.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from st_desktop.api.gear import request_json
from st_desktop.api.http import bad_shape
from st_desktop.domain.metrics import HealthMetrics, MetricPoint, points_to_json
from st_desktop.domain.timeutil import format_timestamp
from st_desktop.errors import ClientRequestError

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient

log = logging.getLogger(__name__)


def _utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return format_timestamp(moment.astimezone(UTC))


def get_metrics(
    client: SportTracksClient, since: datetime | None = None, until: datetime | None = None
) -> HealthMetrics:
    """The account's health metrics, optionally only between two instants (inclusive).

    Args:
        client: a signed-in client.
        since, until: bounds sent as ``noEarlierThan`` / ``noLaterThan`` (naive means UTC);
            the series are also cut to them here, in case the service ignores them.

    Raises:
        BadResponseError: the answer is not an object of series.
    """
    what = "loading your health metrics"
    params: dict[str, str] = {}
    if since is not None:
        params["noEarlierThan"] = _utc_text(since)
    if until is not None:
        params["noLaterThan"] = _utc_text(until)
    body = request_json(client, "GET", f"{client.base_url}/metrics", what, params=params)
    if not isinstance(body, Mapping):
        raise bad_shape(what, f"metrics body is a {type(body).__name__}, not an object")
    metrics = HealthMetrics.from_json(body)
    if since is None and until is None:
        return metrics
    low = since.replace(tzinfo=since.tzinfo or UTC) if since else None
    high = until.replace(tzinfo=until.tzinfo or UTC) if until else None
    return HealthMetrics(
        {
            metric: tuple(
                p
                for p in points
                if (low is None or p.timestamp >= low) and (high is None or p.timestamp <= high)
            )
            for metric, points in metrics.series.items()
        }
    )


def upsert_metrics(client: SportTracksClient, points: Iterable[MetricPoint]) -> int:
    """Write (or, with value None, delete) points in one atomic request.

    Returns:
        How many points were sent.

    Raises:
        ClientRequestError: a value is implausible for its metric (checked before sending, so
            nothing is written), or the service refused the request.
    """
    try:
        body = points_to_json(points)
    except ValueError as exc:
        raise ClientRequestError(str(exc)) from exc
    count = sum(len(pairs) for pairs in body.values())
    if not count:
        return 0
    request_json(client, "POST", f"{client.base_url}/metrics", "saving health metrics", json=body)
    log.info("Saved %d health metric point(s)", count)
    return count


def delete_metric(client: SportTracksClient, metric: str, timestamp: datetime) -> None:
    """Delete one metric's value at one instant (the service's ``null`` upsert)."""
    upsert_metrics(client, [MetricPoint(metric, timestamp, None)])
