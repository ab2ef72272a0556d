"""Device names from FIT manufacturer and product ids, on made-up ids and on the real corpus."""

from __future__ import annotations

import gzip
from pathlib import Path

import numpy as np
import pytest

from st_desktop.parsers.fit_decode import decode_fit
from st_desktop.parsers.fit_devices import device_name
from st_desktop.parsers.fit_products import MANUFACTURERS


@pytest.mark.parametrize(
    ("manufacturer", "product", "product_name", "expected"),
    [
        (1, 3113, None, "Garmin Forerunner 945"),
        (1, 3441, None, "Garmin Forerunner 945"),  # the Asian edition
        (1, 3570, None, "Garmin Edge 1030 Plus"),
        (15, 3300, None, "Dynastream HRM-Pro"),  # Dynastream writes Garmin product ids too
        (89, 4266, None, "Tacx NEO 2 Smart"),  # the model already names its maker
        (1, 65534, None, "Garmin Connect"),
        (294, 802, "COROS PACE 2", "COROS PACE 2"),
        (294, 802, "coros pace 2", "coros pace 2"),
        (289, 2, "Karoo 2", "Hammerhead Karoo 2"),
        (289, 2, "  Karoo 2 ", "Hammerhead Karoo 2"),
        (32, 31, None, "Wahoo (model 31)"),
        (32, None, None, "Wahoo"),
        (260, 0, None, "Zwift"),  # product 0 names no model
        (1, 9999, None, "Garmin (model 9999)"),
        (1, 3113, "Forerunner 945 (custom)", "Garmin Forerunner 945 (custom)"),
        (4321, 12, None, "Device 4321 (model 12)"),
        (4321, None, None, "Device 4321"),
        (4321, 12, "Bike computer", "Bike computer"),
        (255, None, "Watch6,18", "Watch6,18"),
        (255, 7, "Watch6,18", "Watch6,18"),
        (255, 7, None, "Development (model 7)"),
        (None, None, "Some App", "Some App"),
        (None, 12, None, None),
        (None, None, None, None),
        (None, None, "   ", None),
    ],
)
def test_device_name(
    manufacturer: int | None, product: int | None, product_name: str | None, expected: str | None
) -> None:
    assert device_name(manufacturer, product, product_name) == expected


def test_a_maker_that_is_a_prefix_of_a_word_is_still_shown() -> None:
    # "Polaris" does not start with the maker "Polar": the maker is still written before it.
    assert device_name(123, 1, "Polaris") == "Polar Polaris"


def _file_id(path: Path) -> tuple[int | None, int | None, str | None] | None:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    table = decode_fit(data).table("file_id")
    if not len(table):
        return None

    def first(name: str) -> int | None:
        value = float(table.column(name)[0])
        return int(value) if np.isfinite(value) else None

    names = table.strings.get("product_name") or [None]
    return first("manufacturer"), first("product"), names[0]


def _corpus_devices(corpus_dir: Path) -> dict[str, tuple[int | None, str | None]]:
    devices: dict[str, tuple[int | None, str | None]] = {}
    for path in sorted((corpus_dir / "fit").glob("*.fit*")):
        ids = _file_id(path)
        if ids is not None:
            devices[path.name] = (ids[0], device_name(*ids))
    return devices


@pytest.mark.corpus
def test_corpus_devices_have_names_not_numbers(corpus_dir: Path) -> None:
    devices = _corpus_devices(corpus_dir)
    assert len(devices) >= 20
    for file, (maker_id, name) in devices.items():
        assert name, file
        assert "product " not in name, (file, name)
        if maker_id == 1:  # every Garmin device of the corpus is in the profile
            assert "(model" not in name, (file, name)


@pytest.mark.corpus
def test_corpus_devices_never_repeat_their_maker(corpus_dir: Path) -> None:
    for file, (_maker_id, name) in _corpus_devices(corpus_dir).items():
        assert name is not None
        for maker in {maker.casefold() for maker in MANUFACTURERS.values()}:
            assert not name.casefold().startswith(f"{maker} {maker}"), (file, name)


@pytest.mark.corpus
@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("gc_Garmin945swimRRdata.fit", "Garmin Forerunner 945"),
        ("gc_14582164182.fit.gz", "Garmin Edge 1030 Plus"),
        ("fp_coros-pace-2-cycling-misaligned-fields.fit", "COROS PACE 2"),
        ("fp_elemnt-bolt-no-application-id-inside-developer-data-id.fit", "Wahoo (model 31)"),
        ("fp_null_compressed_speed_dist.fit", "Zwift"),
        ("gc_Suunto_Move_2020_01_15_Running.fit", "Suunto (model 34)"),
        ("gc_2024-10-14-Pool_Swim-BingiWatch.fit", "Watch6,18"),
        ("gc_Karoo-2025-05-09-1238.fit", "Hammerhead Karoo 2"),
    ],
)
def test_corpus_device_names(corpus_dir: Path, file: str, expected: str) -> None:
    ids = _file_id(corpus_dir / "fit" / file)
    assert ids is not None
    assert device_name(*ids) == expected
