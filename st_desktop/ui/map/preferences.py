"""The "Map" page of Preferences: the tile server and the tile cache on disk.

A standalone page: the Preferences dialog hosts it with ``add_page("Map", page)`` and calls
:meth:`MapPreferencesPage.apply` on OK/Apply (it also works on its own, e.g. in tests).
:func:`configured_source` turns the settings into the :class:`TileSource` the maps use; in
``--sandbox`` mode the app uses the sandbox's own tiles whatever is set here (the page says so).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from st_desktop.errors import StDesktopError
from st_desktop.services.tiles import OSM_STANDARD, TileSource, TileSourceError, custom_source
from st_desktop.settings import Keys, Settings
from st_desktop.store.tiles import TileStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui import theme

log = logging.getLogger(__name__)

MB = 1024 * 1024
CACHE_MIN_MB, CACHE_MAX_MB = 50, 20_000


def configured_source(settings: Settings) -> TileSource:
    """The tile server the settings name (OpenStreetMap when none or when it is unusable)."""
    template = settings.get(Keys.MAP_TILE_URL).strip()
    if not template:
        return OSM_STANDARD
    try:
        return custom_source(
            template,
            settings.get(Keys.MAP_TILE_ATTRIBUTION),
            settings.get(Keys.MAP_TILE_ATTRIBUTION_URL),
        )
    except TileSourceError as exc:  # edited by hand into something unusable
        log.warning("map tiles: the tile URL in the settings is not usable (%s); using OSM", exc)
        return OSM_STANDARD


def cache_cap_bytes(settings: Settings) -> int:
    """The tile cache's size cap from the settings, in bytes (kept within sane bounds)."""
    return max(CACHE_MIN_MB, min(CACHE_MAX_MB, settings.get(Keys.MAP_CACHE_MB))) * MB


