"""A local server that behaves like SportTracks (contract: ``../shared/sporttracks-api.md``).

It reproduces the observed wire format (numbers as strings in the list, key order, streams),
the OAuth2 code flow, and every uncertain or hostile behaviour as a fault switch, so the API
client can be tested over real HTTP and users can try the app before they sign in.

Example:
    >>> with SandboxServer(data_dir, seed=7) as server:
    ...     token = server.issue_token()["access_token"]
    ...     server.faults.rate_limit = 1
"""

from __future__ import annotations

from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.server import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SandboxServer

__all__ = ["DEFAULT_CLIENT_ID", "DEFAULT_CLIENT_SECRET", "Faults", "SandboxServer"]
