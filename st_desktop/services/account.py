"""Who is signed in: the OAuth session, the token store and the API client of the account.

:class:`AccountService` holds what signing in needs (API base, application credentials, token
store, OAuth session) and does the slow steps as plain blocking methods that the UI runs on
workers: reading the keyring at start, adopting new tokens and asking the service who the user
is, signing out. The panes only ever see an :class:`Account`, an opaque handle with the API
client inside; they hand it back to the other services.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from st_desktop.api.redact import Redactor
from st_desktop.errors import AuthError
from st_desktop.lazy import lazy_attributes

# The API client, OAuth and the keyring (requests, keyring's backends: a tenth of a second)
# load on the first sign-in step, on a worker: the window's start needs none of them.
if TYPE_CHECKING:
    from st_desktop.api.client import SportTracksClient
    from st_desktop.api.oauth import OAuthConfig, OAuthSession
    from st_desktop.api.signin import (
        BrowserSignIn,
        SignInCancelledError,
        SignInGroup,
        SignInTimeoutError,
    )
    from st_desktop.api.tokens import Tokens, TokenStore

__all__ = [
    "SANDBOX_ACCOUNT_PREFIX",
    "Account",
    "AccountService",
    "BrowserSignIn",
    "SignInCancelledError",
    "SignInTimeoutError",
    "Tokens",
    "service_root",
]

log = logging.getLogger(__name__)

SANDBOX_ACCOUNT_PREFIX = "sandbox"

#: Names handed on from the API layer (for the ui, which does not import it), read on first use.
_FROM_API = {
    "BrowserSignIn": "st_desktop.api.signin",
    "SignInCancelledError": "st_desktop.api.signin",
    "SignInTimeoutError": "st_desktop.api.signin",
    "Tokens": "st_desktop.api.tokens",
}


__getattr__ = lazy_attributes(__name__, _FROM_API)


@dataclass(frozen=True)
class Account:
    """The signed-in account as the panes see it.

    Attributes:
        key: stable and not secret; partitions the cache and the upload queue per account.
        description: shown in the status bar.
        client: the API client (thread-safe; use it from workers only). None when the account
            is known but signed out: its cached workouts still show.
        sandbox: True for the local demo server.
    """

    key: str
    description: str
    client: SportTracksClient | None
    sandbox: bool = False

    @property
    def online(self) -> bool:
        """True when requests can be made for this account (signed in)."""
        return self.client is not None

    def require_client(self) -> SportTracksClient:
        """The client, or :class:`AuthError` saying to sign in."""
        if self.client is None:
            raise AuthError("Sign in to SportTracks to do this.")
        return self.client


def service_root(api_base: str) -> str:
    """``https://api.sporttracks.mobi/api/v2`` -> ``https://api.sporttracks.mobi``."""
    parts = urlsplit(api_base)
    return f"{parts.scheme}://{parts.netloc}"


#: Environment variables a development build may take the application credentials from.
CLIENT_ID_ENV, CLIENT_SECRET_ENV = "ST_DESKTOP_CLIENT_ID", "ST_DESKTOP_CLIENT_SECRET"


def builtin_credentials() -> tuple[str, str]:
    """The OAuth client id and secret this build comes with ("", "" when it has none).

    A packaged build carries them in ``st_desktop/_credentials.py``, written by the packaging
    scripts (never committed); a development build may take them from the environment.
    """
    try:
        from st_desktop import _credentials  # type: ignore[attr-defined]
    except ImportError:
        return os.environ.get(CLIENT_ID_ENV, ""), os.environ.get(CLIENT_SECRET_ENV, "")
    return str(_credentials.CLIENT_ID), str(_credentials.CLIENT_SECRET)


def describe(key: str, sandbox: bool) -> str:
    """The status-bar text for an account key."""
    if sandbox:
        return "Sandbox demo account"
    uid = key.rpartition("|")[2]
    return f"SportTracks user {uid}" if uid.isdigit() else "SportTracks"


