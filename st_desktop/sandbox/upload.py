"""``POST /fileUpload``: read the form the way every known client sends it, parse the file.

Section 5 of the contract: ``format`` (GPX, TCX or FIT, any case), ``data`` (FIT base64-encoded,
TCX and GPX as text) and an optional ``name``, posted urlencoded (GoldenCheetah) or as multipart
with extra file parts (ConnectStats). The file is parsed with our own parsers, exactly as the app
parses a dropped file, so an upload to the sandbox stores what the user previewed.
"""

from __future__ import annotations

import base64
import binascii
import logging
from datetime import timedelta
from typing import Any

from werkzeug.wrappers import Request

from st_desktop import parsers
from st_desktop.errors import ParseError
from st_desktop.parsers.context import ParseContext

log = logging.getLogger(__name__)

FORMATS = ("fit", "tcx", "gpx")

#: Parsing as the service presumably does: no zone looked up from the first position, no
#: computer's zone; only the offset the file records counts, else UTC.
FILE_OFFSETS_ONLY = ParseContext(
    computer_offset=lambda _unix: timedelta(0), zone_lookup=lambda _lat, _lon: None
)


class UploadError(ValueError):
    """The upload cannot become a workout; the message is sent back to the client."""


def read_upload(request: Request) -> tuple[bytes, str, str]:
    """The file bytes, its lowercase format and the optional workout name of an upload.

    Raises:
        UploadError: ``format`` or ``data`` is missing, unknown or not decodable.
    """
    form = request.form
    fmt = form.get("format", "").strip().lower()
    if not fmt:
        raise UploadError("format is required (FIT, TCX or GPX)")
    if fmt not in FORMATS:
        raise UploadError(f"unsupported format {form.get('format')!r}: use FIT, TCX or GPX")
    raw: bytes | None = None
    if "data" in form:
        raw = form["data"].encode("utf-8", "surrogateescape")
    else:
        # Multipart clients may send the file as a file part (named "data" or "file").
        part = request.files.get("data") or request.files.get("file")
        if part is not None:
            raw = part.read()
    if not raw or not raw.strip():
        raise UploadError("data is required")
    if fmt == "fit":
        raw = _fit_bytes(raw)
    return raw, fmt, form.get("name", "").strip()


def _fit_bytes(raw: bytes) -> bytes:
    try:
        return base64.b64decode(b"".join(raw.split()), validate=True)
    except (binascii.Error, ValueError):
        # A multipart file part may carry the binary file itself: accept it when it looks
        # like FIT (".FIT" signature at byte 8) rather than failing on the missing base64.
        if raw[8:12] == b".FIT":
            return raw
        raise UploadError("FIT data must be base64-encoded") from None


def parse_upload(data: bytes, fmt: str, *, file_offsets: bool = False) -> dict[str, Any]:
    """Parse the file with the app's parsers into a workout body (as a client would POST it).

    Args:
        data, fmt: the file and its format.
        file_offsets: keep the offset the file records (UTC for GPX and TCX), instead of the
            ride's zone from its first position (the ``upload_file_offsets`` fault).

    Raises:
        UploadError: the parsers could not read the file; the message is the user's sentence.
    """
    context = FILE_OFFSETS_ONLY if file_offsets else None
    try:
        activity = parsers.parse_bytes(data, f"upload.{fmt}", context=context)
        body = parsers.activity_to_workout_json(activity)
    except ParseError as exc:
        raise UploadError(exc.user_message) from exc
    except Exception as exc:  # a parser bug must not take the server down
        log.exception("parsing an uploaded %s file failed unexpectedly", fmt.upper())
        raise UploadError(f"the {fmt.upper()} file could not be read") from exc
    if not isinstance(body, dict):
        raise UploadError(f"the {fmt.upper()} file could not be read")
    return dict(body)
