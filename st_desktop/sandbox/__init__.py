"""A local server that behaves like SportTracks (contract: ``../shared/sporttracks-api.md``).

It reproduces the observed wire format (numbers as strings in the list, key order, streams),
the OAuth2 code flow (with PKCE when a client asks for it), ``/gear`` and ``/metrics`` as Forest
Park Explorer used them, and every uncertain or hostile behaviour as a fault switch, so the API
client can be tested over real HTTP and users can try the app before they sign in. It also
serves generated map tiles (``/tiles/{z}/{x}/{y}.png``) for the app's maps, offline.

It only answers requests addressed to this computer (no DNS rebinding), its consent form
refuses cross-site approvals, and its clock is injectable so tests never sleep.

Modules: ``server`` (lifecycle), ``app`` (routing, workouts, uploads), ``oauth`` and ``guard``
(sign-in and request checks), ``gear``, ``metrics``, ``tiles`` / ``tile_render``, ``store``
(SQLite), ``demo*`` (the seeded demo account), ``faults``, ``wire`` / ``ingest`` / ``params`` /
``upload`` (what goes over the wire), ``autoapprove`` (the consent click of ``--sandbox``).

Example:
    >>> clock = FakeClock()  # any callable returning epoch seconds
    >>> with SandboxServer(data_dir, seed=7, clock=clock) as server:
    ...     token = server.issue_token()["access_token"]
    ...     server.faults.rate_limit = 1
    ...     server.faults.tiles_off = "404"
"""

from __future__ import annotations

from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.server import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, SandboxServer

__all__ = ["DEFAULT_CLIENT_ID", "DEFAULT_CLIENT_SECRET", "Faults", "SandboxServer"]
