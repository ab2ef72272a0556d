"""Logging for st-desktop: a rotating file in the user log dir and warnings on stderr, redacted.

Plain Python (no Qt), called once at start by the composition root::

    redactor = setup_logging(paths.log_file)

Every handler set up here formats through a
:class:`~st_desktop.api.redact.RedactingFormatter`, so message, traceback and stack are redacted
when a record is written, whatever an exception's text carries. The returned
:class:`~st_desktop.api.redact.Redactor` is the one to give to the token store (``on_secret``)
so the literal tokens it handles are hidden too; :func:`redact_text` applies it to any other
text shown to the user (the crash dialog's details).
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

from st_desktop.api.redact import RedactingFormatter, Redactor, redact
from st_desktop.paths import AppPaths

FILE_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
CONSOLE_FORMAT = "%(levelname)s %(name)s: %(message)s"
MAX_BYTES = 2_000_000
BACKUP_COUNT = 5

_MARK = "_st_desktop_handler"  # set on the handlers made here, so they can be found again


def setup_logging(
    log_file: Path | AppPaths,
    level: int = logging.INFO,
    *,
    stderr: TextIO | None = None,
) -> Redactor:
    """Log to a rotating file and warnings to stderr, both redacted; returns the Redactor.

    Calling it again returns the Redactor already installed and adds no handler. A stream
    handler on stderr that is already on the root logger (``logging.basicConfig``) is not
    duplicated: it gets the redacting formatter instead.

    Args:
        log_file: the log file, or the app's paths (their ``log_file``).
        level: the root logger's level.
        stderr: where warnings go (default: ``sys.stderr`` as it is now).
    """
    existing = installed_redactor()
    if existing is not None:
        return existing
    path = log_file.log_file if isinstance(log_file, AppPaths) else Path(log_file)
    stream = stderr if stderr is not None else sys.stderr
    redactor = Redactor()
    root = logging.getLogger()
    root.setLevel(level)

    try:
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:  # a full or read-only disk: the app still starts, logging to stderr
        stream.write(f"st-desktop cannot write its log {path}: {exc.strerror or exc}\n")
    else:
        _own(file_handler, logging.Formatter(FILE_FORMAT), redactor)
        root.addHandler(file_handler)

    console = next(
        (
            h
            for h in root.handlers
            if isinstance(h, logging.StreamHandler)
            and not isinstance(h, logging.FileHandler)
            and h.stream is stream
        ),
        None,
    )
    if console is None:
        console = logging.StreamHandler(stream)
        console.setLevel(logging.WARNING)
        _own(console, logging.Formatter(CONSOLE_FORMAT), redactor)
        root.addHandler(console)
    else:
        install_redacting_formatter(console, redactor)
    return redactor


def install_redacting_formatter(handler: logging.Handler, redactor: Redactor) -> None:
    """Make ``handler`` format through ``redactor`` (keeping its layout); idempotent."""
    current = handler.formatter
    if isinstance(current, RedactingFormatter):
        current.redactor = redactor
        return
    handler.setFormatter(RedactingFormatter(current or logging.Formatter(), redactor))
    _attach_filter(handler, redactor)


def installed_redactor() -> Redactor | None:
    """The Redactor of the handlers :func:`setup_logging` installed, if it ran."""
    for handler in logging.getLogger().handlers:
        formatter = handler.formatter
        if getattr(handler, _MARK, False) and isinstance(formatter, RedactingFormatter):
            return formatter.redactor
    return None


def redact_text(text: str) -> str:
    """``text`` with every credential hidden (the registered tokens too, once logging is set up).

    For text shown outside the log, such as the Details of the crash dialog.
    """
    redactor = installed_redactor()
    return redactor.redact(text) if redactor is not None else redact(text)


def teardown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` added (at exit, and in tests)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _MARK, False):
            root.removeHandler(handler)
            handler.close()


def _own(handler: logging.Handler, layout: logging.Formatter, redactor: Redactor) -> None:
    handler.setFormatter(RedactingFormatter(layout, redactor))
    setattr(handler, _MARK, True)
    _attach_filter(handler, redactor)


def _attach_filter(handler: logging.Handler, redactor: Redactor) -> None:
    # Also as a filter: code that looks for the app's Redactor among the handlers' filters
    # (``app.install_redactor``) then finds this same one and registers tokens with it.
    if redactor not in handler.filters:
        handler.addFilter(redactor)
