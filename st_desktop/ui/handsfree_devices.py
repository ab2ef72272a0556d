"""Watches plugged in over USB: found on a worker, asked about once, imported from thereafter.

:class:`DeviceImports` polls :class:`~st_desktop.services.devices.DeviceMonitor` on the runner,
plans what each device just plugged in would import (a worker lists and compares its files),
asks about a device seen for the first time (:attr:`DeviceImports.device_question`) and
remembers the answer per device in settings. What is to be imported goes to the hands-free
queue through the ``enqueue`` callback.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from st_desktop.services.autoimport import AutoImporter, Candidate, DevicePlan
from st_desktop.services.devices import Device, DeviceChanges, DeviceMonitor, list_activities
from st_desktop.services.handsfree import KnownDevice, devices_from_json, devices_to_json
from st_desktop.settings import Keys, Settings
from st_desktop.tasks import TaskRunner
from st_desktop.ui.i18n import plural

log = logging.getLogger(__name__)

#: Device polls and listings run one at a time, in order; import-log writes have their own key.
DEVICE_KEY = "handsfree-devices"
LOG_KEY = "handsfree-log"


def find_device(devices: Iterable[KnownDevice], device_id: str) -> KnownDevice | None:
    """The known device with ``device_id``."""
    return next((d for d in devices if d.id == device_id), None)


class DeviceImports(QObject):
    """Devices plugged in, the first-time question, and their imports.

    Args:
        settings: the known devices and their answers.
        runner: where polls, listings and log writes run.
        importer: plans what a device would import.
        monitor: finds devices under the mount roots.
        enqueue: takes the files to import.
        account_key: the signed-in account's key (read on the GUI thread).
        latest_workout: the newest workout start cached for an account key (run on a worker).
        poll_ms: how often the mount roots are looked at (0: only :meth:`poll`).

    Signals:
        device_question(object): the :class:`DevicePlan` of a device seen for the first time.
        devices_changed(): a device was plugged in or out, or an answer changed.
        notified(str, str): title and text of a notification.
        message(str): a sentence for the status bar.
    """

    device_question = Signal(object)
    devices_changed = Signal()
    notified = Signal(str, str)
    message = Signal(str)

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunner,
        importer: AutoImporter,
        monitor: DeviceMonitor,
        enqueue: Callable[[Sequence[Candidate]], None],
        *,
        account_key: Callable[[], str | None] = lambda: None,
        latest_workout: Callable[[str | None], datetime | None] = lambda _key: None,
        poll_ms: int = 3000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.importer = importer
        self.monitor = monitor
        self._enqueue = enqueue
        self._account_key = account_key
        self._latest_workout = latest_workout
        self._polling = False
        self.enabled = False
        self._poll_ms = poll_ms
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self.poll)

    @property
    def polling(self) -> bool:
        """Whether a poll of the mount roots is running."""
        return self._polling

    def known(self) -> list[KnownDevice]:
        """Devices seen before, with the user's answers."""
        return devices_from_json(self.settings.get(Keys.KNOWN_DEVICES))

    def connected(self) -> list[Device]:
        """Devices plugged in at the last poll."""
        return self.monitor.connected

    def set_enabled(self, enabled: bool) -> None:
        """Look for devices (or stop looking)."""
        self.enabled = enabled
        if enabled and self._poll_ms:
            self._timer.start()
        else:
            self._timer.stop()

    def stop(self) -> None:
        """Stop polling (at shutdown)."""
        self.enabled = False
        self._timer.stop()

    # ------------------------------------------------------------------ polling

    def poll(self) -> None:
        """Look at the mount roots for devices plugged in or out (on a worker)."""
        if not self.enabled or self._polling:
            return
        self._polling = True
        answers = {d.id: d.answer for d in self.known()}
        self.runner.submit(
            self._changes,
            answers,
            self._account_key(),
            on_result=self._found,
            on_error=self._failed,
            on_finished=self._poll_done,
            description=self.tr("Looking for devices"),
            serial=DEVICE_KEY,
            owner=self,
        )

    def _poll_done(self) -> None:
        self._polling = False

    def _changes(
        self, answers: dict[str, str], account_key: str | None
    ) -> tuple[DeviceChanges, list[DevicePlan]]:
        """Worker: what appeared, and what each device to import from would import."""
        changes = self.monitor.poll()
        wanted = [d for d in changes.appeared if answers.get(d.id) != "never"]
        baseline = self._latest_workout(account_key) if wanted else None
        plans = [
            self.importer.plan_device(
                device,
                list_activities(device),
                auto=answers.get(device.id) != "list",
                baseline=baseline,
            )
            for device in wanted
        ]
        return changes, plans

    def _found(self, found: tuple[DeviceChanges, list[DevicePlan]]) -> None:
        changes, plans = found
        known = self.known()
        for plan in plans:
            answer = find_device(known, plan.device.id)
            if answer is None:
                self.device_question.emit(plan)
                self.notified.emit(
                    self.tr("{device} is connected").format(device=plan.device.name),
                    self.tr("Open SportTracks Desktop to choose whether to import its activities."),
                )
            elif plan.new:
                self._sync(plan, answer.answer, whole_history=False)
        for device in changes.gone:
            log.info("device gone: %s", device.name)
        if changes:
            self.devices_changed.emit()

    # ------------------------------------------------------------------ answers and imports

    def answer(self, plan: DevicePlan, answer: str, *, whole_history: bool = False) -> None:
        """The user's answer about a device ("auto", "list" or "never"), remembered."""
        device = plan.device
        known = [d for d in self.known() if d.id != device.id]
        known.append(KnownDevice(device.id, device.name, device.vendor, answer))
        self.settings.set(Keys.KNOWN_DEVICES, devices_to_json(known))
        self.devices_changed.emit()
        if answer != "never":
            self._sync(plan, answer, whole_history=whole_history)

    def import_whole_history(self, device_id: str) -> bool:
        """Import every activity of a plugged-in device not imported yet (False: not plugged)."""
        device = next((d for d in self.monitor.connected if d.id == device_id), None)
        if device is None:
            return False
        known = find_device(self.known(), device_id)
        answer = known.answer if known is not None and known.answer != "never" else "auto"

        def plan() -> DevicePlan:
            files = list_activities(device)
            return self.importer.plan_device(
                device, files, auto=answer != "list", whole_history=True
            )

        def planned(result: DevicePlan) -> None:
            self._sync(result, answer, whole_history=True)

        self.runner.submit(
            plan,
            on_result=planned,
            on_error=self._failed,
            description=self.tr("Listing {device}").format(device=device.name),
            serial=DEVICE_KEY,
            owner=self,
        )
        return True

    def _sync(self, plan: DevicePlan, answer: str, *, whole_history: bool) -> None:
        auto = answer == "auto"
        files = [_with_auto(c, auto) for c in plan.new + (plan.older if whole_history else [])]

        def begin() -> list[Candidate]:
            if not whole_history:
                self.importer.leave_as_history(plan.older)
            self.importer.mark_synced(plan.device.source)
            return files

        self.runner.submit(
            begin,
            on_result=self._enqueue,
            on_error=self._failed,
            description=self.tr("Importing from {device}").format(device=plan.device.name),
            serial=LOG_KEY,
            owner=self,
        )
        if files:
            self.message.emit(
                plural(
                    len(files),
                    self.tr("Importing 1 activity from {device}…"),
                    self.tr("Importing {count} activities from {device}…"),
                    device=plan.device.name,
                )
            )

    def _failed(self, exc: BaseException) -> None:
        self.message.emit(str(getattr(exc, "user_message", None) or exc))


def _with_auto(candidate: Candidate, auto: bool) -> Candidate:
    if candidate.auto == auto:
        return candidate
    return Candidate(
        candidate.source,
        candidate.path,
        candidate.rel,
        candidate.size,
        candidate.mtime_ns,
        auto,
        candidate.origin,
    )
