"""``st-desktop backup|restore|export`` in a terminal: progress on stderr, sentences, exit codes."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

from st_desktop.cli import EXIT_ERROR, EXIT_OK, run

REPO = Path(__file__).resolve().parents[2]


def test_backup_then_export_against_the_sandbox(tmp_path: Path) -> None:
    base, backup = tmp_path / "base", tmp_path / "backup"
    out, err = io.StringIO(), io.StringIO()
    code = run(["backup", str(backup), "--sandbox", "--basedir", str(base)], out, err)
    assert code == EXIT_OK, err.getvalue()
    assert out.getvalue().startswith("Backup of ")
    assert "Backing up workouts: " in err.getvalue()  # progress (plain lines: not a terminal)
    saved = json.loads((backup / "index.json").read_text())["workouts"]
    assert len(saved) > 100  # the demo account
    again = io.StringIO()
    assert run(["backup", str(backup), "--sandbox", "--basedir", str(base)], again, err) == 0
    assert f"0 workouts saved, {len(saved)} already up to date" in again.getvalue()

    export = tmp_path / "export"
    out = io.StringIO()
    code = run(
        [
            "export",
            str(export),
            "--sandbox",
            "--basedir",
            str(base),
            "--format",
            "GPX",
            "--since",
            "2026-11-01",
            "--type",
            "cycling",
        ],
        out,
        err,
    )
    assert code == EXIT_OK, out.getvalue()
    assert all(p.suffix == ".gpx" and "_Cycling" in p.name for p in export.iterdir())


def test_without_a_sign_in_the_command_says_so_and_fails(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    code = run(["backup", str(tmp_path / "b"), "--basedir", str(tmp_path / "base")], out, err)
    assert code == EXIT_ERROR
    assert "You are not signed in to SportTracks here" in err.getvalue()
    assert "Traceback" not in err.getvalue()


def test_the_commands_never_open_a_window(tmp_path: Path) -> None:
    # No display at all: a command that touched widgets would fail to start.
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "st_desktop",
            "export",
            str(tmp_path / "csv"),
            "--format",
            "csv",
            "--sandbox",
            "--basedir",
            str(tmp_path / "base"),
        ],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Exported the list of workouts to ")
    assert (tmp_path / "csv" / "workouts.csv").stat().st_size > 1000


def test_restore_on_the_command_line_skips_what_the_account_has(tmp_path: Path) -> None:
    backup = tmp_path / "backup"
    err = io.StringIO()
    code = run(
        ["backup", str(backup), "--sandbox", "--basedir", str(tmp_path / "a")], io.StringIO(), err
    )
    assert code == EXIT_OK, err.getvalue()
    saved = len(json.loads((backup / "index.json").read_text())["workouts"])
    # Another start of the demo account holds the same workouts: nothing is created twice.
    out = io.StringIO()
    code = run(["restore", str(backup), "--sandbox", "--basedir", str(tmp_path / "b")], out, err)
    assert code == EXIT_OK, err.getvalue()
    assert out.getvalue().startswith(f"Restored 0 workouts; {saved} were already there")
