"""The Totals view against the sandbox: every cell checked against sums made here."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from st_desktop.api.client import SportTracksClient
from st_desktop.app import Application
from st_desktop.domain.types import parse_type
from st_desktop.domain.units import METRES_PER_MILE
from st_desktop.progress import TaskContext
from st_desktop.sandbox import SandboxServer
from st_desktop.services import sync
from st_desktop.services.account import Account
from st_desktop.services.overview import OverviewService
from st_desktop.settings import Keys, Settings
from st_desktop.store.cache import WorkoutCache
from st_desktop.tasks import TaskRunner
from st_desktop.ui.overview.hub import OverviewHub
from st_desktop.ui.overview.totals import TotalsPane
from st_desktop.ui.overview.totals_model import CATEGORY_ROLE, VALUE_ROLE, TotalsColumn

from .conftest import digest_ready, local_day, pane, sandbox_items

FIGURES = ("count", "total_distance", "duration", "elevation_gain", "calories")
COLUMNS = (
    TotalsColumn.COUNT,
    TotalsColumn.DISTANCE,
    TotalsColumn.DURATION,
    TotalsColumn.CLIMB,
    TotalsColumn.ENERGY,
)


def sums_by(items: list[dict[str, Any]], key: Any) -> dict[Any, dict[str, float]]:
    """Per group: the count and the sum of each figure, read from the raw list items."""
    out: dict[Any, dict[str, float]] = defaultdict(lambda: dict.fromkeys(FIGURES, 0.0))
    for item in items:
        sums = out[key(item)]
        sums["count"] += 1
        for name in FIGURES[1:]:
            sums[name] += float(item.get(name, 0) or 0)
    return out


def monday(item: dict[str, Any]) -> date:
    day = local_day(item)
    return day - timedelta(days=day.weekday())


def rows_of(totals: TotalsPane) -> dict[date, list[float]]:
    """Period start -> the values of its figure cells."""
    model = totals.model
    out = {}
    for row in range(model.rowCount()):
        start = date.fromordinal(model.item(row, TotalsColumn.PERIOD).data(VALUE_ROLE))
        out[start] = [model.item(row, c).data(VALUE_ROLE) for c in COLUMNS]
    return out


def show_totals(qtbot: QtBot, app: Application) -> TotalsPane:
    app.window.show_view("totals")
    totals: TotalsPane = pane(app, "totalsPane")
    digest_ready(qtbot, app)
    qtbot.waitUntil(lambda: totals.model.rowCount() > 0, timeout=5000)
    return totals


def test_weekly_totals_match_the_sandbox_list_summed_per_iso_week(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    totals = show_totals(qtbot, app)
    totals.period_box.setCurrentIndex(totals.period_box.findData("week"))
    expected = sums_by(sandbox_items(server), monday)
    shown = rows_of(totals)
    assert {start for start, values in shown.items() if values[0]} == set(expected)
    for start, sums in expected.items():
        assert shown[start] == pytest.approx([sums[name] for name in FIGURES]), start
    # Weeks without workouts are listed too (a rest week is a fact worth seeing).
    assert len(shown) == (max(shown) - min(shown)).days // 7 + 1
    # A week's sport rows add up to the week, and the cells read in the locale and units.
    model = totals.model
    row = next(r for r in range(model.rowCount()) if model.item(r, 0).rowCount() > 1)
    parent = model.item(row, 0)
    children = [
        [model.itemFromIndex(parent.child(c, col).index()).data(VALUE_ROLE) for col in COLUMNS]
        for c in range(parent.rowCount())
    ]
    week = [model.item(row, col).data(VALUE_ROLE) for col in COLUMNS]
    assert [sum(column) for column in zip(*children, strict=True)] == pytest.approx(week)
    distance = model.item(row, TotalsColumn.DISTANCE)
    assert distance.text() == QLocale().toString(week[1] / 1000, "f", 1)
    assert model.headerData(TotalsColumn.DISTANCE, Qt.Orientation.Horizontal) == "Distance (km)"
    assert parent.child(0, 0).data(CATEGORY_ROLE) in {
        parse_type(i["type"]).category for i in sandbox_items(server)
    }


def test_monthly_running_totals_the_chart_and_imperial_units(
    qtbot: QtBot, app: Application, server: SandboxServer
) -> None:
    totals = show_totals(qtbot, app)
    runs = [i for i in sandbox_items(server) if parse_type(i["type"]).category == "Running"]
    totals.period_box.setCurrentIndex(totals.period_box.findData("month"))
    totals.sport_box.setCurrentIndex(totals.sport_box.findData("Running"))
    expected = sums_by(runs, lambda item: local_day(item).replace(day=1))
    shown = rows_of(totals)
    for start, sums in expected.items():
        assert shown[start] == pytest.approx([sums[name] for name in FIGURES])
    assert totals.model.item(0, 0).rowCount() == 0  # one sport: no sport rows below
    # The chart: distance of the last months in km, oldest to newest, this month highlighted.
    bars = totals.chart.bars
    newest = sorted(shown, reverse=True)[: len(bars)]
    assert [b.value for b in bars] == pytest.approx([shown[s][1] / 1000 for s in reversed(newest)])
    assert bars[-1].current is (newest[0] == date.today().replace(day=1))

    app.window.unit_actions["imperial"].trigger()
    header = totals.model.headerData(TotalsColumn.DISTANCE, Qt.Orientation.Horizontal)
    assert header == "Distance (mi)"
    assert [b.value for b in totals.chart.bars] == pytest.approx(
        [shown[s][1] / METRES_PER_MILE for s in reversed(newest)]
    )
    # The choices are remembered.
    assert app.settings.get(Keys.TOTALS_PERIOD) == "month"
    assert app.settings.get(Keys.TOTALS_SPORT) == "Running"


def test_a_partial_cache_says_how_much_is_missing_and_offers_the_full_history(
    qtbot: QtBot,
    runner: TaskRunner,
    cache: WorkoutCache,
    client: SportTracksClient,
    server: SandboxServer,
    tmp_path: Path,
) -> None:
    online = Account(f"sandbox|{server.user_id}", "Sandbox", client, sandbox=True)
    sync.refresh_recent(TaskContext(), client, cache, online.key, 10, 1)  # the newest 10 of 60
    hub = OverviewHub(runner, OverviewService(cache))
    history = QAction("Load Full History")
    totals = TotalsPane(hub, Settings(tmp_path / "s.ini"), history)
    qtbot.addWidget(totals)
    totals.show()
    with qtbot.waitSignal(
        hub.completeness_changed, timeout=10_000, check_params_cb=lambda c: c.server_total
    ):
        hub.set_account(online)
    oldest = hub.completeness.oldest
    assert oldest is not None
    since = QLocale().toString(oldest.date(), QLocale.FormatType.ShortFormat)
    assert totals.coverage.text() == (
        f"Figures cover 10 of 10 workouts since {since}; 50 older ones are not loaded."
    )
    assert totals.history_button.isVisible()
    with qtbot.waitSignal(history.triggered, timeout=2000):
        qtbot.mouseClick(totals.history_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(hub.digest.entries) == 10, timeout=10_000)


def test_totals_model_passes_the_model_tester(
    qtbot: QtBot, app: Application, qtmodeltester: Any
) -> None:
    totals = show_totals(qtbot, app)
    qtmodeltester.check(totals.model)
