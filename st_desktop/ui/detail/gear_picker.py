"""Which gear a workout used: a picker for the workout shown, and a dialog for several at once.

:class:`GearPicker` (``gearPicker``) shows the items linked to the selected workout and a
"Gear" menu button with one checkable entry per item: checking links the workout, unchecking
unlinks it (retired items are offered only while linked). :class:`GearAssignDialog` does the same
for every selected workout (an item linked to only some of them is half-checked and left alone
unless changed). Both save through the overview hub, one whole-object PUT per item changed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.gear import Gear
from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.overview import GearList
from st_desktop.ui.i18n import plural
from st_desktop.ui.overview.hub import OverviewHub

URI_ROLE = Qt.ItemDataRole.UserRole + 1


def offered(gear: GearList, workouts: Sequence[str]) -> list[Gear]:
    """Items to offer: the active ones, and retired ones some of ``workouts`` still use."""
    return [g for g in gear.items if not g.retired or any(g.uses(w) for w in workouts)]


def describe(item: Gear) -> str:
    """ "Road bike (Canyon Endurace CF 7)"."""
    detail = " ".join(p for p in (item.brand, item.model) if p)
    text = f"{item.label} ({detail})" if detail and detail != item.label else item.label
    if item.retired:
        return QCoreApplication.translate("GearPicker", "{gear} — retired").format(gear=text)
    return text


class GearPicker(QWidget):
    """The gear of the workout shown, and a menu to change it.

    Args:
        hub: gear and the way to save it.
    """

    def __init__(self, hub: OverviewHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gearPicker")
        self._hub = hub
        self._workout = ""
        self.label = QLabel(self)
        self.label.setObjectName("gearPickerLabel")
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.menu = QMenu(self)
        self.menu.setObjectName("gearPickerMenu")
        self.button = QToolButton(self)
        self.button.setObjectName("gearPickerButton")
        self.button.setText(self.tr("Chan&ge"))
        self.button.setAccessibleName(self.tr("Change the gear of this workout"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        caption = QLabel(self.tr("Gear:"), self)
        caption.setBuddy(self.button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(caption)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        hub.gear_changed.connect(lambda _gear: self._update())
        hub.account_changed.connect(lambda _account: self._update())
        self._update()

    @property
    def workout(self) -> str:
        """The id of the workout shown ("" for none)."""
        return self._workout

    def show_workout(self, summary: WorkoutSummary | None) -> None:
        """Show the gear of a workout (None: nothing selected)."""
        self._workout = (summary.id or "") if summary is not None else ""
        self._update()

    def actions_shown(self) -> list[QAction]:
        """The menu's item entries (for tests and assistive tech)."""
        return [a for a in self.menu.actions() if a.data()]

    def _update(self) -> None:
        gear, workout = self._hub.gear, self._workout
        self.menu.clear()
        linked = gear.for_workout(workout) if workout else []
        if not workout:
            self.label.setText("")
        elif linked:
            self.label.setText(", ".join(item.label for item in linked))
        elif gear.fetched_at is None:
            self.label.setText(self.tr("(gear not loaded yet)"))
        else:
            self.label.setText(self.tr("none", "no gear linked to the workout"))
        for item in offered(gear, [workout] if workout else []):
            action = self.menu.addAction(describe(item))
            action.setCheckable(True)
            action.setChecked(item.uses(workout) if workout else False)
            action.setData(item.uri)
            action.toggled.connect(lambda on, uri=item.uri: self._toggled(uri, on))
        if not self.menu.actions():
            empty = self.menu.addAction(self.tr("No gear in your account yet"))
            empty.setEnabled(False)
        self.button.setEnabled(bool(workout) and self._hub.online and gear.fetched_at is not None)
        self.button.setToolTip(
            ""
            if self._hub.online
            else self.tr("Sign in to SportTracks to change the gear of a workout.")
        )

    def _toggled(self, uri: str, on: bool) -> None:
        if not self._workout:
            return
        if on:
            self._hub.assign_gear([self._workout], link=[uri])
        else:
            self._hub.assign_gear([self._workout], link=[], unlink=[uri])


class GearAssignDialog(QDialog):
    """Gear for several workouts at once (``gearAssignDialog``).

    Args:
        gear: the account's gear.
        workouts: ids of the selected workouts.
    """

    def __init__(
        self, gear: GearList, workouts: Sequence[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gearAssignDialog")
        count = len(workouts)
        self.setWindowTitle(self.tr("Gear of the Selected Workouts"))
        self.workouts = list(workouts)
        self.list = QListWidget(self)
        self.list.setObjectName("gearAssignList")
        self.list.setAccessibleName(self.tr("Gear items"))
        self._start: dict[str, Qt.CheckState] = {}
        for item in offered(gear, self.workouts):
            users = sum(1 for w in self.workouts if item.uses(w))
            state = (
                Qt.CheckState.Checked
                if users == count and count
                else Qt.CheckState.PartiallyChecked
                if users
                else Qt.CheckState.Unchecked
            )
            row = QListWidgetItem(describe(item))
            row.setData(URI_ROLE, item.uri)
            flags = row.flags() | Qt.ItemFlag.ItemIsUserCheckable
            if state == Qt.CheckState.PartiallyChecked:
                flags |= Qt.ItemFlag.ItemIsUserTristate
            row.setFlags(flags)
            row.setCheckState(state)
            self._start[item.uri] = state
            self.list.addItem(row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        text = QLabel(
            plural(
                count,
                self.tr("Check the gear used in the selected workout."),
                self.tr(
                    "Check the gear used in the {count} selected workouts; a half-checked item "
                    "is used in some of them and stays as it is unless you change it."
                ),
            ),
            self,
        )
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)

    def changes(self) -> tuple[list[str], list[str]]:
        """Gear uris to link every selected workout to, and to unlink them from."""
        link, unlink = [], []
        for index in range(self.list.count()):
            row = self.list.item(index)
            uri = str(row.data(URI_ROLE))
            state = row.checkState()
            if state == self._start.get(uri):
                continue
            if state == Qt.CheckState.Checked:
                link.append(uri)
            elif state == Qt.CheckState.Unchecked:
                unlink.append(uri)
        return link, unlink


class BulkGear(QObject):
    """Workouts > Gear of Selected…: the assign dialog for the workouts selected in the table.

    Args:
        hub: gear and the way to save it.
        selected: the workouts selected in the table.
        parent: the dialog's parent window.

    Attributes:
        action: ``assignGearAction``, for the Workouts menu.
        dialog: the dialog open, if any.
    """

    def __init__(
        self, hub: OverviewHub, selected: Callable[[], list[WorkoutSummary]], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._hub, self._selected, self._parent = hub, selected, parent
        self.dialog: GearAssignDialog | None = None
        self.action = QAction(self.tr("&Gear of Selected…"), parent)
        self.action.setObjectName("assignGearAction")
        self.action.setStatusTip(self.tr("Link the selected workouts to your bikes and shoes"))
        self.action.triggered.connect(self.run)

    def run(self) -> GearAssignDialog | None:
        """Open the dialog for the selected workouts (saved when accepted)."""
        hub = self._hub
        workouts = [s.id for s in self._selected() if s.id]
        if not workouts:
            hub.error.emit(self.tr("Select one or more workouts in the table first."))
            return None
        if not hub.online:
            hub.error.emit(self.tr("Sign in to SportTracks to do this."))
            return None
        dialog = GearAssignDialog(hub.gear, workouts, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: hub.assign_gear(workouts, *dialog.changes()))
        dialog.destroyed.connect(self._gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _gone(self) -> None:
        self.dialog = None
