"""Jump over a stretch of FIT data messages whose headers repeat a short pattern.

Most of a FIT file is a few kinds of data message written over and over in a fixed order (a
``record`` every second; a ``record`` and an ``hrv`` in turn). The header scan of
:mod:`st_desktop.parsers.fit_decode` walks messages one by one in Python; where the next
messages repeat a pattern of headers, :func:`jump_repeats` checks the whole stretch at once
with a few C-speed slices and notes its messages' offsets in bulk.

It only jumps where the result is the one the one-by-one walk gives: every header of the
stretch is compared, and the pattern holds normal data headers only (a definition changes the
sizes of what follows, a compressed-timestamp header carries a time of its own). Its
definitions are distinct, so each definition's offsets stay in file order.
"""

from __future__ import annotations

from st_desktop.parsers.fit_definitions import Definition

#: Most messages in a repeating pattern of headers.
PATTERN_MAX = 4
#: Fewest repeats worth a jump.
MIN_REPEATS = 8
#: Repeats compared in the first step; each following step compares four times more.
FIRST_BLOCK = 256
BLOCK_MAX = 1 << 16


def _pattern(
    buf: bytes, p: int, end: int, local: list[Definition | None]
) -> tuple[list[int], list[Definition], list[int], int] | None:
    """The shortest pattern the next messages repeat twice: (headers, definitions, each
    message's start relative to ``p``, the bytes of one pattern), or None."""
    heads: list[int] = []
    defs: list[Definition] = []
    starts: list[int] = []
    q = p
    while len(heads) < 2 * PATTERN_MAX and q < end:
        h = buf[q]
        if h & 0xC0:  # a definition or a compressed-timestamp header
            break
        d = local[h & 0x0F]
        if d is None:
            break
        heads.append(h)
        defs.append(d)
        starts.append(q - p)
        q += 1 + d.size
    for k in range(1, len(heads) // 2 + 1):
        if heads[k : 2 * k] == heads[:k] and len({id(d) for d in defs[:k]}) == k:
            return heads[:k], defs[:k], starts[:k], starts[k]
    return None


def jump_repeats(
    buf: bytes,
    p: int,
    seq: int,
    end: int,
    local: list[Definition | None],
) -> tuple[int, int] | None:
    """Note the data messages from ``p`` on while their headers repeat a pattern.

    Args:
        buf: the data.
        p: where the next message header is.
        seq: the index of that message among all data messages.
        end: the end of the file's messages.
        local: the local message types' definitions.

    Returns:
        The position and index of the first message after the stretch, or None when the next
        messages repeat no pattern long enough (nothing was noted).
    """
    found = _pattern(buf, p, end, local)
    if found is None:
        return None
    heads, defs, starts, stride = found
    repeats = 0
    block = FIRST_BLOCK
    while True:
        base = p + repeats * stride
        n = min(block, (end - base) // stride)
        if n <= 0:
            break
        # Each header of the pattern, taken every ``stride`` bytes (a C-speed slice); how many
        # of them in a row are the expected byte is what lstrip leaves out.
        same = n
        for head, start in zip(heads, starts, strict=True):
            column = buf[base + start : base + n * stride : stride]
            same = min(same, n - len(column.lstrip(bytes((head,)))))
        repeats += same
        if same < n:
            break
        block = min(block * 4, BLOCK_MAX)
    if repeats < MIN_REPEATS:
        return None
    k = len(heads)
    for j, d in enumerate(defs):
        first = p + starts[j] + 1
        d.offsets.extend(range(first, first + repeats * stride, stride))
        d.seqs.extend(range(seq + j, seq + j + repeats * k, k))
    return p + repeats * stride, seq + repeats * k
