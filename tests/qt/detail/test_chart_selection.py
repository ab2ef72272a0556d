"""Selecting a range on the charts with the mouse: Shift+drag selects (in seconds since the start,
on either x axis), tinted on every chart; Escape, a plain click or another track clear it; a drag
without Shift still pans. Light and dark tints."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from st_desktop.domain.track import Track
from st_desktop.ui import theme
from st_desktop.ui.detail.charts import ChartsView
from tests.qt.detail.test_charts_theme import ride, shown_at
from tests.qt.theming import at, pixels, restore_palette, use_palette

__all__ = ["restore_palette"]

NOBODY = Qt.KeyboardModifier.NoModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def charts(qtbot: QtBot) -> ChartsView:
    view = ChartsView()
    qtbot.addWidget(view)
    view.resize(700, 520)
    view.show()
    qtbot.waitExposed(view)
    view.set_track(ride(), "metric")
    return view


def drag(qtbot: QtBot, charts: ChartsView, begin: float, end: float, held: object = SHIFT) -> None:
    """Press at x ``begin`` on the charts, move to ``end`` and let go, with ``held`` keys."""
    canvas = charts.plots.canvas()
    start, stop = charts.plots.point_at(begin), charts.plots.point_at(end)
    qtbot.mousePress(canvas, LEFT, held, start)
    for step in range(1, 4):
        qtbot.mouseMove(canvas, start + (stop - start) * step / 3)
    qtbot.mouseRelease(canvas, LEFT, held, stop)


def tinted(charts: ChartsView) -> list[tuple[float, float] | None]:
    """What each chart shown tints as selected."""
    return charts.plots.drawn_selection()


def test_shift_drag_selects_seconds_on_every_chart(qtbot: QtBot, charts: ChartsView) -> None:
    followed: list[float] = []
    charts.cursor_moved.connect(followed.append)
    with qtbot.waitSignal(charts.selection_changed) as selected:
        drag(qtbot, charts, 1200.0, 300.0)  # right to left is the same range
    assert followed[-1] == pytest.approx(300, abs=8)  # the crosshair followed the drag
    QApplication.sendEvent(charts.plots.canvas(), QEvent(QEvent.Type.Leave))
    assert math.isnan(followed[-1])  # and goes when the mouse leaves the charts
    begin, end = selected.args[0]
    assert begin == pytest.approx(300, abs=8)  # a pixel is about 3 s here
    assert end == pytest.approx(1200, abs=8)
    assert charts.selection == (begin, end)
    assert len(tinted(charts)) == charts.chart_count() == 5
    assert set(tinted(charts)) == {(begin, end)}
    # Past the end of the data, the selection stops at the last sample.
    drag(qtbot, charts, 1500.0, 1799.0)
    canvas = charts.plots.canvas()
    qtbot.mousePress(canvas, LEFT, SHIFT, charts.plots.point_at(1500.0))
    qtbot.mouseMove(canvas, QPoint(canvas.width() - 1, charts.plots.point_at(1500.0).y()))
    qtbot.mouseRelease(canvas, LEFT, SHIFT, QPoint(canvas.width() - 1, 40))
    selection = charts.selection
    assert selection is not None
    assert selection[1] == pytest.approx(1799.0)


def test_on_the_distance_axis_the_selection_is_still_seconds(
    qtbot: QtBot, charts: ChartsView
) -> None:
    charts.set_x_axis("distance")
    with qtbot.waitSignal(charts.selection_changed) as selected:
        drag(qtbot, charts, 2.4, 9.6)  # km, at 8 m/s: 300 s to 1200 s
    begin, end = selected.args[0]
    assert (begin, end) == (pytest.approx(300, abs=8), pytest.approx(1200, abs=8))
    [shown, *_] = tinted(charts)
    assert shown == (pytest.approx(2.4, abs=0.06), pytest.approx(9.6, abs=0.06))  # drawn in km
    charts.set_x_axis("time")  # the same seconds, drawn on the other axis
    assert charts.selection == (begin, end)
    assert tinted(charts)[0] == pytest.approx((begin, end))


def test_escape_a_plain_click_or_another_track_clear_it(qtbot: QtBot, charts: ChartsView) -> None:
    canvas = charts.plots.canvas()
    drag(qtbot, charts, 300.0, 900.0)
    assert charts.selection is not None
    with qtbot.waitSignal(charts.selection_changed) as cleared:
        qtbot.keyClick(canvas.parentWidget(), Qt.Key.Key_Escape)
    assert cleared.args == [None]
    assert charts.selection is None
    assert set(tinted(charts)) == {None}

    drag(qtbot, charts, 300.0, 900.0)
    with qtbot.waitSignal(charts.selection_changed) as cleared:
        qtbot.mouseClick(canvas, LEFT, NOBODY, charts.plots.point_at(1500.0))
    assert cleared.args == [None]

    drag(qtbot, charts, 300.0, 900.0)
    with qtbot.waitSignal(charts.selection_changed) as cleared:
        charts.set_track(ride(), "imperial")  # the same ride in other units: kept
        charts.set_track(Track(time=np.arange(0, 60.0), heartrate=np.full(60, 120.0)), "metric")
    assert cleared.args == [None]
    assert charts.selection is None


def test_a_drag_without_shift_pans_and_keeps_the_selection(
    qtbot: QtBot, charts: ChartsView
) -> None:
    drag(qtbot, charts, 300.0, 900.0)
    kept = charts.selection
    plots = charts.plots
    plots.plot_items()[0].setXRange(600, 1200, padding=0)  # zoomed in: there is room to pan
    before = plots.grab_x_range()
    drag(qtbot, charts, 1000.0, 800.0, held=NOBODY)
    after = plots.grab_x_range()
    assert before is not None
    assert after is not None
    assert after[0] > before[0] + 100  # the charts moved (dragged left: later times show)
    assert charts.selection == kept


@pytest.mark.usefixtures("restore_palette")
def test_the_selection_is_tinted_in_the_schemes_colour(
    qapp: QApplication, charts: ChartsView, qtbot: QtBot
) -> None:
    for palette, colours in (
        (QPalette(), theme.LIGHT_COLOURS),
        (theme.dark_palette(), theme.DARK_COLOURS),
    ):
        use_palette(palette)
        charts.set_selection(None)
        outside = at(pixels(charts.plots), *shown_at(charts, "heartrate", 1500.0, 0.97))
        drag(qtbot, charts, 1200.0, 1700.0)
        inside = at(pixels(charts.plots), *shown_at(charts, "heartrate", 1500.0, 0.97))
        tint = colours.selection
        alpha = tint.alphaF()
        for got, ground, over in zip(
            inside.getRgb()[:3], outside.getRgb()[:3], tint.getRgb()[:3], strict=True
        ):
            assert got == pytest.approx(ground * (1 - alpha) + over * alpha, abs=6)
