"""What the charts of a track show: one series per channel with data, in the user's units."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication

from st_desktop.domain.track import FloatArray, Track
from st_desktop.domain.units import (
    distance_unit,
    elevation_unit,
    format_duration,
    shows_pace,
    speed_unit,
)
from st_desktop.ui.i18n import figure

#: key, title, values, colour (a series of :class:`~st_desktop.ui.theme.Colours`, light or dark
#: as the palette is), crosshair text, inverted y, filled, y tick labels (None: numbers)
Series = tuple[
    str, str, FloatArray, str, Callable[[float], str], bool, bool, Callable[[float], str] | None
]

#: Paces slower than this (seconds per km or mile) are standing still, not shown.
SLOWEST_PACE_S = 30 * 60


def chart_series(track: Track, units: str) -> list[Series]:
    """The charts of ``track`` in ``units``, top to bottom: only channels with data; pace for
    running and walking (slower than :data:`SLOWEST_PACE_S` left out), speed otherwise."""
    per_height, height = elevation_unit(units)
    per_dist, dist = distance_unit(units)
    factor, speed_label = speed_unit(units)
    out: list[Series] = []
    if track.has("elevation"):
        out.append(
            (
                "elevation",
                QCoreApplication.translate("ChartSeries", "Elevation ({unit})").format(unit=height),
                track.elevation / per_height,
                "elevation",
                lambda v: f"{v:.0f} {height}",
                False,
                True,
                None,
            )
        )
    if track.has("heartrate"):
        out.append(
            (
                "heartrate",
                QCoreApplication.translate("ChartSeries", "Heart rate (bpm)"),
                track.heartrate,
                "heartrate",
                lambda v: f"{v:.0f} bpm",
                False,
                False,
                None,
            )
        )
    if track.has("speed"):
        if shows_pace(track.sport):
            with np.errstate(divide="ignore", invalid="ignore"):
                pace = np.where(track.speed > 0, per_dist / track.speed / 60.0, np.nan)
            pace[pace > SLOWEST_PACE_S / 60.0] = np.nan

            def pace_text(v: float) -> str:
                return f"{format_duration(v * 60)} /{dist}"

            def pace_tick(v: float) -> str:
                return format_duration(v * 60)

            out.append(
                (
                    "speed",
                    QCoreApplication.translate("ChartSeries", "Pace (min/{unit})").format(
                        unit=dist
                    ),
                    pace,
                    "speed",
                    pace_text,
                    True,
                    False,
                    pace_tick,
                )
            )
        else:
            out.append(
                (
                    "speed",
                    QCoreApplication.translate("ChartSeries", "Speed ({unit})").format(
                        unit=speed_label
                    ),
                    track.speed * factor,
                    "speed",
                    lambda v: figure(f"{v:.1f} {speed_label}"),
                    False,
                    False,
                    None,
                )
            )
    if track.has("power"):
        out.append(
            (
                "power",
                QCoreApplication.translate("ChartSeries", "Power (W)"),
                track.power,
                "power",
                lambda v: f"{v:.0f} W",
                False,
                False,
                None,
            )
        )
    if track.has("cadence"):
        out.append(
            (
                "cadence",
                QCoreApplication.translate("ChartSeries", "Cadence (rpm)"),
                track.cadence,
                "cadence",
                lambda v: f"{v:.0f} rpm",
                False,
                False,
                None,
            )
        )
    return out
