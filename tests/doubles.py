"""Test doubles for what cannot run here: the OS keyring."""

from __future__ import annotations

from keyring.backend import KeyringBackend


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in that keeps entries in a dict (inspectable by the tests)."""

    priority = 1.0  # type: ignore[assignment]  # keyring declares it as a classproperty

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        """The stored value or None."""
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        """Store a value."""
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        """Forget a value."""
        self.items.pop((service, username), None)
