"""Signing in through the real OAuth flow against the sandbox; tokens only in the keyring."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.autoapprove import approve_in_sandbox, consent_redirect
from st_desktop.settings import Keys
from st_desktop.ui import account as account_module
from st_desktop.ui.dialogs.sign_in import SignInDialog
from tests.doubles import MemoryKeyring


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox", seed=3, demo_size=5) as running:
        yield running


@pytest.fixture
def keyring_backend() -> MemoryKeyring:
    return MemoryKeyring()


def make_app(
    qtbot: QtBot, basedir: Path, keyring_backend: MemoryKeyring, *argv: str
) -> Application:
    application = create_application(
        ["--basedir", str(basedir), *argv], keyring_backend=keyring_backend
    )
    qtbot.addWidget(application.window)
    return application


def open_dialog(qtbot: QtBot, application: Application, server: SandboxServer) -> SignInDialog:
    dialog = SignInDialog(
        application.account, application.settings, application.runner, application.window
    )
    qtbot.addWidget(dialog)
    dialog.client_id.setText(server.client_id)
    dialog.client_secret.setText(server.client_secret)
    dialog.show()
    return dialog


def test_browser_sign_in_stores_tokens_in_the_keyring_only(
    qtbot: QtBot,
    isolated_basedir: Path,
    keyring_backend: MemoryKeyring,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The system browser is the one thing that can't run here: approve the consent form instead.
    monkeypatch.setattr(account_module, "qt_open_browser", approve_in_sandbox)
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = open_dialog(qtbot, application, server)
    with qtbot.waitSignal(application.account.account_changed, timeout=15000) as changed:
        dialog.browser_button.click()
    account = changed.args[0]
    assert account is not None
    assert account.key.startswith(server.base_url + "|")
    assert application.window.sign_out_action.isEnabled()
    assert "SportTracks user" in application.window.account_label.text()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    # The token is in the keyring, never in the settings file; so is the client secret.
    stored = [v for v in keyring_backend.items.values() if "access_token" in v]
    assert len(stored) == 1
    assert server.client_secret in keyring_backend.items.values()
    application.settings.sync()
    settings_text = application.paths.settings_file.read_text()
    assert server.client_secret not in settings_text
    assert application.account.service.session().tokens is not None
    assert application.account.service.session().tokens.access_token not in settings_text
    assert application.account.service.session().tokens.access_token not in stored[0].split('"')[0]
    application.shutdown(5.0)

    # Next start: the account comes back from the keyring, without a new sign-in.
    again = make_app(qtbot, isolated_basedir, keyring_backend)
    qtbot.waitUntil(lambda: again.account.account is not None, timeout=5000)
    assert again.account.account.key == account.key
    # Signing out forgets the keyring entry and the remembered account.
    again.window.sign_out_action.trigger()
    qtbot.waitUntil(
        lambda: not any("access_token" in v for v in keyring_backend.items.values()),
        timeout=5000,
    )
    assert again.settings.get(Keys.ACCOUNT) == ""
    assert again.window.account_label.text() == "Not signed in"
    again.shutdown(5.0)


def test_pasted_redirect_address_completes_the_sign_in(
    qtbot: QtBot,
    isolated_basedir: Path,
    keyring_backend: MemoryKeyring,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(account_module, "qt_open_browser", lambda url: opened.append(url) or True)
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = open_dialog(qtbot, application, server)
    dialog.browser_button.click()
    assert len(opened) == 1
    # The user approves in a browser that cannot reach the loopback listener...
    redirect = consent_redirect(opened[0], "approve")
    # ... and pastes the address the browser ended on.
    dialog.pasted.setText(redirect)
    with qtbot.waitSignal(application.account.account_changed, timeout=15000) as changed:
        dialog.use_pasted.click()
    assert changed.args[0] is not None
    application.shutdown(5.0)


@pytest.mark.expect_log("wrong state")
def test_wrong_state_in_pasted_address_is_refused(
    qtbot: QtBot,
    isolated_basedir: Path,
    keyring_backend: MemoryKeyring,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(account_module, "qt_open_browser", lambda url: True)
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = open_dialog(qtbot, application, server)
    dialog.browser_button.click()
    dialog.pasted.setText("http://127.0.0.1:1/st-desktop/callback?code=abc&state=forged")
    dialog.use_pasted.click()
    qtbot.waitUntil(lambda: "state" in dialog.status.text().lower(), timeout=10000)
    assert application.account.account is None
    assert not any("access_token" in v for v in keyring_backend.items.values())
    application.shutdown(5.0)


def test_missing_credentials_are_asked_for(
    qtbot: QtBot, isolated_basedir: Path, keyring_backend: MemoryKeyring, server: SandboxServer
) -> None:
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = open_dialog(qtbot, application, server)
    dialog.client_id.clear()
    dialog.browser_button.click()
    assert "client id" in dialog.status.text()
    application.shutdown(5.0)


def test_sandbox_mode_signs_in_by_itself(
    qtbot: QtBot, isolated_basedir: Path, keyring_backend: MemoryKeyring
) -> None:
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--sandbox")
    window = application.window
    assert "SANDBOX" in window.windowTitle()
    qtbot.waitUntil(lambda: application.account.account is not None, timeout=30000)
    assert application.account.account.sandbox
    assert "SANDBOX" in window.account_label.text()
    assert keyring_backend.items == {}  # demo tokens never reach the OS keyring
    assert application.settings.get(Keys.API_BASE) == Keys.API_BASE.default  # settings untouched
    application.shutdown(5.0)


def test_cancel_brings_back_the_sign_in_banner(
    qtbot: QtBot, isolated_basedir: Path, keyring_backend: MemoryKeyring, server: SandboxServer
) -> None:
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    notice = application.browser.notice
    application.window.show()
    assert application.window.welcome_shown  # a first start: the welcome, not empty panes
    application.window.show_welcome(False)  # as after a file was dropped
    assert notice.isVisible()
    application.window.sign_in_requested.emit()  # Account > Sign In…
    dialog = application.window.findChild(SignInDialog)
    assert dialog is not None
    notice.hide()  # what clicking the banner's button does
    dialog.reject()
    qtbot.waitUntil(notice.isVisible, timeout=5000)
    assert "not signed in" in notice.label.text().lower()
    application.shutdown(5.0)


@pytest.mark.expect_log("in memory")
def test_without_a_keyring_the_next_start_shows_the_cache_and_says_why(
    qtbot: QtBot, isolated_basedir: Path, server: SandboxServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    monkeypatch.setattr(account_module, "qt_open_browser", approve_in_sandbox)
    no_keyring = fail.Keyring()
    application = make_app(qtbot, isolated_basedir, no_keyring, "--api-base", server.api_base)  # type: ignore[arg-type]
    dialog = open_dialog(qtbot, application, server)
    with qtbot.waitSignal(application.account.account_changed, timeout=15000):
        dialog.browser_button.click()
    browser = application.browser
    qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=10000)
    shown = browser.model.rowCount()
    application.shutdown(5.0)

    again = make_app(qtbot, isolated_basedir, no_keyring)  # type: ignore[arg-type]
    again.window.show()
    qtbot.waitUntil(lambda: again.browser.model.rowCount() == shown, timeout=10000)
    assert "no usable password keyring" in again.browser.notice.label.text()
    assert again.window.account_label.text() == "Not signed in"
    assert not again.browser.refresh_action.isEnabled()
    again.shutdown(5.0)


def test_a_build_with_credentials_signs_in_without_asking_for_them(
    qtbot: QtBot,
    isolated_basedir: Path,
    keyring_backend: MemoryKeyring,
    server: SandboxServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ST_DESKTOP_CLIENT_ID", server.client_id)
    monkeypatch.setenv("ST_DESKTOP_CLIENT_SECRET", server.client_secret)
    monkeypatch.setattr(account_module, "qt_open_browser", approve_in_sandbox)
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = SignInDialog(
        application.account, application.settings, application.runner, application.window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.advanced.isChecked()  # an ordinary user sees no client id or secret
    assert not dialog.client_id.isVisible()
    with qtbot.waitSignal(application.account.account_changed, timeout=15000) as changed:
        dialog.browser_button.click()
    assert changed.args[0] is not None
    application.shutdown(5.0)


def test_a_build_without_credentials_opens_advanced_and_asks(
    qtbot: QtBot, isolated_basedir: Path, keyring_backend: MemoryKeyring, server: SandboxServer
) -> None:
    application = make_app(qtbot, isolated_basedir, keyring_backend, "--api-base", server.api_base)
    dialog = SignInDialog(
        application.account, application.settings, application.runner, application.window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.advanced.isChecked()
    assert dialog.client_id.isVisible()
    dialog.browser_button.click()
    assert "enter the client id and secret under Advanced" in dialog.status.text()
    application.shutdown(5.0)
