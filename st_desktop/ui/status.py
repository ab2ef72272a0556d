"""Status bar pieces: the task progress indicator and the persistent message area."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from st_desktop.tasks import TaskRunnerBase


class TaskIndicator(QWidget):
    """A small progress bar and label that follow the task runner; hidden when idle.

    Busy states shorter than 300 ms never show, so quick tasks don't make the bar flicker.
    """

    def __init__(self, runner: TaskRunnerBase, parent: QWidget | None = None) -> None:
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
        self._cancel = QPushButton("Cancel", self)
        self._cancel.setObjectName("taskCancel")
        self._cancel.setFlat(True)
        self._cancel.setToolTip("Stop the background tasks (uploads stay queued)")
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
        return first if len(tasks) == 1 else f"{first} (+{len(tasks) - 1} more)"

    def _on_progress(self, message: str, done: int, total: int) -> None:
        if total > 0:
            self._bar.setRange(0, total)
            self._bar.setValue(min(done, total))
            self._label.setText(f"{message} {done}/{total}")
        else:
            self._bar.setRange(0, 0)
            self._label.setText(message)

    @property
    def text(self) -> str:
        """The label's text (for tests and accessibility)."""
        return self._label.text()


class MessageArea(QLabel):
    """A status-bar message that stays until replaced; errors are shown in a distinct colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusMessage")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._clear_timer = QTimer(self)
        self._clear_timer.setSingleShot(True)
        self._clear_timer.timeout.connect(self.clear)

    def show_info(self, text: str, timeout_ms: int = 8000) -> None:
        """Show a neutral message, cleared after ``timeout_ms`` (0 keeps it)."""
        self.setStyleSheet("")
        self.setText(text)
        self._restart(timeout_ms)

    def show_error(self, text: str) -> None:
        """Show an error; it stays until the next message."""
        self.setStyleSheet(
            "color: palette(highlighted-text); background: #b3261e; padding: 1px 6px;"
        )
        self.setText(text)
        self._clear_timer.stop()

    def _restart(self, timeout_ms: int) -> None:
        if timeout_ms > 0:
            self._clear_timer.start(timeout_ms)
        else:
            self._clear_timer.stop()
