"""Fixtures shared by the whole suite.

Qt runs offscreen, every test gets its own base directory (so settings, cache and logs never touch
the user's), and corpus tests find the shared real-file corpus beside the repository.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")
# The suite runs in English, the language of the source strings, whatever the machine speaks:
# the texts tests compare are those, and numbers and dates format the same everywhere (Qt reads
# these when it first needs the system locale, after this). Tests of other languages ask for
# theirs explicitly (tests/qt/test_i18n.py).
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"

REPO_ROOT = Path(__file__).resolve().parent.parent
TEST_DATA = Path(__file__).resolve().parent / "data"
CORPUS_ENV = "ST_DESKTOP_CORPUS"


def find_corpus() -> Path | None:
    """Locate ``../shared/corpus`` (or ``$ST_DESKTOP_CORPUS``); None when it is not there."""
    candidates = [os.environ.get(CORPUS_ENV), REPO_ROOT.parent / "shared" / "corpus"]
    for candidate in candidates:
        if candidate and Path(candidate, "SOURCES.md").is_file():
            return Path(candidate)
    return None


CORPUS = find_corpus()
CORPUS_MISSING_REASON = (
    "the shared corpus (../shared/corpus or $ST_DESKTOP_CORPUS) is not here; "
    "only the files in tests/data were used"
)


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus directory; skips the test (saying why) where it is absent."""
    if CORPUS is None:
        pytest.skip(CORPUS_MISSING_REASON)
    return CORPUS


@pytest.fixture
def test_data() -> Path:
    """``tests/data``: the small, permissively licensed corpus subset kept in the repository."""
    return TEST_DATA


@pytest.fixture(autouse=True)
def isolated_basedir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Point every application directory at a fresh temporary folder for each test."""
    base = tmp_path_factory.mktemp("basedir")
    old = os.environ.get("ST_DESKTOP_BASEDIR")
    os.environ["ST_DESKTOP_BASEDIR"] = str(base)
    try:
        yield base
    finally:
        if old is None:
            os.environ.pop("ST_DESKTOP_BASEDIR", None)
        else:
            os.environ["ST_DESKTOP_BASEDIR"] = old


def pytest_report_header(config: pytest.Config) -> str:
    """Say in the header whether the whole corpus is being tested."""
    if CORPUS is None:
        return f"corpus: NOT FOUND ({CORPUS_MISSING_REASON})"
    return f"corpus: {CORPUS}"


class _RecordGuard(logging.Handler):
    """Keeps every WARNING or worse record of the ``st_desktop`` loggers during one test."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def _no_unexpected_warnings(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test on a WARNING+ record from our package that the test did not declare.

    A test that provokes a failure on purpose declares the records it expects with
    ``@pytest.mark.expect_log("regex", ...)`` (searched in the record's message).
    """
    guard = _RecordGuard()
    logger = logging.getLogger("st_desktop")
    logger.addHandler(guard)
    try:
        yield
    finally:
        logger.removeHandler(guard)
    allowed = [re.compile(p) for m in request.node.iter_markers("expect_log") for p in m.args]
    unexpected = [
        f"{r.levelname} {r.name}: {r.getMessage()}"
        for r in guard.records
        if not any(p.search(r.getMessage()) for p in allowed)
    ]
    if unexpected:
        pytest.fail(
            "unexpected WARNING+ log records (declare them with @pytest.mark.expect_log):\n"
            + "\n".join(unexpected[:20]),
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _no_leaked_log_handlers() -> Iterator[None]:
    """Handlers a test (or the code it runs, e.g. a CLI command) added to the root logger go."""
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


@pytest.fixture(autouse=True)
def _no_real_mount_roots(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """No test looks at this machine's /media or /Volumes for watches plugged in."""
    roots = tmp_path_factory.mktemp("mounts")
    old = os.environ.get("ST_DESKTOP_MOUNT_ROOTS")
    os.environ["ST_DESKTOP_MOUNT_ROOTS"] = str(roots)
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("ST_DESKTOP_MOUNT_ROOTS", None)
        else:
            os.environ["ST_DESKTOP_MOUNT_ROOTS"] = old
