"""The Gear view and the gear picker against the sandbox: mileage, edit, retire and assign."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from st_desktop.app import Application
from st_desktop.sandbox import SandboxServer
from st_desktop.ui.detail.gear_picker import BulkGear, GearPicker
from st_desktop.ui.overview.gear import GearPane
from st_desktop.ui.overview.gear_model import VALUE_ROLE, GearColumn

from .conftest import digest_ready, hub_of, item_id, pane, raw_get, sandbox_items, sign_in, start


def show_gear(qtbot: QtBot, app: Application) -> GearPane:
    app.window.show_view("gear")
    gear: GearPane = pane(app, "gearPane")
    digest_ready(qtbot, app)
    qtbot.waitUntil(lambda: gear.model.rowCount() == 4, timeout=10_000)
    return gear


def row_named(gear: GearPane, name: str) -> int:
    return next(r for r in range(gear.model.rowCount()) if gear.model.item(r).name == name)


def select_row(gear: GearPane, row: int) -> None:
    gear.view.selectRow(gear.proxy.mapFromSource(gear.model.index(row, 0)).row())


def test_each_item_shows_the_distance_and_time_of_its_linked_workouts(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    gear = show_gear(qtbot, app)
    items = {item_id(i): i for i in sandbox_items(server)}
    listed = raw_get(server, "/gear", pageSize=100)["items"]
    assert [gear.model.item(r).uri for r in range(4)] == [g["uri"] for g in listed]
    for row in range(4):
        full = raw_get(server, f"/gear/{gear.model.item(row).id}")
        linked = [items[str(i)] for i in full["activities"]]
        distance = sum(float(i["total_distance"]) for i in linked)
        duration = sum(float(i["duration"]) for i in linked)

        def cell(column: GearColumn, role: int = VALUE_ROLE, row: int = row) -> Any:
            return gear.model.index(row, column).data(role)

        assert cell(GearColumn.WORKOUTS) == len(full["activities"])
        assert cell(GearColumn.DISTANCE) == pytest.approx(distance)
        assert cell(GearColumn.DURATION) == pytest.approx(duration)
        assert cell(GearColumn.ODOMETER) == pytest.approx(full["total_distance"])
        assert cell(GearColumn.STATUS, Qt.ItemDataRole.DisplayRole) == full["status"].capitalize()
    header = gear.model.headerData(GearColumn.DISTANCE, Qt.Orientation.Horizontal)
    assert header == "Distance (km)"


def test_edit_and_retire_go_back_as_the_whole_object(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    gear = show_gear(qtbot, app)
    row = row_named(gear, "Mountain bike")
    item = gear.model.item(row)
    before = raw_get(server, f"/gear/{item.id}")
    select_row(gear, row)
    dialog = gear.edit_selected()
    assert dialog is not None
    dialog.name.setText("Trail bike")
    dialog.notes.setPlainText("New fork in March")
    with qtbot.waitSignal(hub_of(app).gear_saved, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = raw_get(server, f"/gear/{item.id}")
    assert (after["name"], after["notes"]) == ("Trail bike", "New fork in March")
    assert after["activities"] == before["activities"]
    assert after["brand"] == before["brand"]
    assert gear.model.item(row_named(gear, "Trail bike")).name == "Trail bike"

    select_row(gear, row_named(gear, "Trail bike"))
    assert gear.retire_button.text() == "&Retire"
    with qtbot.waitSignal(hub_of(app).gear_saved, timeout=10_000):
        qtbot.mouseClick(gear.retire_button, Qt.MouseButton.LeftButton)
    assert raw_get(server, f"/gear/{item.id}")["status"] == "RETIRED"
    qtbot.waitUntil(lambda: gear.retire_button.text() == "Put &Back Into Use")
    gear.show_retired.setChecked(False)
    assert "Trail bike" not in [gear.model.item(r).name for r in range(gear.model.rowCount())]
    assert "retired item" in gear.note.text()


def test_the_picker_links_and_unlinks_the_workout_shown(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    picker = app.detail.findChild(GearPicker, "gearPicker")
    assert picker is not None
    hub = hub_of(app)
    shoes = next(g for g in hub.gear.items if g.name == "Trainers")
    run = next(w for w in sandbox_items(server) if not shoes.uses(item_id(w)))
    app.browser.select_workout(item_id(run))
    qtbot.waitUntil(lambda: picker.workout == item_id(run))
    entry = next(a for a in picker.actions_shown() if a.data() == shoes.uri)
    assert not entry.isChecked()
    with qtbot.waitSignal(hub.gear_saved, timeout=10_000):
        entry.trigger()
    assert int(item_id(run)) in raw_get(server, f"/gear/{shoes.id}")["activities"]
    qtbot.waitUntil(lambda: "Trainers" in picker.label.text())
    entry = next(a for a in picker.actions_shown() if a.data() == shoes.uri)
    assert entry.isChecked()
    with qtbot.waitSignal(hub.gear_saved, timeout=10_000):
        entry.trigger()
    assert int(item_id(run)) not in raw_get(server, f"/gear/{shoes.id}")["activities"]


def test_gear_for_several_selected_workouts_at_once(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    table = app.browser.table
    qtbot.waitUntil(lambda: app.browser.model.rowCount() >= 3)
    chosen = []
    for row in range(3):
        table.selectionModel().select(
            app.browser.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
        chosen.append(app.browser.model.workout(row).id)
    bulk = app.window.findChild(BulkGear)
    assert bulk is not None
    assert bulk.action in app.window.workouts_menu.actions()
    bulk.action.trigger()
    dialog = bulk.dialog
    assert dialog is not None
    road = next(g for g in hub_of(app).gear.items if g.name == "Road bike")
    row = next(
        r for r in range(dialog.list.count()) if dialog.list.item(r).text().startswith("Road bike")
    )
    dialog.list.item(row).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(hub_of(app).gear_saved, timeout=10_000):
        dialog.accept()
    linked = set(raw_get(server, f"/gear/{road.id}")["activities"])
    assert {int(w) for w in chosen if w} <= linked


def test_signed_out_the_gear_shows_from_this_computer_and_cannot_change(
    qtbot: QtBot, isolated_basedir: Path, server: SandboxServer
) -> None:
    api_base = server.api_base
    first = start(qtbot, isolated_basedir, api_base)
    sign_in(qtbot, first, server)
    first.window.close()
    first.shutdown(5.0)
    server.stop()  # the service is gone: what shows comes from the cache

    again = start(qtbot, isolated_basedir, api_base)  # a new keyring: signed out
    try:
        gear = pane(again, "gearPane")
        again.window.show_view("gear")
        qtbot.waitUntil(lambda: gear.model.rowCount() == 4, timeout=10_000)
        assert not gear.edit_button.isEnabled()
        assert not gear.new_button.isEnabled()
        assert "Sign in" in gear.new_button.toolTip()
    finally:
        again.shutdown(5.0)


def test_the_gear_model_passes_the_model_tester(
    qtbot: QtBot, app: Application, qtmodeltester: Any
) -> None:
    gear = show_gear(qtbot, app)
    qtmodeltester.check(gear.model)