class AccountService:
    """Sign in, sign out and restore the last account, without widgets.

    Args:
        api_base: the SportTracks API base URL.
        client_id, client_secret: the application's OAuth credentials.
        redactor: every token handled is registered with it so logs never show one.
        keyring_backend: the keyring to use (tests pass a fake; None: the OS keyring).
        on_notice: called (on any thread) with a sentence the user should read once.
        on_auth_lost: called (on a worker thread) when the service stopped accepting the
            sign-in, with the sentence to show.
    """

    def __init__(
        self,
        api_base: str,
        client_id: str = "",
        client_secret: str = "",
        *,
        redactor: Redactor | None = None,
        keyring_backend: Any = None,
        on_notice: Callable[[str], None] | None = None,
        on_auth_lost: Callable[[str], None] | None = None,
    ) -> None:
        self._api_base = api_base
        self._credentials = (client_id, client_secret)
        self._redactor = redactor or Redactor()
        self._keyring_backend = keyring_backend
        self._on_notice = on_notice or (lambda _text: None)
        self._on_auth_lost = on_auth_lost or (lambda _text: None)
        self._sandbox = False
        self._session: OAuthSession | None = None
        # Attempts of this run complete each other: approving an older browser tab still works.
        self._sign_ins: SignInGroup | None = None

    def set_callbacks(
        self,
        *,
        on_notice: Callable[[str], None] | None = None,
        on_auth_lost: Callable[[str], None] | None = None,
    ) -> None:
        """Replace where notices and a lost sign-in are reported (before the first session)."""
        if on_notice is not None:
            self._on_notice = on_notice
        if on_auth_lost is not None:
            self._on_auth_lost = on_auth_lost

    # -- configuration ------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        """The API base in use (the sandbox's while in sandbox mode)."""
        return self._api_base

    @property
    def sandbox(self) -> bool:
        """True in ``--sandbox`` mode."""
        return self._sandbox

    @property
    def client_id(self) -> str:
        """The application's OAuth client id in use."""
        return self._credentials[0]

    @property
    def client_secret(self) -> str:
        """The application's OAuth client secret in use ("" when there is none yet)."""
        return self._credentials[1]

    def configure(self, api_base: str, client_id: str, client_secret: str) -> None:
        """Use another service or other application credentials (a new session follows)."""
        if self._sandbox:
            return
        if (api_base, (client_id, client_secret)) != (self._api_base, self._credentials):
            self._api_base = api_base
            self._credentials = (client_id, client_secret)
            self._session = None

    def use_sandbox(self, api_base: str, client_id: str, client_secret: str) -> None:
        """Point the service at a local sandbox."""
        self._sandbox = True
        self._api_base = api_base
        self._credentials = (client_id, client_secret)
        self._session = None

    def oauth_config(self) -> OAuthConfig:
        """Client credentials and the OAuth URLs of the current service."""
        from st_desktop.api.oauth import OAuthConfig

        client_id, client_secret = self._credentials
        return OAuthConfig.for_host(service_root(self._api_base), client_id, client_secret)

    def owns(self, key: str) -> bool:
        """Whether an account key belongs to the current service."""
        if self._sandbox:
            return key.startswith(SANDBOX_ACCOUNT_PREFIX + "|")
        return key.startswith(service_root(self._api_base) + "|")

    def _token_store(self) -> TokenStore:
        from st_desktop.api.keyrings import MemorySecrets
        from st_desktop.api.tokens import TokenStore

        if self._sandbox:
            # The sandbox is a throw-away demo: its tokens never go to the OS keyring.
            return TokenStore(
                "sandbox", backend=MemorySecrets(), on_secret=self._redactor.add_secret
            )
        return TokenStore(
            service_root(self._api_base),
            backend=self._keyring_backend,
            on_notice=self._on_notice,
            on_secret=self._redactor.add_secret,
        )

    def session(self) -> OAuthSession:
        """The OAuth session of the current service (created on first use)."""
        from st_desktop.api.oauth import OAuthSession, TokenEndpoint

        if self._session is None:
            endpoint = TokenEndpoint(self.oauth_config())
            self._session = OAuthSession(
                endpoint, self._token_store(), on_signed_out=self._signed_out
            )
        return self._session

    def new_sign_in(
        self,
        open_browser: Callable[[str], object],
        on_approved: Callable[[], object] | None = None,
    ) -> BrowserSignIn:
        """A browser sign-in attempt for the current service.

        Args:
            open_browser: opens the consent page (returns False when it cannot).
            on_approved: called on the listener thread once the browser's approval was
                exchanged for tokens (to bring the window to the front).
        """
        from st_desktop.api.signin import BrowserSignIn, SignInGroup

        if self._sign_ins is None:
            self._sign_ins = SignInGroup()
        return BrowserSignIn(
            self.oauth_config(),
            open_browser=open_browser,
            group=self._sign_ins,
            on_approved=on_approved,
        )

    # -- the application's own credentials ----------------------------------------------------

    def load_client_secret(self) -> None:
        """Use the client secret kept in the keyring, if one is (run on a worker)."""
        from st_desktop.api.keyrings import load_client_secret

        if self._sandbox:
            return
        secret = load_client_secret(service_root(self._api_base), self._keyring_backend)
        if secret and secret != self._credentials[1]:
            self._credentials = (self._credentials[0], secret)
            self._session = None

    def save_client_secret(self, secret: str) -> bool:
        """Keep the client secret in the keyring (run on a worker); False when there is none."""
        from st_desktop.api.keyrings import store_client_secret

        return store_client_secret(service_root(self._api_base), secret, self._keyring_backend)

    # -- the slow steps (run them on a worker) ------------------------------------------------

    def restore(self, key: str) -> tuple[Account, str] | None:
        """The last account at start: signed in if its tokens are stored (works offline).

        Returns:
            None when ``key`` is not an account of this service; else the account (without a
            client when signed out: its cached workouts still show) and, when signed out, the
            sentence saying why a new sign-in is needed.
        """
        if not key or not self.owns(key):
            return None
        self.load_client_secret()
        session = self.session()
        if session.signed_in:
            return self.account_for(key), ""
        if not session.store.persistent:
            reason = (
                "This computer has no usable password keyring, so your sign-in was kept only "
                "until st-desktop quit. Sign in again to sync; your saved workouts are shown."
            )
        else:
            reason = (
                "Your SportTracks sign-in is no longer saved on this computer. Sign in again to "
                "sync; your saved workouts are shown."
            )
        return self.signed_out_account(key), reason

    def adopt_tokens(self, tokens: Tokens) -> Account:
        """Keep tokens from a completed sign-in and find out whose they are."""
        return self._complete(lambda session: session.sign_in(tokens))

    def adopt_access_token(self, token: str) -> Account:
        """Sign in with an access token the user pasted (it cannot be refreshed)."""
        return self._complete(lambda session: session.use_access_token(token))

    def _complete(self, adopt: Callable[[OAuthSession], None]) -> Account:
        from st_desktop.api.client import SportTracksClient

        session = self.session()
        adopt(session)  # keyring write: never on the GUI thread
        client = SportTracksClient(self._api_base, session)
        try:
            uid: int | None = client.connect()
        except AuthError:
            raise
        except Exception as exc:  # the account id is a nicety; the sign-in itself worked
            log.warning("could not read the account id: %s", exc)
            uid = None
        return self.account_for(self._account_key(uid))

    def sign_out(self) -> None:
        """Forget the tokens (keyring included)."""
        if self._session is not None:
            self._session.sign_out()

    # -- accounts -----------------------------------------------------------------------------

    def account_for(self, key: str) -> Account:
        """The signed-in account of ``key``, with a client of the current session."""
        from st_desktop.api.client import SportTracksClient

        client = SportTracksClient(self._api_base, self.session())
        return Account(key, describe(key, self._sandbox), client, sandbox=self._sandbox)

    def signed_out_account(self, key: str) -> Account:
        """``key``'s account without a client: its cached workouts show, nothing syncs."""
        return Account(key, describe(key, self._sandbox), None, sandbox=self._sandbox)

    def _account_key(self, uid: int | None) -> str:
        if self._sandbox:
            return f"{SANDBOX_ACCOUNT_PREFIX}|{uid if uid is not None else 0}"
        return f"{service_root(self._api_base)}|{uid if uid is not None else 'me'}"

    def _signed_out(self, error: AuthError) -> None:
        self._on_auth_lost(error.user_message)
