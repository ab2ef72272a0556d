"""Who is signed in: builds the API client for the account and tells the panes about it.

The controller owns the OAuth session and token store of the current service. Everything that
touches the network or the keyring runs on the task runner; the GUI thread only starts the
loopback listener and opens the system browser. Panes learn about the account through
:attr:`AccountController.account_changed` and never read tokens themselves.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from keyring.backend import KeyringBackend
from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import OAuthConfig, OAuthSession, TokenEndpoint
from st_desktop.api.redact import Redactor
from st_desktop.api.signin import BrowserSignIn
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.errors import AuthError
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunnerBase

log = logging.getLogger(__name__)

SANDBOX_ACCOUNT_PREFIX = "sandbox"


@dataclass(frozen=True)
class Account:
    """The signed-in account as the panes see it.

    Attributes:
        key: stable and not secret; partitions the cache and the upload queue per account.
        description: shown in the status bar.
        client: the API client (thread-safe; use it from workers only).
        sandbox: True for the local demo server.
    """

    key: str
    description: str
    client: SportTracksClient
    sandbox: bool = False


def service_root(api_base: str) -> str:
    """``https://api.sporttracks.mobi/api/v2`` -> ``https://api.sporttracks.mobi``."""
    parts = urlsplit(api_base)
    return f"{parts.scheme}://{parts.netloc}"


class MemoryKeyring(KeyringBackend):
    """A keyring that forgets everything when the app quits (for the sandbox's demo tokens)."""

    priority = 1.0

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """The stored value or None."""
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a value."""
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a value."""
        self.items.pop((service, username), None)


