"""Translations: the committed catalogues are complete and current, and German shows in German.

The catalogue (``st_desktop/assets/i18n/st_desktop_de.ts``) and its compiled ``.qm`` are
committed, so a fresh clone speaks German after ``pip install -e .``; these tests fail when a
UI string is added without a translation, or the ``.qm`` was not rebuilt from the ``.ts``
(``python tools/update_translations.py`` does both).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.qtbot import QtBot

from st_desktop.app import create_application
from st_desktop.application import Application
from st_desktop.ui.dialogs.new_workout import NewWorkoutDialog
from st_desktop.ui.i18n import (
    available_languages,
    choose_language,
    date_format,
    formatting_locale,
    install_translators,
    plural,
    remove_translators,
)
from tests.conftest import REPO_ROOT
from tests.doubles import MemoryKeyring
from tools.update_translations import LANGUAGES, lrelease, lupdate, qm_file, ts_file

Message = tuple[str, str]  # (context, source)


def messages(ts: Path) -> dict[Message, list[str]]:
    """Every current message of a catalogue -> its translation (each plural form)."""
    found: dict[Message, list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            if translation.get("type") == "unfinished":
                texts = []
            found[(name, message.findtext("source") or "")] = texts
    return found


# ---------------------------------------------------------------------- the committed files


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_qm_is_compiled_from_the_committed_ts(language: str, tmp_path: Path) -> None:
    fresh = tmp_path / qm_file(language).name
    lrelease(ts_file(language), fresh)
    assert fresh.read_bytes() == qm_file(language).read_bytes(), (
        f"{qm_file(language).name} is stale: run python tools/update_translations.py"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_is_translated(language: str) -> None:
    catalogue = messages(ts_file(language))
    assert len(catalogue) > 200  # the phase-1 UI at least
    missing = [source for (_, source), texts in catalogue.items() if not texts]
    empty = [
        s for (_, s), texts in catalogue.items() if texts and not all(t.strip() for t in texts)
    ]
    assert not missing, f"untranslated: {missing[:10]}"
    assert not empty, f"empty translations: {empty[:10]}"


MNEMONIC = re.compile(r"&(?!gt;|lt;|amp;|nbsp;|quot;)")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%[nvm]")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_and_one_mnemonic(language: str) -> None:
    wrong = []
    for (context, source), texts in messages(ts_file(language)).items():
        for text in texts:
            if Counter(PLACEHOLDER.findall(text)) != Counter(PLACEHOLDER.findall(source)):
                wrong.append(f"{context}: {source!r} -> {text!r} (placeholders)")
            if len(MNEMONIC.findall(text)) != len(MNEMONIC.findall(source)):
                wrong.append(f"{context}: {source!r} -> {text!r} (accelerator)")
            if text.count("\n") != source.count("\n"):
                wrong.append(f"{context}: {source!r} -> {text!r} (line breaks)")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_catalogue_holds_every_string_the_sources_have(language: str, tmp_path: Path) -> None:
    """lupdate over today's sources finds nothing the committed catalogue lacks (new UI text
    without a translation) and nothing it holds that the sources dropped."""
    committed = ts_file(language)
    fresh = tmp_path / committed.name
    fresh.write_bytes(committed.read_bytes())
    lupdate(fresh, language)
    extracted, kept = set(messages(fresh)), set(messages(committed))
    assert not extracted - kept, f"not in the catalogue yet: {sorted(extracted - kept)[:10]}"
    assert not kept - extracted, f"no longer in the sources: {sorted(kept - extracted)[:10]}"


def test_the_package_ships_the_german_catalogue() -> None:
    assert available_languages() == ["de", "en"]


# ---------------------------------------------------------------------- choosing the language


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANGUAGE": "de"}, ("de", "de")),
        ({"LANGUAGE": "fr:de_AT:en", "LANG": "fr_FR.UTF-8"}, ("de", "de_AT")),
        ({"LC_ALL": "de_CH.UTF-8", "LANG": "en_US.UTF-8"}, ("de", "de_CH")),
        ({"LC_MESSAGES": "de_DE.UTF-8@euro"}, ("de", "de_DE")),
        ({"LANG": "C.UTF-8"}, ("en", "en")),
        ({"LANGUAGE": "fr", "LANG": "fr_FR.UTF-8"}, ("en", "en")),  # no French: the source
        ({"LANGUAGE": "en_GB:de", "LANG": "de_DE.UTF-8"}, ("en", "en_GB")),
    ],
)
def test_the_language_follows_the_environment_like_gettext(
    environ: dict[str, str], expected: tuple[str, str]
) -> None:
    assert choose_language(None, environ, ["de"]) == expected


def test_formats_follow_the_language_unless_the_system_formats_in_it() -> None:
    """Qt's system locale takes its name from LANGUAGE but its formats from LC_*/LANG: German
    text over a C locale gets German formats, not C's."""
    german = formatting_locale("de", "de", {"LANGUAGE": "de", "LANG": "C.UTF-8"})
    assert german.toString(1234.5, "f", 1) == "1.234,5"
    assert german.dateFormat(QLocale.FormatType.ShortFormat) == "dd.MM.yy"
    swiss = formatting_locale("de", "de_CH", {"LC_ALL": "fr_FR.UTF-8"})
    assert swiss.name() == "de_CH"
    # English text on a machine formatting in English (or C) keeps the machine's formats.
    assert formatting_locale("en", "en", {"LANG": "C.UTF-8"}) == QLocale.system()


