"""application/x-www-form-urlencoded bodies for big uploads, without urlencode's per-byte cost.

``urllib.parse.urlencode`` quotes byte by byte in Python: a 3 MB FIT (4 MB of base64) takes a
third of a second of CPU holding the GIL, which the GUI thread feels. The base64 alphabet needs
three replacements only, and any other bytes go through a 256-entry table.

Both are single C calls that never let go of the GIL, so a value is quoted a slice at a time:
the whole of a 3 MB GPX in one call kept every other thread (the GUI's heartbeat) waiting
100 ms; a slice takes about 2 ms, and between slices the GUI thread gets its turn.
"""

from __future__ import annotations

from collections.abc import Mapping

_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
#: Each byte as quote_plus writes it.
_QUOTED = [chr(b) if b in _SAFE else ("+" if b == ord(" ") else f"%{b:02X}") for b in range(256)]
_BASE64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
#: Bytes quoted in one C call (about 2 ms through the table, far less as base64).
SLICE = 64 * 1024


def quote_value(value: str | bytes) -> bytes:
    """``value`` quoted as ``urllib.parse.quote_plus`` does (text as UTF-8), as ASCII bytes."""
    data = value.encode("utf-8") if isinstance(value, str) else value
    if len(data) <= SLICE:
        return _quote_slice(data)
    # A loop in Python between the slices: that is where another thread may take the GIL.
    return b"".join([_quote_slice(data[i : i + SLICE]) for i in range(0, len(data), SLICE)])


def _quote_slice(data: bytes) -> bytes:
    if not data.translate(None, _BASE64):  # only base64 characters: three replacements
        return data.replace(b"+", b"%2B").replace(b"/", b"%2F").replace(b"=", b"%3D")
    return "".join(map(_QUOTED.__getitem__, data)).encode("ascii")


def form_body(form: Mapping[str, str | bytes]) -> bytes:
    """The body of a form post with these fields, in order (what ``urlencode`` gives)."""
    return b"&".join(quote_value(key) + b"=" + quote_value(value) for key, value in form.items())
