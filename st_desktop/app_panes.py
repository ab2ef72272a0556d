"""The detail editor and upload pane: built, wired and brought up to date (composition root).

Part of :mod:`st_desktop.app`. A start draws the workout table first; these two panes, with
numpy, the charts and the upload machinery behind them, come once its first rows are on screen
(:func:`schedule_panes`). Tests build them at once.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from st_desktop.application import Application
    from st_desktop.services.account import Account
    from st_desktop.store.cache import WorkoutCache
    from st_desktop.store.uploads import UploadStore
    from st_desktop.ui.detail.editor import DetailEditor
    from st_desktop.ui.upload.pane import UploadPane

log = logging.getLogger(__name__)

# What building the panes imports (loaded on a worker before they are built).
PANE_MODULES = (
    "numpy",
    "st_desktop.services.uploads",
    "st_desktop.ui.detail.editor",
    "st_desktop.ui.upload.controller",
    "st_desktop.ui.upload.fixes",
    "st_desktop.ui.upload.pane",
)


def build_panes(application: Application, cache: WorkoutCache, upload_store: UploadStore) -> None:
    """Build the detail editor and upload pane, put them in the window and wire them up.

    What happened before (an account signed in or restored, a workout selected) is caught up
    with; then everything that waited for them runs (:meth:`Application.when_ready`).
    """
    from st_desktop.services.uploads import UploadService
    from st_desktop.ui.detail.editor import DetailEditor
    from st_desktop.ui.main_window import settings_units
    from st_desktop.ui.upload.controller import UploadController
    from st_desktop.ui.upload.fixes import FixActions
    from st_desktop.ui.upload.pane import UploadPane

    window, settings, runner = application.window, application.settings, application.runner
    detail = DetailEditor(runner, settings, application.workouts)
    upload = UploadPane(UploadController(UploadService(upload_store, cache), runner))
    FixActions(upload, settings)  # start, split, trim, merge in the preview (owned by the pane)
    window.set_panes(detail, upload)
    units = settings_units(settings)
    for pane in (detail, upload):
        pane.set_units(units)
        window.units_changed.connect(pane.set_units)
    _connect(application, detail, upload)
    # Up to date with what the browser and the account did meanwhile.
    detail.set_account(application.browser.shown_account)
    upload.controller.set_account(application.account.account)
    if (shown := application.browser.current_workout()) is not None:
        detail.show_workout(shown)
    upload.controller.restore()
    application.set_panes(detail, upload)


def schedule_panes(
    application: Application, cache: WorkoutCache, upload_store: UploadStore
) -> None:
    """Build the panes once the first rows are drawn (their modules loaded on a worker first)."""
    from st_desktop.ui.first_paint import after_first_rows, load_then

    browser, window = application.browser, application.window

    def build() -> None:
        build_panes(application, cache, upload_store)

    def load() -> None:
        #: The status bar while the editor and the upload pane load, just after the start.
        what = QCoreApplication.translate("Application", "Loading the editor and the upload pane")
        load_then(
            application.runner,
            PANE_MODULES,
            build,
            window,
            what,
        )

    # A shown account's cached rows are being read: they come first.
    coming = browser.model.page_loaded if browser.account is not None else None
    after_first_rows(browser.table.viewport(), coming, load)


def add_files(application: Application, paths: list[Path]) -> None:
    """Hand files to the upload pane (once it is built, when the start has not built it yet)."""
    application.when_ready(lambda: application.upload.add_paths(paths))


def _connect(application: Application, detail: DetailEditor, upload: UploadPane) -> None:
    window, account, browser = application.window, application.account, application.browser
    message = window.message_area
    browser.workout_selected.connect(detail.show_workout)
    detail.workout_saved.connect(lambda _workout: browser.model.refresh())
    upload.workouts_uploaded.connect(browser.add_or_refresh)

    def show_uploaded(uri: str) -> None:
        window.show_view("workouts")
        browser.reveal_workout(uri)

    upload.show_workout_requested.connect(show_uploaded)
    detail.message.connect(message.show_info)
    detail.error.connect(message.show_error)

    def account_changed(current: Account | None) -> None:
        detail.set_account(current)
        upload.controller.set_account(current)

    def restored_signed_out(last: Account, _reason: str) -> None:
        detail.set_account(last)  # its cached workouts stay in view, read-only

    account.account_changed.connect(account_changed)
    account.restored_signed_out.connect(restored_signed_out)
