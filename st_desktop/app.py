"""Composition root: command line, paths, logging, settings, services, main window, shutdown.

Nothing else creates services: they are built here and passed in, so there are no global
singletons and tests can assemble the same application around a temporary base directory.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from st_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME, ORG_NAME, __version__
from st_desktop.api.redact import Redactor
from st_desktop.app_handsfree import add_arguments as add_hands_free_arguments
from st_desktop.application import SHUTDOWN_TIMEOUT_S, Application
from st_desktop.cli import COMMANDS, SANDBOX_SEED
from st_desktop.cli import run as run_command
from st_desktop.logsetup import (
    installed_redactor,
    redact_text,
    setup_logging,
)
from st_desktop.paths import AppPaths, resolve_paths

if TYPE_CHECKING:
    from st_desktop.ui.first_paint import LaterStep

__all__ = ["SHUTDOWN_TIMEOUT_S", "Application", "create_application", "main"]

log = logging.getLogger(__name__)

#: When the full check of the workout cache runs, after the start.
CACHE_CHECK_DELAY_MS = 5000


def build_parser() -> argparse.ArgumentParser:
    """The command line: ``st-desktop [FILES...] [--sandbox] [--api-base URL] [--basedir DIR]``."""
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=f"{APP_DISPLAY_NAME}: preview, fix and upload activity files to SportTracks.",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, metavar="FILE", help="FIT, TCX or GPX files to upload"
    )
    parser.add_argument(
        "--sandbox",
        action="store_true",
        help="run against a local demo SportTracks server instead of your account",
    )
    parser.add_argument("--api-base", metavar="URL", help="SportTracks API base URL")
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        help="keep settings, data, cache and logs under DIR (portable use, tests)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    add_hands_free_arguments(parser)  # --watch DIR, --background
    return parser


def install_qt_message_handler() -> None:
    """Route Qt's own warnings into our log instead of stderr only."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    qt_log = logging.getLogger("qt")
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }

    def handler(mode: QtMsgType, _context: object, message: str) -> None:
        if "propagateSizeHints" in message:  # benign on the offscreen platform
            return
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)

    qInstallMessageHandler(handler)


def create_application(
    argv: Sequence[str] | None = None,
    *,
    keyring_backend: object = None,
    later: list[LaterStep] | None = None,
) -> Application:
    """Build settings, services and the main window (a QApplication must already exist).

    Args:
        argv: command-line arguments (without the program name).
        keyring_backend: the keyring for tokens (tests pass a fake; None: the OS keyring).
        later: where to put the parts the first rows do not need (overview, hands-free import,
            maps) to be run after the first paint (:mod:`st_desktop.ui.first_paint`); given,
            the detail editor and upload pane are also built only once the first rows are
            drawn (:func:`st_desktop.app_panes.schedule_panes`). None builds and installs
            everything at once.
    """
    from PySide6.QtCore import QCoreApplication, QTimer

    from st_desktop.app_panes import add_files, build_panes, schedule_panes
    from st_desktop.app_window import connect_window, show_signed_out_hint, show_welcome
    from st_desktop.services.workouts import WorkoutService
    from st_desktop.settings import Keys, Settings
    from st_desktop.store.cache import CACHE_FILE, WorkoutCache
    from st_desktop.store.uploads import UploadStore
    from st_desktop.tasks import TaskRunner
    from st_desktop.ui.account import AccountController
    from st_desktop.ui.main_window import MainWindow, settings_units
    from st_desktop.ui.workouts.browser import WorkoutBrowser

    args = build_parser().parse_args(list(argv) if argv is not None else None)
    paths = resolve_paths(args.basedir)
    problems: list[str] = []
    try:
        paths.ensure()
    except OSError as exc:  # the window still opens and says so; the stores refuse writes
        problems.append(disk_problem(exc, paths))
    settings = Settings(paths.settings_file)
    if args.api_base:
        settings.set(Keys.API_BASE, args.api_base)
    redactor = installed_redactor() or Redactor()
    runner = TaskRunner()
    # Neither store stops the start: a damaged cache is rebuilt, a damaged queue set aside and
    # rebuilt from the inbox, a full or read-only disk gives a store that says so.
    cache, cache_notice = WorkoutCache.open(paths.data / CACHE_FILE)
    upload_store, queue_notice = UploadStore.open(paths.data)
    account_service = AccountController.build_service(
        settings, redactor=redactor, keyring_backend=keyring_backend
    )
    account = AccountController(settings, runner, account_service)
    account.attach()
    workouts = WorkoutService(cache)
    browser = WorkoutBrowser(runner, settings, workouts)
    window = MainWindow(settings, runner, browser)  # the detail editor and upload pane come next
    window.set_folders(
        {"Log": paths.logs, "Data": paths.data, "Settings": paths.config, "Cache": paths.cache}
    )
    application = Application(
        paths=paths,
        settings=settings,
        runner=runner,
        window=window,
        args=args,
        account=account,
        workouts=workouts,
        browser=browser,
        closers=[cache.close, upload_store.close],
    )
    from st_desktop.app_theme import install_theme

    install_theme(application)  # light or dark as chosen (Preferences > Appearance), live
    browser.set_units(settings_units(settings))
    window.units_changed.connect(browser.set_units)
    connect_window(application)
    problems += [notice for notice in (cache_notice, queue_notice) if notice]
    application.notices.extend(problems)

    # A deeper look at the cache, off the GUI thread and after the first rows are shown
    # (about 0.1 s for 100,000 workouts, holding the cache meanwhile).
    def cache_checked(sound: bool) -> None:
        if not sound:
            window.message_area.show_error(cache.notice or "")
            browser.model.reload()
            browser.refresh()

    QTimer.singleShot(
        CACHE_CHECK_DELAY_MS,
        window,
        lambda: runner.submit(
            cache.check,
            on_result=cache_checked,
            description=QCoreApplication.translate("Application", "Checking the workout cache"),
        ),
    )
    if later is None:
        build_panes(application, cache, upload_store)
    install_later_parts(application, later)
    if application.notices:
        window.message_area.show_error(" ".join(dict.fromkeys(application.notices)))
    if args.files:
        add_files(application, [p.expanduser().resolve() for p in args.files])
    if args.sandbox:
        from st_desktop.app_sandbox import start_sandbox

        start_sandbox(application, SANDBOX_SEED, after_first_paint=later is not None)
    elif settings.get(Keys.ACCOUNT):
        account.restore()
    else:
        show_signed_out_hint(application)
        if not args.files:
            show_welcome(application)
    if later is not None:  # the table first: the panes once its rows are on screen
        schedule_panes(application, cache, upload_store)
    return application


