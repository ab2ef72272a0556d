"""Jumping over repeated headers reads exactly what the message-by-message walk reads."""

from __future__ import annotations

import gzip
import struct
from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers import fit_decode
from st_desktop.parsers.fit_decode import FitData, decode_fit
from tests.unit.parsers.fitcraft import FIT_EPOCH, _data, _definition, crc16
from tests.unit.parsers.helpers import corpus_params, data_files

_RECORD = (20, [(253, "I", 0x86), (3, "B", 0x02)])  # timestamp, heart rate
_RECORD_WIDE = (20, [(253, "I", 0x86), (3, "B", 0x02), (4, "B", 0x02)])  # and cadence
_HRV = (78, [(0, "H", 0x84)])  # one beat-to-beat time
_START = 1_700_000_000 - FIT_EPOCH


def _fit(body: bytes, *, cut: int = 0) -> bytes:
    header = struct.pack("<BBHI4s", 12, 0x10, 2093, len(body), b".FIT")
    data = header + body
    data += struct.pack("<H", crc16(data))
    return data[: len(data) - cut] if cut else data


def _walked(data: bytes, monkeypatch: pytest.MonkeyPatch) -> FitData:
    """What the scan reads one message at a time (it never looks for a pattern)."""
    with monkeypatch.context() as patch:
        patch.setattr(fit_decode, "PROBE_FIRST", 1 << 60)
        return decode_fit(data)


def _assert_same(jumped: FitData, walked: FitData) -> None:
    assert jumped.damage == walked.damage
    assert jumped.skips == walked.skips
    assert jumped.end_position == walked.end_position
    assert jumped.messages.keys() == walked.messages.keys()
    for name, table in walked.messages.items():
        ours = jumped.messages[name]
        np.testing.assert_array_equal(ours.seq, table.seq, err_msg=name)
        assert ours.columns.keys() == table.columns.keys()
        for column, values in table.columns.items():
            np.testing.assert_array_equal(ours.columns[column], values, err_msg=column)
        assert ours.strings == table.strings


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _assert_reads_the_same(data: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    try:
        walked = _walked(data, monkeypatch)
    except fit_decode.NotFitError:  # an empty file: both ways say so
        with pytest.raises(fit_decode.NotFitError):
            decode_fit(data)
        return
    _assert_same(decode_fit(data), walked)


@pytest.mark.parametrize("path", data_files("fit"), ids=lambda p: p.name)
def test_every_test_file_reads_the_same_with_jumps(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_reads_the_same(_read(path), monkeypatch)


@pytest.mark.parametrize("path", corpus_params("fit"))
def test_every_corpus_file_reads_the_same_with_jumps(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _assert_reads_the_same(_read(path), monkeypatch)


def test_a_pattern_broken_by_a_redefinition_a_compressed_time_and_a_cut_reads_every_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    body = _definition(1, _RECORD) + _definition(2, _HRV)
    for i in range(300):  # a record and a beat in turn
        body += _data(1, _RECORD, _START + i, 100 + i % 50) + _data(2, _HRV, 900 + i)
    body += _definition(1, _RECORD_WIDE)  # the same local type, a wider message
    for i in range(300, 600):
        body += _data(1, _RECORD_WIDE, _START + i, 100 + i % 50, 80)
        if i == 450:  # a record with a compressed timestamp (local type 0 is a record too)
            body += _definition(0, (20, [(3, "B", 0x02)]))
            body += bytes((0x80 | ((_START + i) & 0x1F),)) + struct.pack("<B", 77)
    data = _fit(body, cut=9)  # the CRC and the end of the last record are missing

    fit = decode_fit(data)
    _assert_same(fit, _walked(data, monkeypatch))
    records = fit.table("record")
    assert len(records) == 600  # 599 whole records, the compressed one; the cut one is gone
    assert fit.damage is not None
    assert fit.damage.kind == "truncated"
    heart_rate = records.column("heart_rate")
    assert heart_rate[:300].tolist() == [100 + i % 50 for i in range(300)]
    assert 77 in heart_rate.tolist()
    # The beats between the first 300 records are messages too (hrv is not decoded).
    assert records.seq[:300].tolist() == list(range(0, 600, 2))


def test_two_local_types_with_one_definition_keep_their_messages_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Identical definitions share one decoded definition: a pattern of local types 1 and 2 is
    # one definition's messages. Their offsets stay in file order, which the resync after
    # damage relies on (it bisects them to find the messages just before the damage).
    body = _definition(1, _RECORD) + _definition(2, _RECORD)
    for i in range(0, 400, 2):
        body += _data(1, _RECORD, _START + i, 60) + _data(2, _RECORD, _START + i + 1, 61)
    data = _fit(body)

    fit = decode_fit(data)
    _assert_same(fit, _walked(data, monkeypatch))
    records = fit.table("record")
    assert records.column("timestamp").tolist() == [float(_START + i) for i in range(400)]
    assert records.column("heart_rate").tolist() == [60.0, 61.0] * 200
    (definition,) = fit_decode._scan(data).definitions
    assert definition.offsets == sorted(definition.offsets)
    assert definition.seqs == list(range(400))
