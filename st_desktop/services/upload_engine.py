"""The upload engine: works the queue of :mod:`st_desktop.store.uploads` against the account.

Plain Python, synchronous, given any object with the client's methods (:class:`UploadClient`);
the Qt controller runs it on the serial pool, the crash test in a child process.

For one item the steps are:

1. **Reconcile.** If the ledger holds an attempt whose answer never came (the app crashed, the
   connection dropped, the server failed), look in the account around the file's start time for
   a workout with the same start and distance. Found: that is our upload, do not send again.
2. **Send.** Commit a ledger row, POST the file (``fileUpload``, never retried by the client),
   commit the answer. With privacy zones set, a file whose start or end lies in a zone is sent
   as our FIT without those positions (:func:`~st_desktop.services.fixes.private_upload`).
3. **Metadata.** Apply the edited name, type and notes, and the ride's own UTC offset to a
   workout made from a GPX or TCX file (:func:`~st_desktop.services.fixes.offset_fix`), by
   read-modify-write (GET, change, PUT), which is safe to repeat. A file without edits is done
   when its answer is recorded: it goes straight to ``uploaded`` (three durable commits a file
   instead of four; each one waits for the disk, and the disk is most of what the engine adds
   to the request itself).

Offline, 5xx and 429 failures leave the item queued with a growing delay (honouring
``Retry-After``); a refused file fails for good with the service's reason.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from st_desktop.domain.workout import Workout, WorkoutSummary
from st_desktop.errors import (
    ApiError,
    AuthError,
    ClientRequestError,
    NotFoundError,
    RateLimitedError,
    StDesktopError,
)
from st_desktop.store.uploads import ItemState, Outcome, QueueItem, UploadStore

# The parsers and writers (for privacy zones and the offset fix) load with the first upload:
# the upload list imports this module for its step names at start.
if TYPE_CHECKING:
    from st_desktop.parsers.privacy import PrivacyZone

log = logging.getLogger(__name__)

#: An uploaded workout is recognised in the account by a start within this and ...
RECONCILE_START_TOLERANCE = timedelta(seconds=90)
#: ... a distance within this fraction (or both without distance).
RECONCILE_DISTANCE_TOLERANCE = 0.01
RECONCILE_MAX_PAGES = 10

#: Steps reported to ``on_step``.
STEP_CHECKING = "checking"
STEP_SENDING = "sending"
STEP_APPLYING = "applying"


def upload_name(item: QueueItem) -> str | None:
    """The name the file is sent with: the user's (or the export's), else the suggested one
    ("Morning Ride") for a file without a name of its own; None leaves it to the file."""
    return item.name or item.suggested_name or None


def has_edits(item: QueueItem) -> bool:
    """Whether the item carries a name, type or notes to apply after the file is stored."""
    return any(value is not None for value in (item.name, item.type, item.notes))


def has_follow_up(item: QueueItem) -> bool:
    """Whether the workout is changed after the file is stored: edits to apply, or the ride's
    own UTC offset to give it (a GPX or TCX file)."""
    from st_desktop.services.fixes import wants_offset

    return has_edits(item) or wants_offset(item.format, item.start_time)


class WorkoutPageLike(Protocol):
    """What :meth:`UploadClient.list_workouts` returns (``api.wire.WorkoutPage``)."""

    @property
    def items(self) -> Sequence[WorkoutSummary]: ...

    @property
    def has_next(self) -> bool: ...


class UploadClient(Protocol):
    """The part of ``SportTracksClient`` the engine uses."""

    def upload_file(self, data: bytes, fmt: str, name: str | None = None) -> list[str]: ...

    def list_workouts(
        self,
        page: int = 0,
        page_size: int = 25,
        no_earlier_than: datetime | None = None,
        no_later_than: datetime | None = None,
    ) -> WorkoutPageLike: ...

    def get_workout(self, id_or_uri: str | int, *, streams: bool = True) -> Workout: ...

    def update_workout(self, id_or_uri: str | int, workout: Workout) -> str: ...


def backoff_delay(
    attempts: int, retry_after: float | None = None, base: float = 5.0, cap: float = 300.0
) -> float:
    """Seconds to wait after ``attempts`` failed tries: 5, 10, 20 ... up to 5 minutes.

    A server's ``Retry-After`` is always honoured (it may exceed the cap).
    """
    delay = min(cap, base * 2.0 ** max(0, attempts - 1))
    return float(max(delay, retry_after or 0.0))


def _maybe_stored(exc: BaseException) -> bool:
    """Whether a failed upload request may still have created the workout."""
    return not isinstance(exc, RateLimitedError | AuthError | ClientRequestError)


@dataclass
class RunReport:
    """What one pass over the queue did.

    Attributes:
        uploaded: item id -> workout uris, for items finished in this pass.
        failed: item id -> sentence, for items refused for good.
        retry_at: epoch seconds of the earliest item waiting to try again, if any.
        auth_needed: a request was refused for the sign-in; nothing more is tried until a new
            client is given.
        last_error: the most recent transient failure, for the status line.
    """

    uploaded: dict[int, list[str]] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    retry_at: float | None = None
    auth_needed: bool = False
    last_error: str | None = None
    last_error_exc: BaseException | None = field(default=None, repr=False)


class UploadEngine:
    """Uploads queued items of one account exactly once.

    Args:
        store: the queue and ledger.
        client: the API client of the signed-in account.
        account: the account key items are queued under.
        clock: epoch seconds.
        backoff: delay after n failed tries and an optional ``Retry-After``.
        checkpoint: called with a step name and the item at the points a crash is most
            dangerous (tests kill the process there): ``before_request``, ``after_request``,
            ``after_ledger``, ``after_metadata``.
        listener: called with the item after each change of its state.
        on_step: called with the item and the step about to start (the UI's per-row progress):
            :data:`STEP_CHECKING` (looking in the account for an earlier try),
            :data:`STEP_SENDING`, :data:`STEP_APPLYING` (name, type and notes).
        zones: privacy zones: positions within them at the start and end are not sent.
    """

    def __init__(
        self,
        store: UploadStore,
        client: UploadClient,
        account: str,
        *,
        clock: Callable[[], float] = time.time,
        backoff: Callable[[int, float | None], float] = backoff_delay,
        checkpoint: Callable[[str, QueueItem], None] | None = None,
        listener: Callable[[QueueItem], None] | None = None,
        on_step: Callable[[QueueItem, str], None] | None = None,
        zones: Sequence[PrivacyZone] = (),
    ) -> None:
        self.store = store
        self.zones = tuple(zones)
        self.client = client
        self.account = account
        self._clock = clock
        self._backoff = backoff
        self._checkpoint = checkpoint or (lambda _step, _item: None)
        self._listener = listener or (lambda _item: None)
        self._on_step = on_step or (lambda _item, _step: None)

    # ------------------------------------------------------------------ the queue

    def run(
        self, should_stop: Callable[[], bool] = lambda: False, only: Sequence[int] | None = None
    ) -> RunReport:
        """Work every queued item that is due, oldest first.

        Stops early when ``should_stop()`` turns true (between items) and after a failure that is
        not the file's own (offline, 5xx, 429, sign-in): the next items would fail the same way.
        """
        report = RunReport()
        for item in self.store.active(self.account):
            if should_stop():
                break
            if only is not None and item.id not in only:
                continue
            if item.next_attempt_at > self._clock():
                report.retry_at = _earliest(report.retry_at, item.next_attempt_at)
                continue
            if not self.process(item.id, report):
                break  # offline, busy or signed out: the next items would fail the same way
        return report

    def process(self, item_id: int, report: RunReport | None = None) -> bool:
        """Take one item as far as it can go; True when it ended uploaded or failed for good."""
        report = report if report is not None else RunReport()
        item = self.store.get(item_id)
        try:
            if item.state in (ItemState.QUEUED, ItemState.UPLOADING):
                item = self._upload(item)
            if item.state == ItemState.FILE_UPLOADED:
                item = self._apply_metadata(item)
        except ApiError as exc:
            return self._failed(item_id, exc, report)
        except StDesktopError as exc:  # the inbox copy vanished, the file cannot be read
            item = self._set(item_id, state=ItemState.FAILED, error=exc.user_message)
            report.failed[item_id] = exc.user_message
            return True
        if item.state == ItemState.UPLOADED:
            report.uploaded[item_id] = list(item.uris)
            return True
        return item.state == ItemState.FAILED

    # ------------------------------------------------------------------ steps

    def _upload(self, item: QueueItem) -> QueueItem:
        if self.store.open_attempts(item.id):
            self._on_step(item, STEP_CHECKING)
            found = self.reconcile(item)
            if found:
                return self._set(item.id, state=ItemState.FILE_UPLOADED, uris=found, error=None)
        from st_desktop.services.fixes import private_upload

        fmt = item.format or item.ext.upper()
        data, fmt, private = private_upload(
            self.store.read_data(item), fmt, item.display_name, self.zones
        )
        # Our FIT holds no workout name: the file's own goes with the request.
        name = upload_name(item) or (private.name if private is not None else None)
        attempt = self.store.begin_attempt(item, self.account)
        item = self.store.get(item.id)
        self._listener(item)
        self._on_step(item, STEP_SENDING)
        self._checkpoint("before_request", item)
        try:
            uris = self.client.upload_file(data, fmt, name)
        except BaseException as exc:
            outcome = Outcome.UNKNOWN if _maybe_stored(exc) else Outcome.NOT_STORED
            self.store.complete_attempt(attempt, outcome, error=str(exc))
            raise
        self._checkpoint("after_request", item)
        # The answer and the item's new state in one commit. Nothing to apply: uploaded at once.
        fields: dict[str, Any] = {
            "state": ItemState.FILE_UPLOADED,
            "uris": tuple(uris),
            "error": None,
        }
        if not has_follow_up(item):
            fields.update(state=ItemState.UPLOADED, attempts=0)
        self.store.complete_attempt(attempt, Outcome.STORED, uris, item_fields=fields)
        item = self.store.get(item.id)
        self._listener(item)
        self._checkpoint("after_ledger", item)
        if item.state == ItemState.FILE_UPLOADED:
            return item
        self._checkpoint("after_metadata", item)
        return item

    def reconcile(self, item: QueueItem) -> tuple[str, ...]:
        """Settle the item's open attempts by looking for the workout in the account.

        Returns:
            The uris of the workout found (the attempts become ``found``), or ``()`` when it is
            not there (they become ``not_stored`` and the file may be sent again).
        """
        open_attempts = self.store.open_attempts(item.id)
        if not open_attempts:
            return ()
        found = self._find_in_account(item)
        for attempt in open_attempts:
            if found:
                self.store.complete_attempt(attempt.id, Outcome.FOUND, found)
            else:
                self.store.complete_attempt(attempt.id, Outcome.NOT_STORED)
        log.info(
            "reconciled %s: %s", item.display_name, ", ".join(found) if found else "not stored"
        )
        return found

    def _find_in_account(self, item: QueueItem) -> tuple[str, ...]:
        if item.start_time is None:
            raise StDesktopError(
                f"{item.display_name} has no start time, so its upload cannot be checked."
            )
        low = item.start_time - RECONCILE_START_TOLERANCE
        high = item.start_time + RECONCILE_START_TOLERANCE
        for page in range(RECONCILE_MAX_PAGES):
            result = self.client.list_workouts(page, 50, low, high)
            for summary in result.items:
                if summary.uri and summary.uri not in item.allow_uris and _same(item, summary):
                    return (summary.uri,)
            if not result.has_next or not result.items:
                break
        return ()

    def _apply_metadata(self, item: QueueItem) -> QueueItem:
        edits = {
            key: value
            for key, value in (("name", item.name), ("type", item.type), ("notes", item.notes))
            if value is not None
        }
        if edits:
            self._on_step(item, STEP_APPLYING)
        from st_desktop.services.fixes import offset_fix, wants_offset

        offset = wants_offset(item.format, item.start_time)
        for uri in item.uris if edits or offset else ():
            # Only a few fields change: the samples go back as they came, never decoded.
            current = self.client.get_workout(uri, streams=False)
            changes: dict[str, object] = {
                k: v for k, v in edits.items() if getattr(current, k, None) != v
            }
            moved = offset_fix(item.start_time, current) if offset else None
            if moved is not None:  # the same moment, in the ride's own offset
                changes["start_time"] = moved
            if changes:
                self.client.update_workout(uri, current.with_changes(**changes))
        self._checkpoint("after_metadata", item)
        return self._set(item.id, state=ItemState.UPLOADED, error=None, attempts=0)

    # ------------------------------------------------------------------ failures

    def _failed(self, item_id: int, exc: ApiError, report: RunReport) -> bool:
        item = self.store.get(item_id)
        message = exc.user_message
        report.last_error = message
        report.last_error_exc = exc
        if isinstance(exc, AuthError):
            report.auth_needed = True
            back = ItemState.QUEUED if item.state == ItemState.UPLOADING else item.state
            self._set(item_id, state=back, error=message)
            return False
        permanent = isinstance(exc, ClientRequestError | NotFoundError) and not isinstance(
            exc, RateLimitedError
        )
        if permanent and item.state == ItemState.FILE_UPLOADED:
            # The workout exists; only the edits could not be applied.
            self._set(item_id, state=ItemState.UPLOADED, error=f"Uploaded, but {message}")
            report.uploaded[item_id] = list(item.uris)
            return True
        if permanent:
            self._set(item_id, state=ItemState.FAILED, error=message)
            report.failed[item_id] = message
            return True
        attempts = item.attempts + 1
        retry_after = exc.retry_after if isinstance(exc, RateLimitedError) else None
        when = self._clock() + self._backoff(attempts, retry_after)
        back = ItemState.QUEUED if item.state == ItemState.UPLOADING else item.state
        self._set(item_id, state=back, error=message, attempts=attempts, next_attempt_at=when)
        report.retry_at = _earliest(report.retry_at, when)
        log.info("upload of %s will be tried again: %s", item.display_name, message)
        return False

    def _set(self, item_id: int, **fields: Any) -> QueueItem:
        item = self.store.update(item_id, **fields)
        self._listener(item)
        return item


def _earliest(current: float | None, candidate: float) -> float:
    return candidate if current is None else min(current, candidate)


def _same(item: QueueItem, summary: WorkoutSummary) -> bool:
    if item.start_time is None or summary.start_time is None:
        return False
    if abs(summary.start_time - item.start_time) > RECONCILE_START_TOLERANCE:
        return False
    mine, theirs = item.distance or 0.0, summary.total_distance or 0.0
    if mine <= 0 and theirs <= 0:
        return True
    return abs(mine - theirs) <= RECONCILE_DISTANCE_TOLERANCE * max(mine, theirs)
