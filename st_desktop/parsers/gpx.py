"""GPX 1.0/1.1 tracks into an :class:`Activity`.

Every extension the real files use is read, whatever its namespace prefix or version: Garmin's
TrackPointExtension (hr, cad, atemp, speed), Strava's ``<power>``, Apple's and Urban Biker's
``<PowerInWatts>``, Suunto/Movescount ``gpxdata`` (hr, temp, cadence), and several
``<extensions>`` blocks on one point. GPX has no timer, so pauses are the gaps of a minute or
more between points (see :func:`st_desktop.parsers.summary.infer_pauses`); each track segment
after the first also starts after a pause.

A GPX without timed track points is not an activity: a planned route (``<rte>``), waypoints, or a
track drawn on a map cannot be uploaded as a workout, and the error says which one it is.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
from lxml import etree

from st_desktop.domain.activity import Activity
from st_desktop.parsers import gpx_stream
from st_desktop.parsers.assemble import RawActivity, assemble
from st_desktop.parsers.context import ParseContext
from st_desktop.parsers.errors import NoActivityDataError
from st_desktop.parsers.gpx_stream import GPX_NAMES, GpxRead, read_gpx_stream
from st_desktop.parsers.segments import parts_from_counts
from st_desktop.parsers.sports import text_sport_type
from st_desktop.parsers.xmlsafe import (
    collect_points,
    local_name,
    parse_times,
    parse_xml,
)

NO_TIMES = (
    "This GPX file has no track points with times (it looks like a route drawn on a map), so it "
    "cannot be uploaded as an activity."
)


def _children(element: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in element if local_name(c.tag) == name]


def parse_gpx(data: bytes, context: ParseContext | None = None) -> Activity:
    """Read the tracks of a GPX file into one Activity (a large file is read as a stream).

    Raises:
        NoActivityDataError: no timed track points (route, waypoints or an untimed track).
        MalformedXmlError, UnsafeXmlError: see :func:`st_desktop.parsers.xmlsafe.parse_xml`.
    """
    read = read_gpx_stream(data) if len(data) > gpx_stream.STREAM_BYTES else read_gpx_tree(data)
    return _activity(read, context)


def read_gpx_tree(data: bytes) -> GpxRead:
    """Read a GPX file as a tree (the faster way for files of ordinary size)."""
    root, warnings = parse_xml(data, "GPX")
    tracks = _children(root, "trk")
    read = GpxRead(creator=root.get("creator"), warnings=warnings)
    segments = []
    for number, track in enumerate(tracks):
        for segment in _children(track, "trkseg"):
            segments.append(segment)
            read.segment_tracks.append(number)
    # The track's own texts, in one pass over its children (the first non-blank one of each).
    for child in tracks[0] if tracks else ():
        name = local_name(child.tag)
        if name not in read.texts and name in ("name", "type", "desc"):
            text = child.text
            if text and text.strip():
                read.texts[name] = text.strip()
    metadata = _children(root, "metadata")
    read.metadata_name = _first_text_child(metadata[0], "name") if metadata else None
    if next(root.iter("{*}trkpt"), None) is None:
        read.has_route_points = next(root.iter("{*}rtept"), None) is not None
        read.has_waypoints = next(root.iter("{*}wpt"), None) is not None
        return read
    read.has_points = True
    if next(root.iter("{*}time"), None) is None:  # a drawn track: no need to read the points
        return read
    read.has_times = True
    time_texts, read.columns, read.per_segment = collect_points(
        segments, "trkpt", GPX_NAMES, attributes=("lat", "lon")
    )
    read.times, read.first = parse_times(time_texts)
    return read


def _activity(read: GpxRead, context: ParseContext | None) -> Activity:
    if not read.has_points:
        if read.has_route_points:
            raise NoActivityDataError(
                "This GPX file holds a planned route, not a recorded activity, so it cannot be "
                "uploaded as a workout."
            )
        if read.has_waypoints:
            raise NoActivityDataError(
                "This GPX file holds only waypoints, not a recorded activity."
            )
        raise NoActivityDataError("This GPX file has no track points.")
    if not read.has_times:
        raise NoActivityDataError(NO_TIMES)
    times, columns, first, warnings = read.times, read.columns, read.first, read.warnings
    count = len(times)
    if not count:
        raise NoActivityDataError("This GPX file has no track points.")
    timed = np.isfinite(times)
    timed_count = int(np.count_nonzero(timed))
    if not timed_count:
        raise NoActivityDataError(NO_TIMES)
    if timed_count < count:
        warnings.append(f"{count - timed_count} track points without a time were left out.")
    # Each track segment is a part of the recording (a device starts a new segment when its
    # timer restarts): the breaks between them are pauses, never distance.
    parts = parts_from_counts(read.per_segment, count)
    tracks = read.segment_tracks if len(set(read.segment_tracks)) > 1 else None

    creator = read.creator
    name = read.texts.get("name") or read.metadata_name
    sport_text = read.texts.get("type")
    offset = first.utcoffset() if first is not None else None
    return assemble(
        RawActivity(
            format="GPX",
            times=times[timed] if timed_count < count else times,
            columns={
                k: v[timed] if timed_count < count else v
                for k, v in columns.items()
                if len(v) == count
            },
            sport=text_sport_type(sport_text) if sport_text else _guess_sport(name),
            timer_known=False,
            utc_offset=offset if offset != timedelta(0) else None,
            name=name,
            notes=read.texts.get("desc"),
            device=creator.strip() if creator and creator.strip() else None,
            warnings=warnings,
            parts=parts[timed] if timed_count < count else parts,
            part_groups=tracks,
            part_word="segment",
            group_word="track" if tracks else "segment",
        ),
        context,
    )


def _first_text_child(element: etree._Element, name: str) -> str | None:
    for child in _children(element, name):
        text = child.text
        if text and text.strip():
            stripped: str = text.strip()
            return stripped
    return None


def _guess_sport(name: str | None) -> str:
    """Apps without ``<type>`` often name the track after the sport ("Morning Ride")."""
    return text_sport_type(name) if name else "Other"
