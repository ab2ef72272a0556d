"""Generate ``st_desktop/parsers/fit_products.py``: FIT manufacturer and Garmin product names.

The ids and their profile names come from the FIT profile as shipped in the MIT-licensed
``fitdecode`` package (a test dependency; the app itself never imports it). The profile's names
are identifiers (``fr945_lte_asia``, ``wahoo_fitness``); the rules below turn them into the names
people know from the box or the watch face ("Forerunner 945 LTE", "Wahoo"), and ``*_OVERRIDES``
hold the few names the rules get wrong.

Run from anywhere, after updating fitdecode::

    python tools/gen_fit_products.py          # rewrite the module
    python tools/gen_fit_products.py --check  # exit 1 when the committed module is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "st_desktop" / "parsers" / "fit_products.py"

# ------------------------------------------------------------------------------ manufacturers

#: Manufacturer id names -> display name, where title-casing the words is not the brand's name.
MANUFACTURER_OVERRIDES: dict[str, str] = {
    "4iiiis": "4iiii",
    "a_and_d": "A&D",
    "acorn_projects_aps": "Acorn Projects",
    "actigraphcorp": "ActiGraph",
    "aero_sensor": "Aerosensor",
    "alatech_technology_ltd": "Alatech",
    "bf1systems": "BF1 Systems",
    "bryton_sensors": "Bryton",
    "bsx_athletics": "BSX Athletics",
    "cateye": "CatEye",
    "ciclosport": "CicloSport",
    "cobi": "COBI",
    "coospo": "COOSPO",
    "coros": "COROS",
    "coros_byte": "COROS",
    "cycligentinc": "Cycligent",
    "cycplus": "CYCPLUS",
    "dk_city": "DK City",
    "eo_swimbetter": "EO SwimBetter",
    "evesports": "EVE Sports",
    "ezon": "EZON",
    "falco_e_motors": "Falco eMotors",
    "favero_electronics": "Favero",
    "feedbacksports": "Feedback Sports",
    "form": "FORM",
    "fullspeedahead": "Full Speed Ahead",
    "garmin_fr405_antfs": "Garmin",
    "geoid": "GEOID",
    "giant_manufacturing_co": "Giant",
    "gpulse": "gPulse",
    "healthandlife": "HealthAndLife",
    "hmm": "HMM",
    "ibike": "iBike",
    "icg": "ICG",
    "ictrainer": "ICTrainer",
    "idt": "IDT",
    "ifit_com": "iFIT",
    "id_bike": "ID Bike",
    "igpsport": "iGPSPORT",
    "inpeak": "inPeak",
    "inside_ride_technologies": "InsideRide",
    "iqsquare": "iQsquare",
    "jetblack": "JetBlack",
    "kinetic_by_kurt": "Kinetic by Kurt",
    "lemond_fitness": "LeMond Fitness",
    "leomo": "LEOMO",
    "lifebeam": "LifeBeam",
    "look": "LOOK",
    "lsec": "LSEC",
    "lululemon_studio": "lululemon Studio",
    "magneticdays": "MagneticDays",
    "mahle_ebikemotion": "MAHLE ebikemotion",
    "mio_technology_europe": "Mio",
    "monark_exercise": "Monark",
    "mywhoosh": "MyWhoosh",
    "nci_technology": "NCI Technology",
    "nielsen_kellerman": "Nielsen-Kellerman",
    "nurvv": "NURVV",
    "osynce": "o-synce",
    "peaksware": "TrainingPeaks",
    "polar_electro": "Polar",
    "porsche_ep": "Porsche EP",
    "praxisworks": "Praxis Works",
    "rotor": "ROTOR",
    "seesense": "See.Sense",
    "sigeyi": "SIGEYI",
    "sigmasport": "Sigma Sport",
    "sound_of_motion": "Sound of Motion",
    "spark_hk": "Spark HK",
    "spinning_mda": "Spinning",
    "sram": "SRAM",
    "srm": "SRM",
    "stages_cycling": "Stages",
    "tag_heuer": "TAG Heuer",
    "tektro_racing_products": "Tektro",
    "thinkrider": "ThinkRider",
    "tomtom": "TomTom",
    "tq_systems": "TQ Systems",
    "trainer_road": "TrainerRoad",
    "vdo": "VDO",
    "virtualtraining": "Virtual Training",
    "wahoo_fitness": "Wahoo",
    "waterrower": "WaterRower",
    "whoop": "WHOOP",
    "wtek": "WTEK",
    "yamaha_motors": "Yamaha",
    "zone5cloud": "Zone5 Cloud",
}

#: Trailing words of manufacturer names that are not part of the brand people know.
_MAKER_NOISE = ("byte", "oem", "ltd", "inc", "co", "srl", "corporation")


def manufacturer_name(key: str) -> str:
    """Display name of a FIT ``manufacturer`` enum name (``wahoo_fitness`` -> ``Wahoo``)."""
    if key in MANUFACTURER_OVERRIDES:
        return MANUFACTURER_OVERRIDES[key]
    words = key.split("_")
    while len(words) > 1 and words[-1].lower() in _MAKER_NOISE:
        words.pop()
    return " ".join(word if not word.islower() else word.capitalize() for word in words)


# ------------------------------------------------------------------------------ Garmin products

#: Garmin product names (regions and editions already taken off) -> display name, where the
#: rules below get it wrong.
GARMIN_PRODUCT_OVERRIDES: dict[str, str] = {
    "android_antplus_plugin": "ANT+ Plugin for Android",
    "bcm": "Cadence Sensor",
    "bsm": "Speed Sensor",
    "chirp": "chirp",
    "connect": "Garmin Connect",
    "connectiq_simulator": "Connect IQ Simulator",
    "d2airvenu": "D2 Air",
    "epix_gen2_pro_42": "epix Pro (Gen 2) 42 mm",
    "epix_gen2_pro_47": "epix Pro (Gen 2) 47 mm",
    "epix_gen2_pro_51": "epix Pro (Gen 2) 51 mm",
    "fenix8_small": "fenix 8 43 mm",
    "foretrex_601_701": "Foretrex 601/701",
    "fr310xt_4t": "Forerunner 310XT",
    "gen3_bcm": "Cadence Sensor 2",
    "gen3_bsm": "Speed Sensor 2",
    "hrm1": "HRM",
    "hrm2ss": "HRM2-SS",
    "hrm3ss": "HRM3-SS",
    "hrm4_run": "HRM-Run",
    "index_smart_scale_2": "Index S2",
    "legacy_captain_marvel": "Legacy Hero Captain Marvel",
    "legacy_darth_vader": "Legacy Saga Darth Vader",
    "legacy_first_avenger": "Legacy Hero First Avenger",
    "legacy_rey": "Legacy Saga Rey",
    "tacx_flux_flux_s_smart": "Tacx Flux/Flux S Smart",
    "tacx_neo2_t_smart": "Tacx NEO 2T Smart",
    "tacx_neo_smart_bike": "Tacx NEO Bike Smart",
    "tacx_training_app_android": "Tacx Training app (Android)",
    "tacx_training_app_ios": "Tacx Training app (iOS)",
    "tacx_training_app_legacy": "Tacx Training app (legacy)",
    "tacx_training_app_mac": "Tacx Training app (macOS)",
    "tacx_training_app_mac_catalyst": "Tacx Training app (macOS)",
    "tacx_training_app_win": "Tacx Training app (Windows)",
    "tempe": "tempe",
    "truswing": "TruSwing",
    "varia_taillight_old": "Varia Taillight",
    "venusq2music": "Venu Sq 2 Music",
    "vivoactive3m_l": "vivoactive 3 Music",
    "vivoactive3m_w": "vivoactive 3 Music",
    "vivofit_jr": "vivofit jr.",
    "vivosmart_gps_hr": "vivosmart HR+",
}

#: Garmin product ids the profile does not list, seen in real files, with the evidence.
GARMIN_PRODUCT_EXTRAS: dict[int, str] = {
    # Corpus gc_10kUNLP2014-Garmin15.fit; the TCX export of the same run says "Forerunner 15".
    1932: "Forerunner 15",
}

#: Words naming the market a device was sold in, or a co-branded edition: the device is the
#: same model as the main one and is shown by its name.
_EDITIONS = frozenset(
    {
        "asia", "apac", "sea", "emea", "india", "japan", "jpn", "china", "chn", "korea", "kor",
        "taiwan", "twn", "thai", "russia", "hebrew", "ww", "nfc", "daimler",
    }
)  # fmt: skip

#: A hardware revision ("venusq_music_v2"): the same model to its owner.
_REVISION = re.compile(r"v\d+")

#: Product families: how the name's first word starts -> how the family is written.
_FAMILIES: dict[str, str] = {
    "fr": "Forerunner",
    "edge": "Edge",
    "fenix": "fenix",
    "epix": "epix",
    "vivoactive": "vivoactive",
    "vivosmart": "vivosmart",
    "vivofit": "vivofit",
    "vivomove": "vivomove",
    "vivosport": "vivosport",
    "vivoki": "vivoki",
    "venusq": "Venu Sq",
    "venu": "Venu",
    "instinct": "Instinct",
    "approach": "Approach",
    "marq": "MARQ",
    "descent": "Descent",
    "enduro": "Enduro",
    "tactix": "tactix",
    "d2": "D2",
    "virb": "VIRB",
    "varia": "Varia",
    "vector": "Vector",
    "gpsmap": "GPSMAP",
    "oregon": "Oregon",
    "rino": "Rino",
    "etrex": "eTrex",
    "foretrex": "Foretrex",
    "swim": "Swim",
    "lily": "Lily",
    "tacx": "Tacx",
    "index": "Index",
    "hrm": "HRM",
}
_FAMILY_PREFIXES = sorted(_FAMILIES, key=len, reverse=True)

#: Words written other than capitalised.
_WORDS: dict[str, str] = {
    "amoled": "AMOLED",
    "amx": "AMX",
    "cp": "CP",
    "dsi": "DSI",
    "gnss": "GNSS",
    "gps": "GPS",
    "hr": "HR",
    "lte": "LTE",
    "neo": "NEO",
    "ohr": "OHR",
    "oled": "OLED",
    "ss": "SS",
    "xe": "XE",
}

#: Letters after a model number: "735xt" -> "735XT"; an "m" watch is its music edition.
_MODEL_SUFFIXES: dict[str, str] = {"m": " Music", "l": " Lite", "i": "i", "xx": "xx"}

_WORD_PARTS = re.compile(r"([a-z]+)?(\d+)?([a-z]*)")
_GENERATION = re.compile(r"gen(\d+)")
_SIZE = re.compile(r"(\d+)mm")


def _word(word: str) -> str:
    """One word of a product name ("945xt", "s60", "mk2s", "solar") as it is written."""
    if word in _WORDS:
        return _WORDS[word]
    parts = _WORD_PARTS.fullmatch(word)
    letters, number, suffix = parts.groups() if parts else (word, None, "")
    if number is None:
        return word.upper() if len(word) == 1 else word.capitalize()
    tail = _MODEL_SUFFIXES.get(suffix, suffix.upper())
    if not letters:
        return number + tail
    if letters == "mk":
        return f"Mk{number}{tail}"
    if letters in _WORDS or len(letters) > 3:
        return f"{_word(letters)} {number}{tail}"
    return f"{letters.upper()}{number}{tail}"


def garmin_product_name(key: str) -> str:
    """Display name of a ``garmin_product`` enum name (``fr945_lte_asia`` -> Forerunner 945 LTE)."""
    name = key.lower().replace("_single_byte_product_id", "").replace("vivo_", "vivo")
    words = [w for w in name.split("_") if w not in _EDITIONS and not _REVISION.fullmatch(w)]
    if "_".join(words) in GARMIN_PRODUCT_OVERRIDES:
        return GARMIN_PRODUCT_OVERRIDES["_".join(words)]
    prefix = next((prefix for prefix in _FAMILY_PREFIXES if words[0].startswith(prefix)), "")
    family = _FAMILIES.get(prefix, "")
    words[0] = words[0][len(prefix) :]
    parts: list[str] = []
    ending: list[str] = []  # generation and case size come last: "MARQ Aviator (Gen 2)"
    for word in filter(None, words):
        if generation := _GENERATION.fullmatch(word):
            ending.insert(0, f"(Gen {generation.group(1)})")
        elif size := _SIZE.fullmatch(word):
            ending.append(f"{size.group(1)} mm")
        elif word == "small" and parts and parts[-1][-1].isdigit():
            parts[-1] += "S"  # "fr255_small" is the Forerunner 255S
        elif word != "large":  # the large case is the main model
            parts.append(_word(word))
    if family == "HRM" and parts and not parts[0][0].isdigit():
        return " ".join([f"HRM-{parts[0]}", *parts[1:], *ending])
    return " ".join([family, *parts, *ending]).strip()


# ------------------------------------------------------------------------------ the module


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _table(name: str, doc: str, entries: dict[int, str]) -> list[str]:
    lines = [f"#: {doc}", f"{name}: dict[int, str] = {{"]
    lines += [f"    {key}: {_quoted(value)}," for key, value in sorted(entries.items())]
    return [*lines, "}", ""]


def render(
    manufacturers: dict[int, str],
    garmin_products: dict[int, str],
    garmin_makers: list[int],
    profile_version: str,
    fitdecode_version: str,
) -> str:
    """The module's text for the given profile enums (``id -> profile name``)."""
    lines = [
        f"# Generated by tools/gen_fit_products.py from the FIT SDK profile {profile_version} as",
        f"# shipped in fitdecode {fitdecode_version} (MIT licence, Copyright 2018-present",
        "# Jean-Charles Lefebvre). Do not edit: change the rules in the generator and run",
        "# `python tools/gen_fit_products.py`.",
        '"""FIT ``manufacturer`` and Garmin ``product`` ids -> the names people know them by."""',
        "",
        "from __future__ import annotations",
        "",
        f'FIT_PROFILE_VERSION = "{profile_version}"',
        "",
        "#: Manufacturers whose ``product`` field holds a Garmin product id.",
        "GARMIN_PRODUCT_MAKERS: frozenset[int] = frozenset("
        + "{"
        + ", ".join(str(maker) for maker in sorted(garmin_makers))
        + "})",
        "",
    ]
    lines += _table(
        "MANUFACTURERS",
        "``manufacturer`` id -> maker's name.",
        {key: manufacturer_name(value) for key, value in manufacturers.items()},
    )
    lines += _table(
        "GARMIN_PRODUCTS",
        "Garmin ``product`` id -> model name (a regional edition has its main model's name).",
        {
            **GARMIN_PRODUCT_EXTRAS,
            **{key: garmin_product_name(value) for key, value in garmin_products.items()},
        },
    )
    return "\n".join(lines[:-1]) + "\n"


def generate() -> str:
    """The module's text from the installed fitdecode's FIT profile."""
    import fitdecode
    import fitdecode.profile as profile

    source = Path(profile.__file__).read_text(encoding="utf-8")
    version = re.search(r"PROFILE FROM SDK VERSION ([\d.]+)", source)
    if version is None:
        raise RuntimeError("fitdecode's profile no longer says which FIT SDK it comes from")
    product_field = profile.MESSAGE_TYPES[profile.MESG_NUM_FILE_ID].fields[2]
    garmin = next(sub for sub in product_field.subfields if sub.name == "garmin_product")
    return render(
        dict(profile.FIELD_TYPES["manufacturer"].enum),
        dict(profile.FIELD_TYPES["garmin_product"].enum),
        [ref.raw_value for ref in garmin.ref_fields],
        version.group(1),
        fitdecode.__version__,
    )


def main(argv: list[str] | None = None) -> int:
    """Write the module (or, with ``--check``, say whether the committed one is current)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 if stale")
    args = parser.parse_args(argv)
    text = generate()
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            sys.stderr.write(f"{OUTPUT} is out of date: run python tools/{Path(__file__).name}\n")
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    sys.stdout.write(f"wrote {OUTPUT}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
