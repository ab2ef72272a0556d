"""Who is signed in, for the panes: runs the account service's steps and announces the account.

The plain steps (keyring, token exchange, "who am I") are
:class:`~st_desktop.services.account.AccountService`'s and run on the task runner; the GUI thread
only starts the loopback listener and opens the system browser. Panes learn about the account
through :attr:`AccountController.account_changed` and never see tokens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices

from st_desktop.services.account import Account, AccountService, builtin_credentials
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunner

if TYPE_CHECKING:  # the API layer's sign-in loads with the first sign-in, on a worker
    from st_desktop.services.account import BrowserSignIn, Tokens

log = logging.getLogger(__name__)

#: The account's own queue of writes: sign-in, sign-out and keyring writes stay in order.
ACCOUNT_QUEUE = "account"


def qt_open_browser(url: str) -> bool:
    """Open ``url`` in the system browser (GUI thread only)."""
    return bool(QDesktopServices.openUrl(QUrl(url)))


class AccountController(QObject):
    """Sign in, sign out, restore the last account at start.

    Args:
        settings: API base, application credentials and the last account's key.
        runner: runs keyring and network work.
        service: the account service (built by the composition root).

    Signals:
        account_changed(object): the new :class:`Account`, or None after signing out.
        restored_signed_out(object, str): at start, the last account could not be signed in
            again: that :class:`Account` (without a client, to show its cached workouts) and
            the sentence saying why.
        notice(str): something the user should know once (e.g. no keyring).
        failed(str): a sign-in step failed; the sentence says what to do.
        sign_in_needed(str): the service stopped accepting the sign-in; the cached workouts stay
            visible, but the user must sign in again to sync.
    """

    account_changed = Signal(object)
    restored_signed_out = Signal(object, str)
    notice = Signal(str)
    failed = Signal(str)
    sign_in_needed = Signal(str)
    _auth_lost = Signal(str)  # emitted from workers; delivered on the GUI thread
    _noticed = Signal(str)  # likewise

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunner,
        service: AccountService,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._runner = runner
        self.service = service
        self.account: Account | None = None
        self._auth_lost.connect(self._on_auth_lost)
        self._noticed.connect(self.notice)

    @staticmethod
    def build_service(settings: Settings, **kwargs: Any) -> AccountService:
        """An account service configured from the settings (the callbacks are wired later).

        Credentials typed into the sign-in dialog win over those the build comes with.
        """
        builtin_id, builtin_secret = builtin_credentials()
        return AccountService(
            settings.get(Keys.API_BASE),
            settings.get(Keys.OAUTH_CLIENT_ID) or builtin_id,
            settings.get(Keys.OAUTH_CLIENT_SECRET) or builtin_secret,
            **kwargs,
        )

    def attach(self) -> None:
        """Route the service's worker-thread callbacks to this controller's signals."""
        self.service.set_callbacks(on_notice=self._noticed.emit, on_auth_lost=self._auth_lost.emit)

    # -- configuration ------------------------------------------------------------------------

    @property
    def sandbox(self) -> bool:
        """True in ``--sandbox`` mode."""
        return self.service.sandbox

    def _configure(self) -> None:
        # A secret moved to the keyring leaves the setting empty: keep the one in use then.
        builtin_id, builtin_secret = builtin_credentials()
        self.service.configure(
            self._settings.get(Keys.API_BASE),
            self._settings.get(Keys.OAUTH_CLIENT_ID) or self.service.client_id or builtin_id,
            self._settings.get(Keys.OAUTH_CLIENT_SECRET)
            or self.service.client_secret
            or builtin_secret,
        )

    @staticmethod
    def has_builtin_credentials() -> bool:
        """Whether this build comes with the application's credentials (most users' case)."""
        return all(builtin_credentials())

    def credentials(self) -> tuple[str, str]:
        """The client id and secret in use, for the dialog's Advanced section."""
        self._configure()
        return self.service.client_id, self.service.client_secret

    def save_credentials(self, client_id: str, client_secret: str) -> None:
        """Use credentials the user typed; the secret goes to the keyring where there is one."""
        self._settings.set(Keys.OAUTH_CLIENT_ID, client_id)
        self._settings.set(Keys.OAUTH_CLIENT_SECRET, client_secret)
        self._configure()

        def stored(in_keyring: bool) -> None:
            if in_keyring:  # the settings file need not hold it then
                self._settings.set(Keys.OAUTH_CLIENT_SECRET, "")

        self._runner.submit(
            self.service.save_client_secret,
            client_secret,
            on_result=stored,
            on_error=self._failed,
            description=self.tr("Keeping the client secret"),
            serial=ACCOUNT_QUEUE,
        )

    def use_sandbox(self, api_base: str, client_id: str, client_secret: str) -> None:
        """Point the controller at a local sandbox (nothing is written to the settings)."""
        self.service.use_sandbox(api_base, client_id, client_secret)

    def new_sign_in(self, open_browser: Callable[[str], object] | None = None) -> BrowserSignIn:
        """A browser sign-in attempt for the current service."""
        self._configure()
        return self.service.new_sign_in(open_browser or qt_open_browser)

    # -- restoring and finishing --------------------------------------------------------------

    def restore(self) -> None:
        """At start: if tokens for the last account are stored, use them (works offline)."""
        key = self._settings.get(Keys.ACCOUNT)
        if self.sandbox or not key:
            return
        self._configure()
        self._runner.submit(
            self.service.restore,
            key,
            on_result=self._restored,
            on_error=self._failed,
            description=self.tr("Restoring the sign-in"),
            serial=ACCOUNT_QUEUE,
        )

    def _restored(self, restored: tuple[Account, str] | None) -> None:
        if restored is None:
            return
        account, reason = restored
        if account.online:
            self._adopt(account)
        else:
            log.info("the last account needs a new sign-in")
            self.restored_signed_out.emit(account, reason)

    def finish_sign_in(self, tokens: Tokens) -> None:
        """Adopt tokens from a completed sign-in: store them, find the user id, announce it."""
        self._configure()
        self._runner.submit(
            self.service.adopt_tokens,
            tokens,
            on_result=self._adopt,
            on_error=self._failed,
            description=self.tr("Signing in"),
            serial=ACCOUNT_QUEUE,
        )

    def use_pasted_token(self, token: str) -> None:
        """Sign in with an access token the user pasted (it cannot be refreshed)."""
        self._configure()
        self._runner.submit(
            self.service.adopt_access_token,
            token,
            on_result=self._adopt,
            on_error=self._failed,
            description=self.tr("Checking the token"),
            serial=ACCOUNT_QUEUE,
        )

    def sign_out(self) -> None:
        """Forget the tokens (keyring included) and tell the panes."""
        self._runner.submit(
            self.service.sign_out, description=self.tr("Signing out"), serial=ACCOUNT_QUEUE
        )
        if not self.sandbox:
            self._settings.set(Keys.ACCOUNT, "")
        self.account = None
        self.account_changed.emit(None)

    def _failed(self, exc: BaseException) -> None:
        self.failed.emit(str(exc))

    def _adopt(self, account: Account) -> None:
        if not self.sandbox:
            self._settings.set(Keys.ACCOUNT, account.key)
        self.account = account
        log.info("signed in (%s)", account.description)
        self.account_changed.emit(account)

    # -- losing the sign-in -------------------------------------------------------------------

    def _on_auth_lost(self, message: str) -> None:
        if self.account is None:
            return
        log.warning("sign-in lost: %s", message)
        self.sign_in_needed.emit(message)
