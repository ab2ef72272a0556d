"""Split…: where to cut a file that holds several workouts, with the parts it would give.

The dialog works on the row's activity as the list keeps it (segments, laps, no samples), so the
parts are listed as the user changes the gap, without reading the file again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.activity import Activity
from st_desktop.parsers.edit import split_points


@dataclass(frozen=True)
class SplitChoice:
    """What the user chose: cut at ``cuts`` (seconds since the start), or one file per sport."""

    cuts: tuple[float, ...] = ()
    by_sport: bool = False
    gap_hours: float = 2.0


def sports_of(activity: Activity) -> list[str]:
    """The sports of a multi-sport recording's legs, in order (one entry: not multi-sport)."""
    legs: list[str] = []
    for lap in activity.laps:
        if lap.sport and (not legs or legs[-1] != lap.sport):
            legs.append(lap.sport)
    return legs


def _day(moment: datetime) -> str:
    """The wall-clock day with the locale's names ("Sat 01 Jun", "Sa. 01 Juni")."""
    wall = QDateTime(QDate(moment.year, moment.month, moment.day), QTime(0, 0))
    return QLocale().toString(wall, "ddd dd MMM")


def parts_text(activity: Activity, cuts: list[float]) -> str:
    """ "3 workouts: Sat 1 Jun 08:00–08:30, 14:30–15:00; Sun 2 Jun 08:00–08:30"."""
    if not cuts:
        return QCoreApplication.translate(
            "SplitDialog", "No gap that long and no new day: there is nothing to cut."
        )
    bounds = [0.0, *cuts, activity.elapsed_time or 0.0]
    ends = [
        max((s.end for s in activity.segments if start <= s.end < stop), default=start)
        for start, stop in itertools.pairwise(bounds)
    ]
    ends[-1] = bounds[-1]
    pieces = []
    day = None
    for start, end in zip(bounds, ends, strict=False):
        local_start, local_end = activity.local_time(start), activity.local_time(end)
        this_day = _day(local_start)
        span = f"{local_start:%H:%M}–{local_end:%H:%M}"
        pieces.append(span if this_day == day else f"{this_day} {span}")
        day = this_day
    return QCoreApplication.translate("SplitDialog", "{count} workouts: {parts}").format(
        count=QLocale().toString(len(pieces)), parts=", ".join(pieces)
    )


class SplitDialog(QDialog):
    """Choose where Split cuts: at gaps of at least N hours (and new days), or per sport.

    Args:
        activity: the row's activity (segments and laps are enough).
        gap_hours: the gap last used (Preferences keep it).
        parent: the dialog's parent.
    """

    def __init__(self, activity: Activity, gap_hours: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(
            self.tr("Split {name}").format(name=activity.name)
            if activity.name
            else self.tr("Split the recording")
        )
        self._activity = activity
        self.by_gap = QRadioButton(self.tr("At &gaps of at least"), self)
        self.by_gap.setObjectName("splitAtGaps")
        self.gap = QDoubleSpinBox(self)
        self.gap.setObjectName("splitGapHours")
        self.gap.setAccessibleName(self.tr("Shortest gap to cut at, in hours"))
        self.gap.setRange(0.25, 72.0)
        self.gap.setSingleStep(0.25)
        self.gap.setDecimals(2)
        self.gap.setSuffix(" h")
        self.gap.setValue(gap_hours)
        self.parts = QLabel(self)
        self.parts.setObjectName("splitParts")
        self.parts.setWordWrap(True)
        sports = sports_of(activity)
        self.by_sport = QRadioButton(
            self.tr("One workout per &sport ({sports})").format(
                sports=", ".join(s.split(":")[0] for s in sports)
            )
            if len(sports) > 1
            else self.tr("One workout per &sport (this recording holds one sport)"),
            self,
        )
        self.by_sport.setObjectName("splitBySport")
        self.by_sport.setEnabled(len(sports) > 1)
        group = QButtonGroup(self)
        group.addButton(self.by_gap)
        group.addButton(self.by_sport)
        (self.by_sport if len(sports) > 1 else self.by_gap).setChecked(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        gap_row = QHBoxLayout()
        gap_row.addWidget(self.by_gap)
        gap_row.addWidget(self.gap)
        gap_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Where should the recording be cut?"), self))
        layout.addLayout(gap_row)
        layout.addWidget(self.parts)
        layout.addWidget(self.by_sport)
        layout.addWidget(self.buttons)
        self.gap.valueChanged.connect(self._update)
        self.by_gap.toggled.connect(self._update)
        self._update()

    def cuts(self) -> list[float]:
        """Where the gap setting cuts (seconds since the start)."""
        return split_points(self._activity, self.gap.value() * 3600.0)

    def choice(self) -> SplitChoice:
        """The user's choice (read after the dialog was accepted)."""
        if self.by_sport.isChecked():
            return SplitChoice(by_sport=True, gap_hours=self.gap.value())
        return SplitChoice(cuts=tuple(self.cuts()), gap_hours=self.gap.value())

    def _update(self, *_args: object) -> None:
        cuts = self.cuts()
        self.parts.setText(parts_text(self._activity, cuts))
        self.parts.setEnabled(self.by_gap.isChecked())
        self.gap.setEnabled(self.by_gap.isChecked())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.by_sport.isChecked() or bool(cuts))
