"""Fixtures of the upload pane tests: a sandbox on loopback, a fresh queue, a shown pane."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from st_desktop.sandbox import SandboxServer
from st_desktop.services.uploads import UploadService
from st_desktop.store.uploads import UploadStore
from st_desktop.tasks import TaskRunner
from st_desktop.ui.upload.controller import UploadController
from st_desktop.ui.upload.pane import UploadPane


@pytest.fixture
def server(tmp_path: Path) -> Iterator[SandboxServer]:
    with SandboxServer(tmp_path / "sandbox") as sandbox:
        yield sandbox


@pytest.fixture
def store(tmp_path: Path) -> Iterator[UploadStore]:
    upload_store = UploadStore(tmp_path / "data")
    yield upload_store
    upload_store.close()


@pytest.fixture
def pane(qtbot: QtBot, store: UploadStore, runner: TaskRunner) -> UploadPane:
    """The pane about the size it has in the main window (it shares it with the table)."""
    widget = UploadPane(UploadController(UploadService(store), runner))
    qtbot.addWidget(widget)
    widget.resize(560, 860)
    widget.show()
    return widget
