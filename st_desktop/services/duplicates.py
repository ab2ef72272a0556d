"""Is this file already in SportTracks? Pure rules, each answer with a sentence saying why.

Two workouts are taken for the same one when

* they start within :data:`NEAR_WINDOW` (3 minutes) of each other: one person does not record
  two activities at once; or
* they start a whole number of hours apart, within :data:`TZ_WINDOW` (38 hours), with the same
  minutes and seconds: the signature of a time-zone error (a file read as UTC, a device set to the
  wrong zone). Since a coincidence is possible there, the distances must also agree (within
  :data:`TZ_DISTANCE_TOLERANCE`) when both are known; a time-zone error never changes the distance.

A file whose bytes were uploaded to this account before (the ledger of file hashes) is a duplicate
whatever its times say.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

#: Start times this close are the same workout.
NEAR_WINDOW = timedelta(minutes=3)
#: How far a time-zone error can move a start time (UTC-14 to UTC+14, plus daylight saving).
TZ_WINDOW = timedelta(hours=38)
#: Seconds of slack when comparing minutes:seconds (devices round differently).
TZ_SLACK_S = 2.0
#: Relative distance difference allowed for a whole-hours match.
TZ_DISTANCE_TOLERANCE = 0.05


@dataclass(frozen=True)
class Candidate:
    """A workout already known (in the account or the local cache).

    Attributes:
        uri: the workout's uri, if known.
        name: its name ("" when unnamed).
        start_time: aware start time.
        distance: metres, None when unknown.
        where: "SportTracks" or "the local cache": where it was found, for the sentence.
    """

    uri: str | None
    name: str
    start_time: datetime
    distance: float | None
    where: str = "SportTracks"


@dataclass(frozen=True)
class DuplicateMatch:
    """Why a file looks like a workout that already exists.

    Attributes:
        reason: the sentence shown in the row ("already in SportTracks: 'Morning ride', ...").
        uri: the existing workout, when there is one (None for a ledger hit without uris).
        kind: "near" (same start), "timezone" (whole hours apart) or "ledger" (same file).
    """

    reason: str
    uri: str | None
    kind: str


def _distance_phrase(mine: float | None, theirs: float | None) -> tuple[str, float | None]:
    if not mine or not theirs:
        return "", None
    rel = abs(mine - theirs) / max(mine, theirs)
    return f"distance within {rel * 100:.1f} %", rel


def _clock(moment: datetime, reference: datetime) -> str:
    # Show the existing workout's time in the file's own offset, so equal digits read equal.
    if reference.tzinfo is not None and moment.tzinfo is not None:
        moment = moment.astimezone(reference.tzinfo)
    return moment.strftime("%H:%M:%S")


def match(start_time: datetime, distance: float | None, other: Candidate) -> DuplicateMatch | None:
    """Compare a file's start and distance with one known workout.

    Args:
        start_time: the file's aware start time.
        distance: the file's distance in metres (None or 0 when unknown).
        other: the known workout.

    Returns:
        The match with its explanation, or None when they are different workouts.
    """
    delta = (other.start_time - start_time).total_seconds()
    label = f"'{other.name}'" if other.name else "an unnamed workout"
    dist_text, rel = _distance_phrase(distance, other.distance)
    tail = f", {dist_text}" if dist_text else ""
    if abs(delta) <= NEAR_WINDOW.total_seconds():
        if abs(delta) < 1.0:
            when = f"same start {_clock(other.start_time, start_time)}"
        else:
            when = f"starts {_clock(other.start_time, start_time)}, {_seconds_apart(delta)} apart"
        return DuplicateMatch(f"already in {other.where}: {label}, {when}{tail}", other.uri, "near")
    if abs(delta) > TZ_WINDOW.total_seconds() + TZ_SLACK_S:
        return None
    hours = round(delta / 3600.0)
    if hours == 0 or abs(delta - hours * 3600.0) > TZ_SLACK_S:
        return None
    if rel is not None and rel > TZ_DISTANCE_TOLERANCE:
        return None
    direction = "later" if hours > 0 else "earlier"
    plural = "s" if abs(hours) != 1 else ""
    return DuplicateMatch(
        f"probably already in {other.where} with a time-zone error: {label} starts "
        f"{abs(hours)} hour{plural} {direction} at the same minutes and seconds "
        f"({_clock(other.start_time, start_time)}){tail}",
        other.uri,
        "timezone",
    )


def _seconds_apart(delta: float) -> str:
    seconds = round(abs(delta))
    if seconds < 60:
        return f"{seconds} s"
    return f"{seconds // 60} min {seconds % 60:02d} s"


def find_duplicates(
    start_time: datetime, distance: float | None, candidates: Iterable[Candidate]
) -> list[DuplicateMatch]:
    """Every known workout the file matches, closest start first; same-start matches first."""
    found: list[tuple[int, float, DuplicateMatch]] = []
    seen: set[str] = set()
    for candidate in candidates:
        if candidate.uri and candidate.uri in seen:
            continue  # the cache and the account often both know a workout
        hit = match(start_time, distance, candidate)
        if hit is None:
            continue
        if candidate.uri:
            seen.add(candidate.uri)
        gap = abs((candidate.start_time - start_time).total_seconds())
        found.append((0 if hit.kind == "near" else 1, gap, hit))
    found.sort(key=lambda item: (item[0], item[1]))
    return [hit for _, _, hit in found]


def ledger_match(uploaded_at: datetime, uris: list[str]) -> DuplicateMatch:
    """The match for a file whose exact bytes were uploaded to this account before."""
    when = uploaded_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return DuplicateMatch(
        f"this exact file was already uploaded from this computer on {when}",
        uris[0] if uris else None,
        "ledger",
    )


def search_window(start_time: datetime) -> tuple[datetime, datetime]:
    """The start-time range to ask the account about (covers both rules)."""
    reach = TZ_WINDOW + timedelta(seconds=TZ_SLACK_S + 1)
    return start_time - reach, start_time + reach


@dataclass
class StartIndex:
    """Start times of the files in a list, to find the ones the rules could match quickly.

    A drop of thousands of files must not compare every file with every other one.
    """

    _times: list[float] = field(default_factory=list)
    _keys: list[int] = field(default_factory=list)

    def add(self, key: int, start_time: datetime) -> None:
        """Remember that ``key`` starts at ``start_time`` (once per key)."""
        self.discard(key)
        moment = start_time.timestamp()
        position = bisect.bisect_right(self._times, moment)
        self._times.insert(position, moment)
        self._keys.insert(position, key)

    def discard(self, key: int) -> None:
        """Forget ``key`` (no error when unknown)."""
        if key in self._keys:
            position = self._keys.index(key)
            del self._times[position], self._keys[position]

    def near(self, start_time: datetime) -> list[int]:
        """Keys starting within :func:`search_window` of ``start_time``, earliest first."""
        low, high = search_window(start_time)
        first = bisect.bisect_left(self._times, low.timestamp())
        last = bisect.bisect_right(self._times, high.timestamp())
        return self._keys[first:last]
