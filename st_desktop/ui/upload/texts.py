"""The words of the upload list: figures, the explanation of a row, its tooltip.

Plain functions (no widgets), shared by the model, the row delegate, the pane and the preview.
Sentences are joined as sentences (never with "; "), a status is never repeated by the message
that follows it, and which time is which (moving or elapsed) is always said. The words are
translated (context ``UploadTexts``) and numbers written as the locale writes them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from st_desktop.domain.activity import Activity
from st_desktop.ui.upload.rows import RowStatus, UploadRow

CONTEXT = "UploadTexts"
#: What each status says, in English (:func:`status_text` translates).
STATUS_TEXTS = {
    RowStatus.PARSING: QT_TRANSLATE_NOOP("UploadTexts", "Parsing"),
    RowStatus.READY: QT_TRANSLATE_NOOP("UploadTexts", "Ready"),
    RowStatus.WARNING: QT_TRANSLATE_NOOP("UploadTexts", "Warning"),
    RowStatus.ERROR: QT_TRANSLATE_NOOP("UploadTexts", "Error"),
    RowStatus.DUPLICATE: QT_TRANSLATE_NOOP("UploadTexts", "Possible duplicate"),
    RowStatus.QUEUED: QT_TRANSLATE_NOOP("UploadTexts", "Queued"),
    RowStatus.UPLOADING: QT_TRANSLATE_NOOP("UploadTexts", "Uploading"),
    RowStatus.UPLOADED: QT_TRANSLATE_NOOP("UploadTexts", "Uploaded"),
    RowStatus.FAILED: QT_TRANSLATE_NOOP("UploadTexts", "Failed"),
    RowStatus.SKIPPED: QT_TRANSLATE_NOOP("UploadTexts", "Skipped"),
}


def tr(text: object) -> str:
    """``text`` (a literal of this module's context) in the user's language."""
    return QCoreApplication.translate(CONTEXT, str(text))


def status_text(status: RowStatus) -> str:
    """What the status column says, in the user's language ("Ready", "Bereit")."""
    return tr(STATUS_TEXTS.get(status, status.value))


#: Elapsed time is mentioned beside the moving time when it is longer by more than this (s).
PAUSED_ENOUGH_S = 60
#: Names listed at most in a tooltip (the sentence says how many in all).
TOOLTIP_NAMES = 40


def format_duration(seconds: float) -> str:
    """``1:02:03`` or ``42:10``."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_distance(metres: float, units: str = "metric") -> str:
    """``12.34 km`` or ``7.67 mi``; empty when unknown."""
    if metres <= 0:
        return ""
    if units == "imperial":
        return f"{QLocale().toString(metres / 1609.344, 'f', 2)} mi"
    return f"{QLocale().toString(metres / 1000, 'f', 2)} km"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 file``, ``3 files`` (``many`` for irregular plurals); English only: the translated
    sentences use :func:`st_desktop.ui.i18n.plural`."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def sentence(text: str) -> str:
    """``text`` as a sentence: stripped, and ending with a full stop unless it has one."""
    text = text.strip()
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def join_sentences(parts: Iterable[str]) -> str:
    """Sentences one after the other ("A. B."), never glued with "; "."""
    return " ".join(s for s in (sentence(p) for p in parts) if s)


def moving_time(activity: Activity) -> float:
    """Seconds with the timer running (what SportTracks calls ``duration``), else elapsed."""
    return activity.moving_time or activity.elapsed_time


def times_text(activity: Activity) -> str:
    """``Moving 24:36, elapsed 45:11:20 (pauses included)``; one figure when they agree."""
    moving, elapsed = activity.moving_time, activity.elapsed_time
    if moving and elapsed and elapsed - moving > PAUSED_ENOUGH_S:
        return QCoreApplication.translate(
            "UploadTexts", "Moving {moving}, elapsed {elapsed} (pauses included)"
        ).format(moving=format_duration(moving), elapsed=format_duration(elapsed))
    if moving or elapsed:
        return QCoreApplication.translate("UploadTexts", "Moving {moving}").format(
            moving=format_duration(moving or elapsed)
        )
    return ""


def details(row: UploadRow) -> str:
    """The explanation under the file name: the sentence that matters most for the status."""
    if row.message:
        return row.message
    if row.checking:
        return QCoreApplication.translate(
            "UploadTexts", "Checking whether it is already in SportTracks…"
        )
    if row.activity is not None and row.activity.problems:
        return join_sentences(row.activity.problems)
    return ""


def status_sentence(row: UploadRow) -> str:
    """``Error: This file is empty.``: the status and its message, the status word said once
    ("Skipped 2 files in this archive…" is not preceded by "Skipped:")."""
    status = status_text(row.status)
    text = details(row) if row.message or row.checking else ""
    if not text:
        return status
    if text.lower().startswith(status.lower().split()[0]):
        return sentence(text)
    return f"{status}: {sentence(text)}"


def duplicate_message(reasons: list[str]) -> str:
    """The line under a possible duplicate's name: its reason, or how many there are."""
    if len(reasons) <= 1:
        return reasons[0] if reasons else ""
    return QCoreApplication.translate(
        "UploadTexts", "{count} reasons it may be there already. {reason}"
    ).format(count=QLocale().toString(len(reasons)), reason=sentence(reasons[0]))


def bullet_list(lines: Iterable[str], limit: int = TOOLTIP_NAMES) -> str:
    """``• a`` lines, at most ``limit`` (then ``… and 12 more``)."""
    lines = list(lines)
    shown = [f"• {line}" for line in lines[:limit]]
    if len(lines) > limit:
        shown.append(
            QCoreApplication.translate("UploadTexts", "… and {count} more").format(
                count=QLocale().toString(len(lines) - limit)
            )
        )
    return "\n".join(shown)


def row_tooltip(row: UploadRow, units: str = "metric") -> str:
    """Everything about a row in a few lines: where it came from, the name it gets, its
    status, every duplicate reason and every problem, its times."""
    lines = [row.origin or row.display_name]
    if row.upload_name:
        name = (
            QCoreApplication.translate("UploadTexts", "Name: {name} (suggested)")
            if row.name_is_suggested
            else QCoreApplication.translate("UploadTexts", "Name: {name}")
        )
        lines.append(name.format(name=row.upload_name))
    if row.status == RowStatus.DUPLICATE and len(row.duplicates) > 1:
        count = QLocale().toString(len(row.duplicates))
        lines.append(
            QCoreApplication.translate(
                "UploadTexts", "Possible duplicate, {count} reasons:"
            ).format(count=count)
        )
        lines.append(bullet_list(row.duplicate_reasons))
    elif row.message or row.checking:
        lines.append(status_sentence(row))
    activity = row.activity
    if activity is not None:
        if activity.problems and row.status not in (RowStatus.ERROR,):
            lines.append(bullet_list(sentence(p) for p in activity.problems))
        figures = [row.sport, times_text(activity), format_distance(activity.distance, units)]
        lines.append(" · ".join(f for f in figures if f))
    return "\n".join(line for line in lines if line)
