"""Charts of a track: elevation, heart rate, speed or pace, power and cadence.

Public API (stable; the upload pane shows parsed files with it too)::

    charts = ChartsView(x_axis="time")        # objectName "chartsView"
    charts.set_track(track, units)            # Track | None, "metric" | "imperial"
    charts.set_x_axis("distance")             # "time" or "distance"
    charts.cursor_moved.connect(route.set_marker_at)   # float: elapsed seconds, NaN = left
    charts.set_cursor(elapsed_s)              # move the crosshair from outside (None hides)

Only channels with data get a chart; pauses are shaded on the time axis; running and walking
show pace (inverted axis, faster up), other sports speed. The x axis is elapsed time (h:mm:ss)
or distance in km or miles.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QVBoxLayout, QWidget

from st_desktop.domain.track import FloatArray, Track
from st_desktop.domain.units import (
    distance_unit,
    elevation_unit,
    format_duration,
    shows_pace,
    speed_unit,
)
from st_desktop.ui.plotting import StackedPlots

#: title, values, colour, crosshair text, inverted y, filled, y tick labels (None: numbers)
Series = tuple[
    str, FloatArray, str, Callable[[float], str], bool, bool, Callable[[float], str] | None
]

#: Paces slower than this (seconds per km or mile) are standing still, not shown.
SLOWEST_PACE_S = 30 * 60


class ChartsView(QWidget):
    """Stacked charts of one :class:`Track` with a shared crosshair.

    Signals:
        cursor_moved(float): elapsed seconds under the mouse (NaN when outside the track).
    """

    cursor_moved = Signal(float)

    def __init__(self, parent: QWidget | None = None, x_axis: str = "time") -> None:
        super().__init__(parent)
        self.setObjectName("chartsView")
        self.setAccessibleName("Charts")
        self._track: Track | None = None
        self._units = "metric"
        self._x_axis = x_axis if x_axis in ("time", "distance") else "time"
        self._x: FloatArray = np.empty(0)
        self.plots = StackedPlots(self)
        self.plots.hovered.connect(self._hovered)
        self.empty = QLabel("No samples to chart.", self)
        self.empty.setObjectName("chartsEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.time_button = QRadioButton("Time", self)
        self.distance_button = QRadioButton("Distance", self)
        group = QButtonGroup(self)
        group.addButton(self.time_button)
        group.addButton(self.distance_button)
        (self.time_button if self._x_axis == "time" else self.distance_button).setChecked(True)
        self.distance_button.toggled.connect(
            lambda on: self.set_x_axis("distance" if on else "time")
        )
        bar = QHBoxLayout()
        bar.addWidget(QLabel("X axis:", self))
        bar.addWidget(self.time_button)
        bar.addWidget(self.distance_button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plots, 1)
        layout.addWidget(self.empty, 1)
        self._redraw()

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
        """Chart ``track`` (None clears) in "metric" or "imperial" units."""
        self._track = track
        self._units = units
        self._redraw()

    def set_x_axis(self, axis: str) -> None:
        """Plot against "time" (elapsed) or "distance"."""
        if axis not in ("time", "distance") or axis == self._x_axis:
            return
        self._x_axis = axis
        (self.time_button if axis == "time" else self.distance_button).setChecked(True)
        self._redraw()

    def _redraw(self) -> None:
        self.plots.clear()
        track = self._track
        by_distance = self._x_axis == "distance" and track is not None and track.has("distance")
        self.distance_button.setEnabled(track is None or track.has("distance"))
        if track is None or not len(track):
            self.plots.hide()
            self.empty.setVisible(True)
            self.empty.setText("Select a workout to see its charts." if track is None else
                               "This workout has no samples to chart.")  # fmt: skip
            return
        per_km, dist_label = distance_unit(self._units)
        if by_distance:
            self._x = track.distance / per_km
            self.plots.set_x_formatter(lambda v: f"{v:g} {dist_label}")
        else:
            self._x = track.time
            self.plots.set_x_formatter(lambda v: format_duration(max(v, 0.0)), time_steps=True)
        for title, values, color, text, invert, fill, ticks in self._series(track):
            self.plots.add_chart(
                title, self._x, values, color, text, invert_y=invert, fill=fill, y_formatter=ticks
            )
        if not by_distance and track.pauses:  # a pause covers no distance: only shown over time
            self.plots.shade(list(track.pauses))
        has_charts = self.plots.chart_count() > 0
        self.plots.setVisible(has_charts)
        self.empty.setVisible(not has_charts)
        self.empty.setText("This workout has no samples to chart.")

    def _series(self, track: Track) -> list[Series]:
        per_height, height = elevation_unit(self._units)
        per_dist, dist = distance_unit(self._units)
        factor, speed_label = speed_unit(self._units)
        out: list[Series] = []
        if track.has("elevation"):
            out.append((f"Elevation ({height})", track.elevation / per_height, "#6d4c41",
                        lambda v: f"{v:.0f} {height}", False, True, None))  # fmt: skip
        if track.has("heartrate"):
            out.append(("Heart rate (bpm)", track.heartrate, "#d32f2f",
                        lambda v: f"{v:.0f} bpm", False, False, None))  # fmt: skip
        if track.has("speed"):
            if shows_pace(track.sport):
                with np.errstate(divide="ignore", invalid="ignore"):
                    pace = np.where(track.speed > 0, per_dist / track.speed / 60.0, np.nan)
                pace[pace > SLOWEST_PACE_S / 60.0] = np.nan

                def pace_text(v: float) -> str:
                    return f"{format_duration(v * 60)} /{dist}"

                def pace_tick(v: float) -> str:
                    return format_duration(v * 60)

                out.append((f"Pace (min/{dist})", pace, "#1565c0", pace_text, True, False,
                            pace_tick))  # fmt: skip
            else:
                out.append((f"Speed ({speed_label})", track.speed * factor, "#1565c0",
                            lambda v: f"{v:.1f} {speed_label}", False, False, None))  # fmt: skip
        if track.has("power"):
            out.append(("Power (W)", track.power, "#7b1fa2", lambda v: f"{v:.0f} W", False, False,
                        None))  # fmt: skip
        if track.has("cadence"):
            out.append(("Cadence (rpm)", track.cadence, "#00897b",
                        lambda v: f"{v:.0f} rpm", False, False, None))  # fmt: skip
        return out

    def set_cursor(self, elapsed: float | None) -> None:
        """Move the crosshair to ``elapsed`` seconds (None or NaN hides it)."""
        track = self._track
        if track is None or not len(track) or elapsed is None or math.isnan(elapsed):
            self.plots.set_cursor(None)
            return
        self.plots.set_cursor(float(self._x[track.index_at(elapsed)]))

    def _hovered(self, x: float) -> None:
        track = self._track
        if track is None or not len(track) or math.isnan(x):
            self.plots.set_cursor(None)
            self.cursor_moved.emit(math.nan)
            return
        if self._x_axis == "distance" and track.has("distance"):
            elapsed = track.elapsed_at_distance(x * distance_unit(self._units)[0])
        else:
            elapsed = x
        if elapsed is None or elapsed < track.time[0] or elapsed > track.time[-1]:
            self.plots.set_cursor(None)
            self.cursor_moved.emit(math.nan)
            return
        self.set_cursor(elapsed)
        self.cursor_moved.emit(float(elapsed))
