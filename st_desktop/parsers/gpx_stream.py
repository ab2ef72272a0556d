"""Large GPX files read as a stream: memory grows with the samples, never with the XML tree.

A GPX tree costs libxml2 about 15 times the file's size (a 177 MB file needed 3 GB). Above
:data:`STREAM_BYTES` the file is read with ``lxml.etree.iterparse`` instead: each ``<trkpt>``
is read when it ends and then cleared and dropped, and its values go into short lists that are
turned into numpy columns every :data:`CHUNK_POINTS` points. The result is the same
:class:`GpxRead` as the tree walk gives (the tests check the two agree on every corpus file).
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
from lxml import etree

from st_desktop.domain.activity import FloatArray
from st_desktop.parsers.errors import MalformedXmlError
from st_desktop.parsers.xmlsafe import (
    PARSER_OPTIONS,
    check_dtd,
    local_name,
    parse_times,
    recovered_warning,
    refuse_entities,
    xml_body,
)

_log = logging.getLogger(__name__)

#: GPX files larger than this are streamed (smaller ones are faster to read as a tree).
STREAM_BYTES = 8 * 1024 * 1024
#: Points gathered in Python lists before they become numpy arrays.
CHUNK_POINTS = 65_536
#: Local element names inside a ``<trkpt>`` -> stream.
GPX_NAMES: dict[str, str] = {
    "time": "time",
    "ele": "elevation",
    "hr": "heartrate",
    "heartrate": "heartrate",
    "heart_rate": "heartrate",
    "cad": "cadence",
    "cadence": "cadence",
    "power": "power",
    "powerinwatts": "power",
    "watts": "power",
    "atemp": "temperature",
    "temp": "temperature",
    "temperature": "temperature",
    "speed": "speed",
}


_TAGS = ("{*}trkpt", "{*}trkseg", "{*}trk", "{*}rtept", "{*}wpt", "{*}metadata")


@dataclass
class GpxRead:
    """What a GPX file holds, read by the tree walk or the stream.

    Attributes:
        times: Unix seconds of each track point (NaN without a readable time).
        columns: stream name -> values, one per point (NaN where absent).
        first: the first readable time as written (its UTC offset, if any, kept).
        per_segment: points in each ``<trkseg>`` in file order.
        segment_tracks: the ``<trk>`` (0, 1, ...) each segment belongs to.
        texts: the first track's ``name``, ``type`` and ``desc``.
        metadata_name: ``<metadata><name>``.
        creator: the root's ``creator`` attribute.
        has_points, has_times, has_route_points, has_waypoints: what the file holds at all.
        warnings: for the user.
    """

    times: FloatArray = field(default_factory=lambda: np.empty(0))
    columns: dict[str, FloatArray] = field(default_factory=dict)
    first: datetime | None = None
    per_segment: list[int] = field(default_factory=list)
    segment_tracks: list[int] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    metadata_name: str | None = None
    creator: str | None = None
    has_points: bool = False
    has_times: bool = False
    has_route_points: bool = False
    has_waypoints: bool = False
    warnings: list[str] = field(default_factory=list)


class _Columns:
    """Point values in short lists, turned into arrays chunk by chunk."""

    def __init__(self, names: dict[str, str]) -> None:
        self.names = names
        self.streams = sorted({name for name in names.values() if name != "time"} | {"lat", "lon"})
        self.chunks: dict[str, list[FloatArray]] = {name: [] for name in self.streams}
        self.time_chunks: list[FloatArray] = []
        self.first: datetime | None = None
        self._reset()

    def _reset(self) -> None:
        self.count = 0
        self.texts: list[str | None] = []
        self.found: dict[str, tuple[list[int], list[float]]] = {
            name: ([], []) for name in self.streams
        }

    def flush(self) -> None:
        if not self.count:
            return
        times, first = parse_times(self.texts)
        if self.first is None:
            self.first = first
        self.time_chunks.append(times)
        for name, (at, numbers) in self.found.items():
            column = np.empty(self.count, dtype=np.float64)
            column.fill(np.nan)
            if at:
                column[at] = numbers
            self.chunks[name].append(column)
        self._reset()

    def result(self) -> tuple[FloatArray, dict[str, FloatArray]]:
        self.flush()
        times = np.concatenate(self.time_chunks) if self.time_chunks else np.empty(0)
        columns = {}
        for name, parts in self.chunks.items():
            column = np.concatenate(parts) if parts else np.empty(0)
            parts.clear()
            if np.isfinite(column).any():
                columns[name] = column
        return times, columns


def read_gpx_stream(data: bytes) -> GpxRead:
    """Read a GPX file with ``iterparse`` (see the module docstring).

    Raises:
        UnsafeXmlError: the document declares entities.
        MalformedXmlError: not even the recovering parser found a document.
    """
    refuse_entities(data, "GPX")
    body, warnings = xml_body(data, "GPX")
    try:
        read = _stream(body, GPX_NAMES, recover=False)
    except etree.XMLSyntaxError as exc:
        _log.info("GPX not well formed (%s); reading it again, recovering", exc)
        try:
            read = _stream(body, GPX_NAMES, recover=True)
        except etree.XMLSyntaxError:
            read = GpxRead()
        if not read.has_points and not read.texts and read.creator is None:
            raise MalformedXmlError(
                "This GPX file is not valid XML and nothing in it could be read.",
                detail=str(exc),
            ) from None
        line = getattr(exc, "lineno", None)
        read.warnings.append(recovered_warning("GPX", f" (line {line})" if line else ""))
    read.warnings[:0] = warnings
    return read


def _stream(body: bytes, names: dict[str, str], recover: bool) -> GpxRead:
    read = GpxRead()
    columns = _Columns(names)
    cache: dict[object, str | None] = {}
    segment_points = 0
    track = 0
    checked = False
    events = etree.iterparse(
        io.BytesIO(body), events=("end",), tag=_TAGS, recover=recover, **PARSER_OPTIONS
    )
    for _, element in events:
        if not checked:
            tree = element.getroottree()
            check_dtd(tree, "GPX")
            read.creator = tree.getroot().get("creator")
            checked = True
        name = local_name(element.tag)
        if name == "trkpt":
            _point(element, columns, cache, read)
            segment_points += 1
        elif name == "trkseg":
            parent = element.getparent()
            if track == 0 and not read.texts and parent is not None:
                read.texts = _track_texts(parent)  # before _drop frees the name beside it
            read.per_segment.append(segment_points)
            read.segment_tracks.append(track)
            segment_points = 0
        elif name == "trk":
            if not read.texts and track == 0:
                read.texts = _track_texts(element)
            track += 1
        elif name == "rtept":
            read.has_route_points = True
        elif name == "wpt":
            read.has_waypoints = True
        elif name == "metadata" and read.metadata_name is None:
            read.metadata_name = _first_text(element, "name")
        _drop(element)
    if segment_points:  # points outside any <trkseg> (recovered damage)
        read.per_segment.append(segment_points)
        read.segment_tracks.append(track)
    read.times, read.columns = columns.result()
    read.first = columns.first
    read.has_points = bool(len(read.times))
    read.has_times = read.has_times or bool(np.isfinite(read.times).any())
    return read


def _point(
    element: etree._Element,
    columns: _Columns,
    cache: dict[object, str | None],
    read: GpxRead,
) -> None:
    index = columns.count
    columns.count += 1
    columns.texts.append(None)
    found = columns.found
    for attribute in ("lat", "lon"):
        text = element.get(attribute)
        if text is not None:
            try:
                number = float(text)
            except ValueError:
                continue
            at, numbers = found[attribute]
            at.append(index)
            numbers.append(number)
    for child in element.iterdescendants():
        tag = child.tag
        try:
            name = cache[tag]
        except KeyError:
            local = local_name(tag)
            name = cache[tag] = columns.names.get(local) if local else None
        if name is None:
            continue
        text = child.text
        if not text:
            continue
        if name == "time":
            columns.texts[index] = text
            read.has_times = True
            continue
        try:
            number = float(text)
        except ValueError:
            continue
        at, numbers = found[name]
        if at and at[-1] == index:
            numbers[-1] = number  # a second value in one point (two extensions): last wins
        else:
            at.append(index)
            numbers.append(number)
    if columns.count >= CHUNK_POINTS:
        columns.flush()


def _drop(element: etree._Element) -> None:
    """Free a read element and the siblings before it (the tree never grows)."""
    element.clear(keep_tail=False)
    parent = element.getparent()
    if parent is not None:
        while element.getprevious() is not None:
            del parent[0]


def _track_texts(track: etree._Element) -> dict[str, str]:
    texts: dict[str, str] = {}
    for child in track:
        name = local_name(child.tag)
        if name in ("name", "type", "desc") and name not in texts:
            text = child.text
            if text and text.strip():
                texts[name] = text.strip()
    return texts


def _first_text(element: etree._Element, name: str) -> str | None:
    for child in element:
        if local_name(child.tag) == name and child.text and child.text.strip():
            text: str = child.text.strip()
            return text
    return None
