"""The Gear view: one row per bike or pair of shoes, with the mileage of its linked workouts.

Distance and moving time are summed from the cached workouts each item is linked to (a note
says how many linked workouts are not on this computer yet); the odometer is the service's
total (the distance the item had before plus its workouts). Edit opens a dialog, Retire marks
the item retired; both save the whole object through the service (read-modify-write).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.gear import Gear
from st_desktop.domain.totals import Entry, Metric, Period, linked_figures, totals
from st_desktop.domain.units import distance_unit
from st_desktop.services.overview import Digest, GearList
from st_desktop.settings import Keys, Settings
from st_desktop.ui.i18n import plural
from st_desktop.ui.overview import fmt
from st_desktop.ui.overview.bars import Bar, BarChart
from st_desktop.ui.overview.gear_dialog import GearDialog
from st_desktop.ui.overview.gear_model import VALUE_ROLE, GearModel
from st_desktop.ui.overview.hub import OverviewHub


class GearPane(QWidget):
    """The gear table (``gearView``) with New, Edit and Retire (``gearPane``)."""

    def __init__(self, hub: OverviewHub, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gearPane")
        self._hub, self._settings = hub, settings
        self.dialog: GearDialog | None = None
        self._by_id: dict[str, Entry] = {}
        self._units = settings.get(Keys.UNITS)
        self._build_table()
        self._build_controls(settings)
        self._lay_out()

        hub.watch(self)
        hub.gear_changed.connect(self._gear_changed)
        hub.digest_changed.connect(self._digest_changed)
        hub.account_changed.connect(lambda _account: self._update_buttons())
        self._digest_changed(hub.digest)

    def _build_table(self) -> None:
        """The gear table (``gearView``), sortable by value, the service's order first."""
        self.model = GearModel(self)
        self.model.set_units(self._units)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(VALUE_ROLE)
        self.view = QTableView(self)
        self.view.setObjectName("gearView")
        self.view.setAccessibleName(self.tr("Gear"))
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order first
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        # Every column as wide as its longest text (the name above all: "Old trai..." tells
        # nothing); the last one takes what is left.
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

    def _build_controls(self, settings: Settings) -> None:
        """New, Edit, Retire, Show retired, and the selected item's note, figures and chart."""
        self.new_button = QPushButton(self.tr("&New…"), self)
        self.new_button.setObjectName("gearNew")
        self.new_button.clicked.connect(self.new_item)
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setObjectName("gearEdit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.retire_button = QPushButton(self.tr("&Retire"), self)
        self.retire_button.setObjectName("gearRetire")
        self.retire_button.clicked.connect(self.toggle_retired)
        self.show_retired = QCheckBox(self.tr("Show re&tired"), self)
        self.show_retired.setObjectName("gearShowRetired")
        self.show_retired.setChecked(settings.get(Keys.GEAR_SHOW_RETIRED))
        self.show_retired.toggled.connect(self._show_retired_toggled)
        self.note = QLabel(self)
        self.note.setObjectName("gearNote")
        self.note.setWordWrap(True)
        self.detail = QLabel(self)
        self.detail.setObjectName("gearDetail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = BarChart(self)
        self.chart.setObjectName("gearChart")
        self.chart.setAccessibleName(self.tr("Distance per month of the selected gear"))

    def _lay_out(self) -> None:
        """Buttons on top, the table above the selected item's details."""
        buttons = QHBoxLayout()
        for widget in (self.new_button, self.edit_button, self.retire_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.show_retired)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.view)
        below = QWidget(splitter)
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 4, 0, 0)
        below_layout.addWidget(self.note)
        below_layout.addWidget(self.detail)
        below_layout.addWidget(self.chart, 1)
        splitter.addWidget(below)
        splitter.setSizes([260, 380])
        layout.addWidget(splitter, 1)

    # -- data -----------------------------------------------------------------------------------

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self._units = units
        self.model.set_units(units)
        self._show_detail()

    def showEvent(self, event: QShowEvent) -> None:
        self._hub.ensure_digest()
        super().showEvent(event)

    def _digest_changed(self, digest: Digest) -> None:
        self._by_id = dict(digest.by_id)
        self._gear_changed(self._hub.gear)

    def _gear_changed(self, gear: GearList) -> None:
        chosen = self.selected()
        shown = [g for g in gear.items if self.show_retired.isChecked() or not g.retired]
        self.model.set_gear(shown, self._by_id)
        if (chosen is None or not self.select(chosen.id)) and self.model.rowCount():
            self.view.selectRow(0)
        missing = self.model.missing()
        parts = []
        if gear.fetched_at is None:
            parts.append(
                self.tr("Your gear has not been read from SportTracks yet.")
                if self._hub.account
                else ""
            )
        if missing:
            parts.append(
                plural(
                    missing,
                    self.tr(
                        "{count} linked workout is not on this computer yet, so its distance "
                        "and time are not counted (Workouts > Load Full History)."
                    ),
                    self.tr(
                        "{count} linked workouts are not on this computer yet, so their "
                        "distance and time are not counted (Workouts > Load Full History)."
                    ),
                )
            )
        hidden = len(gear.items) - len(shown)
        if hidden:
            parts.append(
                plural(
                    hidden,
                    self.tr("{count} retired item hidden."),
                    self.tr("{count} retired items hidden."),
                )
            )
        self.note.setText(" ".join(p for p in parts if p))
        self._update_buttons()

    def _show_retired_toggled(self, on: bool) -> None:
        self._settings.set(Keys.GEAR_SHOW_RETIRED, on)
        self._gear_changed(self._hub.gear)

    # -- selection and actions ------------------------------------------------------------------

    def selected(self) -> Gear | None:
        """The item selected, or None."""
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        if not rows:
            return None
        return self.model.item(self.proxy.mapToSource(rows[0]).row())

    def select(self, gear_id: str) -> bool:
        """Select an item by id; True when it is listed."""
        for row in range(self.model.rowCount()):
            if self.model.item(row).id == gear_id:
                self.view.selectRow(self.proxy.mapFromSource(self.model.index(row, 0)).row())
                return True
        return False

    def _selection_changed(self) -> None:
        self._update_buttons()
        self._show_detail()

    def _show_detail(self) -> None:
        """The selected item's figures and its distance per month over the last year."""
        item = self.selected()
        if item is None:
            self.detail.setText("")
            self.chart.set_bars(
                [], title=self.tr("Distance per month"), empty_text=self.tr("Select an item.")
            )
            return
        units = self._units
        entries = [self._by_id[str(i)] for i in item.activities if str(i) in self._by_id]
        months = totals(entries, Period.MONTH, until=self._hub.today())[:12]
        bars = [
            Bar(
                fmt.short_month(m.start),
                fmt.display_value(m.overall, Metric.DISTANCE, units),
                f"{fmt.month_title(m.start)}: {fmt.figure_text(m.overall, Metric.COUNT, units)}, "
                f"{fmt.distance(m.overall.distance, units)}",
                m.contains(self._hub.today()),
            )
            for m in reversed(months)
        ]
        self.chart.set_bars(
            bars,
            title=self.tr("{name}: distance per month").format(name=item.label),
            unit=distance_unit(units)[1],
            empty_text=self.tr("No workouts of this item are on this computer."),
        )
        figures, missing = linked_figures(self._by_id, item.activities)
        parts = [f"<b>{item.label}</b>"]
        maker = " ".join(p for p in (item.brand, item.model) if p)
        if maker:
            parts.append(maker)
        parts.append(
            self.tr("{workouts}, {distance}, {hours} h moving, {climb} climbed").format(
                workouts=fmt.figure_text(figures, Metric.COUNT, units),
                distance=fmt.distance(figures.distance, units),
                hours=fmt.hours(figures.duration),
                climb=fmt.climb(figures.climb, units),
            )
        )
        if item.initial_distance:
            parts.append(
                self.tr("{distance} before its first workout here").format(
                    distance=fmt.distance(item.initial_distance, units)
                )
            )
        if missing:
            parts.append(
                plural(
                    missing,
                    self.tr("{count} linked workout not on this computer"),
                    self.tr("{count} linked workouts not on this computer"),
                )
            )
        if item.notes:
            parts.append(item.notes)
        self.detail.setText(" · ".join(parts))

    def _update_buttons(self) -> None:
        item = self.selected()
        online = self._hub.online
        self.new_button.setEnabled(online)
        self.edit_button.setEnabled(online and item is not None)
        self.retire_button.setEnabled(online and item is not None)
        self.retire_button.setText(
            self.tr("Put &Back Into Use")
            if item is not None and item.retired
            else self.tr("&Retire")
        )
        tip = "" if online else self.tr("Sign in to SportTracks to change your gear.")
        for button in (self.new_button, self.edit_button, self.retire_button):
            button.setToolTip(tip)

    def edit_selected(self) -> GearDialog | None:
        """Open the edit dialog of the selected item (saved when accepted)."""
        item = self.selected()
        if item is None or not self._hub.online:
            return None
        dialog = GearDialog(item, self)
        dialog.accepted.connect(lambda: self._edited(item, dialog))
        return self._open(dialog)

    def new_item(self) -> GearDialog | None:
        """Open the dialog for a new item (created when accepted)."""
        if not self._hub.online:
            return None
        dialog = GearDialog(None, self)
        dialog.accepted.connect(lambda: self._hub.create_gear(dialog.new_body()))
        return self._open(dialog)

    def _open(self, dialog: GearDialog) -> GearDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._dialog_gone)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _dialog_gone(self) -> None:
        self.dialog = None

    def _edited(self, item: Gear, dialog: GearDialog) -> None:
        changes = dialog.changes()
        if changes:
            self._hub.save_gear(item.with_changes(**changes))

    def toggle_retired(self) -> None:
        """Retire the selected item (or put a retired one back into use)."""
        item = self.selected()
        if item is not None:
            self._hub.set_retired(item, not item.retired)
