"""The "browser" of ``st-desktop --sandbox``: approves the sandbox's consent form by itself.

The app still goes through the normal OAuth flow against the sandbox (authorize page, redirect to
the loopback listener with code and state, code exchange); only the user's click on "Approve" is
done here, since the sandbox is the user's own demo server. Never used with the real service.

It answers the form the way a browser does: it loads the page, posts back every field of the
form (the one-time ``csrf_token`` included) to the form's action, and sends the page's origin in
``Origin``, so it passes the sandbox's cross-site checks.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import requests

log = logging.getLogger(__name__)


class _FormReader(HTMLParser):
    """The first form of a page: its action and its named input values."""

    def __init__(self) -> None:
        super().__init__()
        self.action: str | None = None
        self.fields: dict[str, str] = {}
        self._in_form = False
        self._done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "form" and not self._done:
            self._in_form = True
            self.action = values.get("action", "")
        elif tag == "input" and self._in_form and values.get("name"):
            self.fields[values["name"]] = values.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self._in_form:
            self._in_form, self._done = False, True


def consent_redirect(authorize_url: str, decision: str = "approve", timeout: float = 10.0) -> str:
    """Answer the sandbox's consent page; returns where it redirects (without going there).

    Args:
        authorize_url: the full authorize URL the sign-in flow wants opened.
        decision: ``"approve"`` or ``"deny"``.
        timeout: seconds for each request.

    Raises:
        ValueError: the URL is not on this computer, or the page has no consent form.
        requests.RequestException: the sandbox could not be reached, or refused.
    """
    parts = urlsplit(authorize_url)
    if parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the sandbox consent helper only talks to a local sandbox")
    with requests.Session() as http:
        page = http.get(authorize_url, timeout=timeout)
        page.raise_for_status()
        form = _FormReader()
        form.feed(page.text)
        if form.action is None:
            raise ValueError("the sandbox's authorize page shows no consent form")
        origin = f"{parts.scheme}://{parts.netloc}"
        answer = http.post(
            urljoin(page.url, form.action),
            data={**form.fields, "decision": decision},
            headers={"Origin": origin, "Referer": page.url},
            allow_redirects=False,
            timeout=timeout,
        )
        location = answer.headers.get("Location")
        if answer.status_code not in (301, 302, 303, 307) or not location:
            answer.raise_for_status()
            raise ValueError(f"the consent page answered {answer.status_code} without a redirect")
    return location


def approve_in_sandbox(authorize_url: str, timeout: float = 10.0) -> bool:
    """Open the sandbox's consent page, press Approve and follow the redirect to the listener.

    Args:
        authorize_url: the full authorize URL the sign-in flow wants opened.
        timeout: seconds for each request.

    Returns:
        True when the redirect reached the app's loopback listener; False (logged) otherwise.

    Raises:
        ValueError: the URL is not on this computer.
    """
    if urlsplit(authorize_url).hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("approve_in_sandbox only talks to a local sandbox")
    try:
        location = consent_redirect(authorize_url, "approve", timeout)
    except (ValueError, requests.RequestException) as exc:
        log.warning("sandbox consent page could not be approved: %s", exc)
        return False
    requests.get(location, timeout=timeout)
    return True
