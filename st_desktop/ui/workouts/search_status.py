"""How many workouts the table shows ("42 of 320") and a notice when a search matches nothing."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from st_desktop.ui.i18n import plural


class SearchStatus(QWidget):
    """The no-match notice (``noMatchNotice``) with Clear, and the count (``workoutCount``).

    The count label is placed by the owner (beside the toolbar); this widget shows only while a
    search matches nothing.

    Signals:
        clear_requested(): the user asked to clear the search and the filters.
    """

    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchStatus")
        self.count = QLabel(parent)
        self.count.setObjectName("workoutCount")
        self.no_match = QLabel(self)
        self.no_match.setObjectName("noMatchNotice")
        self.no_match.setWordWrap(True)
        self.clear = QPushButton(self.tr("Clear"), self)
        self.clear.setObjectName("noMatchClear")
        self.clear.setToolTip(self.tr("Clear the search and the filters"))
        self.clear.setAccessibleName(self.tr("Clear the search and the filters"))
        self.clear.clicked.connect(self.clear_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.no_match, 1)
        layout.addWidget(self.clear)
        self.show_counts(None, None, "")

    def show_counts(self, matching: int | None, total: int | None, search: str) -> None:
        """Show ``matching`` of ``total`` (None: unknown yet); the notice when nothing matches.

        Args:
            search: the search text, quoted in the notice ("" when only filters are set).
        """
        locale = QLocale()
        if matching is None or total is None:
            self.count.setText("")
        elif matching == total:
            self.count.setText(plural(total, self.tr("1 workout"), self.tr("{count} workouts")))
        else:
            self.count.setText(
                self.tr("{matching} of {total}").format(
                    matching=locale.toString(matching), total=locale.toString(total)
                )
            )
        nothing = matching == 0 and bool(total)
        if nothing:
            what = (
                self.tr("No workouts match “{search}”.").format(search=search)
                if search
                else self.tr("No workouts match the filters.")
            )
            self.no_match.setText(what)
        self.setVisible(nothing)
