"""The application icon, rendered at run time from the one SVG source in ``st_desktop/assets``.

The SVG ships as package data (wheels, editable installs and the PyInstaller bundle all carry
it), so the window icon can never drift from the artwork the OS icons are made from
(``resources/make_icons.py`` renders those from the same file).
"""

from __future__ import annotations

import logging
from importlib import resources

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)

ICON_RESOURCE = "assets/st-desktop.svg"
# Pre-rendered sizes: menus (16), title bars and task bars (24-64), switchers and docks (128-256).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon_svg() -> bytes:
    """The SVG source of the application icon."""
    return resources.files("st_desktop").joinpath(ICON_RESOURCE).read_bytes()


def render_svg(svg: bytes, size: int) -> QImage:
    """Render ``svg`` into a transparent ``size`` x ``size`` image.

    Works without a GUI application (it paints into a QImage), so build scripts can use it.
    """
    renderer = QSvgRenderer(QByteArray(svg))
    if not renderer.isValid():
        raise ValueError("the icon is not a valid SVG document")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


def app_icon() -> QIcon:
    """The application icon at the usual sizes (a QGuiApplication must exist).

    Rendering each size from the SVG (rather than relying on Qt's SVG icon-engine plugin) keeps
    small sizes crisp and works in bundles that leave that plugin out. Returns an empty icon,
    logged, if the asset is missing: a missing icon must never stop the app.
    """
    icon = QIcon()
    try:
        svg = app_icon_svg()
        for size in ICON_SIZES:
            icon.addPixmap(QPixmap.fromImage(render_svg(svg, size)))
    except (OSError, ValueError):
        log.exception("cannot load the application icon")
    return icon
