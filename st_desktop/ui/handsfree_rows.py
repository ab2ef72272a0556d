"""Following the upload rows of files a watcher took, until each has an outcome.

:class:`RowFollower` recognises the rows the upload pane adds for taken files (by the path
shown as their origin), uploads a file from an automatic source once its row is read and its
duplicate check has searched the account (a possible duplicate is skipped), and reports every
outcome (uploaded, skipped, refused, damaged, left in the list) to its owner. It does no I/O.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, QObject, QTimer

from st_desktop.services.intake import readable
from st_desktop.store.import_log import Decision
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.model import RowStatus, UploadRow

#: How often files whose duplicate check could not reach the account are checked again.
RECHECK_MS = 30_000

_READY = (RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE)
_OUTCOMES = {
    RowStatus.UPLOADED: Decision.UPLOADED,
    RowStatus.SKIPPED: Decision.DUPLICATE,
    RowStatus.FAILED: Decision.FAILED,
    RowStatus.ERROR: Decision.DAMAGED,
}


@dataclass
class Tracked:
    """A taken file on its way through the upload pane.

    Attributes:
        sha256: its content hash (the import log's key).
        auto: upload it automatically.
        row_id: its row, once the pane added it.
        asked: :meth:`UploadController.upload` was called for it.
    """

    sha256: str
    auto: bool
    row_id: int | None = None
    asked: bool = False


Outcome = Callable[[Tracked, Decision | None, UploadRow | None], None]


class RowFollower(QObject):
    """Follows the rows of taken files; calls ``on_outcome(tracked, decision, row)`` once each.

    ``decision`` None means the file never reached the queue (it vanished before it was read):
    its bytes may be taken again.

    Args:
        controller: the upload pane's controller.
        on_outcome: told what became of each file.
        paused: whether automatic upload is paused (ready files then wait).
        parent: Qt parent.
    """

    def __init__(
        self,
        controller: UploadController,
        on_outcome: Outcome,
        paused: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self._on_outcome = on_outcome
        self._paused = paused
        self._expected: dict[str, list[Tracked]] = {}  # origin shown in the row -> files
        self._rows: dict[int, Tracked] = {}
        self._recovered: dict[int, str] = {}  # queue item id -> sha256 (last session's)
        self._to_upload: set[int] = set()
        self._closed = False
        model = controller.model
        model.rowsInserted.connect(self._rows_inserted)
        model.dataChanged.connect(self._data_changed)
        model.rowsRemoved.connect(self._rows_removed)
        self._flush = QTimer(self)  # one upload() for the rows that became ready together
        self._flush.setSingleShot(True)
        self._flush.setInterval(0)
        self._flush.timeout.connect(self._upload_ready)
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setInterval(RECHECK_MS)
        self.recheck_timer.timeout.connect(self.recheck)

    def __len__(self) -> int:
        """Files followed: expected in the pane or in it without an outcome yet."""
        return sum(len(w) for w in self._expected.values()) + len(self._rows)

    def expect(self, path: Path, tracked: Tracked) -> None:
        """A file about to be handed to the pane (its row shows ``path`` as origin)."""
        self._expected.setdefault(readable(str(path)), []).append(tracked)

    def adopt(self, pending: dict[int, str]) -> None:
        """Follow the last session's files still on their way (queue item id -> sha256)."""
        self._recovered.update(pending)
        for row in self.controller.model.rows():
            self._adopt_row(row)

    def resume(self) -> None:
        """Automatic upload was resumed: upload what became ready meanwhile."""
        for tracked in list(self._rows.values()):
            row = self.controller.model.row(tracked.row_id or -1)
            if row is not None:
                self._advance(row, tracked)

    def close(self) -> None:
        """Stop following (at shutdown)."""
        self._closed = True
        self._flush.stop()
        self.recheck_timer.stop()

    # ------------------------------------------------------------------ the model's signals

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        if self._closed:
            return
        model = self.controller.model
        for position in range(first, last + 1):
            row = model.row_at(position)
            waiting = self._expected.get(row.origin)
            tracked = waiting.pop(0) if waiting else None
            if waiting == []:
                del self._expected[row.origin]
            if tracked is None:
                self._adopt_row(row)
                continue
            tracked.row_id = row.row_id
            self._rows[row.row_id] = tracked
            self._advance(row, tracked)

    def _adopt_row(self, row: UploadRow) -> None:
        if row.item_id is not None and row.item_id in self._recovered:
            tracked = Tracked(self._recovered.pop(row.item_id), auto=False, row_id=row.row_id)
            tracked.asked = True  # queued by the last session
            self._rows[row.row_id] = tracked
            self._advance(row, tracked)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        if self._closed:
            return
        model = self.controller.model
        for position in range(top.row(), bottom.row() + 1):
            row = model.row_at(position)
            tracked = self._rows.get(row.row_id)
            if tracked is not None:
                self._advance(row, tracked)

    def _rows_removed(self, *_args: object) -> None:
        if self._closed:
            return
        model = self.controller.model
        for row_id, tracked in list(self._rows.items()):
            if model.row(row_id) is None:  # already in the list, or removed by the user
                self._finish(tracked, Decision.LISTED, None)

    # ------------------------------------------------------------------ moving rows on

    def _advance(self, row: UploadRow, tracked: Tracked) -> None:
        status = row.status
        if status == RowStatus.PARSING or row.checking:
            return
        if row.item_id is None and status in (RowStatus.SKIPPED, RowStatus.ERROR):
            self._finish(tracked, None, row)  # never stored (vanished): may come again
            return
        if status in _OUTCOMES:
            self._finish(tracked, _OUTCOMES[status], row)
            return
        if status not in _READY:
            return  # queued or uploading
        if not tracked.auto:
            listed = Decision.DUPLICATE if status == RowStatus.DUPLICATE else Decision.LISTED
            self._finish(tracked, listed, row)
        elif not tracked.asked and not self._paused() and row.account_checked:
            # Only once the account itself was searched: offline, the file waits for it.
            tracked.asked = True
            self._to_upload.add(row.row_id)
            self._flush.start()

    def _upload_ready(self) -> None:
        ids, self._to_upload = sorted(self._to_upload), set()
        if not ids:
            return
        self.controller.upload(ids)
        for row_id in ids:  # a row being checked again was left alone: ask again later
            row = self.controller.model.row(row_id)
            tracked = self._rows.get(row_id)
            if row is not None and tracked is not None and row.status in _READY:
                tracked.asked = False

    def recheck(self) -> None:
        """Check again the files whose duplicate check could not reach the account (rate
        limit, network error), so an import waits instead of stalling for good."""
        account = self.controller.account
        if account is None or not account.online:
            return
        model = self.controller.model
        rows = [model.row(row_id) for row_id, t in self._rows.items() if t.auto]
        if any(r and r.status in _READY and not r.checking and not r.account_checked for r in rows):
            self.controller.set_account(account)

    def _finish(self, tracked: Tracked, decision: Decision | None, row: UploadRow | None) -> None:
        if tracked.row_id is not None:
            self._rows.pop(tracked.row_id, None)
        self._on_outcome(tracked, decision, row)
