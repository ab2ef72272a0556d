"""Keeping credentials out of logs and error messages.

Nothing in the api layer logs a token on purpose; this is the safety net for everything else
(urllib3 debug lines, server error bodies quoted in exceptions, a stray ``repr``). It rewrites
bearer headers, token/code/secret fields in JSON, form and query syntax, and any literal value
registered with a :class:`Redactor`.

Redaction happens when a record is **formatted** (:class:`RedactingFormatter`): the finished
text, message, traceback and stack included, is cleaned, so an exception whose message carries
a token cannot reach a log file or the console in clear. ``st_desktop.logsetup`` installs it on
every handler it creates.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Mapping

MASK = "[redacted]"

#: Field names whose values are credentials, in any syntax (query, form, JSON, header).
SECRET_FIELDS = ("access_token", "refresh_token", "client_secret", "code", "id_token", "password")

_PATTERNS = (
    re.compile(r"(?i)(\bbearer\s+)[^\s\"',;]+"),
    re.compile(r"(?i)(\bauthorization\b\s*[:=]\s*)(?!bearer)[^\s\"',;]+"),
    re.compile(rf"(?i)([\"'](?:{'|'.join(SECRET_FIELDS)})[\"']\s*:\s*[\"'])[^\"']*"),
    re.compile(rf"(?i)(\b(?:{'|'.join(SECRET_FIELDS)})=)[^&\s\"',;]+"),
)


def redact(text: str, secrets: frozenset[str] | set[str] = frozenset()) -> str:
    """Return ``text`` with every credential replaced by ``[redacted]``.

    Args:
        text: any text about to be logged or shown.
        secrets: literal values to hide wherever they appear (tokens we hold).
    """
    for secret in secrets:
        if len(secret) >= 6:  # very short strings would mangle ordinary text
            text = text.replace(secret, MASK)
    for pattern in _PATTERNS:
        text = pattern.sub(lambda m: m.group(1) + MASK, text)
    return text


def redact_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of request headers fit for a log line (``Authorization`` and cookies masked)."""
    hidden = {"authorization", "cookie", "set-cookie", "proxy-authorization"}
    return {k: (MASK if k.lower() in hidden else v) for k, v in headers.items()}


class Redactor(logging.Filter):
    """A logging filter that redacts every record passing through it.

    Install it on the application's handlers (``handler.addFilter(redactor)``); the token store
    and OAuth session register the tokens they hold with :meth:`add_secret` so that even a token
    printed in an unexpected format is hidden.
    """

    def __init__(self) -> None:
        super().__init__()
        self._secrets: set[str] = set()
        self._lock = threading.Lock()

    def add_secret(self, value: str | None) -> None:
        """Hide ``value`` wherever it appears from now on."""
        if value:
            with self._lock:
                self._secrets.add(value)

    def secrets(self) -> frozenset[str]:
        """The literal values currently hidden."""
        with self._lock:
            return frozenset(self._secrets)

    def redact(self, text: str) -> str:
        """:func:`redact` with this filter's registered secrets."""
        return redact(text, self.secrets())

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message in place; never drops a record."""
        try:
            message = record.getMessage()
        except Exception:  # a malformed record is logging's problem, not ours
            return True
        cleaned = self.redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        return True


class RedactingFormatter(logging.Formatter):
    """Formats a record with ``inner`` and returns the whole text redacted.

    The traceback text a formatter caches on the record (``exc_text``) is stored redacted too,
    so a handler formatting the same record later does not find the token in that cache.

    Args:
        inner: the formatter that lays the record out (default: ``logging.Formatter()``).
        redactor: the secrets to hide (default: a new :class:`Redactor`, patterns only).
    """

    def __init__(
        self, inner: logging.Formatter | None = None, redactor: Redactor | None = None
    ) -> None:
        super().__init__()
        self.inner = inner or logging.Formatter()
        self.redactor = redactor or Redactor()

    def format(self, record: logging.LogRecord) -> str:
        """The record as ``inner`` formats it, with every credential replaced."""
        if record.exc_info and not record.exc_text:
            record.exc_text = self.redactor.redact(self.inner.formatException(record.exc_info))
        return self.redactor.redact(self.inner.format(record))
