"""The "browser" of ``st-desktop --sandbox``: approves the sandbox's consent form by itself.

The app still goes through the normal OAuth flow against the sandbox (authorize page, redirect to
the loopback listener with code and state, code exchange); only the user's click on "Approve" is
done here, since the sandbox is the user's own demo server. Never used with the real service.
"""

from __future__ import annotations

import logging
from urllib.parse import parse_qsl, urlsplit

import requests

log = logging.getLogger(__name__)


def approve_in_sandbox(authorize_url: str, timeout: float = 10.0) -> bool:
    """Open the sandbox's consent page, press Approve and follow the redirect to the listener.

    Args:
        authorize_url: the full authorize URL the sign-in flow wants opened.
        timeout: seconds for each request.

    Returns:
        True when the redirect reached the app's loopback listener.
    """
    parts = urlsplit(authorize_url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("approve_in_sandbox only talks to a local sandbox")
    with requests.Session() as http:
        http.get(authorize_url, timeout=timeout).raise_for_status()
        form = dict(parse_qsl(parts.query))
        form["decision"] = "approve"
        action = f"{parts.scheme}://{parts.netloc}{parts.path}"
        answer = http.post(action, data=form, allow_redirects=False, timeout=timeout)
        location = answer.headers.get("Location")
        if answer.status_code not in (301, 302, 303, 307) or not location:
            log.warning("sandbox consent page answered %s without a redirect", answer.status_code)
            return False
        http.get(location, timeout=timeout)
    return True
