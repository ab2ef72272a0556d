"""Numbers, dates and figures for the overview views, in the user's locale and unit system.

Digits, separators, month and day names come from :class:`QLocale` (the system's); units follow
View > Units (``"metric"`` or ``"imperial"``). Energy is shown in kilocalories, as everywhere
in the app (the service's ``calories`` are kilojoules: tooltips give both).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale

from st_desktop.domain.totals import Figures, Metric, Period, next_start
from st_desktop.domain.units import distance_unit, elevation_unit, kj_to_kcal
from st_desktop.ui.i18n import plural

CONTEXT = "OverviewFormat"


def locale() -> QLocale:
    """The locale numbers and dates are written in."""
    return QLocale()


def number(value: float, decimals: int = 0) -> str:
    """``1,234.5`` in the user's locale."""
    if decimals == 0:
        return locale().toString(round(value))
    return locale().toString(float(value), "f", decimals)


def qdate(day: date) -> QDate:
    """A Python date as a QDate."""
    return QDate(day.year, day.month, day.day)


def short_date(day: date) -> str:
    """The locale's short date ("30/11/2024", "11/30/24")."""
    return locale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def day_month(day: date) -> str:
    """ "30 Nov" / "Nov 30" (the locale orders the parts)."""
    return locale().toString(qdate(day), _day_month_format())


def _day_month_format() -> str:
    short = locale().dateFormat(QLocale.FormatType.ShortFormat).lower()
    return "MMM d" if short.find("m") < short.find("d") else "d MMM"


def month_title(day: date) -> str:
    """ "November 2024" (the stand-alone month name, as a calendar heading)."""
    name = locale().standaloneMonthName(day.month, QLocale.FormatType.LongFormat)
    return f"{name} {day.year}"


def short_month(start: date) -> str:
    """ "Mar" for a chart's axis; January carries its year ("Jan 26") to mark the turn."""
    name = locale().standaloneMonthName(start.month, QLocale.FormatType.ShortFormat)
    return f"{name} {start.year % 100:02d}" if start.month == 1 else name


def period_title(start: date, period: Period) -> str:
    """How a period reads in the table: "Week 48 · 25 Nov", "November 2024", "2024"."""
    if period == Period.WEEK:
        year, week, _ = start.isocalendar()
        text = QCoreApplication.translate("OverviewFormat", "Week {week}, {year} · {day}")
        return text.format(week=week, year=year, day=day_month(start))
    if period == Period.MONTH:
        return month_title(start)
    return str(start.year)


def period_span(start: date, period: Period) -> str:
    """The days of a period for a tooltip: "25/11/2024 – 01/12/2024"."""
    end = next_start(start, period)
    return f"{short_date(start)} – {short_date(date.fromordinal(end.toordinal() - 1))}"


def distance(metres: float, units: str, *, with_unit: bool = True) -> str:
    """ "1,234.5 km" (one decimal below 1,000, none above)."""
    per, label = distance_unit(units)
    value = metres / per
    text = number(value, 1 if abs(value) < 1000 else 0)
    return f"{text} {label}" if with_unit else text


def climb(metres: float, units: str, *, with_unit: bool = True) -> str:
    """ "2,345 m" / "7,694 ft"."""
    per, label = elevation_unit(units)
    text = number(metres / per)
    return f"{text} {label}" if with_unit else text


def hours(seconds: float) -> str:
    """Moving time as hours and minutes, "152:07" (hours are not capped at 24)."""
    minutes = round(seconds / 60)
    return f"{locale().toString(minutes // 60)}:{minutes % 60:02d}"


def energy(kilojoules: float, *, with_unit: bool = True) -> str:
    """ "1,234 kcal" (from the service's kilojoules)."""
    text = number(kj_to_kcal(kilojoules))
    return f"{text} kcal" if with_unit else text


def energy_both(kilojoules: float) -> str:
    """ "1,234 kcal (5,163 kJ)" for tooltips."""
    return f"{energy(kilojoules)} ({number(kilojoules)} kJ)"


def unit_label(metric: Metric, units: str) -> str:
    """The unit a metric's numbers are given in ("km", "h", "m", "kcal", "")."""
    if metric == Metric.DISTANCE:
        return distance_unit(units)[1]
    if metric == Metric.CLIMB:
        return elevation_unit(units)[1]
    if metric == Metric.DURATION:
        return "h"
    if metric == Metric.ENERGY:
        return "kcal"
    return ""


def display_value(figures: Figures, metric: Metric, units: str) -> float:
    """A metric in the unit shown: km or mi, hours, m or ft, kcal, or a count."""
    raw = figures.value(metric)
    if metric == Metric.DISTANCE:
        return raw / distance_unit(units)[0]
    if metric == Metric.CLIMB:
        return raw / elevation_unit(units)[0]
    if metric == Metric.DURATION:
        return raw / 3600.0
    if metric == Metric.ENERGY:
        return kj_to_kcal(raw)
    return raw


def figure_text(figures: Figures, metric: Metric, units: str) -> str:
    """One metric of some figures, with its unit."""
    if metric == Metric.DISTANCE:
        return distance(figures.distance, units)
    if metric == Metric.CLIMB:
        return climb(figures.climb, units)
    if metric == Metric.DURATION:
        return f"{hours(figures.duration)} h"
    if metric == Metric.ENERGY:
        return energy(figures.energy)
    return workouts(figures.count)


def workouts(count: int) -> str:
    """ "1 workout", "1,234 workouts"."""
    return plural(
        count,
        QCoreApplication.translate("OverviewFormat", "{count} workout"),
        QCoreApplication.translate("OverviewFormat", "{count} workouts"),
    )


#: The metrics' names, in English: :func:`metric_title` gives them translated.
METRIC_TITLES: dict[Metric, object] = {
    Metric.DISTANCE: QT_TRANSLATE_NOOP("OverviewFormat", "Distance"),
    Metric.DURATION: QT_TRANSLATE_NOOP("OverviewFormat", "Moving time"),
    Metric.CLIMB: QT_TRANSLATE_NOOP("OverviewFormat", "Climb"),
    Metric.ENERGY: QT_TRANSLATE_NOOP("OverviewFormat", "Energy"),
    Metric.COUNT: QT_TRANSLATE_NOOP("OverviewFormat", "Workouts"),
}


def metric_title(metric: Metric) -> str:
    """A metric's name in the user's language ("Distance", "Strecke")."""
    return QCoreApplication.translate(CONTEXT, str(METRIC_TITLES[metric]))
