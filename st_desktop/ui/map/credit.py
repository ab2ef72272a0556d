"""The tile server's credit on a map: a small label in the bottom-right corner, a link where the
server names one (OpenStreetMap's licence page), always inside the map."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget

from st_desktop.services.tiles import TileSource
from st_desktop.ui.map.painting import MapColours


class CreditLabel(QLabel):
    """The credit of a tile server (objectName ``mapAttribution``); links open in the browser."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("mapAttribution")
        self.setOpenExternalLinks(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setCursor(Qt.CursorShape.ArrowCursor)

    def show_source(self, source: TileSource, palette: QPalette, point_size: float) -> None:
        """Show ``source``'s credit in colours of ``palette``, a little smaller than the text."""
        text = escape(source.attribution)
        if source.attribution_url:
            link = palette.color(QPalette.ColorRole.Link).name()
            text = (
                f'<a href="{escape(source.attribution_url, quote=True)}" '
                f'style="color: {link}; text-decoration: none;">{text}</a>'
            )
        self.setText(text)
        self.setToolTip(source.attribution_url)
        self.setVisible(bool(source.attribution))
        panel = MapColours.from_palette(palette).panel
        self.setStyleSheet(
            f"QLabel#mapAttribution {{ background: rgba({panel.red()}, {panel.green()}, "
            f"{panel.blue()}, {panel.alpha()}); padding: 1px 5px; border-top-left-radius: 3px; }}"
        )
        font = self.font()
        font.setPointSizeF(max(7.0, point_size * 0.85))
        self.setFont(font)

    def place(self, width: int, height: int) -> None:
        """Bottom-right of a ``width`` × ``height`` map; wrapped when the map is narrower."""
        self.setWordWrap(False)
        size = self.sizeHint()
        if size.width() > width:
            self.setWordWrap(True)
            size = QSize(width, self.heightForWidth(width))
        self.setGeometry(width - size.width(), height - size.height(), size.width(), size.height())
        self.raise_()
