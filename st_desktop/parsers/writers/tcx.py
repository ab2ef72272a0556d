"""An :class:`Activity` as a TCX file (Garmin TrainingCenterDatabase v2), valid against its XSD.

One ``Activity`` (``Sport`` Running, Biking or Other: all TCX knows) with the start time as
``Id``, one ``Lap`` per lap with its totals (``Calories`` in kcal: SportTracks keeps kJ) and its
samples, a new ``Track`` after each pause (as devices write them when the timer restarts),
``Notes``, and ``Creator`` (the recording device when known). Trackpoints carry ``Time`` (UTC),
``Position``, ``AltitudeMeters``, ``DistanceMeters``, ``HeartRateBpm``, ``Cadence`` and, in the
ActivityExtension ``TPX``, ``Speed``, ``RunCadence`` (instead of ``Cadence`` for runs) and
``Watts``. Lap averages of speed and power go in the ``LX`` extension.

TCX has no element for the workout's name: it is not written.
"""

from __future__ import annotations

import itertools
from datetime import timedelta

import numpy as np

from st_desktop import APP_NAME, __version__
from st_desktop.domain.activity import Activity, Lap
from st_desktop.domain.types import parse_type
from st_desktop.parsers.writers.summaries import completed_laps, lap_spans, start_of
from st_desktop.parsers.writers.xmltext import (
    decimals,
    integers,
    segment_ids,
    utc_time,
    utc_times,
    wrap,
    xml_text,
)

TCX_NS = "http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"
AX_NS = "http://www.garmin.com/xmlschemas/ActivityExtension/v2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = (
    f"{TCX_NS} http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd "
    f"{AX_NS} http://www.garmin.com/xmlschemas/ActivityExtensionv2.xsd"
)
KJ_PER_KCAL = 4.184

#: SportTracks category -> TCX ``Sport``.
_TCX_SPORTS = {"Running": "Running", "Cycling": "Biking"}


def tcx_sport(sport: str | None) -> str:
    """The TCX ``Sport`` attribute of a SportTracks type."""
    return _TCX_SPORTS.get(parse_type(sport).category, "Other")


def _number(value: float | None, places: int) -> str:
    if value is None or not np.isfinite(value):
        return ""
    return decimals(np.array([value]), places)[0]


def _whole(value: float | None, low: float, high: float) -> str:
    if value is None or not np.isfinite(value):
        return ""
    return integers(np.array([value]), low, high)[0]


def _trackpoints(activity: Activity, running: bool) -> list[str]:
    s = activity.streams
    lon = np.where(s.lon >= 180.0, s.lon - 360.0, s.lon)
    times = wrap("Time", utc_times(start_of(activity), s.time))
    positions = [
        f"<Position><LatitudeDegrees>{a}</LatitudeDegrees>"
        f"<LongitudeDegrees>{b}</LongitudeDegrees></Position>"
        if a and b
        else ""
        for a, b in zip(decimals(s.lat, 8), decimals(lon, 8), strict=True)
    ]
    altitude = wrap("AltitudeMeters", decimals(s.elevation, 2))
    distance = wrap("DistanceMeters", decimals(s.distance, 2))
    heartrate = [
        f"<HeartRateBpm><Value>{v}</Value></HeartRateBpm>" if v else ""
        for v in integers(s.heartrate, 1, 255)
    ]
    cadence_texts = integers(s.cadence, 0, 254)
    cadence = [""] * len(s) if running else wrap("Cadence", cadence_texts)
    tpx_columns = [
        wrap("ns3:Speed", decimals(s.speed, 3)),
        wrap("ns3:RunCadence", cadence_texts) if running else [""] * len(s),
        wrap("ns3:Watts", integers(s.power, 0, 65535)),
    ]
    points: list[str] = []
    append = points.append
    for t, p, a, d, h, c, *tpx in zip(
        times, positions, altitude, distance, heartrate, cadence, *tpx_columns, strict=True
    ):
        inner = "".join(tpx)
        ext = f"<Extensions><ns3:TPX>{inner}</ns3:TPX></Extensions>" if inner else ""
        append(f"     <Trackpoint>{t}{p}{a}{d}{h}{c}{ext}</Trackpoint>")
    return points


