"""Write speed of our FIT, TCX and GPX writers on real activities.

Usage: ``python benchmarks/write_speed.py [--corpus DIR] [--repeat N] [--match GLOB]``

Each file of the corpus's ``fit`` folder (or those matching ``--match``) is parsed once; then the
median wall time of ``write_fit``, ``write_tcx`` and ``write_gpx`` on that Activity is printed
(the activity is in memory, the output is bytes in memory: encoding only, no disk), with the size
of each output. The target is the 14-hour multi-sport file (``gc_MultiSport-2019-11-24.fit``,
~46,000 samples) written as FIT in well under 100 ms. A workout of the API
(``tests/data/api``) is also converted (``workout_to_activity``) and written, as the export does.
"""

from __future__ import annotations

import argparse
import functools
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from st_desktop.domain.activity import Activity
from st_desktop.domain.workout import Workout
from st_desktop.errors import StDesktopError
from st_desktop.parsers import parse_file
from st_desktop.parsers.writers import workout_to_activity, write_fit, write_gpx, write_tcx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
DEFAULT_FILES = (
    "gc_MultiSport-2019-11-24.fit",
    "fp_activity-large-fenix2-multisport.fit",
    "sl_ride_6783622686.fit",
    "fp_2019-02-17-062644-ELEMNT-297E-195-0.fit",
    "fp_garmin-edge-500-activity.fit",
    "fp_garmin-fenix-5-run.fit",
)
WRITERS: dict[str, Callable[[Activity], bytes]] = {
    "fit": write_fit,
    "tcx": write_tcx,
    "gpx": write_gpx,
}


def _median_ms(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _row(label: str, activity: Activity, repeat: int) -> str:
    cells = [f"{label[:44]:<44}", f"{len(activity.streams):>7,}"]
    for writer in WRITERS.values():
        try:
            size = len(writer(activity))
        except StDesktopError:  # GPX of an activity without positions
            cells.append(f"{'-':>9} {'-':>9}")
            continue
        ms = _median_ms(functools.partial(writer, activity), repeat)
        cells.append(f"{ms:>7.1f}ms {size / 1e6:>7.2f}MB")
    return "  ".join(cells)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=5, help="runs per writer (median)")
    parser.add_argument("--match", help="glob of corpus FIT files (default: a chosen few)")
    args = parser.parse_args()
    folder = args.corpus / "fit"
    if args.match:
        paths = sorted(folder.glob(args.match))
    else:
        paths = [folder / name for name in DEFAULT_FILES if (folder / name).exists()]
    if not paths:
        paths = sorted((ROOT / "tests" / "data" / "fit").glob("*.fit"))
        print(f"corpus not found at {folder}; timing tests/data/fit instead")
    header = f"{'file':<44}  {'samples':>7}" + "".join(
        f"  {name.upper():>9} {'size':>9}" for name in WRITERS
    )
    print(f"median of {args.repeat} runs per writer")
    print(header)
    for path in paths:
        try:
            activity = parse_file(path)
        except StDesktopError as exc:
            print(f"{path.name[:44]:<44}  not an activity: {exc}")
            continue
        print(_row(path.name, activity, args.repeat))
    for api in sorted((ROOT / "tests" / "data" / "api").glob("sporttracks_track_*.json")):
        workout = Workout.from_json(json.loads(api.read_text(encoding="utf-8")))
        convert_ms = _median_ms(functools.partial(workout_to_activity, workout), args.repeat)
        activity = workout_to_activity(workout)
        print(_row(f"{api.name} ({convert_ms:.1f} ms to convert)", activity, args.repeat))


if __name__ == "__main__":
    main()
