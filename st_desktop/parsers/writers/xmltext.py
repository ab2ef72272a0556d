"""Text pieces the XML writers (TCX, GPX) share: times, numbers and escaped text, per column.

The writers build each point as a string from columns formatted once (one list of texts per
stream) rather than through an element tree: a 14-hour file has ~50,000 points, and a tree of
half a million elements costs seconds where joining strings costs a fraction of one.
"""

from __future__ import annotations

import math
import re
from datetime import UTC, datetime
from xml.sax.saxutils import escape, quoteattr

import numpy as np

from st_desktop.domain.activity import FloatArray, Pause

#: Characters XML 1.0 does not allow at all (controls other than tab, LF, CR; lone surrogates;
#: U+FFFE/U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    """``text`` escaped for element content, without characters XML cannot hold."""
    return escape(_NOT_XML.sub("", text))


def xml_attribute(text: str) -> str:
    """``text`` as a quoted, escaped attribute value."""
    return quoteattr(_NOT_XML.sub("", text))


def utc_time(moment: datetime) -> str:
    """An aware datetime as ``YYYY-MM-DDTHH:MM:SSZ`` (milliseconds only when it has them)."""
    utc = moment.astimezone(UTC)
    if utc.microsecond // 1000:
        return utc.strftime("%Y-%m-%dT%H:%M:%S.") + f"{utc.microsecond // 1000:03d}Z"
    return utc.strftime("%Y-%m-%dT%H:%M:%SZ")


def utc_times(start: datetime, elapsed: FloatArray) -> list[str]:
    """``start + elapsed`` seconds as UTC texts (see :func:`utc_time`), for a whole column."""
    millis = np.rint((start.timestamp() + elapsed) * 1000.0).astype(np.int64)
    whole = bool((millis % 1000 == 0).all())
    stamps = millis.astype("datetime64[ms]")
    texts = np.datetime_as_string(stamps, unit="s" if whole else "ms", timezone="UTC")
    return list(texts.tolist())


def decimals(values: FloatArray, places: int) -> list[str]:
    """Numbers with at most ``places`` decimals (trailing zeros dropped); "" where NaN."""
    spec = f".{places}f"
    out: list[str] = []
    append = out.append
    for value in values.tolist():
        if math.isnan(value):
            append("")
            continue
        text = format(value, spec)
        if places:
            text = text.rstrip("0").rstrip(".")
        append("0" if text == "-0" else text)
    return out


def integers(values: FloatArray, low: float, high: float) -> list[str]:
    """Rounded whole numbers within [low, high]; "" where NaN or outside."""
    rounded = np.rint(values)
    with np.errstate(invalid="ignore"):
        ok = (rounded >= low) & (rounded <= high)
    return [
        str(int(v)) if good else "" for v, good in zip(rounded.tolist(), ok.tolist(), strict=True)
    ]


def segment_ids(time: FloatArray, pauses: list[Pause]) -> FloatArray:
    """For each sample, how many pauses have ended by then: the samples of one segment share it.

    A device starts a new track segment when its timer is restarted after a pause.
    """
    ends = np.sort(np.array([p.end for p in pauses], dtype=np.float64))
    return np.searchsorted(ends, time, side="right").astype(np.float64)


def wrap(tag: str, texts: list[str]) -> list[str]:
    """``<tag>text</tag>`` for each non-empty text, "" for the empty ones."""
    head, tail = f"<{tag}>", f"</{tag}>"
    return [f"{head}{t}{tail}" if t else "" for t in texts]