def test_a_chosen_language_wins_over_the_environment() -> None:
    assert choose_language("en", {"LANGUAGE": "de"}, ["de"]) == ("en", "en")
    assert choose_language("de", {"LANG": "en_US.UTF-8"}, ["de"]) == ("de", "de")


# ---------------------------------------------------------------------- German in the app


@pytest.fixture
def german(qapp: QApplication) -> Iterator[str]:
    """German text and formats for one test; English again afterwards."""
    language = install_translators(qapp, "de")
    try:
        yield language
    finally:
        remove_translators(qapp)


@pytest.fixture
def german_app(german: str, qtbot: QtBot, isolated_basedir: Path) -> Iterator[Application]:
    application = create_application(
        ["--basedir", str(isolated_basedir)], keyring_backend=MemoryKeyring()
    )
    qtbot.addWidget(application.window)
    application.window.show()
    yield application
    application.shutdown(5.0)


def mnemonics(menu: QMenu, names: set[str] | None = None) -> list[str]:
    """The accelerator letters of a menu's actions (only those named, if given)."""
    letters = []
    for action in menu.actions():
        if names is not None and action.objectName() not in names:
            continue
        found = MNEMONIC.search(action.text())
        if found:
            letters.append(action.text()[found.end()].lower())
    return letters


def test_german_menus_and_accelerators_without_clashes(german_app: Application) -> None:
    window = german_app.window
    titles = [action.text() for action in window.menuBar().actions()]
    for title in ("&Datei", "&Trainings", "&Konto", "&Ansicht", "&Hilfe"):
        assert title in titles
    bar = [text[text.index("&") + 1].lower() for text in titles if "&" in text]
    assert len(bar) == len(set(bar)), titles
    for menu in (window.file_menu, window.workouts_menu, window.account_menu):
        letters = mnemonics(menu)
        assert len(letters) == len(set(letters)), [a.text() for a in menu.actions()]
    views = {f"{key}ViewAction" for key in ("workouts", "calendar", "totals", "gear", "body")}
    ours = views | {"refreshAction", "toggleUploadAction"}
    view = mnemonics(window.view_menu, ours)
    assert len(view) == len(ours) == len(set(view)), [a.text() for a in window.view_menu.actions()]
    assert window.open_action.text() == "Dateien ö&ffnen…"
    assert window.sign_in_action.text() == "&Anmelden…"
    assert window.account_label.text() == "Nicht angemeldet"
    assert german_app.browser.new_action.text() == "&Neues Training…"
    assert window.welcome.demo_button.text() == "&Demo ausprobieren"


def test_german_dialogs_use_qts_own_german_for_standard_buttons(german: str, qtbot: QtBot) -> None:
    assert german == "de"
    dialog = NewWorkoutDialog("metric")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Neues Training"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Anlegen"
    dialog.duration.setText("0")
    assert dialog.problem.text() == "Die Dauer muss länger als null sein."


def test_german_numbers_and_dates_use_german_separators(german: str, qtbot: QtBot) -> None:
    locale = QLocale()
    assert locale.toString(1234567.5, "f", 1) == "1.234.567,5"
    assert locale.toString(QDate(2026, 3, 1), QLocale.FormatType.ShortFormat) == "01.03.26"
    assert date_format() == "dd.MM.yyyy"  # the year in full where dates are typed
    assert date_format(time=True) == "dd.MM.yyyy HH:mm"
    assert plural(1234, "{count} Training", "{count} Trainings") == "1.234 Trainings"
    from st_desktop.ui.workouts.search_status import SearchStatus

    status = SearchStatus()
    qtbot.addWidget(status)
    status.show_counts(1234, 5678, "")
    assert status.count.text() == "1.234 von 5.678"
    status.show_counts(0, 5678, "Zeitfahren")
    assert status.no_match.text() == "Keine Trainings passen zu „Zeitfahren“."


