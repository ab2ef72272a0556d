"""FIT file headers and definition messages: the structure the decoder and the resync share."""

from __future__ import annotations

from dataclasses import dataclass, field

from st_desktop.parsers.fit_profile import BASE_TYPES

#: Field number of ``timestamp`` in every message that has one.
TIMESTAMP_FIELD = 253


@dataclass
class Definition:
    """A parsed definition message, and the data messages that used it.

    Attributes:
        global_num: global message number.
        big_endian: byte order of multi-byte fields.
        size: bytes of one data message (header excluded), developer fields included.
        fields: (field number, byte offset in row, size, base type) of each profile field.
        time_offset: byte offset of a 4-byte ``timestamp`` field, -1 when there is none.
        sane: False when no writer makes such a definition (reserved byte set, an unknown byte
            order or base type, a field of size 0): the bytes are damage, not a definition.
        offsets: byte offset (just past the header) of each data message using it.
        seqs: index of each of those messages among all data messages of the file.
    """

    global_num: int
    big_endian: bool
    size: int
    fields: list[tuple[int, int, int, int]]
    time_offset: int = -1
    sane: bool = True
    offsets: list[int] = field(default_factory=list)
    seqs: list[int] = field(default_factory=list)

    def timestamp_at(self, buf: bytes, row: int) -> int | None:
        """Raw ``timestamp`` of the data message whose row starts at ``row`` (None if none)."""
        if self.time_offset < 0:
            return None
        start = row + self.time_offset
        return int.from_bytes(buf[start : start + 4], "big" if self.big_endian else "little")


def is_fit_header(data: bytes | memoryview, pos: int = 0) -> bool:
    """True when a FIT file header starts at ``pos``."""
    return (
        len(data) - pos >= 12
        and data[pos] in (12, 14)
        and bytes(data[pos + 8 : pos + 12]) == b".FIT"
    )


def parse_definition(
    buf: bytes, pos: int, end: int, cache: dict[bytes, Definition]
) -> tuple[Definition, int] | None:
    """Parse the definition message at ``pos``; None when it runs past ``end``.

    Identical definitions (a writer repeats them often) share one :class:`Definition` from
    ``cache``, so their data messages are decoded together.
    """
    header = buf[pos]
    if pos + 6 > end:
        return None
    big_endian = buf[pos + 2] != 0
    num_fields = buf[pos + 5]
    fields_end = pos + 6 + 3 * num_fields
    stop = fields_end
    if header & 0x20:
        if fields_end + 1 > end:
            return None
        stop = fields_end + 1 + 3 * buf[fields_end]
    if stop > end:
        return None
    key = bytes(buf[pos + 2 : stop]) + bytes((header & 0x20,))
    known = cache.get(key)
    if known is not None:
        return known, stop
    global_num = int.from_bytes(buf[pos + 3 : pos + 5], "big" if big_endian else "little")
    fields: list[tuple[int, int, int, int]] = []
    offset = 0
    time_offset = -1
    for i in range(pos + 6, fields_end, 3):
        size = buf[i + 1]
        if buf[i] == TIMESTAMP_FIELD and size == 4 and time_offset < 0:
            time_offset = offset
        fields.append((buf[i], offset, size, buf[i + 2]))
        offset += size
    sizes = [size for _, _, size, _ in fields]
    for i in range(fields_end + 1, stop, 3):
        sizes.append(buf[i + 1])
        offset += buf[i + 1]  # developer fields: skipped by size
    sane = (
        buf[pos + 1] == 0
        and buf[pos + 2] <= 1
        and all(base in BASE_TYPES for _, _, _, base in fields)
        and all(sizes)
    )
    definition = Definition(global_num, big_endian, offset, fields, time_offset, sane)
    cache[key] = definition
    return definition, stop
