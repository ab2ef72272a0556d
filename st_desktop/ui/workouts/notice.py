"""A one-line message bar with an optional action button (Retry, Undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from st_desktop.ui import theme

#: How much of the error colour tints an error notice's background (of 1).
ERROR_TINT = 0.12


class NoticeBar(QWidget):
    """A one-line message above the table with an optional action button (Retry, Undo).

    An error is framed in the scheme's error colour on a reddish shade of the window, light or
    dark, and follows a change of the palette.
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
        close.setFlat(True)
        close.setToolTip("Dismiss")
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
        self._style()
        self._action = action
        self.button.setText(button)
        self.button.setVisible(bool(button and action))
        self.show()

    @property
    def error(self) -> bool:
        """True while the message shown is an error."""
        return self._error

    def _style(self) -> None:
        if self._error:
            # A reddish shade of the base colour, framed in the scheme's error colour: the
            # palette's text stays readable on it, light or dark.
            palette = theme.surrounding_palette(self)
            colours = theme.colours(palette)
            base = palette.color(QPalette.ColorRole.Base)
            panel = theme.mix(base, colours.error, ERROR_TINT)
            style = (f"#workoutNotice {{ background: {theme.css(panel)}; "
                     f"border: 1px solid {theme.css(colours.error)}; }}")  # fmt: skip
        else:
            style = "#workoutNotice { background: palette(alternate-base); }"
        if self.styleSheet() != style:
            self.setStyleSheet(style)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._style()

    def _clicked(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()
