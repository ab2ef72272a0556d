"""``--sandbox`` starts: nothing of the server on the GUI thread, and on the next start the cached
workouts of the sandbox account show at once, before the server is loaded or signed in to."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from st_desktop.app import Application, create_application
from st_desktop.app_sandbox import LAST_ACCOUNT_FILE, last_account_key
from tests.doubles import MemoryKeyring

WAIT_MS = 60_000


def start(qtbot: QtBot, basedir: Path) -> Application:
    application = create_application(
        ["--basedir", str(basedir), "--sandbox"], keyring_backend=MemoryKeyring()
    )
    qtbot.addWidget(application.window)
    return application


def test_the_next_start_shows_the_cached_workouts_before_the_sign_in(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    first = start(qtbot, isolated_basedir)
    assert first.browser.account is None  # nothing cached yet: the sign-in brings the account
    qtbot.waitUntil(lambda: first.account.account is not None, timeout=WAIT_MS)
    assert first.account.account is not None
    key = first.account.account.key
    qtbot.waitUntil(lambda: first.browser.model.rowCount() > 0, timeout=WAIT_MS)
    assert last_account_key(first.paths.data) == key
    first.shutdown(5.0)

    second = start(qtbot, isolated_basedir)
    # At once, before the server is loaded and before any sign-in: the cached workouts.
    assert second.account.account is None
    assert second.browser.account == key
    qtbot.waitUntil(lambda: second.browser.model.rowCount() > 0, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: second.account.account is not None, timeout=WAIT_MS)
    assert second.account.account is not None
    assert second.account.account.key == key  # the same account, signed in now
    second.shutdown(5.0)


def test_a_remembered_account_that_is_gone_is_replaced_by_the_real_one(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    data = isolated_basedir / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / LAST_ACCOUNT_FILE).write_text("sandbox|1\n", encoding="utf-8")
    application = start(qtbot, isolated_basedir)
    assert application.browser.account == "sandbox|1"  # shown until the server says otherwise
    qtbot.waitUntil(lambda: application.account.account is not None, timeout=WAIT_MS)
    assert application.account.account is not None
    real = application.account.account.key
    assert real != "sandbox|1"
    qtbot.waitUntil(lambda: application.browser.account == real, timeout=WAIT_MS)
    assert last_account_key(data) == real
    application.shutdown(5.0)
