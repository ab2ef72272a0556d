"""``SandboxServer``: the sandbox on a background thread, for tests and for the app's demo mode.

It serves the SportTracks API (workouts, uploads, ``/gear``, ``/metrics``), the OAuth pages
and map tiles on one loopback port. Time is injectable: ``clock`` (epoch seconds) drives code,
token and consent-form expiry and gear ``changed`` stamps, so tests move a fake clock instead
of sleeping.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import TracebackType
from typing import Any

from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server

from st_desktop.sandbox.app import API, SandboxApp
from st_desktop.sandbox.demo import demo_workouts, streams_from_recipe
from st_desktop.sandbox.demo_extras import write_demo_extras
from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.oauth import OAuth
from st_desktop.sandbox.store import Store
from st_desktop.sandbox.tiles import TileService

log = logging.getLogger(__name__)

DEFAULT_CLIENT_ID = "st-desktop-sandbox"
#: Fixed so a restarted sandbox accepts the app's saved configuration; shaped like the real
#: secrets (16 upper-case alphanumerics, section 1.1). Not a secret: the sandbox is local.
DEFAULT_CLIENT_SECRET = "SANDBOX4DEMO7KEY"
DEFAULT_DEMO_SIZE = 320
#: Meta key set once the demo gear and metrics were written (or were not wanted).
_EXTRAS_KEY = "demo_extras"


class _QuietHandler(WSGIRequestHandler):
    """Sends werkzeug's per-request lines to our logger instead of stderr."""

    def log(self, type: str, message: str, *args: Any) -> None:  # noqa: ARG002 (werkzeug's signature)
        log.debug("%s %s", self.address_string(), message % args if args else message)


