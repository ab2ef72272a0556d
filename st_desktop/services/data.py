"""The account's data in and out, for the window: backup, restore and export as one service.

Thin wrappers over :mod:`.backup` and :mod:`.export` that take the :class:`Account` the panes
hold, so the ui never handles the API client itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

# Backup, restore and export (with the file writers) load when first used, on a worker.
if TYPE_CHECKING:
    from st_desktop.domain.workout import WorkoutSummary
    from st_desktop.progress import TaskContext
    from st_desktop.services.account import Account
    from st_desktop.services.backup import BackupReport
    from st_desktop.services.export import ExportFilter, ExportReport
    from st_desktop.services.restore import RestoreReport


class DataService:
    """Backup, restore and export for the signed-in account (every method blocks: use workers)."""

    @staticmethod
    def backup(context: TaskContext, account: Account, folder: Path) -> BackupReport:
        """Bring the backup in ``folder`` up to date."""
        from st_desktop.services.backup import backup_account

        return backup_account(context, account.require_client(), folder, account.key)

    @staticmethod
    def restore(context: TaskContext, account: Account, folder: Path) -> RestoreReport:
        """Create the backup's workouts that the account does not have."""
        from st_desktop.services.restore import restore_backup

        return restore_backup(context, account.require_client(), folder)

    @staticmethod
    def export(
        context: TaskContext,
        account: Account,
        folder: Path,
        fmt: str,
        selection: ExportFilter | None = None,
    ) -> ExportReport:
        """Export the workouts ``selection`` picks from the account."""
        from st_desktop.services.export import export_workouts

        return export_workouts(context, account.require_client(), folder, fmt, selection)

    @staticmethod
    def export_selected(
        context: TaskContext,
        account: Account,
        summaries: Sequence[WorkoutSummary],
        folder: Path,
        fmt: str,
    ) -> ExportReport:
        """Export the workouts the user selected in the table."""
        from st_desktop.services.export import (
            ExportFilter,
            export_each,
            export_workouts,
            fetch_workout,
        )

        if fmt == "csv":
            return export_workouts(
                context, account.require_client(), folder, fmt, ExportFilter(), list(summaries)
            )
        fetch = partial(fetch_workout, context, account.require_client())
        folder.mkdir(parents=True, exist_ok=True)
        return export_each(context, list(summaries), folder, fmt, fetch)
