"""The reading half of the upload pane: dropped files -> copy and parse -> duplicate check.

:class:`UploadIntake` owns the rows of the list until the user asks for an upload; the queue and
the upload engine are added on top by :class:`~st_desktop.ui.upload.controller.UploadController`.
Every step that touches a disk or the network runs on the task runner; slots here only move rows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from st_desktop.errors import StDesktopError
from st_desktop.services.account import Account
from st_desktop.services.fixes import Replacement
from st_desktop.services.intake import Ingested, Skipped, Source
from st_desktop.services.upload_checks import DuplicateCheck
from st_desktop.services.uploads import UploadService
from st_desktop.tasks import TaskRunner
from st_desktop.ui.i18n import plural
from st_desktop.ui.upload.duplicate_rows import DuplicateRows
from st_desktop.ui.upload.model import RowStatus, UploadListModel, UploadRow
from st_desktop.ui.upload.notice import Notice

log = logging.getLogger(__name__)

#: Writes to the upload queue (edits, decisions, removals) stay in order; the upload run has its
#: own key, so they never wait for it.
QUEUE_WRITES = "upload-queue"


#: Rows listed per turn of the event loop while a big drop is added.
LIST_CHUNK = 100


@dataclass
class _Drop:
    """The files of one drop (or Open) while they are read: said in one sentence at the end.

    Attributes:
        rows: rows of the drop still being read or checked.
        added: files that became rows of their own.
        already: (row id, name) of files whose bytes were already in the list (row ids
            grow in drop order).
        waiting: entries found but not yet given a row (they are listed a chunk at a time).
    """

    rows: set[int] = field(default_factory=set)
    waiting: list[Source | Skipped] = field(default_factory=list)
    added: int = 0
    already: list[tuple[int, str]] = field(default_factory=list)


def already_listed(already: list[str], added: int) -> str:
    """``ride.fit is already in the list.``, ``37 files are already in the list.`` or
    ``2 of the 5 files are already in the list.``"""
    if len(already) == 1 and not added:
        return QCoreApplication.translate("UploadIntake", "{file} is already in the list.").format(
            file=already[0]
        )
    if not added:
        return QCoreApplication.translate(
            "UploadIntake", "{count} files are already in the list."
        ).format(count=QLocale().toString(len(already)))
    return plural(
        len(already),
        QCoreApplication.translate(
            "UploadIntake", "{count} of the {total} files is already in the list."
        ),
        QCoreApplication.translate(
            "UploadIntake", "{count} of the {total} files are already in the list."
        ),
        total=QLocale().toString(len(already) + added),
    )


def _user_text(exc: BaseException) -> str:
    if isinstance(exc, StDesktopError):
        return exc.user_message
    return QCoreApplication.translate(
        "UploadIntake", "Unexpected error ({error}); details are in the log."
    ).format(error=type(exc).__name__)


class UploadIntake(QObject):
    """Owns the upload rows: reads dropped files, checks them for duplicates, keeps edits.

    Args:
        service: the upload service (queue, intake, duplicate checks, engine).
        runner: where file and network work runs.
        parent: Qt parent.

    Signals:
        status_changed(str): a sentence for the pane's status line ("" clears it).
        notice_changed(object): the same as a :class:`Notice`, with the names it is about.
    """

    status_changed = Signal(str)
    notice_changed = Signal(object)

    def __init__(
        self,
        service: UploadService,
        runner: TaskRunner,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.model = UploadListModel(self)
        self.account: Account | None = None
        self._generation = 0  # bumps with the account: older network answers are dropped
        self._duplicates = DuplicateRows(self.model)
        self._drops: list[_Drop] = []  # drops still being read, oldest first
        # Whether a drop is done is asked once per turn of the event loop, not per file read:
        # a pass over the drop's rows for each of thousands of results would stall the GUI.
        self._settle_timer = QTimer(self)
        self._settle_timer.setSingleShot(True)
        self._settle_timer.setInterval(0)
        self._settle_timer.timeout.connect(self._settled)
        self._previewed: int | None = None  # the row the preview shows (see preview_shows)
        self._after_preview: dict[int, UploadRow] = {}  # rows whose check waits for it

    def say(self, text: str, details: Iterable[str] = (), *, about_list: bool = True) -> None:
        """Put a sentence on the pane's status line (see :class:`Notice`)."""
        self.notice_changed.emit(Notice(text, tuple(details), about_list))
        self.status_changed.emit(text)

    # ------------------------------------------------------------------ adding files

    def add_paths(self, paths: Iterable[Path]) -> None:
        """Add dropped or opened files, folders and archives (no I/O here)."""
        dropped = [Path(p) for p in paths]
        if not dropped:
            return
        drop = _Drop()
        self._drops.append(drop)
        self.say(
            plural(
                len(dropped),
                self.tr("Looking into {count} dropped item…"),
                self.tr("Looking into {count} dropped items…"),
            )
        )
        self.runner.submit(
            self.service.expand,
            dropped,
            on_result=partial(self._expanded, drop),
            on_error=partial(self._expand_failed, drop),
            description=self.tr("Looking into the dropped files"),
        )

    def _expanded(self, drop: _Drop, entries: list[Source | Skipped]) -> None:
        files = sum(1 for entry in entries if not isinstance(entry, Skipped))
        if files:
            self.say(
                plural(files, self.tr("Reading {count} file…"), self.tr("Reading {count} files…"))
            )
        drop.waiting = list(entries)
        self._list_some(drop)

    def _list_some(self, drop: _Drop) -> None:
        """Give the next entries of a drop their rows and start reading them; the rest in the
        next turn of the event loop (a bulk export of thousands of files would otherwise hold
        the GUI thread for a second)."""
        chunk, drop.waiting = drop.waiting[:LIST_CHUNK], drop.waiting[LIST_CHUNK:]
        rows = [
            UploadRow(entry.display_name, entry.origin, RowStatus.SKIPPED, message=entry.reason)
            if isinstance(entry, Skipped)
            else UploadRow(entry.display_name, entry.origin)
            for entry in chunk
        ]
        # Reading starts before the rows are listed: listing one can preview it (a selection
        # follows the new rows), which the workers need not wait for. Their answers arrive
        # through the event loop, so after the rows are in the model.
        for entry, row in zip(chunk, rows, strict=True):
            if isinstance(entry, Skipped):
                continue
            drop.rows.add(row.row_id)
            self.runner.submit(
                self.service.ingest,
                entry,
                on_result=partial(self._ingested, drop, row.row_id),
                on_error=partial(self._ingest_failed, drop, row.row_id),
                description=self.tr("Reading {file}").format(file=entry.display_name),
            )
        self.model.add_many(rows)
        if drop.waiting:
            QTimer.singleShot(0, self, partial(self._list_some, drop))
        else:
            self._settle_soon()

    def _expand_failed(self, drop: _Drop, exc: BaseException) -> None:
        self._drops.remove(drop)
        self._report_error(exc)

    def _ingested(self, drop: _Drop, row_id: int, result: Ingested) -> None:
        existing = self.model.row_for_item(result.item.id)
        if existing is not None and existing.row_id != row_id:
            # The same bytes were dropped again (a file, or a member of a zip or folder): one
            # row is enough, and the drop's sentence says so.
            drop.already.append((row_id, existing.display_name))
            drop.rows.discard(row_id)
            self.model.remove(row_id)
            self._settle_soon()
            return
        drop.added += 1
        item = result.item
        # A name, type or notes the export kept for the file (Strava's activities.csv).
        self.model.update(row_id, item_id=item.id, name=item.name, type=item.type, notes=item.notes)
        self._parsed(row_id, result)

    def _ingest_failed(self, drop: _Drop, row_id: int, exc: BaseException) -> None:
        drop.added += 1  # its row stays, saying why it could not be read
        self._parse_failed(row_id, exc)

    def _parsed(self, row_id: int, result: Ingested) -> None:
        row = self.model.row(row_id)
        if row is None:
            return
        if result.activity is None:
            self.model.update(row_id, status=RowStatus.ERROR, message=result.error or "")
            self._settle_soon()
            return
        activity = result.activity
        self._duplicates.index(row_id, activity.start_time)
        if row.status != RowStatus.PARSING:  # restored Queued, Uploaded, Skipped ... rows
            self.model.update(row_id, activity=activity, track=result.track)
            return
        # Still "Parsing" (not uploadable) until the duplicate check has answered.
        self.model.update(row_id, activity=activity, track=result.track)
        if row_id == self._previewed:
            # Its route and charts first: the check's answer would redo its texts in between.
            self.model.update(row_id, checking=True)
            self._after_preview[row_id] = row
        else:
            self._check_duplicates(row)

    def _parse_failed(self, row_id: int, exc: BaseException) -> None:
        self.model.update(row_id, status=RowStatus.ERROR, message=_user_text(exc))
        self._settle_soon()

    def _settle_soon(self) -> None:
        if not self._settle_timer.isActive():  # never postponed by a flood of results
            self._settle_timer.start()

    def _settled(self) -> None:
        """Say what the drops whose files are all read and checked came to, in one sentence."""
        finished: list[_Drop] = []
        for drop in self._drops:
            drop.rows = {r for r in drop.rows if self._unsettled(r)}
            if not drop.rows and not drop.waiting:
                finished.append(drop)
        if not finished:
            return
        for drop in finished:
            self._drops.remove(drop)
        already = [name for _, name in sorted(a for drop in finished for a in drop.already)]
        if already:
            added = sum(drop.added for drop in finished)
            # One name is in the sentence itself; several are listed under Details.
            self.say(already_listed(already, added), already if len(already) > 1 else ())
        elif not self._drops:
            self.say("")  # "Reading 9 files…" is over

    def _unsettled(self, row_id: int) -> bool:
        row = self.model.row(row_id)
        return row is not None and (row.status == RowStatus.PARSING or row.checking)

    # ------------------------------------------------------------------ duplicates

    def preview_shows(self, row_id: int | None) -> None:
        """The preview now shows ``row_id`` (None: no single row): the checks of a row read while
        it is shown wait until :meth:`preview_drawn`; those of rows no longer shown start."""
        self._previewed = row_id
        for waiting in [r for r in self._after_preview if r != row_id]:
            self._check_duplicates(self._after_preview.pop(waiting))

    def preview_drawn(self, row_id: int) -> None:
        """The preview has drawn ``row_id``'s route and charts: its duplicate check starts."""
        row = self._after_preview.pop(row_id, None)
        if row is not None:
            self._check_duplicates(row)

    def _check_duplicates(self, row: UploadRow) -> None:
        if row.item_id is None:
            return
        item_id, generation, account = row.item_id, self._generation, self.account

        def done(result: DuplicateCheck, rid: int = row.row_id) -> None:
            if generation == self._generation:  # else set_client asked again
                self._duplicates.show(rid, result)
            self._settle_soon()

        def failed(exc: BaseException) -> None:
            log.warning("duplicate check of %s failed: %s", row.display_name, exc)
            note = self.tr("It could not be checked for duplicates: {error}").format(
                error=_user_text(exc)
            )
            done(DuplicateCheck([], False, note))

        self.model.update(row.row_id, checking=True)
        self.runner.submit(
            self.service.check,
            item_id,
            account,
            on_result=done,
            on_error=failed,
            description=self.tr("Checking for duplicates"),
            owner=self,
        )

    def set_upload_anyway(self, row_id: int, upload: bool) -> None:
        """The user's decision for a possible duplicate (default: skip)."""
        self.model.update(row_id, upload_anyway=upload)

    # ------------------------------------------------------------------ edits

    def set_edits(
        self, row_id: int, name: str | None, type_: str | None, notes: str | None
    ) -> None:
        """Keep the user's name, type and notes for a row (saved to the queue at once).

        The suggested name follows a new type ("Morning Run" once Running is picked).
        """
        row = self.model.update(row_id, name=name or None, type=type_ or None, notes=notes)
        if row is None or row.item_id is None:
            return
        self.runner.submit(
            self.service.save_edits,
            row.item_id,
            name,
            type_,
            notes,
            row.suggested_name,
            on_error=self._report_error,
            description=self.tr("Saving your changes"),
            serial=QUEUE_WRITES,
        )

    # ------------------------------------------------------------------ removing

    def remove(self, row_ids: Iterable[int]) -> None:
        """Remove rows not uploaded or in flight; their copies are deleted."""
        for row_id in list(row_ids):
            row = self.model.row(row_id)
            if row is None or row.status in (RowStatus.QUEUED, RowStatus.UPLOADING):
                continue
            self.model.remove(row_id)
            self._duplicates.forget(row_id)
            self._after_preview.pop(row_id, None)
            self._settle_soon()  # a file still being read was taken off: its drop may be done
            if row.item_id is None:
                continue
            uploaded = row.status == RowStatus.UPLOADED
            self.runner.submit(
                self.service.discard,
                row.item_id,
                uploaded,
                on_error=self._report_error,
                description=self.tr("Removing"),
                serial=QUEUE_WRITES,
            )

    def _report_error(self, exc: BaseException) -> None:
        self.say(_user_text(exc), about_list=False)

    # ------------------------------------------------------------------ fixed files

    def replace_items(self, replacement: Replacement) -> list[int]:
        """Rows for fixed files in place of the rows of the items they replace.

        Returns:
            The new rows' ids, in order (each is checked for duplicates like a dropped file).
        """
        place = None  # where the first replaced row was: the new rows take its place
        for item_id in replacement.removed:
            row = self.model.row_for_item(item_id)
            if row is not None:
                position = self.model.position(row.row_id)
                place = position if place is None else min(place, position)
                self.model.remove(row.row_id)
                self._duplicates.forget(row.row_id)
        rows = [UploadRow(r.item.display_name, r.item.source) for r in replacement.added]
        self.model.add_many(rows, at=place)
        added = []
        for row, result in zip(rows, replacement.added, strict=True):
            item = result.item
            self.model.update(
                row.row_id, item_id=item.id, name=item.name, type=item.type, notes=item.notes
            )
            self._parsed(row.row_id, result)
            added.append(row.row_id)
        return added
