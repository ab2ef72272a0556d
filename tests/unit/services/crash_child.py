"""A queue process for the crash test: drops files, uploads them, stops dead where it is told.

Run as ``python -m tests.unit.services.crash_child DATA_DIR API_BASE [FILE ...]`` with the access
token in ``ST_CRASH_TOKEN``. With files it records and queues them first (a drop), without it only
works the queue (a restart). ``ST_CRASH_AT=step:n`` makes it print ``AT step`` and wait, the n-th
time (1-based) it reaches ``step``, so the parent can SIGKILL it there. Steps are the engine's
checkpoints plus ``recorded`` (a dropped file is durable). At the end it prints ``DONE``.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.services.intake import Source, ingest
from st_desktop.services.upload_engine import UploadEngine
from st_desktop.store.uploads import QueueItem, UploadStore

ACCOUNT = "crash-test"


def main(argv: list[str]) -> int:
    data_dir, api_base, *files = argv
    target, _, nth = os.environ.get("ST_CRASH_AT", "").partition(":")
    seen: dict[str, int] = {}

    def checkpoint(step: str, _item: QueueItem | None = None) -> None:
        seen[step] = seen.get(step, 0) + 1
        if step == target and seen[step] == int(nth or 1):
            print(f"AT {step}", flush=True)
            time.sleep(60)  # the parent kills us here

    store = UploadStore(Path(data_dir))
    for index, name in enumerate(files):
        path = Path(name)
        item = ingest(store, Source(path.name, str(path), path)).item
        store.update(item.id, name=f"Crash test {index}")
        store.enqueue(item.id, ACCOUNT)
        print(f"RECORDED {path.name}", flush=True)
        checkpoint("recorded")
    client = SportTracksClient(api_base, StaticTokenAuth(os.environ["ST_CRASH_TOKEN"]))
    report = UploadEngine(store, client, ACCOUNT, checkpoint=checkpoint).run()
    print(f"DONE uploaded={len(report.uploaded)} error={report.last_error}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
