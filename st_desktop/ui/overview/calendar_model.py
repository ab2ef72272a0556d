"""The month grid of the calendar: a table model of days and a delegate drawing their workouts.

Six rows of seven days (the locale's first day of the week first) plus a last column with the
row's totals. Each day shows its number and a chip per workout in the colour of its sport; a
click on a chip names that workout (:attr:`CalendarDelegate.workout_clicked`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QEvent,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QHelpEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from st_desktop.domain.totals import Entry, Metric, sum_entries
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.colors import sport_colour, text_on
from st_desktop.ui.theme import mix

Index = QModelIndex | QPersistentModelIndex
DAY_ROLE = Qt.ItemDataRole.UserRole + 1
ENTRIES_ROLE = Qt.ItemDataRole.UserRole + 2
IN_MONTH_ROLE = Qt.ItemDataRole.UserRole + 3
WEEK_COLUMN = 7
ROWS = 6


def first_visible(month: date, first_weekday: int) -> date:
    """The first day the grid of ``month`` shows (``first_weekday``: 0 Monday ... 6 Sunday)."""
    start = month.replace(day=1)
    return start - timedelta(days=(start.weekday() - first_weekday) % 7)


def workout_text(entry: Entry, units: str) -> str:
    """One line about a workout: "42.3 km · Morning ride" (the figure first: it fits a chip;
    the type when it has no name; moving time when it has no distance)."""
    what = entry.name or entry.type or entry.category
    if entry.distance:
        detail = fmt.distance(entry.distance, units)
    elif entry.duration:
        detail = f"{fmt.hours(entry.duration)} h"
    else:
        detail = ""
    return f"{detail} · {what}" if detail else what


class CalendarModel(QAbstractTableModel):
    """The days of one month's grid and their workouts."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._month = date.today().replace(day=1)
        self._first_weekday = 0
        self._days: dict[date, list[Entry]] = {}
        self._today = date.today()
        self._units = "metric"

    @property
    def month(self) -> date:
        """The first day of the month shown."""
        return self._month

    def set_month(self, month: date, days: dict[date, list[Entry]], today: date) -> None:
        """Show ``month`` with the workouts of each day."""
        self.beginResetModel()
        self._month, self._days, self._today = month.replace(day=1), days, today
        self.endResetModel()

    def set_first_weekday(self, weekday: int) -> None:
        """The weekday of the first column (0 Monday ... 6 Sunday)."""
        self.beginResetModel()
        self._first_weekday = weekday
        self.endResetModel()

    def set_units(self, units: str) -> None:
        """Show distances in "metric" or "imperial" units."""
        self._units = units
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(ROWS - 1, WEEK_COLUMN))

    def day_at(self, row: int, column: int) -> date:
        """The day of a cell of the grid (not of the week column)."""
        return first_visible(self._month, self._first_weekday) + timedelta(days=row * 7 + column)

    def index_of(self, day: date) -> QModelIndex:
        """The cell of ``day``, or an invalid index when the grid does not show it."""
        offset = (day - first_visible(self._month, self._first_weekday)).days
        if not 0 <= offset < ROWS * 7:
            return QModelIndex()
        return self.index(offset // 7, offset % 7)

    def entries(self, day: date) -> list[Entry]:
        """The workouts of a day shown."""
        return list(self._days.get(day, ()))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else ROWS

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else WEEK_COLUMN + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            if 0 <= section < ROWS:
                week = self.day_at(section, 0).isocalendar()[1]
                return self.tr("W{week}", "a week's number, beside its row").format(week=week)
            return None
        if section == WEEK_COLUMN:
            return self.tr("Week")
        if 0 <= section < WEEK_COLUMN:
            weekday = (self._first_weekday + section) % 7 + 1  # Qt: 1 Monday ... 7 Sunday
            return fmt.locale().dayName(weekday, QLocale.FormatType.ShortFormat)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if column == WEEK_COLUMN:
            week = [e for c in range(7) for e in self._days.get(self.day_at(row, c), ())]
            return self._week_data(week, role)
        day = self.day_at(row, column)
        entries = self._days.get(day, [])
        if role == Qt.ItemDataRole.DisplayRole:
            return str(day.day)
        if role == DAY_ROLE:
            return day
        if role == ENTRIES_ROLE:
            return entries
        if role == IN_MONTH_ROLE:
            return day.month == self._month.month and day.year == self._month.year
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [fmt.short_date(day)] + [workout_text(e, self._units) for e in entries]
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{fmt.short_date(day)}, {fmt.workouts(len(entries))}"
        return None

    def _week_data(self, week: list[Entry], role: int) -> Any:
        if role == ENTRIES_ROLE:
            return []
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        if not week:
            return "" if role == Qt.ItemDataRole.DisplayRole else self.tr("No workouts this week")
        total = sum_entries(week)
        lines = [fmt.figure_text(total, Metric.COUNT, self._units)]
        if total.distance:
            lines.append(fmt.distance(total.distance, self._units))
        lines.append(f"{fmt.hours(total.duration)} h")
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() == WEEK_COLUMN:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def chip_rects(
    cell: QRect, text_height: int, entries: list[Entry]
) -> list[tuple[QRect, Entry | None]]:
    """Where each workout's chip goes in a day's cell, below the day's number.

    Returns:
        (rectangle, workout) pairs; when not all fit, the last rectangle (workout None) is for
        "+ n more".
    """
    line = text_height + 4
    rect = cell.adjusted(3, line + 2, -3, -2)
    fit = max(0, rect.height() // (line + 2))
    shown = entries if len(entries) <= fit else entries[: max(0, fit - 1)]
    chips: list[tuple[QRect, Entry | None]] = [
        (QRect(rect.left(), rect.top() + number * (line + 2), rect.width(), line), entry)
        for number, entry in enumerate(shown)
    ]
    if len(shown) < len(entries) and fit:
        top = rect.top() + len(shown) * (line + 2)
        chips.append((QRect(rect.left(), top, rect.width(), line), None))
    return chips


class CalendarDelegate(QStyledItemDelegate):
    """Draws a day: its number, then a chip per workout coloured by sport.

    Signals:
        workout_clicked(str): the id of the workout whose chip was clicked.
    """

    workout_clicked = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.units = "metric"

    def sizeHint(self, option: QStyleOptionViewItem, _index: Index) -> QSize:
        height = option.fontMetrics.height()
        return QSize(110, height * 5 + 12)

    def _chips(
        self, option: QStyleOptionViewItem, index: Index
    ) -> list[tuple[QRect, Entry | None]]:
        entries: list[Entry] = index.data(ENTRIES_ROLE) or []
        return chip_rects(option.rect, option.fontMetrics.height(), entries)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        if index.column() == WEEK_COLUMN:
            option.displayAlignment = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
            super().paint(painter, option, index)
            return
        palette = option.palette
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        in_month = bool(index.data(IN_MONTH_ROLE))
        base = palette.color(QPalette.ColorRole.Base)
        if not in_month:
            base = mix(base, palette.color(QPalette.ColorRole.Window), 0.6)
        painter.fillRect(option.rect, base)
        if selected:
            tint = QColor(palette.color(QPalette.ColorRole.Highlight))
            tint.setAlpha(60)
            painter.fillRect(option.rect, tint)
        self._paint_number(painter, option, index, in_month)
        self._paint_chips(painter, option, index, in_month, base)
        grid = QColor(palette.color(QPalette.ColorRole.PlaceholderText))
        grid.setAlpha(60)
        painter.setPen(grid)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
        painter.restore()

    def _paint_number(
        self, painter: QPainter, option: QStyleOptionViewItem, index: Index, in_month: bool
    ) -> None:
        """The day's number at the top left: faint outside the month, bold and tinted today."""
        palette = option.palette
        day: date = index.data(DAY_ROLE)
        number_rect = option.rect.adjusted(5, 2, -5, 0)
        number_rect.setHeight(option.fontMetrics.height() + 4)
        font = QFont(option.font)
        today = self._is_today(index, day)
        font.setBold(today)
        painter.setFont(font)
        colour = palette.color(
            QPalette.ColorRole.Text if in_month else QPalette.ColorRole.PlaceholderText
        )
        if today:
            colour = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(colour)
        painter.drawText(
            number_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            str(day.day),
        )
        painter.setFont(option.font)

    def _paint_chips(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: Index,
        in_month: bool,
        base: QColor,
    ) -> None:
        """A chip per workout in its sport's colour (paler outside the month), "+ n more" when
        they do not all fit."""
        entries: list[Entry] = index.data(ENTRIES_ROLE) or []
        chips = self._chips(option, index)
        for rect, entry in chips:
            if entry is None:
                painter.setPen(option.palette.color(QPalette.ColorRole.PlaceholderText))
                more = len(entries) - (len(chips) - 1)
                painter.drawText(
                    rect.adjusted(4, 0, 0, 0),
                    int(Qt.AlignmentFlag.AlignVCenter),
                    self.tr("+ {count} more").format(count=fmt.number(more)),
                )
                continue
            fill = sport_colour(entry.category)
            if not in_month:
                fill = mix(fill, base, 0.45)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(text_on(fill))
            text = option.fontMetrics.elidedText(
                workout_text(entry, self.units), Qt.TextElideMode.ElideRight, rect.width() - 8
            )
            painter.drawText(rect.adjusted(4, 0, -4, 0), int(Qt.AlignmentFlag.AlignVCenter), text)

    def _is_today(self, index: Index, day: date) -> bool:
        model = index.model()
        return isinstance(model, CalendarModel) and day == model._today

    def entry_at(self, option: QStyleOptionViewItem, index: Index, pos: Any) -> Entry | None:
        """The workout whose chip is under ``pos`` (view coordinates)."""
        for rect, entry in self._chips(option, index):
            if entry is not None and rect.contains(pos):
                return entry
        return None

    def editorEvent(
        self, event: QEvent, model: QAbstractItemModel, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and index.column() != WEEK_COLUMN
        ):
            entry = self.entry_at(option, index, event.position().toPoint())
            if entry is not None:
                self.workout_clicked.emit(entry.id)
                return True
        return super().editorEvent(event, model, option, index)

    def helpEvent(
        self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem, index: Index
    ) -> bool:
        entry = self.entry_at(option, index, event.pos()) if index.column() != WEEK_COLUMN else None
        if entry is None:
            return super().helpEvent(event, view, option, index)
        lines = [entry.name or entry.type or entry.category, entry.type]
        if entry.distance:
            lines.append(fmt.distance(entry.distance, self.units))
        if entry.duration:
            lines.append(self.tr("{hours} h moving").format(hours=fmt.hours(entry.duration)))
        lines.append(self.tr("Click to show it in the workout table"))
        QToolTip.showText(event.globalPos(), "\n".join(line for line in lines if line), view)
        return True
