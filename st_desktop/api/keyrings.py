"""Which keyring secrets go to, honestly; an in-memory stand-in; the OAuth client secret.

``keyring`` registers **every** ``KeyringBackend`` subclass ever imported (test doubles, an
in-memory class in the UI) and ``keyring.get_keyring()`` may then return one of them instead of
its "fail" backend, so an app without any system keyring would believe it has one. So
:func:`keyring_status` trusts only backends that keyring's own plugin mechanism declares (the
``keyring.backends`` entry points: SecretService, KWallet, libsecret, macOS, Windows, and
installed plugins such as ``keyrings.alt``), looks through the chainer, and refuses the
``fail`` and ``null`` backends and any of priority <= 0. When the active backend is not one it
trusts, it picks the best trusted one itself, or reports that there is none.

Production code defines no ``KeyringBackend`` subclass: :class:`MemorySecrets` is a plain class
with the same three methods, for the sandbox's throw-away tokens and the no-keyring case.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Protocol

import keyring
import keyring.backend
import keyring.errors
from keyring.backends import chainer, fail, null

log = logging.getLogger(__name__)

#: Keyring service name of the OAuth client secret (the user name is the service root).
CLIENT_SECRET_SERVICE = "st-desktop client secret"


class SecretBackend(Protocol):
    """The three keyring methods the token store uses."""

    def get_password(self, service: str, username: str) -> str | None:
        """The stored value, or None."""
        ...

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a value."""
        ...

    def delete_password(self, service: str, username: str) -> None:
        """Forget a value (``keyring.errors.PasswordDeleteError`` when there is none)."""
        ...


class MemorySecrets:
    """Secrets kept in this process only (gone when the app quits). Thread-safe.

    Deliberately not a ``KeyringBackend``: such a subclass would register itself with keyring and
    could be picked as "the system keyring".
    """

    def __init__(self) -> None:
        self._values: dict[tuple[str, str], str] = {}
        self._lock = threading.Lock()

    def get_password(self, service: str, username: str) -> str | None:
        """The stored value, or None."""
        with self._lock:
            return self._values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a value."""
        with self._lock:
            self._values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a value.

        Raises:
            keyring.errors.PasswordDeleteError: nothing was stored (as keyring backends do).
        """
        with self._lock:
            if self._values.pop((service, username), None) is None:
                raise keyring.errors.PasswordDeleteError("not stored")


@dataclass(frozen=True)
class KeyringStatus:
    """Where secrets would be kept.

    Attributes:
        persistent: True when a system keyring keeps them across restarts.
        reason: one sentence fragment saying why (for the log and the notice).
        backend: the trusted keyring to use, or None when there is none.
    """

    persistent: bool
    reason: str
    backend: SecretBackend | None = None


def keyring_status(backend: Any = None) -> KeyringStatus:
    """Judge ``backend`` (default: the active keyring) as the place for secrets.

    Never raises: a keyring that fails while being inspected counts as none.
    """
    try:
        active = backend if backend is not None else keyring.get_keyring()
    except Exception as exc:  # keyring's discovery itself can fail (a broken D-Bus)
        return KeyringStatus(False, f"the keyring could not be started ({type(exc).__name__})")
    if isinstance(active, fail.Keyring):
        return KeyringStatus(False, "no system keyring is available")
    if isinstance(active, null.Keyring):
        return KeyringStatus(False, "the keyring is switched off (its null backend is set)")
    if isinstance(active, chainer.ChainerBackend):
        found = _best_trusted(_safe(lambda: list(active.backends), []))
        if found is None:
            return KeyringStatus(False, "none of the keyrings found can keep passwords")
        return KeyringStatus(True, f"passwords go to {_name(found)}", found)
    if _trusted(active):
        return KeyringStatus(True, f"passwords go to {_name(active)}", active)
    found = _best_trusted(_safe(lambda: list(keyring.backend.get_all_keyring()), []))
    if found is not None:
        log.info("Ignoring keyring backend %s: not a system keyring", _name(active))
        return KeyringStatus(True, f"passwords go to {_name(found)}", found)
    return KeyringStatus(False, f"the active keyring backend ({_name(active)}) is not a system one")


def is_trusted_backend(backend: Any) -> bool:
    """True for a usable backend declared by keyring's plugin mechanism (see the module doc)."""
    if isinstance(backend, chainer.ChainerBackend):
        return _best_trusted(_safe(lambda: list(backend.backends), [])) is not None
    return _trusted(backend)


def _trusted(backend: Any) -> bool:
    if isinstance(backend, fail.Keyring | null.Keyring | chainer.ChainerBackend):
        return False
    if _safe(lambda: float(backend.priority), 0.0) <= 0:
        return False
    module = type(backend).__module__
    return any(module == root or module.startswith(root + ".") for root in _plugin_modules())


def _best_trusted(candidates: list[Any]) -> Any:
    trusted = [b for b in candidates if _trusted(b)]
    return max(trusted, key=lambda b: _safe(lambda: float(b.priority), 0.0), default=None)


def _plugin_modules() -> set[str]:
    try:
        return {point.module for point in entry_points(group="keyring.backends")}
    except Exception:  # damaged package metadata: trust nothing rather than everything
        log.warning("Could not read the installed keyring backends", exc_info=True)
        return set()


def _name(backend: Any) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def _safe(compute: Any, default: Any) -> Any:
    try:
        return compute()
    except Exception:  # a backend whose inspection fails is not usable
        return default


# ----------------------------------------------------------------------------- client secret


def _secret_store(backend: SecretBackend | None) -> SecretBackend | None:
    if backend is not None:
        # An explicit backend (tests, the app's choice) is used unless it is keyring's "fail"
        # or "null" kind, which only raise or forget.
        usable = _safe(lambda: float(getattr(backend, "priority", 1)) > 0, False)
        return backend if usable else None
    status = keyring_status()
    return status.backend if status.persistent else None


def store_client_secret(
    service_root: str, secret: str, backend: SecretBackend | None = None
) -> bool:
    """Keep the application's OAuth client secret for ``service_root`` in the keyring.

    Args:
        service_root: e.g. ``https://api.sporttracks.mobi`` (one secret per service).
        secret: the client secret.
        backend: where to keep it (default: the trusted system keyring, see
            :func:`keyring_status`).

    Returns:
        False when there is no keyring or it refused: the caller must keep the secret itself.
    """
    store = _secret_store(backend)
    if store is None:
        return False
    try:
        store.set_password(CLIENT_SECRET_SERVICE, service_root, secret)
    except keyring.errors.KeyringError as exc:
        log.warning("Could not store the client secret in the keyring: %s", type(exc).__name__)
        return False
    return True


def load_client_secret(service_root: str, backend: SecretBackend | None = None) -> str | None:
    """The client secret stored for ``service_root``; None without a keyring or entry."""
    store = _secret_store(backend)
    if store is None:
        return None
    try:
        return store.get_password(CLIENT_SECRET_SERVICE, service_root) or None
    except keyring.errors.KeyringError as exc:
        log.warning("Could not read the client secret from the keyring: %s", type(exc).__name__)
        return None


def delete_client_secret(service_root: str, backend: SecretBackend | None = None) -> None:
    """Forget the client secret stored for ``service_root`` (nothing stored is fine)."""
    store = _secret_store(backend)
    if store is None:
        return
    try:
        store.delete_password(CLIENT_SECRET_SERVICE, service_root)
    except keyring.errors.PasswordDeleteError:
        pass
    except keyring.errors.KeyringError as exc:
        log.warning("Could not remove the client secret from the keyring: %s", type(exc).__name__)
