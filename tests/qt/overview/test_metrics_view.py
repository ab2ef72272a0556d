"""The Body view against the sandbox: the chart's points, and adding, changing, deleting values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.app import Application
from st_desktop.domain.metrics import KG_PER_LB
from st_desktop.sandbox import SandboxServer
from st_desktop.ui.overview.metrics import VALUE_ROLE, MetricsPane

from .conftest import hub_of, pane, raw_get


def show_body(app: Application) -> MetricsPane:
    app.window.show_view("body")
    body: MetricsPane = pane(app, "bodyPane")
    body.range_box.setCurrentIndex(body.range_box.findData("all"))
    return body


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def weights(server: SandboxServer) -> dict[str, float]:
    return dict(raw_get(server, "/metrics").get("weight", []))


def test_the_chart_and_table_show_every_value_the_sandbox_has(
    app: Application, server: SandboxServer
) -> None:
    body = show_body(app)
    served = raw_get(server, "/metrics")
    series = {s.key: s for s in body.chart.series}
    for metric in ("weight", "bodyFat", "restingHeartrate"):
        shown = [(stamp(m), p.value) for m, _v, p in series[metric].points]
        assert shown == [(t, v) for t, v in served[metric]], metric
    assert [p[1] for p in series["bodyFat"].points[:3]] == pytest.approx(
        [v * 100 for _t, v in served["bodyFat"][:3]]
    )
    rows = [body.model.index(r, 1).data(VALUE_ROLE) for r in range(body.model.rowCount())]
    assert rows == [v for _t, v in reversed(served["weight"])]  # newest first
    assert body.latest.text().startswith("Latest: Weight ")


def test_weight_in_pounds_with_imperial_units(app: Application, server: SandboxServer) -> None:
    body = show_body(app)
    app.window.unit_actions["imperial"].trigger()
    newest = raw_get(server, "/metrics")["weight"][-1][1]
    assert body.model.index(0, 1).data(VALUE_ROLE) == pytest.approx(newest / KG_PER_LB)
    assert next(s for s in body.chart.series if s.key == "weight").unit == "lb"


def test_add_change_and_delete_round_trip(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    body = show_body(app)
    hub = hub_of(app)
    body._confirm = lambda *_args: True  # the user agrees to delete
    moment = datetime(2031, 3, 4, 6, 45, tzinfo=UTC)
    dialog = body.add()
    assert dialog is not None
    dialog.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(moment.timestamp())))
    dialog.boxes["weight"].setValue(72.4)
    dialog.enabled["restingHeartrate"].setChecked(True)
    dialog.boxes["restingHeartrate"].setValue(48)
    with qtbot.waitSignal(hub.metrics_changed, timeout=10_000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    served = raw_get(server, "/metrics")
    assert [stamp(moment), 72.4] in served["weight"]
    assert [stamp(moment), 48] in served["restingHeartrate"]

    body.select_point(
        next(p for p in hub.metrics.metrics.points("weight") if p.timestamp == moment)
    )
    later = moment + timedelta(hours=3)
    edit = body.edit_selected()
    assert edit is not None
    edit.when.setDateTime(QDateTime.fromSecsSinceEpoch(int(later.timestamp())))
    edit.boxes["weight"].setValue(71.9)
    with qtbot.waitSignal(hub.metrics_changed, timeout=10_000):
        edit.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    now = weights(server)
    assert now.get(stamp(later)) == 71.9
    assert stamp(moment) not in now  # moved, not copied

    body.select_point(next(p for p in hub.metrics.metrics.points("weight") if p.timestamp == later))
    with qtbot.waitSignal(hub.metrics_changed, timeout=10_000):
        body.delete_button.click()
    assert stamp(later) not in weights(server)
    assert body.model.rowCount() == len(weights(server))


def test_every_control_has_a_name_for_assistive_tech(app: Application) -> None:
    body = show_body(app)
    for name in ("metricsRange", "metricsKind", "metricsView", "metricsChart"):
        widget = body.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_the_points_model_passes_the_model_tester(app: Application, qtmodeltester: Any) -> None:
    body = show_body(app)
    qtmodeltester.check(body.model)
