"""What a format parser hands to :func:`~st_desktop.parsers.assemble.assemble`.

A :class:`RawActivity` holds what the file says, as read (absolute Unix times, raw columns, the
file's laps and totals); assembling checks, sorts and completes it. The warning about a device
without a real date, and the wording of times in warnings, are shared by the format parsers and
the assembly.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from st_desktop.domain.activity import FloatArray, Summary
from st_desktop.parsers.segments import IntArray

NO_DATE_WARNING = (
    "The device did not record a real date, so the start time is wrong: correct it before "
    "uploading."
)


@dataclass
class RawLap:
    """A lap as a file records it; ``start`` is in Unix seconds."""

    start: float
    summary: Summary
    intensity: str = "active"
    sport: str | None = None


@dataclass
class RawActivity:
    """What a format parser hands to :func:`~st_desktop.parsers.assemble.assemble`.

    Attributes:
        format: "FIT", "TCX" or "GPX".
        times: Unix seconds of each sample (NaN where the sample has no time).
        columns: stream name -> values, same length as ``times`` (names of ``STREAM_NAMES``).
        sport: SportTracks type.
        laps: the file's laps.
        pauses: (stopped, resumed) in Unix seconds, from the device's timer.
        timer_known: False for formats without timer events: standing-still gaps are then
            added to ``pauses`` (which holds the track breaks).
        recorded: the file's own totals, if any.
        utc_offset: the recording's UTC offset, if the file gives it.
        start_hint: Unix time the recording started when the file says (the first timer start);
            the activity starts there when it is up to an hour before the first sample, and it
            is the start of files without samples (summary-only).
        end_hint: Unix time the recording ended when the file says (the last timer stop);
            the elapsed time runs to it when it comes after the last sample.
        name, notes, device: from the file.
        warnings: what the format parser already has to say.
        parts: the file's part (track segment, track, session: 0, 1, ...) of each sample,
            None for one part; see :mod:`st_desktop.parsers.segments`.
        legs: (Unix start, sport) of each leg of a multi-sport recording (FIT sessions);
            without them, the laps that say their sport give the legs.
        part_groups: the group (GPX track) of each part, None when each part is its own.
        part_word, group_word: what the file calls its parts and groups, for sentences
            ("segment" and "track" in GPX, "track" in TCX, "session" in FIT).
    """

    format: str
    times: FloatArray
    columns: dict[str, FloatArray]
    sport: str = "Other"
    laps: list[RawLap] = field(default_factory=list)
    pauses: list[tuple[float, float]] = field(default_factory=list)
    timer_known: bool = True
    recorded: Summary | None = None
    utc_offset: timedelta | None = None
    start_hint: float | None = None
    end_hint: float | None = None
    name: str | None = None
    notes: str | None = None
    device: str | None = None
    warnings: list[str] = field(default_factory=list)
    parts: IntArray | None = None
    legs: list[tuple[float, str]] = field(default_factory=list)
    part_groups: list[int] | None = None
    part_word: str = "segment"
    group_word: str = "segment"

    def group(self, part: int) -> int:
        """The group of a part (the part itself without ``part_groups``)."""
        groups = self.part_groups
        return groups[part] if groups is not None and 0 <= part < len(groups) else part


def format_duration(seconds: float) -> str:
    """A short human duration: ``"4 h 39 min"``, ``"12 min"``, ``"45 s"``."""
    total = round(max(0.0, seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} h {minutes} min"
    if minutes:
        return f"{minutes} min"
    return f"{secs} s"


def format_clock(seconds: float) -> str:
    """Elapsed time as ``HH:MM:SS``."""
    total = int(max(0.0, seconds))
    return f"{total // 3600:02d}:{total % 3600 // 60:02d}:{total % 60:02d}"
