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


def test_a_workout_loading_after_none_leaves_the_editor_s_layout_as_it_is(qtbot: QtBot) -> None:
    # The editor shows "–" while a workout loads: the figures keep room for typical values, so
    # that the values arriving do not move the fields beside them or the charts below (which
    # would be laid out and painted again). With none on its way, the fields get the room.
    editor = QWidget()
    qtbot.addWidget(editor)
    view = FiguresView(editor)
    below = QWidget(editor)  # the charts, in the editor
    layout = QVBoxLayout(editor)
    layout.addWidget(view)
    layout.addWidget(below, 1)
    view.clear()
    idle = view.sizeHint().width()
    view.clear(loading=True)
    assert view.sizeHint().width() > idle
    editor.resize(view.sizeHint().width() + 40, 600)
    editor.show()
    qtbot.waitExposed(editor)
    QApplication.processEvents()
    loading = (view.sizeHint(), view.geometry(), below.geometry(), _columns(view))
    workout = Workout.from_json(
        {
            "uri": "https://example.test/api/v2/fitnessActivities/2",
            "type": "Cycling",
            "start_time": "2026-11-29T08:52:00+01:00",
            "total_distance": 165310,
            "duration": 28269,
            "clock_duration": 30120,
            "elevation_gain": 2310,
            "elevation_loss": 2290,
            "avg_speed": 5.85,
            "max_speed": 17.2,
            "avg_heartrate": 134,
            "max_heartrate": 186,
            "avg_cadence": 80,
            "max_cadence": 119,
            "avg_power": 212,
            "max_power": 1180,
            "calories": 14200,
        }
    )

    view.show_workout(workout, "metric")
    for _ in range(5):  # each layout level takes in its children's sizes in a turn
        QApplication.processEvents()

    assert view.labels["power"].text() == "212 avg / 1180 max W"
    assert (view.sizeHint(), view.geometry(), below.geometry(), _columns(view)) == loading
    assert _columns(view) == 2
    for label in view.labels.values():
        assert label.width() >= label.sizeHint().width()
