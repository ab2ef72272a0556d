"""OAuth2 for SportTracks (contract section 1): the token endpoint and the signed-in session.

:class:`OAuthSession` is what :class:`~st_desktop.api.client.SportTracksClient` asks for its
``Authorization`` header. It refreshes the access token shortly before it expires and once after
a 401, from any number of worker threads at once without refreshing twice, keeps the old refresh
token when the service sends none, and stores every new token through a
:class:`~st_desktop.api.tokens.TokenStore`. The browser sign-in lives in
:mod:`st_desktop.api.signin`.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests

from st_desktop.api.http import (
    DEFAULT_TIMEOUT,
    USER_AGENT,
    check_url,
    json_body,
    server_reason,
)
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.api.transport import DEADLINE_S, TOKEN_LIMIT, SessionPool, fetch
from st_desktop.errors import (
    ApiError,
    AuthError,
    AuthExpiredError,
    AuthRevokedError,
    BadResponseError,
    NotSignedInError,
    ServerError,
)

log = logging.getLogger(__name__)

#: Refresh this many seconds before the access token runs out (tapiriik used 5 of 120 minutes).
REFRESH_MARGIN = 300.0


class Auth(Protocol):
    """What the client needs from an authentication scheme."""

    def authorization(self) -> str:
        """The ``Authorization`` header value for the next request (may refresh first)."""
        ...

    def handle_unauthorized(self, rejected: str) -> None:
        """React to a 401 for the header ``rejected``: refresh, or raise an :class:`AuthError`."""
        ...


@dataclass(frozen=True)
class OAuthConfig:
    """Where and as whom to sign in. Client id and secret come from the settings.

    Attributes:
        client_id, client_secret: the application's credentials (per application, not per user).
        authorize_url: the page the browser opens.
        token_url: where codes and refresh tokens are exchanged.
    """

    client_id: str
    client_secret: str = field(repr=False)
    authorize_url: str = "https://api.sporttracks.mobi/oauth2/authorize"
    token_url: str = "https://api.sporttracks.mobi/oauth2/token"

    @classmethod
    def for_host(cls, root: str, client_id: str, client_secret: str) -> OAuthConfig:
        """Config for a service root such as ``https://api.sporttracks.mobi`` (or the sandbox's)."""
        root = root.rstrip("/")
        return cls(client_id, client_secret, f"{root}/oauth2/authorize", f"{root}/oauth2/token")


class TokenEndpoint:
    """Posts to ``/oauth2/token`` (form-encoded, the encoding proven to work, contract 1.2).

    Token requests are never retried: a code is single-use, and a failed refresh is reported.
    Like every API request they end by a deadline, read at most :data:`TOKEN_LIMIT` bytes and
    never follow a redirect (which would carry the client secret and the code elsewhere).
    Safe to use from several threads (one HTTP session each).

    Args:
        config: credentials and URLs.
        http: a session to share between threads instead of one per thread.
        timeout: (connect, read) seconds for each connection attempt and each wait for bytes.
        deadline: seconds one token request may take in all.
    """

    def __init__(
        self,
        config: OAuthConfig,
        http: requests.Session | None = None,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        *,
        deadline: float = DEADLINE_S,
    ) -> None:
        check_url(config.token_url)
        check_url(config.authorize_url)
        self.config = config
        self._sessions = SessionPool(http)
        self._timeout = timeout
        self._deadline = deadline

    def close(self) -> None:
        """Close the HTTP sessions (the endpoint stays usable)."""
        self._sessions.close()

    def exchange_code(
        self, code: str, redirect_uri: str | None, *, code_verifier: str | None = None
    ) -> Tokens:
        """Trade an authorization code for tokens.

        Args:
            code: the code the browser brought back.
            redirect_uri: the redirect address the authorization request named (if any).
            code_verifier: the PKCE verifier of that authorization request (RFC 7636 4.5).

        Raises:
            AuthError: the service refused the code (wrong, expired or already used).
            ApiError: the service could not be reached or answered nonsense.
        """
        form = {"grant_type": "authorization_code", "code": code}
        if redirect_uri:
            form["redirect_uri"] = redirect_uri
        if code_verifier:
            form["code_verifier"] = code_verifier
        payload = self._post(form, "signing in")
        return self._tokens(payload, None, "signing in")

    def refresh(self, tokens: Tokens) -> Tokens:
        """Get a new access token with ``tokens.refresh_token``.

        Raises:
            AuthRevokedError: the refresh token was refused: the user must sign in again.
            ApiError: a temporary failure (offline, server error): the tokens may still be good.
        """
        if not tokens.refresh_token:
            raise AuthExpiredError()
        form = {"grant_type": "refresh_token", "refresh_token": tokens.refresh_token}
        payload = self._post(form, "renewing the sign-in")
        return self._tokens(payload, tokens, "renewing the sign-in")

    def _post(self, form: dict[str, str], what: str) -> Any:
        form = {**form, "client_id": self.config.client_id}
        form["client_secret"] = self.config.client_secret
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        response = fetch(
            self._sessions.session(),
            "POST",
            self.config.token_url,
            what=what,
            deadline=self._deadline,
            limit=TOKEN_LIMIT,
            timeout=self._timeout,
            data=form,
            headers=headers,
        )
        log.info("POST %s -> %s", self.config.token_url, response.status_code)
        status = response.status_code
        if 400 <= status < 500:
            reason = server_reason(response)
            detail = f"HTTP {status} from the token endpoint" + (f": {reason}" if reason else "")
            if "invalid_client" in response.text:  # RFC 6749 5.2 code for bad credentials
                raise AuthError(
                    "SportTracks did not accept this app's client id and secret. "
                    "Check them in the settings.",
                    detail=detail,
                    status=status,
                )
            if form["grant_type"] == "refresh_token":
                raise AuthRevokedError(detail=detail, status=status)
            raise AuthError(
                "SportTracks refused the sign-in: the code was wrong, expired or already used. "
                "Please sign in again.",
                detail=detail,
                status=status,
            )
        if status >= 500 or status < 200 or status >= 300:
            raise ServerError(
                f"SportTracks had a problem on its side while {what} (HTTP {status}). "
                "Please try again later.",
                status=status,
            )
        return json_body(response, what)

    @staticmethod
    def _tokens(payload: Any, previous: Tokens | None, what: str) -> Tokens:
        if not isinstance(payload, dict):
            raise BadResponseError(detail=f"token response is a {type(payload).__name__}")
        try:
            return Tokens.from_token_response(payload, previous=previous)
        except ValueError:
            raise BadResponseError(
                f"SportTracks sent no access token while {what}.", detail="no access_token"
            ) from None


