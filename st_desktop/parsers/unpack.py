"""Bounded unpacking for :mod:`st_desktop.parsers.archive`: capped reads, zip opening, names.

Everything here reads compressed data in chunks and stops as soon as a limit is passed, so a zip
bomb costs a few megabytes, not all the memory; every failure is a :class:`ParseError` with a
sentence, raised without a chained cause (a stored error must not keep the data alive).
"""

from __future__ import annotations

import io
import logging
import lzma
import re
import struct
import tempfile
import zipfile
import zlib
from typing import IO

from st_desktop.parsers.errors import (
    CorruptFileError,
    FileTooLargeError,
    ParseError,
    PasswordProtectedError,
    UnsafeArchiveError,
    UnsupportedArchiveError,
)

_log = logging.getLogger(__name__)

MIB = 1024 * 1024
#: Chunk of decompressed output read at a time.
CHUNK = MIB
#: Output beyond this many times the packed size is a zip bomb (activity files pack 3-20x)...
MAX_RATIO = 200
#: ... once the output is past this size (small, very regular files may pack further).
RATIO_FLOOR = 8 * MIB
#: A zip inside a zip is unpacked to a temporary file past this size (memory below it).
SPOOL_BYTES = 32 * MIB
#: A zip inside a zip larger than this is not opened.
MAX_NESTED_BYTES = 4 * 1024 * MIB
#: A zip whose UTF-8 names are not UTF-8 is read again from memory up to this size.
MAX_REPAIR_BYTES = 512 * MIB

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_METHODS = {
    1: "Shrink",
    6: "Implode",
    9: "Deflate64",
    10: "PKWARE Implode",
    18: "IBM TERSE",
    19: "IBM LZ77",
    93: "Zstandard",
    95: "XZ",
    96: "JPEG",
    97: "WavPack",
    98: "PPMd",
    99: "AES encryption",
}
_SUPPORTED_METHODS = frozenset(
    {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}
)
#: What a damaged member raises while it is unpacked (zipfile, zlib, bz2, lzma, struct).
UNPACK_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    RuntimeError,
    NotImplementedError,
    UnicodeDecodeError,
    struct.error,
    ValueError,
    OverflowError,
    KeyError,
    IndexError,
)
_DRIVE_RE = re.compile(r"^[A-Za-z]:")


def megabytes(limit: int) -> str:
    """``"200 MB"``."""
    return f"{limit // MIB} MB"


def readable_name(info: zipfile.ZipInfo) -> str:
    """A member name as a person should read it.

    Names flagged as UTF-8 are already decoded. Unflagged names are decoded by zipfile as
    cp437 (lossless: every byte is a character), but many zip writers put UTF-8 there without
    the flag: those are shown as UTF-8, the others as cp437.
    """
    name = info.orig_filename
    if info.flag_bits & _UTF8_FLAG:
        return name
    try:
        return name.encode("cp437").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return name


def parts(name: str) -> list[str]:
    """The components of a member path (``/`` or ``\\`` separated, empty ones dropped)."""
    return [part for part in re.split(r"[/\\]", name) if part]


def base_name(name: str) -> str:
    """The last component of a member path (the name itself when it has none)."""
    found = parts(name)
    return found[-1] if found else name


def is_hidden(name: str) -> bool:
    """macOS resource forks and hidden files: never activities, never shown."""
    components = parts(name)
    if components and components[0] == "__MACOSX":
        return True
    return any(part.startswith(".") and part not in (".", "..") for part in components)


def escapes(name: str) -> bool:
    """True for a name that points outside the archive (``../x``, ``/etc/x``, ``C:\\x``)."""
    return (
        name.startswith(("/", "\\"))
        or bool(_DRIVE_RE.match(name))
        or any(part == ".." for part in parts(name))
    )


def member_problem(info: zipfile.ZipInfo, name: str) -> ParseError | None:
    """Why a member cannot be unpacked at all, known from the directory alone (or None)."""
    if info.flag_bits & _ENCRYPTED_FLAG or info.compress_type == 99:
        return PasswordProtectedError(
            f"{name} is password-protected inside the archive, so it cannot be read."
        )
    if info.compress_type not in _SUPPORTED_METHODS:
        method = _METHODS.get(info.compress_type, f"method {info.compress_type}")
        return UnsupportedArchiveError(
            f"{name} is packed with {method} compression, which this app cannot unpack; "
            "repack the archive with ordinary (Deflate) compression."
        )
    return None


