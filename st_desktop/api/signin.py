"""Browser sign-in: OAuth2 authorization code with a loopback redirect (RFC 8252 style).

:class:`BrowserSignIn` listens on ``127.0.0.1`` at a random port, opens the authorize page in the
system browser (the opener is injected: ``webbrowser.open`` here, ``QDesktopServices.openUrl`` in
the UI), checks the random ``state`` of the one reply it accepts, and exchanges the code for
tokens. Where the browser cannot reach the listener, the user pastes the address the browser
ended on (or just the code) into :meth:`BrowserSignIn.complete_from_pasted`.
"""

from __future__ import annotations

import html
import logging
import secrets
import threading
import webbrowser
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from st_desktop.api.oauth import OAuthConfig, TokenEndpoint
from st_desktop.api.tokens import Tokens
from st_desktop.errors import ApiError, AuthError

log = logging.getLogger(__name__)

CALLBACK_PATH = "/st-desktop/callback"


class SignInTimeoutError(AuthError):
    """No answer came back from the browser in time."""

    default_message = (
        "No answer came back from the browser in time. Try again, or paste the address the "
        "browser ended on."
    )


class SignInCancelledError(AuthError):
    """The user (or the app) cancelled the sign-in."""

    default_message = "The sign-in was cancelled."


_PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>st-desktop</title></head>"
    "<body style='font-family:sans-serif;margin:3em'><h2>{title}</h2><p>{text}</p></body></html>"
)


