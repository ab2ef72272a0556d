"""A staged start: the window and the table first, overview, hands-free import and maps after."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.ui.first_paint import LaterStep, run_after_first_paint, when_painted
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
            "services",
        ]
        # Not there yet: the first paint has not happened. The table is; the panes are not.
        assert window.views.widget_of("calendar") is None
        assert window.browser is application.browser
        assert not application.ready
        window.show()
        qtbot.waitUntil(lambda: application.ready, timeout=10_000)
        # In their places (under the welcome here: nobody signed in, nothing dropped).
        assert window.detail is application.detail
        assert not application.detail.isHidden()
        assert window.upload is application.upload
        assert not application.upload.isHidden()
        assert window.detail_scroll.widget() is application.detail
        assert window.main_splitter.widget(1) is application.upload
        assert not isinstance(application.detail.route, MapView)
        run_after_first_paint(window, application.runner, later, painted=True)
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


def test_the_sandbox_server_loads_only_once_the_window_has_painted(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    """``--sandbox`` at start: the cached rows are drawn before the server competes for Python."""
    application = create_application(["--sandbox", "--basedir", str(isolated_basedir)], later=[])
    window = application.window
    qtbot.addWidget(window)
    try:
        # Nothing of the server has been asked for before the window is drawn.
        asked = [task.description for task in application.runner.active_tasks()]
        assert "Opening the sandbox" not in asked
        with qtbot.waitSignal(application.account.account_changed, timeout=30_000):
            window.show()
        assert application.account.account is not None
        assert application.account.account.sandbox
    finally:
        application.shutdown(5.0)


def test_an_action_waits_for_the_first_paint_or_runs_anyway_when_nothing_paints(
    qtbot: QtBot,
) -> None:
    from PySide6.QtWidgets import QWidget

    shown, hidden = QWidget(), QWidget()
    qtbot.addWidget(shown)
    qtbot.addWidget(hidden)
    ran: list[str] = []
    when_painted(shown, lambda: ran.append("shown"), latest_ms=60_000)
    when_painted(hidden, lambda: ran.append("tray"), latest_ms=50)  # started in the tray
    qtbot.waitUntil(lambda: ran == ["tray"])
    shown.show()
    qtbot.waitUntil(lambda: ran == ["tray", "shown"])


#: What the window's first frame never waits for: the network stack and keyring, the file
#: readers and writers, the sandbox server (all loaded after the first paint, or on first use),
#: numpy and the detail editor and upload pane (built once the first rows are drawn).
NOT_BEFORE_THE_FIRST_PAINT = (
    "numpy",
    "st_desktop.ui.detail.editor",
    "st_desktop.ui.upload.pane",
    "requests",
    "keyring",
    "lxml",
    "werkzeug",
    "st_desktop.parsers.registry",
    "st_desktop.parsers.writers",
    "st_desktop.sandbox",
    "st_desktop.ui.dialogs.sign_in",
)


def test_building_the_window_loads_nothing_the_first_rows_do_not_need(
    isolated_basedir: Path,
) -> None:
    """In a fresh process, as ``st-desktop --sandbox`` builds its window (start-up time)."""
    script = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from st_desktop.app import create_application
application = create_application(["--sandbox", "--basedir", {str(isolated_basedir)!r}], later=[])
print("loaded:" + ",".join(m for m in {NOT_BEFORE_THE_FIRST_PAINT!r} if m in sys.modules))
application.shutdown(5.0)
"""
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    loaded = [line for line in done.stdout.splitlines() if line.startswith("loaded:")]
    assert loaded == ["loaded:"], done.stdout


