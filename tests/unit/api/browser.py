"""The user's part of the browser sign-in, driven with ``requests`` (no real browser here).

It loads the authorize page the app opened, submits the consent form with the form's own hidden
fields (Approve or Deny), and, like a browser, follows the redirect to the app's loopback
listener unless told not to (a machine where the listener cannot be reached).
"""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import requests

_INPUT = re.compile(r"<input[^>]*name='([^']*)'[^>]*value='([^']*)'", re.IGNORECASE)
_ACTION = re.compile(r"<form[^>]*action='([^']*)'", re.IGNORECASE)


class FakeBrowser:
    """Records the URLs the app asks to open; ``approve()`` plays the user."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.landing: requests.Response | None = None

    def open(self, url: str) -> bool:
        self.opened.append(url)
        return True

    def consent(self, decision: str = "approve", *, follow: bool = True) -> str:
        """Answer the consent page of the last opened URL; returns the redirect address."""
        with requests.Session() as http:
            page = http.get(self.opened[-1], timeout=5)
            page.raise_for_status()
            fields = {name: html.unescape(value) for name, value in _INPUT.findall(page.text)}
            action_match = _ACTION.search(page.text)
            assert action_match, "the authorize page has no form"
            action = urljoin(page.url, html.unescape(action_match.group(1)))
            answer = http.post(
                action, data={**fields, "decision": decision}, allow_redirects=False, timeout=5
            )
            assert answer.status_code in (302, 303), answer.text[:200]
            location = answer.headers["Location"]
            if follow:
                self.landing = http.get(location, timeout=10)
        return location
