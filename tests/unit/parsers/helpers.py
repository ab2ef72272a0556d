"""Shared helpers of the parser tests: corpus file lists and the fitparse reference decoder."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from st_desktop.parsers.fit_decode import MessageTable
from tests.conftest import CORPUS, CORPUS_MISSING_REASON, TEST_DATA

#: Record streams compared with fitparse: our column(s) and fitparse's field names, in the order
#: in which a value is taken (enhanced fields win, as in the FIT profile).
RECORD_FIELDS: dict[str, tuple[str, ...]] = {
    "timestamp": ("timestamp",),
    "position_lat": ("position_lat",),
    "position_long": ("position_long",),
    "altitude": ("enhanced_altitude", "altitude"),
    "heart_rate": ("heart_rate",),
    "cadence": ("cadence",),
    "distance": ("distance",),
    "speed": ("enhanced_speed", "speed"),
    "power": ("power",),
    "temperature": ("temperature",),
}


def data_files(kind: str, pattern: str = "*") -> list[Path]:
    """Files of tests/data/<kind>."""
    return sorted((TEST_DATA / kind).glob(pattern))


def corpus_params(kind: str, pattern: str = "*") -> list[Any]:
    """pytest params for every corpus file of a kind, or one skipped param when it is absent."""
    if CORPUS is None:
        return [pytest.param(None, marks=pytest.mark.skip(reason=CORPUS_MISSING_REASON))]
    return [
        pytest.param(path, id=path.name, marks=pytest.mark.corpus)
        for path in sorted((CORPUS / kind).glob(pattern))
    ]


def fitparse_records(data: bytes) -> tuple[list[dict[str, Any]], Exception | None]:
    """Record messages as fitparse decodes them, up to where fitparse gives up (and why)."""
    import fitparse

    records: list[dict[str, Any]] = []
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for message in fitparse.FitFile(data).get_messages("record"):
                values: dict[str, Any] = {}
                for field in message.fields:
                    if values.get(field.name) is None:
                        raw = field.raw_value if field.name == "timestamp" else field.value
                        values[field.name] = raw
                records.append(values)
    except Exception as exc:  # fitparse raises many types on damaged files
        return records, exc
    return records, None


def reference_column(records: list[dict[str, Any]], names: tuple[str, ...]) -> np.ndarray:
    """One stream from fitparse records, NaN where fitparse has no (scalar) value."""
    out = np.full(len(records), np.nan)
    for i, record in enumerate(records):
        for name in names:
            value = record.get(name)
            if value is not None and not isinstance(value, tuple):
                out[i] = float(value)
                break
    return out


def our_column(table: MessageTable, names: tuple[str, ...]) -> np.ndarray:
    """The same stream from our decoder (first valid value among the names)."""
    out = np.full(len(table), np.nan)
    for name in reversed(names):
        column = table.column(name)
        out = np.where(np.isfinite(column), column, out)
    return out
