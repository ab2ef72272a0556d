"""A tiny zip writer for tests: raw member names, flags, methods and CRCs that zipfile won't write.

zipfile writes only well-behaved archives (names it encodes itself, real CRCs, supported
methods); the archive reader must cope with what other tools and attackers write, so the tests
build those bytes here.
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass

UTF8_FLAG = 0x800
ENCRYPTED_FLAG = 0x1


@dataclass
class RawMember:
    """One member as it is written: ``name`` and ``data`` as bytes, everything else as given."""

    name: bytes
    data: bytes = b""
    flags: int = 0
    method: int = zipfile.ZIP_STORED
    version: int = 20
    crc: int | None = None
    payload: bytes | None = None  # the packed bytes; computed from data when None


def packed(data: bytes, method: int) -> bytes:
    """``data`` packed with a method this writer knows (stored or deflated); else as it is."""
    if method == zipfile.ZIP_DEFLATED:
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        return compressor.compress(data) + compressor.flush()
    return data


def build_zip(members: list[RawMember]) -> bytes:
    """A zip archive of the members, exactly as described (nothing validated)."""
    out = bytearray()
    central = bytearray()
    for member in members:
        payload = (
            member.payload if member.payload is not None else packed(member.data, member.method)
        )
        crc = zlib.crc32(member.data) if member.crc is None else member.crc
        offset = len(out)
        fields = (member.flags, member.method, 0, 0x21, crc, len(payload), len(member.data))
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, member.version, *fields, len(member.name), 0)
        out += member.name + payload
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            20,
            member.version,
            *fields,
            len(member.name),
            0,
            0,
            0,
            0,
            0,
            offset,
        )
        central += member.name
    count = len(members)
    directory = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), directory, 0)
    return bytes(out)


def simple_zip(files: dict[str, bytes]) -> bytes:
    """A deflated zip of ``name -> data`` written by zipfile itself."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()
