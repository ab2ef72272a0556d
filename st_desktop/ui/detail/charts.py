"""Charts of a track: elevation, heart rate, speed or pace, power and cadence.

Public API (stable; the upload pane shows parsed files with it too)::

    charts = ChartsView(x_axis="time")        # objectName "chartsView"
    charts.set_track(track, units)            # Track | None, "metric" | "imperial"
    charts.set_x_axis("distance")             # "time" or "distance"
    charts.cursor_moved.connect(route.set_marker_at)   # float: elapsed seconds, NaN = left
    charts.set_cursor(elapsed_s)              # move the crosshair from outside (None hides)
    charts.selection_changed.connect(...)     # (begin_s, end_s) selected, or None
    charts.set_selection((begin_s, end_s))    # select from outside (None clears)

Shift+drag across the charts selects a time range (seconds since the start, whichever the x
axis), tinted on every chart; Escape or a plain click clears it, and so does another track.

Only channels with data get a chart; pauses are shaded on the time axis; running and walking
show pace (inverted axis, faster up), other sports speed. The x axis is elapsed time (h:mm:ss)
or distance in km or miles. The charts paint in the light or dark colours of their palette and
follow it when it changes (:mod:`st_desktop.ui.theme`).

One view keeps its plots for every track it is given (:meth:`StackedPlots.show_charts` sets
data, it does not rebuild); the curves are drawn from :attr:`Track.display`, which the worker
that built the track already reduced, and the plotting library is only imported when the first
track is charted (:func:`plotting_step` imports it ahead of time, off the GUI thread).
"""

from __future__ import annotations

import importlib
import math
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from st_desktop.domain.track import FloatArray, Track
from st_desktop.domain.units import distance_unit, format_duration
from st_desktop.ui.detail.chart_series import SLOWEST_PACE_S, Series, chart_series
from st_desktop.ui.first_paint import LaterStep
from st_desktop.ui.i18n import figure

__all__ = ["CHART_KEYS", "SLOWEST_PACE_S", "ChartsView", "Series", "plotting_step"]

if TYPE_CHECKING:
    from st_desktop.ui.plotting import ChartSpec, StackedPlots

#: The charts, top to bottom (speed or pace share a row).
CHART_KEYS = ("elevation", "heartrate", "speed", "power", "cadence")

PLOTTING = "st_desktop.ui.plotting"


def plotting_step(window: QWidget) -> LaterStep:
    """The start-up step that loads the plotting library and builds the plots of every chart
    and route view in ``window`` (see :mod:`st_desktop.ui.first_paint`).

    Nothing competes with the window's first paint and its first rows: the import runs on a
    worker once the runner is idle after the first paint, instead of freezing the GUI thread
    when the first chart shows.
    """

    def warm_up() -> None:
        from st_desktop.ui.detail.route import RouteView

        for charts in window.findChildren(ChartsView):
            charts.warm_up()
        for route in window.findChildren(RouteView):
            route.warm_up()

    return LaterStep((PLOTTING,), warm_up, "charts")


