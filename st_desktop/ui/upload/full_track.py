"""Every sample of the previewed file, read again from the queue's copy on a worker.

Rows keep a reduced track only (:attr:`Track.display`): a list of a hundred long recordings
would otherwise hold all their samples. The preview draws the reduced track at once; when the
user hovers or zooms into its charts, it asks :class:`FullTrackLoader` for the full one (the
crosshair reads it, zooming in draws it), which is dropped as soon as another row is shown.
Stepping through the list reads nothing.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal

from st_desktop.domain.track import Track
from st_desktop.errors import StDesktopError
from st_desktop.services.uploads import UploadService
from st_desktop.tasks import TaskRunner

log = logging.getLogger(__name__)


def read_full_track(service: UploadService, item_id: int) -> Track:
    """Parse the item's inbox copy again (runs on a worker).

    Raises:
        StDesktopError: the copy is gone or can no longer be read (the sentence says why).
    """
    try:
        item = service.store.get(item_id)
    except KeyError:
        raise StDesktopError(
            QCoreApplication.translate(
                "FullTrackLoader", "The file is no longer in the upload list."
            )
        ) from None
    read = service.reread(item)
    if read.track is None:
        raise StDesktopError(
            read.error
            or QCoreApplication.translate("FullTrackLoader", "The file gives no samples to chart.")
        )
    return read.track


class FullTrackLoader(QObject):
    """Reads the full track of one row at a time; while one is read, only the last wish waits.

    Args:
        service: the upload service (its queue holds the copies).
        runner: where the file is read.
        parent: Qt parent (callbacks die with it).

    Signals:
        loaded(int, object): row id and its full :class:`Track`.
        failed(int, str): row id and why it could not be read again.
    """

    loaded = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, service: UploadService, runner: TaskRunner, parent: QObject) -> None:
        super().__init__(parent)
        self._service = service
        self._runner = runner
        self._busy = False
        self._wanted: tuple[int, int] | None = None

    def want(self, row_id: int, item_id: int) -> None:
        """Read the full track of ``row_id`` (store item ``item_id``) soon."""
        self._wanted = (row_id, item_id)
        self._next()

    def forget(self) -> None:
        """The preview moved on: a wish not started yet is dropped."""
        self._wanted = None

    def _next(self) -> None:
        if self._wanted is None or self._busy:
            return
        row_id, item_id = self._wanted
        self._wanted = None
        self._busy = True
        self._runner.submit(
            read_full_track,
            self._service,
            item_id,
            on_result=partial(self.loaded.emit, row_id),
            on_error=partial(self._failed, row_id),
            on_finished=self._finished,
            description=self.tr("Reading the file for its charts"),
            owner=self,
        )

    def _failed(self, row_id: int, exc: BaseException) -> None:
        if isinstance(exc, StDesktopError):
            reason = exc.user_message
        else:
            log.warning("reading the full track again failed: %r", exc)
            reason = self.tr("Unexpected error ({error}); details are in the log.").format(
                error=type(exc).__name__
            )
        self.failed.emit(row_id, reason)

    def _finished(self) -> None:
        self._busy = False
        self._next()
