"""A one-line message bar with an optional action button (Retry, Undo)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget


class NoticeBar(QWidget):
    """A one-line message above the table with an optional action button (Retry, Undo)."""

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
        self.setStyleSheet(
            "#workoutNotice { background: #fdecea; border: 1px solid #b3261e; }"
            if error
            else "#workoutNotice { background: palette(alternate-base); }"
        )
        self._action = action
        self.button.setText(button)
        self.button.setVisible(bool(button and action))
        self.show()

    def _clicked(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()
