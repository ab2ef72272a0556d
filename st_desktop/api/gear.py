"""``/gear`` over the SportTracks client: list, read, create and update bikes and shoes.

Every call goes through the client's own transport (bearer token, timeouts, retries with
backoff, one token refresh after a 401, typed errors with a sentence for the user). A gear
``uri`` is never requested as it is: only its id is kept and the request goes to the client's
own base URL, so the token never leaves for another host.

Updating is read-modify-write (a PUT replaces the whole item): :func:`update_gear` GETs the item
again, replays the caller's edits and link changes onto that fresh copy, and PUTs all of it back,
so a link another client made in between survives.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from st_desktop.api.http import bad_shape
from st_desktop.api.wire import parse_uris
from st_desktop.domain.gear import Gear, GearSummary, gear_id
from st_desktop.domain.units import lenient_int
from st_desktop.errors import NotFoundError

if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient

log = logging.getLogger(__name__)

#: FPE asks for this many at once and assumes it gets them all; we page on if not.
GEAR_PAGE_SIZE = 1000
_MAX_PAGES = 100
_NO_GEAR = "SportTracks has no such gear item: it may have been deleted."


def request_json(client: SportTracksClient, method: str, url: str, what: str, **kwargs: Any) -> Any:
    """One request through the client's transport; the decoded JSON answer.

    Raises:
        ApiError: any failure, typed as the client types them.
    """
    return client.request_json(method, url, what, **kwargs)


def gear_url(client: SportTracksClient, uri_or_id: str | int) -> str:
    """The URL of a gear item on the client's service, from its id or any ``uri`` of it."""
    ident = gear_id(uri_or_id)
    if not ident or ident in (".", ".."):
        raise ValueError(f"not a gear id or uri: {uri_or_id!r}")
    return f"{client.base_url}/gear/{quote(ident, safe='')}"


def list_gear(client: SportTracksClient, page_size: int = GEAR_PAGE_SIZE) -> list[GearSummary]:
    """Every gear item, as summaries (``uri``, names, kind, status) in the service's order.

    Raises:
        BadResponseError: the answer is not a list of items.
    """
    what = "loading your gear"
    found: list[GearSummary] = []
    seen: set[str] = set()
    for page in range(_MAX_PAGES):
        params = {"pageSize": page_size, "page": page}
        body = request_json(client, "GET", f"{client.base_url}/gear", what, params=params)
        items = body.get("items") if isinstance(body, Mapping) else None
        if not isinstance(items, list):
            raise bad_shape(what, f"gear list without items: {str(body)[:200]}")
        fresh = [
            summary
            for summary in (GearSummary.from_json(i) for i in items if isinstance(i, Mapping))
            if summary.uri and summary.uri not in seen
        ]
        seen.update(summary.uri for summary in fresh)
        found.extend(fresh)
        total = lenient_int(body.get("size"))
        if not fresh or len(items) < page_size or (total is not None and len(found) >= total):
            break
    return found


def get_gear(client: SportTracksClient, uri_or_id: str | int) -> Gear:
    """The full gear item (with its linked workout ids).

    Raises:
        NotFoundError: no such item.
        BadResponseError: the answer is not a gear object.
    """
    what = "loading a gear item"
    body = _gear_call(client, "GET", uri_or_id, what)
    if not isinstance(body, Mapping):
        raise bad_shape(what, f"gear body is a {type(body).__name__}, not an object")
    return Gear.from_json(body)


def get_all_gear(client: SportTracksClient) -> list[Gear]:
    """Every gear item in full (one request for the list, one per item, as FPE does)."""
    return [get_gear(client, summary.uri) for summary in list_gear(client)]


def update_gear(client: SportTracksClient, gear: Gear) -> Gear:
    """Save ``gear``'s edits and link changes: GET the item, replay them, PUT it all back.

    Returns:
        The item as saved (the service's answer when it is the object, else read again).

    Raises:
        NotFoundError: the item no longer exists.
    """
    target = gear.uri or gear.id
    fresh = get_gear(client, target)
    merged = gear.rebase(fresh.raw)
    body = _gear_call(client, "PUT", target, "saving a gear item", json=merged.to_json())
    if isinstance(body, Mapping) and isinstance(body.get("activities"), list):
        return Gear.from_json(body)
    return get_gear(client, target)


def create_gear(client: SportTracksClient, body: Mapping[str, Any]) -> str:
    """Create a gear item from its JSON object (see ``domain.gear.new_gear``); its ``uri``.

    Never retried: after a failure, list the gear before trying again.
    """
    what = "adding a gear item"
    answer = request_json(
        client, "POST", f"{client.base_url}/gear", what, json=dict(body), retry=False
    )
    uris = parse_uris(answer, what)
    if not uris:
        raise bad_shape(what, "the answer names no new gear item")
    return uris[0]


def _gear_call(
    client: SportTracksClient, method: str, uri_or_id: str | int, what: str, **kwargs: Any
) -> Any:
    try:
        return request_json(client, method, gear_url(client, uri_or_id), what, **kwargs)
    except NotFoundError as exc:  # the client's default sentence speaks of workouts
        raise NotFoundError(_NO_GEAR, detail=exc.detail, status=exc.status) from exc
