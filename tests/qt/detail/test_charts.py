"""The stacked charts: readable titles with the crosshair's values, x range, room to read them;
one view reuses its plots for every track, draws long tracks reduced, and is built while idle."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import DISPLAY_POINTS, Track
from st_desktop.tasks import TaskRunner
from st_desktop.ui.detail.charts import CHART_KEYS, ChartsView, plotting_step
from st_desktop.ui.first_paint import run_after_first_paint
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


def ride_track(seconds: int = SECONDS) -> Track:
    """A ride: elevation, heart rate and speed, no cadence; a pause."""
    t = np.arange(0, seconds, 1.0)
    nan = np.full(len(t), np.nan)
    return Track(
        time=t,
        distance=t * 8.0,
        elevation=200 + np.cos(t / 90) * 20,
        heartrate=130 + (t % 60),
        speed=np.full(len(t), 8.0),
        cadence=nan,
        power=nan,
        temperature=nan,
        lat=nan,
        lon=nan,
        sport="Cycling",
        pauses=((300.0, 420.0),),
    )


def test_one_view_keeps_its_plots_and_curves_for_every_track(charts: ChartsView) -> None:
    charts.set_track(run_track(), "metric")
    plots = charts.plots
    first = dict(zip(plots.chart_titles(), plots.plot_items(), strict=True))
    curves = {id(item.listDataItems()[0]) for item in plots.plot_items()}
    charts.set_track(ride_track(), "metric")
    # The ride has no cadence: that chart is hidden, not destroyed; the others are reused.
    assert charts.plots is plots
    assert plots.chart_titles() == ["Elevation (m)", "Heart rate (bpm)", "Speed (km/h)"]
    assert plots.plot_items() == [
        first["Elevation (m)"],
        first["Heart rate (bpm)"],
        first["Pace (min/km)"],
    ]
    assert not first["Cadence (rpm)"].isVisible()
    charts.set_track(run_track(), "metric")
    assert plots.plot_items() == list(first.values())
    assert {id(item.listDataItems()[0]) for item in plots.plot_items()} == curves
    assert first["Cadence (rpm)"].isVisible()


def test_plots_have_no_right_click_menu(charts: ChartsView) -> None:
    from st_desktop.ui.detail.route import RouteView

    charts.set_track(run_track(), "metric")
    route = RouteView()
    route.set_track(run_track(), "metric")
    for item in charts.plots.plot_items():
        assert not item.menuEnabled()
        assert item.getViewBox().menu is None
    assert not route.plot.plot_item().menuEnabled()


def test_long_tracks_draw_reduced_curves_but_the_crosshair_reads_every_sample(
    charts: ChartsView,
) -> None:
    seconds = 14 * 3600
    track = ride_track(seconds)
    heartrate = track.heartrate.copy()
    heartrate[30_001] = 201.0  # a spike on one sample
    track = Track(**{**vars(track), "heartrate": heartrate})
    charts.set_track(track, "metric")
    curve = charts.plots.plot_items()[1].listDataItems()[0]
    drawn_x, drawn_y = curve.getOriginalDataset()
    assert len(drawn_x) <= DISPLAY_POINTS
    assert np.nanmax(drawn_y) == 201.0  # the spike is drawn
    charts.set_cursor(30_001.0)
    assert charts.plots.chart_titles()[1] == "Heart rate  201 bpm"
    charts.set_cursor(30_002.0)
    assert charts.plots.chart_titles()[1] == f"Heart rate  {heartrate[30_002]:.0f} bpm"
    # Zoomed in, every sample is drawn.
    charts.plots.plot_items()[0].setXRange(30_000, 30_600, padding=0)
    assert len(curve.getOriginalDataset()[0]) == seconds
    charts.plots.plot_items()[0].setXRange(0, seconds - 1, padding=0)
    assert len(curve.getOriginalDataset()[0]) <= DISPLAY_POINTS


def test_the_full_track_of_a_drawn_reduction_replaces_it_without_a_redraw(
    charts: ChartsView,
) -> None:
    track = ride_track(14 * 3600)
    charts.set_track(track.display, "metric")  # what an upload row keeps
    curve = charts.plots.plot_items()[0].listDataItems()[0]
    drawn = curve.getOriginalDataset()[1]
    again = ride_track(14 * 3600)  # the same file read again
    charts.set_track(again, "metric")
    assert charts.track is again
    assert curve.getOriginalDataset()[1] is drawn  # nothing was set again
    charts.set_cursor(1234.0)
    assert charts.plots.chart_titles()[1] == f"Heart rate  {again.heartrate[1234]:.0f} bpm"


def test_the_window_modules_do_not_load_the_plotting_library() -> None:
    code = (
        "import sys; import st_desktop.ui.detail.editor, st_desktop.ui.upload.pane, "
        "st_desktop.ui.main_window; print('pyqtgraph' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


def test_after_the_first_paint_the_library_loads_and_the_plots_are_built(
    qtbot: QtBot, runner: TaskRunner
) -> None:
    from st_desktop.ui.detail.route import RouteView

    window = QWidget()
    layout = QVBoxLayout(window)
    charts, route = ChartsView(window), RouteView(window)
    layout.addWidget(charts)
    layout.addWidget(route)
    qtbot.addWidget(window)
    run_after_first_paint(window, runner, [plotting_step(window)])
    window.show()
    qtbot.waitUntil(lambda: charts.plots.built() == list(CHART_KEYS), timeout=15_000)
    assert charts.chart_count() == 0  # built, not shown
    assert not route.message.isVisible()  # the route's plot has taken its place
    built = {key: charts.plots.plot_item(key) for key in CHART_KEYS}
    charts.set_track(run_track(), "metric")
    shown = ["elevation", "heartrate", "speed", "cadence"]
    assert charts.plots.plot_items() == [built[key] for key in shown]  # none built on demand


def test_hovering_or_zooming_a_reduced_track_asks_once_for_every_sample(
    qtbot: QtBot, charts: ChartsView
) -> None:
    long_track = ride_track(14 * 3600)
    charts.set_track(long_track.display, "metric")  # an upload row's reduced track
    asked: list[int] = []
    charts.details_wanted.connect(lambda: asked.append(1))
    charts.plots.hovered.emit(5000.0)
    charts.plots.hovered.emit(6000.0)
    assert asked == [1]  # once per track
    charts.set_track(ride_track(13 * 3600).display, "metric")  # another file
    charts.plots.plot_items()[0].setXRange(1000, 2000, padding=0)
    assert asked == [1, 1]
    charts.set_track(run_track(), "metric")  # every sample is here already
    charts.plots.hovered.emit(100.0)
    charts.plots.plot_items()[0].setXRange(100, 200, padding=0)
    assert asked == [1, 1]


def test_stepping_through_files_never_asks_for_every_sample_by_itself(charts: ChartsView) -> None:
    # A chart hidden for one file keeps the range of an older, shorter one: linking it to the
    # others while the next file is shown briefly looked like the user zooming in, and the
    # whole file was read again from the disk (a GUI pause while a worker parsed it).
    asked: list[int] = []
    charts.details_wanted.connect(lambda: asked.append(1))
    no_elevation = ride_track(14 * 3600)
    no_elevation = Track(
        **{**vars(no_elevation), "elevation": np.full(len(no_elevation.time), np.nan)}
    )
    for track in (run_track(), no_elevation.display, ride_track(13 * 3600).display):
        charts.set_track(track, "metric")
        QApplication.processEvents()
    assert asked == []
    assert charts.plots.plot_item("elevation").isVisible()  # type: ignore[union-attr]
    low, high = charts.plots.grab_x_range() or (0.0, 0.0)
    assert high - low == pytest.approx(13 * 3600, rel=0.01)  # the whole ride, not zoomed


class PaintCounter(QObject):
    """Counts the paints of a widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.paints = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.paints += 1
        return False