def _check_ratio(total: int, packed: int, name: str) -> None:
    if total > RATIO_FLOOR and total > MAX_RATIO * max(packed, 1):
        raise UnsafeArchiveError(
            f"{name} unpacks to over {MAX_RATIO} times its packed size, as a zip bomb does; "
            "it was not read."
        )


def drain(source: IO[bytes], out: IO[bytes], limit: int, packed: int, name: str) -> int:
    """Copy ``source`` into ``out`` chunk by chunk, stopping at ``limit`` or a bomb's ratio.

    Returns:
        The number of bytes copied.
    """
    total = 0
    while True:
        chunk = source.read(CHUNK)
        if not chunk:
            return total
        total += len(chunk)
        if total > limit:
            raise FileTooLargeError(
                f"{name} unpacks to more than {megabytes(limit)}, which no activity file does."
            )
        _check_ratio(total, packed, name)
        out.write(chunk)


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, limit: int) -> bytes:
    """One member's bytes, capped at ``limit`` and guarded against bombs.

    Raises:
        ParseError: encrypted, unsupported, too large, a bomb, or damaged (a sentence naming it).
    """
    problem = member_problem(info, name)
    if problem is not None:
        raise problem
    if info.file_size > limit:
        raise FileTooLargeError(
            f"{name} is larger than {megabytes(limit)}, which no activity file is."
        )
    buffer = io.BytesIO()
    damage: str | None = None
    try:
        with archive.open(info) as member:
            drain(member, buffer, limit, info.compress_size, name)
    except ParseError:
        buffer = io.BytesIO()  # the error must not keep what was unpacked so far alive
        raise
    except UNPACK_ERRORS as exc:
        damage = repr(exc)
    if damage is not None:
        buffer = io.BytesIO()
        detail = damage
        what = "its checksum does not match" if "CRC" in detail else "the archive is damaged there"
        raise CorruptFileError(f"{name} could not be unpacked: {what}.", detail=detail)
    return buffer.getvalue()


def spool_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str
) -> tempfile.SpooledTemporaryFile[bytes]:
    """A member (a zip inside the zip) unpacked to a spooled temporary file, rewound."""
    problem = member_problem(info, name)
    if problem is not None:
        raise problem
    if info.file_size > MAX_NESTED_BYTES:
        raise FileTooLargeError(f"{name} is larger than {megabytes(MAX_NESTED_BYTES)}.")
    # Closed by the caller (or below, on failure): it outlives this function.
    spool: tempfile.SpooledTemporaryFile[bytes] = tempfile.SpooledTemporaryFile(SPOOL_BYTES)  # noqa: SIM115
    damage: str | None = None
    try:
        with archive.open(info) as member:
            drain(member, spool, MAX_NESTED_BYTES, info.compress_size, name)
    except ParseError:
        spool.close()
        raise
    except UNPACK_ERRORS as exc:
        damage = repr(exc)
    if damage is not None:
        spool.close()
        raise CorruptFileError(
            f"{name} could not be unpacked: the archive is damaged there.", detail=damage
        )
    spool.seek(0)
    return spool


def gunzip(data: bytes, name: str, limit: int) -> bytes:
    """The first member of gzip data, capped at ``limit`` and guarded against bombs.

    Raises:
        FileTooLargeError, UnsafeArchiveError, CorruptFileError.
    """
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    out = io.BytesIO()
    total = 0
    pending = data
    damaged = False
    while pending and not decompressor.eof:
        try:
            chunk = decompressor.decompress(pending, CHUNK)
        except zlib.error:
            damaged = True
            break
        pending = decompressor.unconsumed_tail
        total += len(chunk)
        if total > limit:
            raise FileTooLargeError(
                f"{name} unpacks to more than {megabytes(limit)}, which no activity file does."
            )
        _check_ratio(total, len(data), name)
        out.write(chunk)
        if not chunk and not pending:
            break
    if damaged or (not decompressor.eof and not total):
        raise CorruptFileError(f"{name} is a damaged .gz file and could not be opened.")
    return out.getvalue()


