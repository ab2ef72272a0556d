"""Parts of the upload preview: its sentences about the row shown (summary, status, duplicate
reasons) and the box where the user decides about a possible duplicate."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, Qt, QTime
from PySide6.QtWidgets import QButtonGroup, QFrame, QLabel, QRadioButton, QVBoxLayout, QWidget

from st_desktop.ui.upload import texts
from st_desktop.ui.upload.model import RowStatus, UploadRow, format_distance


def start_text(moment: datetime) -> str:
    """The wall-clock start with the locale's day and month names ("Sun 25 Oct 2020, 06:10:19",
    "So. 25 Okt. 2020, 06:10:19")."""
    wall = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute, moment.second),
    )
    return QLocale().toString(wall, "ddd dd MMM yyyy, HH:mm:ss")


def duplicate_text(row: UploadRow) -> str:
    """Every reason the row may be in SportTracks already, one per line."""
    reasons = row.duplicate_reasons
    if len(reasons) == 1:
        return texts.sentence(reasons[0])
    count = QLocale().toString(len(reasons))
    lines = [
        QCoreApplication.translate(
            "PreviewParts", "{count} reasons it may be there already:"
        ).format(count=count)
    ]
    return "\n".join(lines + [f"• {texts.sentence(r)}" for r in reasons])


def summary_text(row: UploadRow, units: str) -> str:
    """The line under the title: start, times, distance, format and device."""
    activity = row.activity
    if activity is None:
        return ""
    parts = [
        start_text(activity.local_start),
        texts.times_text(activity),
        format_distance(activity.distance, units),
        (
            QCoreApplication.translate("PreviewParts", "{format} from {device}").format(
                format=activity.format, device=activity.device
            )
            if activity.device
            else activity.format
        ),
    ]
    return " · ".join(p for p in parts if p)


def status_text(row: UploadRow) -> str:
    """What the status means for this file: the error, the warnings, the upload step."""
    lines = []
    if row.message and not row.duplicates:
        lines.append(texts.status_sentence(row))
    elif row.status in (RowStatus.ERROR, RowStatus.FAILED, RowStatus.SKIPPED):
        lines.append(texts.status_text(row.status))
    if row.activity is not None and row.status != RowStatus.ERROR:
        lines += [f"⚠ {texts.sentence(w)}" for w in row.activity.problems]
    return "\n".join(lines)


def duplicate_box(parent: QWidget) -> tuple[QFrame, QLabel, QRadioButton, QRadioButton]:
    """The duplicate decision (``duplicateBox``): its reasons, Skip and Upload anyway."""
    box = QFrame(parent)
    box.setObjectName("duplicateBox")
    box.setFrameShape(QFrame.Shape.StyledPanel)
    reason = QLabel(box)
    reason.setWordWrap(True)
    reason.setTextFormat(Qt.TextFormat.PlainText)
    skip = QRadioButton(
        QCoreApplication.translate("PreviewParts", "Skip (it is already there)"), box
    )
    skip.setObjectName("duplicateSkip")
    anyway = QRadioButton(QCoreApplication.translate("PreviewParts", "Upload anyway"), box)
    anyway.setObjectName("duplicateUploadAnyway")
    group = QButtonGroup(box)
    group.addButton(skip)
    group.addButton(anyway)
    layout = QVBoxLayout(box)
    for widget in (reason, skip, anyway):
        layout.addWidget(widget)
    return box, reason, skip, anyway
