"""The detail editor: the selected workout's figures, charts, route and laps, and its editable
fields (name, type, notes, privacy) with dirty tracking, Save and Revert.

Loading runs on the task runner (server first, the cache when offline); a result for a workout
that is no longer selected is dropped. Save is read-modify-write
(:mod:`st_desktop.services.detail`) and asks before overwriting a workout that changed on the
server since it was loaded.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import partial
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QDateTime, QLocale, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from st_desktop.domain.workout import Workout, WorkoutSummary, workout_id
from st_desktop.services.account import Account
from st_desktop.services.detail import Conflict, Loaded, Saved
from st_desktop.services.workouts import WorkoutService
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunner
from st_desktop.ui.detail.charts import ChartsView
from st_desktop.ui.detail.figures import FiguresView
from st_desktop.ui.detail.laps import LapsView
from st_desktop.ui.detail.route import RouteDisplay, RouteView, swap_in_map
from st_desktop.ui.detail.type_picker import TypePicker
from st_desktop.ui.dialogs.confirm import ConfirmFn, ask
from st_desktop.ui.elided_label import ElidedLabel
from st_desktop.ui.first_paint import when_painted
from st_desktop.ui.workouts.trash import WRITES_QUEUE

log = logging.getLogger(__name__)

PRIVACY = (
    ("public", QT_TRANSLATE_NOOP("DetailEditor", "Public")),
    ("friends", QT_TRANSLATE_NOOP("DetailEditor", "Friends")),
    ("private", QT_TRANSLATE_NOOP("DetailEditor", "Only me")),
)


def _when(start: datetime) -> str:
    """ "Sun 11 Jun 2017, 07:34" in the workout's own clock, with the locale's day and month
    names."""
    moment = QDateTime(QDate(start.year, start.month, start.day), QTime(start.hour, start.minute))
    return QLocale().toString(moment, "ddd dd MMM yyyy, HH:mm")


class DetailEditor(QWidget):
    """Figures, charts (``chartsView``), route (``routeView``), laps and the edit form.

    Args:
        runner: loads and saves in the background.
        settings: units and chart x axis.
        service: loads workouts (server first, the cache offline) and saves edits.
        confirm: asks before overwriting a server change or discarding edits.

    Signals:
        workout_loaded(object): the :class:`Workout` now shown.
        workout_saved(object): the :class:`Workout` as the server stored it after a save.
        message(str): something worked ("Saved").
        error(str): loading or saving failed; the sentence says why.
    """

    workout_loaded = Signal(object)
    workout_saved = Signal(object)
    message = Signal(str)
    error = Signal(str)

    def __init__(
        self,
        runner: TaskRunner,
        settings: Settings,
        service: WorkoutService,
        parent: QWidget | None = None,
        *,
        confirm: ConfirmFn = ask,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("detailEditor")
        self._runner, self._settings, self._service = runner, settings, service
        self._confirm = confirm
        self._account: Account | None = None
        self._summary: WorkoutSummary | None = None
        self._workout: Workout | None = None  # as loaded: the base of the edits
        self._generation = 0
        self._units = settings.get(Keys.UNITS)
        self._build()
        self._show_nothing(self.tr("Select a workout to see its charts, route and laps."))

    # ------------------------------------------------------------------ construction

    def _build(self) -> None:
        self.title = ElidedLabel(self)  # a long name must not widen the editor
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("detailStatus")
        self.status.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setObjectName("detailName")
        self.name.setAccessibleName(self.tr("Workout name"))
        self.type_picker = TypePicker(self)
        self.type_picker.setObjectName("detailType")
        self.privacy = QComboBox(self)
        self.privacy.setObjectName("detailPrivacy")
        for value, label in PRIVACY:
            self.privacy.addItem(self.tr(str(label)), value)
        self.notes = QPlainTextEdit(self)
        self.notes.setObjectName("detailNotes")
        self.notes.setAccessibleName(self.tr("Notes"))
        self.notes.setFixedHeight(self.fontMetrics().height() * 3 + 12)
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.setObjectName("detailSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        self.revert_button.setObjectName("detailRevert")
        self.revert_button.clicked.connect(self.revert)
        for signal in (
            self.name.textChanged,
            self.type_picker.type_changed,
            self.privacy.currentIndexChanged,
            self.notes.textChanged,
        ):
            signal.connect(self._update_dirty)

        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Type:"), self.type_picker)
        form.addRow(self.tr("&Privacy:"), self.privacy)
        form.addRow(self.tr("N&otes:"), self.notes)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        form.addRow(buttons)
        self.figures = FiguresView(self)
        self.figure_labels = self.figures.labels
        left = QVBoxLayout()  # the fields keep their height when the figures are taller
        left.addLayout(form)
        left.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(left, 1)
        top.addSpacing(8)
        top.addWidget(self.figures)

        self.charts = ChartsView(self, self._settings.get(Keys.CHART_X_AXIS))
        self.route: RouteDisplay = RouteView(self)
        self.charts.cursor_moved.connect(self.route.set_marker_at)
        self.laps = LapsView(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self._route_splitter = splitter
        splitter.addWidget(self.charts)
        splitter.addWidget(self.route)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(splitter, self.tr("Charts && route"))
        self.tabs.addTab(self.laps, self.tr("Laps && pauses"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    # ------------------------------------------------------------------ services

    def set_map_view(self, view: QWidget) -> None:
        """Show the route on ``view`` (a map with tiles) instead of the plain route plot."""
        swap_in_map(self.route, view, self.charts)  # type: ignore[arg-type]
        self.route = view  # type: ignore[assignment]  # a MapView: the same calls

    def set_account(self, account: Account | None) -> None:
        """Show workouts of ``account`` (signed out: the cached copies, read-only)."""
        old_key = self._account.key if self._account is not None else None
        self._account = account
        if (account.key if account is not None else None) != old_key:
            self.show_workout(None)
        self._update_dirty()

    def set_units(self, units: str) -> None:
        """Show "metric" or "imperial" units."""
        self._units = units
        if self._workout is not None:
            self._show_figures(self._workout)
            self.charts.set_track(self.charts.track, units)
            self.laps.show_laps(
                self._workout.laps,
                self._workout.timer_stops,
                self._workout.start_time,
                self._workout.type,
                units,
            )

    # ------------------------------------------------------------------ loading

    @property
    def workout(self) -> Workout | None:
        """The workout shown (as loaded or last saved)."""
        return self._workout

    def is_dirty(self) -> bool:
        """True when the form differs from the loaded workout."""
        return bool(self.edits())

    def edits(self) -> dict[str, Any]:
        """The edited fields and their new values."""
        base = self._workout
        if base is None:
            return {}
        edits: dict[str, Any] = {}
        if self.name.text() != base.name:
            edits["name"] = self.name.text()
        if self.type_picker.wire_type() != base.type:
            edits["type"] = self.type_picker.wire_type()
        if self.notes.toPlainText() != base.notes:
            edits["notes"] = self.notes.toPlainText()
        privacy = self.privacy.currentData()
        if privacy != (base.privacy or "friends"):
            edits["privacy"] = privacy
        return edits

    def show_workout(self, summary: WorkoutSummary | None) -> None:
        """Load and show a workout (None clears); unsaved edits are only dropped if confirmed."""
        if self._workout is not None and self.is_dirty():
            if summary is not None and summary.uri == self._workout.uri:
                return
            question = self.tr("Discard your changes to “{name}”?").format(name=self._workout.name)
            if not self._confirm(self, self.tr("Unsaved changes"), question, self.tr("Discard")):
                return
        self._generation += 1
        self._summary = summary
        self._workout = None
        if summary is None or not summary.uri or self._account is None:
            self._show_nothing(self.tr("Select a workout to see its charts, route and laps."))
            return
        generation = self._generation
        # Asked for before the previous workout is cleared away (charts, route, laps: a few
        # milliseconds the request need not wait for). Shown first, kept in the cache after:
        # the disk is not on the way to the charts.
        self._runner.submit(
            self._service.load_detail,
            self._account,
            summary.uri,
            keep=False,
            description=self.tr("Loading the workout"),
            on_result=lambda loaded: self._loaded(generation, loaded),
            on_error=lambda exc: self._load_failed(generation, exc),
            owner=self,
        )
        self._show_nothing(self.tr("Loading…"), loading=True)
        self.title.setText(summary.name or summary.type)

    def _show_nothing(self, text: str, *, loading: bool = False) -> None:
        self.title.setText("")
        self.status.setText(text)
        for widget in (self.name, self.type_picker, self.privacy, self.notes):
            widget.setEnabled(False)
        self.name.clear()
        self.notes.clear()
        self.save_button.setEnabled(False)
        self.revert_button.setEnabled(False)
        self.charts.set_track(None, self._units)
        self.route.set_track(None)
        self.laps.clear()
        self.figures.clear(loading=loading)

    def _loaded(self, generation: int, loaded: Loaded) -> None:
        if generation != self._generation:
            return
        self._set_base(loaded.workout)
        self.charts.set_track(loaded.track, self._units)
        self.route.set_track(loaded.track, self._units)
        if loaded.offline:
            self.status.setText(
                self.tr("Offline: showing the copy on this computer; it can't be saved.")
            )
        elif self._account is not None:
            # Kept once it is painted: writing every sample holds the interpreter ~10 ms, which
            # the charts' layout and paint would wait for; nothing waits for the copy.
            keep = partial(
                self._runner.submit,
                self._service.keep_detail,
                self._account,
                loaded.workout,
                description=self.tr("Keeping the workout for offline use"),
                serial=WRITES_QUEUE,  # in order with deletes and edits of the table
            )
            when_painted(self, keep)
        self.workout_loaded.emit(loaded.workout)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        text = self.tr("Could not load the workout: {error}").format(error=exc)
        self._show_nothing(text)
        self.error.emit(text)

    def _set_base(self, workout: Workout) -> None:
        """Make ``workout`` the loaded version and put its fields in the form."""
        self._workout = workout
        start = workout.start_time
        when = _when(start) if start else ""
        self.title.setText(f"{workout.name or workout.type} — {when}" if when else workout.name)
        widgets = (self.name, self.type_picker, self.privacy, self.notes)
        for widget in widgets:
            widget.blockSignals(True)
            widget.setEnabled(True)
        self.name.setText(workout.name)
        self.type_picker.set_wire_type(workout.type)
        index = self.privacy.findData(workout.privacy or "friends")
        if index < 0:
            self.privacy.addItem(workout.privacy or "", workout.privacy)
            index = self.privacy.count() - 1
        self.privacy.setCurrentIndex(index)
        self.notes.setPlainText(workout.notes)
        for widget in widgets:
            widget.blockSignals(False)
        self._show_figures(workout)
        self.laps.show_laps(
            workout.laps, workout.timer_stops, workout.start_time, workout.type, self._units
        )
        self._update_dirty()

    def _show_figures(self, workout: Workout) -> None:
        self.figures.show_workout(workout, self._units)

    # ------------------------------------------------------------------ editing

    def _update_dirty(self) -> None:
        loaded = self._workout is not None
        dirty = loaded and self.is_dirty()
        online = self._account is not None and self._account.online
        self.save_button.setEnabled(dirty and online)
        self.revert_button.setEnabled(dirty)
        if loaded:
            unsaved = (
                self.tr("Unsaved changes.")
                if online
                else self.tr("Unsaved changes (sign in to save).")
            )
            self.status.setText(unsaved if dirty else "")

    def revert(self) -> None:
        """Put the loaded values back in the form."""
        if self._workout is not None:
            self._set_base(self._workout)

    def save(self, *, overwrite: bool = False) -> None:
        """Save the edited fields (read-modify-write on the runner)."""
        base, edits = self._workout, self.edits()
        account = self._account
        if base is None or not edits or account is None or not account.online:
            return
        generation = self._generation
        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        # Edits of one workout stay in order; they never wait behind other workouts' writes.
        self._runner.submit(
            self._service.save_edits,
            account,
            base,
            edits,
            overwrite=overwrite,
            serial=f"workout:{workout_id(base.uri or '')}",
            description=self.tr("Saving the workout"),
            on_result=lambda result: self._save_done(generation, edits, result),
            on_error=lambda exc: self._save_failed(generation, exc),
            owner=self,
        )

    def _save_done(self, generation: int, edits: dict[str, Any], result: object) -> None:
        if generation != self._generation:
            return
        if isinstance(result, Conflict):
            if self._confirm(
                self,
                self.tr("Changed on SportTracks"),
                self.tr(
                    "This workout was changed on SportTracks since you opened it.\n\n"
                    "Save your changes over that version? (Only the fields you edited are "
                    "replaced.)"
                ),
                self.tr("Overwrite"),
            ):
                self.save(overwrite=True)
            else:
                self.status.setText(
                    self.tr(
                        "Not saved: the workout changed on SportTracks. Revert shows that version."
                    )
                )
                self._workout = result.server
                self.save_button.setEnabled(True)
            return
        assert isinstance(result, Saved)
        kept = self.edits()
        self._set_base(result.workout)
        if kept != edits:  # the user kept typing while saving: keep what they typed
            for key, value in kept.items():
                if key == "name":
                    self.name.setText(value)
                elif key == "notes":
                    self.notes.setPlainText(value)
        self.status.setText(self.tr("Saved."))
        self.message.emit(self.tr("Saved “{name}”.").format(name=result.workout.name))
        self.workout_saved.emit(result.workout)

    def _save_failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._update_dirty()
        self.status.setText(self.tr("Not saved: {error}").format(error=exc))
        self.error.emit(self.tr("Could not save the workout: {error}").format(error=exc))
