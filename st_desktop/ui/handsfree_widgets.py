"""The hands-free import's widgets: the first-time device question and the import's progress."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
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


def _activities(count: int) -> str:
    return f"{count} activit{'y' if count == 1 else 'ies'}"


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
        self.setWindowTitle(f"Import from {device.name}?")
        new = len(plan.new)
        older = len(plan.older)
        if older:
            found = (
                f"It holds {_activities(plan.total)}; {new} of them "
                f"{'is' if new == 1 else 'are'} newer than your latest workout in SportTracks."
            )
        else:
            found = f"It holds {_activities(plan.total)}."
        text = QLabel(
            f"<b>{device.name}</b> ({device.vendor}) is plugged in. {found}<br><br>"
            "Import its new activities automatically whenever it is plugged in? Files already "
            "uploaded are never uploaded again. Your answer is remembered; Preferences "
            "&gt; Devices changes it.",
            self,
        )
        text.setObjectName("deviceQuestionText")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(self)
        self.auto_button = self._button(buttons, f"&Upload New Activities ({new})", "auto")
        self.auto_button.setObjectName("deviceUploadAuto")
        self.auto_button.setDefault(True)
        self.list_button = self._button(buttons, "Add to the &List Only", "list")
        self.list_button.setObjectName("deviceListOnly")
        self.whole_button = self._button(buttons, f"Import &All {plan.total}", "auto", True)
        self.whole_button.setObjectName("deviceWholeHistory")
        self.whole_button.setVisible(bool(older))
        self.never_button = self._button(buttons, "&Not This Device", "never")
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
        self.bar.setFormat("%v of %m")
        self.pause_button = QPushButton("Pause", self)
        self.pause_button.setObjectName("importPause")
        self.pause_button.setCheckable(True)
        self.pause_button.toggled.connect(self._toggled)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.setToolTip("Stop importing; the files not imported stay where they are")
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
        state = "paused" if paused else "importing"
        self.label.setText(f"{state.capitalize()}: {done} of {total}")
        self.bar.setAccessibleName(f"Import {state}: {done} of {total} files")
        self.pause_button.blockSignals(True)
        self.pause_button.setChecked(paused)
        self.pause_button.setText("Resume" if paused else "Pause")
        self.pause_button.blockSignals(False)

    def _toggled(self, checked: bool) -> None:
        self.pause_button.setText("Resume" if checked else "Pause")
        self.pause_toggled.emit(checked)
