"""Browser sign-in: OAuth2 authorization code with PKCE and a loopback redirect (RFC 8252 style).

:class:`BrowserSignIn` listens on ``127.0.0.1`` at a random port, opens the authorize page in the
system browser (the opener is injected: ``webbrowser.open`` here, ``QDesktopServices.openUrl`` in
the UI) and exchanges the code the browser brings back for tokens. Where the browser cannot reach
the listener, the user pastes the address the browser ended on (or just the code) into
:meth:`BrowserSignIn.complete_from_pasted`.

Rules the listener keeps:

- **State.** A reply whose ``state`` is missing or wrong (a stray or forged request) gets a 400
  page and changes nothing: the attempt keeps waiting for the real reply until its timeout.
- **PKCE** (RFC 7636, S256) on every authorization: a fresh ``code_verifier`` per attempt, its
  ``code_challenge`` in the authorize URL and the verifier in the code exchange.
- **A code is exchanged only when its tokens will be kept.** Once :meth:`BrowserSignIn.wait`
  timed out or the attempt was cancelled, a reply is not exchanged: the listener stays up for
  the rest of the reply window only to say so ("This sign-in expired ..."), then closes.
- **An older tab still works.** Clicking "Sign In with Browser" again starts a new attempt (and
  the UI cancels the old one), but the user may approve in the older tab. Attempts of one
  :class:`SignInGroup` (by default all attempts of this app run) hand such a reply on: the
  newest attempt still waiting exchanges the older tab's code with the older attempt's PKCE
  verifier and redirect address, and the user is signed in. Without a waiting attempt, the page
  says the sign-in ended and to start a new one.
- After a completed attempt (tokens or a final refusal) the listener that got the reply closes
  right away. When an older tab completed a newer attempt, the newer attempt's listener stays
  for the rest of its reply window to tell its own tab "already signed in".
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
import webbrowser
from collections.abc import Callable

from st_desktop.api.loopback import (
    CALLBACK_PATH,
    LoopbackListener,
    Page,
    already_signed_in_page,
    ended_page,
    failed_page,
    signed_in_page,
    wrong_state_page,
)
from st_desktop.api.oauth import OAuthConfig, TokenEndpoint
from st_desktop.api.pkce import new_code_verifier
from st_desktop.api.signin_reply import authorize_url, pasted_params, refusal, same_state
from st_desktop.api.signin_state import (
    DEFAULT_GROUP,
    Phase,
    SignInCancelledError,
    SignInGroup,
    SignInTimeoutError,
)
from st_desktop.api.tokens import Tokens
from st_desktop.errors import ApiError, AuthError

__all__ = [
    "DEFAULT_GROUP",
    "REPLY_WINDOW_S",
    "BrowserSignIn",
    "SignInCancelledError",
    "SignInGroup",
    "SignInTimeoutError",
]

log = logging.getLogger(__name__)

#: How long after :meth:`BrowserSignIn.start` a reply to it is answered at all (then its port
#: refuses connections). Authorization codes themselves live only minutes.
REPLY_WINDOW_S = 900.0


class BrowserSignIn:
    """One sign-in attempt: ``start()``, then ``wait()`` or ``complete_from_pasted()``.

    Args:
        config: client credentials and OAuth URLs.
        open_browser: opens a URL in the system browser; a False return or an exception means it
            could not (the UI then shows the URL to copy).
        endpoint: the token endpoint (default: one built from ``config``).
        host: the loopback address to listen on.
        group: attempts that may complete each other (default: :data:`DEFAULT_GROUP`).
        on_approved: called without arguments **on the listener thread** once a reply from
            the browser was exchanged for tokens and the browser got its "Signed in" page, e.g.
            to bring the app's window to the front (Qt: emit a signal; touch no widget). It
            must not block; its errors are logged. Settable as an attribute before the reply.
        reply_window: seconds after :meth:`start` during which replies are answered at all.
        clock: monotonic clock for the reply window (injected by tests).
    """

    def __init__(
        self,
        config: OAuthConfig,
        *,
        open_browser: Callable[[str], object] = webbrowser.open,
        endpoint: TokenEndpoint | None = None,
        host: str = "127.0.0.1",
        group: SignInGroup | None = None,
        on_approved: Callable[[], object] | None = None,
        reply_window: float = REPLY_WINDOW_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.config = config
        self.on_approved = on_approved
        self._endpoint = endpoint or TokenEndpoint(config)
        self._open_browser = open_browser
        self._host = host
        self._group = group or DEFAULT_GROUP
        self._window = reply_window
        self._clock = clock
        self._state = secrets.token_urlsafe(24)
        self._verifier = new_code_verifier()
        self._lock = threading.Lock()
        self._done = threading.Event()
        self._phase = Phase.READY
        self._result: Tokens | ApiError | None = None
        self._listener: LoopbackListener | None = None
        self._started_at: float | None = None
        self.redirect_uri = f"http://{host}{CALLBACK_PATH}"
        self.authorize_url = ""
        self.browser_opened = False

    # ------------------------------------------------------------------ public

    @property
    def listening(self) -> bool:
        """True while the loopback listener would exchange a reply for this attempt."""
        listener = self._listener
        return (
            listener is not None
            and listener.running
            and self._phase in (Phase.WAITING, Phase.EXCHANGING)
        )

    def start(self) -> str:
        """Start listening, open the browser and return the authorize URL (to show as well)."""
        with self._lock:
            if self._phase is Phase.READY:
                self._phase = Phase.WAITING
                self._started_at = self._clock()
                self._listen()
                self._group.add(self)
        self.authorize_url = authorize_url(
            self.config, self.redirect_uri, self._state, self._verifier
        )
        try:
            self.browser_opened = self._open_browser(self.authorize_url) is not False
        except Exception as exc:  # any opener failure only means "show the URL instead"
            log.warning("Could not open the system browser: %s", exc)
            self.browser_opened = False
        return self.authorize_url

    def wait(self, timeout: float) -> Tokens:
        """Block until the browser comes back (or ``timeout`` seconds pass).

        After a timeout, replies reaching the listener are no longer exchanged (their tokens
        would be thrown away); pasting the address still works.

        Raises:
            SignInTimeoutError: nothing came back in time.
            SignInCancelledError: :meth:`cancel` was called.
            AuthError: access denied, or the code was refused.
            ApiError: the token endpoint could not be reached.
        """
        if self._done.wait(timeout):
            return self._outcome()
        with self._lock:
            exchanging = self._phase is Phase.EXCHANGING
            if self._phase in (Phase.READY, Phase.WAITING):
                self._phase = Phase.EXPIRED
        if exchanging:  # a reply arrived just in time: its exchange has its own deadline
            self._done.wait()
        if self._done.is_set():
            return self._outcome()
        log.info("Browser sign-in timed out after %.0f s", timeout)
        self._retire()
        raise SignInTimeoutError()

    def complete_from_pasted(self, text: str) -> Tokens:
        """Finish with the redirect address the browser ended on, its query, or a bare code.

        Raises:
            AuthError: nothing usable in the text, a wrong state, or the code was refused.
        """
        params = pasted_params(text)
        if params is not None:
            source = self._issuer(params.get("state", ""))
            if source is None:
                raise AuthError(
                    "The sign-in reply did not match this sign-in request (wrong state). "
                    "Please sign in again.",
                    detail="state mismatch",
                )
        else:
            params, source = {"code": text.strip()}, self._bare_code_issuer()
        accept = (Phase.READY, Phase.WAITING, Phase.EXPIRED)
        if not self._deliver(params, source, accept=accept):
            phase, result = self._phase, self._result
            if phase is Phase.EXCHANGING:
                raise AuthError("st-desktop is already completing this sign-in; wait a moment.")
            if phase is Phase.DONE and isinstance(result, Tokens):
                raise AuthError("This sign-in was already completed; start a new one.")
        return self._outcome()

    def cancel(self) -> None:
        """Abandon the attempt; a pending :meth:`wait` raises :class:`SignInCancelledError`.

        A reply arriving later is not exchanged: it is handed to a newer attempt of the group
        that is still waiting, or answered with a page saying this sign-in was cancelled.
        """
        with self._lock:
            if self._phase is not Phase.DONE:
                self._phase = Phase.CANCELLED
                self._result = SignInCancelledError()
                self._done.set()
        self._retire()

    def close(self) -> None:
        """Stop the listener now (idempotent); an attempt still waiting counts as cancelled."""
        with self._lock:
            if self._phase in (Phase.READY, Phase.WAITING, Phase.EXPIRED):
                self._phase = Phase.CANCELLED
                self._result = SignInCancelledError()
                self._done.set()
            listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()

    def __enter__(self) -> BrowserSignIn:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ listener

    def _listen(self) -> None:
        try:
            listener = LoopbackListener(self._host, self._on_reply)
        except OSError as exc:  # no loopback listener possible: the paste fallback remains
            log.warning("Could not listen for the sign-in reply on %s: %s", self._host, exc)
            return
        self._listener = listener
        self.redirect_uri = f"http://{self._host}:{listener.port}{CALLBACK_PATH}"

    def _retire(self) -> None:
        """Keep the listener only to answer late replies, until the reply window ends."""
        listener = self._listener
        if listener is not None:
            started = self._started_at if self._started_at is not None else self._clock()
            listener.close_after(started + self._window - self._clock())

    def _on_reply(self, params: dict[str, str]) -> Page:
        """Answer one request to the callback path (on a listener thread)."""
        if not same_state(params.get("state", ""), self._state):
            log.info("Ignored a sign-in reply with a missing or wrong state")
            return wrong_state_page()
        phase = self._phase
        target: BrowserSignIn | None = None
        if phase is Phase.WAITING:
            target = self
        elif phase in (Phase.EXPIRED, Phase.CANCELLED) and params.get("code"):
            target = self._newest_waiting()  # an older tab approved: the newest attempt takes it
        if target is None or not target._deliver(params, self, accept=(Phase.WAITING,)):
            return self._ended_page()
        result = target._result
        if isinstance(result, Tokens):
            log.info("Browser sign-in approved%s", "" if target is self else " in an older tab")

            def finished() -> None:
                self._close_listeners(target)
                target._approved()

            return signed_in_page(then=finished)
        message = result.user_message if isinstance(result, ApiError) else "Sign-in failed."
        return failed_page(message, then=self._close_listener)

    def _ended_page(self) -> Page:
        phase = self._phase
        since = self._started_at if self._started_at is not None else self._clock()
        later = [f for f in self._group.flows(self) if (f._started_at or 0.0) >= since]
        if any(isinstance(f._result, Tokens) for f in later):
            return already_signed_in_page()
        return ended_page(phase.value)

    def _close_listener(self) -> None:
        listener = self._listener
        if listener is not None:
            listener.close()

    def _close_listeners(self, target: BrowserSignIn) -> None:
        self._close_listener()
        if target is not self:
            # Its own tab may still be approved: say "already signed in" there, not nothing.
            target._retire()

    def _approved(self) -> None:
        if self.on_approved is None:
            return
        try:
            self.on_approved()
        except Exception:  # the UI's hook must not turn a sign-in into a failure
            log.exception("The sign-in approval hook failed")

    # ------------------------------------------------------------------ exchanging

    def _deliver(
        self, params: dict[str, str], source: BrowserSignIn, *, accept: tuple[Phase, ...]
    ) -> bool:
        """Exchange a reply issued for ``source`` and keep the outcome as this attempt's.

        Returns False (exchanging nothing) when this attempt is not in one of the ``accept``
        phases, i.e. its tokens would not be kept.
        """
        with self._lock:
            if self._phase not in accept:
                return False
            self._phase = Phase.EXCHANGING
        result = self._exchange(params, source)
        with self._lock:
            if self._phase is not Phase.EXCHANGING:  # cancelled meanwhile: nothing is kept
                log.info("A sign-in finished after it was cancelled; its tokens were dropped")
                return False
            self._phase, self._result = Phase.DONE, result
            self._done.set()
        return True

    def _exchange(self, params: dict[str, str], source: BrowserSignIn) -> Tokens | ApiError:
        refused = refusal(params)
        if refused is not None:
            return refused
        try:
            return self._endpoint.exchange_code(
                params.get("code", ""), source.redirect_uri, code_verifier=source._verifier
            )
        except ApiError as exc:
            return exc

    def _outcome(self) -> Tokens:
        result = self._result
        if isinstance(result, Tokens):
            return result
        if result is None:
            raise AuthError()
        raise result

    # ------------------------------------------------------------------ the group

    def _in_window(self) -> bool:
        started = self._started_at
        return started is not None and self._clock() - started < self._window

    def _issuer(self, state: str) -> BrowserSignIn | None:
        """The attempt (this one, or a recent one of the group) that issued ``state``."""
        if state and same_state(state, self._state):
            return self
        for flow in self._group.flows(self):
            if state and same_state(state, flow._state) and flow._in_window():
                return flow
        return None

    def _bare_code_issuer(self) -> BrowserSignIn:
        """Whose verifier goes with a pasted bare code: this attempt's, or the newest started."""
        if self._started_at is not None:
            return self
        started = [f for f in self._group.flows(self) if f._in_window()]
        return started[0] if started else self

    def _newest_waiting(self) -> BrowserSignIn | None:
        if not self._in_window():
            return None
        for flow in self._group.flows(self):
            if flow is not self and flow._phase is Phase.WAITING:
                return flow
        return None
