"""Peak memory of parsing a large activity file, against the file's size.

Usage: ``python benchmarks/parse_memory.py [--mb 50 177] [--format gpx tcx] [--keep DIR]``

For each size it writes a synthetic recording of that size (1 Hz points with position,
elevation, time, heart rate and cadence, as a Garmin device writes them) into a temporary
folder, then parses it with ``st_desktop.parsers.parse_file`` in a fresh Python process and
prints that process's peak resident memory (``ru_maxrss``): the interpreter and imports alone,
and the growth while reading and parsing the file (the file's own bytes included), as a multiple
of the file size. The target for a large GPX is at most ~6x; a TCX over the tree limit is
refused with a sentence instead (its peak is then the refusal's).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

_CHILD = r"""
import resource, sys, time
from st_desktop.errors import ParseError
from st_desktop.parsers import parse_file
import st_desktop.parsers.gpx, st_desktop.parsers.tcx  # every import done before the baseline
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
try:
    activity = parse_file(sys.argv[1])
    outcome = f"{len(activity.streams):,} samples"
except ParseError as exc:
    outcome = f"refused: {exc}"
elapsed = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(base, peak, elapsed, outcome, sep="\t")
"""

_GPX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<gpx version="1.1" creator="synthetic" xmlns="http://www.topografix.com/GPX/1/1" '
    'xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1">\n'
    "<trk><name>Long ride</name><type>cycling</type><trkseg>\n"
)
_GPX_POINT = (
    '<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><ele>{ele:.1f}</ele><time>{time}</time>'
    "<extensions><gpxtpx:TrackPointExtension><gpxtpx:hr>{hr}</gpxtpx:hr>"
    "<gpxtpx:cad>{cad}</gpxtpx:cad></gpxtpx:TrackPointExtension></extensions></trkpt>\n"
)
_TCX_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<TrainingCenterDatabase '
    'xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Activities>'
    '<Activity Sport="Biking"><Id>2020-01-01T08:00:00Z</Id>'
    '<Lap StartTime="2020-01-01T08:00:00Z"><TotalTimeSeconds>1</TotalTimeSeconds>'
    "<DistanceMeters>1</DistanceMeters><Calories>0</Calories><Track>\n"
)
_TCX_POINT = (
    "<Trackpoint><Time>{time}</Time><Position><LatitudeDegrees>{lat:.7f}</LatitudeDegrees>"
    "<LongitudeDegrees>{lon:.7f}</LongitudeDegrees></Position>"
    "<AltitudeMeters>{ele:.1f}</AltitudeMeters><HeartRateBpm><Value>{hr}</Value></HeartRateBpm>"
    "<Cadence>{cad}</Cadence></Trackpoint>\n"
)


def write_synthetic(path: Path, size: int, kind: str) -> int:
    """Write a recording of about ``size`` bytes; returns the number of points."""
    if kind == "gpx":
        head, point, tail = _GPX_HEAD, _GPX_POINT, "</trkseg></trk></gpx>\n"
    else:
        tail = "</Track></Lap></Activity></Activities></TrainingCenterDatabase>\n"
        head, point = _TCX_HEAD, _TCX_POINT
    start = datetime(2020, 1, 1, 8, tzinfo=UTC)
    written = 0
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(head)
        while written < size:
            lines = []
            for _ in range(1000):
                moment = start + timedelta(seconds=count)
                lines.append(
                    point.format(
                        lat=46.0 + count * 1e-6,
                        lon=7.0 + (count % 5000) * 1e-6,
                        ele=500 + (count % 300) * 0.5,
                        time=moment.strftime("%Y-%m-%dT%H:%M:%SZ"),
                        hr=120 + count % 40,
                        cad=80 + count % 20,
                    )
                )
                count += 1
            block = "".join(lines)
            out.write(block)
            written += len(block)
        out.write(tail)
    return count


def measure(path: Path) -> tuple[float, float, float, str]:
    """(baseline MB, peak MB, seconds, outcome) of parsing ``path`` in a fresh process."""
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True
    )
    base, peak, elapsed, outcome = result.stdout.strip().split("\t", 3)
    return int(base) / 1024, int(peak) / 1024, float(elapsed), outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[10.0, 50.0, 177.0])
    parser.add_argument("--format", nargs="+", default=["gpx"], choices=["gpx", "tcx"])
    parser.add_argument("--keep", type=Path, help="write the files here and keep them")
    args = parser.parse_args(argv)
    print(
        f"{'file':>14} {'MB':>7} {'points':>10} {'base MB':>8} {'peak MB':>8} "
        f"{'growth/size':>11} {'s':>6}  outcome"
    )
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for kind in args.format:
            for mb in args.mb:
                path = folder / f"synthetic-{mb:g}mb.{kind}"
                points = write_synthetic(path, int(mb * 1024 * 1024), kind)
                size = path.stat().st_size / (1024 * 1024)
                base, peak, elapsed, outcome = measure(path)
                print(
                    f"{path.name:>14.14} {size:7.1f} {points:10,} {base:8.0f} {peak:8.0f} "
                    f"{(peak - base) / size:10.1f}x {elapsed:6.1f}  {outcome}"
                )
                if args.keep is None:
                    path.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
