"""Kill the queue process (SIGKILL) mid-upload; after a restart every file is uploaded once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from st_desktop.sandbox import SandboxServer
from st_desktop.store.uploads import ItemState, UploadStore
from tests.conftest import REPO_ROOT
from tests.unit.services.upload_helpers import START, sandbox_client, write_gpx

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX-only")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox") as sandbox:
        yield sandbox


def _run(args: list[str], token: str, crash_at: str | None) -> list[str]:
    env = {**os.environ, "ST_CRASH_TOKEN": token, "PYTHONPATH": str(REPO_ROOT)}
    env.pop("ST_CRASH_AT", None)
    if crash_at:
        env["ST_CRASH_AT"] = crash_at
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.unit.services.crash_child", *args],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO_ROOT,
    )
    assert child.stdout is not None
    lines: list[str] = []
    try:
        for line in child.stdout:
            lines.append(line.strip())
            if crash_at and line.startswith("AT "):
                os.kill(child.pid, signal.SIGKILL)
                break
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
    if crash_at:
        assert child.returncode == -signal.SIGKILL, lines
        assert lines[-1] == f"AT {crash_at.split(':')[0]}", lines
    else:
        assert child.returncode == 0, lines
    return lines


@pytest.mark.parametrize(
    "crash_at",
    [
        "recorded:2",  # the second dropped file is durable, the third not yet dropped
        "before_request:1",  # ledger row written, request not sent
        "after_request:2",  # the server stored the second workout, the ledger does not know
        "after_ledger:1",  # stored and recorded, the edited name not yet applied
        "after_metadata:3",  # everything done but the final state
    ],
)
def test_killed_queue_uploads_each_file_exactly_once(
    tmp_path: Path, server: SandboxServer, crash_at: str
) -> None:
    files = [
        str(write_gpx(tmp_path, f"ride{i}.gpx", START + timedelta(hours=3 * i, seconds=7 * i)))
        for i in range(3)
    ]
    token = server.issue_token()["access_token"]
    data = str(tmp_path / "data")
    first = _run([data, server.api_base, *files], token, crash_at)
    recorded = [line.split()[1] for line in first if line.startswith("RECORDED")]
    _run([data, server.api_base], token, None)  # the restart

    store = UploadStore(Path(data))
    try:
        items = store.items()
        assert sorted(i.display_name for i in items) == sorted(recorded)  # nothing dropped lost
        assert all(i.state == ItemState.UPLOADED for i in items), items
        uris = [i.uris[0] for i in items]
    finally:
        store.close()
    assert server.workout_count() == len(recorded)  # nothing uploaded twice
    client = sandbox_client(server)
    names = sorted(client.get_workout(uri).name for uri in uris)
    assert names == [f"Crash test {i}" for i in range(len(recorded))]
