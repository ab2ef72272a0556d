"""Start at login per system, written to a temporary home (and a stand-in registry key)."""

from __future__ import annotations

import configparser
import plistlib
import subprocess
from pathlib import Path

import pytest

from st_desktop import APP_ID, APP_NAME
from st_desktop.services.autostart import (
    BACKGROUND_FLAG,
    Autostart,
    AutostartError,
    desktop_exec,
    launch_command,
)

COMMAND = ["/opt/st desktop/bin/python3", "-m", "st_desktop", BACKGROUND_FLAG]


class MemoryRunKey:
    """The Windows Run key, which cannot be reached here: a dict with its three operations."""

    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self.values[name] = value

    def delete(self, name: str) -> None:
        self.values.pop(name, None)


def unescape_exec(value: str) -> list[str]:
    """Read an Exec value as a launcher does (Desktop Entry spec, "The Exec key")."""
    text = value.replace("\\\\", "\\")  # the string escaping of every desktop-entry value
    args: list[str] = []
    current: list[str] = []
    quoted = escaped = False
    for ch in text:
        if escaped:
            current.append(ch)
            escaped = False
        elif quoted and ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == " " and not quoted:
            args.append("".join(current))
            current = []
        else:
            current.append(ch)
    args.append("".join(current))
    return [a.replace("%%", "%") for a in args]


def test_linux_writes_an_xdg_autostart_entry(tmp_path: Path) -> None:
    config = tmp_path / "config"
    autostart = Autostart(
        "linux", home=tmp_path, environ={"XDG_CONFIG_HOME": str(config)}, command=COMMAND
    )
    assert not autostart.is_enabled()
    autostart.set_enabled(True)
    entry = config / "autostart" / f"{APP_ID}.desktop"
    assert autostart.is_enabled()
    assert autostart.location == str(entry)
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry)
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application"
    assert section["X-GNOME-Autostart-enabled"] == "true"
    assert unescape_exec(section["Exec"]) == COMMAND
    autostart.set_enabled(False)
    assert not entry.exists()
    autostart.set_enabled(False)  # turning off twice is fine


def test_exec_quoting_follows_the_desktop_entry_spec() -> None:
    assert desktop_exec(["/usr/bin/st-desktop", "--background"]) == (
        "/usr/bin/st-desktop --background"
    )
    tricky = ['/home/a b/100%/"q"$x\\y', "--background"]
    value = desktop_exec(tricky)
    assert value.startswith('"/home/a b/100%%/')
    assert unescape_exec(value) == tricky


def test_without_xdg_config_home_the_entry_goes_to_dot_config(tmp_path: Path) -> None:
    autostart = Autostart("linux", home=tmp_path, environ={}, command=COMMAND)
    assert autostart.path == tmp_path / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    autostart = Autostart("darwin", home=tmp_path, environ={}, command=COMMAND)
    autostart.set_enabled(True)
    agent = tmp_path / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
    plist = plistlib.loads(agent.read_bytes())
    assert plist["Label"] == APP_ID
    assert plist["ProgramArguments"] == COMMAND
    assert plist["RunAtLoad"] is True
    assert autostart.is_enabled()
    autostart.set_enabled(False)
    assert not agent.exists()


def test_windows_writes_the_run_key(tmp_path: Path) -> None:
    key = MemoryRunKey()
    command = [r"C:\Program Files\st-desktop\st-desktop.exe", BACKGROUND_FLAG]
    autostart = Autostart("win32", home=tmp_path, environ={}, run_key=key, command=command)
    autostart.set_enabled(True)
    assert key.values[APP_NAME] == subprocess.list2cmdline(command)
    assert key.values[APP_NAME].startswith('"C:\\Program Files\\st-desktop\\st-desktop.exe"')
    assert autostart.is_enabled()
    assert "CurrentVersion\\Run" in autostart.location
    autostart.set_enabled(False)
    assert key.values == {}
    assert not autostart.is_enabled()


def test_a_folder_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    config = tmp_path / "config"
    config.mkdir()
    (config / "autostart").write_text("a file where the folder should be")
    autostart = Autostart(
        "linux", home=tmp_path, environ={"XDG_CONFIG_HOME": str(config)}, command=COMMAND
    )
    with pytest.raises(AutostartError, match="could not be set up"):
        autostart.set_enabled(True)


def test_the_launch_command_fits_how_st_desktop_was_installed(tmp_path: Path) -> None:
    python = tmp_path / "venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    assert launch_command({}, str(python), frozen=False) == [
        str(python),
        "-m",
        "st_desktop",
        BACKGROUND_FLAG,
    ]
    (python.parent / APP_NAME).write_text("#!/bin/sh\n")  # pip's launcher beside Python
    assert launch_command({}, str(python), frozen=False, platform="linux") == [
        str(python.parent / APP_NAME),
        BACKGROUND_FLAG,
    ]
    assert launch_command({}, "/opt/st-desktop/st-desktop", frozen=True) == [
        "/opt/st-desktop/st-desktop",
        BACKGROUND_FLAG,
    ]
    appimage = {"APPIMAGE": "/home/a/st-desktop.AppImage"}
    assert launch_command(appimage, "/tmp/.mount_x/usr/bin/python", frozen=True) == [
        "/home/a/st-desktop.AppImage",
        BACKGROUND_FLAG,
    ]
