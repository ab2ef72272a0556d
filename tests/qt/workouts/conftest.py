"""Fixtures: a sandbox account over loopback and a fresh cache (shared with the other panes)."""

from tests.qt.sandbox_account import DEMO_SIZE, account, cache, client, server, settings

__all__ = ["DEMO_SIZE", "account", "cache", "client", "server", "settings"]
