"""Entity declarations are refused in every encoding an XML parser reads, with the same sentence."""

from __future__ import annotations

import codecs

import pytest

from st_desktop.parsers import detect_format, parse_bytes
from st_desktop.parsers.errors import UnsafeXmlError
from st_desktop.parsers.xmlsafe import declares_entities, detect_encoding

LAUGHS = (
    '<?xml version="1.0" encoding="{encoding}"?>\n'
    "<!DOCTYPE gpx [\n"
    '  <!ENTITY lol "lol">\n'
    + "".join(
        f'  <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
    '<gpx version="1.1" creator="x"><trk><name>&lol9;</name><trkseg>'
    '<trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt>'
    "</trkseg></trk></gpx>"
)
REFUSAL = (
    "This GPX file declares XML entities, which activity files never do; "
    "it was not read, to be safe."
)


def _encoded(codec: str, bom: bytes, declared: str) -> bytes:
    return bom + LAUGHS.format(encoding=declared).encode(codec)


CASES = {
    "utf-16-le with BOM": _encoded("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16"),
    "utf-16-be with BOM": _encoded("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16"),
    "utf-16-le without BOM": _encoded("utf-16-le", b"", "UTF-16LE"),
    "utf-16-be without BOM": _encoded("utf-16-be", b"", "UTF-16BE"),
    "utf-32-le with BOM": _encoded("utf-32-le", codecs.BOM_UTF32_LE, "UTF-32"),
    "utf-32-be without BOM": _encoded("utf-32-be", b"", "UTF-32BE"),
    "utf-8": _encoded("utf-8", b"", "UTF-8"),
    "latin-1 declared": _encoded("latin-1", b"", "ISO-8859-1"),
    "EBCDIC declared": _encoded("cp500", b"", "IBM500"),
}


@pytest.mark.parametrize("data", CASES.values(), ids=CASES.keys())
def test_billion_laughs_is_refused_in_every_encoding(data: bytes) -> None:
    assert declares_entities(data)
    with pytest.raises(UnsafeXmlError) as info:
        parse_bytes(data)
    assert str(info.value) == REFUSAL


@pytest.mark.parametrize(
    ("codec", "bom", "expected"),
    [
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("utf-32-le", b"", "utf-32-le"),
        ("utf-32-be", codecs.BOM_UTF32_BE, "utf-32-be"),
        ("utf-8", codecs.BOM_UTF8, "utf-8"),
    ],
)
def test_encoding_is_found_as_an_xml_parser_finds_it(codec: str, bom: bytes, expected: str) -> None:
    data = bom + '<?xml version="1.0"?><gpx/>'.encode(codec)
    assert detect_encoding(data) == (expected, len(bom))
    assert detect_format(data) == "GPX"


def test_a_declared_single_byte_encoding_is_used() -> None:
    data = b'<?xml version="1.0" encoding="windows-1252"?><gpx/>'
    assert detect_encoding(data) == ("cp1252", 0)


def test_utf16_activity_without_entities_is_read() -> None:
    text = (
        '<?xml version="1.0" encoding="UTF-16"?><gpx version="1.1" creator="t">'
        "<trk><name>Überfahrt</name><trkseg>"
        '<trkpt lat="46.0" lon="7.0"><time>2020-01-01T10:00:00Z</time></trkpt>'
        '<trkpt lat="46.001" lon="7.0"><time>2020-01-01T10:00:05Z</time></trkpt>'
        "</trkseg></trk></gpx>"
    )
    activity = parse_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert activity.name == "Überfahrt"
    assert len(activity.streams) == 2