def qt_open_browser(url: str) -> bool:
    """Open ``url`` in the system browser (GUI thread only)."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


class AccountController(QObject):
    """Sign in, sign out, restore the last account at start.

    Args:
        settings: API base and application credentials.
        runner: runs keyring and network work.
        redactor: every token handled is registered with it so logs never show one.
        keyring_backend: the keyring to use (tests pass a fake; None: the OS keyring).

    Signals:
        account_changed(object): the new :class:`Account`, or None after signing out.
        notice(str): something the user should know once (e.g. no keyring).
        failed(str): a sign-in step failed; the sentence says what to do.
        sign_in_needed(str): the service stopped accepting the sign-in; the cached workouts stay
            visible, but the user must sign in again to sync.
    """

    account_changed = Signal(object)
    notice = Signal(str)
    failed = Signal(str)
    sign_in_needed = Signal(str)
    _auth_lost = Signal(str)  # emitted from workers; delivered on the GUI thread

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunnerBase,
        redactor: Redactor | None = None,
        keyring_backend: Any = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner
        self._redactor = redactor or Redactor()
        self._keyring_backend = keyring_backend
        self._api_base_override: str | None = None
        self._oauth_override: OAuthConfig | None = None
        self._sandbox = False
        self._session: OAuthSession | None = None
        self.account: Account | None = None
        self._auth_lost.connect(self._on_auth_lost)

    # -- configuration ------------------------------------------------------------------------

    @property
    def api_base(self) -> str:
        """The API base in use (the sandbox's while in sandbox mode)."""
        return self._api_base_override or self._settings.get(Keys.API_BASE)

    @property
    def sandbox(self) -> bool:
        """True in ``--sandbox`` mode."""
        return self._sandbox

    def oauth_config(self) -> OAuthConfig:
        """Client credentials from the settings, URLs from the service root."""
        if self._oauth_override is not None:
            return self._oauth_override
        return OAuthConfig.for_host(
            service_root(self.api_base),
            self._settings.get(Keys.OAUTH_CLIENT_ID),
            self._settings.get(Keys.OAUTH_CLIENT_SECRET),
        )

    def use_sandbox(self, api_base: str, client_id: str, client_secret: str) -> None:
        """Point the controller at a local sandbox (nothing is written to the settings)."""
        self._sandbox = True
        self._api_base_override = api_base
        self._oauth_override = OAuthConfig.for_host(
            service_root(api_base), client_id, client_secret
        )
        self._session = None

    def _token_store(self) -> TokenStore:
        if self._sandbox:
            # The sandbox is a throw-away demo: its tokens never go to the OS keyring.
            return TokenStore(
                "sandbox", backend=MemoryKeyring(), on_secret=self._redactor.add_secret
            )
        return TokenStore(
            service_root(self.api_base),
            backend=self._keyring_backend,
            on_notice=self.notice.emit,
            on_secret=self._redactor.add_secret,
        )

    def session(self) -> OAuthSession:
        """The OAuth session of the current service (created on first use)."""
        if self._session is None:
            endpoint = TokenEndpoint(self.oauth_config())
            self._session = OAuthSession(
                endpoint, self._token_store(), on_signed_out=self._signed_out_in_worker
            )
        return self._session

    def new_sign_in(self, open_browser: Callable[[str], object] | None = None) -> BrowserSignIn:
        """A browser sign-in attempt for the current service."""
        return BrowserSignIn(self.oauth_config(), open_browser=open_browser or qt_open_browser)

    # -- restoring and finishing --------------------------------------------------------------

    def restore(self) -> None:
        """At start: if tokens for the last account are stored, use them (works offline)."""
        key = self._settings.get(Keys.ACCOUNT)
        if self._sandbox or not key or not key.startswith(service_root(self.api_base)):
            return
        session = self.session()
        self._runner.submit(
            lambda: session.signed_in,
            on_result=lambda signed_in: self._adopt(key) if signed_in else None,
            on_error=lambda exc: self.failed.emit(str(exc)),
            description="Restoring the sign-in",
        )

    def finish_sign_in(self, tokens: Tokens) -> None:
        """Adopt tokens from a completed sign-in: store them, find the user id, announce it."""
        self._complete(lambda session: session.sign_in(tokens), "Signing in")

    def use_pasted_token(self, token: str) -> None:
        """Sign in with an access token the user pasted (it cannot be refreshed)."""
        self._complete(lambda session: session.use_access_token(token), "Checking the token")

    def _complete(self, adopt: Callable[[OAuthSession], None], description: str) -> None:
        session = self.session()
        client = self._client(session)

        def work() -> str:
            adopt(session)  # keyring write: never on the GUI thread
            try:
                uid = client.connect()
            except AuthError:
                raise
            except Exception as exc:  # the account id is a nicety; the sign-in itself worked
                log.warning("could not read the account id: %s", exc)
                uid = None
            return self._account_key(uid)

        self._runner.submit(
            work,
            on_result=self._adopt,
            on_error=lambda exc: self.failed.emit(str(exc)),
            description=description,
        )

    def sign_out(self) -> None:
        """Forget the tokens (keyring included) and tell the panes."""
        session = self._session
        if session is not None:
            self._runner.submit(session.sign_out, description="Signing out", serial=True)
        if not self._sandbox:
            self._settings.set(Keys.ACCOUNT, "")
        self.account = None
        self.account_changed.emit(None)

    def _account_key(self, uid: int | None) -> str:
        if self._sandbox:
            return f"{SANDBOX_ACCOUNT_PREFIX}|{uid if uid is not None else 0}"
        return f"{service_root(self.api_base)}|{uid if uid is not None else 'me'}"

    def _client(self, session: OAuthSession) -> SportTracksClient:
        return SportTracksClient(self.api_base, session)

    def _adopt(self, key: str) -> None:
        session = self.session()
        if not self._sandbox:
            self._settings.set(Keys.ACCOUNT, key)
        uid = key.rpartition("|")[2]
        if self._sandbox:
            description = "Sandbox demo account"
        else:
            description = f"SportTracks user {uid}" if uid.isdigit() else "SportTracks"
        self.account = Account(key, description, self._client(session), sandbox=self._sandbox)
        log.info("signed in (%s)", description)
        self.account_changed.emit(self.account)

    # -- losing the sign-in -------------------------------------------------------------------

    def _signed_out_in_worker(self, error: AuthError) -> None:
        self._auth_lost.emit(error.user_message)

    def _on_auth_lost(self, message: str) -> None:
        if self.account is None:
            return
        log.warning("sign-in lost: %s", message)
        self.sign_in_needed.emit(message)
