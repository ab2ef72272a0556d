"""application/x-www-form-urlencoded bodies for big uploads, without urlencode's per-byte cost.

``urllib.parse.urlencode`` quotes byte by byte in Python: a 3 MB FIT (4 MB of base64) takes a
third of a second of CPU holding the GIL, which the GUI thread feels. The base64 alphabet needs
three replacements only, and any other bytes go through a 256-entry table.

Both are single C calls that never let go of the GIL: the whole of a 3 MB GPX in one call kept
every other thread (the GUI's heartbeat) waiting 100 ms. So a value is quoted a slice at a time,
and between slices the thread lets go of the GIL (``time.sleep(0)``): a thread waiting for it
takes it at once, instead of after the interpreter's 5 ms switch interval, over and over, while
the whole file is quoted.
"""

from __future__ import annotations

import time
from collections.abc import Mapping

_SAFE = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
#: Each byte as quote_plus writes it.
_QUOTED = [chr(b) if b in _SAFE else ("+" if b == ord(" ") else f"%{b:02X}") for b in range(256)]
_BASE64 = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/="
#: Bytes quoted in one C call (about 0.5 ms through the table, far less as base64).
SLICE = 16 * 1024


def quote_value(value: str | bytes) -> bytes:
    """``value`` quoted as ``urllib.parse.quote_plus`` does (text as UTF-8), as ASCII bytes."""
    data = value.encode("utf-8") if isinstance(value, str) else value
    if len(data) <= SLICE:
        return _quote_slice(data)
    quoted = []
    for start in range(0, len(data), SLICE):
        quoted.append(_quote_slice(data[start : start + SLICE]))
        time.sleep(0)  # the GIL for whoever waits for it (the GUI thread), now
    return b"".join(quoted)


def _quote_slice(data: bytes) -> bytes:
    if not data.translate(None, _BASE64):  # only base64 characters: three replacements
        return data.replace(b"+", b"%2B").replace(b"/", b"%2F").replace(b"=", b"%3D")
    return "".join(map(_QUOTED.__getitem__, data)).encode("ascii")


def form_body(form: Mapping[str, str | bytes]) -> bytes:
    """The body of a form post with these fields, in order (what ``urlencode`` gives)."""
    return b"&".join(quote_value(key) + b"=" + quote_value(value) for key, value in form.items())
