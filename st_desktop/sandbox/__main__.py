"""``python -m st_desktop.sandbox --port N --data DIR``: run the sandbox until Ctrl+C."""

from __future__ import annotations

import argparse
import logging
import threading
from datetime import date
from pathlib import Path

from st_desktop.sandbox.server import DEFAULT_DEMO_SIZE, SandboxServer


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, start the server, print how to use it and serve until interrupted."""
    parser = argparse.ArgumentParser(
        prog="python -m st_desktop.sandbox", description="A local SportTracks stand-in."
    )
    parser.add_argument("--data", type=Path, required=True, help="folder for the database")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--host", default="127.0.0.1", help="interface (default 127.0.0.1)")
    parser.add_argument("--seed", type=int, default=1, help="demo account seed (default 1)")
    parser.add_argument("--empty", action="store_true", help="start with an empty account")
    parser.add_argument("--demo-size", type=int, default=DEFAULT_DEMO_SIZE)
    parser.add_argument(
        "--demo-end",
        type=date.fromisoformat,
        default=None,
        help="last day of the demo history, YYYY-MM-DD (default: a fixed date)",
    )
    parser.add_argument("--token-lifetime", type=float, default=7200.0, help="seconds")
    parser.add_argument("-v", "--verbose", action="store_true", help="log every request")
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.INFO, format="%(levelname)s %(message)s"
    )
    server = SandboxServer(
        args.data,
        None if args.empty else args.seed,
        host=args.host,
        port=args.port,
        token_lifetime=args.token_lifetime,
        demo_size=args.demo_size,
        demo_end=args.demo_end,
    )
    with server:
        print(f"SportTracks sandbox at {server.base_url}", flush=True)
        print(f"  API base:      {server.api_base}")
        print(f"  authorize URL: {server.authorize_url}")
        print(f"  token URL:     {server.token_url}")
        print(f"  map tiles:     {server.tile_url_template}")
        print(f"  client id:     {server.client_id}")
        print(f"  client secret: {server.client_secret}")
        print(f"  workouts:      {server.workout_count()}", flush=True)
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            print("stopped")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