class StaticTokenAuth:
    """A fixed bearer token with no way to renew it (tests, scripts)."""

    def __init__(self, access_token: str) -> None:
        self._header = f"Bearer {access_token}"

    def authorization(self) -> str:
        """The fixed header."""
        return self._header

    def handle_unauthorized(self, rejected: str) -> None:  # noqa: ARG002 - the Auth protocol
        """A fixed token cannot be renewed: the user must sign in."""
        raise AuthExpiredError(
            "SportTracks rejected the access token: it expired or was withdrawn. "
            "Please sign in again."
        )


class OAuthSession:
    """The signed-in account: tokens from the store, refreshed when needed. Thread-safe.

    Args:
        endpoint: the token endpoint used for refreshing.
        store: where tokens are loaded from and saved to.
        refresh_margin: refresh when the access token expires within this many seconds.
        clock: ``time.time`` (injected by tests).
        on_signed_out: called (with the error) when the sign-in became unusable.
    """

    def __init__(
        self,
        endpoint: TokenEndpoint,
        store: TokenStore,
        *,
        refresh_margin: float = REFRESH_MARGIN,
        clock: Callable[[], float] = time.time,
        on_signed_out: Callable[[AuthError], object] | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.store = store
        self._margin = refresh_margin
        self._clock = clock
        self._on_signed_out = on_signed_out
        self._lock = threading.Lock()
        self._tokens: Tokens | None = None
        self._loaded = False

    @property
    def signed_in(self) -> bool:
        """True when tokens are held (they may still turn out to be refused)."""
        with self._lock:
            return self._current() is not None

    @property
    def tokens(self) -> Tokens | None:
        """The current tokens (their repr never shows the token text)."""
        with self._lock:
            return self._current()

    def sign_in(self, tokens: Tokens) -> None:
        """Adopt tokens from a completed sign-in and store them."""
        with self._lock:
            self._set(tokens)

    def use_access_token(self, access_token: str, expires_in: float | None = None) -> None:
        """Adopt an access token the user pasted (it cannot be refreshed)."""
        token = access_token.strip()
        if token.lower().startswith("bearer "):
            token = token[7:].strip()
        if not token or any(c.isspace() for c in token):
            raise AuthError("That does not look like an access token.")
        expires_at = self._clock() + expires_in if expires_in else None
        self.sign_in(Tokens(token, None, expires_at))

    def sign_out(self) -> None:
        """Forget the tokens here and in the store."""
        with self._lock:
            self._tokens, self._loaded = None, True
            self.store.clear()

    def authorization(self) -> str:
        """The bearer header, refreshing first when the token expires within the margin.

        Raises:
            NotSignedInError: nobody is signed in.
            AuthRevokedError: the refresh token was refused.
        """
        with self._lock:
            tokens = self._current()
            if tokens is None:
                raise NotSignedInError()
            if tokens.refresh_token and tokens.expires_within(self._margin, self._clock()):
                try:
                    tokens = self._refresh(tokens)
                except AuthError:
                    raise
                except ApiError as exc:
                    # Temporary trouble: the old token may still be alive; a 401 will tell.
                    log.warning("Early token refresh failed, keeping the current one: %s", exc)
            return f"Bearer {tokens.access_token}"

    def handle_unauthorized(self, rejected: str) -> None:
        """Refresh once after a 401 (unless another thread already did).

        Raises:
            AuthExpiredError: the token cannot be refreshed (pasted token).
            AuthRevokedError: the refresh token was refused.
        """
        with self._lock:
            tokens = self._current()
            if tokens is None:
                raise NotSignedInError()
            if f"Bearer {tokens.access_token}" != rejected:
                return  # another thread renewed the token meanwhile: just retry with it
            if not tokens.refresh_token:
                error = AuthExpiredError(
                    "SportTracks rejected the access token: it expired or was withdrawn. "
                    "Please sign in again."
                )
                self._signed_out(error)
                raise error
            self._refresh(tokens)

    def _current(self) -> Tokens | None:
        if not self._loaded:
            self._tokens, self._loaded = self.store.load(), True
        return self._tokens

    def _set(self, tokens: Tokens) -> None:
        self._tokens, self._loaded = tokens, True
        self.store.save(tokens)

    def _refresh(self, tokens: Tokens) -> Tokens:
        try:
            fresh = self.endpoint.refresh(tokens)
        except AuthRevokedError as exc:
            self._signed_out(exc)
            raise
        log.info("SportTracks access token renewed")
        self._set(fresh)
        return fresh

    def _signed_out(self, error: AuthError) -> None:
        log.warning("SportTracks sign-in is no longer valid: %s", error.user_message)
        self._tokens, self._loaded = None, True
        self.store.clear()
        if self._on_signed_out:
            self._on_signed_out(error)
