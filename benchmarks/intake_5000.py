"""A bulk export dropped at once: 5,000 activity files read into the upload queue.

Writes N small GPX rides (distinct start times: every file is new) into a temporary folder, then
times the service-level intake the upload pane runs on its workers: expand the folder, and for
each file copy it durably into the queue's inbox, record it and parse it, on a pool of worker
threads like the app's (one per core). Prints files per second and the peak RSS; the last line
is one JSON object (``files``, ``seconds``, ``files_per_s``, ``rss_mb``).

Target (issue "Your data"): at least 50 files/s on 2 cores, memory bounded.

Run: ``python benchmarks/intake_5000.py [--count N] [--workers W]``
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

from st_desktop.services.intake import Skipped, Source
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore

START = datetime(2020, 1, 1, 6, 0, tzinfo=UTC)


def ride(start: datetime, points: int = 120) -> bytes:
    """A small GPX ride: ``points`` fixes 5 s apart."""
    rows = []
    for i in range(points):
        when = (start + timedelta(seconds=5 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        rows.append(
            f'<trkpt lat="{46.0 + i * 0.0002:.6f}" lon="8.300000"><ele>{400 + i % 30}</ele>'
            f"<time>{when}</time></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="bench" '
        'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Ride</name><trkseg>'
        + "".join(rows)
        + "</trkseg></trk></gpx>"
    ).encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "export"
        folder.mkdir()
        for i in range(args.count):
            start = START + timedelta(hours=7 * i, minutes=i % 60, seconds=i % 59)
            (folder / f"ride-{i:05d}.gpx").write_bytes(ride(start))
        store = UploadStore(Path(tmp) / "data")
        service = UploadService(store)
        began = time.perf_counter()
        entries = service.expand([folder])
        sources = [e for e in entries if isinstance(e, Source)]
        skipped = [e for e in entries if isinstance(e, Skipped)]
        errors = 0
        with ThreadPoolExecutor(args.workers) as pool:
            for ingested in pool.map(service.ingest, sources):
                errors += ingested.activity is None
        seconds = time.perf_counter() - began
        store.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rate = len(sources) / seconds
    print(f"{len(sources)} files ({len(skipped)} skipped entries, {errors} unreadable)")
    print(f"intake: {seconds:.1f} s, {rate:.0f} files/s with {args.workers} workers")
    print(f"peak RSS: {rss_mb:.0f} MB")
    result = {
        "files": len(sources),
        "seconds": round(seconds, 2),
        "files_per_s": round(rate, 1),
        "rss_mb": round(rss_mb),
    }
    print(json.dumps(result))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
