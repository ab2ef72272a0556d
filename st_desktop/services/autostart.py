"""Start at login, the way each system expects it (off unless the user turns it on).

- **Linux** (and other XDG desktops): ``$XDG_CONFIG_HOME/autostart/<app id>.desktop``
  (``~/.config/autostart``), per the XDG Autostart specification.
- **macOS**: a LaunchAgent, ``~/Library/LaunchAgents/<app id>.plist`` with ``RunAtLoad``; it is
  loaded at the next login (``launchctl`` is not needed for that).
- **Windows**: a value in ``HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Run``.

The entry starts st-desktop with ``--background`` (straight to the tray). Every location can be
redirected (tests write to a temporary folder, and give Windows' registry key as an object).
"""

from __future__ import annotations

import os
import plistlib
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Protocol

from st_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME
from st_desktop.errors import StDesktopError

BACKGROUND_FLAG = "--background"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"

#: Characters that make an Exec argument need quotes (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


class AutostartError(StDesktopError):
    """Start at login could not be changed."""

    default_message = "Start at login could not be changed."


class RunKey(Protocol):
    """The Windows ``Run`` registry key (or a stand-in)."""

    def get(self, name: str) -> str | None:
        """The value called ``name``, None when there is none."""

    def set(self, name: str, value: str) -> None:
        """Write a string value."""

    def delete(self, name: str) -> None:
        """Remove a value (no error when absent)."""


class WindowsRunKey:
    """``HKEY_CURRENT_USER\\...\\Run`` through ``winreg`` (Windows only)."""

    def get(self, name: str) -> str | None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                    return str(winreg.QueryValueEx(key, name)[0])
            except OSError:
                return None
        return None

    def set(self, name: str, value: str) -> None:
        if sys.platform == "win32":
            import winreg

            with winreg.CreateKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        if sys.platform == "win32":
            import winreg

            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass


def launch_command(
    environ: Mapping[str, str] | None = None,
    executable: str = sys.executable,
    frozen: bool | None = None,
    platform: str = sys.platform,
) -> list[str]:
    """How to start this st-desktop in the background: the AppImage, the bundle, the
    ``st-desktop`` launcher pip installed beside Python, or Python itself."""
    env = os.environ if environ is None else environ
    if env.get("APPIMAGE"):
        return [env["APPIMAGE"], BACKGROUND_FLAG]
    if frozen if frozen is not None else getattr(sys, "frozen", False):
        return [executable, BACKGROUND_FLAG]
    windows = platform == "win32"
    launcher = Path(executable).with_name(f"{APP_NAME}.exe" if windows else APP_NAME)
    if launcher.is_file():  # the gui-script: no console window on Windows
        return [str(launcher), BACKGROUND_FLAG]
    return [executable, "-m", "st_desktop", BACKGROUND_FLAG]


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as the value of a desktop entry's ``Exec`` key (quoted and escaped)."""
    parts = []
    for arg in command:
        quoted = arg
        if any(ch in _RESERVED for ch in arg) or not arg:
            inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            quoted = f'"{inner}"'
        parts.append(quoted.replace("%", "%%"))
    # The value itself is a desktop-entry string, whose own escape character is the backslash.
    return " ".join(parts).replace("\\", "\\\\")


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Autostart:
    """Turns start-at-login on and off for the current user.

    Args:
        platform: ``sys.platform`` of the system to configure.
        home: the user's home folder (for ``~/.config`` and ``~/Library``).
        environ: the environment (``XDG_CONFIG_HOME``, ``APPIMAGE``).
        run_key: the Windows ``Run`` key (default: the registry).
        command: what to start (default: :func:`launch_command`).
    """

    def __init__(
        self,
        platform: str = sys.platform,
        *,
        home: Path | None = None,
        environ: Mapping[str, str] | None = None,
        run_key: RunKey | None = None,
        command: Sequence[str] | None = None,
    ) -> None:
        env = os.environ if environ is None else environ
        self.platform = platform
        self._home = home or Path.home()
        self._config = Path(env.get("XDG_CONFIG_HOME") or self._home / ".config")
        self._run_key = run_key or WindowsRunKey()
        self.command = list(command) if command is not None else launch_command(env)

    @property
    def location(self) -> str:
        """Where the entry lives, for the user ("~/.config/autostart/....desktop")."""
        if self.platform == "win32":
            return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{APP_NAME}"
        return str(self.path)

    @property
    def path(self) -> Path:
        """The file written on Linux and macOS."""
        if self.platform == "darwin":
            return self._home / "Library" / "LaunchAgents" / f"{APP_ID}.plist"
        return self._config / "autostart" / f"{APP_ID}.desktop"

    def is_enabled(self) -> bool:
        """Whether st-desktop starts at login now."""
        if self.platform == "win32":
            return self._run_key.get(APP_NAME) is not None
        return self.path.is_file()

    def set_enabled(self, enabled: bool) -> None:
        """Start at login (or stop doing so).

        Raises:
            AutostartError: the entry could not be written or removed.
        """
        try:
            if self.platform == "win32":
                if enabled:
                    self._run_key.set(APP_NAME, subprocess.list2cmdline(self.command))
                else:
                    self._run_key.delete(APP_NAME)
            elif enabled:
                _write(self.path, self.entry())
            else:
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise AutostartError(
                f"Start at login could not be {'set up' if enabled else 'turned off'} "
                f"({self.location}: {exc.strerror or exc}).",
                detail=repr(exc),
            ) from exc

    def entry(self) -> bytes:
        """The file written on Linux (a desktop entry) or macOS (a LaunchAgent plist)."""
        if self.platform == "darwin":
            agent = {
                "Label": APP_ID,
                "ProgramArguments": self.command,
                "RunAtLoad": True,
                "ProcessType": "Interactive",
                "LimitLoadToSessionType": "Aqua",
            }
            return plistlib.dumps(agent)
        lines = [
            "[Desktop Entry]",
            "Type=Application",
            f"Name={APP_DISPLAY_NAME}",
            "Comment=Uploads new activities from watched folders and watches",
            f"Exec={desktop_exec(self.command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "X-GNOME-Autostart-enabled=true",
        ]
        return ("\n".join(lines) + "\n").encode()
