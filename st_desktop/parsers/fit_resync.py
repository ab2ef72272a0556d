"""Finding the way back into a damaged FIT file.

A byte lost or flipped in the middle of a file shifts every message after it: the decoder soon
meets a header for a local message type that was never defined, or a message that runs past the
end, and everything after that point would be lost. :func:`find_resync` looks for the first
position after the damage from which a plausible run of messages decodes, so that decoding can
continue there.

A position is accepted only when :data:`CHAIN` messages in a row decode from it (or fewer that end
exactly at the end of the file's data), the first of them and at least :data:`MIN_STRONG` in all
are *strong* evidence, and one at least is a data message with a plausible time:

* a definition message for a known global message (one the FIT profile documents, or one this
  file already defined) whose reserved byte, byte order and field definitions are sane;
* a data message of an already defined local type whose ``timestamp`` is valid, not earlier than
  the last good one before the damage (or the previous one in the run) and at most
  :data:`MAX_GAP_S` later.

Random bytes pass these checks with a probability far below one in a million per position, so
garbage is not taken for data. The search is bounded (:data:`MAX_WINDOW` bytes per damage and
:data:`MAX_CANDIDATES` tried positions per file), so a file of garbage cannot make it slow.
"""

from __future__ import annotations

import bisect
import functools
import re
import statistics
from dataclasses import dataclass

from st_desktop.parsers.fit_definitions import TIMESTAMP_FIELD, Definition, parse_definition
from st_desktop.parsers.fit_profile import BASE_TYPES, PROFILE_MESSAGE_NUMBERS

#: Messages in a row that must decode from a resync position.
CHAIN = 8
#: Of those, how many must be strong evidence (see the module docstring).
MIN_STRONG = 3
#: Largest plausible jump of the clock across the damage and between two messages, in seconds.
MAX_GAP_S = 6 * 3600
#: Bytes after the damage searched for a resync position.
MAX_WINDOW = 256 * 1024
#: Positions whose message chain is checked, per file (a bound on the work garbage can cause).
MAX_CANDIDATES = 20_000
#: Timestamps before the damage looked at to find the last good one.
_RECENT = 16
_INVALID_TIME = 0xFFFFFFFF


@dataclass
class Skip:
    """A damaged stretch that decoding jumped over.

    Attributes:
        position: byte offset where the damage was found.
        resumed: byte offset where decoding resumed.
        seq: index (among all data messages) of the first message after the damage.
        last_time: raw FIT timestamp of the last good message before the damage, if known.
        dropped: the definition whose last data message before the damage is garbage read
            across it (it runs into the resumed data, or its time is implausible), or None.
        detail: technical description for the log.
    """

    position: int
    resumed: int
    seq: int
    last_time: int | None
    dropped: Definition | None
    detail: str


class ResyncBudget:
    """How many more candidate positions may be checked in this file."""

    def __init__(self, candidates: int = MAX_CANDIDATES) -> None:
        self.candidates = candidates


def last_good_time(definitions: list[Definition], buf: bytes, before: int) -> int | None:
    """The latest plausible timestamp of the data messages whose rows start before ``before``.

    The few timestamps just before the damage are compared with their median, so that the one
    message read across the damage (a time in 2085) does not become the reference.
    """
    recent: list[tuple[int, int]] = []
    for d in definitions:
        if d.time_offset < 0 or not d.offsets:
            continue
        end = bisect.bisect_left(d.offsets, before)
        for row, seq in zip(
            d.offsets[max(0, end - _RECENT) : end], d.seqs[max(0, end - _RECENT) : end], strict=True
        ):
            value = d.timestamp_at(buf, row)
            if value is not None and value != _INVALID_TIME:
                recent.append((seq, value))
    recent = sorted(recent)[-_RECENT:]
    if not recent:
        return None
    median = statistics.median(t for _, t in recent)
    good = [t for _, t in recent if abs(t - median) <= MAX_GAP_S]
    return max(good) if good else None


def plausible_after(stamp: int, reference: int | None) -> bool:
    """True when raw timestamp ``stamp`` can follow ``reference`` (valid, later, not too far)."""
    if stamp == _INVALID_TIME:
        return False
    return reference is None or reference <= stamp <= reference + MAX_GAP_S


def _sane_definition(
    buf: bytes, pos: int, end: int, known: set[int]
) -> tuple[Definition, int] | None:
    """The definition at ``pos`` if it looks like one a real writer made, else None."""
    if pos + 6 > end or buf[pos + 5] == 0:
        return None
    parsed = parse_definition(buf, pos, end, {})
    if parsed is None:
        return None
    definition, stop = parsed
    if not definition.sane or definition.global_num not in known:
        return None
    for number, _, size, base in definition.fields:
        if size % BASE_TYPES[base].size or (number == TIMESTAMP_FIELD and size != 4):
            return None
    return definition, stop


