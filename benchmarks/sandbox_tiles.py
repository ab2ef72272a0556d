"""Map tiles of the sandbox: time to draw one (cold) and to serve one over HTTP (cold and cached).

Draws tiles along a path from zoom 0 to 18 around the demo home (Lucerne), each once, so every
figure is a first drawing; then fetches tiles over HTTP from a running sandbox, first new ones,
then the same ones again (served from the in-memory cache). Prints medians and 90th percentiles.

Usage: ``python benchmarks/sandbox_tiles.py [--tiles 60]``
"""

from __future__ import annotations

import argparse
import math
import statistics
import tempfile
import time
from pathlib import Path

import requests

from st_desktop.sandbox import SandboxServer
from st_desktop.sandbox.tile_render import render_tile


def _tiles(count: int) -> list[tuple[int, int, int]]:
    out = []
    for i in range(count):
        z = i % 19
        n = 2**z
        lat, lon = 47.05 + 0.01 * (i // 19), 8.31 + 0.01 * (i // 19)
        x = int((lon + 180) / 360 * n)
        y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
        out.append((z, x, y))
    return list(dict.fromkeys(out))


def _report(label: str, seconds: list[float]) -> None:
    ms = sorted(s * 1000 for s in seconds)
    p90 = ms[min(len(ms) - 1, int(len(ms) * 0.9))]
    print(f"{label:34s} median {statistics.median(ms):7.1f} ms   p90 {p90:7.1f} ms   n={len(ms)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tiles", type=int, default=60)
    tiles = _tiles(parser.parse_args().tiles)
    render_tile(0, 0, 0)  # imports and first-call costs out of the way
    for scale, label in ((1, "draw 256 px tile (cold)"), (2, "draw 512 px @2x tile (cold)")):
        times = []
        for z, x, y in tiles:
            began = time.perf_counter()
            render_tile(z, x, y, scale)
            times.append(time.perf_counter() - began)
        _report(label, times)
    with (
        tempfile.TemporaryDirectory() as tmp,
        SandboxServer(Path(tmp)) as server,
        requests.Session() as http,
    ):
        for label in ("HTTP GET 256 px tile (cold)", "HTTP GET 256 px tile (cached)"):
            times = []
            for z, x, y in tiles:
                began = time.perf_counter()
                http.get(f"{server.base_url}/tiles/{z}/{x}/{y}.png", timeout=10)
                times.append(time.perf_counter() - began)
            _report(label, times)


if __name__ == "__main__":
    main()
