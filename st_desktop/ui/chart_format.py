"""Tick placement and label text for the charts in :mod:`st_desktop.ui.plotting`.

Plain arithmetic on axis ranges and pixel sizes, kept apart from the pyqtgraph widgets so it can be
read and tested without a plotting library (only the ``ui/plotting`` package imports pyqtgraph).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
TickFormatter = Callable[[float], str]

#: Tick steps of an elapsed-time axis, in seconds: whole minutes and hours, never 8:20 or 33:20;
#: whole days for a file whose tracks lie days or months apart (its pauses are shaded).
TIME_STEPS = (
    1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1200, 1800, 3600, 7200, 10800, 21600, 43200,
    86400, 2 * 86400, 5 * 86400, 10 * 86400, 20 * 86400, 50 * 86400, 100 * 86400,
    200 * 86400, 500 * 86400, 1000 * 86400,
)  # fmt: skip

#: Seconds in a day: a time axis whose ticks are whole days apart is labelled in days.
DAY_S = 86400


def whole_days(spacing: float) -> bool:
    """True when ticks ``spacing`` seconds apart all fall on whole days (label them in days)."""
    return spacing >= DAY_S and spacing % DAY_S == 0


#: Pixels between labelled ticks of a y axis at least.
MIN_LABEL_GAP = 16
#: Pixels a tick label keeps from either end of its axis (pyqtgraph drops labels that stick out).
LABEL_MARGIN = 7


def time_tick_spacing(span: float, size: float) -> list[tuple[float, float]]:
    """Major and minor tick steps of an elapsed-time axis, both taken from :data:`TIME_STEPS`.

    Args:
        span: the visible range, in seconds (positive).
        size: the axis length, in pixels (positive).

    Returns:
        ``[(major, 0.0), (minor, 0.0)]``, in the form pyqtgraph's ``tickSpacing`` returns.
    """
    # About one labelled tick per 90 px, as for pyqtgraph's own axes.
    wanted = span / max(2.0, size / 90.0)
    major = next((step for step in TIME_STEPS if step >= wanted), TIME_STEPS[-1])
    minor = next((s for s in reversed(TIME_STEPS) if s <= major / 4 and major % s == 0), major)
    return [(float(major), 0.0), (float(minor), 0.0)]


def value_ticks(
    data_range: tuple[float, float], low: float, high: float, size: float
) -> tuple[float, list[float]]:
    """Two or three labelled ticks on the data's own span, far enough apart to read.

    One level only (pyqtgraph would squeeze minor labels in wherever they fit), none beside the
    empty room kept for the title, none so close to an end that pyqtgraph would drop it: a short
    chart gets at least one label rather than none.
    """
    first, last = data_range
    per_pixel = (high - low) / size
    bottom = max(first, low + LABEL_MARGIN * per_pixel)
    top = min(last, high - LABEL_MARGIN * per_pixel)
    if top < bottom:  # a flat line: label it where it is
        bottom = top = (first + last) / 2
    step = nice_step(max(MIN_LABEL_GAP * per_pixel, (last - first) / 3, 1e-9))
    for _ in range(12):
        values = [k * step for k in range(math.ceil(bottom / step), math.floor(top / step) + 1)]
        if values:
            return step, values
        step = nice_step(step * 0.4)  # finer, for a single label only
        middle = (bottom + top) / 2
        nearest = step * round(middle / step)
        if bottom <= nearest <= top:
            return step, [nearest]
    return step, [(bottom + top) / 2]


def nice_step(smallest: float) -> float:
    """The first of 1, 2, 5 times a power of ten that is at least ``smallest``."""
    power = 10.0 ** math.floor(math.log10(smallest))
    return next(power * f for f in (1.0, 2.0, 5.0, 10.0) if power * f >= smallest)


def strip_unit(title: str) -> str:
    """ "Heart rate (bpm)" -> "Heart rate": the value shown beside it carries the unit."""
    name, bracket, _ = title.rpartition(" (")
    return name if bracket and title.endswith(")") else title
