"""The upload pane's status line: one sentence, and the names it is about one click away.

"37 files are already in the list." says how many; the names are in the line's tooltip and
in a details list the Details button opens (by keyboard too), so nothing the sentence counts is
out of reach. A sentence about the list's rows goes away when the list is emptied.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.ui.upload.texts import bullet_list


@dataclass(frozen=True)
class Notice:
    """A sentence for the status line.

    Attributes:
        text: the sentence ("" clears the line).
        details: the names (or reasons) it is about, listed on demand.
        about_list: it speaks of rows of the list, so it goes when the list is emptied (an
            error of the queue itself stays).
    """

    text: str
    details: tuple[str, ...] = ()
    about_list: bool = True


class NoticeLine(QWidget):
    """The sentence (``uploadStatus``), a Details toggle (``uploadStatusDetailsButton``) and
    the list it opens (``uploadStatusDetails``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.notice = Notice("")
        self.label = QLabel(self)
        self.label.setObjectName("uploadStatus")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A long sentence wraps instead of widening the pane.
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("uploadStatusDetailsButton")
        self.toggle.setCheckable(True)
        self.toggle.setText(self.tr("Details"))
        self.toggle.toggled.connect(self._show_details)
        self.details = QLabel(self)
        self.details.setObjectName("uploadStatusDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        line = QHBoxLayout()
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(self.label, 1)
        line.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(line)
        layout.addWidget(self.details)
        self.show_notice(self.notice)

    def show_notice(self, notice: Notice) -> None:
        """Show ``notice`` (the details closed again)."""
        self.notice = notice
        self.label.setText(notice.text)
        listed = bullet_list(notice.details) if notice.details else ""
        self.label.setToolTip(listed)
        self.details.setText(listed)
        self.toggle.setChecked(False)
        self.toggle.setVisible(bool(notice.details))
        count = QLocale().toString(len(notice.details))
        self.toggle.setToolTip(
            self.tr("Show all {count}").format(count=count) if notice.details else ""
        )
        self.toggle.setAccessibleName(self.tr("Show the details of the status"))
        self.setVisible(bool(notice.text))
        self._show_details(False)

    def show_details(self) -> None:
        """Open the details list (when the sentence has any)."""
        if self.notice.details:
            self.toggle.setChecked(True)

    def clear_if_about_list(self) -> None:
        """The list was emptied: a sentence about its rows no longer applies."""
        if self.notice.about_list:
            self.show_notice(Notice(""))

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown and bool(self.notice.details))
        self.toggle.setText(self.tr("Hide details") if shown else self.tr("Details"))
