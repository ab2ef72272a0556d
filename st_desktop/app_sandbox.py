"""``st-desktop --sandbox``: the app against a local demo server, signed in by normal OAuth.

Part of the composition root (see :mod:`st_desktop.app`), which calls :func:`start_sandbox`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from st_desktop.application import Application


def start_sandbox(application: Application, seed: int) -> None:
    """``--sandbox``: start the demo server on loopback, then sign in to it by the OAuth flow.

    The server starts on a worker (the first start writes the demo account), so the window shows
    at once; the sign-in goes through the normal authorize/redirect/code-exchange steps, with the
    sandbox's consent form approved automatically.
    """
    from st_desktop.sandbox import SandboxServer
    from st_desktop.sandbox.autoapprove import approve_in_sandbox
    from st_desktop.services.account import Tokens

    account = application.account
    window = application.window
    window.set_account("Starting the sandbox…", sandbox=True)
    window.message_area.show_info(
        "Sandbox mode: a local demo server with made-up workouts. Nothing reaches SportTracks.", 0
    )
    # The demo history ends today so it looks current; it is written once, on the first start.
    server = SandboxServer(application.paths.data / "sandbox", seed=seed, demo_end=date.today())

    def start() -> SandboxServer:
        server.start()
        return server

    def started(running: SandboxServer) -> None:
        application.closers.append(running.stop)
        account.use_sandbox(running.api_base, running.client_id, running.client_secret)
        flow = account.new_sign_in(open_browser=approve_in_sandbox)

        def sign_in() -> Tokens:
            flow.start()
            return flow.wait(30.0)

        application.runner.submit(
            sign_in,
            on_result=account.finish_sign_in,
            on_error=lambda exc: window.message_area.show_error(
                f"Could not sign in to the sandbox: {exc}"
            ),
            description="Signing in to the sandbox",
        )

    application.runner.submit(
        start,
        on_result=started,
        on_error=lambda exc: window.message_area.show_error(f"The sandbox did not start: {exc}"),
        description="Starting the sandbox",
    )
