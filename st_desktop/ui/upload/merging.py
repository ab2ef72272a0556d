"""Several rows selected: what the preview shows instead of one file, and Merge.

Merge joins recordings of one sport made back to back (a device that saved a ride in two files
at a café stop). :func:`merge_problem` says, before anything is read again, why the selected
rows cannot be merged, so the button explains itself instead of failing afterwards.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from st_desktop.parsers.edit import MAX_MERGE_GAP_S
from st_desktop.ui.i18n import plural
from st_desktop.ui.upload.model import RowStatus, UploadRow

#: Rows in these states can still be changed before upload.
CHANGEABLE = frozenset(
    {RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE, RowStatus.FAILED, RowStatus.SKIPPED}
)


def merge_problem(rows: list[UploadRow]) -> str | None:
    """Why ``rows`` cannot be merged into one workout, or None when they can."""
    for row in rows:
        if row.activity is None:
            return QCoreApplication.translate(
                "Merging", "{name} has not been read (or cannot be): it cannot be merged."
            ).format(name=row.display_name)
        if row.status not in CHANGEABLE:
            return QCoreApplication.translate(
                "Merging", "{name} is being uploaded or was uploaded: it cannot be merged."
            ).format(name=row.display_name)
    sports = sorted({row.sport.split(":")[0] for row in rows})
    if len(sports) > 1:
        return QCoreApplication.translate(
            "Merging", "Only recordings of one sport can be merged; these are {sports}."
        ).format(sports=QCoreApplication.translate("Merging", " and ").join(sports))
    ordered = sorted(rows, key=lambda r: r.activity.start_time)  # type: ignore[union-attr]
    for before, after in itertools.pairwise(ordered):
        first, second = before.activity, after.activity
        if first is None or second is None:
            continue
        end = first.start_time + timedelta(seconds=first.elapsed_time or 0.0)
        if second.start_time < end:
            return QCoreApplication.translate(
                "Merging", "{first} and {second} overlap in time."
            ).format(first=before.display_name, second=after.display_name)
        if (second.start_time - end).total_seconds() > MAX_MERGE_GAP_S:
            hours = round(MAX_MERGE_GAP_S / 3600)
            return plural(
                hours,
                QCoreApplication.translate(
                    "Merging",
                    "{first} and {second} are more than {count} hour apart: they are not one "
                    "workout.",
                ),
                QCoreApplication.translate(
                    "Merging",
                    "{first} and {second} are more than {count} hours apart: they are not one "
                    "workout.",
                ),
                first=before.display_name,
                second=after.display_name,
            )
    return None


class SelectionPanel(QWidget):
    """What the preview shows for no row or several rows: a sentence, and Merge for several.

    Signals:
        merge_clicked(list): the row ids to merge (the selection when the button was shown).
    """

    merge_clicked = Signal(list)

    def __init__(self, empty_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._empty_text = empty_text
        self._rows: list[int] = []
        self.label = QLabel(empty_text, self)
        self.label.setObjectName("previewEmpty")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setEnabled(False)  # drawn in the disabled (grey) colour
        self.merge_button = QPushButton(self.tr("&Merge into One Workout"), self)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.clicked.connect(lambda: self.merge_clicked.emit(list(self._rows)))
        self.reason = QLabel(self)
        self.reason.setObjectName("mergeReason")
        self.reason.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason.setWordWrap(True)
        self.reason.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.reason)
        layout.addStretch(1)
        self.show_rows(0, [])

    def show_rows(self, selected: int, rows: list[UploadRow]) -> None:
        """``selected`` rows are selected (``rows``: them, when known): say what can be done."""
        self._rows = [r.row_id for r in rows]
        several = selected > 1
        self.label.setText(
            self.tr(
                "{count} files selected. Upload sends them all; select one to preview it."
            ).format(count=QLocale().toString(selected))
            if several
            else self._empty_text
        )
        self.merge_button.setVisible(len(rows) > 1)
        self.reason.setVisible(False)
        if len(rows) > 1:
            problem = merge_problem(rows)
            self.merge_button.setEnabled(problem is None)
            self.merge_button.setToolTip(
                self.tr(
                    "Join these recordings of one sport, made back to back, into one workout "
                    "(the stops between them become pauses)."
                )
            )
            self.reason.setText(problem or "")
            self.reason.setVisible(problem is not None)
