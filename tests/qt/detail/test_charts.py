"""The stacked charts: readable titles with the crosshair's values, x range, room to read them."""

from __future__ import annotations

import numpy as np
import pytest
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import Track
from st_desktop.ui.detail.charts import ChartsView
from st_desktop.ui.plotting import MIN_CHART_HEIGHT

SECONDS = 1800


def run_track() -> Track:
    t = np.arange(0, SECONDS, 1.0)
    nan = np.full(len(t), np.nan)
    return Track(
        time=t,
        distance=t * 3.0,
        elevation=100 + np.sin(t / 60) * 5,
        heartrate=np.full(len(t), 150.0),
        speed=np.full(len(t), 1000 / 300),  # 5:00 /km
        cadence=np.full(len(t), 85.0),
        power=nan,
        temperature=nan,
        lat=45 + t * 1e-5,
        lon=np.full(len(t), 6.0),
        sport="Running",
        pauses=(),
    )


@pytest.fixture
def charts(qtbot: QtBot) -> ChartsView:
    view = ChartsView()
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_each_chart_is_titled_with_its_unit_and_shows_the_value_under_the_crosshair(
    charts: ChartsView,
) -> None:
    charts.set_track(run_track(), "metric")
    assert charts.plots.chart_titles() == [
        "Elevation (m)",
        "Heart rate (bpm)",
        "Pace (min/km)",
        "Cadence (rpm)",
    ]
    charts.set_cursor(600.0)
    titles = charts.plots.chart_titles()
    assert titles[1] == "Heart rate  150 bpm"
    assert titles[2] == "Pace  5:00 /km"
    charts.set_cursor(None)
    assert charts.plots.chart_titles()[1] == "Heart rate (bpm)"

    charts.set_track(run_track(), "imperial")
    assert charts.plots.chart_titles()[0] == "Elevation (ft)"
    assert charts.plots.chart_titles()[2] == "Pace (min/mi)"


def test_the_x_axis_ends_where_the_data_ends(charts: ChartsView) -> None:
    charts.set_track(run_track(), "metric")
    assert charts.plots.grab_x_range() == pytest.approx((0.0, SECONDS - 1))
    charts.set_x_axis("distance")
    assert charts.plots.grab_x_range() == pytest.approx((0.0, (SECONDS - 1) * 3.0 / 1000))


def test_the_charts_ask_for_enough_height_to_be_read(charts: ChartsView) -> None:
    charts.set_track(run_track(), "metric")
    assert charts.plots.minimumHeight() >= 4 * MIN_CHART_HEIGHT
    assert charts.minimumSizeHint().height() >= 4 * MIN_CHART_HEIGHT
