"""``st-desktop --sandbox``: the app against a local demo server, signed in by normal OAuth.

Part of the composition root (see :mod:`st_desktop.app`), which calls :func:`start_sandbox`.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from st_desktop.application import Application
    from st_desktop.sandbox import SandboxServer
    from st_desktop.services.account import Account, Tokens

log = logging.getLogger(__name__)


#: Remembers the sandbox account's key (not secret) beside the data, so the next start shows its
#: cached workouts before the server is even loaded.
LAST_ACCOUNT_FILE = "sandbox-account"


def last_account_key(data_dir: Path) -> str | None:
    """The key of the sandbox account last signed in to, if remembered."""
    try:
        key = (data_dir / LAST_ACCOUNT_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return key or None


def remember_account(data_dir: Path, account: Account | None) -> None:
    """Remember the sandbox account signed in to (a failure only costs the next start time)."""
    if account is None or not account.sandbox or last_account_key(data_dir) == account.key:
        return
    try:
        (data_dir / LAST_ACCOUNT_FILE).write_text(account.key + "\n", encoding="utf-8")
    except OSError as exc:
        log.info("could not remember the sandbox account: %s", exc)


def start_sandbox(application: Application, seed: int, *, after_first_paint: bool = False) -> None:
    """``--sandbox``: start the demo server on loopback, then sign in to it by the OAuth flow.

    Nothing of the server is loaded or started on the GUI thread: the window shows the workouts
    cached by the last sandbox session at once, while a worker loads the server and opens its
    database (the first start writes the demo account). The sign-in goes through the normal
    authorize/redirect/code-exchange steps, with the sandbox's consent form approved
    automatically.

    With ``after_first_paint`` (the start of the app) the server is loaded once the window
    has drawn its first rows and the panes that come after them: loading it on a worker still
    holds the interpreter for a quarter of a second, which they would wait for.
    """
    from st_desktop.services.account import SANDBOX_ACCOUNT_PREFIX, Account, describe

    account = application.account
    window = application.window
    runner = application.runner
    window.set_account(
        QCoreApplication.translate("SandboxMode", "Starting the sandbox…"), sandbox=True
    )
    window.message_area.show_info(
        QCoreApplication.translate(
            "SandboxMode",
            "Sandbox mode: a local demo server with made-up workouts. Nothing reaches SportTracks.",
        ),
        0,
    )
    data_dir = application.paths.data / "sandbox"

    def show_cached(key: str) -> None:
        if account.account is None:  # the last session's workouts, until the sign-in is through
            cached = Account(key, describe(key, True), None, sandbox=True)
            application.browser.set_account(cached)
            if application.ready:  # otherwise the editor takes the browser's account when built
                application.detail.set_account(cached)

    remembered = last_account_key(application.paths.data)
    if remembered is not None:
        show_cached(remembered)
    account.account_changed.connect(lambda now: remember_account(application.paths.data, now))

    def open_server() -> tuple[SandboxServer, int]:
        from st_desktop.sandbox import SandboxServer

        # The demo history ends today so it looks current; it is written once, on the first start.
        server = SandboxServer(data_dir, seed=seed, demo_end=date.today())
        return server, server.user_id  # opens its database

    def did_not_start(exc: BaseException) -> None:
        window.message_area.show_error(
            QCoreApplication.translate("SandboxMode", "The sandbox did not start: {error}").format(
                error=exc
            )
        )

    def opened(result: tuple[SandboxServer, int]) -> None:
        server, user_id = result
        key = f"{SANDBOX_ACCOUNT_PREFIX}|{user_id}"
        if key != remembered:
            show_cached(key)
        runner.submit(
            server.start,
            on_result=started,
            on_error=did_not_start,
            description=QCoreApplication.translate("SandboxMode", "Starting the sandbox"),
        )

    def started(running: SandboxServer) -> None:
        from st_desktop.sandbox.autoapprove import approve_in_sandbox  # the package is loaded

        application.closers.append(running.stop)
        account.use_sandbox(running.api_base, running.client_id, running.client_secret)
        flow = account.new_sign_in(open_browser=approve_in_sandbox)

        def sign_in() -> Tokens:
            flow.start()
            return flow.wait(30.0)

        runner.submit(
            sign_in,
            on_result=account.finish_sign_in,
            on_error=lambda exc: window.message_area.show_error(
                QCoreApplication.translate(
                    "SandboxMode", "Could not sign in to the sandbox: {error}"
                ).format(error=exc)
            ),
            description=QCoreApplication.translate("SandboxMode", "Signing in to the sandbox"),
        )

    def open_it() -> None:
        runner.submit(
            open_server,
            on_result=opened,
            on_error=did_not_start,
            description=QCoreApplication.translate("SandboxMode", "Opening the sandbox"),
        )

    if after_first_paint:
        # Once the first rows and the panes are drawn (the panes wait for the rows).
        application.when_ready(open_it)
    else:
        open_it()
