"""Helpers of the light/dark tests: put the palette back after a test, and read painted colours."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from st_desktop.ui import theme


@pytest.fixture
def restore_palette(qapp: QApplication) -> Iterator[None]:
    """Whatever a test switches to, the next test starts with the palette it found."""
    palette = QPalette(qapp.palette())
    yield
    theme.apply_appearance(theme.SYSTEM)
    qapp.setPalette(palette)
    qapp.processEvents()


def pixels(widget: QWidget) -> np.ndarray:
    """What ``widget`` shows, as an array of rows of (r, g, b)."""
    image = widget.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, : width * 3].reshape(height, width, 3).copy()


def share_near(shown: np.ndarray, colour: QColor, tolerance: int = 24) -> float:
    """Share of the pixels in ``shown`` within ``tolerance`` (each channel) of ``colour``."""
    wanted = np.array([colour.red(), colour.green(), colour.blue()], dtype=np.int16)
    close = np.all(np.abs(shown.astype(np.int16) - wanted) <= tolerance, axis=-1)
    return float(close.mean())


def near(colour: QColor, expected: QColor, tolerance: int = 24) -> bool:
    """``colour`` is ``expected`` give or take ``tolerance`` per channel."""
    return all(
        abs(a - b) <= tolerance
        for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3], strict=True)
    )


def at(shown: np.ndarray, x: int, y: int) -> QColor:
    """The colour shown at (x, y)."""
    r, g, b = (int(v) for v in shown[y, x])
    return QColor(r, g, b)


def use_palette(palette: QPalette) -> None:
    """Set the application's palette as a platform switching schemes does, and let the widgets
    take it (Qt posts the change to each widget: it arrives with the next events processed)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.setPalette(palette)
    app.processEvents()
