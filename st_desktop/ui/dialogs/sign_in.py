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
from st_desktop.settings import Settings
from st_desktop.tasks import TaskContext, TaskRunner
from st_desktop.ui import theme
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
        self.setWindowTitle(self.tr("Sign in to SportTracks"))
        self.setMinimumWidth(520)
        self._controller = controller
        self._settings = settings
        self._runner = runner
        self._flow: BrowserSignIn | None = None

        intro = QLabel(
            self.tr(
                "st-desktop opens SportTracks in your web browser. Sign in there and approve "
                "st-desktop; then come back here. Your password never passes through this app."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.browser_button = QPushButton(self.tr("Sign In with Browser"), self)
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
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.browser_button)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self._build_fallback())
        if not controller.sandbox:
            layout.addWidget(self._build_credentials())
        layout.addStretch(1)
        layout.addWidget(buttons)
        controller.account_changed.connect(self._account_changed)
        controller.failed.connect(self._failed)

    def _build_credentials(self) -> QGroupBox:
        """The application's client id and secret: only under Advanced when the build has them."""
        box = QGroupBox(self.tr("Advanced: application credentials"), self)
        box.setObjectName("signInAdvanced")
        box.setCheckable(True)
        form = QFormLayout(box)
        client_id, secret = self._controller.credentials()
        self.client_id = QLineEdit(client_id, box)
        self.client_id.setObjectName("clientId")
        self.client_id.setAccessibleName(self.tr("Client id"))
        self.client_secret = QLineEdit(secret, box)
        self.client_secret.setObjectName("clientSecret")
        self.client_secret.setAccessibleName(self.tr("Client secret"))
        self.client_secret.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Client &id:"), self.client_id)
        form.addRow(self.tr("Client &secret:"), self.client_secret)
        note = QLabel(
            self.tr(
                "Only needed for a build of st-desktop without SportTracks' registration, or for "
                "another SportTracks service. The secret is kept in your system's keyring."
            ),
            box,
        )
        note.setWordWrap(True)
        form.addRow(note)
        # Collapsed for everybody whose build comes with the credentials; open when it doesn't.
        needed = not self._controller.has_builtin_credentials() and not all((client_id, secret))
        box.setChecked(needed)
        for child in (self.client_id, self.client_secret, note):
            child.setVisible(needed)
        box.toggled.connect(
            lambda on: [w.setVisible(on) for w in (self.client_id, self.client_secret, note)]
        )
        self.advanced = box
        return box

    def _build_fallback(self) -> QGroupBox:
        box = QGroupBox(self.tr("If the browser can't come back to st-desktop"), self)
        box.setObjectName("signInFallback")
        column = QVBoxLayout(box)
        column.addWidget(
            QLabel(self.tr("Paste the address the browser ended on (or the code it shows):"), box)
        )
        self.pasted = QLineEdit(box)
        self.pasted.setObjectName("pastedRedirect")
        self.pasted.setAccessibleName(self.tr("Address the browser ended on"))
        self.pasted.setPlaceholderText("http://127.0.0.1:…/st-desktop/callback?code=…&state=…")
        self.use_pasted = QPushButton(self.tr("Use"), box)
        self.use_pasted.setObjectName("usePastedRedirect")
        self.use_pasted.clicked.connect(self.complete_from_paste)
        column.addLayout(_row(self.pasted, self.use_pasted))
        column.addWidget(QLabel(self.tr("Or paste an access token:"), box))
        self.token = QLineEdit(box)
        self.token.setObjectName("pastedToken")
        self.token.setAccessibleName(self.tr("Access token"))
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.use_token = QPushButton(self.tr("Use Token"), box)
        self.use_token.setObjectName("usePastedToken")
        self.use_token.clicked.connect(self.complete_with_token)
        column.addLayout(_row(self.token, self.use_token))
        for edit in (self.pasted, self.token):  # never squeezed when the status grows
            edit.setMinimumHeight(edit.sizeHint().height())
        return box

    # -- steps --------------------------------------------------------------------------------

    def _save_credentials(self) -> bool:
        if self._controller.sandbox:
            return True
        client_id, secret = self.client_id.text().strip(), self.client_secret.text().strip()
        if not client_id or not secret:
            self.advanced.setChecked(True)
            self._failed(
                self.tr(
                    "This copy of st-desktop has no SportTracks registration: enter the client "
                    "id and secret under Advanced (SportTracks gives them to registered "
                    "applications)."
                )
            )
            return False
        if (client_id, secret) != self._controller.credentials():
            self._controller.save_credentials(client_id, secret)
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
            self._busy(self.tr("Waiting for you to approve st-desktop in the browser…"))
        else:
            self._busy(
                self.tr("Open this address in your browser to sign in:\n{url}").format(url=url)
            )

        def wait(context: TaskContext) -> Tokens:
            context.on_cancel(flow.cancel)  # quitting, or Cancel in the status bar
            return flow.wait(BROWSER_WAIT_S)

        self._runner.submit(
            wait,
            with_context=True,
            on_result=self._got_tokens,
            on_error=self._flow_error,
            description=self.tr("Waiting for the browser"),
        )

    def complete_from_paste(self) -> None:
        """Finish with the pasted redirect address or code (exchanged on a worker)."""
        text = self.pasted.text().strip()
        if not text:
            self._failed(self.tr("Paste the address the browser ended on, or the code it shows."))
            return
        if self._flow is None:
            if not self._save_credentials():
                return
            self._flow = self._controller.new_sign_in(open_browser=lambda _url: False)
        self._busy(self.tr("Checking the pasted address…"))
        self._runner.submit(
            self._flow.complete_from_pasted,
            text,
            on_result=self._got_tokens,
            on_error=self._flow_error,
            description=self.tr("Signing in"),
        )

    def complete_with_token(self) -> None:
        """Sign in with a pasted access token."""
        if not self.token.text().strip():
            self._failed(self.tr("Paste an access token first."))
            return
        self._busy(self.tr("Checking the token…"))
        self._controller.use_pasted_token(self.token.text())

    # -- outcomes -----------------------------------------------------------------------------

    def _got_tokens(self, tokens: Tokens) -> None:
        self.approved.emit()
        self._busy(self.tr("Signed in; loading your account…"))
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
        theme.tint_text(self.status, None)
        self.status.setText(text)

    def _failed(self, text: str) -> None:
        self.progress.setVisible(False)
        theme.tint_text(self.status, "error")  # follows light and dark
        self.status.setText(text)

    def _close_flow(self) -> None:
        if self._flow is not None:
            self._flow.cancel()
            self._flow = None

    def done(self, result: int) -> None:
        """Closing the dialog abandons a pending browser sign-in."""
        self._close_flow()
        super().done(result)


def _row(*widgets: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(widget)
    return row
