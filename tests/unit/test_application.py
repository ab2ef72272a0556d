"""What waits for the detail editor and upload pane, which a start builds after the first rows."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pytest

from st_desktop.application import Application
from st_desktop.paths import resolve_paths


def _application(tmp_path: Path) -> Application:
    unused: Any = object()  # the parts these tests never reach
    return Application(
        paths=resolve_paths(str(tmp_path)),
        settings=unused,
        runner=unused,
        window=unused,
        args=argparse.Namespace(),
        account=unused,
        workouts=unused,
        browser=unused,
        data=None,
    )


def test_the_panes_are_refused_with_a_reason_until_they_are_built(tmp_path: Path) -> None:
    application = _application(tmp_path)
    assert not application.ready
    with pytest.raises(RuntimeError, match="after the first rows"):
        _ = application.upload
    with pytest.raises(RuntimeError, match="after the first rows"):
        _ = application.detail


def test_what_waited_for_the_panes_runs_once_in_order_then_at_once(tmp_path: Path) -> None:
    application = _application(tmp_path)
    ran: list[str] = []
    application.when_ready(lambda: ran.append("dropped file"))
    application.when_ready(lambda: ran.append("sandbox"))
    assert ran == []
    detail, upload = object(), object()
    application.set_panes(detail, upload)  # type: ignore[arg-type]
    assert ran == ["dropped file", "sandbox"]
    assert application.ready
    assert application.detail is detail
    assert application.upload is upload
    application.when_ready(lambda: ran.append("opened later"))
    assert ran == ["dropped file", "sandbox", "opened later"]


@pytest.mark.expect_log(r"once the panes were built")
def test_one_failing_part_does_not_keep_the_others_from_starting(tmp_path: Path) -> None:
    application = _application(tmp_path)
    ran: list[str] = []

    def broken() -> None:
        raise OSError("disk full")

    application.when_ready(broken)
    application.when_ready(lambda: ran.append("after"))
    application.set_panes(object(), object())  # type: ignore[arg-type]
    assert ran == ["after"]
