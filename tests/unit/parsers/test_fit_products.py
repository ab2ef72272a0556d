"""The generated FIT manufacturer and Garmin product tables: current, complete, readable names."""

from __future__ import annotations

import functools
import importlib.util
import re
from types import ModuleType

import fitdecode.profile
import pytest

from st_desktop.parsers import fit_products
from st_desktop.parsers.fit_products import GARMIN_PRODUCT_MAKERS, GARMIN_PRODUCTS, MANUFACTURERS
from tests.conftest import REPO_ROOT

PROFILE_MANUFACTURERS: dict[int, str] = fitdecode.profile.FIELD_TYPES["manufacturer"].enum
PROFILE_GARMIN_PRODUCTS: dict[int, str] = fitdecode.profile.FIELD_TYPES["garmin_product"].enum

#: Words of the profile's names for regional editions; none may reach a display name.
REGION_WORDS = {"asia", "apac", "sea", "japan", "jpn", "china", "chn", "korea", "kor", "taiwan"}
REGION_WORDS |= {"twn", "thai", "russia", "hebrew", "emea", "india"}


@functools.cache
def _generator() -> ModuleType:
    path = REPO_ROOT / "tools" / "gen_fit_products.py"
    spec = importlib.util.spec_from_file_location("gen_fit_products", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_module_is_what_the_generator_writes_now() -> None:
    generator = _generator()
    committed = generator.OUTPUT.read_text(encoding="utf-8")
    assert generator.generate() == committed, (
        "st_desktop/parsers/fit_products.py is out of date with the generator or with the "
        "installed fitdecode: run `python tools/gen_fit_products.py` and commit the result"
    )


def test_generator_check_mode_accepts_the_committed_module() -> None:
    assert _generator().main(["--check"]) == 0


def test_header_names_the_source_and_profile_version() -> None:
    header = (REPO_ROOT / "st_desktop" / "parsers" / "fit_products.py").read_text()[:600]
    assert "tools/gen_fit_products.py" in header
    assert "fitdecode" in header
    assert "MIT" in header
    assert f"profile {fit_products.FIT_PROFILE_VERSION}" in header
    assert re.fullmatch(r"\d+\.\d+", fit_products.FIT_PROFILE_VERSION)


def test_every_profile_id_has_a_name() -> None:
    assert set(MANUFACTURERS) == set(PROFILE_MANUFACTURERS)
    extras = _generator().GARMIN_PRODUCT_EXTRAS
    assert set(GARMIN_PRODUCTS) == set(PROFILE_GARMIN_PRODUCTS) | set(extras)
    assert not set(extras) & set(PROFILE_GARMIN_PRODUCTS)  # the profile now names them itself
    assert len(MANUFACTURERS) >= 230
    assert len(GARMIN_PRODUCTS) >= 460


def test_garmin_product_makers_come_from_the_profile() -> None:
    # Garmin, Dynastream (and its OEM id) and Tacx write Garmin product ids.
    assert {1, 13, 15, 89} <= GARMIN_PRODUCT_MAKERS
    assert {PROFILE_MANUFACTURERS[maker] for maker in GARMIN_PRODUCT_MAKERS} >= {"garmin", "tacx"}


@pytest.mark.parametrize("table", [MANUFACTURERS, GARMIN_PRODUCTS], ids=["makers", "products"])
def test_names_read_as_names_not_identifiers(table: dict[int, str]) -> None:
    for key, name in table.items():
        assert name, key
        assert "_" not in name, (key, name)
        assert name == name.strip(), (key, name)
        assert "  " not in name, (key, name)
        assert not REGION_WORDS & {word.lower() for word in name.split()}, (key, name)


@pytest.mark.parametrize(
    ("product", "profile_name", "display"),
    [
        (3113, "fr945", "Forerunner 945"),
        (3441, "fr945_asia", "Forerunner 945"),
        (3978, "fr945_lte_asia", "Forerunner 945 LTE"),
        (2158, "fr735xt", "Forerunner 735XT"),
        (2888, "fr645m", "Forerunner 645 Music"),
        (3991, "fr255_small_music", "Forerunner 255S Music"),
        (4257, "fr265_large", "Forerunner 265"),
        (3570, "edge_1030_plus", "Edge 1030 Plus"),
        (1036, "edge500", "Edge 500"),
        (2531, "edge_explore_820", "Edge Explore 820"),
        (3907, "fenix7x", "fenix 7X"),
        (2544, "fenix5s", "fenix 5S"),
        (4374, "fenix7s_pro_solar", "fenix 7S Pro Solar"),
        (3288, "fenix6S", "fenix 6S"),
        (3224, "vivoactive4_small", "vivoactive 4S"),
        (2337, "vivo_active_hr", "vivoactive HR"),
        (3888, "instinct_2", "Instinct 2"),
        (3466, "instinct_solar", "Instinct Solar"),
        (4585, "instinct3_solar_45mm", "Instinct 3 Solar 45 mm"),
        (3300, "hrm_pro", "HRM-Pro"),
        (4130, "hrm_pro_plus", "HRM-Pro Plus"),
        (3542, "descent_mk2s", "Descent Mk2S"),
        (2656, "approach_s60", "Approach S60"),
        (4647, "approachS44", "Approach S44"),
        (4124, "marq_gen2_aviator", "MARQ Aviator (Gen 2)"),
        (3284, "gpsmap66i", "GPSMAP 66i"),
        (4266, "tacx_neo2_smart", "Tacx NEO 2 Smart"),
        (65534, "connect", "Garmin Connect"),
    ],
)
def test_garmin_product_names(product: int, profile_name: str, display: str) -> None:
    assert PROFILE_GARMIN_PRODUCTS[product] == profile_name
    assert GARMIN_PRODUCTS[product] == display


@pytest.mark.parametrize(
    ("maker", "profile_name", "display"),
    [
        (1, "garmin", "Garmin"),
        (2, "garmin_fr405_antfs", "Garmin"),
        (23, "suunto", "Suunto"),
        (32, "wahoo_fitness", "Wahoo"),
        (69, "stages_cycling", "Stages"),
        (123, "polar_electro", "Polar"),
        (260, "zwift", "Zwift"),
        (144, "zwift_byte", "Zwift"),
        (289, "hammerhead", "Hammerhead"),
        (294, "coros", "COROS"),
        (129, "coros_byte", "COROS"),
        (281, "trainer_road", "TrainerRoad"),
        (315, "RGT_cycling", "RGT Cycling"),
    ],
)
def test_manufacturer_names(maker: int, profile_name: str, display: str) -> None:
    assert PROFILE_MANUFACTURERS[maker] == profile_name
    assert MANUFACTURERS[maker] == display


def test_regional_editions_carry_the_main_models_name() -> None:
    by_profile_name = {name.lower(): key for key, name in PROFILE_GARMIN_PRODUCTS.items()}
    checked = 0
    for key, name in PROFILE_GARMIN_PRODUCTS.items():
        words = name.lower().split("_")
        main = "_".join(word for word in words if word not in REGION_WORDS)
        if main != name.lower() and main in by_profile_name:
            assert GARMIN_PRODUCTS[key] == GARMIN_PRODUCTS[by_profile_name[main]], name
            checked += 1
    assert checked > 100  # the profile lists well over a hundred regional editions
