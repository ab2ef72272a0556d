"""The Map page of Preferences: the tile server, its credit, and the tile cache's size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from st_desktop.services.tiles import OSM_STANDARD
from st_desktop.settings import Keys, Settings
from st_desktop.store.tiles import TileStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui import theme
from st_desktop.ui.map import MapPreferencesPage, configured_source
from st_desktop.ui.map.preferences import cache_cap_bytes
from tests.qt.map.conftest import Clock
from tests.qt.theming import restore_palette, use_palette

__all__ = ["restore_palette"]

TOPO = "https://tiles.example.org/topo/{z}/{x}/{y}{r}.png"


def page_for(qtbot: QtBot, settings: Settings, **kwargs: object) -> MapPreferencesPage:
    page = MapPreferencesPage(settings, **kwargs)  # type: ignore[arg-type]
    qtbot.addWidget(page)
    page.show()
    return page


def test_osm_is_the_default_and_a_custom_server_is_kept_with_its_credit(
    qtbot: QtBot, settings: Settings
) -> None:
    page = page_for(qtbot, settings)
    assert page.osm_button.isChecked()
    assert not page.url_edit.isEnabled()
    assert configured_source(settings) is OSM_STANDARD
    assert cache_cap_bytes(settings) == 500 * 1024 * 1024

    page.custom_button.setChecked(True)
    assert page.url_edit.isEnabled()
    qtbot.keyClicks(page.url_edit, f"  {TOPO} ")
    qtbot.keyClicks(page.attribution_edit, "© Example Topo")
    qtbot.keyClicks(page.attribution_url_edit, "https://example.org/copyright")
    page.cache_size.setValue(1200)
    with qtbot.waitSignal(page.applied):
        assert page.apply()
    source = configured_source(settings)
    assert (source.template, source.attribution, source.attribution_url) == (
        TOPO,
        "© Example Topo",
        "https://example.org/copyright",
    )
    assert source.hidpi
    assert cache_cap_bytes(settings) == 1200 * 1024 * 1024

    again = page_for(qtbot, settings)  # the dialog opened another time
    assert again.custom_button.isChecked()
    assert again.url_edit.text() == TOPO
    assert again.cache_size.value() == 1200
    again.osm_button.setChecked(True)
    assert again.apply()
    assert configured_source(settings) is OSM_STANDARD
    assert settings.get(Keys.MAP_TILE_ATTRIBUTION) == ""


def test_an_unusable_server_is_refused_with_a_reason_and_nothing_written(
    qtbot: QtBot, settings: Settings
) -> None:
    page = page_for(qtbot, settings)
    page.custom_button.setChecked(True)
    applied: list[bool] = []
    page.applied.connect(lambda: applied.append(True))
    page.url_edit.setText("https://tiles.example.org/{z}/{x}.png")
    page.attribution_edit.setText("Example")
    assert not page.apply()
    assert page.error_label.isVisible()
    assert "needs {y}" in page.error_label.text()
    page.url_edit.setText(TOPO)
    page.attribution_edit.setText("  ")
    assert not page.apply()
    assert "credit" in page.error_label.text()
    page.attribution_edit.setText("Example")
    page.attribution_url_edit.setText("javascript:alert(1)")
    assert not page.apply()
    assert "must start with https://" in page.error_label.text()
    assert applied == []
    assert settings.get(Keys.MAP_TILE_URL) == ""
    page.attribution_url_edit.clear()
    assert page.apply()
    assert not page.error_label.isVisible()
    assert applied == [True]


def test_clear_cache_empties_the_disk_cache(
    qtbot: QtBot, settings: Settings, runner: TaskRunner, tmp_path: Path
) -> None:
    clock = Clock(1_760_000_000.0)
    store = TileStore(tmp_path / "tiles.sqlite3", clock=clock)
    for x in range(20):
        store.put(("osm", 12, x, 0, 1), b"t" * 10_240, expires=clock.now)
    page = page_for(qtbot, settings, store=store, runner=runner)
    assert page.usage_label.text() == "Now 0.2 MB in 20 tiles."
    with qtbot.waitSignal(page.cache_cleared, timeout=5000):
        page.clear_button.click()
    assert store.count() == 0
    assert page.usage_label.text() == "Now 0.0 MB in 0 tiles."
    assert page.clear_button.isEnabled()
    store.close()


def test_in_the_sandbox_the_page_says_its_tiles_are_used(qtbot: QtBot, settings: Settings) -> None:
    assert page_for(qtbot, settings, sandbox=True).sandbox_note.isVisible()
    page = page_for(qtbot, settings)
    assert not page.sandbox_note.isVisible()
    assert not page.clear_button.isVisible()  # no cache given: nothing to clear


@pytest.mark.usefixtures("restore_palette")
def test_the_reason_a_server_is_refused_reads_in_dark_too(qtbot: QtBot, settings: Settings) -> None:
    page = page_for(qtbot, settings)
    page.custom_button.setChecked(True)
    page.url_edit.setText("https://tiles.example.org/{z}/{x}.png")
    assert not page.apply()

    def text_colour() -> QColor:
        return page.error_label.palette().color(QPalette.ColorRole.WindowText)

    assert text_colour() == theme.LIGHT_COLOURS.error
    use_palette(theme.dark_palette())
    assert text_colour() == theme.DARK_COLOURS.error  # light red on the dark window
    window = page.palette().color(QPalette.ColorRole.Window)
    assert text_colour().lightness() - window.lightness() > 100
