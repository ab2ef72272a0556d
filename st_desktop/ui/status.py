"""Status bar pieces: the task progress indicator and the persistent message area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from st_desktop.tasks import TaskRunner
from st_desktop.ui import theme


class TaskIndicator(QWidget):
    """A small progress bar and label that follow the task runner; hidden when idle.

    Busy states shorter than 300 ms never show, so quick tasks don't make the bar flicker.
    """

    def __init__(self, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskIndicator")
        self._runner = runner
        self._label = QLabel(self)
        self._label.setObjectName("taskLabel")
        self._bar = QProgressBar(self)
        self._bar.setObjectName("taskProgress")
        self._bar.setMaximumWidth(160)
        self._bar.setMaximumHeight(14)
        self._bar.setTextVisible(False)
        self._cancel = QPushButton(self.tr("Cancel"), self)
        self._cancel.setObjectName("taskCancel")
        self._cancel.setFlat(True)
        self._cancel.setToolTip(self.tr("Stop the background tasks (uploads stay queued)"))
        self._cancel.clicked.connect(runner.cancel_all)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._bar)
        layout.addWidget(self._cancel)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(300)
        self._show_timer.timeout.connect(self._reveal)
        runner.busy_changed.connect(self._on_busy)
        runner.progress.connect(self._on_progress)
        self.setVisible(False)

    def _on_busy(self, busy: bool) -> None:
        if busy:
            self._bar.setRange(0, 0)  # indeterminate until a task reports numbers
            self._label.setText(self._describe())
            self._show_timer.start()
        else:
            self._show_timer.stop()
            self.setVisible(False)

    def _reveal(self) -> None:
        if self._runner.is_busy():
            self._label.setText(self._describe())
            self.setVisible(True)

    def _describe(self) -> str:
        tasks = self._runner.active_tasks()
        if not tasks:
            return ""
        first = tasks[0].description
        if len(tasks) == 1:
            return first
        more = QLocale().toString(len(tasks) - 1)
        return self.tr("{task} (+{count} more)").format(task=first, count=more)

    def _on_progress(self, message: str, done: int, total: int) -> None:
        if total > 0:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))
            locale = QLocale()
            self._label.setText(f"{message} {locale.toString(done)}/{locale.toString(total)}")
        else:
            self._bar.setRange(0, 0)
            self._label.setText(message)

    @property
    def text(self) -> str:
        """The label's text (for tests and accessibility)."""
        return self._label.text()


class MessageArea(QWidget):
    """A status-bar message that stays until replaced, with an optional action button.

    Errors are shown as a badge in the scheme's error colour (light or dark, following the
    palette); an action ("Undo") sits right after its message.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self._label = QLabel(self)
        self._label.setObjectName("statusMessageText")
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._button = QPushButton(self)
        self._button.setObjectName("statusMessageAction")
        self._button.setVisible(False)
        self._button.clicked.connect(self._run_action)
        self._action: Callable[[], object] | None = None
        self._error = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._label)
        layout.addWidget(self._button)
        layout.addStretch(1)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.clear)

    def text(self) -> str:
        """The message shown."""
        return self._label.text()

    @property
    def action_button(self) -> QPushButton:
        """The action button (visible only while an action is offered)."""
        return self._button

    def show_info(self, text: str, timeout_ms: int = 8000) -> None:
        """Show a neutral message, cleared after ``timeout_ms`` (0 keeps it)."""
        self._set(text, "")
        self._restart(timeout_ms)

    def show_error(self, text: str) -> None:
        """Show an error; it stays until the next message."""
        self._set(text, self._error_style())
        self._error = True
        self._clear_timer.stop()

    def is_error(self) -> bool:
        """True while the message shown is an error (drawn as a badge)."""
        return self._error

    def _error_style(self) -> str:
        # The scheme's error colour as the badge, its text in the background colour: white on
        # red on light, near-black on light red on dark, each readable in its window.
        colours = theme.colours(self.palette())
        return (
            f"color: {theme.css(colours.background)}; background: {theme.css(colours.error)};"
            " padding: 1px 6px;"
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._error:
            style = self._error_style()
            if self._label.styleSheet() != style:
                self._label.setStyleSheet(style)

    def show_action(
        self, text: str, button_text: str, action: Callable[[], object], timeout_ms: int = 30000
    ) -> None:
        """Show a message with a button (e.g. "Undo") that runs ``action`` once and clears."""
        self._set(text, "")
        self._action = action
        self._button.setText(button_text)
        self._button.setVisible(True)
        self._restart(timeout_ms)

    def clear_action(self) -> None:
        """Withdraw the offered action (and its message)."""
        if self._action is not None:
            self.clear()

    def clear(self) -> None:
        """Remove the message and any action."""
        self._set("", "")
        self._clear_timer.stop()

    def _set(self, text: str, style: str) -> None:
        self._action = None
        self._error = False
        self._button.setVisible(False)
        self._label.setStyleSheet(style)
        self._label.setText(text)

    def _run_action(self) -> None:
        action = self._action
        self.clear()
        if action is not None:
            action()

    def _restart(self, timeout_ms: int) -> None:
        if timeout_ms > 0:
            self._clear_timer.start(timeout_ms)
        else:
            self._clear_timer.stop()