class BrowserSignIn:
    """One sign-in attempt. Use it once: ``start()``, then ``wait()`` or ``complete_from_pasted()``.

    Args:
        config: client credentials and OAuth URLs.
        open_browser: opens a URL in the system browser; a False return or an exception means it
            could not (the UI then shows the URL to copy).
        endpoint: the token endpoint (default: one built from ``config``).
        host: the loopback address to listen on.
    """

    def __init__(
        self,
        config: OAuthConfig,
        *,
        open_browser: Callable[[str], object] = webbrowser.open,
        endpoint: TokenEndpoint | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.config = config
        self._endpoint = endpoint or TokenEndpoint(config)
        self._open_browser = open_browser
        self._host = host
        self._state = secrets.token_urlsafe(24)
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._result: Tokens | AuthError | ApiError | None = None
        self._consumed = False
        self._server: HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.redirect_uri = f"http://{host}{CALLBACK_PATH}"
        self.authorize_url = ""
        self.browser_opened = False

    # ------------------------------------------------------------------ public

    @property
    def listening(self) -> bool:
        """True while the loopback listener is up."""
        return self._server is not None

    def start(self) -> str:
        """Start listening, open the browser and return the authorize URL (to show as well)."""
        if self._server is None and not self._consumed:
            self._listen()
        query = urlencode(
            {"response_type": "code", "client_id": self.config.client_id,
             "redirect_uri": self.redirect_uri, "state": self._state}
        )  # fmt: skip
        self.authorize_url = f"{self.config.authorize_url}?{query}"
        try:
            self.browser_opened = self._open_browser(self.authorize_url) is not False
        except Exception as exc:  # any opener failure only means "show the URL instead"
            log.warning("Could not open the system browser: %s", exc)
            self.browser_opened = False
        return self.authorize_url

    def wait(self, timeout: float) -> Tokens:
        """Block until the browser comes back (or ``timeout`` seconds pass).

        After a timeout the attempt stays open: the user can still paste the address.

        Raises:
            SignInTimeoutError: nothing came back in time.
            SignInCancelledError: :meth:`cancel` was called.
            AuthError: wrong state, access denied, or the code was refused.
            ApiError: the token endpoint could not be reached.
        """
        if not self._done.wait(timeout):
            raise SignInTimeoutError()
        return self._outcome()

    def complete_from_pasted(self, text: str) -> Tokens:
        """Finish with the redirect address the browser ended on, its query, or a bare code.

        Raises:
            AuthError: nothing usable in the text, a wrong state, or the code was refused.
        """
        text = text.strip()
        if not text:
            raise AuthError("Paste the address the browser ended on, or the code it shows.")
        if "=" in text or "?" in text or "://" in text:
            query = urlsplit(text).query if "://" in text or text.startswith("/") else text
            params = {k: v[0] for k, v in parse_qs(query.lstrip("?")).items()}
            if not params.get("code") and not params.get("error"):
                raise AuthError("The pasted address has no sign-in code in it.")
            self._finish(params)
        else:
            self._finish({"code": text}, check_state=False)
        return self._outcome()

    def cancel(self) -> None:
        """Abandon the attempt; a pending :meth:`wait` raises :class:`SignInCancelledError`."""
        with self._lock:
            if not self._done.is_set():
                self._consumed = True
                self._result = SignInCancelledError()
                self._done.set()
        self.close()

    def close(self) -> None:
        """Stop the listener (idempotent; the result, if any, stays readable)."""
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def __enter__(self) -> BrowserSignIn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ internals

    def _listen(self) -> None:
        try:
            server = HTTPServer((self._host, 0), _handler_for(self))
        except OSError as exc:  # no loopback listener possible: the paste fallback remains
            log.warning("Could not listen for the sign-in reply on %s: %s", self._host, exc)
            return
        self._server = server
        self.redirect_uri = f"http://{self._host}:{server.server_address[1]}{CALLBACK_PATH}"
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="st-desktop sign-in listener",
            daemon=True,
        )
        self._thread.start()

    def _finish(self, params: dict[str, str], *, check_state: bool = True) -> bool:
        """Complete the attempt once; returns False when it was already complete."""
        with self._lock:
            if self._consumed:
                if isinstance(self._result, Tokens) or self._result is None:
                    raise AuthError("This sign-in was already completed; start a new one.")
                return False
            self._consumed = True
            self._result = self._exchange(params, check_state)
            self._done.set()
            return True

    def _exchange(self, params: dict[str, str], check_state: bool) -> Tokens | AuthError | ApiError:
        if check_state and not secrets.compare_digest(params.get("state", ""), self._state):
            return AuthError(
                "The sign-in reply did not match this sign-in request (wrong state). "
                "Please sign in again.",
                detail="state mismatch",
            )
        if params.get("error"):
            denied = params["error"] == "access_denied"
            return AuthError(
                "You declined access, so st-desktop is not signed in."
                if denied
                else "SportTracks refused the sign-in. Please sign in again.",
                detail=f"authorize error: {params['error'][:60]}",
            )
        try:
            return self._endpoint.exchange_code(params.get("code", ""), self.redirect_uri)
        except ApiError as exc:
            return exc

    def _outcome(self) -> Tokens:
        result = self._result
        if isinstance(result, Tokens):
            return result
        if result is None:
            raise AuthError()
        raise result

    def _reply_page(self) -> tuple[int, str]:
        result = self._result
        if isinstance(result, Tokens):
            title, text = (
                "Signed in",
                "st-desktop is signed in to SportTracks. You can close this window.",
            )
            return 200, _PAGE.format(title=title, text=html.escape(text))
        message = result.user_message if isinstance(result, ApiError) else "Sign-in failed."
        text = f"{message} You can close this window."
        return 400, _PAGE.format(title="Not signed in", text=html.escape(text))


def _handler_for(flow: BrowserSignIn) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "st-desktop"

        def do_GET(self) -> None:  # http.server's naming
            parts = urlsplit(self.path)
            if parts.path != CALLBACK_PATH:
                self._send(404, _PAGE.format(title="Not found", text=""))
                return
            params = {k: v[0] for k, v in parse_qs(parts.query).items()}
            try:
                fresh = flow._finish(params)
            except AuthError as exc:
                page = _PAGE.format(title="Not signed in", text=html.escape(exc.user_message))
                self._send(400, page)
                return
            if not fresh:
                self._send(400, _PAGE.format(title="Not signed in", text="Start a new sign-in."))
                return
            self._send(*flow._reply_page())

        def _send(self, status: int, page: str) -> None:
            body = page.encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: ARG002
            # The request line holds the one-time code: log only that a reply arrived.
            log.debug("sign-in listener answered a request")

    return Handler
