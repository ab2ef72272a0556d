"""Accept dropped files anywhere on a widget: local file URLs only, always a copy, no I/O."""

from __future__ import annotations

from pathlib import Path, PurePath

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

#: Suffixes a drop is accepted for; a name without a suffix is probably a folder.
DROP_SUFFIXES = frozenset({".fit", ".tcx", ".gpx", ".gz", ".zip"})


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders of a drag, in order; remote URLs are left out.

    Only looks at the URLs: nothing on disk is touched (a slow network share must not freeze
    the window during a drag).
    """
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def acceptable(paths: list[Path]) -> bool:
    """Whether a drag holds something worth dropping: an activity file, archive or folder."""
    return any(not PurePath(p).suffix or PurePath(p).suffix.lower() in DROP_SUFFIXES for p in paths)


class DropTarget(QObject):
    """An event filter that turns file drops on any watched widget into :attr:`paths_dropped`.

    Install it on the main window so a drop anywhere works, and on panes that should accept
    drops themselves. The handler forces the Copy action (the user's files are never moved) and
    only collects paths; expanding folders and reading files happen later on a worker.

    Signals:
        paths_dropped(list): the dropped local paths (``list[Path]``).
        drag_active(bool): True while an acceptable drag hovers a watched widget.
    """

    paths_dropped = Signal(list)
    drag_active = Signal(bool)

    def watch(self, widget: QWidget) -> None:
        """Make ``widget`` accept drops and route them here."""
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Handle drag enter, move, leave and drop; other events pass through."""
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if acceptable(local_paths(event.mimeData())):
                event.setDropAction(Qt.DropAction.CopyAction)
                event.accept()
                if kind == QEvent.Type.DragEnter:
                    self.drag_active.emit(True)
            else:
                event.ignore()
            return True
        if kind == QEvent.Type.DragLeave:
            self.drag_active.emit(False)
            return False
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self.drag_active.emit(False)
            paths = local_paths(event.mimeData())
            if not paths:
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.paths_dropped.emit(paths)
            return True
        return super().eventFilter(watched, event)
