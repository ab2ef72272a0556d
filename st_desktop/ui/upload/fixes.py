"""Doing the preview's fixes: start moved, split, trimmed, merged, private places hidden.

Each fix runs on the task runner (the file is read again, fixed, written as FIT by our encoder and
read back: see :mod:`st_desktop.services.fixes`), in the queue's write order. The rows it
replaces leave the list and the new ones take their place, selected, so the preview shows at
once what will be uploaded. A row being fixed says so and cannot be uploaded meanwhile.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QObject, QTime, Signal

from st_desktop.errors import StDesktopError
from st_desktop.services.fixes import Replacement
from st_desktop.settings import Keys, Settings
from st_desktop.ui.dialogs.privacy_zones import load_zones
from st_desktop.ui.i18n import plural
from st_desktop.ui.upload.intake import QUEUE_WRITES
from st_desktop.ui.upload.model import RowStatus, UploadRow

if TYPE_CHECKING:
    from st_desktop.ui.upload.fix_dialogs import SplitChoice
    from st_desktop.ui.upload.pane import UploadPane

log = logging.getLogger(__name__)


class FixActions(QObject):
    """Connects the preview's fix requests to the upload service and the list.

    Args:
        pane: the upload pane (its controller, list and preview).
        settings: where the gap Split… proposes and the privacy zones are kept. The zones are
            read again for every upload run and every file shown, so a change in Preferences
            counts from the next one.

    Signals:
        status_changed(str): a sentence for the pane's status line ("Split ride.gpx into 3
            workouts.", or why a fix could not be done).
    """

    status_changed = Signal(str)

    def __init__(self, pane: UploadPane, settings: Settings | None = None) -> None:
        super().__init__(pane)
        self._pane = pane
        self._intake = pane.controller
        self._settings = settings
        preview = pane.preview
        if settings is not None:
            preview.split_gap_hours = float(settings.get(Keys.SPLIT_GAP_HOURS))
            zones = partial(load_zones, settings)
            self._intake.privacy_zones = zones  # hidden on upload, by the engine
            preview.privacy_zones = zones  # drawn and said in the preview
        preview.selection_source = pane.selected_rows
        preview.start_changed.connect(self.shift_start)
        preview.split_requested.connect(self.split)
        preview.trim_requested.connect(self.trim)
        preview.merge_requested.connect(self.merge)
        self.status_changed.connect(self._intake.status_changed)

    # ------------------------------------------------------------------ the fixes

    def shift_start(self, row_id: int, new_start: datetime) -> None:
        """Move the row's start to ``new_start`` (aware; every sample moves with it)."""
        row = self._row(row_id)
        if row is not None and row.item_id is not None:
            wall = QDateTime(
                QDate(new_start.year, new_start.month, new_start.day),
                QTime(new_start.hour, new_start.minute, new_start.second),
            )
            when = QLocale().toString(wall, "dd MMM yyyy HH:mm:ss")
            name = row.display_name
            self._run(
                [row],
                self.tr("Moving the start of {name}").format(name=name),
                self._intake.service.shift_start,
                row.item_id,
                new_start,
                done=self.tr("{name} now starts {when}.").format(name=name, when=when),
            )

    def split(self, row_id: int, choice: SplitChoice) -> None:
        """Cut the row's file where ``choice`` says."""
        row = self._row(row_id)
        if row is None or row.item_id is None:
            return
        service = self._intake.service
        if self._settings is not None:
            self._settings.set(Keys.SPLIT_GAP_HOURS, choice.gap_hours)
        if choice.by_sport:
            self._run(
                [row],
                self.tr("Splitting {name} by sport").format(name=row.display_name),
                service.split_by_sport,
                row.item_id,
                done="",
            )
        else:
            self._run(
                [row],
                self.tr("Splitting {name}").format(name=row.display_name),
                service.split,
                row.item_id,
                list(choice.cuts),
                done="",
            )

    def trim(self, row_id: int, begin: float, end: float) -> None:
        """Keep only ``begin``..``end`` seconds of the row's file."""
        row = self._row(row_id)
        if row is not None and row.item_id is not None:
            self._run(
                [row],
                self.tr("Trimming {name}").format(name=row.display_name),
                self._intake.service.trim,
                row.item_id,
                begin,
                end,
                done=self.tr("Trimmed {name}.").format(name=row.display_name),
            )

    def merge(self, row_ids: Sequence[int]) -> None:
        """Join the rows (one sport, back to back) into one file."""
        rows = [r for r in (self._row(i) for i in row_ids) if r is not None and r.item_id]
        if len(rows) < 2:
            return
        ids = [r.item_id for r in rows if r.item_id is not None]
        self._run(
            rows,
            self.tr("Merging {count} files").format(count=QLocale().toString(len(rows))),
            self._intake.service.merge,
            ids,
            done=self.tr("Merged {count} files into one workout.").format(
                count=QLocale().toString(len(rows))
            ),
        )

    # ------------------------------------------------------------------ running one

    def _row(self, row_id: int) -> UploadRow | None:
        return self._intake.model.row(row_id)

    def _run(
        self,
        rows: list[UploadRow],
        description: str,
        fn: Callable[..., Replacement],
        *args: Any,
        done: str,
    ) -> None:
        before = {r.row_id: (r.status, r.message) for r in rows}
        for row in rows:  # not uploadable while it is being replaced
            self._intake.model.update(
                row.row_id, status=RowStatus.PARSING, message=self.tr("Fixing…")
            )
        self.status_changed.emit(f"{description}…")
        self._intake.runner.submit(
            fn,
            *args,
            description=description,
            serial=QUEUE_WRITES,
            owner=self,
            on_result=lambda replacement: self._replaced(replacement, done),
            on_error=lambda exc: self._failed(before, exc),
        )

    def _replaced(self, replacement: Replacement, done: str) -> None:
        new_rows = self._intake.replace_items(replacement)
        if new_rows:
            self._pane.select_row(new_rows[0])
        if not done:
            names = ", ".join(i.item.display_name for i in replacement.added)
            done = plural(
                len(replacement.added),
                self.tr("Split into {count} workout: {names}."),
                self.tr("Split into {count} workouts: {names}."),
                names=names,
            )
        self.status_changed.emit(done)

    def _failed(self, before: dict[int, tuple[RowStatus, str]], exc: BaseException) -> None:
        for row_id, (status, message) in before.items():
            self._intake.model.update(row_id, status=status, message=message)
        if isinstance(exc, StDesktopError | ValueError):
            text = getattr(exc, "user_message", None) or str(exc)
        else:
            log.error("a fix failed", exc_info=exc)
            text = self.tr("Unexpected error ({error}); details are in the log.").format(
                error=type(exc).__name__
            )
        self.status_changed.emit(self.tr("The file was not changed: {reason}").format(reason=text))
