"""One row of the upload list: its status and everything the list and the preview show about it.

Plain data (no widgets); :mod:`.model` re-exports these names, which is where most code imports
them from.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from st_desktop.domain.activity import Activity
from st_desktop.domain.track import Track
from st_desktop.services.duplicates import DuplicateMatch
from st_desktop.services.intake import suggested_name


class RowStatus(StrEnum):
    """What the status column says."""

    PARSING = "Parsing"
    READY = "Ready"
    WARNING = "Warning"
    ERROR = "Error"
    DUPLICATE = "Possible duplicate"
    QUEUED = "Queued"
    UPLOADING = "Uploading"
    UPLOADED = "Uploaded"
    FAILED = "Failed"
    SKIPPED = "Skipped"


#: Rows the user can still upload.
UPLOADABLE = frozenset({RowStatus.READY, RowStatus.WARNING, RowStatus.DUPLICATE, RowStatus.FAILED})
#: Rows that may be removed from the list.
REMOVABLE = frozenset(
    {
        RowStatus.PARSING, RowStatus.READY, RowStatus.WARNING, RowStatus.ERROR,
        RowStatus.DUPLICATE, RowStatus.FAILED, RowStatus.SKIPPED, RowStatus.UPLOADED,
    }
)  # fmt: skip

_ids = itertools.count(1)


@dataclass
class UploadRow:
    """Everything the list and the preview show about one row.

    Attributes:
        row_id: stable key of the row (rows move when others are removed).
        display_name: file or archive member name.
        origin: where it came from (tooltip).
        status: see :class:`RowStatus`.
        item_id: the upload store's item, None for a row that was never stored.
        activity: what the parsed file says (start, sport, figures, warnings ...), once parsed;
            the model keeps it without its samples (see ``track``).
        message: the error, duplicate reason, warnings or progress sentence.
        duplicates: why it looks already uploaded (every reason, see :attr:`duplicate_reasons`).
        upload_anyway: the user's decision for a duplicate (default: skip).
        name, type, notes: the user's edits (None: as the file says).
        uris: the workouts created.
        track: the activity as the route and charts show it, reduced to at most
            :data:`~st_desktop.domain.track.DISPLAY_POINTS` samples (built on the worker). The
            full samples are only read again, from the queue's copy, for the row previewed.
        progress: fraction of the upload done while Uploading (None: no bar).
        step: the short step text drawn on the bar ("Sending…").
        checking: the duplicate check is running (the row cannot be uploaded meanwhile).
    """

    display_name: str
    origin: str
    status: RowStatus = RowStatus.PARSING
    item_id: int | None = None
    activity: Activity | None = None
    message: str = ""
    duplicates: list[DuplicateMatch] = field(default_factory=list)
    account_checked: bool = False
    upload_anyway: bool = False
    name: str | None = None
    type: str | None = None
    notes: str | None = None
    uris: tuple[str, ...] = ()
    track: Track | None = None
    progress: float | None = None
    step: str = ""
    checking: bool = False
    row_id: int = field(default_factory=lambda: next(_ids))

    @property
    def start_time(self) -> datetime | None:
        """The activity's start, when parsed."""
        return self.activity.start_time if self.activity is not None else None

    @property
    def sport(self) -> str:
        """The type to upload: the user's choice, else the file's."""
        if self.type:
            return self.type
        return self.activity.sport if self.activity is not None else ""

    @property
    def suggested_name(self) -> str | None:
        """The name the workout gets when neither the user nor the file names it: "Morning
        Ride", from the ride's local start and :attr:`sport` (None: the file has a name, or is
        not read yet). The preview shows it as the name field's placeholder."""
        if self.activity is None:
            return None
        return suggested_name(self.activity, self.type)

    @property
    def upload_name(self) -> str:
        """The name the workout will have: the user's, the file's own, else the suggested one."""
        own = self.activity.name if self.activity is not None else None
        return self.name or own or self.suggested_name or ""

    @property
    def name_is_suggested(self) -> bool:
        """True when :attr:`upload_name` is the suggestion, not a name anybody gave."""
        own = self.activity.name if self.activity is not None else None
        return not self.name and not own and self.suggested_name is not None

    @property
    def duplicate_reasons(self) -> list[str]:
        """Every reason it looks already uploaded, as sentences (capitalised), best first."""
        return [capitalised(m.reason) for m in self.duplicates]

    @property
    def has_problems(self) -> bool:
        """True when the reader or the plausibility checks said something about the file."""
        return self.activity is not None and bool(self.activity.problems)


def capitalised(text: str) -> str:
    """``text`` with its first letter upper-case (the rest as it is)."""
    return text[:1].upper() + text[1:]
