"""Colours of the overview: one per sport, and text that stays readable on each.

Sport colours are data colours (the same in the light and the dark palette, like a map's); the
text drawn on them is black or white by their lightness. Everything else the overview paints
takes its colours from the widget's palette.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QPixmap

#: Category -> colour (hues far enough apart to tell seven sports apart at a glance).
SPORT_COLOURS: dict[str, str] = {
    "Running": "#e8710a",
    "Cycling": "#1a73e8",
    "Swimming": "#12a4af",
    "Walking": "#34a853",
    "Skiing": "#9334e6",
    "Rowing": "#0b8043",
    "Skating": "#d01884",
    "Gym": "#b3261e",
    "Other": "#7f7f7f",
}
_SPARE = ("#795548", "#5c6bc0", "#f9ab00", "#00897b", "#8d6e63")


def sport_colour(category: str) -> QColor:
    """The colour of a sport category (an unknown one gets a stable spare colour)."""
    known = SPORT_COLOURS.get(category)
    if known is not None:
        return QColor(known)
    return QColor(_SPARE[sum(map(ord, category)) % len(_SPARE)])


def text_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background``."""
    red, green, blue = background.redF(), background.greenF(), background.blueF()
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return QColor("black") if luminance > 0.55 else QColor("white")


def swatch(colour: QColor, size: int) -> QPixmap:
    """A small square of a colour (beside a sport's name)."""
    pixmap = QPixmap(size, size)
    pixmap.fill(colour)
    return pixmap