def _lap_head(lap: Lap, span: tuple[float, float], running: bool) -> list[str]:
    """The lap's totals, in the order the schema wants them (before its tracks)."""
    f = lap.summary
    timer = f.moving_time if f.moving_time is not None else f.elapsed_time
    if timer is None:
        timer = span[1] - span[0]
    kcal = f.calories / KJ_PER_KCAL if f.calories is not None else 0.0
    lines = [
        f"    <TotalTimeSeconds>{_number(timer, 3) or '0'}</TotalTimeSeconds>",
        f"    <DistanceMeters>{_number(f.distance, 2) or '0'}</DistanceMeters>",
    ]
    if _number(f.max_speed, 3):
        lines.append(f"    <MaximumSpeed>{_number(f.max_speed, 3)}</MaximumSpeed>")
    lines.append(f"    <Calories>{_whole(kcal, 0, 65535) or '0'}</Calories>")
    for tag, value in (
        ("AverageHeartRateBpm", f.avg_heartrate),
        ("MaximumHeartRateBpm", f.max_heartrate),
    ):
        if _whole(value, 1, 255):
            lines.append(f"    <{tag}><Value>{_whole(value, 1, 255)}</Value></{tag}>")
    intensity = "Resting" if lap.intensity == "rest" else "Active"
    lines.append(f"    <Intensity>{intensity}</Intensity>")
    if not running and _whole(f.avg_cadence, 0, 254):
        lines.append(f"    <Cadence>{_whole(f.avg_cadence, 0, 254)}</Cadence>")
    lines.append("    <TriggerMethod>Manual</TriggerMethod>")
    return lines


def _lap_extensions(lap: Lap, running: bool) -> list[str]:
    f = lap.summary
    parts = [
        ("AvgSpeed", _number(f.avg_speed, 3)),
        ("MaxBikeCadence", "" if running else _whole(f.max_cadence, 0, 254)),
        ("AvgRunCadence", _whole(f.avg_cadence, 0, 254) if running else ""),
        ("MaxRunCadence", _whole(f.max_cadence, 0, 254) if running else ""),
        ("AvgWatts", _whole(f.avg_power, 0, 65535)),
        ("MaxWatts", _whole(f.max_power, 0, 65535)),
    ]
    inner = "".join(f"<ns3:{tag}>{value}</ns3:{tag}>" for tag, value in parts if value)
    return [f"    <Extensions><ns3:LX>{inner}</ns3:LX></Extensions>"] if inner else []


def _creator(activity: Activity) -> list[str]:
    name = activity.device or APP_NAME
    return [
        '   <Creator xsi:type="Device_t">',
        f"    <Name>{xml_text(name)}</Name>",
        "    <UnitId>0</UnitId>",
        "    <ProductID>0</ProductID>",
        "    <Version><VersionMajor>0</VersionMajor><VersionMinor>0</VersionMinor></Version>",
        "   </Creator>",
    ]


def _author() -> list[str]:
    parts = [int(p) if p.isdigit() else 0 for p in [*__version__.split("."), "0", "0"][:4]]
    return [
        ' <Author xsi:type="Application_t">',
        f"  <Name>{xml_text(APP_NAME)}</Name>",
        "  <Build><Version>"
        f"<VersionMajor>{parts[0]}</VersionMajor><VersionMinor>{parts[1]}</VersionMinor>"
        f"<BuildMajor>{parts[2]}</BuildMajor><BuildMinor>{parts[3]}</BuildMinor>"
        "</Version></Build>",
        "  <LangID>en</LangID>",
        "  <PartNumber>000-00000-00</PartNumber>",
        " </Author>",
    ]


def write_tcx(activity: Activity) -> bytes:
    """Encode ``activity`` as a TCX file (UTF-8)."""
    running = parse_type(activity.sport).category == "Running"
    laps = activity.laps or [Lap(0.0, activity.summary)]
    spans = lap_spans(laps, activity.summary.elapsed_time)
    laps = completed_laps(activity, laps, spans)
    time = activity.streams.time
    points = _trackpoints(activity, running)
    # Samples before the second lap belong to the first, and so on; within a lap, a new track
    # starts after each pause.
    lap_of = np.searchsorted(np.array([lap.start for lap in laps[1:]]), time, side="right")
    track_of = segment_ids(time, activity.pauses)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<TrainingCenterDatabase xmlns="{TCX_NS}" xmlns:ns3="{AX_NS}" xmlns:xsi="{XSI_NS}" '
        f'xsi:schemaLocation="{_SCHEMA_LOCATION}">',
        " <Activities>",
        f'  <Activity Sport="{tcx_sport(activity.sport)}">',
        f"   <Id>{utc_time(start_of(activity))}</Id>",
    ]
    for i, (lap, span) in enumerate(zip(laps, spans, strict=True)):
        lap_start = utc_time(start_of(activity) + timedelta(seconds=lap.start))
        lines.append(f'   <Lap StartTime="{lap_start}">')
        lines += _lap_head(lap, span, running)
        mine = np.flatnonzero(lap_of == i)
        if len(mine):
            tracks = track_of[mine]
            breaks = [0, *(np.flatnonzero(np.diff(tracks)) + 1).tolist(), len(mine)]
            for a, b in itertools.pairwise(breaks):
                lines.append("    <Track>")
                lines += [points[k] for k in mine[a:b].tolist()]
                lines.append("    </Track>")
        lines += _lap_extensions(lap, running)
        lines.append("   </Lap>")
    if activity.notes:
        lines.append(f"   <Notes>{xml_text(activity.notes)}</Notes>")
    lines += _creator(activity)
    lines += ["  </Activity>", " </Activities>", *_author(), "</TrainingCenterDatabase>", ""]
    return "\n".join(lines).encode("utf-8")
