"""The FIT file format, written: CRC, file header, definition and data messages, as numpy.

A message type is a :class:`MessageSpec` (its global number and fields). :meth:`MessageSpec.encode`
turns columns of physical values (metres, seconds, NaN for "no value") into a numpy structured
array whose bytes are the data messages, header byte included: one vectorised pass per field,
whatever the number of messages. Values are stored as ``round((value + offset) * scale)`` (the
inverse of the decoder's ``raw / scale - offset``); NaN, infinities and values the base type
cannot hold become the base type's invalid value, as the protocol requires.

The CRC is the protocol's CRC-16 (polynomial 0x8005 reflected, initial value 0: CRC-16/ARC).
Computing it byte by byte in Python costs ~70 ns a byte, ~0.1 s for a 14-hour file, so large
inputs are cut into chunks whose CRCs numpy computes side by side, then combined (the CRC is
linear, so a chunk's contribution is its own CRC carried through the zero bytes that follow it).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from st_desktop.parsers.fit_profile import BASE_TYPES, STRING_BASE_TYPE

#: FIT protocol 2.0 (upper nibble major, lower minor).
PROTOCOL_VERSION = 0x20
#: Profile version written in the header (21.40).
PROFILE_VERSION = 2140
HEADER_SIZE = 14

UINT8 = 0x02
SINT8 = 0x01
ENUM = 0x00
UINT16 = 0x84
SINT16 = 0x83
UINT32 = 0x86
SINT32 = 0x85
UINT32Z = 0x8C
STRING = STRING_BASE_TYPE

_ZERO_INVALID = frozenset({0x0A, 0x8B, 0x8C, 0x90})  # the "z" types: 0 is invalid


def _crc_table() -> list[int]:
    table = []
    for byte in range(256):
        crc = byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
        table.append(crc)
    return table


_TABLE = _crc_table()


def _pair_table() -> npt.NDArray[np.uint16]:
    """CRC step over two bytes at once: ``crc' = PAIRS[crc ^ (b0 | b1 << 8)]``.

    Sixteen data bits fill the whole 16-bit register, so the new CRC depends only on their XOR.
    """
    table = np.array(_TABLE, dtype=np.int64)
    x = np.arange(1 << 16, dtype=np.int64)
    first = table[x & 0xFF]
    pairs: npt.NDArray[np.uint16] = ((first >> 8) ^ table[((x >> 8) ^ first) & 0xFF]).astype(
        np.uint16
    )
    return pairs


_PAIRS = _pair_table()
#: Below this many bytes the plain loop is faster than numpy's fixed costs.
_SMALL = 8_192
#: 16-bit words per chunk of the vectorised CRC.
_CHUNK_WORDS = 256


def _crc_loop(data: bytes | bytearray | memoryview, crc: int = 0) -> int:
    table = _TABLE
    for byte in bytes(data):
        crc = (crc >> 8) ^ table[(crc ^ byte) & 0xFF]
    return crc


def crc16(data: bytes | bytearray | memoryview) -> int:
    """The FIT CRC of ``data`` (initial value 0), as a file or header CRC is computed."""
    n = len(data)
    if n < _SMALL:
        return _crc_loop(data)
    size = 2 * _CHUNK_WORDS
    chunks = -(-n // size)
    padded = np.zeros(chunks * size, dtype=np.uint8)
    # Zero bytes before the data leave a CRC that starts at 0 unchanged: pad at the front.
    padded[chunks * size - n :] = np.frombuffer(bytes(data), dtype=np.uint8)
    words = padded.view("<u2").reshape(chunks, _CHUNK_WORDS)
    # One row per word position, one column per chunk, plus 16 columns of zero words that carry
    # the 16 one-bit states through a chunk's length: the linear map that shifts a CRC past it.
    columns = np.zeros((_CHUNK_WORDS, chunks + 16), dtype=np.uint16)
    columns[:, :chunks] = words.T
    state = np.zeros(chunks + 16, dtype=np.uint16)
    state[chunks:] = 1 << np.arange(16, dtype=np.uint16)
    pairs = _PAIRS
    for row in columns:
        state = pairs[state ^ row]
    basis = state[chunks:].astype(np.int64)
    bits = (np.arange(256)[:, None] >> np.arange(8)) & 1
    low = np.bitwise_xor.reduce(np.where(bits == 1, basis[:8], 0), axis=1).tolist()
    high = np.bitwise_xor.reduce(np.where(bits == 1, basis[8:], 0), axis=1).tolist()
    crc = 0
    for part in state[:chunks].tolist():
        crc = low[crc & 0xFF] ^ high[crc >> 8] ^ part
    return crc


def file_header(data_size: int) -> bytes:
    """The 14-byte file header (with its own CRC) for ``data_size`` bytes of messages."""
    head = struct.pack(
        "<BBHI4s", HEADER_SIZE, PROTOCOL_VERSION, PROFILE_VERSION, data_size, b".FIT"
    )
    return head + struct.pack("<H", crc16(head))


def fit_file(messages: bytes) -> bytes:
    """A complete FIT file: header, ``messages`` and the file CRC."""
    body = file_header(len(messages)) + messages
    return body + struct.pack("<H", crc16(body))


@dataclass(frozen=True)
class Field:
    """One field of a message as written.

    Attributes:
        name: the key of its column in :meth:`MessageSpec.encode`.
        number: field number in the FIT profile.
        base: base type byte (``UINT16``, ``STRING`` ...).
        scale, offset: stored value = (value + offset) * scale, rounded.
        size: bytes of a string field (NUL included); other fields take their base type's size.
    """

    name: str
    number: int
    base: int
    scale: float = 1.0
    offset: float = 0.0
    size: int = 0

    @property
    def byte_size(self) -> int:
        """Bytes the field takes in a data message."""
        return self.size if self.base == STRING else BASE_TYPES[self.base].size

    @property
    def dtype(self) -> str:
        """numpy type code of the stored value (little-endian)."""
        if self.base == STRING:
            return f"S{self.size}"
        return "<" + BASE_TYPES[self.base].dtype

    def valid_range(self) -> tuple[int, int]:
        """Smallest and largest raw value that is not the invalid value."""
        spec = BASE_TYPES[self.base]
        bits = 8 * spec.size
        if self.base in _ZERO_INVALID:
            return 1, (1 << bits) - 1
        if spec.dtype.startswith("i"):
            return -(1 << (bits - 1)), (1 << (bits - 1)) - 2
        return 0, (1 << bits) - 2

    def raw(self, values: npt.ArrayLike) -> npt.NDArray[Any]:
        """Physical values -> stored values; invalid where NaN or out of the type's range."""
        spec = BASE_TYPES[self.base]
        scaled = np.asarray(values, dtype=np.float64)
        if self.offset:
            scaled = scaled + self.offset
        if self.scale != 1.0:
            scaled = scaled * self.scale
        rounded = np.rint(scaled)
        low, high = self.valid_range()
        with np.errstate(invalid="ignore"):
            ok = (rounded >= low) & (rounded <= high)  # NaN compares False
        invalid = float(spec.invalid or 0)
        return np.where(ok, rounded, invalid).astype(self.dtype)


