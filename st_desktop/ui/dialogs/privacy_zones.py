"""Preferences > Privacy Zones: places whose surroundings never go up with a ride."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from st_desktop.parsers.privacy import MAX_RADIUS_M, MIN_RADIUS_M, PrivacyZone
from st_desktop.settings import Keys, Settings

log = logging.getLogger(__name__)

#: The table's columns (translated where they are shown).
COLUMNS = (
    QT_TRANSLATE_NOOP("PrivacyZonesPage", "Name"),
    QT_TRANSLATE_NOOP("PrivacyZonesPage", "Latitude"),
    QT_TRANSLATE_NOOP("PrivacyZonesPage", "Longitude"),
    QT_TRANSLATE_NOOP("PrivacyZonesPage", "Radius (m)"),
)


def column_title(column: int) -> str:
    """The title of a column of the zones table, in the user's language."""
    return QCoreApplication.translate("PrivacyZonesPage", str(COLUMNS[column]))


def load_zones(settings: Settings) -> list[PrivacyZone]:
    """The zones kept in the settings (a damaged value gives none, and says so in the log)."""
    try:
        raw = json.loads(settings.get(Keys.PRIVACY_ZONES) or "[]")
        return [
            PrivacyZone(str(z["name"]), float(z["lat"]), float(z["lon"]), float(z["radius_m"]))
            for z in raw
        ]
    except (ValueError, TypeError, KeyError) as exc:
        log.warning("the privacy zones setting is unreadable (%s); no zone is used", exc)
        return []


def save_zones(settings: Settings, zones: list[PrivacyZone]) -> None:
    """Keep ``zones`` in the settings."""
    settings.set(
        Keys.PRIVACY_ZONES,
        json.dumps(
            [{"name": z.name, "lat": z.lat, "lon": z.lon, "radius_m": z.radius_m} for z in zones]
        ),
    )


#: The page's title in Preferences (translated by :func:`page_title`).
PAGE_TITLE = QT_TRANSLATE_NOOP("PrivacyZonesPage", "Privacy Zones")


def page_title() -> str:
    """The page's title in Preferences, in the user's language."""
    return QCoreApplication.translate("PrivacyZonesPage", str(PAGE_TITLE))


class PrivacyZonesPage(QWidget):
    """The zones as a table with Add and Remove (``privacyZonesPage``); ``apply()`` saves."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyZonesPage")
        self._settings = settings
        intro = QLabel(
            self.tr(
                "Positions within these places at the start and the end of a ride are removed "
                "before it is uploaded (time, distance and heart rate stay). The preview shows "
                "the zones and what is hidden."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("privacyZones")
        self.table.setAccessibleName(self.tr("Privacy zones"))
        self.table.setHorizontalHeaderLabels([column_title(c) for c in range(len(COLUMNS))])
        self.table.setTabKeyNavigation(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.add_button = QPushButton(self.tr("&Add Zone"), self)
        self.add_button.setObjectName("privacyAdd")
        self.add_button.clicked.connect(
            lambda: self.add_zone(PrivacyZone(self.tr("Home"), 0.0, 0.0))
        )
        self.remove_button = QPushButton(self.tr("&Remove"), self)
        self.remove_button.setObjectName("privacyRemove")
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.load()

    def load(self) -> None:
        """Show the zones kept in the settings."""
        self.table.setRowCount(0)
        for zone in load_zones(self._settings):
            self.add_zone(zone)

    def add_zone(self, zone: PrivacyZone) -> None:
        """Add a row for ``zone``."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(zone.name))
        for column, (value, low, high) in enumerate(
            ((zone.lat, -90.0, 90.0), (zone.lon, -180.0, 180.0)), start=1
        ):
            spin = QDoubleSpinBox(self.table)
            spin.setDecimals(6)
            spin.setRange(low, high)
            spin.setValue(value)
            spin.setAccessibleName(column_title(column))
            self.table.setCellWidget(row, column, spin)
        radius = QSpinBox(self.table)
        radius.setRange(int(MIN_RADIUS_M), int(MAX_RADIUS_M))
        radius.setSingleStep(100)
        radius.setValue(int(zone.radius_m))
        radius.setAccessibleName(column_title(3))
        self.table.setCellWidget(row, 3, radius)

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def zones(self) -> list[PrivacyZone]:
        """The zones as the table holds them."""
        found = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            lat, lon, radius = (self.table.cellWidget(row, c) for c in (1, 2, 3))
            assert isinstance(lat, QDoubleSpinBox)
            assert isinstance(lon, QDoubleSpinBox)
            assert isinstance(radius, QSpinBox)
            name = (item.text() if item else "").strip() or self.tr("Zone {number}").format(
                number=row + 1
            )
            found.append(PrivacyZone(name, lat.value(), lon.value(), float(radius.value())))
        return found

    def apply(self) -> None:
        """Keep the zones in the settings."""
        save_zones(self._settings, self.zones())
