"""Query parameters and JSON bodies of sandbox requests, read strictly and within SQLite's range.

Every failure raises :class:`~st_desktop.sandbox.ingest.IngestError`, which the server answers
with 400 and its JSON error body; a number too large for SQLite never reaches a query (it used
to end as an ``OverflowError`` and a 500).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

from werkzeug.wrappers import Request

from st_desktop.domain.timeutil import TimestampError, parse_timestamp
from st_desktop.sandbox.ingest import IngestError

#: Largest ``page``/``pageSize`` a request may name (a page times a page size stays far inside
#: SQLite's 64-bit integers). ASSUMPTION: the service's own limits are unknown (section 2.1).
MAX_INT_ARG = 2**31 - 1
DEFAULT_PAGE_SIZE = 25
MAX_PAGE_SIZE = 1000  # ASSUMPTION: the real maximum is unknown (section 2.1); larger is clamped


def int_arg(request: Request, name: str, default: int, minimum: int) -> int:
    """An integer query parameter in ``[minimum, MAX_INT_ARG]``; ``default`` when absent."""
    text = request.args.get(name, "").strip()
    if not text:
        return default
    if not text.lstrip("+-").isascii() or not text.lstrip("+-").isdigit():
        raise IngestError(f"{name} must be an integer")
    value = int(text)
    if value < minimum:
        raise IngestError(f"{name} must be at least {minimum}")
    if value > MAX_INT_ARG:
        raise IngestError(f"{name} must be at most {MAX_INT_ARG}")
    return value


def page_args(request: Request) -> tuple[int, int]:
    """``(page, pageSize)``: 0-based page, page size clamped to :data:`MAX_PAGE_SIZE`."""
    page = int_arg(request, "page", 0, minimum=0)
    size = min(int_arg(request, "pageSize", DEFAULT_PAGE_SIZE, minimum=1), MAX_PAGE_SIZE)
    return page, size


def time_value(text: str, name: str) -> float:
    """Epoch seconds of an ISO 8601 text (offset or ``Z``, fractions allowed).

    A bare date is taken as midnight UTC (ASSUMPTION); a text without offset as UTC.
    """
    try:
        return parse_timestamp(text).timestamp()
    except (TimestampError, OverflowError, ValueError):
        pass
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise IngestError(f"{name} is not an ISO 8601 date or time: {text[:40]!r}") from None
    return datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()


def time_arg(request: Request, name: str) -> float | None:
    """A date bound such as ``noEarlierThan`` (section 2.1) as epoch seconds; None when absent."""
    text = request.args.get(name, "").strip()
    return time_value(text, name) if text else None


def json_body(request: Request) -> Any:
    """The decoded JSON body."""
    try:
        return json.loads(request.get_data())
    except (ValueError, RecursionError):
        raise IngestError("the body is not valid JSON") from None
