"""OAuth tokens and where they live: the OS keyring, or memory when there is none.

Tokens are never written to settings or logs. When there is no system keyring (judged honestly
by :func:`~st_desktop.api.keyrings.keyring_status`: no backend on a headless Linux box, only an
in-memory or test backend) or it fails (locked, broken), tokens are kept in memory until the app
quits and the store says so once, at sign-in, in a sentence the UI shows the user
(:attr:`TokenStore.notice`).
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import keyring.errors
from keyring.backend import KeyringBackend

from st_desktop.api.keyrings import MemorySecrets, SecretBackend, is_trusted_backend, keyring_status
from st_desktop.domain.units import lenient_float

log = logging.getLogger(__name__)

SERVICE_NAME = "st-desktop"

MEMORY_ONLY_NOTICE = (
    "Your system has no usable password keyring, so st-desktop keeps your SportTracks sign-in "
    "only until you quit it: you will need to sign in again next time you start it."
)


@dataclass(frozen=True, repr=False)
class Tokens:
    """An access token, its refresh token and when the access token expires.

    Attributes:
        access_token: the bearer token.
        refresh_token: the long-lived token used to get new access tokens; None when the user
            pasted an access token.
        expires_at: time.time() after which the access token is dead; None when unknown.
    """

    access_token: str
    refresh_token: str | None = None
    expires_at: float | None = None

    def __repr__(self) -> str:  # never show the token text, not even in a debugger dump
        return (
            f"Tokens(expires_at={self.expires_at!r}, refreshable={self.refresh_token is not None})"
        )

    def expires_within(self, seconds: float, now: float | None = None) -> bool:
        """True when the access token is known to expire within ``seconds`` from now."""
        if self.expires_at is None:
            return False
        return self.expires_at - seconds <= (time.time() if now is None else now)

    @classmethod
    def from_token_response(
        cls, payload: Mapping[str, Any], *, previous: Tokens | None = None, now: float | None = None
    ) -> Tokens:
        """Build tokens from the token endpoint's JSON.

        A response without a (non-empty) ``refresh_token`` keeps the previous one: the service does
        not always send a new one, and an old one stays valid (contract 1.3).

        Raises:
            ValueError: no ``access_token`` in the payload.
        """
        access = payload.get("access_token")
        if not isinstance(access, str) or not access:
            raise ValueError("the token response has no access_token")
        refresh = payload.get("refresh_token")
        if not isinstance(refresh, str) or not refresh:
            refresh = previous.refresh_token if previous else None
        lifetime = lenient_float(payload.get("expires_in"))
        start = time.time() if now is None else now
        expires_at = start + lifetime if lifetime and lifetime > 0 else None
        return cls(access, refresh, expires_at)

    def to_json(self) -> str:
        """The keyring representation."""
        return json.dumps(
            {
                "access_token": self.access_token,
                "refresh_token": self.refresh_token,
                "expires_at": self.expires_at,
            }
        )

    @classmethod
    def from_json(cls, text: str) -> Tokens | None:
        """Read :meth:`to_json` output; None when it is damaged."""
        try:
            data = json.loads(text)
            return cls.from_token_response(
                {"access_token": data["access_token"], "refresh_token": data.get("refresh_token")}
            ).with_expiry(lenient_float(data.get("expires_at")))
        except (ValueError, TypeError, KeyError):
            return None

    def with_expiry(self, expires_at: float | None) -> Tokens:
        """A copy with another expiry time."""
        return Tokens(self.access_token, self.refresh_token, expires_at)


class TokenStore:
    """Tokens of one account, kept in the OS keyring (or in memory when there is none).

    Thread-safe. ``account`` names the keyring entry; use the service's base URL so that the
    sandbox and the real service never share tokens.

    Args:
        account: keyring user name, e.g. ``"https://api.sporttracks.mobi"``.
        backend: where to keep tokens. None: the system keyring as
            :func:`~st_desktop.api.keyrings.keyring_status` finds it (memory when there is
            none). A :class:`~st_desktop.api.keyrings.MemorySecrets`: memory on purpose (the
            sandbox's throw-away tokens), without a notice. Any other backend is used as given
            (tests' doubles), except keyring's ``fail``/``null`` backends.
        service: keyring service name.
        on_notice: called once (from the calling thread) with :data:`MEMORY_ONLY_NOTICE` when
            tokens are first saved (the sign-in) but can only be kept until the app quits.
        on_secret: called with every token the store handles, e.g. ``Redactor.add_secret``.
    """

    def __init__(
        self,
        account: str,
        *,
        backend: SecretBackend | None = None,
        service: str = SERVICE_NAME,
        on_notice: Callable[[str], object] | None = None,
        on_secret: Callable[[str], object] | None = None,
    ) -> None:
        self.account = account
        self.service = service
        self._on_notice = on_notice
        self._on_secret = on_secret
        self._memory: Tokens | None = None
        self._notice: str | None = None
        self._notified = False
        self._lock = threading.Lock()
        self._backend: SecretBackend = MemorySecrets()
        self._memory_only = True
        if isinstance(backend, MemorySecrets):
            return  # memory on purpose: nothing to tell the user
        if backend is None:
            status = keyring_status()
            usable, reason = status.persistent, status.reason
            if status.backend is not None:
                self._backend = status.backend
        else:
            usable = _explicit_usable(backend)
            reason = f"the keyring backend {type(backend).__name__} is not usable"
            self._backend = backend
        if usable:
            self._memory_only = False
        else:
            self._fall_back(reason, announce=False)

    @property
    def persistent(self) -> bool:
        """True while tokens go to the OS keyring (False after falling back to memory)."""
        return not self._memory_only

    @property
    def notice(self) -> str | None:
        """The user-facing sentence explaining why tokens are not kept, once it applies."""
        return self._notice

    def load(self) -> Tokens | None:
        """The stored tokens, or None when nobody is signed in (or the entry is unreadable)."""
        with self._lock:
            if self._memory_only:
                return self._memory
            try:
                text = self._backend.get_password(self.service, self.account)
            except keyring.errors.KeyringError as exc:
                self._fall_back(f"keyring read failed: {type(exc).__name__}")
                return self._memory
            tokens = Tokens.from_json(text) if text else None
            if text and tokens is None:
                log.warning("The stored SportTracks sign-in is damaged; a new sign-in is needed")
            self._register(tokens)
            return tokens

    def save(self, tokens: Tokens) -> None:
        """Store ``tokens`` (replacing any earlier ones)."""
        with self._lock:
            self._register(tokens)
            self._memory = tokens
            if not self._memory_only:
                try:
                    self._backend.set_password(self.service, self.account, tokens.to_json())
                except keyring.errors.KeyringError as exc:
                    self._fall_back(f"keyring write failed: {type(exc).__name__}")
            self._announce()

    def clear(self) -> None:
        """Forget the tokens (signing out)."""
        with self._lock:
            self._memory = None
            if self._memory_only:
                return
            try:
                self._backend.delete_password(self.service, self.account)
            except keyring.errors.PasswordDeleteError:
                pass  # nothing stored: already signed out
            except keyring.errors.KeyringError as exc:
                log.warning("Could not remove the SportTracks sign-in from the keyring: %s", exc)

    def _register(self, tokens: Tokens | None) -> None:
        if tokens and self._on_secret:
            self._on_secret(tokens.access_token)
            if tokens.refresh_token:
                self._on_secret(tokens.refresh_token)

    def _fall_back(self, reason: str, *, announce: bool = True) -> None:
        self._memory_only = True
        log.warning("Keeping SportTracks tokens in memory until quit (%s)", reason)
        self._notice = MEMORY_ONLY_NOTICE
        if announce:
            self._announce()

    def _announce(self) -> None:
        if self._notice is not None and not self._notified:
            self._notified = True
            if self._on_notice:
                self._on_notice(self._notice)


def _explicit_usable(backend: SecretBackend) -> bool:
    """False for keyring's "fail" and "null" backends (and any other of priority <= 0)."""
    if not isinstance(backend, KeyringBackend) or is_trusted_backend(backend):
        return True
    try:
        return float(backend.priority) > 0
    except Exception:  # a backend whose priority check itself fails is not usable
        return False
