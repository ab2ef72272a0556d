"""What keeps other web pages out of the sandbox: Host checks, Origin checks, consent tokens.

The sandbox listens on loopback, but a page in the user's browser can still reach it:

* **DNS rebinding**: a hostile name that resolves to 127.0.0.1 lets the page read the sandbox's
  answers as if they were its own origin. Only requests whose ``Host`` header names this
  computer (``localhost``, 127.0.0.0/8, ``[::1]``, or the literal address the server was bound
  to) *with the server's port* are served; any other gets 421, a missing or malformed one 400.
* **Cross-site request forgery** on the consent form: a page could post "approve" and have an
  authorization code sent to any ``redirect_uri``. Each rendered form carries a token that is
  single-use, expires, and is bound to the authorize parameters it was rendered for, and a
  browser's ``Origin`` (or, without one, ``Referer``) must be the sandbox's own origin.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from urllib.parse import urlsplit

from werkzeug.wrappers import Request

CONSENT_TOKEN_FIELD = "csrf_token"
CONSENT_TOKEN_LIFETIME = 600.0
_MAX_PENDING_FORMS = 512
_LOCAL_NAMES = ("localhost", "localhost.")


def _split_host(header: str) -> tuple[str, int | None] | None:
    """``(host, port)`` of a Host header value; None when it is malformed."""
    parts = urlsplit("//" + header)
    try:
        port = parts.port
    except ValueError:
        return None
    if parts.hostname is None or parts.username is not None or parts.path or parts.query:
        return None
    return parts.hostname, port


def is_local_name(host: str, bound: str = "") -> bool:
    """True for ``localhost``, a loopback address, or ``bound`` (an address literal)."""
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if address.is_loopback:
        return True
    try:
        return bool(bound) and address == ipaddress.ip_address(bound.strip("[]"))
    except ValueError:
        return False


def host_problem(request: Request, bound: str = "") -> tuple[int, str] | None:
    """Why the request's ``Host`` header is refused, as (status, message); None when served.

    Args:
        request: the request.
        bound: the address the server listens on, also accepted when it is an address literal
            (``--host 192.168.1.5`` serves requests for that address, never for names).
    """
    header = request.headers.get("Host", "").strip()
    if not header:
        return 400, "the request has no Host header"
    found = _split_host(header)
    if found is None:
        return 400, "the Host header is malformed"
    host, port = found
    if not is_local_name(host, bound):
        return 421, "this server only answers requests addressed to this computer"
    own_port = int(request.environ.get("SERVER_PORT") or 0)
    if (port or 80) != own_port:
        return 421, "the Host header names another port"
    return None


def origin_problem(request: Request) -> str | None:
    """Why a form post is refused as cross-origin; None when it came from the sandbox's page.

    A browser sends ``Origin`` with every form post (``null`` from opaque origins); older ones
    send at least ``Referer``. Clients that send neither (scripts, tests) pass this check and
    are held off by the consent token alone.
    """
    own = request.host_url.rstrip("/").lower()
    origin = request.headers.get("Origin")
    if origin is not None:
        if origin.strip().rstrip("/").lower() != own:
            return "the approval was sent from another web page"
        return None
    referer = request.headers.get("Referer")
    if referer:
        parts = urlsplit(referer.strip())
        if f"{parts.scheme}://{parts.netloc}".lower() != own:
            return "the approval was sent from another web page"
    return None


def _fingerprint(params: Mapping[str, str]) -> str:
    text = json.dumps(sorted(params.items()), separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


class ConsentTokens:
    """One-time tokens for the consent form, bound to the authorize parameters it shows.

    Args:
        clock: epoch seconds now.
        lifetime: seconds a rendered form stays valid.
    """

    def __init__(
        self, clock: Callable[[], float], lifetime: float = CONSENT_TOKEN_LIFETIME
    ) -> None:
        self._clock = clock
        self._lifetime = lifetime
        self._pending: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._lock = threading.Lock()

    def issue(self, params: Mapping[str, str]) -> str:
        """A new token for a form showing ``params``."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            self._pending[token] = (_fingerprint(params), self._clock() + self._lifetime)
            while len(self._pending) > _MAX_PENDING_FORMS:  # forms opened and never answered
                self._pending.popitem(last=False)
        return token

    def redeem(self, token: str, params: Mapping[str, str]) -> bool:
        """Use up ``token``; True when it was issued for exactly ``params`` and is still valid."""
        with self._lock:
            entry = self._pending.pop(token, None)
        if entry is None:
            return False
        fingerprint, expires = entry
        return secrets.compare_digest(fingerprint, _fingerprint(params)) and self._clock() < expires
