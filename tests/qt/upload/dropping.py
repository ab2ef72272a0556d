"""Helpers of the upload pane tests: a real drag and drop, and reading the rows."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from st_desktop.ui.upload.model import RowStatus, UploadRow
from st_desktop.ui.upload.pane import UploadPane

WAIT_MS = 15_000
#: PySide marks the QDragEnterEvent constructor deprecated, but it is how a drag is simulated.
IGNORE_DRAG_DEPRECATION = "ignore:Function.*QDragEnterEvent:DeprecationWarning"
#: Statuses a row passes through; every other one is final until the user acts.
TRANSIENT = (RowStatus.PARSING, RowStatus.QUEUED, RowStatus.UPLOADING)


def drop(target: QWidget, paths: list[Path]) -> QDropEvent:
    """Drag ``paths`` over ``target`` and drop them, as a file manager would."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    centre = target.rect().center()
    enter = QDragEnterEvent(
        centre,
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        QPointF(centre),
        Qt.DropAction.CopyAction | Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event


def rows(pane: UploadPane) -> dict[str, UploadRow]:
    """Rows by file name."""
    return {r.display_name: r for r in pane.model.rows()}


def settled(pane: UploadPane, count: int | None = None) -> bool:
    """Every row has a final status (and there are ``count`` of them, when given)."""
    shown = pane.model.rows()
    if not shown or (count is not None and len(shown) != count):
        return False
    return all(r.status not in TRANSIENT and not r.checking for r in shown)
