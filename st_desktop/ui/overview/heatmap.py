"""A year at a glance: one square per day, darker the more time was spent training that day.

Columns are ISO weeks (Monday on top), like the month grid's rows; a click on a day emits
:attr:`YearHeatMap.day_clicked`. Colours come from the palette's highlight colour, so the map
reads in the light and the dark palette alike.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from st_desktop.ui.i18n import plural
from st_desktop.ui.overview import fmt

#: Upper bounds of the shading levels, in hours of moving time per day.
LEVELS = (0.0, 0.5, 1.0, 2.0)


class YearHeatMap(QWidget):
    """Days of one year shaded by moving time (``calendarHeatMap``).

    Signals:
        day_clicked(object): the :class:`datetime.date` clicked.
    """

    day_clicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarHeatMap")
        self.setAccessibleName(self.tr("Year heat map"))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._year = date.today().year
        self._seconds: dict[date, float] = {}
        self._counts: dict[date, int] = {}
        self._selected: date | None = None

    def sizeHint(self) -> QSize:
        return QSize(54 * 15 + 40, self.fontMetrics().height() + 4 + 7 * 15)

    def minimumSizeHint(self) -> QSize:
        return QSize(300, self.sizeHint().height())

    def set_year(
        self, year: int, seconds: dict[date, float], counts: dict[date, int], selected: date | None
    ) -> None:
        """Show ``year`` with each day's moving time (seconds) and workout count."""
        self._year, self._seconds, self._counts, self._selected = year, seconds, counts, selected
        days = sum(1 for day in counts if day.year == year)
        self.setAccessibleDescription(
            plural(
                days,
                self.tr("{year}: workouts on {count} day"),
                self.tr("{year}: workouts on {count} days"),
                year=year,
            )
        )
        self.update()

    def _first_monday(self) -> date:
        first = date(self._year, 1, 1)
        return first - timedelta(days=first.weekday())

    def _geometry(self) -> tuple[float, float, float]:
        """Left edge, top edge and size of one day's square."""
        label = self.fontMetrics().height() + 2
        left = self.fontMetrics().horizontalAdvance("Wed") + 6
        size = min((self.width() - left - 4) / 54, (self.height() - label - 2) / 7)
        return left, label, max(3.0, size)

    def day_at(self, x: float, y: float) -> date | None:
        """The day under a point, or None."""
        left, top, size = self._geometry()
        column, row = int((x - left) // size), int((y - top) // size)
        if x < left or y < top or not 0 <= row < 7 or column < 0:
            return None
        day = self._first_monday() + timedelta(days=column * 7 + row)
        return day if day.year == self._year else None

    def _shade(self, seconds: float) -> QColor:
        palette = self.palette()
        if seconds <= 0:
            empty = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
            empty.setAlpha(40)
            return empty
        colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        level = sum(1 for bound in LEVELS if seconds / 3600 > bound)
        colour.setAlpha(60 + 48 * level)
        return colour

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, top, size = self._geometry()
        palette = self.palette()
        faint = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(faint)
        locale = fmt.locale()
        for row in (0, 2, 4):
            name = locale.dayName(row + 1, QLocale.FormatType.ShortFormat)
            painter.drawText(
                QRectF(0, top + row * size, left - 4, size),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                name,
            )
        day = self._first_monday()
        end = date(self._year + 1, 1, 1)
        column = 0
        while day < end:
            for row in range(7):
                current = day + timedelta(days=row)
                if current.year != self._year:
                    continue
                if current.day == 1:  # the month's name above the week it starts in
                    painter.setPen(faint)
                    month = locale.standaloneMonthName(
                        current.month, QLocale.FormatType.ShortFormat
                    )
                    painter.drawText(QPointF(left + column * size, top - 4), month)
                square = QRectF(left + column * size + 1, top + row * size + 1, size - 2, size - 2)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self._shade(self._seconds.get(current, 0.0)))
                painter.drawRoundedRect(square, 2, 2)
                if current == self._selected:
                    painter.setPen(palette.color(QPalette.ColorRole.Text))
                    painter.setBrush(Qt.BrushStyle.NoBrush)
                    painter.drawRoundedRect(square, 2, 2)
            day += timedelta(days=7)
            column += 1
        self._draw_legend(painter, left, top, size)

    def _draw_legend(self, painter: QPainter, left: float, top: float, size: float) -> None:
        """ "Less ▢▢▢▢▢ More" to the right of the year, when there is room."""
        metrics = self.fontMetrics()
        x = left + 54 * size + 16
        less, more = self.tr("Less"), self.tr("More")
        width = metrics.horizontalAdvance(less) + metrics.horizontalAdvance(more) + 5 * size + 12
        if x + width > self.width():
            return
        y = top + 5 * size
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QPointF(x, y + size - 3), less)
        x += metrics.horizontalAdvance(less) + 6
        for hours in (0.0, 0.25, 0.75, 1.5, 3.0):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._shade(hours * 3600))
            painter.drawRoundedRect(QRectF(x + 1, y + 1, size - 2, size - 2), 2, 2)
            x += size
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(QPointF(x + 6, y + size - 3), more)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is None:
            QToolTip.hideText()
        else:
            count = self._counts.get(day, 0)
            text = f"{fmt.short_date(day)}: {fmt.workouts(count)}"
            if count:
                text += f", {fmt.hours(self._seconds.get(day, 0.0))} h"
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        day = self.day_at(event.position().x(), event.position().y())
        if day is not None and event.button() == Qt.MouseButton.LeftButton:
            self.day_clicked.emit(day)
        super().mousePressEvent(event)
