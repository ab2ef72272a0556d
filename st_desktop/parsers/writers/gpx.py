"""An :class:`Activity` as a GPX 1.1 track.

``metadata`` has the name and start time; one ``trk`` has the name, the notes (``desc``) and the
SportTracks type (``type``, e.g. "Cycling: Mountain", which our reader takes back as it is). A
new ``trkseg`` starts after each pause, as devices do when the timer restarts. Each ``trkpt`` has
``lat``/``lon``, ``ele`` and ``time`` (UTC), and in ``extensions`` Strava's ``<power>`` and
Garmin's ``gpxtpx:TrackPointExtension`` (v2: ``atemp``, ``hr``, ``cad``, ``speed``).

GPX holds only points with a position: samples without a GPS fix are left out, and an activity
without any position cannot be written (:class:`NoPositionsError`). Distance is not written
(GPX has no field for it; readers compute it from the positions).
"""

from __future__ import annotations

import itertools

import numpy as np
import numpy.typing as npt

from st_desktop import APP_NAME, __version__
from st_desktop.domain.activity import Activity
from st_desktop.parsers.writers.errors import NoPositionsError
from st_desktop.parsers.writers.summaries import start_of
from st_desktop.parsers.writers.xmltext import (
    decimals,
    integers,
    segment_ids,
    utc_time,
    utc_times,
    wrap,
    xml_attribute,
    xml_text,
)

GPX_NS = "http://www.topografix.com/GPX/1/1"
TPX_NS = "http://www.garmin.com/xmlschemas/TrackPointExtension/v2"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
_SCHEMA_LOCATION = (
    f"{GPX_NS} http://www.topografix.com/GPX/1/1/gpx.xsd "
    f"{TPX_NS} http://www.garmin.com/xmlschemas/TrackPointExtensionv2.xsd"
)


def _header(activity: Activity, creator: str) -> list[str]:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gpx version="1.1" creator={xml_attribute(creator)} xmlns="{GPX_NS}" '
        f'xmlns:gpxtpx="{TPX_NS}" xmlns:xsi="{XSI_NS}" xsi:schemaLocation="{_SCHEMA_LOCATION}">',
        " <metadata>",
    ]
    if activity.name:
        lines.append(f"  <name>{xml_text(activity.name)}</name>")
    lines += [f"  <time>{utc_time(start_of(activity))}</time>", " </metadata>", " <trk>"]
    if activity.name:
        lines.append(f"  <name>{xml_text(activity.name)}</name>")
    if activity.notes:
        lines.append(f"  <desc>{xml_text(activity.notes)}</desc>")
    lines.append(f"  <type>{xml_text(activity.sport)}</type>")
    return lines


def _points(activity: Activity, keep: npt.NDArray[np.bool_]) -> list[str]:
    """One ``<trkpt>`` text per kept sample."""
    s = activity.streams
    lon = np.where(s.lon >= 180.0, s.lon - 360.0, s.lon)
    heads = [
        f'   <trkpt lat="{a}" lon="{b}">'
        for a, b in zip(decimals(s.lat[keep], 8), decimals(lon[keep], 8), strict=True)
    ]
    ele = wrap("ele", decimals(s.elevation[keep], 2))
    times = wrap("time", utc_times(start_of(activity), s.time[keep]))
    power = wrap("power", integers(s.power[keep], 0, 65535))
    tpx = [
        wrap("gpxtpx:atemp", decimals(s.temperature[keep], 1)),
        wrap("gpxtpx:hr", integers(s.heartrate[keep], 1, 255)),
        wrap("gpxtpx:cad", integers(s.cadence[keep], 0, 254)),
        wrap("gpxtpx:speed", decimals(s.speed[keep], 3)),
    ]
    points: list[str] = []
    append = points.append
    for head, e, t, p, *garmin in zip(heads, ele, times, power, *tpx, strict=True):
        inner = "".join(garmin)
        if inner:
            inner = f"<gpxtpx:TrackPointExtension>{inner}</gpxtpx:TrackPointExtension>"
        ext = f"<extensions>{p}{inner}</extensions>" if p or inner else ""
        append(f"{head}{e}{t}{ext}</trkpt>")
    return points


def write_gpx(activity: Activity, *, creator: str = f"{APP_NAME} {__version__}") -> bytes:
    """Encode ``activity`` as a GPX 1.1 file (UTF-8).

    Raises:
        NoPositionsError: the activity has no sample with a position.
    """
    s = activity.streams
    keep = np.isfinite(s.lat) & np.isfinite(s.lon) & np.isfinite(s.time)
    if not keep.any():
        raise NoPositionsError()
    lines = _header(activity, creator)
    segments = segment_ids(s.time[keep], activity.pauses)
    points = _points(activity, keep)
    breaks = np.flatnonzero(np.diff(segments)) + 1
    bounds = [0, *breaks.tolist(), len(points)]
    for begin, end in itertools.pairwise(bounds):
        lines.append("  <trkseg>")
        lines += points[begin:end]
        lines.append("  </trkseg>")
    lines += [" </trk>", "</gpx>", ""]
    return "\n".join(lines).encode("utf-8")
