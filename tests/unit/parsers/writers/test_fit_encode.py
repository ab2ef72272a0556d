"""The FIT building blocks: CRC, header, and how values become stored fields."""

from __future__ import annotations

import struct

import numpy as np
import pytest
from fitdecode.utils import compute_crc

from st_desktop.parsers.writers.fit_encode import (
    SINT8,
    SINT32,
    STRING,
    UINT8,
    UINT16,
    UINT32Z,
    Field,
    MessageSpec,
    crc16,
    file_header,
    fit_file,
)


def test_crc_of_the_standard_check_string() -> None:
    assert crc16(b"123456789") == 0xBB3D  # CRC-16/ARC, the FIT CRC
    assert crc16(b"") == 0


@pytest.mark.parametrize("size", [1, 2, 511, 8191, 8192, 8193, 65_537, 1_000_003])
def test_crc_of_any_length_matches_fitdecodes(size: int) -> None:
    data = np.random.default_rng(size).integers(0, 256, size, dtype=np.uint8).tobytes()
    assert crc16(data) == compute_crc(data)


def test_header_and_file_crcs() -> None:
    header = file_header(1234)
    assert len(header) == 14
    assert header[0] == 14
    assert header[1] == 0x20
    assert header[8:12] == b".FIT"
    assert struct.unpack("<I", header[4:8])[0] == 1234
    assert struct.unpack("<H", header[12:14])[0] == compute_crc(header[:12])
    data = fit_file(b"\x40\x00\x00\x00\x00\x00")
    assert struct.unpack("<H", data[-2:])[0] == compute_crc(data[:-2])
    assert crc16(data) == 0  # a file followed by its own CRC checks to 0


@pytest.mark.parametrize(
    ("field", "values", "stored"),
    [
        (
            Field("hr", 3, UINT8),
            [61.4, 61.5, np.nan, 254, 255, -1, np.inf],
            [61, 62, 255, 254, 255, 255, 255],
        ),
        (Field("t", 13, SINT8), [-128, 126, 127, -3.4, np.nan], [-128, 126, 127, -3, 127]),
        (
            Field("alt", 2, UINT16, scale=5, offset=500),
            [-500, 0.2, 12606.8, 12607],
            [0, 2501, 65534, 65535],
        ),
        (Field("lat", 0, SINT32), [2**31 - 2, 2**31, -(2**31)], [2**31 - 2, 2**31 - 1, -(2**31)]),
        (Field("serial", 3, UINT32Z), [0, 1, np.nan], [0, 1, 0]),
    ],
)
def test_values_are_rounded_and_unstorable_ones_become_invalid(
    field: Field, values: list[float], stored: list[int]
) -> None:
    assert field.raw(np.array(values, dtype=float)).tolist() == stored


def test_messages_have_the_definitions_layout() -> None:
    spec = MessageSpec(20, (Field("a", 3, UINT8), Field("b", 6, UINT16, scale=1000)))
    assert spec.definition(2) == bytes([0x42, 0, 0, 20, 0, 2, 3, 1, 0x02, 6, 2, 0x84])
    rows = spec.encode(2, {"a": np.array([1.0, np.nan]), "b": np.array([1.5, 2.0])}, 2)
    assert rows.tobytes() == bytes([2, 1, 0xDC, 0x05, 2, 0xFF, 0xD0, 0x07])
    assert spec.message(2, a=7) == bytes([2, 7, 0xFF, 0xFF])


def test_text_is_cut_at_a_character_and_ends_with_nul() -> None:
    spec = MessageSpec(0, (Field("name", 8, STRING, size=6),))
    assert spec.message(0, name="ab") == b"\x00ab\x00\x00\x00\x00"
    assert spec.message(0, name="Zürich") == b"\x00Z\xc3\xbcri\x00"
    assert spec.message(0, name="€€") == b"\x00\xe2\x82\xac\x00\x00\x00"  # not half of a €
