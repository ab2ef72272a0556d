"""Light and dark charts and route: what is painted follows the palette, live, and the plots and
their data stay (only pens change)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QGraphicsSimpleTextItem, QGraphicsView, QLabel
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import Track
from st_desktop.ui import theme
from st_desktop.ui.detail.charts import ChartsView
from st_desktop.ui.detail.figures import FiguresView
from st_desktop.ui.detail.route import RouteView
from tests.qt.theming import at, pixels, restore_palette, share_near, use_palette

__all__ = ["restore_palette"]

LIGHT, DARK = theme.LIGHT_COLOURS, theme.DARK_COLOURS
PAUSE = (600.0, 900.0)


def ride() -> Track:
    """Half an hour with heart rate, power and elevation, GPS, and a five-minute pause."""
    t = np.arange(0, 1800, 1.0)
    return Track(
        time=t,
        distance=t * 8.0,
        elevation=300 + np.sin(t / 120) * 20,
        heartrate=130 + np.sin(t / 50) * 10,
        speed=np.full(len(t), 8.0),
        power=200 + np.cos(t / 40) * 30,
        cadence=np.full(len(t), 88.0),
        lat=47.0 + np.sin(t / 300) * 0.01,
        lon=8.3 + np.cos(t / 300) * 0.01,
        sport="Cycling",
        pauses=(PAUSE,),
    )


@pytest.fixture
def charts(qtbot: QtBot) -> ChartsView:
    view = ChartsView()
    qtbot.addWidget(view)
    view.resize(700, 520)
    view.show()
    qtbot.waitExposed(view)
    return view


def shown_at(charts: ChartsView, key: str, x: float, fraction: float) -> tuple[int, int]:
    """Where in the plots widget chart ``key`` shows x, ``fraction`` of the way up its view."""
    plots = charts.plots
    plot = plots.plot_item(key)
    assert plot is not None
    box = plot.getViewBox()
    (low, high) = box.viewRange()[1]
    scene = box.mapViewToScene(QPointF(x, low + (high - low) * fraction))
    view = plots.findChild(QGraphicsView)
    assert view is not None
    point = view.mapTo(plots, view.mapFromScene(scene))
    return point.x(), point.y()


@pytest.mark.usefixtures("restore_palette")
def test_the_charts_turn_dark_and_back_with_the_palette_keeping_plots_and_data(
    qapp: QApplication, charts: ChartsView
) -> None:
    charts.set_track(ride(), "metric")
    plots = charts.plots
    items = plots.plot_items()
    heart = plots.plot_item("heartrate")
    assert heart is not None
    curve = heart.listDataItems()[0]
    samples = curve.yData
    light = pixels(plots)
    assert share_near(light, LIGHT.background) > 0.6  # white charts in a light window
    assert share_near(light, LIGHT.heartrate) > 0.002  # the heart-rate line, in red
    assert share_near(light, DARK.background) < 0.01  # dark only in the texts

    use_palette(theme.dark_palette())
    dark = pixels(plots)
    assert share_near(dark, DARK.background) > 0.6
    assert share_near(dark, LIGHT.background) < 0.005  # no white block left, white only in text
    for key in theme.SERIES:
        if key == "speed":
            continue  # a ride with steady speed: a flat line under the axis
        assert share_near(dark, DARK.series(key)) > 0.001, key  # each line, light on dark
    assert share_near(dark, LIGHT.heartrate, tolerance=10) < 0.0005
    # The same plots and the same samples: only pens and brushes changed.
    assert all(a is b for a, b in zip(plots.plot_items(), items, strict=True))
    assert curve.yData is samples
    for plot in plots.plot_items():
        for side in ("left", "bottom"):
            axis = plot.getAxis(side)
            assert axis.textPen().color() == DARK.muted  # tick labels light grey on dark
            assert axis.pen().color() == DARK.axis
    assert [chart_title.brush().color() for chart_title in _titles(charts)] == [
        DARK.foreground
    ] * plots.chart_count()

    use_palette(QPalette())  # back to the style's light palette
    again = pixels(plots)
    assert share_near(again, LIGHT.background) > 0.6
    assert share_near(again, LIGHT.heartrate) > 0.002
    assert heart.getAxis("left").textPen().color() == LIGHT.muted


@pytest.mark.usefixtures("restore_palette")
def test_crosshair_title_and_pause_bands_read_on_dark(
    qapp: QApplication, charts: ChartsView
) -> None:
    charts.set_track(ride(), "metric")
    use_palette(theme.dark_palette())
    charts.set_cursor(1200.0)
    assert charts.plots.chart_titles()[1].startswith("Heart rate  ")
    shown = pixels(charts.plots)
    # The crosshair: a light grey line down the chart at 20:00.
    x, y = shown_at(charts, "heartrate", 1200.0, 0.5)
    line = max((at(shown, x + dx, y) for dx in (-1, 0, 1)), key=lambda c: c.lightness())
    assert line.lightness() - DARK.background.lightness() > 60
    # The pause is a lighter band on the dark ground (it was a darker one on white).
    inside = at(shown, *shown_at(charts, "heartrate", sum(PAUSE) / 2, 0.55))
    outside = at(shown, *shown_at(charts, "heartrate", 300.0, 0.55))
    assert outside.lightness() == pytest.approx(DARK.background.lightness(), abs=4)
    assert inside.lightness() > outside.lightness() + 5
    use_palette(QPalette())
    shown = pixels(charts.plots)
    inside = at(shown, *shown_at(charts, "heartrate", sum(PAUSE) / 2, 0.55))
    outside = at(shown, *shown_at(charts, "heartrate", 300.0, 0.55))
    assert outside.lightness() == pytest.approx(255, abs=4)
    assert inside.lightness() < outside.lightness() - 5


def _titles(charts: ChartsView) -> list[QGraphicsSimpleTextItem]:
    found: list[QGraphicsSimpleTextItem] = []
    for plot in charts.plots.plot_items():
        box = plot.getViewBox()
        found += [i for i in box.childItems() if isinstance(i, QGraphicsSimpleTextItem)]
    return found


@pytest.mark.usefixtures("restore_palette")
def test_the_route_and_its_placeholder_follow_the_palette(qtbot: QtBot, qapp: QApplication) -> None:
    route = RouteView()
    qtbot.addWidget(route)
    route.resize(300, 300)
    route.show()
    qtbot.waitExposed(route)
    # Before the first route: the placeholder, on the plot's background.
    assert share_near(pixels(route), LIGHT.background) > 0.9
    use_palette(theme.dark_palette())
    placeholder = pixels(route)
    assert share_near(placeholder, DARK.background) > 0.9
    assert share_near(placeholder, DARK.muted, tolerance=40) > 0  # "No route", light grey

    route.set_track(ride())
    qtbot.waitUntil(lambda: route.plot.height() > 250)  # laid out in place of the placeholder
    shown = pixels(route)
    assert share_near(shown, DARK.background) > 0.6
    assert share_near(shown, DARK.route) > 0.003  # the line, light blue on dark
    assert share_near(shown, LIGHT.route, tolerance=10) == 0
    assert share_near(shown, DARK.start) > 0 or share_near(shown, DARK.finish) > 0
    use_palette(QPalette())
    shown = pixels(route)
    assert share_near(shown, LIGHT.background) > 0.6
    assert share_near(shown, LIGHT.route) > 0.003


@pytest.mark.usefixtures("restore_palette")
def test_figure_captions_stay_secondary_text_in_either_scheme(
    qtbot: QtBot, qapp: QApplication
) -> None:
    figures = FiguresView()
    qtbot.addWidget(figures)
    caption = _caption_of(figures, "distance")

    def colour() -> str:
        return caption.palette().color(caption.foregroundRole()).name()

    placeholder = QPalette.ColorRole.PlaceholderText
    assert colour() == qapp.palette().color(placeholder).name()
    use_palette(theme.dark_palette())
    assert colour() == theme.dark_palette().color(placeholder).name()  # light grey on dark
    use_palette(QPalette())
    assert colour() == qapp.palette().color(placeholder).name()


def _caption_of(figures: FiguresView, key: str) -> QLabel:
    value = figures.labels[key]
    return next(label for label in figures.findChildren(QLabel) if label.buddy() is value)


def test_every_chart_line_reads_on_its_background() -> None:
    for scheme in (LIGHT, DARK):
        for key in theme.SERIES:
            line = scheme.series(key)
            assert abs(line.lightnessF() - scheme.background.lightnessF()) > 0.3, (key, line.name())
