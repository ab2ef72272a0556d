"""The first start: what st-desktop does, and three ways in, each one click (``welcomeView``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomeView(QWidget):
    """Shown in place of the empty workout area until there is something to show.

    Signals:
        sign_in_requested(): Sign in to SportTracks.
        demo_requested(): Try the demo (a local stand-in with made-up workouts).
        open_requested(): Open a file to preview it offline.
    """

    sign_in_requested = Signal()
    demo_requested = Signal()
    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        title = QLabel(self.tr("Welcome to st-desktop"), self)
        title.setObjectName("welcomeTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        what = QLabel(
            self.tr(
                "Drop the FIT, TCX or GPX file from your watch here to see its route, charts "
                "and laps at once, even offline, fix it, and upload it to SportTracks.\n"
                "Browse, edit and back up the workouts already in your SportTracks account."
            ),
            self,
        )
        what.setWordWrap(True)
        what.setObjectName("welcomeText")
        self.sign_in_button = self._button(
            self.tr("&Sign in to SportTracks"),
            "welcomeSignIn",
            self.tr("Connect st-desktop to your SportTracks account"),
        )
        self.sign_in_button.setDefault(True)
        self.demo_button = self._button(
            self.tr("&Try the demo"),
            "welcomeDemo",
            self.tr("Look around with two years of made-up workouts (nothing reaches SportTracks)"),
        )
        self.open_button = self._button(
            self.tr("&Open a file…"),
            "welcomeOpen",
            self.tr("Preview an activity file (or drop it anywhere)"),
        )
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.open_button.clicked.connect(self.open_requested)
        hint = QLabel(
            self.tr("…or drop activity files, folders or a .zip anywhere on this window."), self
        )
        hint.setObjectName("welcomeDropHint")
        hint.setEnabled(False)  # drawn in the palette's quieter colour
        card = QFrame(self)
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(560)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.setSpacing(12)
        inner.addWidget(title)
        inner.addWidget(what)
        inner.addSpacing(8)
        for button in (self.sign_in_button, self.demo_button, self.open_button):
            inner.addWidget(button)
        inner.addWidget(hint)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setMinimumHeight(button.sizeHint().height() + 8)
        return button