def open_zip(source: str | bytes | IO[bytes]) -> zipfile.ZipFile:
    """Open a zip archive (a path, its bytes or a seekable file).

    A directory that flags a name as UTF-8 when it is not makes zipfile give up on the whole
    archive; such an archive is read again with the flags cleared (the names then read as
    cp437, like any unflagged name: nothing is lost).

    Raises:
        CorruptFileError: not a readable zip.
        UnsupportedArchiveError: a zip version zipfile does not implement.
        FileTooLargeError: too large to repair in memory.
    """
    stream: IO[bytes] | str = io.BytesIO(source) if isinstance(source, bytes) else source
    damage: str | None = None
    try:
        return zipfile.ZipFile(stream)
    except UnicodeDecodeError:
        damage = "names"
    except NotImplementedError as exc:
        raise UnsupportedArchiveError(
            f"This archive needs a newer zip reader than this app has ({exc}).", detail=str(exc)
        ) from None
    except UNPACK_ERRORS as exc:
        damage = repr(exc)
    if damage != "names":
        raise CorruptFileError(
            "This zip archive is damaged and could not be opened.", detail=damage
        )
    return zipfile.ZipFile(io.BytesIO(_without_utf8_flags(_all_bytes(source))))


def _all_bytes(source: str | bytes | IO[bytes]) -> bytes:
    if isinstance(source, bytes):
        return source
    try:
        if isinstance(source, str):
            with open(source, "rb") as handle:
                data = handle.read(MAX_REPAIR_BYTES + 1)
        else:
            source.seek(0)
            data = source.read(MAX_REPAIR_BYTES + 1)
    except OSError as exc:
        raise CorruptFileError(
            "This zip archive could not be read again.", detail=repr(exc)
        ) from None
    if len(data) > MAX_REPAIR_BYTES:
        raise FileTooLargeError(
            "This zip archive names its files in a broken way and is too large to be read "
            "in spite of it."
        )
    return data


def _without_utf8_flags(data: bytes) -> bytes:
    """A copy of a zip whose central and local headers no longer claim UTF-8 names."""
    fixed = bytearray(data)
    end = fixed.rfind(b"PK\x05\x06", max(0, len(fixed) - 65_557))
    damaged = CorruptFileError("This zip archive is damaged and could not be opened.")
    if end < 0 or end + 22 > len(fixed):
        raise damaged
    count, size, offset = struct.unpack_from("<HII", fixed, end + 10)
    # Bytes before the directory that the archive does not account for (a self-extractor).
    shift = end - size - offset
    position = offset + shift
    for _ in range(count):
        if position < 0 or fixed[position : position + 4] != b"PK\x01\x02":
            raise damaged
        flags = struct.unpack_from("<H", fixed, position + 8)[0]
        struct.pack_into("<H", fixed, position + 8, flags & ~_UTF8_FLAG)
        name_length, extra_length, comment_length = struct.unpack_from("<HHH", fixed, position + 28)
        local = struct.unpack_from("<I", fixed, position + 42)[0] + shift
        if local >= 0 and fixed[local : local + 4] == b"PK\x03\x04":
            local_flags = struct.unpack_from("<H", fixed, local + 6)[0]
            struct.pack_into("<H", fixed, local + 6, local_flags & ~_UTF8_FLAG)
        position += 46 + name_length + extra_length + comment_length
    try:
        zipfile.ZipFile(io.BytesIO(bytes(fixed))).close()
    except UNPACK_ERRORS as exc:
        raise CorruptFileError(
            "This zip archive is damaged and could not be opened.", detail=repr(exc)
        ) from None
    _log.info("zip archive with non-UTF-8 names flagged as UTF-8: read as cp437")
    return bytes(fixed)


def kind_of(head: bytes) -> str | None:
    """``"zip"`` or ``"gz"`` from the first bytes of a file, None for anything else."""
    if head.startswith(ZIP_MAGICS):
        return "zip"
    if head.startswith(GZIP_MAGIC):
        return "gz"
    return None


__all__ = [
    "GZIP_MAGIC",
    "MAX_RATIO",
    "UNPACK_ERRORS",
    "ZIP_MAGICS",
    "base_name",
    "drain",
    "escapes",
    "gunzip",
    "is_hidden",
    "kind_of",
    "megabytes",
    "member_problem",
    "open_zip",
    "parts",
    "read_member",
    "readable_name",
    "spool_member",
]
