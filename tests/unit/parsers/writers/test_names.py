"""File names for exports: readable, and safe on Windows, macOS and Linux."""

from __future__ import annotations

import os
import unicodedata
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.parsers.writers import (
    FileNamer,
    activity_file_name,
    export_file_name,
    safe_file_name,
)
from st_desktop.parsers.writers.names import MAX_BYTES, MAX_LENGTH
from tests.unit.parsers.writers.helpers import made_up_activity

START = datetime(2026, 11, 15, 10, 27, 40, tzinfo=timezone(timedelta(hours=-5)))
WINDOWS_FORBIDDEN = set('<>:"/\\|?*')
RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10))}


def assert_safe(name: str) -> None:
    """What every system accepts: no forbidden or control characters, no bad ends or names."""
    assert name
    assert not WINDOWS_FORBIDDEN & set(name)
    assert all(unicodedata.category(c)[0] != "C" for c in name)
    assert name == name.strip(" .")
    assert not name.startswith("-")
    assert ".." not in name
    assert name.split(".", maxsplit=1)[0].upper() not in RESERVED
    assert len(name) <= MAX_LENGTH
    assert len(name.encode("utf-8")) <= MAX_BYTES
    assert unicodedata.normalize("NFC", name) == name


def test_the_name_reads_date_time_category_and_title() -> None:
    assert export_file_name(START, "Cycling: Mountain", "Morning Ride", "fit") == (
        "2026-11-15_1027_Cycling_Morning-Ride.fit"
    )
    # The local time of the workout, whatever the computer's zone.
    assert activity_file_name(made_up_activity(), ".TCX") == (
        "2026-11-15_1027_Cycling_Col-du-Test-&-back.tcx"
    )


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("../../etc/passwd", "etc-passwd"),
        ("Run / Walk: 5 km?", "Run-Walk-5-km"),
        ('a<b>c"d|e*f', "a-b-c-d-e-f"),
        ("C:\\Users\\me", "C-Users-me"),
        ("Ride 🚴‍♂️ with friends 🎉", "Ride-with-friends"),
        ("trailing dots and spaces...   ", "trailing-dots-and-spaces"),
        ("tab\there\r\nnew\x00line\x1f", "tab-here-newline"),
        ("\u202eexe.txt", "exe.txt"),  # a right-to-left override that would hide the extension
        ("zero\u200bwidth", "zerowidth"),
        ("Été à Zürich", "Été-à-Zürich"),
        ("E\u0301te\u0301", "Été"),  # decomposed (as macOS stores it) -> composed
        ("東京マラソン", "東京マラソン"),
        ("...", ""),
        ("🏃", ""),
        ("CON", "CON"),
        ("-leading dash", "leading-dash"),
    ],
)
def test_nasty_titles(title: str, expected: str) -> None:
    name = export_file_name(START, "Running", title, "gpx")
    assert_safe(name)
    assert name == (
        f"2026-11-15_1027_Running_{expected}.gpx" if expected else "2026-11-15_1027_Running.gpx"
    )


def test_very_long_titles_are_cut_but_keep_date_and_extension() -> None:
    name = export_file_name(START, "Cycling", "Long ride " * 40, "fit")
    assert_safe(name)
    assert name.startswith("2026-11-15_1027_Cycling_Long-ride-")
    assert name.endswith(".fit")
    assert MAX_LENGTH - 10 <= len(name) <= MAX_LENGTH  # the title fills the room there is
    wide = export_file_name(START, "Cycling", "東京" * 200, "fit")
    assert_safe(wide)
    assert wide.endswith(("東京.fit", "東.fit"))
    assert len(wide.encode("utf-8")) <= MAX_BYTES


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("CON", "CON_.txt"),
        ("con.tar", "con_.tar.txt"),
        ("nul", "nul_.txt"),
        ("COM1", "COM1_.txt"),
        ("LPT9", "LPT9_.txt"),
        ("CONSOLE", "CONSOLE.txt"),
        ("..", "workout.txt"),
        ("", "workout.txt"),
    ],
)
def test_reserved_and_empty_names_are_avoided(stem: str, expected: str) -> None:
    name = safe_file_name(stem, "txt")
    assert name == expected
    assert_safe(name)


def test_unknown_types_and_missing_titles_still_give_a_name() -> None:
    assert export_file_name(START, None, None, "csv") == "2026-11-15_1027_Other.csv"
    assert (
        export_file_name(START, "kitesurf/foil", "", "fit") == "2026-11-15_1027_Kitesurf-foil.fit"
    )
    assert export_file_name(None, "Running", "x", "fit") == "Running_x.fit"


def test_collisions_get_a_number_whatever_the_case(tmp_path: Path) -> None:
    (tmp_path / "2026-11-15_1027_Running_Run.FIT").write_bytes(b"")
    namer = FileNamer.for_directory(tmp_path)
    first = namer.claim("2026-11-15_1027_Running_Run.fit")
    second = namer.claim("2026-11-15_1027_Running_Run.fit")
    third = namer.claim("2026-11-15_1027_Running_run.fit")
    assert (first, second, third) == (
        "2026-11-15_1027_Running_Run-2.fit",
        "2026-11-15_1027_Running_Run-3.fit",
        "2026-11-15_1027_Running_run-4.fit",
    )
    for name in (first, second, third):
        (tmp_path / name).write_bytes(b"x")
    assert len(os.listdir(tmp_path)) == 4


def test_workouts_and_activities_are_named_the_same_way() -> None:
    item = WorkoutSummary.from_json(
        {"start_time": "2026-11-15T10:27:03+01:00", "type": "cycling: mountain", "name": "Col"}
    )
    namer = FileNamer()
    assert namer.name_for_workout(item, "fit") == "2026-11-15_1027_Cycling_Col.fit"
    assert namer.name_for_workout(item, "fit") == "2026-11-15_1027_Cycling_Col-2.fit"
    assert (
        namer.name_for(made_up_activity(), "fit")
        == "2026-11-15_1027_Cycling_Col-du-Test-&-back.fit"
    )


def test_names_can_be_created_on_this_file_system(tmp_path: Path) -> None:
    titles = ["../x", "a\x00b", "🚴" * 50, "é" * 300, "CON", "trailing. . ."]
    namer = FileNamer.for_directory(tmp_path)
    for title in titles:
        name = namer.claim(export_file_name(START, "Running", title, "fit"))
        path = tmp_path / name
        path.write_bytes(b"ok")
        assert path.parent == tmp_path
        assert path.read_bytes() == b"ok"
    assert len(os.listdir(tmp_path)) == len(titles)
