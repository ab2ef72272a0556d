"""The loopback HTTP listener the browser is sent back to after approving st-desktop.

It serves one path, hands each request's query to a callback and writes the page the callback
returns. It never logs a request line (the query holds the one-time code). Every page is a short
human sentence; the success page also tries ``window.close()``, which browsers allow only for
tabs a script opened, so the text says to return to st-desktop either way.
"""

from __future__ import annotations

import html
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

log = logging.getLogger(__name__)

CALLBACK_PATH = "/st-desktop/callback"

_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>st-desktop: {title}</title></head>"
    "<body style='font-family:sans-serif;margin:3em;max-width:40em'><h2>{title}</h2>"
    "<p>{text}</p>{script}</body></html>"
)


@dataclass(frozen=True)
class Page:
    """What the listener answers.

    Attributes:
        status: HTTP status.
        title: the heading.
        text: one or two sentences for the user.
        close_tab: also try to close the tab (success only).
        then: called on the listener thread once the page was sent (e.g. closing the listener).
    """

    status: int
    title: str
    text: str
    close_tab: bool = False
    then: Callable[[], object] | None = None

    def render(self) -> bytes:
        """The HTML of the page."""
        script = "<script>window.close()</script>" if self.close_tab else ""
        return _PAGE.format(
            title=html.escape(self.title), text=html.escape(self.text), script=script
        ).encode("utf-8")


Respond = Callable[[dict[str, str]], Page]

_RETURN = "Return to st-desktop to try again. You can close this window."


def signed_in_page(then: Callable[[], object] | None = None) -> Page:
    """The page after tokens were obtained."""
    return Page(
        200,
        "Signed in",
        "st-desktop is signed in to SportTracks. You can close this window and return to "
        "st-desktop.",
        close_tab=True,
        then=then,
    )


def failed_page(message: str, then: Callable[[], object] | None = None) -> Page:
    """The page after a refusal (``message`` is the error's user sentence)."""
    return Page(400, "Not signed in", f"{message} {_RETURN}", then=then)


def wrong_state_page() -> Page:
    """The page for a reply that belongs to no sign-in of this app (stray or forged)."""
    return Page(
        400,
        "Not for this sign-in",
        "This address does not belong to the sign-in st-desktop is waiting for, so it was "
        "ignored. If you are signing in, approve st-desktop in the browser tab it opened most "
        "recently.",
    )


def already_signed_in_page() -> Page:
    """The page for a late reply when st-desktop got signed in meanwhile."""
    return Page(200, "Already signed in", "st-desktop is signed in. You can close this window.")


def ended_page(how: str) -> Page:
    """The page for a reply to a sign-in that no longer waits (``how``: expired, cancelled)."""
    text = {
        "expired": "This sign-in expired: st-desktop stopped waiting for it.",
        "cancelled": "This sign-in was cancelled in st-desktop.",
    }.get(how, "This sign-in has already been completed.")
    return Page(400, "Not signed in", f"{text} To sign in, start a new sign-in in st-desktop.")


class LoopbackListener:
    """Listens on ``host`` at a random port; :meth:`close` makes the port refuse connections.

    Args:
        host: the loopback address.
        respond: turns the query of a request to :data:`CALLBACK_PATH` into a :class:`Page`
            (called on a listener thread, one per connection).

    Raises:
        OSError: the port could not be opened.
    """

    def __init__(self, host: str, respond: Respond) -> None:
        self._server = ThreadingHTTPServer((host, 0), _handler_for(respond))
        self._server.daemon_threads = True
        self.port: int = self._server.server_address[1]
        self._lock = threading.Lock()
        self._closed = False
        self._timer: threading.Timer | None = None
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="st-desktop sign-in listener",
            daemon=True,
        )
        self._thread.start()

    @property
    def running(self) -> bool:
        """True until :meth:`close`."""
        return not self._closed

    def close(self) -> None:
        """Stop listening now (idempotent; callable from any thread, handlers included)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            timer, self._timer = self._timer, None
        if timer is not None and timer is not threading.current_thread():
            timer.cancel()
        self._server.shutdown()
        self._server.server_close()

    def close_after(self, seconds: float) -> None:
        """Close in ``seconds`` (at once when not positive); an earlier schedule is replaced."""
        if seconds <= 0:
            self.close()
            return
        timer = threading.Timer(seconds, self.close)
        timer.daemon = True
        timer.name = "st-desktop sign-in listener expiry"
        with self._lock:
            if self._closed:
                return
            old, self._timer = self._timer, timer
        if old is not None:
            old.cancel()
        timer.start()


def _handler_for(respond: Respond) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "st-desktop"
        timeout = 10  # a connection that sends nothing (a browser's preconnect) is dropped

        def do_GET(self) -> None:  # http.server's naming
            parts = urlsplit(self.path)
            if parts.path != CALLBACK_PATH:
                self._send(Page(404, "Not found", "st-desktop has nothing at this address."))
                return
            params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            try:
                page = respond(params)
            except Exception:  # a bug must still give the browser a sentence, not a reset
                log.exception("the sign-in listener failed to answer")
                page = Page(
                    500,
                    "Not signed in",
                    "st-desktop could not complete the sign-in. Return to st-desktop and try "
                    "again.",
                )
            self._send(page)
            if page.then is not None:
                page.then()

        def _send(self, page: Page) -> None:
            body = page.render()
            try:
                self.send_response(page.status)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.send_header("Referrer-Policy", "no-referrer")
                self.end_headers()
                self.wfile.write(body)
                self.wfile.flush()
            except OSError:
                log.debug("the browser went away before the sign-in page was sent")

        def log_message(self, format: str, *args: Any) -> None:  # noqa: ARG002
            # The request line holds the one-time code: log only that a request arrived.
            log.debug("sign-in listener answered a request")

    return Handler
