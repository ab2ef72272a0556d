"""The view switcher: a sidebar of views (Workouts, Calendar, Totals, Gear, Body) over a stack.

Each view has a checkable action with its shortcut (Ctrl+1 ... Ctrl+5), which the window also
puts in its View menu; the sidebar buttons show those actions, so the mouse, the keyboard (Tab to
a button, Space) and the shortcuts all go the same way. The chosen view is kept in the settings
and chosen again at the next start, even when its view is added after the switcher was built.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.settings import Keys, Settings

log = logging.getLogger(__name__)

HOME = "workouts"

# Palette roles only, so the light and the dark palette both read well.
_SIDEBAR_STYLE = """
QToolButton {
    border: none; border-radius: 4px; padding: 7px 12px; text-align: left;
}
QToolButton:hover:!checked { background: palette(midlight); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text); }
QToolButton:focus { border: 1px solid palette(highlight); }
"""


class ViewSwitcher(QWidget):
    """A sidebar of view buttons beside a stack of views (``viewSwitcher``).

    Args:
        settings: where the chosen view is kept (``Keys.CURRENT_VIEW``).

    Signals:
        view_changed(str): the key of the view now shown.
    """

    view_changed = Signal(str)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewSwitcher")
        self._settings = settings
        self._wanted = settings.get(Keys.CURRENT_VIEW) or HOME
        self._keys: list[str] = []
        self._shown = False
        self._actions: dict[str, QAction] = {}
        self.group = QActionGroup(self)
        self.group.setExclusive(True)

        self.sidebar = QFrame(self)
        self.sidebar.setObjectName("viewSidebar")
        self.sidebar.setAccessibleName(self.tr("Views"))
        self.sidebar.setFrameShape(QFrame.Shape.NoFrame)
        self.sidebar.setAutoFillBackground(True)
        self.sidebar.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.sidebar.setStyleSheet(_SIDEBAR_STYLE)
        self._buttons = QVBoxLayout(self.sidebar)
        self._buttons.setContentsMargins(6, 8, 6, 8)
        self._buttons.setSpacing(2)
        self._buttons.addStretch(1)
        self.sidebar.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("viewStack")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)

    # -- building -----------------------------------------------------------------------------

    def add_view(self, key: str, title: str, widget: QWidget, shortcut: str = "") -> QAction:
        """Add a view; returns its checkable action (for the View menu).

        Args:
            key: stable name ("calendar"), kept in the settings.
            title: the button and menu text, with its mnemonic ("&Calendar").
            widget: the view.
            shortcut: e.g. "Ctrl+2" (window-wide).
        """
        if key in self._actions:
            raise ValueError(f"a view {key!r} exists already")
        action = QAction(title, self)
        action.setObjectName(f"{key}ViewAction")
        action.setCheckable(True)
        action.setData(key)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setToolTip(f"{title.replace('&', '')} ({shortcut})")
        self.group.addAction(action)
        action.triggered.connect(lambda _on=False, k=key: self.show_view(k))
        self.addAction(action)  # the shortcut works while the sidebar itself is hidden too

        button = QToolButton(self.sidebar)
        button.setObjectName(f"{key}ViewButton")
        button.setDefaultAction(action)
        button.setAccessibleName(self.tr("{view} view").format(view=title.replace("&", "")))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self._buttons.insertWidget(self._buttons.count() - 1, button)

        self.stack.addWidget(widget)
        self._keys.append(key)
        self._actions[key] = action
        if len(self._keys) == 1 or key == self._wanted:
            self._show(key, remember=False)
        return action

    def actions_in_order(self) -> list[QAction]:
        """The views' actions, in the order they were added."""
        return [self._actions[key] for key in self._keys]

    def sizeHint(self) -> QSize:
        return self.stack.sizeHint() + QSize(self.sidebar.sizeHint().width(), 0)

    # -- switching ----------------------------------------------------------------------------

    @property
    def current(self) -> str:
        """The key of the view shown."""
        index = self.stack.currentIndex()
        return self._keys[index] if 0 <= index < len(self._keys) else ""

    def widget_of(self, key: str) -> QWidget | None:
        """The view added under ``key``."""
        return self.stack.widget(self._keys.index(key)) if key in self._keys else None

    def show_view(self, key: str) -> None:
        """Show a view (and remember it for the next start)."""
        if key not in self._actions:
            log.debug("no view %r", key)
            return
        self._wanted = key
        self._show(key, remember=True)

    def _show(self, key: str, *, remember: bool) -> None:
        index = self._keys.index(key)
        changed = index != self.stack.currentIndex()
        self.stack.setCurrentIndex(index)
        self._actions[key].setChecked(True)
        if remember:
            self._settings.set(Keys.CURRENT_VIEW, key)
            self.focus_view()  # the keyboard goes on in the view chosen
        if changed:
            self.view_changed.emit(key)

    def focus_view(self) -> None:
        """Put the keyboard focus on the first control of the view shown."""
        current = self.stack.currentWidget()
        if current is None or not self.isVisible():
            return
        widget = current.nextInFocusChain()
        while widget is not None and widget is not current:
            if (
                current.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            widget = widget.nextInFocusChain()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            # A style sheet fixes the palette of its widget when it is applied: applied again,
            # the sidebar and its buttons take the new palette (light or dark) too.
            self.sidebar.setStyleSheet(_SIDEBAR_STYLE)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # at start, the view has the focus, not the sidebar
            self._shown = True
            QTimer.singleShot(0, self, self.focus_view)
