"""The editor's figures: two columns of pairs where the editor is wide, one where it is narrow."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from st_desktop.domain.workout import Workout
from st_desktop.ui.detail.figures import FiguresView


def _columns(view: FiguresView) -> int:
    """How many distinct x positions the value labels sit at."""
    return len({label.x() for label in view.labels.values()})


def test_the_figures_take_one_column_where_two_do_not_fit(qtbot: QtBot) -> None:
    editor = QWidget()  # a parent, as in the editor: its layout asks the figures' minimum
    qtbot.addWidget(editor)
    view = FiguresView(editor)
    QVBoxLayout(editor).addWidget(view)
    workout = Workout.from_json(
        {
            "uri": "https://example.test/api/v2/fitnessActivities/1",
            "type": "Cycling",
            "start_time": "2026-11-29T08:52:00+01:00",
            "total_distance": 65310,
            "duration": 8269,
            "avg_heartrate": 134,
            "max_heartrate": 156,
            "avg_cadence": 80,
            "max_cadence": 89,
        }
    )
    view.show_workout(workout, "metric")
    editor.show()
    assert view.labels["hr"].text() == "134 avg / 156 max bpm"
    wide, narrow = view.sizeHint().width(), view.minimumSizeHint().width()
    assert narrow < wide  # it may be given less than two columns need
    editor.resize(wide + 60, 300)
    QApplication.processEvents()
    assert _columns(view) == 2
    editor.resize(narrow + 20, 400)
    QApplication.processEvents()
    assert _columns(view) == 1
    for label in view.labels.values():  # every value still whole
        assert label.width() >= label.sizeHint().width()
