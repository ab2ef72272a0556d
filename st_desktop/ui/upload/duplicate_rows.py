"""Duplicate-check results in the upload rows, and the same workout dropped twice in one list."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from st_desktop.services.duplicates import Candidate, DuplicateMatch, StartIndex, match
from st_desktop.services.upload_checks import DuplicateCheck
from st_desktop.ui.upload.model import RowStatus, UploadListModel, UploadRow
from st_desktop.ui.upload.rows import capitalised
from st_desktop.ui.upload.texts import duplicate_message

#: Rows a check result may change (Parsing: the first check of a file just read).
_CHECKED = (RowStatus.PARSING, RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE)


class DuplicateRows:
    """Marks rows as possible duplicates, saying why; runs on the GUI thread (no I/O).

    Besides the account, the cache and the ledger (the :class:`DuplicateCheck` done on a
    worker), a file is compared with the files above it in the list: a FIT and its GPX export
    dropped together must not become two workouts.

    Args:
        model: the upload rows.
    """

    def __init__(self, model: UploadListModel) -> None:
        self.model = model
        self._starts = StartIndex()  # row ids by start time

    def index(self, row_id: int, start_time: datetime) -> None:
        """A row's file was read: compare later drops with it."""
        self._starts.add(row_id, start_time)

    def forget(self, row_id: int) -> None:
        """The row left the list."""
        self._starts.discard(row_id)

    def show(self, row_id: int, result: DuplicateCheck) -> None:
        """Show the check of a row: Possible duplicate with the reason, or Ready/Warning."""
        row = self.model.row(row_id)
        if row is None:
            return
        self.model.update(row_id, checking=False)
        if row.activity is None or row.status not in _CHECKED:
            return  # queued or uploaded meanwhile: the check comes too late to matter
        matches = list(result.matches) + self._in_list(row)
        if not matches:
            warned = row.activity is not None and bool(row.activity.problems)
            # Ready, but say when the account itself could not be searched.
            message = "" if warned else (result.note or "")
            self.model.update(
                row_id,
                status=RowStatus.WARNING if warned else RowStatus.READY,
                duplicates=[],
                account_checked=result.account_checked,
                message=message,
            )
            return
        self._mark(row, matches, result.account_checked)

    def _mark(
        self, row: UploadRow, matches: list[DuplicateMatch], checked: bool | None = None
    ) -> None:
        # Every reason stays reachable: the row's tooltip and menu list them all
        # (UploadRow.duplicate_reasons); the line under the name says how many there are.
        message = duplicate_message([capitalised(m.reason) for m in matches])
        changes: dict[str, Any] = {"status": RowStatus.DUPLICATE, "duplicates": matches}
        if checked is not None:
            changes["account_checked"] = checked
        self.model.update(row.row_id, message=message, **changes)

    def _in_list(self, row: UploadRow) -> list[DuplicateMatch]:
        """The same workout dropped twice (a FIT and its GPX export): the later row is flagged."""
        if row.activity is None:
            return []
        found: list[DuplicateMatch] = []
        mine = self.model.position(row.row_id)
        for other_id in self._starts.near(row.activity.start_time):
            other = self.model.row(other_id)
            if other is None or other is row or other.activity is None:
                continue
            if other.status == RowStatus.ERROR or other.item_id == row.item_id:
                continue
            if self.model.position(other_id) < mine:
                hit = match(row.activity.start_time, row.activity.distance, _listed(other))
                if hit is not None:
                    found.append(hit)
            elif other.status in (RowStatus.READY, RowStatus.WARNING):
                hit = match(other.activity.start_time, other.activity.distance, _listed(row))
                if hit is not None:
                    self._mark(other, [hit, *other.duplicates])
        return found


def _listed(row: UploadRow) -> Candidate:
    assert row.activity is not None
    return Candidate(
        None, row.display_name, row.activity.start_time, row.activity.distance, "this list"
    )
