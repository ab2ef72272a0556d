"""Start-up in stages: what the first rows do not need is added after they are on screen.

The window and the workout table come first. The rest (overview, hands-free import, maps ...)
is imported on a worker once the window has painted and the runner is idle (importing is most
of their cost), then installed on the GUI thread one step per turn of the event loop, so the
window stays responsive while it fills in.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QTimer, SignalInstance
from PySide6.QtWidgets import QWidget

from st_desktop.tasks import TaskRunner

log = logging.getLogger(__name__)

#: The later steps start at the latest this long after the first paint, busy or not (ms).
LATEST_MS = 2000


@dataclass(frozen=True)
class LaterStep:
    """One step of the start done after the first paint.

    Attributes:
        modules: what it imports (loaded on a worker first).
        run: the step itself, on the GUI thread.
        name: for the log.
    """

    modules: tuple[str, ...]
    run: Callable[[], object]
    name: str


class _Staged(QObject):
    def __init__(
        self,
        window: QWidget,
        runner: TaskRunner,
        steps: Sequence[LaterStep],
        latest_ms: int,
        painted: bool,
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._steps = list(steps)
        self._latest_ms = latest_ms
        self._started = False
        self._late = False
        if window.isVisible() and not painted:
            window.installEventFilter(self)
        else:  # painted already, or started in the tray (nothing will paint): go when idle
            QTimer.singleShot(0, self, self._painted)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._painted)
        return False

    def _painted(self) -> None:
        self._runner.busy_changed.connect(self._maybe_start)
        QTimer.singleShot(self._latest_ms, self, self._too_late)
        self._maybe_start()

    def _too_late(self) -> None:
        self._late = True
        self._maybe_start()

    def _maybe_start(self, *_args: object) -> None:
        if self._started or (self._runner.is_busy() and not self._late):
            return
        self._started = True
        self._runner.busy_changed.disconnect(self._maybe_start)
        modules = [m for step in self._steps for m in step.modules]
        self._runner.submit(
            _import_all,
            modules,
            description=self.tr("Loading the rest of the app"),
            owner=self,
            on_finished=self._next,
        )

    def _next(self) -> None:
        if not self._steps:
            return
        step = self._steps.pop(0)
        try:
            step.run()
        except Exception:
            log.exception("start-up step %s failed", step.name)
        QTimer.singleShot(0, self, self._next)


def _import_all(modules: Sequence[str]) -> None:
    for name in modules:
        importlib.import_module(name)


class _OnPaint(QObject):
    def __init__(self, window: QWidget, action: Callable[[], object], latest_ms: int) -> None:
        super().__init__(window)
        self._action: Callable[[], object] | None = action
        window.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._go)  # never shown (the tray): go anyway

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._go)  # once the whole first frame is drawn
        return False

    def _go(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


def when_painted(window: QWidget, action: Callable[[], object], latest_ms: int = LATEST_MS) -> None:
    """Run ``action`` on the GUI thread once ``window`` has first painted (shown or not yet).

    For work that would compete with the first frame for the interpreter even on a worker
    (the sandbox server's loading, for instance). A window that does not paint within
    ``latest_ms`` (started in the tray) runs it then.
    """
    _OnPaint(window, action, latest_ms)


def run_after_first_paint(
    window: QWidget,
    runner: TaskRunner,
    steps: Sequence[LaterStep],
    latest_ms: int = LATEST_MS,
    *,
    painted: bool = False,
) -> None:
    """Run ``steps`` once ``window`` has painted and ``runner`` is idle (see the module).

    With ``painted`` the window has been drawn already: the steps only wait for the runner.
    """
    if steps:
        _Staged(window, runner, steps, latest_ms, painted)


def after_first_rows(
    viewport: QWidget,
    rows_read: SignalInstance | None,
    action: Callable[[], object],
    latest_ms: int = LATEST_MS,
) -> None:
    """Run ``action`` once a table's first rows are drawn (or its window, if none are coming).

    Args:
        viewport: the viewport of the table whose rows the start shows first.
        rows_read: the model's signal that a page of rows was read, when rows are on their way
            (a cached account is shown); None: the first paint of the window is enough.
        action: runs once, on the GUI thread; at the latest ``latest_ms`` after this call
            (rows that never come, a window started in the tray).
        latest_ms: see ``action``.
    """
    done: list[bool] = []

    def once() -> None:
        if not done:
            done.append(True)
            action()

    if rows_read is None:
        when_painted(viewport.window(), once, latest_ms)
        return

    def read(*_args: object) -> None:
        rows_read.disconnect(read)
        when_painted(viewport, once, latest_ms)

    rows_read.connect(read)
    QTimer.singleShot(latest_ms, viewport, once)


def load_then(
    runner: TaskRunner,
    modules: Sequence[str],
    action: Callable[[], None],
    owner: QObject,
    description: str,
) -> None:
    """Import ``modules`` on a worker, then run ``action`` on the GUI thread (while ``owner``
    lives): the import, most of the cost of building a part, does not freeze the window."""
    runner.submit(_import_all, modules, description=description, owner=owner, on_finished=action)