#: Loaded on a worker once the window is up (see :func:`install_later_parts`).
PRELOADED = (
    # numpy loads its masked arrays on the first np.unique or np.median (a track's time axis, the
    # readers): 15-40 ms that the first file dropped or workout shown would wait for.
    "numpy.ma",
    "st_desktop.api.client",
    "st_desktop.api.signin",
    "st_desktop.domain.track",
    "st_desktop.parsers.registry",
    "st_desktop.parsers.writers",
    "st_desktop.services.intake",
    "st_desktop.services.upload_checks",
    "st_desktop.services.upload_engine",
    "st_desktop.services.fixes",
    "st_desktop.ui.dialogs.sign_in",
)


def install_later_parts(application: Application, later: list[LaterStep] | None) -> None:
    """The overview, hands-free import and maps: now, or as steps after the first paint."""
    from st_desktop.app_window import add_privacy_page
    from st_desktop.ui.first_paint import LaterStep

    def overview() -> None:  # calendar, totals, gear and body views
        from st_desktop.app_overview import install_overview

        install_overview(application)

    def hands_free() -> None:  # watched folders, watches over USB, tray, preferences
        from st_desktop.app_handsfree import install_hands_free

        install_hands_free(application)

    def maps() -> None:  # maps under the routes, the tile cache
        from st_desktop.app_maps import install_maps

        install_maps(application)

    def privacy() -> None:  # the Preferences pages after Map (the order of the pages)
        from st_desktop.ui.dialogs.language import add_language_page

        application.preference_pages.append(partial(add_privacy_page, application.settings))
        application.preference_pages.append(add_language_page)

    steps = [
        LaterStep(("st_desktop.app_handsfree",), hands_free, "hands-free import"),
        LaterStep(("st_desktop.app_overview",), overview, "overview"),
        LaterStep(("st_desktop.app_maps",), maps, "maps"),
        LaterStep(("st_desktop.ui.dialogs.privacy_zones",), privacy, "privacy zones"),
        # What the first drop, sign-in or workout shown would otherwise import then.
        LaterStep(PRELOADED, lambda: None, "services"),
    ]
    if later is None:
        for step in steps:
            step.run()
    else:
        later.extend(steps)


