"""Account > Sign In: browser sign-in with a loopback redirect, a paste fallback and a token box."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.errors import StDesktopError
from st_desktop.services.account import (
    BrowserSignIn,
    SignInCancelledError,
    SignInTimeoutError,
    Tokens,
)
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunner
from st_desktop.ui.account import AccountController

log = logging.getLogger(__name__)

BROWSER_WAIT_S = 300.0


class SignInDialog(QDialog):
    """Guides the user through signing in; accepts once tokens were obtained.

    Signals:
        approved(): the browser came back with the user's approval (raise the main window: the
            user is looking at the browser).

    Args:
        controller: finishes the sign-in with the tokens.
        settings: where the application's client id/secret are kept.
        runner: waits for the browser and exchanges codes off the GUI thread.
    """

    approved = Signal()

    def __init__(
        self,
        controller: AccountController,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.setWindowTitle("Sign in to SportTracks")
        self.setMinimumWidth(520)
        self._controller = controller
        self._settings = settings
        self._runner = runner
        self._flow: BrowserSignIn | None = None

        intro = QLabel(
            "st-desktop opens SportTracks in your web browser. Sign in there and approve "
            "st-desktop; then come back here. Your password never passes through this app.",
            self,
        )
        intro.setWordWrap(True)

        credentials = QGroupBox("Application credentials", self)
        form = QFormLayout(credentials)
        self.client_id = QLineEdit(settings.get(Keys.OAUTH_CLIENT_ID), credentials)
        self.client_id.setObjectName("clientId")
        self.client_secret = QLineEdit(settings.get(Keys.OAUTH_CLIENT_SECRET), credentials)
        self.client_secret.setObjectName("clientSecret")
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow("Client id:", self.client_id)
        form.addRow("Client secret:", self.client_secret)
        credentials.setVisible(not controller.sandbox)

        self.browser_button = QPushButton("Sign In with Browser", self)
        self.browser_button.setObjectName("signInBrowser")
        self.browser_button.setDefault(True)
        self.browser_button.clicked.connect(self.start_browser_sign_in)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.status = QLabel("", self)
        self.status.setObjectName("signInStatus")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        fallback = QGroupBox("If the browser can't come back to st-desktop", self)
        fallback_layout = QVBoxLayout(fallback)
        fallback_layout.addWidget(
            QLabel("Paste the address the browser ended on (or the code it shows):", fallback)
        )
        paste_row = QHBoxLayout()
        self.pasted = QLineEdit(fallback)
        self.pasted.setObjectName("pastedRedirect")
        self.pasted.setPlaceholderText("http://127.0.0.1:…/st-desktop/callback?code=…&state=…")
        self.use_pasted = QPushButton("Use", fallback)
        self.use_pasted.setObjectName("usePastedRedirect")
        self.use_pasted.clicked.connect(self.complete_from_paste)
        paste_row.addWidget(self.pasted)
        paste_row.addWidget(self.use_pasted)
        fallback_layout.addLayout(paste_row)
        fallback_layout.addWidget(QLabel("Or paste an access token:", fallback))
        token_row = QHBoxLayout()
        self.token = QLineEdit(fallback)
        self.token.setObjectName("pastedToken")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_token = QPushButton("Use Token", fallback)
        self.use_token.setObjectName("usePastedToken")
        self.use_token.clicked.connect(self.complete_with_token)
        token_row.addWidget(self.token)
        token_row.addWidget(self.use_token)
        fallback_layout.addLayout(token_row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(credentials)
        layout.addWidget(self.browser_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(fallback)
        layout.addWidget(buttons)
        controller.account_changed.connect(self._account_changed)
        controller.failed.connect(self._failed)

    # -- steps --------------------------------------------------------------------------------

    def _save_credentials(self) -> bool:
        if self._controller.sandbox:
            return True
        client_id, secret = self.client_id.text().strip(), self.client_secret.text().strip()
        if not client_id or not secret:
            self._failed(
                "Enter the client id and secret of this application (SportTracks gives them to "
                "registered applications)."
            )
            return False
        self._settings.set(Keys.OAUTH_CLIENT_ID, client_id)
        self._settings.set(Keys.OAUTH_CLIENT_SECRET, secret)
        return True

    def start_browser_sign_in(self) -> None:
        """Listen on loopback, open the browser, and wait for it on a worker."""
        if not self._save_credentials():
            return
        self._close_flow()
        try:
            flow = self._controller.new_sign_in()
            url = flow.start()
        except StDesktopError as exc:
            self._failed(exc.user_message)
            return
        self._flow = flow
        if flow.browser_opened:
            self._busy("Waiting for you to approve st-desktop in the browser…")
        else:
            self._busy(f"Open this address in your browser to sign in:\n{url}")
        self._runner.submit(
            flow.wait,
            BROWSER_WAIT_S,
            on_result=self._got_tokens,
            on_error=self._flow_error,
            description="Waiting for the browser",
        )

    def complete_from_paste(self) -> None:
        """Finish with the pasted redirect address or code (exchanged on a worker)."""
        text = self.pasted.text().strip()
        if not text:
            self._failed("Paste the address the browser ended on, or the code it shows.")
            return
        if self._flow is None:
            if not self._save_credentials():
                return
            self._flow = self._controller.new_sign_in(open_browser=lambda _url: False)
        self._busy("Checking the pasted address…")
        self._runner.submit(
            self._flow.complete_from_pasted,
            text,
            on_result=self._got_tokens,
            on_error=self._flow_error,
            description="Signing in",
        )

    def complete_with_token(self) -> None:
        """Sign in with a pasted access token."""
        if not self.token.text().strip():
            self._failed("Paste an access token first.")
            return
        self._busy("Checking the token…")
        self._controller.use_pasted_token(self.token.text())

    # -- outcomes -----------------------------------------------------------------------------

    def _got_tokens(self, tokens: Tokens) -> None:
        self.approved.emit()
        self._busy("Signed in; loading your account…")
        self._controller.finish_sign_in(tokens)

    def _flow_error(self, exc: BaseException) -> None:
        if isinstance(exc, SignInCancelledError):
            return
        if isinstance(exc, SignInTimeoutError):
            self._failed(exc.user_message)
            return
        self._failed(exc.user_message if isinstance(exc, StDesktopError) else str(exc))

    def _account_changed(self, account: object) -> None:
        if account is not None and self.isVisible():
            self.accept()

    def _busy(self, text: str) -> None:
        self.progress.setVisible(True)
        self.status.setStyleSheet("")
        self.status.setText(text)

    def _failed(self, text: str) -> None:
        self.progress.setVisible(False)
        self.status.setStyleSheet("color: #b3261e;")
        self.status.setText(text)

    def _close_flow(self) -> None:
        if self._flow is not None:
            self._flow.cancel()
            self._flow = None

    def done(self, result: int) -> None:
        """Closing the dialog abandons a pending browser sign-in."""
        self._close_flow()
        super().done(result)
