"""The parts of a recording: which samples belong together, in what order, and where it breaks.

A file records one activity in parts: GPX tracks and track segments, TCX tracks, FIT sessions.
The rules, the same for every format:

* every part keeps its own samples: a part whose times restart (a logger that writes each day's
  track from its own clock) is never taken for clock glitches; only a sample far (more than
  :data:`MAX_SPREAD_S`) from the rest of *its own part* is;
* parts are put in time order, and each part's samples in time order within it; parts that
  overlap in time are one part (their samples interleave);
* a stretch of :data:`~st_desktop.domain.activity.HOLE_S` or more without samples ends a
  segment too: the hole is a pause, and no distance is counted across it or between parts.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from st_desktop.domain.activity import HOLE_S, FloatArray

IntArray = npt.NDArray[np.int64]

#: A sample more than this many seconds from the median time of its part is a clock glitch.
MAX_SPREAD_S = 30 * 86400.0


def plausible_times(times: FloatArray, parts: IntArray) -> npt.NDArray[np.bool_] | None:
    """Which samples have a time near the rest of their part (None: all of them)."""
    lowest = float(np.minimum.reduce(times)) if len(times) else 0.0  # NaN if any is NaN
    highest = float(np.maximum.reduce(times)) if len(times) else 0.0
    if highest - lowest <= MAX_SPREAD_S:
        return None  # the common case: every time finite, all within the spread of each other
    finite = np.isfinite(times)
    keep = finite.copy()
    if not finite.any():
        return keep
    f_times, f_parts = times[finite], parts[finite]
    # The median time of each part, vectorised: sorted by (part, time), the middle of each run.
    order = np.lexsort((f_times, f_parts))
    sorted_times, sorted_parts = f_times[order], f_parts[order]
    labels, starts, counts = np.unique(sorted_parts, return_index=True, return_counts=True)
    lo = starts + (counts - 1) // 2
    hi = starts + counts // 2
    medians = (sorted_times[lo] + sorted_times[hi]) / 2.0
    median_of = medians[np.searchsorted(labels, f_parts)]
    keep[finite] = np.abs(f_times - median_of) <= MAX_SPREAD_S
    return keep


@dataclass
class Ordering:
    """How the samples were put in order.

    Attributes:
        order: indices that sort the samples, None when they were in order already.
        parts: each sample's part after sorting (overlapping parts merged into the first).
        backwards_at: index (after sorting) of the first sample whose time went backwards
            within its part, None when none did.
        parts_reordered: the file's parts were not in time order.
    """

    order: IntArray | None
    parts: IntArray
    backwards_at: float | None = None
    parts_reordered: bool = False


def order_samples(times: FloatArray, parts: IntArray) -> Ordering:
    """Sort parts by their first time and samples by time within each part (see module doc)."""
    n = len(times)
    if n < 2:
        return Ordering(None, parts)
    backwards = times[1:] < times[:-1]  # NaN never: plausible_times dropped them
    if not np.count_nonzero(backwards):
        return Ordering(None, parts)
    same_part = parts[1:] == parts[:-1]
    inside = backwards & same_part
    backwards_at: float | None = None
    if np.count_nonzero(inside):
        first = int(inside.nonzero()[0][0]) + 1
        backwards_at = float(times[first] - np.min(times))
    labels, position_of = np.unique(parts, return_inverse=True)
    starts = np.full(len(labels), np.inf)
    ends = np.full(len(labels), -np.inf)
    np.minimum.at(starts, position_of, times)
    np.maximum.at(ends, position_of, times)
    rank = np.argsort(starts, kind="stable")
    reordered = bool(np.any(rank != np.arange(len(rank))))
    # Parts overlapping in time (one starts before the one before it ends) become one part.
    merged = labels.copy()
    group_end = -np.inf
    group_label = labels[rank[0]] if len(rank) else 0
    for position in rank:
        if starts[position] < group_end:
            merged[position] = group_label
            group_end = max(group_end, ends[position])
        else:
            group_label = labels[position]
            group_end = ends[position]
    new_parts = merged[position_of]
    group_start = dict.fromkeys(merged.tolist(), np.inf)
    for label, start in zip(merged.tolist(), starts.tolist(), strict=True):
        group_start[label] = min(group_start[label], start)
    ranked = sorted(group_start, key=lambda label: group_start[label])
    group_rank = {label: r for r, label in enumerate(ranked)}
    key = np.array([group_rank[label] for label in merged.tolist()])[position_of]
    order = np.lexsort((times, key))
    return Ordering(order.astype(np.int64), new_parts[order], backwards_at, reordered)


@dataclass(frozen=True)
class Bounds:
    """One segment as index range, why it starts, and the file part it belongs to."""

    first: int
    stop: int
    reason: str
    part: int


def segment_bounds(times: FloatArray, parts: IntArray) -> list[Bounds]:
    """The segments of sorted samples: a new one where the part changes or after a hole."""
    n = len(times)
    if not n:
        return []
    steps = times[1:] - times[:-1]
    new_part = parts[1:] != parts[:-1]
    hole = steps >= HOLE_S
    starts = np.flatnonzero(new_part | hole) + 1
    bounds: list[Bounds] = []
    first = 0
    reason = "start"
    for start in [*starts.tolist(), n]:
        bounds.append(Bounds(first, start, reason, int(parts[first])))
        if start < n:
            reason = "file" if new_part[start - 1] else "hole"
        first = start
    return bounds


def segment_index(bounds: list[Bounds], n: int) -> IntArray:
    """Each sample's segment number (0, 1, ...)."""
    index = np.zeros(n, dtype=np.int64)
    for number, bound in enumerate(bounds[1:], start=1):
        index[bound.first : bound.stop] = number
    return index


def parts_from_counts(counts: list[int], total: int) -> IntArray:
    """Each sample's part from the number of samples in each part (the rest in the last)."""
    if len(counts) < 2:
        return np.zeros(total, dtype=np.int64)
    parts = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    if len(parts) < total:
        parts = np.concatenate((parts, np.full(total - len(parts), len(counts) - 1)))
    return parts[:total]


def parts_from_starts(times: FloatArray, starts: list[float]) -> IntArray:
    """Each sample's part from the start times of the parts (FIT sessions)."""
    known = sorted(start for start in starts if np.isfinite(start))
    if len(known) < 2:
        return np.zeros(len(times), dtype=np.int64)
    # A sample a moment before a session's recorded start belongs to that session's neighbour
    # only when it is before it in time: searchsorted on the starts does exactly that.
    index = np.searchsorted(np.array(known), times, side="right") - 1
    return np.maximum(index, 0).astype(np.int64)
