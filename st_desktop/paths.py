"""Where st-desktop keeps its files.

Every location comes from platformdirs, except that one base directory (``--basedir`` on the
command line or the ``ST_DESKTOP_BASEDIR`` environment variable) moves config, data, cache and logs
together: tests and portable installs use it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from st_desktop import APP_NAME, ORG_NAME

BASEDIR_ENV = "ST_DESKTOP_BASEDIR"


@dataclass(frozen=True)
class AppPaths:
    """The directories the application writes to.

    Attributes:
        config: settings file (``settings.ini``).
        data: local cache database, upload queue and copies of dropped files.
        cache: disposable data (may be deleted at any time).
        logs: rotating log files.
    """

    config: Path
    data: Path
    cache: Path
    logs: Path

    @property
    def settings_file(self) -> Path:
        """The INI file behind QSettings."""
        return self.config / "settings.ini"

    @property
    def log_file(self) -> Path:
        """The current log file."""
        return self.logs / "st-desktop.log"

    def ensure(self) -> AppPaths:
        """Create every directory that does not exist yet and return self."""
        for directory in (self.config, self.data, self.cache, self.logs):
            directory.mkdir(parents=True, exist_ok=True)
        return self


def resolve_paths(basedir: str | os.PathLike[str] | None = None) -> AppPaths:
    """Work out the application directories.

    Args:
        basedir: when given (or when ``ST_DESKTOP_BASEDIR`` is set), every directory lives under it.
            Otherwise the platform's conventional per-user locations are used.

    Returns:
        The paths; nothing is created on disk (call :meth:`AppPaths.ensure`).
    """
    base = basedir if basedir is not None else os.environ.get(BASEDIR_ENV) or None
    if base is not None:
        root = Path(base).expanduser().resolve()
        return AppPaths(
            config=root / "config", data=root / "data", cache=root / "cache", logs=root / "logs"
        )
    dirs = platformdirs.PlatformDirs(APP_NAME, ORG_NAME)
    return AppPaths(
        config=Path(dirs.user_config_dir),
        data=Path(dirs.user_data_dir),
        cache=Path(dirs.user_cache_dir),
        logs=Path(dirs.user_log_dir),
    )
