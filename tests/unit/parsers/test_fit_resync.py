"""Decoding goes on after damage in the middle of a FIT file, and never takes garbage for data."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers import parse_bytes
from st_desktop.parsers.fit_decode import MessageTable, decode_fit

#: A 38 min indoor ride with 2,263 records of 12 bytes; a record message starts at this byte,
#: 19 min into the ride.
RIDE = "fit/fp_sample-activity-indoor-trainer.fit"
RECORD_AT = 14614


@pytest.fixture
def ride(test_data: Path) -> bytes:
    return (test_data / RIDE).read_bytes()


def _rows_by_time(table: MessageTable) -> dict[float, tuple[float, ...]]:
    names = sorted(table.columns)
    return {
        float(t): tuple(float(table.column(n)[i]) for n in names)
        for i, t in enumerate(table.column("timestamp"))
    }


def _assert_subset_of(damaged: bytes, original: bytes) -> MessageTable:
    """Every record decoded from the damaged file is one of the original's, value for value."""
    ours = decode_fit(damaged).table("record")
    reference = _rows_by_time(decode_fit(original).table("record"))
    for time, row in _rows_by_time(ours).items():
        np.testing.assert_array_equal(row, reference[time])
    return ours


def test_broken_message_header_loses_only_that_message(ride: bytes) -> None:
    # Local message type 12 was never defined here: the decoder used to stop at 19 min.
    damaged = ride[:RECORD_AT] + bytes((12,)) + ride[RECORD_AT + 1 :]
    records = _assert_subset_of(damaged, ride)
    assert len(records) == 2262
    activity = parse_bytes(damaged)
    assert activity.elapsed_time == parse_bytes(ride).elapsed_time
    assert any(
        "damaged at 00:19:" in w and "1,109 records after the damage were recovered" in w
        for w in activity.warnings
    ), activity.warnings


def test_burst_of_garbage_is_skipped(ride: bytes) -> None:
    garbage = bytes((0x0E,)) + np.random.default_rng(3).bytes(200)
    damaged = ride[:RECORD_AT] + garbage + ride[RECORD_AT:]
    records = _assert_subset_of(damaged, ride)
    assert len(records) == 2263
    assert len(decode_fit(damaged).skips) == 1


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_after_damage_are_not_taken_for_data(ride: bytes, seed: int) -> None:
    # The rest of the file replaced by noise (its declared size kept): nothing to resync to.
    noise = bytes((0x0E,)) + np.random.default_rng(seed).bytes(len(ride) - RECORD_AT - 3)
    damaged = ride[:RECORD_AT] + noise + ride[-2:]
    fit = decode_fit(damaged)
    assert fit.skips == []
    assert fit.damage is not None
    assert fit.damage.position == RECORD_AT
    _assert_subset_of(damaged, ride)
    activity = parse_bytes(damaged)
    assert any("damaged at byte 14,614" in w for w in activity.warnings)
