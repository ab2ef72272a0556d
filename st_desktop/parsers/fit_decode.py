"""A fast, damage-tolerant FIT decoder that returns each message type as numpy columns.

Decoding FIT record by record in Python costs about 0.3 ms per record (fitparse needs ~15 s for
a 14 h file). Here the work is split in two:

1. :func:`_scan` walks the message headers once. For a data message it only looks up the size of
   its local definition and notes the byte offset; definitions are parsed (they are few). This
   is the only per-message Python code, and where the headers repeat a pattern (most of a
   file), :mod:`st_desktop.parsers.fit_repeats` notes a whole stretch at once.
2. :func:`~st_desktop.parsers.fit_tables.decode_table` gathers the rows of every definition of
   one global message with one fancy-indexing operation and reads each field as a numpy column
   with the definition's byte order and base type, marks invalid values NaN and applies scale
   and offset.

Damage never raises. A data message whose local type was never defined or that runs past the end
of the file's data, or a definition no writer makes (``Definition.sane``), is damage:
:mod:`st_desktop.parsers.fit_resync` looks for the place after it where plausible messages decode
again, and the scan goes on there (a ``Skip`` note). When there is no such place (a file cut
short), or a second file header is not one, the scan ends and what came before is returned with a
:class:`Damage` note. The CRC is not checked: a file that decodes is used, and a damaged one is
caught by the structure checks above (and by the plausibility checks in
:mod:`st_desktop.parsers.fit`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from st_desktop.parsers.fit_definitions import Definition, is_fit_header, parse_definition
from st_desktop.parsers.fit_profile import COMPRESSED_SPEED_DISTANCE, MESSAGES, RECORD
from st_desktop.parsers.fit_repeats import jump_repeats
from st_desktop.parsers.fit_resync import ResyncBudget, Skip, drop_last, resync_after
from st_desktop.parsers.fit_tables import MessageTable, accumulate, decode_table

__all__ = ["Damage", "FitData", "MessageTable", "NotFitError", "decode_fit"]

#: Messages walked one by one before the scan looks for a repeating pattern of headers
#: (:mod:`st_desktop.parsers.fit_repeats`); each look that finds none doubles the wait, up to
#: ``PROBE_MAX``, so a file without patterns costs little more than the plain walk.
PROBE_FIRST = 16
PROBE_MAX = 1024


@dataclass
class Damage:
    """Where and how the scan had to stop early.

    Attributes:
        kind: ``"truncated"`` (the file ends inside a message) or ``"corrupt"`` (bytes that cannot
            be a message: an undefined local message type, a broken header).
        position: byte offset of the damage.
        detail: technical description for the log.
    """

    kind: str
    position: int
    detail: str


@dataclass
class FitData:
    """What :func:`decode_fit` found.

    Attributes:
        messages: global message name -> table, for the messages of the profile.
        damage: where decoding stopped early, or None for a complete file.
        files: number of FIT files chained in the data.
        end_position: offset just past the last message that was decoded.
        skips: damaged stretches that were jumped over, decoding going on after each.
    """

    messages: dict[str, MessageTable]
    damage: Damage | None
    files: int
    end_position: int
    skips: list[Skip] = field(default_factory=list)

    def table(self, name: str) -> MessageTable:
        """The table of message ``name`` (empty when the file has none)."""
        found = self.messages.get(name)
        if found is None:
            return MessageTable(np.empty(0, dtype=np.int64), {}, {})
        return found


class NotFitError(ValueError):
    """The data does not start with a FIT file header."""


@dataclass
class _ScanResult:
    definitions: list[Definition]
    compressed: list[tuple[int, int]]  # (seq, 5-bit time offset)
    file_starts: list[int]  # seq of the first message of each chained file
    csd_resets: list[int]  # seqs where compressed_speed_distance accumulation restarts
    count: int
    damage: Damage | None
    files: int
    end_position: int
    skips: list[Skip]


def _scan(buf: bytes) -> _ScanResult:
    """Walk every message header once; see the module docstring."""
    total = len(buf)
    cache: dict[bytes, Definition] = {}
    compressed: list[tuple[int, int]] = []
    file_starts: list[int] = []
    csd_resets: list[int] = []
    skips: list[Skip] = []
    budget = ResyncBudget()
    seq = 0
    pos = 0
    p = 0
    files = 0
    damage: Damage | None = None
    while pos < total and damage is None:
        if not is_fit_header(buf, pos):
            if files == 0:
                raise NotFitError("no FIT header")
            if any(buf[pos:]):  # zero padding after the last file is harmless
                damage = Damage("corrupt", pos, "bytes after the last FIT file are not a FIT file")
            break
        files += 1
        data_size = int.from_bytes(buf[pos + 4 : pos + 8], "little")
        data_start = pos + buf[pos]
        end = data_start + data_size
        cut_short = end > total
        if data_size == 0 or cut_short:
            # Some writers leave the size 0 while recording; a cut file claims more than it has.
            end = total
        file_starts.append(seq)
        csd_resets.append(seq)
        scan = _FileScan(buf, (data_start, end), cache, compressed, csd_resets, skips, budget)
        p, seq, damage = scan.run(seq)
        if damage is None and cut_short:
            damage = Damage("truncated", total, "file ends before its declared size")
        pos = end + 2  # skip the file CRC
    return _ScanResult(
        list(cache.values()),
        compressed,
        file_starts,
        csd_resets,
        seq,
        damage,
        files,
        min(p, total),
        skips,
    )


@dataclass
class _FileScan:
    """The scan of one FIT file's data (of a chain), resuming after damage where it can.

    ``cache`` (definitions by their bytes), ``compressed``, ``csd_resets``, ``skips`` and
    ``budget`` are shared by all files of the data and collect what the scan notes.
    """

    buf: bytes
    data: tuple[int, int]  # (first byte, end) of the file's messages
    cache: dict[bytes, Definition]
    compressed: list[tuple[int, int]]
    csd_resets: list[int]
    skips: list[Skip]
    budget: ResyncBudget

    def run(self, seq: int) -> tuple[int, int, Damage | None]:
        """Scan the file from its first message (``seq``: the index of it among all data messages).

        Returns:
            Where the scan stopped, the next message index, and the damage that stopped it
            (None when the file was read to its end).
        """
        local: list[Definition | None] = [None] * 16
        p = self.data[0]
        while True:
            p, seq, damage = self._messages(p, seq, local)
            if damage is None:
                return p, seq, None
            skip = resync_after(
                self.buf,
                damage.position,
                damage.detail,
                self.data,
                local,
                self.cache,
                seq,
                self.budget,
            )
            if skip is None:
                return p, seq, damage
            if skip.dropped is not None:
                drop_last(skip.dropped, self.compressed)
            self.skips.append(skip)
            p = skip.resumed

    def _messages(
        self, p: int, seq: int, local: list[Definition | None]
    ) -> tuple[int, int, Damage | None]:
        """Walk the headers from ``p`` to the end of the file's data or to damage."""
        buf, end, cache = self.buf, self.data[1], self.cache
        compressed, csd_resets = self.compressed, self.csd_resets
        wait = PROBE_FIRST
        probe_at = seq + wait
        # The hot loop: one pass over the headers, no per-message work beyond bookkeeping.
        while p < end:
            if seq >= probe_at:
                jumped = jump_repeats(buf, p, seq, end, local)
                if jumped is None:
                    wait = min(2 * wait, PROBE_MAX)
                else:
                    p, seq = jumped
                    wait = PROBE_FIRST
                probe_at = seq + wait
                if p >= end:
                    break
            h = buf[p]
            if h & 0x80:
                d = local[(h >> 5) & 3]
                if d is None:
                    return p, seq, Damage("corrupt", p, f"undefined local message {(h >> 5) & 3}")
                nxt = p + 1 + d.size
                if nxt > end:
                    return p, seq, Damage("truncated", p, "file ends inside a data message")
                d.offsets.append(p + 1)
                d.seqs.append(seq)
                compressed.append((seq, h & 0x1F))
                seq += 1
                p = nxt
            elif h & 0x40:
                parsed = parse_definition(buf, p, end, cache)
                if parsed is None:
                    return p, seq, Damage("truncated", p, "file ends inside a definition message")
                d, nxt = parsed
                if not d.sane:
                    return (
                        p,
                        seq,
                        Damage("corrupt", p, "definition message with impossible contents"),
                    )
                p = nxt
                local[h & 0x0F] = d
                if d.global_num == RECORD and any(
                    f[0] == COMPRESSED_SPEED_DISTANCE for f in d.fields
                ):
                    csd_resets.append(seq)
            else:
                d = local[h & 0x0F]
                if d is None:
                    return p, seq, Damage("corrupt", p, f"undefined local message {h & 0x0F}")
                nxt = p + 1 + d.size
                if nxt > end:
                    return p, seq, Damage("truncated", p, "file ends inside a data message")
                d.offsets.append(p + 1)
                d.seqs.append(seq)
                seq += 1
                p = nxt
        return p, seq, None


