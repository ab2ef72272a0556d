"""FIT decoding: identical to fitparse where fitparse can read, more robust where it cannot."""

from __future__ import annotations

import gzip
import warnings
from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers import parse_bytes, parse_file
from st_desktop.parsers.errors import CorruptFileError, EmptyFileError
from st_desktop.parsers.fit_decode import decode_fit
from tests.unit.parsers.helpers import (
    RECORD_FIELDS,
    corpus_params,
    data_files,
    fitparse_records,
    our_column,
    reference_column,
)


def _read(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _assert_same_as_fitparse(path: Path) -> None:
    data = _read(path)
    reference, error = fitparse_records(data)
    if not data:
        assert error is not None
        with pytest.raises(EmptyFileError):
            parse_bytes(data)
        return
    fit = decode_fit(data)
    ours = fit.table("record")
    if fit.skips and error is not None:
        # fitparse stops at the first damage; the record it read across the damage is garbage
        # (its time is in 2085) that we leave out: compare what precedes the damage.
        before = int((ours.seq < fit.skips[0].seq).sum())
        dropped = int(fit.skips[0].dropped is not None)
        assert before <= len(reference) <= before + dropped
        reference = reference[:before]
    # Where fitparse gives up, we must still have everything it read, and at least as much.
    assert len(ours) >= len(reference)
    if error is None:
        assert len(ours) == len(reference)
    for stream, names in RECORD_FIELDS.items():
        expected = reference_column(reference, names)
        got = our_column(ours, names)[: len(expected)]
        np.testing.assert_array_equal(got, expected, err_msg=f"{path.name}: {stream}")


@pytest.mark.parametrize("path", data_files("fit"), ids=lambda p: p.name)
def test_streams_identical_to_fitparse(path: Path) -> None:
    _assert_same_as_fitparse(path)


@pytest.mark.parametrize("path", corpus_params("fit"))
def test_corpus_streams_identical_to_fitparse(path: Path) -> None:
    _assert_same_as_fitparse(path)


def test_truncated_file_recovers_everything_before_the_cut(test_data: Path) -> None:
    data = (test_data / "fit/fp_nick_truncated.fit").read_bytes()
    _, error = fitparse_records(data)
    assert error is not None  # fitparse gives up on this file
    activity = parse_bytes(data)
    assert len(decode_fit(data).table("record")) == 14391
    assert any("cut short after 4 h 38 min" in w for w in activity.warnings)
    assert activity.elapsed_time > 4.5 * 3600
    assert activity.has_gps


def test_damaged_file_is_read_past_the_damage(test_data: Path) -> None:
    data = (test_data / "fit/fp_strava-android-app-201.10-b1218918.fit").read_bytes()
    fit = decode_fit(data)
    # 17 places where a byte is missing; fitparse stops at the first (473 records, 5 min).
    assert len(fit.skips) == 17
    assert fit.skips[0].position == 7471
    activity = parse_bytes(data)
    assert any(
        "damaged at 00:05:14 and in 16 more places; 4,857 records after the damage were "
        "recovered" in w
        for w in activity.warnings
    )
    # The whole hour, as the file's own session records it, and no garbage: no record read
    # across a damage (those had times in 2085 and speeds of 140 km/h) is left in.
    assert activity.recorded_summary is not None
    assert activity.recorded_summary.elapsed_time == 3558
    assert activity.streams.time[-1] == 3558
    assert not any("impossible time" in w or "cut short" in w for w in activity.warnings)
    assert np.all(np.diff(activity.streams.time) <= 4)
    assert np.nanmax(activity.streams.speed) < 5
    assert activity.computed_summary.distance == pytest.approx(11274.04, abs=0.01)
    assert activity.start_time.year == 2021


def test_misaligned_field_sizes_read_whole_file(test_data: Path) -> None:
    data = (test_data / "fit/fp_coros-pace-2-cycling-misaligned-fields.fit").read_bytes()
    reference, error = fitparse_records(data)
    assert error is not None
    assert len(reference) == 1785
    activity = parse_bytes(data)
    assert len(activity.streams) == 11272
    assert activity.sport == "Cycling"
    assert activity.distance == pytest.approx(32145.76)


def test_chained_files_are_read_whole(test_data: Path) -> None:
    activity = parse_file(test_data / "fit/fp_event_timestamp.fit")
    assert decode_fit((test_data / "fit/fp_event_timestamp.fit").read_bytes()).files == 5
    assert activity.sport == "Swimming: Pool"
    assert len(activity.laps) == 99
    assert activity.distance == pytest.approx(2606.04)


def test_compressed_timestamps_and_speed_distance(test_data: Path) -> None:
    activity = parse_file(test_data / "fit/fp_compressed-speed-distance.fit")
    assert len(activity.streams) == 755
    assert np.all(np.diff(activity.streams.time) > 0)
    assert activity.computed_summary.distance == pytest.approx(10248.67, rel=1e-4)
    # The watch had no real clock (times count from power-on): the user is told.
    assert any("did not record a real date" in w for w in activity.warnings)


def test_indoor_file_is_an_activity_with_a_warning(test_data: Path) -> None:
    activity = parse_file(test_data / "fit/fp_sample-activity-indoor-trainer.fit")
    assert not activity.has_gps
    assert activity.streams.has("power")
    assert activity.streams.has("heartrate")
    assert any("No GPS" in w for w in activity.warnings)


def test_device_sport_and_timezone(test_data: Path) -> None:
    activity = parse_file(test_data / "fit/fp_garmin-fenix-5-run.fit")
    assert activity.device == "Garmin fenix 5"
    assert activity.sport == "Running"
    assert activity.start_time.utcoffset() is not None
    assert activity.start_time.utcoffset().total_seconds() == -7 * 3600  # type: ignore[union-attr]
    assert activity.calories is not None
    assert activity.calories > 0


def test_empty_file() -> None:
    with pytest.raises(EmptyFileError, match="empty"):
        parse_bytes(b"")


def test_header_only_fit_is_a_clear_error(test_data: Path) -> None:
    data = (test_data / "fit/fp_garmin-fenix-5-run.fit").read_bytes()
    with pytest.raises(CorruptFileError, match="damaged"):
        parse_bytes(data[:20])


def test_a_file_whose_times_are_all_unknown_reads_with_a_sentence_not_a_crash() -> None:
    # Found by the fuzzer: every record's timestamp invalid made the start time NaN.
    data = (
        b"\x0e\x10\xee\x07\xcd\x15\x00\x00.FIT\xa9\x1e@\x00\x00\x14\x00\x07\x03\x04\x8c\x04\x04"
        b"\x86\x07\x04\x86\x01\x02\x84\x02\x02\x84\x05\x02\x84\x00\x01\x00\x00\x00\xc9\xe10\xeb"
        b"\xe1\x08\xa03\xff\xff\xff\xff\x01\x00\x89\n\xff\xff"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no numpy "All-NaN slice" either
        activity = parse_bytes(data, "x.fit")
    assert [v.kind for v in activity.verdicts] == ["date_too_early"]
