"""The words of an upload run: per-row step texts and the summary sentence at the end."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QLocale

from st_desktop.services.upload_engine import STEP_APPLYING, STEP_CHECKING, STEP_SENDING, has_edits
from st_desktop.store.uploads import ItemState, QueueItem
from st_desktop.ui.i18n import plural
from st_desktop.ui.upload.model import RowStatus, UploadListModel, UploadRow

#: The row status of each queue state.
STATE_STATUS = {
    ItemState.QUEUED: RowStatus.QUEUED,
    ItemState.UPLOADING: RowStatus.UPLOADING,
    ItemState.FILE_UPLOADED: RowStatus.UPLOADING,
    ItemState.UPLOADED: RowStatus.UPLOADED,
    ItemState.FAILED: RowStatus.FAILED,
    ItemState.SKIPPED: RowStatus.SKIPPED,
}


def step_labels() -> tuple[str, ...]:
    """The texts a row's bar shows during an upload (the status column holds them whole)."""
    return (
        QCoreApplication.translate("UploadBatch", "Checking…"),
        QCoreApplication.translate("UploadBatch", "Applying…"),
        QCoreApplication.translate("UploadBatch", "Sending…"),
    )


@dataclass(frozen=True)
class StepProgress:
    """What a row shows while a step of its upload runs.

    Attributes:
        fraction: how far the bar is filled (half of the current step is counted as done).
        step: the short text on the bar ("Sending…").
        message: the sentence under the file name.
    """

    fraction: float
    step: str
    message: str


def step_progress(item: QueueItem, step: str) -> StepProgress:
    """The bar and sentence for ``step`` of ``item``'s upload.

    An upload is one step (send the file) or two (then apply the edited name, type and notes);
    the bar's fill says how far along, its one word which step (the status column is narrow).
    """
    total = 2 if has_edits(item) else 1
    if step == STEP_CHECKING:
        return StepProgress(
            0.0,
            QCoreApplication.translate("UploadBatch", "Checking…"),
            QCoreApplication.translate(
                "UploadBatch", "Checking whether an earlier try already reached SportTracks…"
            ),
        )
    if step == STEP_APPLYING:
        return StepProgress(
            0.75,
            QCoreApplication.translate("UploadBatch", "Applying…"),
            QCoreApplication.translate("UploadBatch", "Applying the name, type and notes…"),
        )
    if step == STEP_SENDING:
        sentence = QCoreApplication.translate("UploadBatch", "Sending the file to SportTracks…")
        if total > 1:
            sentence = QCoreApplication.translate(
                "UploadBatch", "Sending the file to SportTracks (then its name, type and notes)…"
            )
        return StepProgress(
            0.5 / total, QCoreApplication.translate("UploadBatch", "Sending…"), sentence
        )
    return StepProgress(0.0, "", "")


def restored_row(item: QueueItem) -> UploadRow:
    """The row of an item the last session left in the queue (read again before it shows)."""
    return UploadRow(
        item.display_name,
        item.source,
        STATE_STATUS.get(item.state, RowStatus.PARSING),
        item_id=item.id,
        name=item.name,
        type=item.type,
        notes=item.notes,
        uris=item.uris,
        message=item.error or "",
    )


def show_step(model: UploadListModel, item: QueueItem, step: str) -> None:
    """Put the bar and sentence of an upload step on the item's row."""
    row = model.row_for_item(item.id)
    if row is None:
        return
    shown = step_progress(item, step)
    model.update(
        row.row_id,
        status=RowStatus.UPLOADING,
        progress=shown.fraction,
        step=shown.step,
        message=shown.message,
    )