class SandboxServer:
    """A local SportTracks stand-in serving on a background thread.

    Args:
        data_dir: folder for the SQLite database; the account survives restarts.
        seed: None for an empty account; an int for a deterministic demo account, written only
            when the database is created.
        host: interface to bind.
        port: port to bind; 0 picks a free one.
        token_lifetime: access token lifetime in seconds.
        client_id: the registered OAuth client id.
        client_secret: its secret.
        demo_size: number of demo workouts (default about 320 over two years).
        demo_end: last day of the demo history (default a fixed date, so the demo is the same
            on every machine and day; the app may pass ``date.today()``).
        clock: epoch seconds now; a test passes a fake one to expire codes and tokens.

    Attributes:
        faults: the fault switches (see :class:`~st_desktop.sandbox.faults.Faults`).
        request_log: ``(method, path)`` of every request handled, oldest first (bounded).
        clock: the injected clock.
        tiles: the map tile service (``tiles.requests`` counts tile requests).

    Example:
        >>> with SandboxServer(tmp_path, seed=1, demo_size=20) as server:
        ...     requests.get(server.api_base + "/fitnessActivities", headers=...)
    """

    def __init__(
        self,
        data_dir: Path,
        seed: int | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        token_lifetime: float = 7200.0,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        demo_size: int | None = None,
        demo_end: date | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.seed = seed
        self.host = host
        self.port = port
        self.token_lifetime = token_lifetime
        self.client_id = client_id
        self.client_secret = client_secret
        self.demo_size = DEFAULT_DEMO_SIZE if demo_size is None else demo_size
        self.demo_end = demo_end
        self.clock = clock
        self.faults = Faults()
        self.tiles = TileService(self.faults)
        self.request_log: list[tuple[str, str]] = []
        self._store: Store | None = None
        self._oauth: OAuth | None = None
        self._httpd: BaseWSGIServer | None = None
        self._thread: threading.Thread | None = None
        self._app: SandboxApp | None = None

    # ------------------------------------------------------------------ lifecycle

    def _open(self) -> tuple[Store, OAuth]:
        if self._store is None or self._oauth is None:
            store = Store(self.data_dir, resolver=streams_from_recipe)
            if store.get_meta("user_id") is None:
                rng = random.Random(self.seed if self.seed is not None else 0)
                store.set_meta("user_id", str(rng.randint(10_000, 99_999)))
                if self.seed is not None and store.is_new:
                    # Summaries, laps and timer stops now; each workout's streams are built
                    # from its recipe when a client first reads its detail.
                    store.insert_recipes(demo_workouts(self.seed, self.demo_size, self.demo_end))
                    log.info("sandbox: wrote %d demo workouts", self.demo_size)
            if store.get_meta(_EXTRAS_KEY) is None:
                # Once per account: a new demo account, or a demo account written before gear
                # and metrics existed (its workouts get linked); an empty account stays empty.
                if self.seed is not None and (store.is_new or store.count()):
                    write_demo_extras(store, self.seed, self.demo_end)
                store.set_meta(_EXTRAS_KEY, "1")
            self._store = store
            self._oauth = OAuth(
                store,
                self.faults,
                client_id=self.client_id,
                client_secret=self.client_secret,
                token_lifetime=self.token_lifetime,
                clock=self.clock,
            )
        return self._store, self._oauth

    def start(self) -> SandboxServer:
        """Open the database (writing the demo on first use) and start serving."""
        if self._httpd is not None:
            return self
        store, oauth = self._open()
        app = SandboxApp(
            store,
            oauth,
            self.faults,
            user_id=self.user_id,
            request_log=self.request_log,
            tiles=self.tiles,
            clock=self.clock,
            bound_host=self.host,
        )
        httpd = make_server(self.host, self.port, app, threaded=True, request_handler=_QuietHandler)
        self._httpd = httpd
        self._app = app
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"sandbox-{httpd.server_port}",
            daemon=True,
        )
        self._thread.start()
        log.info("sandbox serving at %s", self.base_url)
        return self

    def stop(self) -> None:
        """Stop serving and close the database; ``start()`` may be called again."""
        httpd, self._httpd = self._httpd, None
        if httpd is not None:
            httpd.shutdown()
            httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        app, self._app = self._app, None
        if app is not None and not app.drain(5.0):
            log.warning("sandbox: requests still running after 5 s; closing the database anyway")
        if self._store is not None:
            self._store.close()
        self._store = None
        self._oauth = None

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # ------------------------------------------------------------------ addresses

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (the server root); only while serving."""
        if self._httpd is None:
            raise RuntimeError("the sandbox is not running; call start() first")
        host = self.host if self.host not in ("0.0.0.0", "::", "") else "127.0.0.1"
        if ":" in host:
            host = f"[{host.strip('[]')}]"  # an IPv6 literal in a URL
        return f"http://{host}:{self._httpd.server_port}"

    @property
    def api_base(self) -> str:
        """``base_url + "/api/v2"``."""
        return self.base_url + API

    @property
    def authorize_url(self) -> str:
        """The OAuth authorize page."""
        return self.base_url + "/oauth2/authorize"

    @property
    def token_url(self) -> str:
        """The OAuth token endpoint."""
        return self.base_url + "/oauth2/token"

    @property
    def tile_url_template(self) -> str:
        """``.../tiles/{z}/{x}/{y}.png`` (``{y}@2x.png`` for 512 px tiles)."""
        return self.base_url + "/tiles/{z}/{x}/{y}.png"

    # ------------------------------------------------------------------ test conveniences

    @property
    def user_id(self) -> int:
        """The account's user id (``user.uid`` of ``system/connect``)."""
        store, _ = self._open()
        return int(store.get_meta("user_id") or 0)

    def issue_token(self) -> dict[str, Any]:
        """A fresh token response (as the token endpoint sends it), without the browser."""
        _, oauth = self._open()
        return oauth.issue_token()

    def expire_access_tokens(self) -> int:
        """Make every access token issued so far expire now; refreshing still works."""
        _, oauth = self._open()
        return oauth.expire_access_tokens()

    def workout_count(self) -> int:
        """Number of workouts stored."""
        store, _ = self._open()
        return store.count()