class MapPreferencesPage(QWidget):
    """Tile server (OpenStreetMap or a URL template with its credit) and the tile cache's size.

    Args:
        settings: where the choices are kept.
        store: the tile cache, for its size now and "Clear Cache" (None: those are hidden).
        runner: clears the cache in the background (None: on the spot).
        sandbox: the app runs against the sandbox (its tiles are used meanwhile).

    Signals:
        applied(): the settings were written (the app applies them to the maps).
        cache_cleared(): every cached tile was deleted.
    """

    applied = Signal()
    cache_cleared = Signal()

    def __init__(
        self,
        settings: Settings,
        *,
        store: TileStore | None = None,
        runner: TaskRunner | None = None,
        sandbox: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapPreferences")
        self.settings = settings
        self._store = store
        self._runner = runner
        self._build_source(sandbox)
        self._build_cache()
        layout = QVBoxLayout(self)
        layout.addWidget(self.source_box)
        layout.addWidget(self.cache_box)
        layout.addStretch(1)
        self.load()

    def _build_source(self, sandbox: bool) -> None:
        box = self.source_box = QGroupBox(self.tr("Tile server"), self)
        self.osm_button = QRadioButton(self.tr("&OpenStreetMap (standard map)"), box)
        self.osm_button.setObjectName("mapSourceOsm")
        self.custom_button = QRadioButton(self.tr("Another &server:"), box)
        self.custom_button.setObjectName("mapSourceCustom")
        group = QButtonGroup(self)
        group.addButton(self.osm_button)
        group.addButton(self.custom_button)
        self.url_edit = self._line("mapTileUrl", "https://tiles.example.org/{z}/{x}/{y}.png")
        self.attribution_edit = self._line("mapTileAttribution", self.tr("© Example contributors"))
        self.attribution_url_edit = self._line("mapTileAttributionUrl", "https://example.org/")
        form = QFormLayout()
        form.addRow(self.tr("Tile &URL:"), self.url_edit)
        form.addRow(self.tr("&Credit:"), self.attribution_edit)
        form.addRow(self.tr("Credit &link:"), self.attribution_url_edit)
        hint = QLabel(
            self.tr(
                "{z}, {x} and {y} stand for the tile; {r} for “@2x” where the server has sharper "
                "tiles for high-resolution screens. Use a server whose terms allow it, and the "
                "credit its licence asks for: it is shown on every map."
            ),
            box,
        )
        hint.setWordWrap(True)
        self.error_label = QLabel(box)
        self.error_label.setObjectName("mapTileError")
        self.error_label.setWordWrap(True)
        theme.tint_text(self.error_label, "error")
        self.error_label.hide()
        self.sandbox_note = QLabel(
            self.tr(
                "Sandbox mode: the maps show the sandbox's own generated tiles; the server "
                "chosen here is used when st-desktop runs against SportTracks."
            ),
            box,
        )
        self.sandbox_note.setObjectName("mapSandboxNote")
        self.sandbox_note.setWordWrap(True)
        self.sandbox_note.setVisible(sandbox)
        layout = QVBoxLayout(box)
        for widget in (self.sandbox_note, self.osm_button, self.custom_button):
            layout.addWidget(widget)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        self.custom_button.toggled.connect(self._update_enabled)

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _build_cache(self) -> None:
        box = self.cache_box = QGroupBox(self.tr("Tiles kept on this computer"), self)
        self.cache_size = QSpinBox(box)
        self.cache_size.setObjectName("mapCacheSize")
        self.cache_size.setRange(CACHE_MIN_MB, CACHE_MAX_MB)
        self.cache_size.setSingleStep(50)
        self.cache_size.setSuffix(" MB")
        self.cache_size.setAccessibleName(self.tr("Most space for map tiles"))
        self.usage_label = QLabel(box)
        self.usage_label.setObjectName("mapCacheUsage")
        self.clear_button = QPushButton(self.tr("Clear Cac&he"), box)
        self.clear_button.setObjectName("mapClearCache")
        self.clear_button.clicked.connect(self.clear_cache)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("At &most:"), box))
        row.itemAt(0).widget().setBuddy(self.cache_size)  # type: ignore[union-attr]
        row.addWidget(self.cache_size)
        row.addStretch(1)
        row.addWidget(self.clear_button)
        note = QLabel(
            self.tr(
                "Maps you looked at stay here, so they show offline; the least recently used go "
                "first when the space is full."
            ),
            box,
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addLayout(row)
        layout.addWidget(self.usage_label)
        layout.addWidget(note)
        for widget in (self.usage_label, self.clear_button):
            widget.setVisible(self._store is not None)

    # ------------------------------------------------------------------ load and apply

    def load(self) -> None:
        """Show what the settings hold."""
        template = self.settings.get(Keys.MAP_TILE_URL)
        self.custom_button.setChecked(bool(template))
        self.osm_button.setChecked(not template)
        self.url_edit.setText(template)
        self.attribution_edit.setText(self.settings.get(Keys.MAP_TILE_ATTRIBUTION))
        self.attribution_url_edit.setText(self.settings.get(Keys.MAP_TILE_ATTRIBUTION_URL))
        self.cache_size.setValue(cache_cap_bytes(self.settings) // MB)
        self.error_label.hide()
        self._update_enabled()
        self.update_usage()

    def apply(self) -> bool:
        """Write the choices; False (nothing written, the reason shown) when the URL is unusable."""
        if self.custom_button.isChecked():
            try:
                source = custom_source(self.url_edit.text(), self.attribution_edit.text())
            except TileSourceError as exc:
                return self._refuse(exc.user_message, self.url_edit)
            if not source.attribution:
                return self._refuse(
                    self.tr(
                        "Enter the credit this tile server asks for; it is shown on every map."
                    ),
                    self.attribution_edit,
                )
            url = self.attribution_url_edit.text().strip()
            if url and not url.startswith(("https://", "http://")):
                return self._refuse(
                    self.tr("The credit link must start with https://."), self.attribution_url_edit
                )
            self.settings.set(Keys.MAP_TILE_URL, source.template)
            self.settings.set(Keys.MAP_TILE_ATTRIBUTION, source.attribution)
            self.settings.set(Keys.MAP_TILE_ATTRIBUTION_URL, url)
        else:
            for key in (
                Keys.MAP_TILE_URL,
                Keys.MAP_TILE_ATTRIBUTION,
                Keys.MAP_TILE_ATTRIBUTION_URL,
            ):
                self.settings.reset(key)
        self.settings.set(Keys.MAP_CACHE_MB, self.cache_size.value())
        self.error_label.hide()
        self.applied.emit()
        return True

    def _refuse(self, sentence: str, field: QLineEdit) -> bool:
        self.error_label.setText(sentence)
        self.error_label.show()
        field.setFocus()
        return False

    def _update_enabled(self) -> None:
        custom = self.custom_button.isChecked()
        for edit in (self.url_edit, self.attribution_edit, self.attribution_url_edit):
            edit.setEnabled(custom)

    # ------------------------------------------------------------------ the cache

    def update_usage(self) -> None:
        """Say how much the cache holds now."""
        store = self._store
        if store is None:
            return
        try:
            count = store.count()
        except StDesktopError as exc:
            self.usage_label.setText(exc.user_message)
            return
        size = store.total_bytes / MB
        locale = QLocale()
        self.usage_label.setText(
            self.tr("Now {size} MB in {count} tiles.").format(
                size=locale.toString(size, "f", 1), count=locale.toString(count)
            )
        )

    def clear_cache(self) -> None:
        """Delete every cached tile (in the background when there is a runner)."""
        store = self._store
        if store is None:
            return
        self.clear_button.setEnabled(False)
        self.usage_label.setText(self.tr("Clearing…"))
        if self._runner is None:
            try:
                store.clear()
            except StDesktopError as exc:
                self._clear_failed(exc)
            else:
                self._cleared(None)
            return
        self._runner.submit(
            store.clear,
            on_result=self._cleared,
            on_error=self._clear_failed,
            description=self.tr("Clearing the map tile cache"),
        )

    def _cleared(self, _result: object) -> None:
        self.clear_button.setEnabled(True)
        self.update_usage()
        self.cache_cleared.emit()

    def _clear_failed(self, exc: BaseException) -> None:
        self.clear_button.setEnabled(True)
        message = exc.user_message if isinstance(exc, StDesktopError) else str(exc)
        self.usage_label.setText(message)
