"""Write ``st_desktop/_credentials.py`` for a release build: the app's SportTracks registration.

The OAuth client id and secret SportTracks issues to st-desktop come from the build machine's
environment (``ST_DESKTOP_CLIENT_ID``, ``ST_DESKTOP_CLIENT_SECRET``: CI secrets), never from
the repository; the module is ignored by git. Without them nothing is written and the build asks
its users for credentials under Advanced in the sign-in dialog.

Run: ``python packaging/write_credentials.py`` (the build scripts do, before PyInstaller).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

TARGET = Path(__file__).resolve().parents[1] / "st_desktop" / "_credentials.py"


def main() -> int:
    client_id = os.environ.get("ST_DESKTOP_CLIENT_ID", "")
    secret = os.environ.get("ST_DESKTOP_CLIENT_SECRET", "")
    if not (client_id and secret):
        TARGET.unlink(missing_ok=True)
        sys.stdout.write("no ST_DESKTOP_CLIENT_ID/SECRET: this build will ask for credentials\n")
        return 0
    TARGET.write_text(
        '"""The SportTracks registration of this build (written by the build; not in git)."""\n\n'
        f"CLIENT_ID = {client_id!r}\nCLIENT_SECRET = {secret!r}\n",
        encoding="utf-8",
    )
    sys.stdout.write(f"wrote {TARGET.name} for client id {client_id}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