def test_english_is_back_after_german(qapp: QApplication, qtbot: QtBot) -> None:
    install_translators(qapp, "de")
    remove_translators(qapp)
    dialog = NewWorkoutDialog("metric")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "New Workout"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def in_german(script: str, argument: str) -> dict[str, Any]:
    """Run ``script`` in a fresh process with LANGUAGE=de (over the C locale the suite runs in),
    reading the catalogue from the installed package; the JSON object it prints last."""
    env = {**os.environ, "LANGUAGE": "de", "LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, argument],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


SHOW_MENUS = """
import json, sys
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from st_desktop.ui.i18n import install_translators
app = QApplication([])
language = install_translators(app)  # from the environment, as main() does
from st_desktop.app import create_application
from tests.doubles import MemoryKeyring
application = create_application(["--basedir", sys.argv[1]], keyring_backend=MemoryKeyring())
buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
from PySide6.QtCore import QDate, QLocale
from st_desktop.ui.i18n import date_format
print(json.dumps({
    "language": language,
    "number": QLocale().toString(1234.5, "f", 1),
    "date": QLocale().toString(QDate(2026, 3, 1), date_format()),
    "menus": [a.text() for a in application.window.menuBar().actions()],
    "cancel": buttons.button(QDialogButtonBox.StandardButton.Cancel).text(),
}))
application.shutdown(5.0)
"""


def test_language_de_in_the_environment_gives_german_menus(isolated_basedir: Path) -> None:
    """A fresh process with LANGUAGE=de (over the C locale the suite runs in), reading the
    catalogue from the installed package."""
    shown = in_german(SHOW_MENUS, str(isolated_basedir))
    assert shown["language"] == "de"
    assert [m.replace("&", "") for m in shown["menus"]] == [
        "Datei",
        "Bearbeiten",
        "Trainings",
        "Konto",
        "Ansicht",
        "Hilfe",
    ]
    assert shown["cancel"] == "Abbrechen"
    assert shown["number"] == "1.234,5"
    assert shown["date"] == "01.03.2026"


def test_the_language_chosen_in_preferences_is_used_at_the_next_start(
    isolated_basedir: Path,
) -> None:
    """The real start-up (``st-desktop``'s main) reads Preferences > Language before any widget."""
    from st_desktop.paths import resolve_paths
    from st_desktop.settings import Keys, Settings

    paths = resolve_paths(isolated_basedir)
    paths.config.mkdir(parents=True, exist_ok=True)
    settings = Settings(paths.settings_file)
    settings.set(Keys.LANGUAGE, "de")
    settings.sync()
    env = {**os.environ, "ST_DESKTOP_SMOKE_TEST": "0.5", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "st_desktop", "--basedir", str(isolated_basedir)],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    log = paths.log_file.read_text(encoding="utf-8")
    assert "language: de" in log  # the conftest's LANGUAGE=en was overruled by the choice


SHOW_VIEWS = """
import json, sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QToolButton
from st_desktop.ui.i18n import install_translators
app = QApplication([])
language = install_translators(app)  # from the environment, as main() does
from st_desktop.app import create_application
from st_desktop.ui.dialogs.preferences import PreferencesDialog
from tests.doubles import MemoryKeyring
application = create_application(["--basedir", sys.argv[1]], keyring_backend=MemoryKeyring())
window = application.window
pane = application.upload
columns = range(pane.model.columnCount())
window.findChild(QAction, "preferencesAction").trigger()  # Edit > Preferences…
dialog = window.findChild(PreferencesDialog)
print(json.dumps({
    "language": language,
    "views": [a.text() for a in window.views.actions_in_order()],
    "view_buttons": [b.accessibleName() for b in window.views.sidebar.findChildren(QToolButton)],
    "upload_hint": pane.hint.text(),
    "upload_button": pane.upload_button.text(),
    "upload_headers": [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in columns],
    "upload_list": pane.list.accessibleName(),
    "preferences": dialog.windowTitle(),
    "pages": [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())],
}))
dialog.reject()
application.shutdown(5.0)
"""


def test_language_de_gives_german_views_upload_pane_and_preferences(
    isolated_basedir: Path,
) -> None:
    """A fresh process with LANGUAGE=de: the view names (and their Ctrl+1...5 buttons), the
    upload pane and every Preferences page title are German, with no clash of accelerators
    among the View menu's entries."""
    shown = in_german(SHOW_VIEWS, str(isolated_basedir))
    assert shown["language"] == "de"
    assert shown["views"] == ["&Trainings", "&Kalender", "&Summen", "A&usrüstung", "Körper&werte"]
    assert shown["view_buttons"] == [
        "Ansicht Trainings",
        "Ansicht Kalender",
        "Ansicht Summen",
        "Ansicht Ausrüstung",
        "Ansicht Körperwerte",
    ]
    assert shown["upload_hint"].startswith("Ziehen Sie FIT-, TCX- oder GPX-Dateien")
    assert shown["upload_button"] == "&Hochladen"
    assert shown["upload_headers"] == [
        "Status",
        "Datei",
        "Beginn",
        "Sportart",
        "Bewegung",
        "Distanz",
        "Details",
    ]
    assert shown["upload_list"] == "Hochzuladende Dateien"
    assert shown["preferences"] == "Einstellungen"
    assert shown["pages"] == [
        "Allgemein",
        "Automatischer Import",
        "Geräte",
        "Erscheinungsbild",
        "Karte",
        "Privatsphäre-Zonen",
        "Sprache",
    ]


SHOW_PREVIEW = """
import json, sys
from PySide6.QtWidgets import QApplication, QFormLayout
from st_desktop.ui.i18n import install_translators
app = QApplication([])
language = install_translators(app)  # from the environment, as main() does
from st_desktop.domain.track import Track
from st_desktop.parsers.registry import parse_file
from st_desktop.ui.detail.chart_series import chart_series
from st_desktop.ui.upload.fix_bar import zone_text
from st_desktop.ui.upload.preview import PreviewView
from st_desktop.ui.upload.preview_parts import start_text
preview = PreviewView()
form = preview.form_box.layout()
role = QFormLayout.ItemRole.LabelRole
activity = parse_file(sys.argv[1])
charts = preview.charts
print(json.dumps({
    "language": language,
    "labels": [form.itemAt(r, role).widget().text() for r in range(form.rowCount())],
    "buttons": [preview.fixes.split_button.text(), preview.fixes.trim_button.text()],
    "duplicate": [preview.skip_button.text(), preview.anyway_button.text()],
    "empty": preview.placeholder.text(),
    "x_axis": [charts.time_button.text(), charts.distance_button.text()],
    "charts_empty": charts.empty.text(),
    "titles": [s[1] for s in chart_series(Track.from_activity(activity), "metric")],
    "start": start_text(activity.local_start),
    "zone": zone_text(activity),
}))
"""


def test_language_de_gives_a_german_upload_preview_and_chart_titles(test_data: Path) -> None:
    """A fresh process with LANGUAGE=de: the preview's labels and buttons (each with an
    accelerator of its own), the charts' axis choice and titles (units kept), the start with
    German day and month names and where the ride's time zone came from are German."""
    ride = test_data / "fit" / "fp_coros-pace-2-cycling-misaligned-fields.fit"
    shown = in_german(SHOW_PREVIEW, str(ride))
    assert shown["language"] == "de"
    assert shown["labels"] == ["&Name", "Sport&art", "N&otizen", "&Beginn"]
    assert shown["buttons"] == ["Au&fteilen…", "Auf Auswahl &kürzen"]
    keys = [re.search("&(.)", text).group(1).lower() for text in shown["labels"] + shown["buttons"]]
    assert len(set(keys)) == len(keys), keys  # no two share an Alt key in one widget
    assert shown["duplicate"] == ["Überspringen (ist schon vorhanden)", "Trotzdem hochladen"]
    assert shown["empty"].startswith("Wählen Sie eine Datei in der Liste")
    assert shown["x_axis"] == ["Zeit", "Distanz"]
    assert shown["charts_empty"] == "Wählen Sie ein Training, um seine Diagramme zu sehen."
    assert shown["titles"][:2] == ["Höhe (m)", "Herzfrequenz (bpm)"]
    assert "Geschwindigkeit (km/h)" in shown["titles"]
    assert shown["start"] == "So. 25 Okt. 2020, 06:10:19"
    assert shown["zone"].endswith(", aus der ersten GPS-Position")