def _apply_compressed_timestamps(
    scan: _ScanResult, tables: dict[str, MessageTable], all_timestamps: dict[int, float]
) -> None:
    """Give compressed-timestamp messages their time (a rare header form; a plain loop is fine)."""
    offsets = dict(scan.compressed)
    starts = set(scan.file_starts)
    times: dict[int, float] = {}
    acc = 0
    for s in range(scan.count):
        if s in starts:
            acc = 0
        raw = all_timestamps.get(s)
        if raw is not None:
            acc = int(raw)
        off = offsets.get(s)
        if off is not None:
            mask = 0x1F
            value = off + (acc & ~mask)
            if off < (acc & mask):
                value += 0x20
            acc = value
            times[s] = float(value)
    for table in tables.values():
        ts = table.column("timestamp").copy()
        for i, s in enumerate(table.seq.tolist()):
            if not np.isfinite(ts[i]) and s in times:
                ts[i] = times[s]
        table.columns["timestamp"] = ts


def decode_fit(data: bytes) -> FitData:
    """Decode the profile messages of a FIT file (or of several chained ones).

    Raises:
        NotFitError: the data does not start with a FIT header.
    """
    scan = _scan(data)
    u8 = np.frombuffer(data, dtype=np.uint8)
    by_global: dict[int, list[Definition]] = {}
    for d in scan.definitions:
        if d.offsets:
            by_global.setdefault(d.global_num, []).append(d)
    tables: dict[str, MessageTable] = {}
    for number, (name, fields) in MESSAGES.items():
        specs = {n: (f.name, f.scale, f.offset) for n, f in fields.items()}
        tables[name] = decode_table(u8, by_global.get(number, []), specs)
    record = tables["record"]
    if "_csd" in record.columns:
        packed = record.columns.pop("_csd")
        ok = np.isfinite(packed)
        packed_int = np.where(ok, packed, 0).astype(np.int64)
        speed = np.where(ok, (packed_int & 0xFFF) / 100.0, np.nan)
        dist = accumulate(
            np.where(ok, (packed_int >> 12).astype(np.float64), np.nan),
            record.seq,
            scan.csd_resets,
            12,
        )
        for name, derived in (("speed", speed), ("distance", dist / 16.0)):
            current = record.column(name)
            record.columns[name] = np.where(np.isfinite(current), current, derived)
    if scan.compressed:
        all_timestamps: dict[int, float] = {}
        for number, defs in by_global.items():
            if number in MESSAGES:
                continue
            extra = decode_table(u8, defs, {253: ("timestamp", 1.0, 0.0)})
            for s, t in zip(extra.seq.tolist(), extra.column("timestamp").tolist(), strict=True):
                if np.isfinite(t):
                    all_timestamps[s] = t
        for table in tables.values():
            for s, t in zip(table.seq.tolist(), table.column("timestamp").tolist(), strict=True):
                if np.isfinite(t):
                    all_timestamps[s] = t
        _apply_compressed_timestamps(scan, tables, all_timestamps)
    return FitData(tables, scan.damage, scan.files, scan.end_position, scan.skips)
