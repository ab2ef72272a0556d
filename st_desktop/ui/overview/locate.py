"""Selecting a workout in the workout table, wherever it is: on a later page or behind filters.

The table loads the cache page by page, so a workout chosen in the calendar may not be loaded
yet: :class:`WorkoutLocator` reads further pages until its row is there, and when the table's
filters hide it, clears them (and says so). Nothing blocks: it waits for the model's pages.
"""

from __future__ import annotations

import logging
from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QTimer, Signal

from st_desktop.ui.workouts.filter import FilterBar
from st_desktop.ui.workouts.model import WorkoutTableModel

log = logging.getLogger(__name__)

#: Pages read at most while looking (a sort by name may put the workout far down).
MAX_PAGES = 500
#: How often, and how many times, to look again while the table is reading.
WAIT_MS = 40
MAX_WAITS = 750


class Browser(Protocol):
    """What the locator needs of the workout browser."""

    model: WorkoutTableModel
    filter_bar: FilterBar

    def select_workout(self, workout_id: str) -> bool:
        """Select a loaded row; True when it was."""
        ...


def filters_active(bar: FilterBar) -> bool:
    """True when the filter bar hides some workouts."""
    return (
        bool(bar.search.text().strip())
        or bar.type_combo.currentIndex() > 0
        or (bar.dates.isChecked())
    )


def clear_filters(bar: FilterBar) -> None:
    """Show every workout: no search text, every type, no dates."""
    bar.search.clear()
    bar.type_combo.setCurrentIndex(0)
    bar.dates.setChecked(False)


class WorkoutLocator(QObject):
    """Brings a workout's row into the table and selects it.

    Signals:
        found(str): the workout id, now selected.
        message(str): something the user should know ("The filters were cleared ...").
        not_found(str): a sentence saying the workout could not be shown.
    """

    found = Signal(str)
    message = Signal(str)
    not_found = Signal(str)

    def __init__(self, browser: Browser, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._browser = browser
        self._target = ""
        self._pages = self._waits = 0
        self._cleared = False
        browser.model.page_loaded.connect(self._page_loaded)
        browser.model.load_failed.connect(self._failed)

    @property
    def looking_for(self) -> str:
        """The id being looked for ("" when idle)."""
        return self._target

    def locate(self, workout_id: str) -> None:
        """Select the workout ``workout_id`` in the table (now or once its page is read)."""
        self._target, self._pages, self._waits, self._cleared = workout_id, 0, 0, False
        self._step()

    def _step(self) -> None:
        target = self._target
        if not target:
            return
        browser = self._browser
        if browser.select_workout(target):
            self._target = ""
            self.found.emit(target)
            return
        model = browser.model
        root = QModelIndex()
        if model.canFetchMore(root) and self._pages < MAX_PAGES:
            self._pages += 1
            model.fetchMore(root)  # its page_loaded looks again
            return
        if model.has_more and self._pages < MAX_PAGES:
            self._waits += 1  # a read is under way (a page, or the count): look again shortly
            if self._waits < MAX_WAITS:
                QTimer.singleShot(WAIT_MS, self, self._step)
                return
        if not self._cleared and filters_active(browser.filter_bar):
            self._cleared = True
            clear_filters(browser.filter_bar)
            model.set_query(browser.filter_bar.apply_to(model.query))  # now, not after typing
            self.message.emit(self.tr("The table's filters were cleared to show the workout."))
            return
        self._target = ""
        self.not_found.emit(
            self.tr(
                "That workout is not in the workout table any more: it may have been deleted. "
                "Refresh (F5) to bring the table up to date."
            )
        )

    def _page_loaded(self, _count: int) -> None:
        self._step()

    def _failed(self, text: str) -> None:
        if self._target:
            self._target = ""
            self.not_found.emit(self.tr("Could not show the workout: {error}").format(error=text))
