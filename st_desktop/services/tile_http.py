"""One GET of a map tile, within a deadline and a size cap, redirects not followed.

The deadline is the API transport's :class:`~st_desktop.api.transport.Watchdog` (it shuts the
socket down whatever the server does); the transport's own ``fetch`` is not used because it
takes a 304 Not Modified for a refused redirect, and a tile's revalidation needs the 304.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import requests
import urllib3

from st_desktop.api.transport import CHUNK_SIZE, Watchdog

log = logging.getLogger(__name__)

#: No tile is larger (OSM's are 5-50 KB, a 512 px satellite JPEG a few hundred KB).
TILE_LIMIT = 1024 * 1024
#: A tile is small: a server that cannot send one in this time is as good as offline.
TILE_DEADLINE_S = 10.0
#: (connect, read) timeouts of each attempt, within the deadline.
TILE_TIMEOUT = (4.0, 8.0)


class TileUnreachableError(Exception):
    """The tile server could not be reached, or did not answer in time (internal)."""


@dataclass(frozen=True)
class TileReply:
    """A tile server's answer: its status, headers and (for a 200) the body."""

    status_code: int
    headers: Mapping[str, str]
    content: bytes


def get_tile(
    session: requests.Session,
    url: str,
    headers: Mapping[str, str],
    *,
    deadline: float = TILE_DEADLINE_S,
    limit: int = TILE_LIMIT,
) -> TileReply | None:
    """GET one tile within ``deadline`` seconds and ``limit`` bytes (redirects not followed).

    Returns:
        The answer (a body only for 200), or None when the body was too large or cut short.

    Raises:
        TileUnreachableError: no connection, or no complete answer in time.
    """
    with Watchdog(deadline) as watchdog:
        connect, read = (min(t, max(watchdog.remaining(), 0.001)) for t in TILE_TIMEOUT)
        try:
            response = session.get(
                url,
                headers=dict(headers),
                stream=True,
                allow_redirects=False,
                timeout=(connect, read),
            )
            try:
                body = _body(response, watchdog, limit) if response.status_code == 200 else b""
            finally:
                response.close()
        except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
            raise TileUnreachableError(f"{type(exc).__name__}: {exc}") from None
        if watchdog.fired and "Content-Length" not in response.headers:
            # The body ended because the socket was shut: it may be cut short.
            raise TileUnreachableError(f"no complete answer within {deadline:.0f} s")
    return None if body is None else TileReply(response.status_code, response.headers, body)


def _body(response: requests.Response, watchdog: Watchdog, limit: int) -> bytes | None:
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        log.debug("tile %s: %s bytes declared, more than any tile", response.url, declared)
        return None
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_content(CHUNK_SIZE):
        if watchdog.expired:
            raise TileUnreachableError(f"no complete answer within {watchdog.seconds:.0f} s")
        size += len(chunk)
        if size > limit:
            log.debug("tile %s: more than %d bytes, more than any tile", response.url, limit)
            return None
        chunks.append(chunk)
    return b"".join(chunks)
