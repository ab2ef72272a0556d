"""Columns of a FIT message type: every definition's rows gathered at once, read as numpy.

:func:`decode_table` is step 2 of :mod:`st_desktop.parsers.fit_decode`: given the byte offsets
the header scan noted for each local definition of one global message, it gathers their rows
with one fancy-indexing operation and reads each field as a numpy column with the definition's
byte order and base type, marks invalid values NaN and applies scale and offset.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.lib.stride_tricks import sliding_window_view

from st_desktop.domain.activity import FloatArray
from st_desktop.parsers.fit_definitions import Definition
from st_desktop.parsers.fit_profile import (
    BASE_TYPES,
    BYTE_BASE_TYPE,
    COMPRESSED_SPEED_DISTANCE,
    RECORD,
    STRING_BASE_TYPE,
)

IntArray = npt.NDArray[np.int64]


@dataclass
class MessageTable:
    """All messages of one global type, in file order.

    Attributes:
        seq: index of each message among all data messages of the file (orders messages of
            different types against each other).
        columns: numeric fields after scale/offset, NaN where invalid or absent.
        strings: string fields (None where absent).
    """

    seq: IntArray
    columns: dict[str, FloatArray]
    strings: dict[str, list[str | None]]

    def __len__(self) -> int:
        return len(self.seq)

    def column(self, name: str) -> FloatArray:
        """The named column, all NaN when no definition had that field."""
        found = self.columns.get(name)
        return found if found is not None else np.full(len(self.seq), np.nan)


def _field_column(
    rows: npt.NDArray[np.uint8], big_endian: bool, offset: int, size: int, base: int
) -> FloatArray | None:
    """One numeric field of every row as float64, NaN where invalid; None if undecodable."""
    spec = BASE_TYPES.get(base)
    if spec is None or size < spec.size or size % spec.size:
        return None  # unknown type or a size that is not a whole number of values
    raw = np.ascontiguousarray(rows[:, offset : offset + spec.size])
    dtype = np.dtype(spec.dtype).newbyteorder(">" if big_endian else "<")
    values = raw.view(dtype).reshape(-1)
    out = values.astype(np.float64)
    if spec.invalid is None:
        out[np.isnan(out)] = np.nan
    else:
        out[values == spec.invalid] = np.nan
    return out


def _string_column(rows: npt.NDArray[np.uint8], offset: int, size: int) -> list[str | None]:
    out: list[str | None] = []
    for row in rows[:, offset : offset + size]:
        text = row.tobytes().split(b"\0", 1)[0].decode("utf-8", "replace").strip()
        out.append(text or None)
    return out


def decode_table(
    u8: npt.NDArray[np.uint8],
    definitions: list[Definition],
    specs: dict[int, tuple[str, float, float]],
) -> MessageTable:
    """The messages of every definition of one global message, as one table in file order.

    Args:
        u8: the file's bytes.
        definitions: the definitions of that message, with the offsets the scan noted.
        specs: field number -> (name, scale, offset) of the fields to read.
    """
    seq_parts: list[IntArray] = []
    parts: list[dict[str, FloatArray]] = []
    string_parts: list[dict[str, list[str | None]]] = []
    for d in definitions:
        columns, strings = _definition_columns(u8, d, specs)
        seq_parts.append(np.asarray(d.seqs, dtype=np.int64))
        parts.append(columns)
        string_parts.append(strings)
    if not seq_parts:
        return MessageTable(np.empty(0, dtype=np.int64), {}, {})
    return _joined(seq_parts, parts, string_parts)


def _definition_columns(
    u8: npt.NDArray[np.uint8], d: Definition, specs: dict[int, tuple[str, float, float]]
) -> tuple[dict[str, FloatArray], dict[str, list[str | None]]]:
    """The numeric and string columns of the messages of one definition."""
    offsets = np.asarray(d.offsets, dtype=np.int64)
    if d.size and len(offsets):
        # Each message's bytes, taken from a sliding-window view of the file: no index array
        # of every byte of every row (19 MB for the 60,000 records of a 14 h ride).
        rows = sliding_window_view(u8, d.size)[offsets]
    else:
        rows = u8[offsets[:, None] + np.arange(d.size, dtype=np.int64)]
    columns: dict[str, FloatArray] = {}
    strings: dict[str, list[str | None]] = {}
    for number, offset, size, base in d.fields:
        spec = specs.get(number)
        if spec is None:
            continue
        name, scale, shift = spec
        if name in columns or name in strings:
            continue  # a field listed twice: the first one counts
        if base == STRING_BASE_TYPE:
            strings[name] = _string_column(rows, offset, size)
            continue
        if base == BYTE_BASE_TYPE:
            continue
        values = _field_column(rows, d.big_endian, offset, size, base)
        if values is None:
            continue
        if scale != 1.0:
            values = values / scale
        if shift:
            values = values - shift
        columns[name] = values
    if d.global_num == RECORD and any(f[0] == COMPRESSED_SPEED_DISTANCE for f in d.fields):
        # Our own private columns: the packed bytes, read as a 24-bit little-endian number.
        number, offset, size, base = next(f for f in d.fields if f[0] == COMPRESSED_SPEED_DISTANCE)
        if size >= 3:
            b = rows[:, offset : offset + 3].astype(np.int64)
            packed = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
            columns["_csd"] = np.where(packed == 0xFFFFFF, np.nan, packed.astype(np.float64))
    return columns, strings


def _joined(
    seq_parts: list[IntArray],
    parts: list[dict[str, FloatArray]],
    string_parts: list[dict[str, list[str | None]]],
) -> MessageTable:
    """One table of the definitions' columns, sorted into file order (NaN or None where a
    definition lacks a field)."""
    seq = np.concatenate(seq_parts)
    order = np.argsort(seq, kind="stable")
    names = {name for part in parts for name in part}
    columns_out: dict[str, FloatArray] = {}
    for name in names:
        joined = np.concatenate(
            [
                part.get(name, np.full(len(s), np.nan))
                for part, s in zip(parts, seq_parts, strict=True)
            ]
        )
        columns_out[name] = joined[order]
    strings_out: dict[str, list[str | None]] = {}
    for name in {name for part in string_parts for name in part}:
        joined_text: list[str | None] = []
        for part, s in zip(string_parts, seq_parts, strict=True):
            joined_text.extend(part.get(name, [None] * len(s)))
        strings_out[name] = [joined_text[i] for i in order]
    return MessageTable(seq[order], columns_out, strings_out)


def accumulate(values: FloatArray, seq: IntArray, resets: list[int], bits: int) -> FloatArray:
    """Unwrap a rolling ``bits``-wide counter the way the FIT protocol accumulates it."""
    out = np.full(len(values), np.nan)
    modulus = 1 << bits
    valid = np.isfinite(values)
    idx = np.flatnonzero(valid)
    if not len(idx):
        return out
    v = values[idx].astype(np.int64)
    segment = np.searchsorted(np.asarray(resets, dtype=np.int64), seq[idx], side="right")
    prev = np.concatenate(([0], v[:-1]))
    new_segment = np.concatenate(([True], segment[1:] != segment[:-1]))
    prev[new_segment] = 0  # the accumulator restarts at 0
    wraps = (v < prev).astype(np.int64)
    cum = np.cumsum(wraps)
    start_cum = np.maximum.accumulate(np.where(new_segment, cum - wraps, 0))
    out[idx] = (v + modulus * (cum - start_cum)).astype(np.float64)
    return out
