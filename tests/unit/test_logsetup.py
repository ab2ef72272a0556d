"""The real logging setup never writes a live token, in a message, a traceback or a stack."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from st_desktop.api.redact import MASK
from st_desktop.logsetup import (
    installed_redactor,
    redact_text,
    setup_logging,
    teardown_logging,
)
from st_desktop.paths import resolve_paths


@pytest.fixture
def clean_root() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    try:
        yield
    finally:
        teardown_logging()
        root.setLevel(level)


class UploadFailed(Exception):
    """An error whose text carries what a careless layer put in it."""


def _fail_with(token: str) -> None:
    try:
        raise ConnectionError(f"server closed the connection for access_token {token}")
    except ConnectionError as cause:
        raise UploadFailed(f"upload failed: Authorization: Bearer {token}") from cause


@pytest.mark.expect_log("failed", "refresh answered", "with stack")
def test_a_token_in_an_exception_never_reaches_the_log_file_or_stderr(
    tmp_path: Path, clean_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    log_file = tmp_path / "st-desktop.log"
    redactor = setup_logging(log_file)
    token = "live-" + secrets.token_urlsafe(24)
    unregistered = "zz" + secrets.token_hex(12)  # never registered: only patterns can catch it
    redactor.add_secret(token)  # what the token store does with every token (on_secret)
    log = logging.getLogger("st_desktop.api.client")

    try:
        _fail_with(token)
    except UploadFailed:
        log.exception("Uploading %s failed", "ride.fit")
    log.error("refresh answered %s", f'{{"access_token": "{unregistered}"}}')
    record = log.makeRecord(log.name, logging.ERROR, __file__, 1, "with stack", (), None)
    record.stack_info = f'Stack (most recent call last):\n  File "x.py", line 1\n    use("{token}")'
    log.handle(record)
    for handler in logging.getLogger().handlers:
        handler.flush()

    written = log_file.read_text(encoding="utf-8")
    shown = capsys.readouterr().err
    for text in (written, shown):
        assert token not in text
        assert unregistered not in text
        assert MASK in text
        assert "Uploading ride.fit failed" in text
        assert "Traceback (most recent call last)" in text  # the traceback is there, cleaned
        assert "UploadFailed: upload failed: Authorization: Bearer [redacted]" in text
        assert "ConnectionError: server closed the connection" in text
        assert "with stack" in text


def test_info_goes_to_the_file_only_and_setup_is_idempotent(
    tmp_path: Path, clean_root: None, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = resolve_paths(tmp_path).ensure()
    first = setup_logging(paths)
    handlers = list(logging.getLogger().handlers)

    assert setup_logging(paths) is first
    assert logging.getLogger().handlers == handlers
    assert installed_redactor() is first
    logging.getLogger("st_desktop.test").info("an ordinary line")
    for handler in handlers:
        handler.flush()
    assert "an ordinary line" in paths.log_file.read_text(encoding="utf-8")
    assert "an ordinary line" not in capsys.readouterr().err


def test_redact_text_hides_registered_tokens_for_the_crash_dialog(
    tmp_path: Path, clean_root: None
) -> None:
    token = "crash-" + secrets.token_urlsafe(16)
    assert redact_text("code=abc123DEF456&x=1") == f"code={MASK}&x=1"  # patterns, before setup
    assert token in redact_text(f"held {token}")  # unknown literal before setup

    setup_logging(tmp_path / "st-desktop.log").add_secret(token)

    assert redact_text(f"Traceback ...\nValueError: bad {token}") == (
        f"Traceback ...\nValueError: bad {MASK}"
    )