def main(argv: Sequence[str] | None = None) -> int:
    """Start st-desktop; returns the process exit code.

    A second start hands its files to the instance already running (which raises its window) and
    exits at once; macOS "Open with" and Dock drops arrive as FileOpen events. Ctrl+C and SIGTERM
    quit like File > Quit.
    """
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments and arguments[0] in COMMANDS:  # backup, restore, export: no window
        return run_command(arguments)
    args = build_parser().parse_args(arguments)
    paths = prepare_paths(args.basedir)
    log.info("%s %s starting (python %s)", APP_NAME, __version__, sys.version.split()[0])

    from st_desktop.ui.single_instance import (
        FileOpenEventFilter,
        SingleInstance,
        bring_to_front,
        server_name_for,
    )

    files = [p.expanduser().resolve() for p in args.files]
    instance = SingleInstance(server_name_for(paths))
    if instance.forward(files):  # before any window: a second start exits in a fraction of a second
        log.info("handed %d file(s) to the running instance", len(files))
        return 0

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from st_desktop.tasks.gil import favour_the_gui_thread
    from st_desktop.ui.dialogs.errors import ExceptionHook
    from st_desktop.ui.first_paint import LaterStep, run_after_first_paint
    from st_desktop.ui.icons import app_icon
    from st_desktop.ui.quit_signals import QuitOnSignals
    from st_desktop.ui.smoke import install_smoke_quit

    install_qt_message_handler()
    favour_the_gui_thread()  # before any worker starts
    QApplication.setOrganizationName(ORG_NAME)
    QApplication.setApplicationName(APP_NAME)
    QApplication.setApplicationDisplayName(APP_DISPLAY_NAME)
    QApplication.setApplicationVersion(__version__)
    QApplication.setDesktopFileName(APP_ID)  # links windows to the .desktop entry (Wayland icon)
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0]])
    from st_desktop.settings import Keys, Settings
    from st_desktop.ui.i18n import install_translators

    # Before any widget exists: every text is created in the chosen language.
    install_translators(qapp, Settings(paths.settings_file).get(Keys.LANGUAGE) or None)
    built: list[Application] = []
    # First thing once dialogs can be shown: from here on nothing ends as a bare traceback.
    hook = ExceptionHook(
        lambda: built[0].window if built else None,
        str(paths.log_file),
        redact=redact_text,
    )
    hook.install()
    file_open = FileOpenEventFilter(qapp)
    if sys.platform == "darwin":  # only macOS sends FileOpen (before exec(): launch files)
        # An application-wide filter sees every event of every object: elsewhere it would
        # only cost (each event a call into Python, each new kind of object a type to load).
        qapp.installEventFilter(file_open)
    if not instance.listen() and instance.forward(files):
        return 0  # lost a start-up race: the other instance has the files
    qapp.setWindowIcon(app_icon())
    later_steps: list[LaterStep] = []
    try:
        application = create_application(argv, later=later_steps)
    except Exception as exc:  # the window could not be built: say why, then stop
        hook.show_fatal(exc)
        return 1
    built.append(application)
    window = application.window
    application.closers.append(instance.close)
    from st_desktop.app_panes import add_files

    def open_files(paths_received: list[Path]) -> None:
        if paths_received:
            log.info("opening %d file(s) from the system", len(paths_received))
            add_files(application, paths_received)
            bring_to_front(window)

    def quit_now() -> None:
        qapp.closeAllWindows()  # saves the window state, as File > Quit does
        qapp.quit()

    instance.files_received.connect(open_files)
    instance.activation_requested.connect(lambda: bring_to_front(window))
    file_open.files_opened.connect(open_files)
    QuitOnSignals(quit_now, qapp)
    qapp.aboutToQuit.connect(application.shutdown)
    if not args.background:  # started at login: only the tray shows
        window.show()
        log.info("window shown")

    # The charts' library first, then the overview, hands-free import and maps: off the GUI
    # thread, once the first rows and the panes are on screen (or when idle in the tray).
    def time_zones() -> None:  # the offline zone lookup's first load, off the GUI thread
        from st_desktop.parsers import zone

        what = QCoreApplication.translate("Application", "Preparing the time zone lookup")
        application.runner.submit(zone.warm_up, description=what)

    def rest() -> None:
        from st_desktop.memory import freeze_start_up
        from st_desktop.ui.detail.charts import plotting_step

        zones = LaterStep(("st_desktop.parsers.zone",), time_zones, "time zones")
        # Last: what the start loaded is kept out of the garbage collector's way for good.
        frozen = LaterStep((), freeze_start_up, "start-up objects frozen")
        steps = [plotting_step(window), zones, *later_steps, frozen]
        run_after_first_paint(window, application.runner, steps, painted=True)

    application.when_ready(rest)
    install_smoke_quit(qapp, window, paths.log_file)
    code = qapp.exec()
    log.info("exit code %d", code)
    return code


def disk_problem(exc: OSError, paths: AppPaths) -> str:
    """The sentence for a folder of the app that cannot be created or written."""
    return (
        f"st-desktop cannot write to {exc.filename or paths.data}: {exc.strerror or exc}. "
        "Files you drop cannot be kept until this is fixed."
    )


def prepare_paths(basedir: str | None) -> AppPaths:
    """Create the app's folders and start logging; a full or read-only disk is not fatal.

    The window says what is wrong (see :func:`create_application`); logging then goes to stderr.
    """
    paths = resolve_paths(basedir)
    # A logging failure (disk full) must never print a traceback of its own.
    logging.raiseExceptions = False
    try:
        paths.ensure()
    except OSError as exc:
        problem: str | None = disk_problem(exc, paths)
    else:
        problem = None
    setup_logging(paths)  # to stderr only when the log folder cannot be made
    if problem:
        log.error("%s", problem)
    return paths
