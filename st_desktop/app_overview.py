"""The overview views (Calendar, Totals, Gear, Body) wired into the application the root built.

Part of the composition root: :func:`st_desktop.app.create_application` calls
:func:`install_overview` once the window, panes and account exist. It builds the overview service
over the workout cache, the hub the views share, the four views (Ctrl+2 ... Ctrl+5 beside
Workouts' Ctrl+1), the gear picker of the detail editor and Workouts > Gear of Selected…, and
connects them to the account, units, messages, refresh and the workout table.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

if TYPE_CHECKING:
    from st_desktop.application import Application
    from st_desktop.ui.overview.calendar import CalendarPane
    from st_desktop.ui.overview.hub import OverviewHub

log = logging.getLogger(__name__)

#: (key, title, shortcut) of the views added after Workouts (Ctrl+1).
#: The titles are translated where the views are added (beside "&Workouts", in the View menu).
VIEWS = (
    ("calendar", QT_TRANSLATE_NOOP("MainWindow", "&Calendar"), "Ctrl+2"),
    ("totals", QT_TRANSLATE_NOOP("MainWindow", "&Totals"), "Ctrl+3"),
    ("gear", QT_TRANSLATE_NOOP("MainWindow", "&Gear"), "Ctrl+4"),
    ("body", QT_TRANSLATE_NOOP("MainWindow", "&Body"), "Ctrl+5"),
)


def install_overview(application: Application) -> None:
    """Build the overview views and wire them into ``application``'s window and panes.

    Idempotent: a second call (an application already holding them) changes nothing.
    """
    from st_desktop.services.overview import OverviewService
    from st_desktop.ui.overview.hub import OverviewHub

    window = application.window
    if window.findChild(OverviewHub, "overviewHub") is not None:
        return  # installed already (by create_application): once is enough
    message = window.message_area
    hub = OverviewHub(application.runner, OverviewService(application.workouts.cache), window)
    hub.setObjectName("overviewHub")
    hub.message.connect(message.show_info)
    hub.error.connect(message.show_error)
    calendar = _add_views(application, hub)

    # The workouts shown are the cache's: any change of the table's rows may change the sums.
    application.browser.model.refreshed.connect(hub.workouts_changed)
    window.refresh_requested.connect(hub.refresh)
    _show_chosen_workouts(application, calendar)

    # Files dropped, opened or handed over by a second start: the upload pane comes forward.
    application.upload.files_added.connect(lambda _paths: window.show_upload_pane())
    if application.args.files:
        window.show_upload_pane()

    _add_gear_pickers(application, hub)
    accounts = application.account
    accounts.account_changed.connect(hub.set_account)
    accounts.restored_signed_out.connect(lambda last, _reason: hub.set_account(last))
    if accounts.account is not None:
        hub.set_account(accounts.account)
    log.info("overview views installed")


def _add_views(application: Application, hub: OverviewHub) -> CalendarPane:
    """The four views, each in the window's units; returns the calendar."""
    from st_desktop.ui.main_window import settings_units
    from st_desktop.ui.overview.calendar import CalendarPane
    from st_desktop.ui.overview.gear import GearPane
    from st_desktop.ui.overview.metrics import MetricsPane
    from st_desktop.ui.overview.totals import TotalsPane

    window, settings = application.window, application.settings
    calendar = CalendarPane(hub, settings)
    panes: dict[str, CalendarPane | TotalsPane | GearPane | MetricsPane] = {
        "calendar": calendar,
        "totals": TotalsPane(hub, settings, application.browser.history_action),
        "gear": GearPane(hub, settings),
        "body": MetricsPane(hub, settings),
    }
    units = settings_units(settings)
    for key, title, shortcut in VIEWS:
        pane = panes[key]
        window.add_view(key, QCoreApplication.translate("MainWindow", str(title)), pane, shortcut)
        pane.set_units(units)
        window.units_changed.connect(pane.set_units)
    return calendar


def _show_chosen_workouts(application: Application, calendar: CalendarPane) -> None:
    """A workout chosen in the calendar is shown selected in the workout table."""
    from st_desktop.ui.overview.locate import WorkoutLocator

    window = application.window
    locator = WorkoutLocator(application.browser, window)
    locator.message.connect(window.message_area.show_info)
    locator.not_found.connect(window.message_area.show_error)

    def show_workout(workout_id: str) -> None:
        window.show_view("workouts")
        locator.locate(workout_id)

    calendar.workout_chosen.connect(show_workout)


def _add_gear_pickers(application: Application, hub: OverviewHub) -> None:
    """The detail editor's gear picker, and Workouts > Gear of Selected…"""
    from PySide6.QtWidgets import QBoxLayout

    from st_desktop.ui.detail.gear_picker import BulkGear, GearPicker

    window, browser, detail = application.window, application.browser, application.detail
    picker = GearPicker(hub, detail)
    layout = detail.layout()
    if isinstance(layout, QBoxLayout):  # above the charts: the editor's own rows stay its own
        tabs = layout.indexOf(detail.tabs)
        layout.insertWidget(tabs if tabs >= 0 else layout.count(), picker)
    browser.workout_selected.connect(picker.show_workout)
    bulk = BulkGear(hub, browser.selected_workouts, window)
    menu = getattr(window, "workouts_menu", None)
    if menu is not None:
        menu.addAction(bulk.action)
    else:  # connect_panes had not built the Workouts menu: keep the action reachable anyway
        window.addAction(bulk.action)
