"""Maps: the route on XYZ map tiles (:class:`MapView`), their loading (:class:`MapTiles`) and
the "Map" page of Preferences (:class:`MapPreferencesPage`)."""

from __future__ import annotations

from st_desktop.ui.map.loader import MapTiles
from st_desktop.ui.map.preferences import MapPreferencesPage, configured_source
from st_desktop.ui.map.view import MapView

__all__ = ["MapPreferencesPage", "MapTiles", "MapView", "configured_source"]
