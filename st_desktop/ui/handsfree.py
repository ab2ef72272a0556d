"""Hands-free import on the GUI side: watchers and devices feed the upload pane through the runner.

:class:`HandsFree` polls the folder watcher and the device monitor on workers (nothing here
reads a file or lists a folder), runs the "never twice" rules on a worker, and hands the files
it may take to :meth:`UploadController.add_paths` a batch at a time. Their rows are followed
(:mod:`.handsfree_rows`) until a file from an automatic source is uploaded (a possible
duplicate is skipped), and every outcome goes back to the import log. A big import (a watch's
whole history) keeps at most a window of files in flight, so it waits while uploads are
rate-limited or offline, and can be paused, resumed and cancelled.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from st_desktop.services.autoimport import AutoImporter, Candidate, TakeResult
from st_desktop.services.devices import DeviceMonitor
from st_desktop.services.handsfree import (
    ImportQueue,
    UploadedWorkout,
    batch_sentence,
    folders_from_json,
)
from st_desktop.services.watch import FileSeen, FolderWatcher, WatchedFolder
from st_desktop.settings import Keys, Settings
from st_desktop.store.import_log import Decision
from st_desktop.tasks import TaskRunner
from st_desktop.ui.handsfree_devices import LOG_KEY, DeviceImports
from st_desktop.ui.handsfree_rows import RowFollower, Tracked
from st_desktop.ui.i18n import plural
from st_desktop.ui.main_window import settings_units
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.model import UploadRow

log = logging.getLogger(__name__)

#: Watcher polls and changes stay in order (import-log writes have LOG_KEY).
WATCH_KEY = "handsfree-watch"
#: From this many files on, an import shows its progress bar.
PROGRESS_FROM = 5


class HandsFree(QObject):
    """Watched folders and USB devices feeding the upload pane.

    Args:
        settings: folders, devices, pause and the master switch.
        runner: where every poll, listing, hash and log write runs.
        controller: the upload pane's controller (rows and uploads).
        importer: the "never twice" rules over the import log.
        watcher: the folder watcher.
        monitor: the USB device monitor.
        extra_folders: folders from ``--watch`` (automatic upload, for this run only).
        latest_workout: the newest workout start in the cache for an account key (called on a
            worker): a device's first sync imports only newer activities.
        tick_ms: how often the watcher is polled (0: only when :meth:`poll_folders` is called).
        device_poll_ms: how often mount roots are looked at (0: only ``devices.poll()``).

    Attributes:
        devices: the USB side (:class:`DeviceImports`): its question and answers.
        rows: follows the taken files' rows in the pane to their outcome (:class:`RowFollower`).
        queue: files waiting to be taken, a batch at a time (:class:`ImportQueue`).

    Signals:
        state_changed(): paused, or the number of files in flight, changed.
        progress_changed(int, int): files done and in all, of the current import.
        notified(str, str): title and text of a notification ("2 rides uploaded: ..."), from
            this object and from :attr:`devices`.
        message(str): a sentence for the status bar (from here and from :attr:`devices`).
    """

    state_changed = Signal()
    progress_changed = Signal(int, int)
    notified = Signal(str, str)
    message = Signal(str)

    def __init__(
        self,
        settings: Settings,
        runner: TaskRunner,
        controller: UploadController,
        importer: AutoImporter,
        watcher: FolderWatcher,
        monitor: DeviceMonitor,
        *,
        extra_folders: Sequence[Path] = (),
        latest_workout: Callable[[str | None], datetime | None] = lambda _key: None,
        tick_ms: int = 1000,
        device_poll_ms: int = 3000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.runner = runner
        self.controller = controller
        self.importer = importer
        self.watcher = watcher
        self.devices = DeviceImports(
            settings,
            runner,
            importer,
            monitor,
            self.enqueue,
            account_key=self._account_key,
            latest_workout=latest_workout,
            poll_ms=device_poll_ms,
            parent=self,
        )
        self.devices.notified.connect(self.notified)
        self.devices.message.connect(self.message)
        self.extra_folders = [WatchedFolder(Path(p), auto=True) for p in extra_folders]
        self.queue = ImportQueue()
        self.queue.paused = settings.get(Keys.AUTO_IMPORT_PAUSED)
        self.progress_from = PROGRESS_FROM
        self._taking = 0
        self.rows = RowFollower(controller, self._outcome, lambda: self.queue.paused, self)
        self._uploaded: list[UploadedWorkout] = []
        self._polling = self._closed = False
        controller.upload_finished.connect(lambda _summary: self._maybe_notify())
        self._tick = QTimer(self)
        self._tick.setInterval(tick_ms)
        self._tick.timeout.connect(self.poll_folders)
        self._tick_ms = tick_ms

    # ------------------------------------------------------------------ state

    @property
    def paused(self) -> bool:
        """Whether automatic upload is paused (from the tray or Preferences)."""
        return self.queue.paused

    @property
    def polling(self) -> bool:
        """Whether a poll of the watched folders is running."""
        return self._polling

    @property
    def taking(self) -> int:
        """Files being checked against the import log right now."""
        return self._taking

    def idle(self) -> bool:
        """Nothing waiting, nothing in flight, no poll running."""
        return not (self._polling or self.in_flight() or len(self.queue))

    def in_flight(self) -> int:
        """Files taken and not settled in the list yet (being read, checked or uploaded)."""
        return self._taking + len(self.rows)

    def folders(self) -> list[WatchedFolder]:
        """The folders watched now (Preferences' and ``--watch``)."""
        if not self.settings.get(Keys.AUTO_IMPORT):
            return list(self.extra_folders)
        chosen = folders_from_json(self.settings.get(Keys.WATCHED_FOLDERS))
        extra = [f for f in self.extra_folders if f.path not in {c.path for c in chosen}]
        return [*chosen, *extra]

    def active(self) -> bool:
        """Whether the user set up automatic import: a folder is watched, or a device is to be
        imported from when plugged in (merely looking for devices to ask about is not enough)."""
        if self.folders():
            return True
        return self.devices.enabled and any(d.answer != "never" for d in self.devices.known())

    def _account_key(self) -> str | None:
        account = self.controller.account
        return account.key if account is not None else None

    # ------------------------------------------------------------------ starting

    def start(self) -> None:
        """Pick up the last session's files, then watch (all of it on workers)."""
        store = self.controller.service.store

        def recover() -> dict[int, str]:
            return self.importer.recover(store.items(include_archived=True))

        self.runner.submit(
            recover,
            on_result=self.rows.adopt,
            on_error=self._failed,
            description=self.tr("Checking the import log"),
            serial=LOG_KEY,
            owner=self,
        )
        self.reload()

    def reload(self) -> None:
        """Apply the settings again (after Preferences): folders, devices, pause."""
        folders = self.folders()
        self.runner.submit(
            self._configure,
            folders,
            on_result=self._configured,
            on_error=self._failed,
            description=self.tr("Starting the folder watcher"),
            serial=WATCH_KEY,
            owner=self,
        )
        self.devices.set_enabled(
            self.settings.get(Keys.AUTO_IMPORT) and self.settings.get(Keys.WATCH_DEVICES)
        )
        if self._tick_ms:
            self._tick.start()
            self.rows.recheck_timer.start()
        self.state_changed.emit()

    def _configure(
        self, folders: list[WatchedFolder]
    ) -> tuple[list[tuple[WatchedFolder, int]], dict[Path, str]]:
        """Worker: leave the files of newly watched folders alone, then watch them."""
        left = [
            (f, self.importer.inventory_folder(f))
            for f in folders
            if f.path.is_dir() and self.importer.is_new_source(f.source)
        ]
        self.watcher.set_folders(folders)
        if folders:
            self.watcher.start()
        return left, dict(self.watcher.problems)

    def _configured(self, result: tuple[list[tuple[WatchedFolder, int]], dict[Path, str]]) -> None:
        left, problems = result
        for folder, count in left:
            self.message.emit(watching_sentence(folder, count))
        for path, problem in problems.items():
            self.message.emit(f"{path}: {problem}")

    def close(self) -> None:
        """Stop watching (at shutdown)."""
        self._closed = True
        self.devices.stop()
        self.rows.close()
        self._tick.stop()
        self.watcher.stop()

    # ------------------------------------------------------------------ pausing

    def set_paused(self, paused: bool) -> None:
        """Pause or resume automatic upload (remembered across restarts)."""
        if paused == self.queue.paused:
            return
        self.queue.paused = paused
        self.settings.set(Keys.AUTO_IMPORT_PAUSED, paused)
        if not paused:
            self.watcher.rescan_now()  # what arrived meanwhile
            self.rows.resume()
            self._feed()
        self.state_changed.emit()
        self._progress()

    def cancel_import(self) -> None:
        """Drop the files still waiting (they stay on disk and may be imported later)."""
        dropped = self.queue.cancel()
        if dropped:
            self.message.emit(
                plural(
                    len(dropped),
                    self.tr("Import cancelled: 1 file was not imported."),
                    self.tr("Import cancelled: {count} files were not imported."),
                )
            )
            self.runner.submit(
                self.importer.leave_as_history,
                dropped,
                on_error=self._failed,
                description=self.tr("Recording the cancelled import"),
                serial=LOG_KEY,
                owner=self,
            )
        self._progress()

    # ------------------------------------------------------------------ folders

    def poll_folders(self) -> None:
        """Look for settled files (on a worker) unless paused or a poll is running."""
        if self._closed or self._polling or self.queue.paused or not self.watcher.due():
            return
        self._polling = True
        self.runner.submit(
            self.watcher.poll,
            on_result=self._settled,
            on_error=self._failed,
            on_finished=self._poll_done,
            description=self.tr("Looking in watched folders"),
            serial=WATCH_KEY,
            owner=self,
        )

    def _poll_done(self) -> None:
        self._polling = False

    def _settled(self, seen: list[FileSeen]) -> None:
        self.enqueue([Candidate.from_seen(s) for s in seen])

    def import_existing(self, folder: Path) -> None:
        """Import the files that were in a watched folder before it was watched."""
        match = next((f for f in self.folders() if f.path == Path(folder)), None)
        if match is None:
            return
        self.runner.submit(
            self.importer.history,
            match.source,
            match.path,
            match.auto,
            str(match.path),
            on_result=self.enqueue,
            on_error=self._failed,
            description=self.tr("Listing the folder's files"),
            serial=LOG_KEY,
            owner=self,
        )

    # ------------------------------------------------------------------ feeding the pane

    def enqueue(self, candidates: Sequence[Candidate]) -> None:
        """Queue files for the upload list (they go a batch at a time)."""
        if self.queue.add(candidates):
            self._feed()
            self._progress()

    def _feed(self) -> None:
        while not self._closed:
            batch = self.queue.next_batch(self.in_flight())
            if not batch:
                break
            self._taking += len(batch)
            self.runner.submit(
                self.importer.take,
                batch,
                on_result=partial(self._took, len(batch)),
                on_error=partial(self._take_failed, len(batch)),
                description=self.tr("Checking new activity files"),
                serial=LOG_KEY,
                owner=self,
            )

    def _took(self, count: int, result: TakeResult) -> None:
        self._taking -= count
        paths = []
        for taken in result.taken:
            path = taken.candidate.path
            self.rows.expect(path, Tracked(taken.sha256, taken.candidate.auto))
            paths.append(path)
        for candidate in result.changed:
            self.watcher.notice(candidate.path)  # still being written: look again later
        for candidate, reason in result.unreadable:
            self.message.emit(
                self.tr("{file} ({origin}) was not read: {reason}").format(
                    file=candidate.path.name, origin=candidate.origin, reason=reason
                )
            )
        self.queue.finished(count - len(paths))
        if paths:
            self.controller.add_paths(paths)
        self._feed()
        self._progress()

    def _take_failed(self, count: int, exc: BaseException) -> None:
        self._taking -= count
        self.queue.finished(count)
        self._failed(exc)
        self._progress()

    # ------------------------------------------------------------------ outcomes

    def _outcome(self, tracked: Tracked, decision: Decision | None, row: UploadRow | None) -> None:
        """A followed file came to an end: record it, count it, feed more."""
        if decision == Decision.UPLOADED and row is not None:
            activity = row.activity
            self._uploaded.append(
                UploadedWorkout(
                    row.name or (activity.name if activity else None),
                    row.sport,
                    activity.start_time if activity else None,
                    activity.distance if activity else None,
                )
            )
        self.runner.submit(
            self.importer.settle,
            tracked.sha256,
            decision,
            on_error=self._failed,
            description=self.tr("Recording an import"),
            serial=LOG_KEY,
            owner=self,
        )
        self.queue.finished()
        self._feed()
        self._progress()
        self._maybe_notify()

    def _maybe_notify(self) -> None:
        if not self._uploaded or self.in_flight() or len(self.queue):
            return
        uploaded, self._uploaded = self._uploaded, []
        if self.settings.get(Keys.NOTIFY_UPLOADS):
            text = batch_sentence(uploaded, settings_units(self.settings))
            self.notified.emit(self.tr("Uploaded to SportTracks"), text)

    def _progress(self) -> None:
        self.progress_changed.emit(self.queue.done, self.queue.total)
        self.state_changed.emit()

    def _failed(self, exc: BaseException) -> None:
        message = getattr(exc, "user_message", None) or self.tr(
            "Hands-free import failed: {error}"
        ).format(error=exc)
        self.message.emit(str(message))


def watching_sentence(folder: WatchedFolder, left_alone: int) -> str:
    """What watching a newly added folder does, in a sentence (translated).

    Args:
        folder: the folder.
        left_alone: how many files already in it are left alone.
    """
    if folder.auto:
        plain = QCoreApplication.translate(
            "HandsFree", "Watching {folder}: new activity files will be uploaded."
        )
        one = QCoreApplication.translate(
            "HandsFree",
            "Watching {folder}: new activity files will be uploaded (the file already there "
            "was left alone).",
        )
        other = QCoreApplication.translate(
            "HandsFree",
            "Watching {folder}: new activity files will be uploaded ({count} files already "
            "there were left alone).",
        )
    else:
        plain = QCoreApplication.translate(
            "HandsFree", "Watching {folder}: new activity files will be added to the upload list."
        )
        one = QCoreApplication.translate(
            "HandsFree",
            "Watching {folder}: new activity files will be added to the upload list (the file "
            "already there was left alone).",
        )
        other = QCoreApplication.translate(
            "HandsFree",
            "Watching {folder}: new activity files will be added to the upload list ({count} "
            "files already there were left alone).",
        )
    if not left_alone:
        return plain.format(folder=folder.path)
    return plural(left_alone, one, other, folder=folder.path)
