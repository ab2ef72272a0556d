"""Body metrics over time, drawn with QPainter: one band per metric over a shared time axis.

Each band has its own value axis (weight in kg or lb, body fat in %, resting heart rate in bpm),
a line through the points and the latest value written at its right end. Clicking a band picks
the point nearest in time (:attr:`MetricsChart.point_clicked`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from st_desktop.domain.metrics import MetricPoint
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.bars import nice_ticks, tick_text


@dataclass(frozen=True)
class Series:
    """One band: its title, unit, colour, and points as (instant, value in the unit shown)."""

    key: str
    title: str
    unit: str
    colour: str
    points: tuple[tuple[datetime, float, MetricPoint], ...]
    decimals: int = 1


class MetricsChart(QWidget):
    """Bands of body metrics over one time span (``metricsChart``).

    Signals:
        point_clicked(object): the :class:`MetricPoint` nearest in time to a click.
    """

    point_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metricsChart")
        self.setAccessibleName(self.tr("Body metrics chart"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(220)
        self._series: list[Series] = []
        self._span: tuple[datetime, datetime] | None = None
        self._selected: MetricPoint | None = None

    def sizeHint(self) -> QSize:
        return QSize(640, 360)

    @property
    def series(self) -> list[Series]:
        """The bands shown."""
        return list(self._series)

    def set_series(
        self, series: list[Series], span: tuple[datetime, datetime], selected: MetricPoint | None
    ) -> None:
        """Show bands between two instants; ``selected`` is ringed."""
        self._series, self._span, self._selected = series, span, selected
        latest = [
            f"{s.title} {fmt.number(s.points[-1][1], s.decimals)} {s.unit}"
            for s in series
            if s.points
        ]
        self.setAccessibleDescription(
            self.tr("Latest: {values}").format(values=", ".join(latest))
            if latest
            else self.tr("No values in this span")
        )
        self.update()

    def _bands(self) -> list[tuple[Series, QRectF]]:
        if not self._series:
            return []
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("0000.0") + 14
        right = metrics.horizontalAdvance("000.0 bpm") + 14
        bottom = metrics.height() + 8
        height = (self.height() - bottom) / len(self._series)
        bands = []
        for number, series in enumerate(self._series):
            top = number * height + metrics.height() + 6
            bands.append(
                (
                    series,
                    QRectF(
                        left,
                        top,
                        max(10.0, self.width() - left - right),
                        max(10.0, height - metrics.height() - 14),
                    ),
                )
            )
        return bands

    def _x(self, moment: datetime, rect: QRectF) -> float:
        assert self._span is not None
        first, last = self._span
        whole = max(1.0, (last - first).total_seconds())
        return rect.left() + rect.width() * (moment - first).total_seconds() / whole

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        bands = self._bands()
        if not bands or self._span is None:
            painter.setPen(faint)
            painter.drawText(
                self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No body metrics yet.")
            )
            return
        for series, rect in bands:
            self._draw_band(painter, series, rect, text, faint)
        self._draw_time_axis(painter, bands[-1][1], faint)

    def _draw_band(
        self, painter: QPainter, series: Series, rect: QRectF, text: QColor, faint: QColor
    ) -> None:
        """One metric: its title, value axis, line and points, the latest value at the right."""
        painter.setPen(text)
        painter.drawText(
            QPointF(rect.left() + 4, rect.top() - 6), f"{series.title} ({series.unit})"
        )
        values = [value for _m, value, _p in series.points]
        if not values:
            painter.setPen(faint)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("No values in this span"))
            return
        low, high = min(values), max(values)
        pad = max((high - low) * 0.1, abs(high) * 0.01, 0.5)
        ticks = nice_ticks(low - pad, high + pad, 3)
        bottom, top = ticks[0], ticks[-1]

        def y(value: float) -> float:
            return rect.bottom() - rect.height() * (value - bottom) / max(1e-9, top - bottom)

        self._draw_value_axis(painter, rect, ticks, y, faint)
        colour = QColor(series.colour)
        self._draw_line(painter, series, rect, y, colour, text)
        last = series.points[-1]
        painter.setPen(colour)
        painter.drawText(
            QPointF(rect.right() + 6, y(last[1]) + self.fontMetrics().ascent() / 2),
            f"{fmt.number(last[1], series.decimals)}",
        )

    def _draw_value_axis(
        self,
        painter: QPainter,
        rect: QRectF,
        ticks: list[float],
        y: Callable[[float], float],
        faint: QColor,
    ) -> None:
        """Grid lines across the band at the ticks, their values at the left."""
        metrics = self.fontMetrics()
        step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
        grid = QColor(faint)
        grid.setAlpha(60)
        for tick in ticks:
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(rect.left(), y(tick)), QPointF(rect.right(), y(tick)))
            painter.setPen(faint)
            painter.drawText(
                QRectF(0, y(tick) - metrics.height() / 2, rect.left() - 6, metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                tick_text(tick, step),
            )

    def _draw_line(
        self,
        painter: QPainter,
        series: Series,
        rect: QRectF,
        y: Callable[[float], float],
        colour: QColor,
        text: QColor,
    ) -> None:
        """The line through the band's points, a dot on each, a ring around the selected one."""
        path = QPainterPath()
        for number, (moment, value, _point) in enumerate(series.points):
            spot = QPointF(self._x(moment, rect), y(value))
            if number == 0:
                path.moveTo(spot)
            else:
                path.lineTo(spot)
        painter.setPen(QPen(colour, 1.8))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setBrush(colour)
        radius = 2.2 if len(series.points) > 60 else 3.0
        for moment, value, point in series.points:
            centre = QPointF(self._x(moment, rect), y(value))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(centre, radius, radius)
            if point == self._selected:
                painter.setPen(QPen(text, 1.5))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, 6, 6)
                painter.setBrush(colour)

    def _draw_time_axis(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        assert self._span is not None
        first, last = self._span
        painter.setPen(colour)
        months = (last.year - first.year) * 12 + last.month - first.month
        every = max(1, months // 8 + (1 if months % 8 else 0)) if months > 8 else 1
        year, month = first.year, first.month
        labels = 0
        while (year, month) <= (last.year, last.month):
            moment = datetime(year, month, 1, tzinfo=UTC)
            if moment >= first and labels % every == 0:
                x = self._x(moment, rect)
                name = fmt.locale().standaloneMonthName(month, QLocale.FormatType.ShortFormat)
                label = f"{name} {year}" if month == 1 or labels == 0 else name
                painter.drawText(
                    QPointF(x + 2, rect.bottom() + self.fontMetrics().height() + 4), label
                )
                painter.drawLine(QPointF(x, rect.bottom()), QPointF(x, rect.bottom() + 4))
            if moment >= first:
                labels += 1
            month += 1
            if month > 12:
                year, month = year + 1, 1

    def mousePressEvent(self, event: QMouseEvent) -> None:
        position = event.position()
        for series, rect in self._bands():
            if rect.top() - 8 <= position.y() <= rect.bottom() + 8 and series.points:
                nearest = min(series.points, key=lambda p: abs(self._x(p[0], rect) - position.x()))
                self.point_clicked.emit(nearest[2])
                break
        super().mousePressEvent(event)