def test_another_track_is_laid_out_at_once_and_painted_once(
    qtbot: QtBot, charts: ChartsView
) -> None:
    charts.set_track(run_track(), "metric")
    canvas = charts.plots.canvas()
    counter = PaintCounter(canvas)
    qtbot.waitUntil(lambda: counter.paints > 0)

    counter.paints = 0
    charts.set_track(ride_track(), "metric")  # another set of charts: the plots move
    # Laid out and in range before the first paint: the crosshair lands where it is drawn.
    plots = charts.plots.plot_items()
    before = [plot.getViewBox().sceneBoundingRect() for plot in plots]
    middle = SECONDS / 2
    at = charts.plots.point_at(middle)
    qtbot.waitUntil(lambda: counter.paints > 0)
    for _ in range(3):
        QApplication.processEvents()
    assert counter.paints == 1
    assert [plot.getViewBox().sceneBoundingRect() for plot in plots] == before
    assert charts.plots.point_at(middle) == at


def test_charts_shown_again_after_none_are_laid_out_at_their_size_at_once(
    qtbot: QtBot, charts: ChartsView
) -> None:
    charts.set_track(run_track(), "metric")
    qtbot.waitUntil(charts.plots.isVisible)
    charts.set_track(None, "metric")  # another workout is loading
    QApplication.processEvents()
    charts.set_track(ride_track(), "metric")
    plots = charts.plots.plot_items()
    at_once = (charts.plots.canvas().size(), [p.getViewBox().sceneBoundingRect() for p in plots])
    for _ in range(3):
        QApplication.processEvents()
    assert charts.plots.canvas().size() == at_once[0]
    assert [p.getViewBox().sceneBoundingRect() for p in plots] == at_once[1]