def show_item(model: UploadListModel, item: QueueItem) -> None:
    """Show a state the engine gave the item (the step texts of an upload in flight stay)."""
    row = model.row_for_item(item.id)
    if row is None:
        return
    status = STATE_STATUS.get(item.state, row.status)
    if status == RowStatus.UPLOADING:  # the bar and its text come with the steps
        model.update(row.row_id, status=status, uris=item.uris)
        return
    if item.state == ItemState.QUEUED and item.error:
        message = QCoreApplication.translate("UploadBatch", "{error} Will try again.").format(
            error=item.error
        )
    else:
        message = item.error or ""
    model.update(row.row_id, status=status, message=message, uris=item.uris, progress=None, step="")


def show_cancelled(model: UploadListModel, item_id: int) -> None:
    """The item was taken back from the queue: its row is as before, and says so."""
    row = model.row_for_item(item_id)
    if row is None:
        return
    warned = row.activity is not None and bool(row.activity.problems)
    status = RowStatus.WARNING if warned else RowStatus.READY
    message = QCoreApplication.translate("UploadBatch", "Not sent: the upload was cancelled.")
    if row.duplicates:
        status, message = RowStatus.DUPLICATE, row.message
    model.update(row.row_id, status=status, message=message, progress=None, step="")


@dataclass
class Batch:
    """The rows of one upload run (the user's click), for the summary at its end.

    Attributes:
        queued: item ids sent to the queue.
        skipped: display names of possible duplicates the user left on Skip.
        cancelled: how many queued files the user took back with Cancel.
    """

    queued: set[int] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)
    cancelled: int = 0

    def __bool__(self) -> bool:
        return bool(self.queued or self.skipped or self.cancelled)

    def open(self, rows: Iterable[UploadRow]) -> bool:
        """Whether a row of the run is still queued or uploading."""
        busy = (RowStatus.QUEUED, RowStatus.UPLOADING)
        return any(r.item_id in self.queued and r.status in busy for r in rows)

    def progress(self, rows: Iterable[UploadRow]) -> tuple[int, int]:
        """(files of the run done, files in the run): uploaded or failed count as done."""
        done = (RowStatus.UPLOADED, RowStatus.FAILED)
        mine = [r for r in rows if r.item_id in self.queued]
        return sum(r.status in done for r in mine), len(self.queued)

    def failures(self, rows: Iterable[UploadRow]) -> list[str]:
        """``ride.fit: <reason>`` for every file of the run that failed."""
        return [
            f"{r.display_name}: {r.message}"
            for r in rows
            if r.item_id in self.queued and r.status == RowStatus.FAILED
        ]

    def summary(self, rows: Iterable[UploadRow]) -> str:
        """``3 uploaded, 1 duplicate skipped, 1 failed (ride.fit: <reason>).``

        Several failures are counted; each with its reason is in :meth:`failures`.
        """
        mine = [r for r in rows if r.item_id in self.queued]
        uploaded = sum(r.status == RowStatus.UPLOADED for r in mine)
        failed = [r for r in mine if r.status == RowStatus.FAILED]
        number = QLocale().toString
        parts = [
            QCoreApplication.translate("UploadBatch", "{count} uploaded").format(
                count=number(uploaded)
            )
        ]
        if self.skipped:
            parts.append(
                plural(
                    len(self.skipped),
                    QCoreApplication.translate("UploadBatch", "{count} duplicate skipped"),
                    QCoreApplication.translate("UploadBatch", "{count} duplicates skipped"),
                )
            )
        if self.cancelled:
            parts.append(
                QCoreApplication.translate("UploadBatch", "{count} not sent (cancelled)").format(
                    count=number(self.cancelled)
                )
            )
        if len(failed) == 1:
            parts.append(
                QCoreApplication.translate("UploadBatch", "1 failed ({file}: {reason})").format(
                    file=failed[0].display_name, reason=failed[0].message.rstrip(".")
                )
            )
        elif failed:
            parts.append(
                QCoreApplication.translate(
                    "UploadBatch", "{count} failed (each reason is under Details)"
                ).format(count=number(len(failed)))
            )
        return ", ".join(parts) + "."
