"""Safe, forgiving XML reading for GPX and TCX, and a fast walk over their points.

Safety: entity declarations are refused before parsing (activity files never declare entities;
that is how "billion laughs" and external-entity attacks start), and the parser itself neither
resolves entities, loads DTDs, touches the network, nor lifts libxml2's size limits.

Forgiveness: whitespace before the XML declaration is dropped; a document that is not well
formed is read again with libxml2's recovering parser, and the activity says so in a warning.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from datetime import UTC, datetime

import numpy as np
from lxml import etree

from st_desktop.domain.activity import FloatArray
from st_desktop.domain.timeutil import TimestampError, parse_timestamp
from st_desktop.parsers.errors import MalformedXmlError, UnsafeXmlError

_log = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def local_name(tag: object) -> str | None:
    """``"{ns}Trackpoint"`` or ``"gpx:hr"`` -> ``"trackpoint"`` / ``"hr"``; None if no element."""
    if not isinstance(tag, str):
        return None
    name = tag.rpartition("}")[2]
    return name.rpartition(":")[2].lower()


def parse_xml(data: bytes, kind: str) -> tuple[etree._Element, list[str]]:
    """Parse an activity XML document safely; recover what a broken one holds.

    Args:
        data: the file's bytes.
        kind: "GPX" or "TCX", for messages.

    Returns:
        The root element and warnings for the user.

    Raises:
        UnsafeXmlError: the document declares entities.
        MalformedXmlError: not even the recovering parser found a document.
    """
    warnings: list[str] = []
    if b"<!ENTITY" in data:
        raise UnsafeXmlError(
            f"This {kind} file declares XML entities, which activity files never do; "
            "it was not read, to be safe."
        )
    body = data[3:] if data.startswith(_BOM) else data
    stripped = body.lstrip()
    if len(stripped) != len(body) and stripped.startswith(b"<?xml"):
        warnings.append(
            f"This {kind} file has blank space before its XML declaration, which is not allowed; "
            "it was ignored."
        )
        body = stripped
    try:
        root = etree.fromstring(body, _parser(recover=False))
    except etree.XMLSyntaxError as exc:
        _log.info("XML not well formed (%s); recovering", exc)
        try:
            root = etree.fromstring(body, _parser(recover=True))
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise MalformedXmlError(
                f"This {kind} file is not valid XML and nothing in it could be read.",
                detail=str(exc),
            ) from exc
        line = getattr(exc, "lineno", None)
        where = f" (line {line})" if line else ""
        warnings.append(
            f"This {kind} file is not well-formed XML{where}; the readable part was recovered, "
            "check that nothing is missing."
        )
    return root, warnings


def parse_times(texts: list[str | None]) -> tuple[FloatArray, datetime | None]:
    """ISO 8601 texts -> Unix seconds (NaN where missing or unreadable), and the first time.

    Texts without an offset are taken as UTC, as GPX and TCX require.
    """
    out = np.full(len(texts), np.nan)
    first: datetime | None = None
    for i, text in enumerate(texts):
        if not text:
            continue
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            try:
                moment = parse_timestamp(text)
            except TimestampError:
                continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if first is None:
            first = moment
        out[i] = moment.timestamp()
    return out, first


def collect_points(
    points: Iterable[etree._Element],
    names: dict[str, str],
    attributes: tuple[str, ...] = (),
) -> tuple[list[str | None], dict[str, FloatArray], int]:
    """Read every point's values in one pass over its descendants.

    Args:
        points: the point elements (``trkpt``, ``Trackpoint``).
        names: lower-case local element name -> stream name (``"time"`` for the time text).
            Namespaces do not matter, so every version and prefix of an extension is read, and
            values from several ``<extensions>`` blocks of one point are all found.
        attributes: stream names read from the point's own attributes (``lat``, ``lon``).

    Returns:
        Time texts, stream columns (NaN where absent), and the number of points.
    """
    tag_cache: dict[object, str | None] = {}
    times: list[str | None] = []
    # stream -> [(point index, value)]: one append per value, arrays are built once at the end.
    sinks: dict[str, list[tuple[int, float]]] = {}
    index = -1
    for index, point in enumerate(points):
        times.append(None)
        for attr in attributes:
            value = point.get(attr)
            if value is not None:
                with contextlib.suppress(ValueError):
                    sinks.setdefault(attr, []).append((index, float(value)))
        for element in point.iter():
            tag = element.tag
            try:
                name = tag_cache[tag]
            except KeyError:
                local = local_name(tag)
                name = names.get(local) if local else None
                tag_cache[tag] = name
            if name is None:
                continue
            text = element.text
            if not text:
                continue
            if name == "time":
                times[index] = text
                continue
            try:
                number = float(text)
            except ValueError:
                continue
            sink = sinks.get(name)
            if sink is None:
                sink = sinks[name] = []
            sink.append((index, number))
    count = index + 1
    arrays: dict[str, FloatArray] = {}
    for name, pairs in sinks.items():
        array = np.full(count, np.nan)
        if pairs:
            table = np.array(pairs, dtype=np.float64)
            array[table[:, 0].astype(np.int64)] = table[:, 1]
        arrays[name] = array
    return times, arrays, count
