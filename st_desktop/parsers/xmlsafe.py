"""Safe, forgiving XML reading for GPX and TCX, and a fast walk over their points.

Safety: entity declarations are refused before parsing (activity files never declare entities;
that is how "billion laughs" and external-entity attacks start), whatever the document's encoding
(UTF-8, UTF-16 and UTF-32 with or without a byte order mark, or the one its XML declaration names,
found the way an XML parser finds it); the parsed document's DTD is checked again for entities, in
case libxml2 read an encoding Python does not know. The parser itself neither resolves entities,
loads DTDs, touches the network, nor lifts libxml2's size limits.

Forgiveness: whitespace before the XML declaration is dropped; a document that is not well
formed is read again with libxml2's recovering parser, and the activity says so in a warning.
"""

from __future__ import annotations

import codecs
import logging
import math
import re
from collections.abc import Iterable
from datetime import UTC, datetime

import numpy as np
from lxml import etree

from st_desktop.domain.activity import FloatArray
from st_desktop.domain.timeutil import TimestampError, parse_timestamp
from st_desktop.parsers.errors import MalformedXmlError, UnsafeXmlError

_log = logging.getLogger(__name__)

_BOM = b"\xef\xbb\xbf"

#: Options of every XML parser we create (tree and streaming alike).
PARSER_OPTIONS: dict[str, bool] = {
    "resolve_entities": False,
    "no_network": True,
    "huge_tree": False,
    "load_dtd": False,
    "dtd_validation": False,
    "remove_comments": True,
    "remove_pis": True,
    # Whitespace between elements is never a value; not building it is a tenth faster.
    "remove_blank_text": True,
}

