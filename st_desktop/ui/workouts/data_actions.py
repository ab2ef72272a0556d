"""Workouts > Back Up Account… and Export Selected…: choose a folder, watch the progress.

The work is :class:`~st_desktop.services.data.DataService`'s, on the task runner; this shows a
progress dialog with Cancel (a stopped backup resumes on the next run) and the outcome as one
sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.account import Account
from st_desktop.services.data import DataService
from st_desktop.tasks import TaskHandle, TaskRunner

EXPORT_FORMATS = (
    ("fit", "FIT (Garmin, most apps)"),
    ("tcx", "TCX (Training Center)"),
    ("gpx", "GPX (route with heart rate, cadence, power)"),
    ("json", "JSON (exactly as SportTracks stores it)"),
    ("csv", "CSV (one row per workout, for spreadsheets)"),
)


class SelectionSource(Protocol):
    """Where the workouts and the account come from (the browser)."""

    def online(self) -> Account | None:
        """The signed-in account, or None (having said to sign in)."""
        ...

    def selected_workouts(self) -> list[WorkoutSummary]:
        """The selected rows' summaries."""
        ...


class ExportDialog(QDialog):
    """Asks for a folder and a format (object name ``exportDialog``)."""

    def __init__(self, count: int, folder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export Workout" if count == 1 else f"Export {count} Workouts")
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        for key, label in EXPORT_FORMATS:
            self.format.addItem(label, key)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("exportFolder")
        browse = QPushButton("Choose…", self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("&Format:", self.format)
        form.addRow("&Folder:", row)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Export to", self.folder.text())
        if chosen:
            self.folder.setText(chosen)

    def chosen(self) -> tuple[Path, str]:
        """The folder and the format key."""
        return Path(self.folder.text()).expanduser(), str(self.format.currentData())


class DataActions(QObject):
    """The two actions and the jobs behind them.

    Args:
        source: the browser (selection and account).
        runner: runs the service.
        service: backup and export.
        parent: the window the dialogs belong to.

    Signals:
        message(str): the outcome, for the status bar.
        error(str): why a job failed.
    """

    message = Signal(str)
    error = Signal(str)

    def __init__(
        self, source: SelectionSource, runner: TaskRunner, service: DataService, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._runner = runner
        self._service = service
        self._parent = parent
        self._last_folder = str(Path.home())
        self.choose_folder: Callable[[str, str], str] = self._ask_folder
        self.backup_action = QAction("Back &Up Account…", self)
        self.backup_action.setObjectName("backupAccountAction")
        self.backup_action.setStatusTip("Save every workout's full data into a folder")
        self.backup_action.triggered.connect(self.back_up)
        self.export_action = QAction("&Export Selected…", self)
        self.export_action.setObjectName("exportSelectedAction")
        self.export_action.setShortcut("Ctrl+E")
        self.export_action.setStatusTip("Write the selected workouts as FIT, TCX, GPX, JSON or CSV")
        self.export_action.triggered.connect(self.export_selected)
        self.progress: QProgressDialog | None = None
        self.export_dialog: ExportDialog | None = None

    def _ask_folder(self, title: str, start: str) -> str:
        return QFileDialog.getExistingDirectory(self._parent, title, start)

    # -- backup -------------------------------------------------------------------------------

    def back_up(self) -> None:
        """Ask for a folder and bring the backup there up to date."""
        account = self._source.online()
        if account is None:
            return
        chosen = self.choose_folder("Back up your SportTracks account to", self._last_folder)
        if not chosen:
            return
        self._last_folder = chosen
        self._run(
            "Backing up your account…",
            self._service.backup,
            account,
            Path(chosen),
            done=lambda report: f"{report.summary()} Saved in {chosen}.",
        )

    # -- export -------------------------------------------------------------------------------

    def export_selected(self) -> None:
        """Ask for a format and a folder, then write the selected workouts there."""
        account = self._source.online()
        chosen = self._source.selected_workouts()
        if account is None:
            return
        if not chosen:
            self.error.emit("Select the workouts to export in the table first.")
            return
        dialog = ExportDialog(len(chosen), self._last_folder, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dialog

        def go() -> None:
            folder, fmt = dialog.chosen()
            self._last_folder = str(folder)
            self._run(
                f"Exporting {len(chosen)} workouts…",
                self._service.export_selected,
                account,
                chosen,
                folder,
                fmt,
                done=lambda report: f"{report.summary(fmt)} Saved in {folder}.",
            )

        dialog.accepted.connect(go)
        dialog.open()

    # -- running ------------------------------------------------------------------------------

    def _run(
        self, title: str, job: Callable[..., Any], *args: Any, done: Callable[[Any], str]
    ) -> None:
        progress = QProgressDialog(title, "Cancel", 0, 0, self._parent)
        progress.setObjectName("dataProgress")
        progress.setWindowTitle(title.rstrip("…"))
        progress.setMinimumDuration(0)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        self.progress = progress

        def report(done_count: int, total: int, message: str) -> None:
            if total:
                progress.setMaximum(total)
                progress.setValue(done_count)
            if message:
                progress.setLabelText(f"{message}: {done_count} of {total}" if total else message)

        def finished(result: Any) -> None:
            failures = getattr(result, "failures", [])
            text = done(result)
            (self.error if failures else self.message).emit(
                text + (f" First problem: {failures[0]}" if failures else "")
            )

        def close() -> None:
            progress.close()
            progress.deleteLater()
            self.progress = None

        handle: TaskHandle = self._runner.submit(
            job,
            *args,
            with_context=True,
            description=title.rstrip("…"),
            on_progress=report,
            on_result=finished,
            on_error=lambda exc: self.error.emit(f"{title.rstrip('…')} failed: {exc}"),
            on_finished=close,
            owner=self,
        )
        progress.canceled.connect(handle.cancel)
        progress.canceled.connect(
            lambda: self.message.emit("Stopped; what was saved so far is kept.")
        )
        progress.show()
