"""Synthetic GPX for tests: tracks of segments of timed points, written exactly as asked."""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

#: (Unix seconds, lat, lon) of one point.
Point = tuple[float, float, float]


def at(text: str) -> float:
    """Unix seconds of an ISO time (``"2020-06-01T09:10:00Z"``)."""
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()


def iso(unix: float) -> str:
    """The GPX time text of Unix seconds (UTC, ``Z``; any year, 1901 included)."""
    moment = datetime(1970, 1, 1, tzinfo=UTC) + timedelta(seconds=unix)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def moving(
    start: float, lat: float, lon: float, seconds: int, step: int = 10, speed: float = 5.0
) -> list[Point]:
    """Points every ``step`` seconds for ``seconds``, heading north at ``speed`` m/s."""
    degrees_per_metre = 1 / 111_195.0
    return [
        (start + t, lat + t * speed * degrees_per_metre, lon) for t in range(0, seconds + 1, step)
    ]


def east(lat: float, lon: float, metres: float) -> tuple[float, float]:
    """The position ``metres`` east of (lat, lon)."""
    return lat, lon + metres / (111_195.0 * math.cos(math.radians(lat)))


def gpx(tracks: list[list[list[Point]]], sport: str = "cycling") -> bytes:
    """A GPX file of tracks, each a list of segments, each a list of points."""
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<gpx version="1.1" creator="gpxcraft" xmlns="http://www.topografix.com/GPX/1/1">'
    ]
    for number, track in enumerate(tracks):
        parts.append(f"<trk><name>Track {number + 1}</name><type>{sport}</type>")
        for segment in track:
            parts.append("<trkseg>")
            parts.extend(
                f'<trkpt lat="{lat:.7f}" lon="{lon:.7f}"><time>{iso(t)}</time></trkpt>'
                for t, lat, lon in segment
            )
            parts.append("</trkseg>")
        parts.append("</trk>")
    parts.append("</gpx>")
    return "".join(parts).encode()