#: Byte order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: The first four bytes of a document without a mark that starts with "<" or "<?" (XML 1.0,
#: appendix F), and the encoding family they give away.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00<\x00?", "utf-16-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x4c\x6f\xa7\x94", "cp500"),  # EBCDIC "<?xm"
)
_DECLARED_RE = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")
#: Encodings in which "<!ENTITY" is always the same bytes: searched for without decoding.
_FIXED_WIDTH = frozenset({"utf-8", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"})
_ENTITY = "<!ENTITY"


def detect_encoding(data: bytes) -> tuple[str, int]:
    """The encoding of an XML document as an XML parser finds it, and the length of its BOM.

    A byte order mark wins; then the byte pattern of the opening ``<?`` (UTF-16/32 without a
    mark, EBCDIC); then the encoding the XML declaration names; UTF-8 otherwise. A name Python
    does not know is returned as it is (``codecs.lookup`` fails on it).
    """
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    head = data[:4]
    for signature, name in _SIGNATURES:
        if head == signature:
            return name, 0
    if head[:2] in (b"\x00<", b"<\x00") or b"\x00" in data[:64]:
        # Blank space or a lone "<" before the declaration: still 16 or 32 bits per character.
        zeros_even = data[:64:2].count(0)
        zeros_odd = data[1:64:2].count(0)
        if zeros_even > zeros_odd:
            return ("utf-32-be" if data[:64:4].count(0) == len(data[:64:4]) else "utf-16-be"), 0
        if zeros_odd > zeros_even:
            return ("utf-32-le" if data[3:64:4].count(0) == len(data[3:64:4]) else "utf-16-le"), 0
    match = _DECLARED_RE.match(data[:512])
    if match:
        declared = match.group(1).decode("ascii").lower()
        try:
            name = codecs.lookup(declared).name
        except LookupError:
            return declared, 0
        # A UTF-16/32 document with a declaration but no mark cannot be read as one: the
        # declaration was just matched as single bytes, so the text is ASCII-compatible.
        return ("utf-8" if name.startswith(("utf-16", "utf-32")) else name), 0
    return "utf-8", 0


def declares_entities(data: bytes) -> bool:
    """True when the document's text, in its own encoding, holds an ``<!ENTITY`` declaration.

    Errs on the side of refusing: the UTF-8 spelling is looked for in every document too.
    """
    if _ENTITY.encode("ascii") in data:
        return True
    encoding, bom = detect_encoding(data)
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        # libxml2 may know it (iconv); the check of the parsed DTD catches what this misses.
        return False
    if info.name in _FIXED_WIDTH:
        return _ENTITY.encode(info.name) in data
    try:
        return _ENTITY in data[bom:].decode(info.name, "replace")
    except (UnicodeError, ValueError, TypeError):  # a codec that is not a text encoding
        return True


def refuse_entities(data: bytes, kind: str) -> None:
    """Raise :class:`UnsafeXmlError` when the document declares entities (see the module doc)."""
    if declares_entities(data):
        raise UnsafeXmlError(_unsafe_message(kind))


def check_dtd(tree: etree._ElementTree, kind: str) -> None:
    """Raise :class:`UnsafeXmlError` when a parsed document's internal DTD declares entities."""
    dtd = tree.docinfo.internalDTD
    if dtd is not None and next(iter(dtd.iterentities()), None) is not None:
        raise UnsafeXmlError(_unsafe_message(kind))


def _unsafe_message(kind: str) -> str:
    return (
        f"This {kind} file declares XML entities, which activity files never do; "
        "it was not read, to be safe."
    )


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(**PARSER_OPTIONS, recover=recover)


#: Tag lookups are cached (tags repeat within and across files); a file of made-up tags must
#: not make a cache grow without end.
_TAG_CACHE_LIMIT = 4096
_LOCAL_NAMES: dict[str, str] = {}


def local_name(tag: object) -> str | None:
    """``"{ns}Trackpoint"`` or ``"gpx:hr"`` -> ``"trackpoint"`` / ``"hr"``; None if no element."""
    if not isinstance(tag, str):
        return None
    name = _LOCAL_NAMES.get(tag)
    if name is None:
        if len(_LOCAL_NAMES) > _TAG_CACHE_LIMIT:
            _LOCAL_NAMES.clear()
        name = _LOCAL_NAMES[tag] = tag.rpartition("}")[2].rpartition(":")[2].lower()
    return name


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
    refuse_entities(data, kind)
    body, warnings = xml_body(data, kind)
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
        warnings.append(recovered_warning(kind, where))
    check_dtd(root.getroottree(), kind)
    return root, warnings


def xml_body(data: bytes, kind: str) -> tuple[bytes, list[str]]:
    """The bytes to hand to libxml2 (a UTF-8 BOM and blank space before ``<?xml`` dropped)."""
    warnings: list[str] = []
    body = data[3:] if data.startswith(_BOM) else data
    stripped = body.lstrip()
    if len(stripped) != len(body) and stripped.startswith(b"<?xml"):
        warnings.append(
            f"This {kind} file has blank space before its XML declaration, which is not allowed; "
            "it was ignored."
        )
        body = stripped
    return body, warnings


def recovered_warning(kind: str, where: str) -> str:
    """The warning of a document read by the recovering parser (``where``: " (line 12)")."""
    return (
        f"This {kind} file is not well-formed XML{where}; the readable part was recovered, "
        "check that nothing is missing."
    )


def parse_times(texts: list[str | None]) -> tuple[FloatArray, datetime | None]:
    """ISO 8601 texts -> Unix seconds (NaN where missing or unreadable), and the first time.

    Texts without an offset are taken as UTC, as GPX and TCX require.
    """
    nan = math.nan
    out: list[float] = []
    append = out.append
    first: datetime | None = None
    for text in texts:
        if not text:
            append(nan)
            continue
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            try:
                moment = parse_timestamp(text)
            except TimestampError:
                append(nan)
                continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        if first is None:
            first = moment
        append(moment.timestamp())
    return np.array(out, dtype=np.float64), first


#: (names mapping, point name) -> {tag: stream name, "" for the point itself, None to skip}.
#: Tags repeat across files (a device writes the same ones), so the lookups are kept.
_TAG_CACHES: dict[tuple[int, str], dict[object, str | None]] = {}


def _tag_cache(names: dict[str, str], point: str) -> dict[object, str | None]:
    key = (id(names), point)
    cache = _TAG_CACHES.get(key)
    if cache is None or len(cache) > _TAG_CACHE_LIMIT:
        cache = _TAG_CACHES[key] = {}
    return cache


def collect_points(
    containers: Iterable[etree._Element],
    point: str,
    names: dict[str, str],
    attributes: tuple[str, ...] = (),
) -> tuple[list[str | None], dict[str, FloatArray], list[int]]:
    """Read every point's values in one pass over each container (track segment, track).

    The walk is the hot path of GPX and TCX reading: one flat pass per container, one cached
    dictionary lookup per element, values appended to flat lists and turned into arrays once.

    Args:
        containers: elements holding the points (``trkseg``, ``Track``) and nothing else that
            carries values; anything before a container's first point is ignored.
        point: lower-case local name of the point element (``"trkpt"``, ``"trackpoint"``).
        names: lower-case local element name -> stream name (``"time"`` for the time text).
            Namespaces do not matter, so every version and prefix of an extension is read, and
            values from several ``<extensions>`` blocks of one point are all found.
        attributes: stream names read from the point's own attributes (``lat``, ``lon``).

    Returns:
        Time texts and stream columns (NaN where absent), one entry per point, and the number of
        points in each container.
    """
    cache = _tag_cache(names, point)
    times: list[str | None] = []
    # stream -> (indices of the points with a value, in increasing order, and the values);
    # every column exists from the start (no lookup-or-create per value), empty ones are dropped.
    found: dict[str, tuple[list[int], list[float]]] = {
        name: ([], []) for name in (*attributes, *names.values()) if name != "time"
    }
    attribute_columns = [(attr, *found[attr]) for attr in attributes]
    counts: list[int] = []
    index = -1
    for container in containers:
        first = index + 1
        index = _walk(container, index, cache, point, names, times, found, attribute_columns)
        counts.append(index + 1 - first)
    return times, _arrays(found, index + 1), counts


def _walk(
    container: etree._Element,
    index: int,
    cache: dict[object, str | None],
    point: str,
    names: dict[str, str],
    times: list[str | None],
    found: dict[str, tuple[list[int], list[float]]],
    attribute_columns: list[tuple[str, list[int], list[float]]],
) -> int:
    """Append the values of one container's points (see :func:`collect_points`).

    ``index`` is the index of the last point before the container; the index of its own last
    point is returned.
    """
    first = index + 1
    for element in container.iter():
        tag = element.tag
        try:
            name = cache[tag]
        except KeyError:
            name = cache[tag] = _stream_of(tag, point, names)
        if name is None:
            continue
        if not name:
            index += 1
            times.append(None)
            for attr, attr_at, attr_numbers in attribute_columns:
                text = element.get(attr)
                if text is not None:
                    try:
                        number = float(text)
                    except ValueError:
                        continue
                    attr_at.append(index)
                    attr_numbers.append(number)
            continue
        text = element.text
        if not text or index < first:
            continue
        if name == "time":
            times[index] = text
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
    return index


def _stream_of(tag: object, point: str, names: dict[str, str]) -> str | None:
    """What an element is: "" for the point itself, the stream it holds, or None to skip."""
    local = local_name(tag)
    return "" if local == point else names.get(local) if local else None


def _arrays(found: dict[str, tuple[list[int], list[float]]], count: int) -> dict[str, FloatArray]:
    """The columns with a value, as arrays of ``count`` values (NaN where a point had none)."""
    arrays: dict[str, FloatArray] = {}
    for name, (at, numbers) in found.items():
        if not at:
            continue
        if len(at) == count:  # a value in every point (the common case): nothing to scatter
            arrays[name] = np.array(numbers, dtype=np.float64)
            continue
        array = np.empty(count, dtype=np.float64)
        array.fill(np.nan)
        array[at] = numbers
        arrays[name] = array
    return arrays
