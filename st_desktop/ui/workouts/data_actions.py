"""Workouts > Back Up Account… and Export Selected…: choose a folder, watch the progress.

The work is :class:`~st_desktop.services.data.DataService`'s, on the task runner; this shows a
progress dialog with Cancel (a stopped backup resumes on the next run) and the outcome as one
sentence.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from st_desktop.domain.workout import WorkoutSummary
from st_desktop.services.account import Account
from st_desktop.services.data import DataService
from st_desktop.tasks import TaskHandle, TaskRunner
from st_desktop.ui.i18n import plural

#: The formats Export offers: key and label (translated where the list is shown).
EXPORT_FORMATS = (
    ("fit", QT_TRANSLATE_NOOP("ExportDialog", "FIT (Garmin, most apps)")),
    ("tcx", QT_TRANSLATE_NOOP("ExportDialog", "TCX (Training Center)")),
    ("gpx", QT_TRANSLATE_NOOP("ExportDialog", "GPX (route with heart rate, cadence, power)")),
    ("json", QT_TRANSLATE_NOOP("ExportDialog", "JSON (exactly as SportTracks stores it)")),
    ("csv", QT_TRANSLATE_NOOP("ExportDialog", "CSV (one row per workout, for spreadsheets)")),
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
        self.setWindowTitle(
            plural(count, self.tr("Export Workout"), self.tr("Export {count} Workouts"))
        )
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName(self.tr("Format"))
        for key, label in EXPORT_FORMATS:
            self.format.addItem(QCoreApplication.translate("ExportDialog", str(label)), key)
        self.folder = QLineEdit(folder, self)
        self.folder.setObjectName("exportFolder")
        self.folder.setAccessibleName(self.tr("Folder to export to"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setObjectName("exportChooseFolder")
        browse.setAccessibleDescription(self.tr("Choose the folder in a file dialog"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Format:"), self.format)
        folder_label = QLabel(self.tr("F&older:"), self)
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, row)
        form.addRow(buttons)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Export to"), self.folder.text())
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
        self.backup_action = QAction(self.tr("Back &Up Account…"), self)
        self.backup_action.setObjectName("backupAccountAction")
        self.backup_action.setStatusTip(self.tr("Save every workout's full data into a folder"))
        self.backup_action.triggered.connect(self.back_up)
        self.export_action = QAction(self.tr("&Export Selected…"), self)
        self.export_action.setObjectName("exportSelectedAction")
        self.export_action.setShortcut("Ctrl+E")
        self.export_action.setStatusTip(
            self.tr("Write the selected workouts as FIT, TCX, GPX, JSON or CSV")
        )
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
        chosen = self.choose_folder(
            self.tr("Back up your SportTracks account to"), self._last_folder
        )
        if not chosen:
            return
        self._last_folder = chosen
        self._run(
            self.tr("Backing up your account…"),
            self._service.backup,
            account,
            Path(chosen),
            done=lambda report: self._saved(report.summary(), chosen),
        )

    # -- export -------------------------------------------------------------------------------

    def export_selected(self) -> None:
        """Ask for a format and a folder, then write the selected workouts there."""
        account = self._source.online()
        chosen = self._source.selected_workouts()
        if account is None:
            return
        if not chosen:
            self.error.emit(self.tr("Select the workouts to export in the table first."))
            return
        dialog = ExportDialog(len(chosen), self._last_folder, self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.export_dialog = dialog

        def go() -> None:
            folder, fmt = dialog.chosen()
            self._last_folder = str(folder)
            self._run(
                plural(
                    len(chosen),
                    self.tr("Exporting 1 workout…"),
                    self.tr("Exporting {count} workouts…"),
                ),
                self._service.export_selected,
                account,
                chosen,
                folder,
                fmt,
                done=lambda report: self._saved(report.summary(fmt), folder),
            )

        dialog.accepted.connect(go)
        dialog.open()

    def _saved(self, summary: str, folder: object) -> str:
        return summary + " " + self.tr("Saved in {folder}.").format(folder=folder)

    # -- running ------------------------------------------------------------------------------

    def _run(
        self, title: str, job: Callable[..., Any], *args: Any, done: Callable[[Any], str]
    ) -> None:
        progress = QProgressDialog(title, self.tr("Cancel"), 0, 0, self._parent)
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
                progress.setLabelText(
                    self.tr("{step}: {done} of {total}").format(
                        step=message, done=done_count, total=total
                    )
                    if total
                    else message
                )

        def finished(result: Any) -> None:
            failures = getattr(result, "failures", [])
            text = done(result)
            if failures:
                text += " " + self.tr("First problem: {problem}").format(problem=failures[0])
            (self.error if failures else self.message).emit(text)

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
            on_error=lambda exc: self.error.emit(
                self.tr("{task} failed: {error}").format(task=title.rstrip("…"), error=exc)
            ),
            on_finished=close,
            owner=self,
        )
        progress.canceled.connect(handle.cancel)
        progress.canceled.connect(
            lambda: self.message.emit(self.tr("Stopped; what was saved so far is kept."))
        )
        progress.show()
