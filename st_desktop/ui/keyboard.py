"""Keyboard behaviour shared by the dialogs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget


class TabLeaves(QObject):
    """Make Tab and Shift+Tab move to the next control instead of within a widget.

    A QDateTimeEdit walks its own sections (year, month, day…) on Tab, so a user tabbing from
    the date to type a duration changed the date instead; its sections stay reachable with the
    arrow keys and by clicking.
    """

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Pass Tab on to the focus chain."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if event.key() == Qt.Key.Key_Tab and plain:
                return self._move(forward=True)
            if event.key() == Qt.Key.Key_Backtab:
                return self._move(forward=False)
        return super().eventFilter(watched, event)

    def _move(self, *, forward: bool) -> bool:
        # The widget's own focusNextPrevChild is what walks its sections: follow the window's
        # focus chain instead, past the widget's inner parts.
        widget = self._widget
        candidate: QWidget = widget
        for _ in range(1000):  # the chain is a ring: stop after one turn at most
            following = (
                candidate.nextInFocusChain() if forward else candidate.previousInFocusChain()
            )
            if following is None or following is widget:
                return False
            candidate = following
            if widget.isAncestorOf(candidate):
                continue
            tab = Qt.FocusPolicy.TabFocus
            if candidate.isVisible() and candidate.isEnabled() and candidate.focusPolicy() & tab:
                reason = (
                    Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
                )
                candidate.setFocus(reason)
                return True
        return False