def test_a_second_sandbox_start_draws_the_cached_rows_before_loading_the_server(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    argv = ["--sandbox", "--basedir", str(isolated_basedir)]
    first = create_application(argv, later=[])
    qtbot.addWidget(first.window)
    try:
        with qtbot.waitSignal(first.account.account_changed, timeout=30_000):
            first.window.show()
        qtbot.waitUntil(lambda: first.browser.model.rowCount() > 0, timeout=30_000)
    finally:
        first.shutdown(5.0)
        first.window.close()

    again = create_application(argv, later=[])
    qtbot.addWidget(again.window)
    viewport = again.browser.table.viewport()
    model = again.browser.model
    asked_when_rows_drawn: list[list[str]] = []

    class RowsDrawn(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and model.rowCount() and not asked_when_rows_drawn:
                tasks = again.runner.active_tasks()
                asked_when_rows_drawn.append([task.description for task in tasks])
            return False

    watch = RowsDrawn()
    viewport.installEventFilter(watch)
    try:
        with qtbot.waitSignal(again.account.account_changed, timeout=30_000):
            again.window.show()
        assert asked_when_rows_drawn, "the cached rows were never drawn"
        assert not {"Opening the sandbox", "Starting the sandbox"} & set(asked_when_rows_drawn[0])
        assert again.account.account is not None
    finally:
        viewport.removeEventFilter(watch)
        again.shutdown(5.0)


DATA = Path(__file__).resolve().parents[1] / "data"


def test_files_given_before_the_panes_are_built_reach_the_upload_pane(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    """A file on the command line and one opened at once: neither is lost while the table
    comes first."""
    from st_desktop.ui.upload.model import Column, RowStatus

    given = DATA / "gpx" / sorted(p.name for p in (DATA / "gpx").glob("*.gpx"))[0]
    opened = DATA / "fit" / "fp_garmin-fenix-5-run.fit"
    application = create_application(["--basedir", str(isolated_basedir), str(given)], later=[])
    window = application.window
    qtbot.addWidget(window)
    try:
        window.files_opened.emit([opened])  # File > Open, before anything painted
        assert not application.ready
        window.show()
        qtbot.waitUntil(lambda: application.ready, timeout=10_000)
        model = application.upload.model
        qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
        names = {model.index(row, Column.FILE).data() for row in range(2)}
        assert names == {given.name, opened.name}
        # Read and previewed like any drop.
        qtbot.waitUntil(
            lambda: all(model.row_at(row).status is not RowStatus.PARSING for row in range(2)),
            timeout=20_000,
        )
        assert RowStatus.ERROR not in {model.row_at(row).status for row in range(2)}
    finally:
        application.shutdown(5.0)


def test_the_panes_catch_up_with_the_account_and_the_workout_selected_before_them(
    qtbot: QtBot, isolated_basedir: Path
) -> None:
    argv = ["--sandbox", "--basedir", str(isolated_basedir)]
    first = create_application(argv)
    qtbot.addWidget(first.window)
    try:
        with qtbot.waitSignal(first.account.account_changed, timeout=30_000):
            first.window.show()
        qtbot.waitUntil(lambda: first.browser.model.rowCount() > 0, timeout=30_000)
        first.browser.table.selectRow(0)  # its whole workout is kept on this computer
        qtbot.waitUntil(lambda: first.detail.workout is not None, timeout=30_000)
        kept = first.detail.workout
        key = first.browser.account
        assert kept is not None
        assert key is not None
        qtbot.waitUntil(
            lambda: first.workouts.cache.get_detail(key, kept.uri) is not None, timeout=10_000
        )
    finally:
        first.shutdown(5.0)
        first.window.close()

    # Started in the tray: the cached rows are read, nothing paints, the panes come later.
    again = create_application(argv, later=[])
    qtbot.addWidget(again.window)
    browser = again.browser
    try:
        qtbot.waitUntil(lambda: browser.model.rowCount() > 0, timeout=10_000)
        assert not again.ready
        browser.table.selectRow(0)
        chosen = browser.current_workout()
        assert chosen is not None
        qtbot.waitUntil(lambda: again.ready, timeout=10_000)
        detail = again.detail
        qtbot.waitUntil(
            lambda: detail.workout is not None and detail.workout.uri == chosen.uri,
            timeout=10_000,
        )
        assert detail.name.text() == chosen.name
        # The editor knows the (cached) account: the workout can be edited once signed in.
        assert again.browser.shown_account is not None
    finally:
        again.shutdown(5.0)
