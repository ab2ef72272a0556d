"""Command line, paths and settings: what a user or packager relies on."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from st_desktop import __version__
from st_desktop.app import build_parser
from st_desktop.paths import resolve_paths


def test_version_flag_prints_the_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "st_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert out.stdout.strip() == f"st-desktop {__version__}"


def test_help_lists_every_option() -> None:
    text = build_parser().format_help()
    for option in ("--sandbox", "--api-base", "--basedir", "--version", "FILE"):
        assert option in text


def test_files_and_options_are_parsed() -> None:
    args = build_parser().parse_args(["a.fit", "b.gpx", "--sandbox", "--api-base", "http://x"])
    assert args.files == [Path("a.fit"), Path("b.gpx")]
    assert args.sandbox
    assert args.api_base == "http://x"


def test_basedir_moves_every_location_together(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path).ensure()
    for directory in (paths.config, paths.data, paths.cache, paths.logs):
        assert directory.is_dir()
        assert tmp_path in directory.parents
    assert paths.settings_file.parent == paths.config


def test_environment_variable_moves_locations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ST_DESKTOP_BASEDIR", str(tmp_path))
    assert resolve_paths().data == tmp_path.resolve() / "data"
