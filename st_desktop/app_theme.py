"""Light and dark in the app (composition root): the stored appearance, live.

:func:`install_theme` is called by :mod:`st_desktop.app` once the application is built. It
paints the app as the settings say (``Keys.APPEARANCE``: the system's scheme by default, or
Light or Dark), makes the application's :class:`~st_desktop.ui.theme.ThemeWatcher` (the one
models and other objects without a palette connect to), follows the platform when it switches
between light and dark, and adds the "Appearance" page to the Preferences dialog where the app
collects pages (``application.preference_pages``). Widgets that paint their own colours
(charts, routes, maps, notices) follow the palette themselves.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from st_desktop.ui import theme
from st_desktop.ui.dialogs.appearance import (
    add_appearance_page,
    apply_stored_appearance,
    stored_appearance,
)

if TYPE_CHECKING:
    from st_desktop.application import Application

log = logging.getLogger(__name__)


def install_theme(application: Application) -> theme.ThemeWatcher:
    """Apply the stored appearance and keep following it (see the module).

    Returns:
        The application's theme watcher.
    """
    settings = application.settings
    apply_stored_appearance(settings)
    watcher = theme.watcher()
    # Owned by the window: a second app built in the same process (tests) follows on its own.
    theme.SystemFollower(lambda: stored_appearance(settings), application.window)
    application.preference_pages.append(add_appearance_page)
    log.info("appearance %s (%s)", stored_appearance(settings), "dark" if watcher.dark else "light")
    return watcher
