"""``st-desktop backup|restore|export ...``: the account's data on the command line, no window.

Part of the composition root: it builds the same services as the app (settings, stored sign-in
or the sandbox's) and runs one of them in the terminal, with a progress bar on stderr. Errors
are printed as sentences and end with a non-zero exit status; Ctrl+C stops cleanly (a backup
resumes where it was on the next run).
"""

from __future__ import annotations

import argparse
import io
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from st_desktop import APP_NAME, __version__
from st_desktop.errors import StDesktopError
from st_desktop.logsetup import setup_logging, teardown_logging
from st_desktop.paths import AppPaths, resolve_paths
from st_desktop.progress import TaskCancelled, TaskContext

if TYPE_CHECKING:
    from st_desktop.api.redact import Redactor
    from st_desktop.services.account import Account

log = logging.getLogger(__name__)

COMMANDS = ("backup", "restore", "export")
#: Exit statuses: done; done but some workouts failed; could not run; stopped by Ctrl+C.
EXIT_OK, EXIT_PARTIAL, EXIT_ERROR, EXIT_STOPPED = 0, 1, 2, 130
SANDBOX_SEED = 2026


def build_parser() -> argparse.ArgumentParser:
    """``st-desktop backup DIR``, ``restore DIR``, ``export DIR --format ...``."""
    parser = argparse.ArgumentParser(
        prog=APP_NAME, description="Back up, restore and export your SportTracks workouts."
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    helps = {
        "backup": "save every workout's full data into DIR (again: only what is new or changed)",
        "restore": "create the workouts of the backup in DIR that the account does not have",
        "export": "write workouts to DIR as FIT, TCX, GPX, JSON files or one CSV",
    }
    for name in COMMANDS:
        sub = commands.add_parser(name, help=helps[name], description=helps[name])
        sub.add_argument("dir", type=Path, metavar="DIR")
        sub.add_argument("--sandbox", action="store_true", help="use the local demo server")
        sub.add_argument("--api-base", metavar="URL", help="SportTracks API base URL")
        sub.add_argument("--basedir", metavar="DIR", help="the app's settings and data folder")
        if name == "export":
            from st_desktop.services.export import FORMATS

            sub.add_argument("--format", required=True, choices=FORMATS, type=str.lower)
            sub.add_argument("--since", type=_date, metavar="DATE", help="first day (YYYY-MM-DD)")
            sub.add_argument("--until", type=_date, metavar="DATE", help="last day (YYYY-MM-DD)")
            sub.add_argument("--type", default="", help='e.g. "Running" or "Cycling: Road"')
    return parser


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-15") from exc


class ProgressBar:
    """A one-line progress bar on a terminal; plain lines every tenth when not a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self._stream = stream
        self._width = width
        self._tty = stream.isatty()
        self._last_tenth = -1

    def __call__(self, done: int, total: int, message: str) -> None:
        """Show ``done`` of ``total`` (0: unknown) with ``message``."""
        if not total:
            if message:
                self._write(f"{message}…")
            return
        if self._tty:
            filled = round(self._width * done / total)
            bar = "#" * filled + "." * (self._width - filled)
            self._stream.write(f"\r{message}: [{bar}] {done}/{total}")
            self._stream.flush()
            return
        tenth = done * 10 // total
        if tenth != self._last_tenth:
            self._last_tenth = tenth
            self._write(f"{message}: {done}/{total}")

    def _write(self, line: str) -> None:
        self._stream.write(("\r" if self._tty else "") + line + ("" if self._tty else "\n"))
        self._stream.flush()

    def end(self) -> None:
        """Leave the bar's line."""
        if self._tty:
            self._stream.write("\n")
            self._stream.flush()


def sign_in(
    args: argparse.Namespace, paths: AppPaths, closers: list[Callable[[], object]]
) -> Account:
    """The account to work on: the sandbox's, or the one the app signed in to (its keyring).

    Raises:
        StDesktopError: nobody is signed in, or the sign-in is no longer valid.
    """
    from st_desktop.api.redact import Redactor
    from st_desktop.logsetup import installed_redactor
    from st_desktop.services.account import AccountService
    from st_desktop.settings import Keys, Settings

    redactor = installed_redactor() or Redactor()
    if args.sandbox:
        return _sandbox_account(paths, redactor, closers)
    settings = Settings(paths.settings_file)
    service = AccountService(
        args.api_base or settings.get(Keys.API_BASE),
        settings.get(Keys.OAUTH_CLIENT_ID),
        settings.get(Keys.OAUTH_CLIENT_SECRET),
        redactor=redactor,
    )
    restored = service.restore(settings.get(Keys.ACCOUNT))
    if restored is None:
        raise StDesktopError(
            "You are not signed in to SportTracks here: start st-desktop and use Account > "
            "Sign In first (or try the demo with --sandbox)."
        )
    account, reason = restored
    if not account.online:
        raise StDesktopError(reason)
    return account


def _sandbox_account(
    paths: AppPaths, redactor: Redactor, closers: list[Callable[[], object]]
) -> Account:
    from st_desktop.sandbox import SandboxServer
    from st_desktop.sandbox.autoapprove import approve_in_sandbox
    from st_desktop.services.account import AccountService

    server = SandboxServer(paths.data / "sandbox", seed=SANDBOX_SEED, demo_end=date.today())
    server.start()
    closers.append(server.stop)
    service = AccountService(server.api_base, redactor=redactor)
    service.use_sandbox(server.api_base, server.client_id, server.client_secret)
    flow = service.new_sign_in(approve_in_sandbox)
    flow.start()
    return service.adopt_tokens(flow.wait(30.0))


def run(argv: Sequence[str], stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run one command; returns the exit status."""
    out, err = stdout or sys.stdout, stderr or sys.stderr
    args = build_parser().parse_args(list(argv))
    paths = resolve_paths(args.basedir)
    try:
        paths.ensure()
        _log_to_file(paths)
    except OSError as exc:
        print(f"st-desktop cannot write to {exc.filename}: {exc.strerror or exc}.", file=err)
        return EXIT_ERROR
    bar = ProgressBar(err)
    closers: list[Callable[[], object]] = []
    try:
        account = sign_in(args, paths, closers)
        code = _dispatch(args, account, TaskContext(bar), out)
    except StDesktopError as exc:
        bar.end()
        print(exc.user_message, file=err)
        return EXIT_ERROR
    except (KeyboardInterrupt, TaskCancelled):
        bar.end()
        print("Stopped. Run the same command again to go on where it stopped.", file=err)
        return EXIT_STOPPED
    finally:
        for close in reversed(closers):
            close()
        teardown_logging()
    bar.end()
    return code


def _dispatch(args: argparse.Namespace, account: Account, context: TaskContext, out: TextIO) -> int:
    from st_desktop.services.backup import backup_account
    from st_desktop.services.export import ExportFilter, export_workouts
    from st_desktop.services.restore import restore_backup

    client = account.require_client()
    failures: list[str]
    if args.command == "backup":
        report = backup_account(context, client, args.dir, account.key)
        summary, failures = report.summary(), report.failures
    elif args.command == "restore":
        restored = restore_backup(context, client, args.dir)
        summary, failures = restored.summary(), restored.failures
    else:
        selection = ExportFilter(args.since, args.until, args.type)
        exported = export_workouts(context, client, args.dir, args.format, selection)
        summary, failures = exported.summary(args.format), exported.failures
    print(summary, file=out)
    for failure in failures:
        print(f"  {failure}", file=out)
    return EXIT_PARTIAL if failures else EXIT_OK


def _log_to_file(paths: AppPaths) -> None:
    """Everything goes to the app's log file (redacted); the terminal shows only sentences."""

    logging.raiseExceptions = False
    setup_logging(paths, stderr=io.StringIO())  # the warnings are the sentences printed here
