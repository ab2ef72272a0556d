"""The hands-free import's widgets: the first-time device question and the import's progress."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from st_desktop.services.autoimport import DevicePlan
from st_desktop.ui.i18n import plural


class DeviceQuestion(QDialog):
    """Asks, once per device, whether to import its activities; never modal.

    Closing it without an answer leaves the device unknown: it is asked about again the next
    time it is plugged in.

    Args:
        plan: what the device would import.
        parent: the main window.

    Signals:
        answered(str, bool): "auto", "list" or "never", and whether the whole history is wanted.
    """

    answered = Signal(str, bool)

    def __init__(self, plan: DevicePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceQuestion")
        self.setModal(False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.plan = plan
        device = plan.device
        self.setWindowTitle(self.tr("Import from {device}?").format(device=device.name))
        new = len(plan.new)
        older = len(plan.older)
        found = [
            self.tr("<b>{device}</b> ({vendor}) is plugged in.").format(
                device=device.name, vendor=device.vendor
            ),
            plural(
                plan.total, self.tr("It holds 1 activity."), self.tr("It holds {count} activities.")
            ),
        ]
        if older:
            found.append(
                plural(
                    new,
                    self.tr("1 of them is newer than your latest workout in SportTracks."),
                    self.tr("{count} of them are newer than your latest workout in SportTracks."),
                )
            )
        question = self.tr(
            "Import its new activities automatically whenever it is plugged in? Files already "
            "uploaded are never uploaded again. Your answer is remembered; Preferences "
            "&gt; Devices changes it."
        )
        text = QLabel(" ".join(found) + "<br><br>" + question, self)
        text.setObjectName("deviceQuestionText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(self)
        self.auto_button = self._button(
            buttons, self.tr("&Upload New Activities ({count})").format(count=new), "auto"
        )
        self.auto_button.setObjectName("deviceUploadAuto")
        self.auto_button.setDefault(True)
        self.list_button = self._button(buttons, self.tr("Add to the &List Only"), "list")
        self.list_button.setObjectName("deviceListOnly")
        self.whole_button = self._button(
            buttons, self.tr("Import &All {count}").format(count=plan.total), "auto", True
        )
        self.whole_button.setObjectName("deviceWholeHistory")
        self.whole_button.setVisible(bool(older))
        self.never_button = self._button(buttons, self.tr("&Not This Device"), "never")
        self.never_button.setObjectName("deviceNever")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def _button(
        self, box: QDialogButtonBox, text: str, answer: str, whole: bool = False
    ) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._answer(answer, whole))
        return button

    def _answer(self, answer: str, whole: bool) -> None:
        self.answered.emit(answer, whole)
        self.accept()


class ImportProgress(QWidget):
    """ "Importing 12 of 500" with a bar, Pause/Resume and Cancel; for the status bar.

    Signals:
        pause_toggled(bool): True to pause.
        cancel_requested(): drop the files still waiting.
    """

    pause_toggled = Signal(bool)
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importProgress")
        self.label = QLabel(self)
        self.label.setObjectName("importProgressText")
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgressBar")
        self.bar.setMaximumWidth(180)
        self.bar.setFormat(self.tr("%v of %m"))
        self.pause_button = QPushButton(self.tr("Pause"), self)
        self.pause_button.setObjectName("importPause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._toggled)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setToolTip(
            self.tr("Stop importing; the files not imported stay where they are")
        )
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.pause_button, self.cancel_button):
            layout.addWidget(widget)
        self.setVisible(False)

    def show_progress(self, done: int, total: int, paused: bool, threshold: int) -> None:
        """Show ``done`` of ``total`` (hidden below ``threshold`` files and when all is done)."""
        self.setVisible(total >= threshold and done < total)
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        locale = QLocale()
        counts = {"done": locale.toString(done), "total": locale.toString(total)}
        if paused:
            self.label.setText(self.tr("Paused: {done} of {total}").format(**counts))
            name = self.tr("Import paused: {done} of {total} files")
        else:
            self.label.setText(self.tr("Importing: {done} of {total}").format(**counts))
            name = self.tr("Importing: {done} of {total} files")
        self.bar.setAccessibleName(name.format(**counts))
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self._label_pause(paused)
        self.pause_button.blockSignals(False)

    def _toggled(self, checked: bool) -> None:
        self._label_pause(checked)
        self.pause_toggled.emit(checked)

    def _label_pause(self, paused: bool) -> None:
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
