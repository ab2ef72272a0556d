"""The window, the workout browser and the account wired together (composition root).

Part of :mod:`st_desktop.app`: what the first frame needs (menus, drops, messages, sign-in and
sign-out, the welcome of a first start, the signed-out hint). The detail editor and upload pane
are wired in :mod:`st_desktop.app_panes` once they are built.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt

from st_desktop.cli import SANDBOX_SEED

if TYPE_CHECKING:
    from st_desktop.application import Application
    from st_desktop.services.account import Account
    from st_desktop.settings import Settings
    from st_desktop.ui.dialogs.preferences import PreferencesDialog


def show_welcome(application: Application) -> None:
    """First start (nobody signed in, nothing dropped): the welcome instead of empty panes.

    It goes away for good once there is something to show: an account, a file, the demo.
    """
    window = application.window
    window.show_welcome(True)

    def leave() -> None:
        window.show_welcome(False)

    def try_demo() -> None:
        from st_desktop.app_sandbox import start_sandbox

        leave()
        start_sandbox(application, SANDBOX_SEED)

    window.welcome.sign_in_requested.connect(window.sign_in_requested)
    window.welcome.demo_requested.connect(try_demo)
    window.welcome.open_requested.connect(window.open_action.trigger)

    def account_changed(current: object) -> None:
        if current is not None:
            leave()

    application.account.account_changed.connect(account_changed)
    application.account.restored_signed_out.connect(leave)

    def panes_built() -> None:
        # Files dropped, opened or restored from the queue: the upload pane has rows to show.
        application.upload.files_added.connect(leave)
        application.upload.model.rowsInserted.connect(leave)
        if application.upload.model.rowCount():
            leave()

    application.when_ready(panes_built)


def connect_window(application: Application) -> None:
    """Wire the browser to the window and the account (the other panes: ``app_panes``)."""
    from st_desktop.app_panes import add_files
    from st_desktop.services.data import DataService
    from st_desktop.ui.single_instance import bring_to_front
    from st_desktop.ui.upload.drop import DropTarget
    from st_desktop.ui.workouts.data_actions import DataActions

    window, account, browser = application.window, application.account, application.browser
    message = window.message_area

    data = DataActions(browser, application.runner, DataService(), window)
    data.message.connect(message.show_info)
    data.error.connect(message.show_error)
    window.add_workout_actions(
        browser.new_action,
        browser.edit_action,
        browser.delete_action,
        browser.undo_action,
        browser.history_action,
        data.export_action,
        data.backup_action,
    )
    application.data = data
    window.files_opened.connect(partial(add_files, application))
    drop = DropTarget(window)
    drop.watch(window)  # drops anywhere on the window go to the upload pane
    drop.paths_dropped.connect(partial(add_files, application))
    window.refresh_requested.connect(browser.refresh)
    browser.message.connect(message.show_info)
    browser.error.connect(message.show_error)

    def offer_undo(text: str) -> None:
        if text:
            undo = QCoreApplication.translate("WorkoutBrowser", "Undo")
            message.show_action(text, undo, browser.undo_action.trigger)
        else:
            message.clear_action()

    browser.undo_available.connect(offer_undo)

    def account_changed(current: Account | None) -> None:
        browser.set_account(current)
        if current is None:
            show_signed_out_hint(application)
        window.set_account(
            current.description if current is not None else None, sandbox=account.sandbox
        )

    def restored_signed_out(last: Account, reason: str) -> None:
        # The cached workouts of the last account stay in view; the banner says why and how.
        browser.set_account(last)
        show_signed_out_hint(application, reason)

    def sign_in_needed(reason: str) -> None:
        message.show_error(reason)
        show_signed_out_hint(application, reason)

    account.account_changed.connect(account_changed)
    account.restored_signed_out.connect(restored_signed_out)
    account.failed.connect(message.show_error)
    account.notice.connect(message.show_error)
    account.sign_in_needed.connect(sign_in_needed)

    def sign_in() -> None:
        from st_desktop.ui.dialogs.sign_in import SignInDialog  # loaded after the first paint

        dialog = SignInDialog(account, application.settings, application.runner, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one dialog per Sign In
        dialog.approved.connect(lambda: bring_to_front(window))
        # Cancel, a refusal in the browser or a timeout: the way back in stays in view.
        dialog.finished.connect(
            lambda _result: (
                None if account.account is not None else show_signed_out_hint(application)
            )
        )
        dialog.open()

    window.sign_in_requested.connect(sign_in)
    window.sign_out_requested.connect(account.sign_out)


def add_privacy_page(settings: Settings, dialog: PreferencesDialog) -> None:
    """Preferences > Privacy Zones (saved with the dialog's OK or Apply)."""
    from st_desktop.ui.dialogs.privacy_zones import PrivacyZonesPage, page_title

    page = PrivacyZonesPage(settings, dialog)
    dialog.add_page(page_title(), page)
    dialog.applied.connect(page.apply)


def show_signed_out_hint(application: Application, reason: str = "") -> None:
    """Tell a signed-out user, where the workouts would be, how to sign in (and why, if known)."""
    translate = QCoreApplication.translate
    application.browser.notice.show_message(
        reason
        or translate(
            "Application",
            "You are not signed in. Sign in to SportTracks to see and edit your workouts; files "
            "you drop are read and kept here until then.",
        ),
        translate("Application", "Sign In…"),
        application.window.sign_in_requested.emit,
    )
