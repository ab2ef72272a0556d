"""A bar chart drawn with QPainter in the palette's colours (no plotting library needed).

Bars stand oldest on the left to newest on the right; the current period's bar is drawn in the
full highlight colour and the others lighter, with a dashed line at a reference value (the
average of the previous periods). Hovering a bar shows its tooltip; clicking one emits
:attr:`BarChart.bar_clicked`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from st_desktop.ui.overview import fmt


def nice_ticks(low: float, high: float, wanted: int = 4) -> list[float]:
    """Round tick values covering ``low``..``high`` (1, 2, 2.5 or 5 times a power of ten)."""
    if not math.isfinite(low) or not math.isfinite(high) or high <= low:
        return [low] if math.isfinite(low) else [0.0]
    raw = (high - low) / max(1, wanted)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value <= high + step * 1e-9:
        ticks.append(round(value, 10))
        value += step
    if ticks[-1] < high:
        ticks.append(round(value, 10))
    return ticks


def tick_text(value: float, step: float) -> str:
    """A tick label with as many decimals as its step needs."""
    decimals = 0
    while decimals < 3 and abs(step * 10**decimals - round(step * 10**decimals)) > 1e-6:
        decimals += 1
    return fmt.number(value, decimals)


@dataclass(frozen=True)
class Bar:
    """One bar: its axis label, value (in the unit shown), tooltip, and whether it is current."""

    label: str
    value: float
    tooltip: str = ""
    current: bool = False


class BarChart(QWidget):
    """Bars with a value axis, a title and an optional reference line.

    Signals:
        bar_clicked(int): index of the bar clicked (in the order given).
    """

    bar_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setMinimumSize(260, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._bars: list[Bar] = []
        self._title = ""
        self._unit = ""
        self._reference: float | None = None
        self._reference_label = ""
        self._empty_text = self.tr("Nothing to show yet.")

    def sizeHint(self) -> QSize:
        return QSize(420, 260)

    @property
    def bars(self) -> list[Bar]:
        """The bars shown."""
        return list(self._bars)

    def set_bars(
        self,
        bars: list[Bar],
        *,
        title: str = "",
        unit: str = "",
        reference: float | None = None,
        reference_label: str = "",
        empty_text: str = "",
    ) -> None:
        """Show bars (oldest first) under a title; ``reference`` draws a dashed line;
        ``empty_text`` shows without bars (default: "Nothing to show yet.")."""
        self._bars = list(bars)
        self._title, self._unit = title, unit
        self._reference, self._reference_label = reference, reference_label
        self._empty_text = empty_text or self.tr("Nothing to show yet.")
        self.setAccessibleDescription(self._describe())
        self.update()

    def _describe(self) -> str:
        if not self._bars:
            return self._empty_text
        current = next((b for b in self._bars if b.current), self._bars[-1])
        text = f"{self._title}: {current.label} {fmt.number(current.value, 1)} {self._unit}"
        if self._reference is not None:
            text += f"; {self._reference_label} {fmt.number(self._reference, 1)} {self._unit}"
        return text

    # -- geometry -------------------------------------------------------------------------------

    def _plot_rect(self) -> QRectF:
        metrics = self.fontMetrics()
        top = metrics.height() * 1.8
        labels = [tick_text(t, 1) for t in self._ticks()]
        left = max((metrics.horizontalAdvance(t) for t in labels), default=20) + 12
        bottom = metrics.height() + 10
        return QRectF(
            left, top, max(10.0, self.width() - left - 10), max(10.0, self.height() - top - bottom)
        )

    def _ticks(self) -> list[float]:
        values = [b.value for b in self._bars]
        if self._reference is not None:
            values.append(self._reference)
        top = max(values, default=0.0)
        return nice_ticks(0.0, top if top > 0 else 1.0)

    def _bar_rect(self, index: int, plot: QRectF, top: float) -> QRectF:
        slot = plot.width() / max(1, len(self._bars))
        width = max(1.0, slot * 0.72)
        value = max(0.0, self._bars[index].value)
        height = plot.height() * value / top if top > 0 else 0.0
        x = plot.left() + slot * index + (slot - width) / 2
        return QRectF(x, plot.bottom() - height, width, height)

    def bar_at(self, x: float) -> int | None:
        """The index of the bar under an x position, or None."""
        plot = self._plot_rect()
        if not self._bars or not plot.left() <= x < plot.right():
            return None
        return min(len(self._bars) - 1, int((x - plot.left()) / (plot.width() / len(self._bars))))

    # -- painting -------------------------------------------------------------------------------

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        title = self._title + (f" ({self._unit})" if self._unit else "")
        painter.setPen(text)
        metrics = self.fontMetrics()
        painter.drawText(QPointF(4, metrics.ascent() + 2), title)
        if not self._bars:
            painter.setPen(faint)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._empty_text)
            return
        plot = self._plot_rect()
        ticks = self._ticks()
        top = ticks[-1]
        step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
        grid = QColor(faint)
        grid.setAlpha(70)
        for tick in ticks:
            y = plot.bottom() - plot.height() * tick / top
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(faint)
            label = tick_text(tick, step)
            painter.drawText(
                QRectF(0, y - metrics.height() / 2, plot.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                label,
            )
        highlight = palette.color(QPalette.ColorRole.Highlight)
        past = QColor(highlight)
        past.setAlpha(120)
        painter.setPen(Qt.PenStyle.NoPen)
        for index, bar in enumerate(self._bars):
            painter.setBrush(highlight if bar.current else past)
            painter.drawRect(self._bar_rect(index, plot, top))
        self._draw_reference(painter, plot, top, text)
        self._draw_labels(painter, plot, faint)

    def _draw_reference(self, painter: QPainter, plot: QRectF, top: float, colour: QColor) -> None:
        if self._reference is None or top <= 0:
            return
        y = plot.bottom() - plot.height() * self._reference / top
        pen = QPen(colour, 1.2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        if self._reference_label:
            label = f"{self._reference_label} {fmt.number(self._reference, 1)}"
            width = self.fontMetrics().horizontalAdvance(label)
            painter.drawText(QPointF(plot.right() - width - 2, y - 4), label)

    def _draw_labels(self, painter: QPainter, plot: QRectF, colour: QColor) -> None:
        metrics = self.fontMetrics()
        slot = plot.width() / len(self._bars)
        widest = max(metrics.horizontalAdvance(b.label) for b in self._bars) + 8
        every = max(1, math.ceil(widest / slot))
        last = len(self._bars) - 1
        highlight = self.palette().color(QPalette.ColorRole.Highlight)
        for index, bar in enumerate(self._bars):
            # Label the newest bar always, and every n-th counting back from it.
            if (last - index) % every:
                continue
            x = plot.left() + slot * index + slot / 2
            rect = QRectF(x - widest / 2, plot.bottom() + 3, widest, metrics.height())
            font = self.font()
            font.setBold(bar.current)
            painter.setFont(font)
            painter.setPen(highlight if bar.current else colour)
            painter.drawText(rect, int(Qt.AlignmentFlag.AlignHCenter), bar.label)
            if bar.current:  # a mark on the axis, seen even while the bar is still empty
                painter.fillRect(
                    QRectF(x - slot * 0.36, plot.bottom() - 2, slot * 0.72, 2), highlight
                )
        painter.setFont(self.font())

    # -- mouse ----------------------------------------------------------------------------------

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index is None:
            QToolTip.hideText()
        else:
            bar = self._bars[index]
            QToolTip.showText(event.globalPosition().toPoint(), bar.tooltip or bar.label, self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.bar_at(event.position().x())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.bar_clicked.emit(index)
        super().mousePressEvent(event)
