"""Every interactive widget a screen reader can reach has a name.

A button names itself with its text (a word: a symbol such as "✕" names nothing); any other
control needs an accessible name or a label whose buddy it is (a form row's label). Qt's own
inner parts (a spin box's line edit, a table's header, a toolbar's overflow button: object names
starting with ``qt_``) are named through the control that holds them.

The window is walked whole, and every widget of ours must pass: each belongs to the module of
the nearest class of ours among itself and its parents (any module of ``st_desktop``, a new one
included without being listed anywhere), which the failure names. The views, panes and dialogs
of the signed-in app are walked in :mod:`tests.qt.test_accessibility_views`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.application import Application
from st_desktop.parsers.privacy import PrivacyZone
from st_desktop.services.autoimport import DevicePlan
from st_desktop.services.devices import Device
from st_desktop.settings import Settings
from st_desktop.ui.dialogs.about import AboutDialog
from st_desktop.ui.dialogs.bulk_edit import BulkEditDialog
from st_desktop.ui.dialogs.language import LanguagePage
from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog
from st_desktop.ui.dialogs.privacy_zones import PrivacyZonesPage
from st_desktop.ui.dialogs.sign_in import SignInDialog
from st_desktop.ui.handsfree_widgets import DeviceQuestion, ImportProgress
from st_desktop.ui.workouts.data_actions import ExportDialog
from tests.doubles import MemoryKeyring

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QPlainTextEdit,
    QTextEdit,
    QSlider,
)


def owner_module(widget: QWidget) -> str:
    """The module of the nearest class of ours among ``widget`` and its parents."""
    current: QWidget | None = widget
    while current is not None:
        module = type(current).__module__
        if module.startswith("st_desktop."):
            return module
        current = current.parentWidget()
    return "?"


def _inner_part(widget: QWidget) -> bool:
    """Part of another control, which carries the name (Qt's own pieces)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView):
        return True
    parent = widget.parentWidget()
    return isinstance(parent, QAbstractSpinBox | QComboBox | QLineEdit)


def unnamed_widgets(root: QWidget) -> list[tuple[str, QWidget]]:
    """The visible interactive widgets under ``root`` (itself included) that nothing names,
    each with the module it belongs to."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy()}
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or not widget.isVisible() or _inner_part(widget):
            continue
        if isinstance(widget, QAbstractButton) and any(c.isalnum() for c in widget.text()):
            continue  # a word names it; a symbol alone ("✕") names nothing
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        found.append((owner_module(widget), widget))
    return found


def describe(found: list[tuple[str, QWidget]]) -> list[str]:
    return [f"{m}: {type(w).__name__} {w.objectName()!r}" for m, w in found]


def assert_named(root: QWidget) -> None:
    """Every visible interactive widget of ours under ``root`` has a name."""
    ours = [(m, w) for m, w in unnamed_widgets(root) if m.startswith("st_desktop.")]
    assert not ours, "no accessible name:\n" + "\n".join(describe(ours))


@pytest.fixture
def window_app(qtbot: QtBot, isolated_basedir: Path) -> Iterator[Application]:
    application = create_application(
        ["--basedir", str(isolated_basedir)], keyring_backend=MemoryKeyring()
    )
    qtbot.addWidget(application.window)
    application.window.show()
    qtbot.waitExposed(application.window)
    yield application
    application.shutdown(5.0)


def test_the_checker_finds_an_unnamed_control(qtbot: QtBot) -> None:
    """What the tests below rely on: an unnamed line edit or icon button is found, a named one
    or one with a buddy label is not."""
    root = QWidget()
    qtbot.addWidget(root)
    bare, named, labelled = QLineEdit(root), QLineEdit(root), QLineEdit(root)
    named.setAccessibleName("Name")
    QLabel("&Label", root).setBuddy(labelled)
    button = QToolButton(root)  # an icon, no text
    close = QToolButton(root)
    close.setText("✕")
    worded = QToolButton(root)
    worded.setText("&Close")
    root.show()
    found = [w for _m, w in unnamed_widgets(root)]
    assert bare in found
    assert button in found
    assert close in found
    assert worded not in found
    assert named not in found
    assert labelled not in found


def test_the_first_start_window_names_its_controls(window_app: Application) -> None:
    assert window_app.window.welcome_shown
    assert_named(window_app.window)


def test_the_workout_browser_names_its_controls(window_app: Application, qtbot: QtBot) -> None:
    window = window_app.window
    window.show_welcome(False)
    qtbot.waitUntil(window_app.browser.isVisible, timeout=2000)
    window_app.browser.filter_bar.dates.setChecked(True)  # the date range shows enabled
    assert_named(window)
    browser = window_app.browser
    assert browser.filter_bar.search.accessibleName() == "Search workouts"
    assert browser.filter_bar.date_from.accessibleName() == "From date"
    assert browser.table.accessibleName() == "Workouts"


def test_the_import_progress_names_its_bar(qtbot: QtBot) -> None:
    progress = ImportProgress()
    qtbot.addWidget(progress)
    progress.show_progress(3, 10, paused=False, threshold=1)
    assert progress.isVisible()
    assert_named(progress)
    assert progress.bar.accessibleName() == "Importing: 3 of 10 files"
    progress.show_progress(3, 10, paused=True, threshold=1)
    assert progress.bar.accessibleName() == "Import paused: 3 of 10 files"
    assert progress.pause_button.text() == "Resume"


def test_dialogs_name_their_controls(
    qtbot: QtBot, window_app: Application, settings: Settings, tmp_path: Path
) -> None:
    parent = window_app.window
    device = Device("garmin:1", "Forerunner 255", "Garmin", tmp_path)
    privacy = PrivacyZonesPage(settings)
    privacy.add_zone(PrivacyZone("Home", 47.0, 8.0))
    dialogs: list[QWidget] = [
        AboutDialog({"Log": tmp_path, "Data": tmp_path}, parent.windowIcon().pixmap(16), parent),
        BulkEditDialog(3, parent),
        NewWorkoutDialog("metric", parent),
        ExportDialog(2, str(tmp_path), parent),
        SignInDialog(window_app.account, window_app.settings, window_app.runner, parent),
        DeviceQuestion(DevicePlan(device, [], [], True, 4), parent),
        privacy,
        LanguagePage(settings),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_named(dialog)