def _text_bytes(text: str | None, size: int) -> bytes:
    """UTF-8 of ``text`` cut (at a character boundary) to leave room for the closing NUL."""
    if not text:
        return b""
    data = text.encode("utf-8")[: size - 1]
    return data.decode("utf-8", "ignore").encode("utf-8")


@dataclass(frozen=True)
class MessageSpec:
    """A message type as written: global number and fields (all little-endian)."""

    global_number: int
    fields: tuple[Field, ...]

    def dtype(self) -> np.dtype[Any]:
        """Structured dtype of one data message, header byte first."""
        return np.dtype([("_header", "u1"), *((f.name, f.dtype) for f in self.fields)])

    def definition(self, local: int) -> bytes:
        """The definition message that gives ``local`` this message's layout."""
        out = bytearray(
            struct.pack("<BBBHB", 0x40 | local, 0, 0, self.global_number, len(self.fields))
        )
        for f in self.fields:
            out += struct.pack("<BBB", f.number, f.byte_size, f.base)
        return bytes(out)

    def encode(self, local: int, columns: Mapping[str, Any], count: int) -> npt.NDArray[np.void]:
        """``count`` data messages from ``columns`` (field name -> values); missing = invalid.

        A numeric column is an array (or a scalar, repeated); a string column a sequence of
        texts (None for none) or one text.
        """
        out = np.zeros(count, dtype=self.dtype())
        out["_header"] = local & 0x0F
        for f in self.fields:
            values = columns.get(f.name)
            if f.base == STRING:
                texts: Sequence[str | None] = (
                    [values] * count if values is None or isinstance(values, str) else values
                )
                out[f.name] = [_text_bytes(t, f.size) for t in texts]
            elif values is None:
                out[f.name] = BASE_TYPES[f.base].invalid or 0
            else:
                out[f.name] = f.raw(np.broadcast_to(np.asarray(values, dtype=np.float64), count))
        return out

    def message(self, local: int, **values: Any) -> bytes:
        """One data message from keyword values (physical units; None = invalid)."""
        clean = {k: v for k, v in values.items() if v is not None}
        return self.encode(
            local, {k: (v if isinstance(v, str) else float(v)) for k, v in clean.items()}, 1
        ).tobytes()
