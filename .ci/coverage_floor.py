"""Fail when a module of the plain layers or the services is covered less than the floor.

Reads the JSON report pytest-cov wrote (``--cov-report=json:PATH``); the overall floor is
pytest-cov's own ``--cov-fail-under``. Run: ``python .ci/coverage_floor.py coverage.json``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

FLOOR = 80.0
LAYERS = ("domain", "api", "parsers", "store", "sandbox", "services")
TOP_LEVEL = ("errors.py", "paths.py", "progress.py")


def checked(path: str) -> bool:
    parts = Path(path).parts
    if "st_desktop" not in parts:
        return False
    rest = parts[parts.index("st_desktop") + 1 :]
    if rest[-1] == "__main__.py":
        return False  # entry points run in subprocesses, which are not measured
    return (len(rest) > 1 and rest[0] in LAYERS) or (len(rest) == 1 and rest[0] in TOP_LEVEL)


def main(report: str) -> int:
    files = json.loads(Path(report).read_text())["files"]
    rows = sorted(
        (summary["summary"]["percent_covered"], path)
        for path, summary in files.items()
        if checked(path)
    )
    low = [(percent, path) for percent, path in rows if percent < FLOOR]
    print(f"coverage floor {FLOOR:.0f} % for {len(rows)} modules of {', '.join(LAYERS)}")
    for percent, path in rows[:5]:
        print(f"  {percent:5.1f} %  {path}")
    if low:
        print("below the floor:", file=sys.stderr)
        for percent, path in low:
            print(f"  {percent:5.1f} %  {path}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "coverage.json"))