def test_held_charts_take_a_track_without_painting_and_paint_it_once_released(
    qtbot: QtBot,
) -> None:
    window = QWidget()  # as in the preview: the charts are one part of a window
    qtbot.addWidget(window)
    charts = ChartsView(window)
    QVBoxLayout(window).addWidget(charts)
    window.resize(700, 400)
    window.show()
    qtbot.waitExposed(window)
    charts.set_track(run_track(), "metric")
    counter = PaintCounter(charts.plots.canvas())
    qtbot.waitUntil(lambda: counter.paints > 0)

    counter.paints = 0
    charts.hold()
    charts.set_track(ride_track(), "metric")
    for _ in range(3):
        QApplication.processEvents()
    assert counter.paints == 0  # the track before is not repainted, the new one not yet
    assert charts.plots.chart_titles()[0] == "Elevation (m)"
    charts.release()
    qtbot.waitUntil(lambda: counter.paints > 0)
    for _ in range(3):
        QApplication.processEvents()
    assert counter.paints == 1


def test_charts_built_while_hidden_fill_the_view_at_their_first_track(qtbot: QtBot) -> None:
    # The app builds the charts while idle, before their pane is ever shown (an upload pane
    # with no file yet, an editor with no workout): the first file or workout shown must fill
    # the view, not sit squeezed in its corner at the plots' smallest size.
    from tests.qt.detail.test_charts_theme import ride

    window = QWidget()
    qtbot.addWidget(window)
    charts = ChartsView(window)
    QVBoxLayout(window).addWidget(charts)
    charts.hide()  # as the preview's views are while no file is selected
    charts.warm_up()
    qtbot.waitUntil(lambda: charts.plots.built() == list(CHART_KEYS))
    window.resize(640, 600)
    window.show()
    qtbot.waitExposed(window)

    charts.show()
    charts.set_track(ride(), "metric")
    QApplication.processEvents()

    canvas = charts.plots.canvas()
    for key in ("heartrate", "elevation"):
        plot = charts.plots.plot_item(key)
        assert plot is not None
        assert plot.isVisible()
        assert plot.geometry().width() > 0.9 * canvas.width()
    assert sum(p.geometry().height() for p in _shown_plots(charts)) > 0.8 * canvas.height()


def _shown_plots(charts: ChartsView) -> list[Any]:
    plots = [charts.plots.plot_item(key) for key in CHART_KEYS]
    return [plot for plot in plots if plot is not None and plot.isVisible()]


def test_a_file_whose_tracks_lie_months_apart_is_labelled_in_days(charts: ChartsView) -> None:
    ride = ride_track(2 * 3600)
    time = ride.time.copy()
    time[len(time) // 2 :] += 140 * 86400.0  # the second track, 140 days later
    charts.set_track(Track(**{**vars(ride), "time": time}), "metric")
    QApplication.processEvents()

    axis = charts.plots.plot_items()[-1].getAxis("bottom")
    low, high = charts.plots.grab_x_range() or (0.0, 0.0)
    (spacing, values), *_ = axis.tickValues(low, high, 560.0)
    labels = axis.tickStrings(values, 1.0, spacing)
    assert 2 <= len(labels) <= 8
    assert all(label.endswith(" d") for label in labels if label != "0:00")


@pytest.mark.parametrize("days_apart", [1.5, 3.0, 9.0, 140.0])
def test_a_time_axis_never_mixes_hours_and_days(charts: ChartsView, days_apart: float) -> None:
    ride = ride_track(2 * 3600)
    time = ride.time.copy()
    time[len(time) // 2 :] += days_apart * 86400.0
    charts.set_track(Track(**{**vars(ride), "time": time}), "metric")
    QApplication.processEvents()

    axis = charts.plots.plot_items()[-1].getAxis("bottom")
    low, high = charts.plots.grab_x_range() or (0.0, 0.0)
    for spacing, values in axis.tickValues(low, high, 560.0):
        labels = axis.tickStrings(values, 1.0, spacing)
        in_days = [label.endswith(" d") for label in labels]
        assert all(in_days) or not any(in_days), labels
