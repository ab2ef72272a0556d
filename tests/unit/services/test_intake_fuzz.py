"""The drop intake over random trees of files: every dropped thing ends as rows, never a crash.

Folders holding archives (random, mutated, nested), gz files, files with names that are not
UTF-8, empty and unknown files go through the app's whole intake path (expand, copy into the
queue, parse); only our typed errors may come out, each a sentence.
"""

from __future__ import annotations

import gzip
import os
import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from st_desktop.errors import StDesktopError
from st_desktop.services.intake import Skipped, Source, expand, ingest
from st_desktop.store.uploads import UploadStore
from tests.unit.parsers.test_archive_fuzz import SEED, archives
from tests.unit.services.upload_helpers import START, make_gpx

NAME_BYTES = [
    b"ride",
    b".fit",
    b".gpx",
    b".tcx",
    b".zip",
    b".gz",
    b"\xff",
    b"\xe9t\xe9",
    b" ",
    b".",
]
GPX = make_gpx(START)


@st.composite
def file_names(draw: st.DrawFn) -> bytes:
    parts = draw(st.lists(st.sampled_from(NAME_BYTES), min_size=1, max_size=4))
    name = b"".join(parts).replace(b"/", b"_")
    return name if name not in (b".", b"..") else b"x" + name


@st.composite
def contents(draw: st.DrawFn) -> bytes:
    return draw(
        st.one_of(
            archives(),
            st.sampled_from([SEED, GPX, b"", b"<gpx>", gzip.compress(GPX, mtime=0)]),
            st.binary(max_size=120),
        )
    )


@settings(
    max_examples=150 if sys.platform == "linux" else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(tree=st.lists(st.tuples(file_names(), contents()), min_size=1, max_size=6))
def test_any_drop_ends_as_rows_with_sentences(tree: list[tuple[bytes, bytes]]) -> None:
    root = Path(tempfile.mkdtemp(prefix="intake-fuzz-"))
    try:
        folder = root / "drop"
        folder.mkdir()
        for raw_name, data in tree:
            name = os.fsdecode(raw_name) if sys.platform == "linux" else raw_name.decode("latin-1")
            (folder / name).write_bytes(data)
        store = UploadStore(root / "queue")
        try:
            entries = expand([folder, *folder.iterdir()])
            assert entries
            for entry in entries:
                if isinstance(entry, Skipped):
                    assert entry.reason.endswith("."), entry.reason
                    continue
                assert isinstance(entry, Source)
                entry.display_name.encode("utf-8")  # shown and stored: always valid text
                sentence = _ingest_outcome(store, entry)
                assert sentence.endswith("."), sentence
        finally:
            store.close()
        orphans = {p.name for p in (root / "queue" / "inbox").iterdir()}
        assert orphans <= {f"{item.sha256}.{item.ext}" for item in _items(root / "queue")}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def _ingest_outcome(store: UploadStore, entry: Source) -> str:
    """ "read." or the sentence the row shows; anything but our typed errors propagates."""
    try:
        ingested = ingest(store, entry)
    except StDesktopError as exc:
        return exc.user_message
    return "read." if ingested.activity is not None else str(ingested.error)


def _items(data_dir: Path) -> list:  # type: ignore[type-arg]
    store = UploadStore(data_dir)
    try:
        return store.items()
    finally:
        store.close()
