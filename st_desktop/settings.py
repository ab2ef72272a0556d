"""Every user setting, declared once (key, type, default), stored with QSettings in INI format.

Nothing secret is ever stored here: tokens live in the OS keyring (see ``st_desktop.api``). The
OAuth client id and secret identify the *application*, not the user, which is why they may be here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QByteArray, QSettings

log = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_API_BASE = "https://api.sporttracks.mobi/api/v2"


@dataclass(frozen=True)
class Setting(Generic[T]):
    """One declared setting.

    Attributes:
        key: the QSettings key ("group/name").
        default: the value when nothing is stored; its type is the setting's type.
        doc: what it is for.
    """

    key: str
    default: T
    doc: str = ""


class Keys:
    """The catalogue of settings. Add new ones here and nowhere else."""

    API_BASE = Setting("api/base_url", DEFAULT_API_BASE, "SportTracks API base URL")
    OAUTH_CLIENT_ID = Setting("api/client_id", "", "OAuth client id of this application")
    OAUTH_CLIENT_SECRET = Setting("api/client_secret", "", "OAuth client secret of this app")
    ACCOUNT = Setting("account/current", "", "Key of the signed-in account (no token)")
    UNITS = Setting("display/units", "metric", "metric or imperial")
    CHART_X_AXIS = Setting("display/chart_x_axis", "time", "time or distance")
    APPEARANCE = Setting("display/appearance", "system", "system (follow it), light or dark")
    WINDOW_GEOMETRY = Setting("window/geometry", QByteArray(), "main window geometry")
    WINDOW_STATE = Setting("window/state", QByteArray(), "main window toolbars/docks state")
    SPLITTER_MAIN = Setting("window/splitter_main", QByteArray(), "browser | upload splitter")
    SPLITTER_BROWSER = Setting("window/splitter_browser", QByteArray(), "table / detail splitter")
    UPLOAD_PANE_VISIBLE = Setting("window/upload_pane_visible", True, "show the upload pane")
    TABLE_HEADER = Setting("table/header_state", QByteArray(), "column order, widths, hidden")
    LAST_OPEN_DIR = Setting("files/last_open_dir", "", "folder of the last File > Open")
    # hands-free import
    AUTO_IMPORT = Setting("handsfree/enabled", True, "watch folders and USB devices at all")
    AUTO_IMPORT_PAUSED = Setting("handsfree/paused", False, "automatic upload paused (tray menu)")
    WATCHED_FOLDERS = Setting(
        "handsfree/folders", "[]", 'JSON list of {"path": str, "auto": bool} folders to watch'
    )
    WATCH_DEVICES = Setting("handsfree/devices_enabled", True, "look for watches plugged in")
    KNOWN_DEVICES = Setting(
        "handsfree/devices",
        "[]",
        'JSON list of {"id", "name", "vendor", "answer": "auto"|"list"|"never"} devices seen',
    )
    CLOSE_TO_TRAY = Setting("tray/close_to_tray", True, "closing the window keeps watching")
    TRAY_EXPLAINED = Setting("tray/explained", False, "the close-to-tray message was shown")
    NOTIFY_UPLOADS = Setting("tray/notify_uploads", True, "a notification per uploaded batch")
    START_AT_LOGIN = Setting("system/start_at_login", False, "start in the tray at login")

    # overview
    CURRENT_VIEW = Setting(
        "window/current_view", "workouts", "view shown: workouts, calendar, totals, gear, body"
    )
    TOTALS_PERIOD = Setting("overview/totals_period", "week", "totals per week, month or year")
    TOTALS_METRIC = Setting("overview/totals_metric", "distance", "figure the totals chart shows")
    TOTALS_SPORT = Setting("overview/totals_sport", "", "sport of the totals chart ('': all)")
    GEAR_SHOW_RETIRED = Setting("overview/gear_show_retired", True, "list retired gear too")
    METRICS_RANGE = Setting("overview/metrics_range", "year", "span of the body metrics chart")
    CALENDAR_HEATMAP = Setting("overview/calendar_heatmap", True, "show the year heat map")

    # maps
    MAP_TILE_URL = Setting("maps/tile_url", "", "XYZ tile URL template; empty: OpenStreetMap")
    MAP_TILE_ATTRIBUTION = Setting("maps/tile_attribution", "", "credit of a custom tile server")
    MAP_TILE_ATTRIBUTION_URL = Setting("maps/tile_attribution_url", "", "link of that credit")
    MAP_CACHE_MB = Setting("maps/cache_mb", 500, "most megabytes of map tiles kept on disk")

    # preview fixes
    PRIVACY_ZONES = Setting(
        "privacy/zones", "[]", "JSON list of {name, lat, lon, radius_m}: places hidden on upload"
    )
    SPLIT_GAP_HOURS = Setting("preview/split_gap_hours", 2.0, "Split cuts at gaps this long")

    # language
    LANGUAGE = Setting(
        "display/language", "", "language of the text: '' follows the system, 'en', 'de' ..."
    )


class Settings:
    """Typed access to the declared settings.

    Args:
        path: the INI file (``paths.settings_file``).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        """The stored value converted to the declared type, or the default."""
        raw = self._qsettings.value(setting.key, None)
        if raw is None:
            return setting.default
        return cast(T, _convert(raw, setting.default, setting.key))

    def set(self, setting: Setting[T], value: T) -> None:
        """Store a value."""
        self._qsettings.setValue(setting.key, value)

    def reset(self, setting: Setting[Any]) -> None:
        """Forget a stored value (back to the default)."""
        self._qsettings.remove(setting.key)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qsettings.sync()
        if self._qsettings.status() != QSettings.Status.NoError:
            log.warning("could not write settings to %s", self.path)


def _convert(raw: object, default: object, key: str) -> object:
    """Coerce what INI storage gives back (often text) to the type of ``default``."""
    try:
        if isinstance(default, bool):
            if isinstance(raw, str):
                return raw.strip().lower() in ("1", "true", "yes", "on")
            return bool(raw)
        if isinstance(default, int):
            return int(cast(Any, raw))
        if isinstance(default, float):
            return float(cast(Any, raw))
        if isinstance(default, str):
            return str(raw)
        if isinstance(default, QByteArray):
            return raw if isinstance(raw, QByteArray) else QByteArray(cast(Any, raw))
        if isinstance(default, list):
            if isinstance(raw, str):
                return [raw] if raw else []
            return list(cast(Any, raw))
    except (TypeError, ValueError):
        log.warning("setting %s has an unreadable value; using the default", key)
        return default
    return raw
