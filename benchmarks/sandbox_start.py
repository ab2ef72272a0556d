"""First start of the demo sandbox: how long until it serves, and how long the first reads take.

Each run starts ``SandboxServer(tmp, seed=2026)`` on an empty data directory (so the demo account
is written), then asks for the first list page as the app does (50 workouts with summaries) and
for one workout's detail, as a user opening it would. Prints the median of the runs.

Usage: ``python benchmarks/sandbox_start.py [--runs 5]``
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import requests

from st_desktop.sandbox import SandboxServer


def _run() -> tuple[float, float, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        began = time.perf_counter()
        server = SandboxServer(Path(tmp), seed=2026).start()
        started = time.perf_counter() - began
        try:
            headers = {"Authorization": f"Bearer {server.issue_token()['access_token']}"}
            url = server.api_base + "/fitnessActivities"
            params: dict[str, str | int] = {"page": 0, "pageSize": 50, "data": "summary"}
            began = time.perf_counter()
            items = requests.get(url, params=params, headers=headers, timeout=60).json()["items"]
            listed = time.perf_counter() - began
            began = time.perf_counter()
            first = requests.get(items[0]["uri"], headers=headers, timeout=60)
            detail = time.perf_counter() - began
            first.raise_for_status()
            began = time.perf_counter()
            requests.get(items[0]["uri"], headers=headers, timeout=60).raise_for_status()
            again = time.perf_counter() - began
        finally:
            server.stop()
    return started, listed, detail, again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = [_run() for _ in range(parser.parse_args().runs)]
    for label, index in (
        ("first start (empty data dir)", 0),
        ("first list page (50, summary)", 1),
        ("first detail GET", 2),
        ("second GET of that detail", 3),
    ):
        values = [run[index] * 1000 for run in runs]
        spread = ", ".join(f"{v:.0f}" for v in values)
        print(f"{label:32s} median {statistics.median(values):8.1f} ms   runs: {spread}")


if __name__ == "__main__":
    main()
