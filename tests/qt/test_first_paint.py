"""A staged start: the window and the table first, overview, hands-free import and maps after."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.ui.first_paint import LaterStep, run_after_first_paint
from st_desktop.ui.map import MapView


def test_the_rest_of_the_app_arrives_after_the_first_paint(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    later: list[LaterStep] = []
    application = create_application(["--basedir", str(isolated_basedir)], later=later)
    window = application.window
    qtbot.addWidget(window)
    try:
        assert [step.name for step in later] == [
            "hands-free import",
            "overview",
            "maps",
            "privacy zones",
        ]
        # Not there yet: the first paint has not happened.
        assert window.views.widget_of("calendar") is None
        assert not isinstance(application.detail.route, MapView)
        window.show()
        run_after_first_paint(window, application.runner, later)
        qtbot.waitUntil(lambda: isinstance(application.detail.route, MapView), timeout=10_000)
        assert window.views.widget_of("calendar") is not None
        assert isinstance(application.upload.preview.route, MapView)
    finally:
        application.shutdown(5.0)


@pytest.mark.expect_log(r"start-up step broken failed")
def test_a_failing_step_is_logged_and_the_others_still_run(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    application = create_application(["--basedir", str(isolated_basedir)], later=[])
    window = application.window
    qtbot.addWidget(window)
    done: list[str] = []

    def broken() -> None:
        raise RuntimeError("no disk")

    steps = [
        LaterStep(("json",), broken, "broken"),
        LaterStep(("json",), lambda: done.append("after"), "after"),
    ]
    try:
        window.show()
        run_after_first_paint(window, application.runner, steps)
        qtbot.waitUntil(lambda: done == ["after"], timeout=10_000)
    finally:
        application.shutdown(5.0)