def _chain_holds(
    buf: bytes,
    pos: int,
    end: int,
    local: list[Definition | None],
    known: set[int],
    last_time: int | None,
) -> bool:
    """True when a plausible run of messages decodes from ``pos`` (module docstring)."""
    table = list(local)
    previous = last_time
    strong = timed = 0
    for index in range(CHAIN):
        if pos == end:
            return strong >= MIN_STRONG and timed > 0
        if index == strong + 1:
            return False  # the first message must be strong evidence itself
        header = buf[pos]
        if header & 0x80:  # compressed timestamp: weak evidence
            d = table[(header >> 5) & 3]
            if d is None:
                return False
            pos += 1 + d.size
        elif header & 0x40:
            if header & 0x10:  # reserved bit
                return False
            parsed = _sane_definition(buf, pos, end, known)
            if parsed is None:
                return False
            table[header & 0x0F], pos = parsed
            strong += 1
        else:
            if header & 0x70:  # reserved bits of a normal data header
                return False
            d = table[header]
            if d is None:
                return False
            stamp = d.timestamp_at(buf, pos + 1) if pos + 1 + d.size <= end else None
            if stamp is not None:
                if not plausible_after(stamp, previous):
                    return False
                previous = stamp
                strong += 1
                timed += 1
            pos += 1 + d.size
        if pos > end:
            return False
    return strong >= MIN_STRONG and timed > 0


@functools.cache
def _header_pattern(defined: int) -> re.Pattern[bytes]:
    """Bytes that can start a message, given which local types are defined (bit mask): a
    C-speed prefilter of candidate positions."""
    ok = [h for h in range(0x40, 0x80) if not h & 0x10]
    ok += [h for h in range(16) if defined >> h & 1]
    ok += [h for h in range(0x80, 0x100) if defined >> ((h >> 5) & 3) & 1]
    return re.compile(b"[" + re.escape(bytes(ok)) + b"]")


def find_resync(
    buf: bytes,
    start: int,
    end: int,
    local: list[Definition | None],
    known: set[int],
    last_time: int | None,
    budget: ResyncBudget,
) -> int | None:
    """The first position in ``[start, end)`` from which a plausible run of messages decodes.

    Args:
        buf: the whole file.
        start: first candidate position.
        end: end of the FIT file's data (its CRC excluded).
        local: the local message definitions in force at the damage.
        known: global message numbers a definition may have (profile's and this file's).
        last_time: raw timestamp of the last good message before the damage, if any.
        budget: candidate positions this file may still check (decremented).
    """
    pattern = _header_pattern(sum(1 << i for i, d in enumerate(local) if d is not None))
    stop = min(end, start + MAX_WINDOW)
    known_all = known | PROFILE_MESSAGE_NUMBERS
    match = pattern.search(buf, start, stop)
    while match is not None and budget.candidates > 0:
        pos = match.start()
        budget.candidates -= 1
        if _chain_holds(buf, pos, end, local, known_all, last_time):
            return pos
        match = pattern.search(buf, pos + 1, stop)
    return None


def resync_after(
    buf: bytes,
    position: int,
    detail: str,
    span: tuple[int, int],
    local: list[Definition | None],
    cache: dict[bytes, Definition],
    seq: int,
    budget: ResyncBudget,
) -> Skip | None:
    """Where decoding can go on after damage found at ``position``; None if nowhere.

    Args:
        buf: the whole file.
        position: where the damage was found; ``detail`` says what it was.
        span: start and end of the FIT file's data.
        local: the local message definitions in force at the damage.
        cache: every definition of the file so far (their data message offsets included).
        seq: index of the next data message.
        budget: candidate positions this file may still check.
    """
    data_start, end = span
    definitions = list(cache.values())
    # The data message just before the damage may itself have been read across it (a lost
    # byte shifts everything after it): the search starts inside it and it is not a reference.
    suspect = max(
        (d for d in definitions if d.offsets and d.offsets[-1] >= data_start),
        key=lambda d: d.offsets[-1],
        default=None,
    )
    start = suspect.offsets[-1] if suspect is not None else position + 1
    last_time = last_good_time(definitions, buf, start)
    known = {d.global_num for d in definitions}
    resumed = find_resync(buf, start, end, local, known, last_time, budget)
    if resumed is None:
        return None
    dropped = None
    if suspect is not None:
        row = suspect.offsets[-1]
        stamp = suspect.timestamp_at(buf, row)
        if resumed < row + suspect.size or (
            stamp is not None and not plausible_after(stamp, last_time)
        ):
            dropped = suspect
    return Skip(position, resumed, seq, last_time, dropped, detail)


def drop_last(definition: Definition, compressed: list[tuple[int, int]]) -> None:
    """Forget a definition's last data message (and its compressed time offset, if any)."""
    definition.offsets.pop()
    dropped = definition.seqs.pop()
    if compressed and compressed[-1][0] == dropped:
        compressed.pop()
