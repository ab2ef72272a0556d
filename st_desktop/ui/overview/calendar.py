"""The Calendar view: a month of workouts coloured by sport, the chosen day, and the year's map.

The month grid (``calendarView``) is a table: the arrow keys move between days, and the day's
workouts are listed beside it (``calendarDayList``). Clicking a workout's chip in the grid, or
Enter / a double click on it in the list, emits :attr:`CalendarPane.workout_chosen`, which the
window turns into that workout selected in the workout table. Buttons and Page Up / Page Down
change the month (with Shift, the year); the year heat map below jumps to the day clicked.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, QLocale, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.totals import Entry, Metric, by_day, sum_entries
from st_desktop.services.overview import Digest
from st_desktop.settings import Keys, Settings
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.calendar_model import (
    DAY_ROLE,
    WEEK_COLUMN,
    CalendarDelegate,
    CalendarModel,
    workout_text,
)
from st_desktop.ui.overview.colors import sport_colour, swatch
from st_desktop.ui.overview.heatmap import YearHeatMap
from st_desktop.ui.overview.hub import OverviewHub

ID_ROLE = Qt.ItemDataRole.UserRole + 1


def add_months(month: date, count: int) -> date:
    """The first day of the month ``count`` months after ``month``'s."""
    index = month.year * 12 + month.month - 1 + count
    return date(index // 12, index % 12 + 1, 1)


class CalendarGrid(QTableView):
    """The month grid; Page Up / Page Down change the month, with Shift the year.

    Signals:
        month_step(int): months to move (-12, -1, 1, 12).
    """

    month_step = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        steps = {Qt.Key.Key_PageUp: -1, Qt.Key.Key_PageDown: 1}
        step = steps.get(Qt.Key(event.key()))
        if step is not None:
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            self.month_step.emit(step * (12 if shift else 1))
            return
        super().keyPressEvent(event)


class CalendarPane(QWidget):
    """Month grid, the chosen day's workouts and the year heat map (``calendarPane``).

    Signals:
        workout_chosen(str): the id of a workout the user picked.
    """

    workout_chosen = Signal(str)

    def __init__(self, hub: OverviewHub, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPane")
        self._hub, self._settings = hub, settings
        self._units = settings.get(Keys.UNITS)
        self._days: dict[date, list[Entry]] = {}
        self._chosen = hub.today()
        buttons = self._build_header(settings)
        self._build_grid()
        side = self._build_day_list()
        self.heatmap = YearHeatMap(self)
        self.heatmap.day_clicked.connect(self.go_to)
        self.heatmap_box.toggled.connect(self._heatmap_toggled)
        self.heatmap.setVisible(self.heatmap_box.isChecked())
        self._lay_out(buttons, side)

        hub.watch(self)
        hub.digest_changed.connect(self._digest_changed)
        self._digest_changed(hub.digest)

    def _build_header(self, settings: Settings) -> QHBoxLayout:
        """The month's title between the year and month buttons, Today, the month's figures
        and the heat map's toggle."""
        self.title = QLabel(self)
        self.title.setObjectName("calendarTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setMinimumWidth(
            self.title.fontMetrics().horizontalAdvance("September 2030") + 20
        )
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        buttons = QHBoxLayout()
        for name, text, accessible, keys, step in (
            ("calendarPrevYear", "«", self.tr("Previous year"), self.tr("Shift+Page Up"), -12),
            ("calendarPrevMonth", "‹", self.tr("Previous month"), self.tr("Page Up"), -1),
            ("", "", "", "", 0),
            ("calendarNextMonth", "›", self.tr("Next month"), self.tr("Page Down"), 1),
            ("calendarNextYear", "»", self.tr("Next year"), self.tr("Shift+Page Down"), 12),
        ):
            if not name:
                buttons.addWidget(self.title)
                continue
            button = QToolButton(self)
            button.setObjectName(name)
            button.setText(text)
            button.setToolTip(f"{accessible} ({keys})")
            button.setAccessibleName(accessible)
            button.setAutoRaise(True)
            button.clicked.connect(lambda _c=False, s=step: self.step(s))
            buttons.addWidget(button)
        self.today_button = QPushButton(self.tr("&Today"), self)
        self.today_button.setObjectName("calendarToday")
        self.today_button.clicked.connect(self.go_today)
        buttons.addWidget(self.today_button)
        buttons.addStretch(1)
        self.month_summary = QLabel(self)
        self.month_summary.setObjectName("calendarMonthSummary")
        buttons.addWidget(self.month_summary)
        self.heatmap_box = QCheckBox(self.tr("&Year heat map"), self)
        self.heatmap_box.setObjectName("calendarHeatMapToggle")
        self.heatmap_box.setChecked(settings.get(Keys.CALENDAR_HEATMAP))
        buttons.addSpacing(12)
        buttons.addWidget(self.heatmap_box)
        return buttons

    def _build_grid(self) -> None:
        """The month grid: its model, the delegate drawing each day, and the view."""
        self.model = CalendarModel(self)
        self.model.set_first_weekday(fmt.locale().firstDayOfWeek().value - 1)
        self.delegate = CalendarDelegate(self)
        self.delegate.workout_clicked.connect(self.workout_chosen)
        self.view = CalendarGrid(self)
        self.view.setObjectName("calendarView")
        self.view.setAccessibleName(self.tr("Calendar"))
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setMouseTracking(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setShowGrid(False)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(WEEK_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(
            WEEK_COLUMN, self.fontMetrics().horizontalAdvance(fmt.workouts(1000)) + 12
        )
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.month_step.connect(self.step)
        self.view.activated.connect(self._activated)
        self.view.selectionModel().currentChanged.connect(self._current_changed)

    def _build_day_list(self) -> QVBoxLayout:
        """The chosen day's title and workouts, beside the grid."""
        self.day_title = QLabel(self)
        self.day_title.setObjectName("calendarDayTitle")
        self.day_list = QListWidget(self)
        self.day_list.setObjectName("calendarDayList")
        self.day_list.setAccessibleName(self.tr("Workouts of the chosen day"))
        self.day_list.itemActivated.connect(self._item_activated)
        self.day_list.setMinimumWidth(220)
        side = QVBoxLayout()
        side.addWidget(self.day_title)
        side.addWidget(self.day_list, 1)
        hint = QLabel(self.tr("Enter or double-click shows the workout in the table."), self)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        side.addWidget(hint)
        return side

    def _lay_out(self, buttons: QHBoxLayout, side: QVBoxLayout) -> None:
        """The header above the grid and day list, the heat map below; Alt+arrows step months."""
        middle = QHBoxLayout()
        middle.addWidget(self.view, 4)
        middle.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        layout.addLayout(middle, 1)
        layout.addWidget(self.heatmap)
        for keys, step in (("Alt+Left", -1), ("Alt+Right", 1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda s=step: self.step(s))

    # -- navigation -----------------------------------------------------------------------------

    @property
    def month(self) -> date:
        """The first day of the month shown."""
        return self.model.month

    @property
    def chosen_day(self) -> date:
        """The day whose workouts are listed."""
        return self._chosen

    def step(self, months: int) -> None:
        """Show the month ``months`` months away (the same day of it stays chosen)."""
        target = add_months(self.month, months)
        day = min(self._chosen.day, (add_months(target, 1) - target).days)
        self.go_to(target.replace(day=day))

    def go_today(self) -> None:
        """Show the current month and choose today."""
        self.go_to(self._hub.today())

    def go_to(self, day: date) -> None:
        """Show the month of ``day`` and choose that day."""
        self._chosen = day
        self._show_month(day.replace(day=1))

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self._units = units
        self.delegate.units = units
        self.model.set_units(units)
        self._update_side()

    def showEvent(self, event: QShowEvent) -> None:
        self._hub.ensure_digest()
        super().showEvent(event)

    # -- data -----------------------------------------------------------------------------------

    def _digest_changed(self, digest: Digest) -> None:
        self._days = by_day(digest.entries)
        self._show_month(self.month if digest.entries or self.model.rowCount() else self._chosen)

    def _show_month(self, month: date) -> None:
        self.model.set_month(month, self._days, self._hub.today())
        self.title.setText(fmt.month_title(month))
        index = self.model.index_of(self._chosen)
        if index.isValid():
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
        entries = [
            e
            for day, items in self._days.items()
            if (day.year, day.month) == (month.year, month.month)
            for e in items
        ]
        total = sum_entries(entries)
        text = fmt.figure_text(total, Metric.COUNT, self._units)
        if total.distance:
            text += f" · {fmt.distance(total.distance, self._units)}"
        if total.duration:
            text += f" · {fmt.hours(total.duration)} h"
        self.month_summary.setText(text)
        self._update_heatmap()
        self._update_side()

    def _update_heatmap(self) -> None:
        # isHidden, not isVisible: the figures usually arrive while another view is shown.
        if self.heatmap.isHidden():
            return
        year = self.month.year
        seconds = {
            d: sum(e.duration for e in items) for d, items in self._days.items() if d.year == year
        }
        counts = {d: len(items) for d, items in self._days.items() if d.year == year}
        self.heatmap.set_year(year, seconds, counts, self._chosen)

    def _heatmap_toggled(self, on: bool) -> None:
        self._settings.set(Keys.CALENDAR_HEATMAP, on)
        self.heatmap.setVisible(on)
        self._update_heatmap()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        day = current.data(DAY_ROLE) if current.isValid() else None
        if isinstance(day, date) and day != self._chosen:
            self._chosen = day
            if (day.year, day.month) != (self.month.year, self.month.month):
                self._show_month(day.replace(day=1))
                return
            self._update_side()
            self._update_heatmap()

    def _update_side(self) -> None:
        day = self._chosen
        self.day_title.setText(
            f"<b>{fmt.locale().toString(fmt.qdate(day), QLocale.FormatType.LongFormat)}</b>"
        )
        self.day_list.clear()
        size = self.fontMetrics().height() - 4
        for entry in self._days.get(day, []):
            item = QListWidgetItem(workout_text(entry, self._units))
            item.setData(ID_ROLE, entry.id)
            item.setIcon(swatch(sport_colour(entry.category), size))
            item.setToolTip(
                self.tr("{type}\nEnter shows it in the workout table").format(
                    type=entry.type or entry.category
                )
            )
            self.day_list.addItem(item)
        if self.day_list.count() == 0:
            empty = QListWidgetItem(self.tr("No workouts"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.day_list.addItem(empty)
        else:
            self.day_list.setCurrentRow(0)

    def _activated(self, index: QModelIndex) -> None:
        day = index.data(DAY_ROLE)
        entries = self._days.get(day, []) if isinstance(day, date) else []
        if len(entries) == 1:
            self.workout_chosen.emit(entries[0].id)
        elif entries:
            self.day_list.setFocus()

    def _item_activated(self, item: QListWidgetItem) -> None:
        ident = item.data(ID_ROLE)
        if ident:
            self.workout_chosen.emit(str(ident))
