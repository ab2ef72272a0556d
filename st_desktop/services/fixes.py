"""Putting fixed activities in the upload queue: what was edited is what goes up.

An activity changed in the preview (start moved, trimmed, split, merged, places hidden) is
written as a FIT file by our own encoder (every stream, lap and pause kept), copied into the
queue like a dropped file, and read back, so the preview shows exactly what will be uploaded.
The rows it replaces leave the list; their files stay in the inbox only while another row needs
them.

Two fixes happen at upload time, for every file, by the upload engine:

- :func:`private_upload`: with privacy zones set, a file whose start or end lies in a zone goes
  up as our FIT without those positions (the queued file stays as dropped).
- :func:`offset_fix`: GPX and TCX times are UTC, and the service keeps them so (contract Q2);
  the workout made from such a file gets the ride's own UTC offset afterwards, so it shows the
  same local start as the FIT of the same ride.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import PurePath

from st_desktop.domain.activity import Activity
from st_desktop.domain.workout import Workout
from st_desktop.errors import StoreError
from st_desktop.parsers.errors import ParseError
from st_desktop.parsers.privacy import Hidden, PrivacyZone, hide_zones
from st_desktop.services.intake import Ingested, parse_item
from st_desktop.store.uploads import ItemState, QueueItem, UploadStore

log = logging.getLogger(__name__)
# The readers and the FIT writer are imported where they are used: the upload list imports
# this module's types while the window is being built, and needs neither then.

#: Items in these states can still be replaced by a fixed version.
REPLACEABLE = (ItemState.NEW, ItemState.FAILED, ItemState.SKIPPED)


@dataclass(frozen=True)
class Replacement:
    """Fixed activities that took the place of queue items.

    Attributes:
        removed: the items replaced (gone from the list).
        added: the new items, read back from their FIT files.
    """

    removed: tuple[int, ...]
    added: tuple[Ingested, ...]


def load_activity(store: UploadStore, item: QueueItem) -> Activity:
    """The whole parsed activity of a queued file (read again from its inbox copy).

    Raises:
        ParseError, StoreError: it cannot be read any more.
    """
    from st_desktop.parsers.registry import parse_bytes

    return parse_bytes(store.read_data(item), item.display_name)


def replace_items(
    store: UploadStore,
    originals: Sequence[QueueItem],
    activities: Sequence[Activity],
    labels: Sequence[str],
) -> Replacement:
    """Queue ``activities`` (as FIT) in place of ``originals``.

    Args:
        originals: the items replaced; the first one's name, type and notes carry over to
            every new item (a split ride keeps its name, numbered).
        activities: the fixed activities, in order.
        labels: a word per activity for its file name ("trimmed", "1 of 3").

    Raises:
        StoreError: an original is being uploaded or is uploaded already, or a copy could not
            be written (nothing is removed then).
    """
    for item in originals:
        if store.get(item.id).state not in REPLACEABLE:
            raise StoreError(
                f"{item.display_name} is being uploaded or was uploaded; it can no longer be "
                "changed here."
            )
    lead = originals[0]
    stem = PurePath(lead.display_name).stem
    added: list[Ingested] = []
    for number, (activity, label) in enumerate(zip(activities, labels, strict=True), 1):
        from st_desktop.parsers.writers import write_fit

        data = write_fit(activity)
        name = f"{stem} ({label}).fit"
        item, _new = store.add_bytes(data, name, f"{lead.source} (fixed in st-desktop)")
        name_edit = lead.name
        if name_edit and len(activities) > 1:
            name_edit = f"{name_edit} ({number})"
        item = store.update(
            item.id,
            name=name_edit,
            type=activity.sport if lead.type is None else lead.type,
            notes=lead.notes,
        )
        added.append(parse_item(store, item, True, data))
    for item in originals:
        store.remove(item.id)
    log.info(
        "replaced %s with %d fixed file(s)",
        ", ".join(i.display_name for i in originals),
        len(added),
    )
    return Replacement(tuple(item.id for item in originals), tuple(added))


def hide_private_places(
    store: UploadStore, item: QueueItem, zones: Sequence[PrivacyZone]
) -> tuple[Replacement | None, Hidden]:
    """Replace ``item`` by a copy without the positions in ``zones`` at its start and end.

    Returns:
        The replacement (None when nothing lies in a zone: the file goes up as it is) and what
        was hidden.
    """
    if not zones:
        return None, Hidden()
    try:
        activity = load_activity(store, item)
    except (ParseError, StoreError) as exc:
        log.info("privacy zones not applied to %s: %s", item.display_name, exc)
        return None, Hidden()
    private, hidden = hide_zones(activity, zones)
    if not hidden:
        return None, hidden
    return replace_items(store, [item], [private], ["private"]), hidden


def private_upload(
    data: bytes, fmt: str, display_name: str, zones: Sequence[PrivacyZone]
) -> tuple[bytes, str, Activity | None]:
    """The file as it is sent with ``zones`` set: our FIT without the positions in a zone at
    its start and end, or the file itself when nothing lies in one.

    Returns:
        The bytes and format to send, and the activity they were made from (None when the
        file goes as it is).

    Raises:
        ParseError: the file cannot be read (it was when dropped: a damaged inbox copy). It is
            not sent then: it might show the places the zones hide.
    """
    if not zones:
        return data, fmt, None
    from st_desktop.parsers.registry import parse_bytes

    activity = parse_bytes(data, display_name)
    private, hidden = hide_zones(activity, zones)
    if not hidden:
        return data, fmt, None
    log.info(
        "%s: %d positions at the start and %d at the end hidden (%s)",
        display_name,
        hidden.head,
        hidden.tail,
        ", ".join(hidden.zones),
    )
    from st_desktop.parsers.writers import write_fit

    return write_fit(private), "FIT", private


#: File formats whose times the service keeps in UTC (they carry no offset of their own).
UTC_FORMATS = ("GPX", "TCX")


def wants_offset(fmt: str | None, start: datetime | None) -> bool:
    """Whether a workout uploaded from a ``fmt`` file starting at ``start`` (in the ride's own
    offset) may need that offset set after the upload."""
    if fmt is None or fmt.upper() not in UTC_FORMATS or start is None:
        return False
    offset = start.utcoffset()
    return offset is not None and offset != timedelta(0)


def offset_fix(start: datetime | None, workout: Workout) -> datetime | None:
    """The workout's start in the ride's own offset (that of ``start``), when it has another
    one; None when it is right already (or either start is unknown)."""
    if start is None or start.tzinfo is None or workout.start_time is None:
        return None
    if workout.start_time.utcoffset() == start.utcoffset():
        return None
    return workout.start_time.astimezone(start.tzinfo)
