"""Parse speed of every corpus file: our parser against the plain libraries, in one run.

Usage: ``python benchmarks/parse_speed.py [--corpus DIR] [--repeat N] [--fitparse-repeat N]
[--match GLOB]``

For each file it prints the median wall time of ``st_desktop.parsers.parse_bytes`` (bytes already
in memory: full parse into an Activity, summary and warnings included) and of the reference:
fitparse (every record message decoded) for FIT, a bare ``xml.etree.ElementTree.iterparse`` pass
and gpxpy for GPX, the bare iterparse pass for TCX. Ratios > 1 mean we are faster; for XML the
target is ours/iterparse <= 2 for every well-formed file, small ones included (their fixed
overhead counts). A file that is not well formed is left out of that check: the bare pass stops
at the first error, so there is nothing to compare with. Peak memory (tracemalloc) is of one
parse by ours. Small files are timed over more runs so that their medians are stable.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import io
import statistics
import sys
import time
import tracemalloc
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from st_desktop.errors import ParseError
from st_desktop.parsers import parse_bytes

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
LONGEST_FIT = "gc_MultiSport-2019-11-24.fit"


def _median_time(fn: Callable[[], object], repeat: int, size: int = 0) -> float:
    fn()  # warm up (imports, caches)
    times = []
    # Sub-millisecond parses are noisy: time more runs of small files (about 1 MB in all).
    runs = max(repeat, min(200, 1_000_000 // size)) if size else repeat
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def _ours(data: bytes) -> None:
    with contextlib.suppress(ParseError):
        parse_bytes(data)


def _fitparse(data: bytes) -> None:
    import fitparse

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            for _ in fitparse.FitFile(data).get_messages():
                pass
        except Exception:  # fitparse fails on the damaged files; time what it did
            pass


def _iterparse(data: bytes) -> bool:
    """One bare pass; False when the XML is not well formed (the pass stopped early)."""
    try:
        for _ in ET.iterparse(io.BytesIO(data.lstrip())):
            pass
    except ET.ParseError:
        return False
    return True


def _gpxpy(data: bytes) -> None:
    import gpxpy

    with contextlib.suppress(Exception):  # gpxpy raises on malformed files
        gpxpy.parse(data.decode("utf-8", "replace"))


def _peak_memory(data: bytes) -> float:
    tracemalloc.start()
    _ours(data)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=7, help="runs of fast parsers per file")
    parser.add_argument("--fitparse-repeat", type=int, default=3, help="runs of fitparse per file")
    parser.add_argument(
        "--match", default="*", help="only files whose name matches this glob (e.g. '*.gpx')"
    )
    args = parser.parse_args(argv)
    files = sorted(
        p for kind in ("fit", "gpx", "tcx") for p in (args.corpus / kind).glob(args.match)
    )
    if not files:
        print(f"no corpus at {args.corpus}")
        return 1
    header = (
        f"{'file':52} {'KB':>6} {'ours ms':>9} {'ref':>9} {'ref ms':>9} {'ratio':>7} "
        f"{'gpxpy ms':>9} {'peak MB':>8}"
    )
    print(header)
    print("-" * len(header))
    worst_xml = 0.0
    over: list[str] = []
    by_format: dict[str, list[float]] = {}
    longest: tuple[float, float] | None = None
    for path in files:
        raw = path.read_bytes()
        data = gzip.decompress(raw) if path.suffix == ".gz" else raw
        ours = _median_time(functools.partial(_ours, raw), args.repeat, len(raw))
        by_format.setdefault(path.parent.name.upper(), []).append(ours * 1000)
        gpxpy_ms = ""
        if path.parent.name == "fit":
            ref_name = "fitparse"
            ref = _median_time(functools.partial(_fitparse, data), args.fitparse_repeat)
            ratio = ref / ours
            if path.name == LONGEST_FIT:
                longest = (ours, ratio)
        else:
            ref_name = "iterparse"
            ref = _median_time(functools.partial(_iterparse, data), args.repeat, len(data))
            ratio = ref / ours
            if _iterparse(data):  # a pass that stops early at an error is no reference
                worst_xml = max(worst_xml, ours / ref)
                if ours / ref > 2:
                    over.append(f"{path.name} ({ours / ref:.2f}x)")
            if path.parent.name == "gpx":
                gpxpy_ms = f"{_median_time(functools.partial(_gpxpy, data), 3) * 1000:9.1f}"
        print(
            f"{path.parent.name + '/' + path.name:52.52} {len(raw) / 1024:6.0f} {ours * 1000:9.3f} "
            f"{ref_name:>9} {ref * 1000:9.3f} {ratio:7.2f} {gpxpy_ms:>9} {_peak_memory(raw):8.1f}"
        )
    print()
    medians = ", ".join(
        f"{kind} {statistics.median(times):.3f} ms ({len(times)} files)"
        for kind, times in sorted(by_format.items())
    )
    print(f"median parse time per file: {medians}")
    if longest:
        print(
            f"longest FIT ({LONGEST_FIT}): {longest[0] * 1000:.1f} ms, {longest[1]:.0f}x faster "
            f"than fitparse (target < 250 ms and >= 50x)"
        )
    print(
        f"slowest well-formed XML relative to a bare iterparse pass: {worst_xml:.2f}x "
        f"(target <= 2x); over 2x: {', '.join(over) or 'none'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