class ChartsView(QWidget):
    """Stacked charts of one :class:`Track` with a shared crosshair.

    Signals:
        cursor_moved(float): elapsed seconds under the mouse (NaN when outside the track).
        details_wanted(): the user hovers or zooms into the charts of a reduced track
            (:attr:`Track.is_reduced`), once per track: the holder of the full track may give
            it (:meth:`set_track` with the same samples swaps it in without a redraw).
        selection_changed(object): the range selected, ``(begin, end)`` in seconds since the
            start with begin < end, or None when there is none any more.
    """

    cursor_moved = Signal(float)
    details_wanted = Signal()
    selection_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, x_axis: str = "time") -> None:
        super().__init__(parent)
        self.setObjectName("chartsView")
        self.setAccessibleName(self.tr("Charts"))
        self._track: Track | None = None
        self._cleared = False  # set_track(None) is what is shown
        self._units = "metric"
        self._x_axis = x_axis if x_axis in ("time", "distance") else "time"
        self._x: FloatArray = np.empty(0)
        self._drawn: Track | None = None  # what the curves show: the track's display version
        self._asked = False  # details_wanted was emitted for the track shown
        self._selection: tuple[float, float] | None = None  # seconds since the start
        self._plots: StackedPlots | None = None  # built with the first chart
        self.empty = QLabel(self.tr("No samples to chart."), self)
        self.empty.setObjectName("chartsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_button = QRadioButton(self.tr("Time"), self)
        self.distance_button = QRadioButton(self.tr("Distance"), self)
        group = QButtonGroup(self)
        group.addButton(self.time_button)
        group.addButton(self.distance_button)
        (self.time_button if self._x_axis == "time" else self.distance_button).setChecked(True)
        self.distance_button.toggled.connect(
            lambda on: self.set_x_axis("distance" if on else "time")
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("X axis:"), self))
        bar.addWidget(self.time_button)
        bar.addWidget(self.distance_button)
        bar.addStretch(1)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.empty, 1)
        self._redraw()

    @property
    def plots(self) -> StackedPlots:
        """The stacked charts (built, and the plotting library imported, on first use)."""
        if self._plots is None:
            plotting = importlib.import_module(PLOTTING)
            self._plots = plotting.StackedPlots(CHART_KEYS, self)
            self._plots.hovered.connect(self._hovered)
            self._plots.range_selected.connect(self._range_selected)
            self._plots.zoomed_in.connect(self._want_details)
            self._plots.hide()
            self._layout.insertWidget(1, self._plots, 1)
        return self._plots

    def warm_up(self) -> None:
        """Build the charts ahead of the first track, one per turn of the event loop.

        A plot costs far more to build than to draw: built while the app is idle, none is
        built when a workout or file is first shown.
        """
        plots = self.plots
        waiting = list(CHART_KEYS)

        def step() -> None:
            while waiting:
                if plots.prepare(waiting.pop(0)):
                    QTimer.singleShot(0, self, step)
                    return

        step()

    def hold(self) -> None:
        """Paint nothing of the charts until :meth:`release` (a holder showing a track in steps).

        The charts of the track before are not painted again, at the sizes the new texts leave
        them; the new ones are set while held and painted once, in a turn of their own. For
        charts inside a window (a window of their own is not held: its platform repaints it).
        """
        if self.updatesEnabled() and not self.isWindow():
            self.setUpdatesEnabled(False)

    def release(self) -> None:
        """Paint the charts again after :meth:`hold` (all of them, once)."""
        if not self.updatesEnabled():
            self.setUpdatesEnabled(True)

    @property
    def track(self) -> Track | None:
        """The track shown."""
        return self._track

    @property
    def x_axis(self) -> str:
        """ "time" or "distance"."""
        return self._x_axis

    def chart_count(self) -> int:
        """How many charts are drawn."""
        return self.plots.chart_count()

    def set_track(self, track: Track | None, units: str) -> None:
        """Chart ``track`` (None clears) in "metric" or "imperial" units.

        The curves show the track's reduced samples (:attr:`Track.display`) and every sample
        once zoomed in; the crosshair reads every sample. Given the full version of the track
        already drawn from its reduced samples (a file read again), nothing is redrawn.
        """
        if track is None and self._cleared:
            self._units = units
            return  # cleared already: showing a file still being read costs no plot work
        redraw = not (
            track is not None
            and units == self._units
            and self._drawn is not None
            and track.display.same_samples(self._drawn)
        )
        old, self._track, self._units = self._track, track, units
        if track is not old and not (
            track is not None and old is not None and track.display.same_samples(old.display)
        ):
            self.set_selection(None)  # another recording: the range was the other one's
        if redraw:
            self._asked = False
            self._redraw()
        elif self._plots is not None:
            self._plots.set_full(*self._full_series())

    def set_x_axis(self, axis: str) -> None:
        """Plot against "time" (elapsed) or "distance"."""
        if axis not in ("time", "distance") or axis == self._x_axis:
            return
        self._x_axis = axis
        (self.time_button if axis == "time" else self.distance_button).setChecked(True)
        self._redraw()

    def _redraw(self) -> None:
        track = self._track
        self._cleared = False
        self.distance_button.setEnabled(track is None or track.has("distance"))
        if track is None or not len(track):
            if self._plots is not None:
                self._plots.clear()
                self._plots.hide()
            self._drawn = None
            self._cleared = track is None
            self.empty.setVisible(True)
            self.empty.setText(
                self.tr("Select a workout to see its charts.")
                if track is None
                else self.tr("This workout has no samples to chart.")
            )
            return
        from st_desktop.ui.plotting import ChartSpec  # loaded: the plots exist from here on

        plots = self.plots
        if plots.isHidden():
            # Shown and sized before its plots are laid out: laid out once, not at the hidden
            # widget's old size first and again when it shows.
            self.empty.setVisible(False)
            plots.setVisible(True)
            self._layout.activate()
        drawn = self._drawn = track.display
        full_x, full = self._full_series()
        specs: list[ChartSpec] = [
            ChartSpec(key, title, values, colour, text, invert, fill, ticks, full.get(key))
            for key, title, values, colour, text, invert, fill, ticks in chart_series(
                drawn, self._units
            )
        ]
        self._x = self._x_of(drawn)
        if self._by_distance(drawn):
            dist_label = distance_unit(self._units)[1]
            plots.show_charts(
                self._x, specs, x_formatter=lambda v: figure(f"{v:g} {dist_label}"), full_x=full_x
            )
        else:
            # A pause covers no distance: pauses are only shaded over time.
            plots.show_charts(
                self._x,
                specs,
                x_formatter=self._elapsed_tick,
                time_steps=True,
                day_formatter=self._days_tick,
                shaded=list(drawn.pauses),
                full_x=full_x,
            )
        plots.set_selection(self._x_range(self._selection))
        has_charts = plots.chart_count() > 0
        plots.setVisible(has_charts)
        self.empty.setVisible(not has_charts)
        self.empty.setText(self.tr("This workout has no samples to chart."))

    def _by_distance(self, track: Track) -> bool:
        return self._x_axis == "distance" and track.has("distance")

    def _x_of(self, track: Track) -> FloatArray:
        if self._by_distance(track):
            values: FloatArray = track.distance / distance_unit(self._units)[0]
            return values
        return track.time

    def _full_series(self) -> tuple[FloatArray | None, dict[str, FloatArray]]:
        """Every sample of each chart, when the curves draw a reduction (else none)."""
        track = self._track
        if track is None or track.display is track:
            return None, {}
        return self._x_of(track), {
            series[0]: series[2] for series in chart_series(track, self._units)
        }

    @property
    def selection(self) -> tuple[float, float] | None:
        """The range selected, in seconds since the start (None: none)."""
        return self._selection

    def set_selection(self, selection: tuple[float, float] | None) -> None:
        """Select ``(begin, end)`` seconds since the start (None clears), as Shift+drag would."""
        track = self._track
        if selection is not None and track is not None and len(track):
            first, last = float(track.time[0]), float(track.time[-1])
            begin, end = (min(max(v, first), last) for v in sorted(selection))
            selection = (begin, end) if end > begin else None
        elif track is None or not len(track):
            selection = None
        if self._plots is not None:
            self._plots.set_selection(self._x_range(selection))
        if selection != self._selection:
            self._selection = selection
            self.selection_changed.emit(selection)

    def _x_range(self, selection: tuple[float, float] | None) -> tuple[float, float] | None:
        """A range of seconds as x values of the axis shown (distance or time)."""
        track = self._track
        if selection is None or track is None or not self._by_distance(track):
            return selection
        per = distance_unit(self._units)[0]
        begin, end = (float(track.distance[track.index_at(t)]) / per for t in selection)
        return (begin, end)

    def _range_selected(self, selected: tuple[float, float] | None) -> None:
        track = self._track
        if selected is None or track is None:
            self.set_selection(None)
        elif self._by_distance(track):
            per = distance_unit(self._units)[0]
            begin, end = (track.elapsed_at_distance(x * per) for x in selected)
            self.set_selection(None if begin is None or end is None else (begin, end))
        else:
            self.set_selection(selected)

    def set_cursor(self, elapsed: float | None) -> None:
        """Move the crosshair to ``elapsed`` seconds (None or NaN hides it)."""
        track = self._track
        if self._plots is None:
            return
        if track is None or not len(track) or elapsed is None or math.isnan(elapsed):
            self._plots.set_cursor(None)
            return
        index = track.index_at(elapsed)
        if self._by_distance(track):
            self._plots.set_cursor(float(track.distance[index] / distance_unit(self._units)[0]))
        else:
            self._plots.set_cursor(float(track.time[index]))

    @staticmethod
    def _elapsed_tick(seconds: float) -> str:
        """A time axis label: "1:30:00"."""
        return format_duration(max(seconds, 0.0))

    def _days_tick(self, days: int) -> str:
        """A time axis label where the ticks are whole days apart (a file whose tracks lie
        days or months apart): "50 d"."""
        #: A tick label of a time axis in whole days ("50 d").
        return self.tr("{days} d").format(days=QLocale().toString(days))

    def _want_details(self) -> None:
        if not self._asked and self._track is not None and self._track.is_reduced:
            self._asked = True
            self.details_wanted.emit()

    def _hovered(self, x: float) -> None:
        if not math.isnan(x):
            self._want_details()
        track = self._track
        if track is None or not len(track) or math.isnan(x):
            self.plots.set_cursor(None)
            self.cursor_moved.emit(math.nan)
            return
        if self._by_distance(track):
            elapsed = track.elapsed_at_distance(x * distance_unit(self._units)[0])
        else:
            elapsed = x
        if elapsed is None or elapsed < track.time[0] or elapsed > track.time[-1]:
            self.plots.set_cursor(None)
            self.cursor_moved.emit(math.nan)
            return
        self.set_cursor(elapsed)
        self.cursor_moved.emit(float(elapsed))
