"""st-desktop: a desktop client for the SportTracks fitness service."""

__version__ = "0.1.0"
APP_NAME = "st-desktop"
ORG_NAME = "st-desktop"
APP_ID = "io.github.st_desktop.StDesktop"
APP_DISPLAY_NAME = "SportTracks Desktop"
