"""Upload bodies are exactly what urlencode writes, for base64, XML and odd bytes."""

from __future__ import annotations

import base64
import os
from urllib.parse import parse_qs, urlencode

import pytest

from st_desktop.api.form import SLICE, form_body, quote_value


@pytest.mark.parametrize(
    "value",
    [
        base64.b64encode(os.urandom(3001)),  # a FIT: + / and = padding
        b'<?xml version="1.0"?>\n<gpx><trkpt lat="46.1" lon="8.3"/> & \xc3\xa9t\xc3\xa9</gpx>',
        bytes(range(256)),
        "Évening ride / Zürich + 5 km = fun",
        b"",
        # Bigger than one slice: base64 slices and a slice of XML, a character cut in two
        (base64.b64encode(os.urandom(SLICE)) + "Zürich 5 km".encode() * SLICE)[: 3 * SLICE + 7],
    ],
)
def test_a_value_is_quoted_as_quote_plus_does(value: str | bytes) -> None:
    assert form_body({"format": "FIT", "data": value, "name": "Ride"}) == urlencode(
        {"format": "FIT", "data": value, "name": "Ride"}
    ).encode("ascii")


def test_the_server_reads_back_the_same_file() -> None:
    fit = os.urandom(10_000)
    body = form_body({"format": "FIT", "data": base64.b64encode(fit)})
    fields = parse_qs(body.decode("ascii"), keep_blank_values=True)
    assert base64.b64decode(fields["data"][0]) == fit
    assert quote_value("a b") == b"a+b"
