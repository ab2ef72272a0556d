"""A one-line message bar with an optional action button (Retry, Undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from st_desktop.ui import theme

#: How much of the error colour tints an error notice's background (of 1).
ERROR_TINT = 0.12


class NoticeBar(QWidget):
    """A one-line message above the table with an optional action button (Retry, Undo).

    An error is framed in the scheme's error colour on a reddish shade of the base colour, other
    messages sit on the alternate base. Painted from the palette at each paint (no style
    sheet, which would fix the palette of the bar and its label): light or dark, live.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workoutNotice")
        self.label = QLabel(self)
        self.label.setObjectName("workoutNoticeText")
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.setObjectName("workoutNoticeButton")
        close = QPushButton("✕", self)
        close.setAccessibleName(self.tr("Dismiss"))
        close.setFlat(True)
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 2, 2)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        layout.addWidget(close)
        self._action: Callable[[], object] | None = None
        self._error = False
        self.button.clicked.connect(self._clicked)
        self.hide()

    def show_message(
        self,
        text: str,
        button: str = "",
        action: Callable[[], object] | None = None,
        *,
        error: bool = False,
    ) -> None:
        """Show ``text``; with ``button`` and ``action``, a button that runs it and hides."""
        self.label.setText(text)
        self._error = error
        self._action = action
        self.button.setText(button)
        self.button.setVisible(bool(button and action))
        self.update()
        self.show()

    @property
    def error(self) -> bool:
        """True while the message shown is an error."""
        return self._error

    def colours(self) -> tuple[QColor, QColor | None]:
        """The panel's colour and its frame's (None: no frame), for the palette now."""
        palette = self.palette()
        if not self._error:
            return palette.color(QPalette.ColorRole.AlternateBase), None
        # A reddish shade of the base colour: the palette's text stays readable on it.
        error = theme.colours(palette).error
        return theme.mix(palette.color(QPalette.ColorRole.Base), error, ERROR_TINT), error

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: ARG002
        panel, frame = self.colours()
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), panel)
            if frame is not None:
                painter.setPen(QPen(frame, 1.0))
                painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        finally:
            painter.end()

    def _clicked(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()
