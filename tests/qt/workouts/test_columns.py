"""The workout table's cells: an unnamed workout reads as a suggestion, the time as moving time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont
from pytestqt.qtbot import QtBot

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.settings import Settings
from st_desktop.store.cache import WorkoutCache, WorkoutQuery, WorkoutRow
from st_desktop.tasks.runner import TaskRunner
from st_desktop.ui import theme
from st_desktop.ui.workouts.columns import (
    FONT_ROLE,
    FOREGROUND_ROLE,
    TOOLTIP_ROLE,
    Column,
    display_text,
    extra_data,
    header_text,
    header_tooltip,
)
from st_desktop.ui.workouts.model import WorkoutTableModel
from st_desktop.ui.workouts.table import WorkoutTable

ACCOUNT = "columns-test"


def _rows(cache: WorkoutCache, *items: dict[str, object]) -> dict[str, WorkoutRow]:
    cache.upsert_summaries(ACCOUNT, [WorkoutSummary.from_json(i) for i in items])
    found = cache.rows(ACCOUNT, WorkoutQuery(), 10)
    return {row.id: row for row in found}


def _workout(number: int, **fields: object) -> dict[str, object]:
    return {"uri": f"https://example.test/api/v2/fitnessActivities/{number}", **fields}


def test_an_unnamed_workout_shows_a_suggested_name_in_grey_italics(
    qtbot: QtBot, cache: WorkoutCache
) -> None:
    got = _rows(
        cache,
        # Uploaded from a file without a name: 19:05 where it was ridden (UTC 17:05).
        _workout(1, start_time="2024-06-01T19:05:00+02:00", type="Cycling: Road", name=""),
        _workout(2, start_time="2024-06-02T06:30:00+02:00", type="Running", name="Parkrun"),
    )
    unnamed, named = got["1"], got["2"]
    assert display_text(unnamed, Column.NAME, "metric") == "Evening Ride"  # its own clock
    assert display_text(named, Column.NAME, "metric") == "Parkrun"
    font = extra_data(unnamed, Column.NAME, FONT_ROLE)
    assert isinstance(font, QFont)
    assert font.italic()
    brush = extra_data(unnamed, Column.NAME, FOREGROUND_ROLE, theme.dark_palette())
    assert isinstance(brush, QBrush)
    assert brush.color() == theme.DARK_COLOURS.muted  # reads on a dark palette too
    assert extra_data(named, Column.NAME, FONT_ROLE) is None  # a given name looks as usual
    assert extra_data(named, Column.NAME, FOREGROUND_ROLE) is None
    assert extra_data(unnamed, Column.NAME, TOOLTIP_ROLE) == "Evening Ride (no name given)"
    assert extra_data(unnamed, Column.TYPE, FONT_ROLE) is None


def test_the_duration_column_says_moving_time_and_the_tooltip_gives_both(
    qtbot: QtBot, cache: WorkoutCache
) -> None:
    got = _rows(
        cache,
        _workout(
            3,
            start_time="2024-06-01T08:00:00Z",
            type="Cycling",
            name="Long day",
            duration=1476,
            clock_duration=162680,
        ),
        _workout(
            4,
            start_time="2024-06-02T08:00:00Z",
            type="Running",
            name="Steady",
            duration=1800,
            clock_duration=1820,
        ),
    )
    assert header_text(Column.DURATION, "metric") == "Moving time"
    assert "pauses left out" in (header_tooltip(Column.DURATION) or "")
    paused, steady = got["3"], got["4"]
    assert display_text(paused, Column.DURATION, "metric") == "24:36"
    assert extra_data(paused, Column.DURATION, TOOLTIP_ROLE) == (
        "Moving 24:36, elapsed 45:11:20 (pauses included)"
    )
    assert extra_data(steady, Column.DURATION, TOOLTIP_ROLE) == "Moving 30:00"


def test_the_table_shows_the_suggestion_and_the_header_explains_moving_time(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache
) -> None:
    _rows(
        cache,
        _workout(
            5,
            start_time="2024-06-01T19:05:00+02:00",
            type="Cycling: Road",
            name="",
            duration=1476,
            clock_duration=162680,
        ),
    )
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.set_account(ACCOUNT)
    qtbot.waitUntil(lambda: model.loaded_rows == 1 and not model.in_flight, timeout=5000)
    name = model.index(0, Column.NAME)
    assert name.data(Qt.ItemDataRole.DisplayRole) == "Evening Ride"
    assert name.data(Qt.ItemDataRole.FontRole).italic()
    assert name.data(Qt.ItemDataRole.ToolTipRole) == "Evening Ride (no name given)"
    duration = model.index(0, Column.DURATION)
    assert "elapsed 45:11:20" in duration.data(Qt.ItemDataRole.ToolTipRole)
    tip = model.headerData(Column.DURATION, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "pauses left out" in tip


def test_a_narrow_table_keeps_the_name_readable_and_scrolls_sideways(
    qtbot: QtBot, runner: TaskRunner, cache: WorkoutCache, tmp_path: Path
) -> None:
    _rows(cache, _workout(6, start_time="2024-06-01T08:00:00Z", type="Cycling", name="Lake loop"))
    model = WorkoutTableModel(runner, cache, page_size=20, parent=runner)
    model.set_account(ACCOUNT)
    table = WorkoutTable(model, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(table)
    # A usual name ("Evening Strength") whole, with the margins of a cell.
    least = table.fontMetrics().horizontalAdvance("Evening Strength") + 8
    table.resize(420, 300)
    table.show()
    # Beside the upload pane in a 1024 px window: the name stays readable, the table scrolls.
    table.resize(420, 300)
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0, timeout=2000)
    assert table.columnWidth(Column.NAME) >= least
    table.resize(1200, 300)  # wide: the name takes what the other columns leave
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() == 0, timeout=2000)
    assert table.columnWidth(Column.NAME) > least
