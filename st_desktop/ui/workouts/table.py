"""The workout table view: columns sized to their contents, a column chooser, saved header state."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from st_desktop.settings import Keys, Settings
from st_desktop.ui.workouts.model import Column, WorkoutTableModel

#: The widest text a column usually shows, for its default width (the header may be wider).
_SAMPLES: dict[Column, str] = {
    Column.DATE: "2026-12-31 23:59",
    Column.TYPE: "Cycling: Mountain",
    Column.DISTANCE: "1000.00",
    Column.DURATION: "10:00:00",
    Column.ELEVATION: "10000",
    Column.HEARTRATE: "200",
}
#: Room for the cell margins and the header's sort arrow (pixels).
_PADDING = 28
#: Characters of the name kept readable in a narrow table (it scrolls sideways instead).
_NAME_CHARS = 16


class WorkoutTable(QTableView):
    """The ``workoutTable`` view: multi-row selection, movable columns, right-click column choice.

    The name column takes the width the others leave; the others start wide enough for their
    header and values. Order, widths, visibility and sort are saved in the settings (one write
    per drag) and restored on the next start.
    """

    def __init__(
        self, model: WorkoutTableModel, settings: Settings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setObjectName("workoutTable")
        self.setAccessibleName(self.tr("Workouts"))
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        # Tab leaves the table for the next control, as in every list of a desktop app; the
        # arrow keys move between rows.
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._setup_header(model)

    def _setup_header(self, model: WorkoutTableModel) -> None:
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in Column:  # the right-click menu picks the columns
            if column == Column.NAME:
                continue
            action = QAction(model.headerData(column, Qt.Orientation.Horizontal), header)
            action.setData(int(column))
            action.setCheckable(True)
            action.setChecked(True)
            action.toggled.connect(lambda on, c=column: self.setColumnHidden(c, not on))
            header.addAction(action)
        self.size_columns()
        saved = self._settings.get(Keys.TABLE_HEADER)
        if not saved.isEmpty():
            header.restoreState(saved)
            for action in header.actions():
                action.setChecked(not header.isSectionHidden(int(action.data())))
        # After restoring: an older saved state may hold another mode for the name column.
        header.setSectionResizeMode(Column.NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(self.fontMetrics().horizontalAdvance("0000"))
        self.setSortingEnabled(True)
        if saved.isEmpty():
            header.setSortIndicator(Column.DATE, Qt.SortOrder.DescendingOrder)
        # Saved through a short timer: one write per drag, and never from inside the header's own
        # destruction (the timer's slot is C++, and Qt drops it once the timer is gone).
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self.save_header)
        for signal in (header.sectionResized, header.sectionMoved, header.sortIndicatorChanged):
            signal.connect(self._save_timer.start)
        header.sectionResized.connect(self._section_resized)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The name takes the width the other columns leave, but never less than a readable
        name: then the table scrolls sideways rather than show "M..." for every workout."""
        super().resizeEvent(event)
        self.keep_name_readable()

    def keep_name_readable(self) -> None:
        """Stretch the name column, or give it a readable width where stretching cannot."""
        header = self.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in Column
            if c != Column.NAME and not header.isSectionHidden(c)
        )
        least = self.fontMetrics().averageCharWidth() * _NAME_CHARS + _PADDING
        stretch = self.viewport().width() - others >= least
        mode = QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(Column.NAME) != mode:
            header.setSectionResizeMode(Column.NAME, mode)
        if not stretch and header.sectionSize(Column.NAME) < least:
            header.resizeSection(Column.NAME, least)

    def _section_resized(self, column: int, _old: int, _new: int) -> None:
        if column != Column.NAME:  # another column took or gave back room
            self.keep_name_readable()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Ctrl+Home and Ctrl+End select the first and last workout (not only move there)."""
        key, mods = event.key(), event.modifiers()
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and mods == Qt.KeyboardModifier.ControlModifier:
            rows = self.model().rowCount()
            if rows:
                row = 0 if key == Qt.Key.Key_Home else rows - 1
                index = self.model().index(row, 0)
                flags = QItemSelectionModel.SelectionFlag
                # Not selectRow(): with Ctrl held it would add to the selection.
                self.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
                self.scrollTo(index)
            event.accept()
            return
        super().keyPressEvent(event)

    def size_columns(self) -> None:
        """Give every column but the name the width of its header or its widest usual value.

        Measured with the font rather than ``resizeColumnsToContents``, which would read rows
        (and the rows are paged in lazily).
        """
        metrics = self.fontMetrics()
        model = self.model()
        for column, sample in _SAMPLES.items():
            title = str(model.headerData(column, Qt.Orientation.Horizontal))
            width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample))
            self.setColumnWidth(column, width + _PADDING)

    def save_header(self) -> None:
        """Persist column order, widths, visibility and sort."""
        state = self.horizontalHeader().saveState()
        self._settings.set(Keys.TABLE_HEADER, QByteArray(state))
