"""Entry point for ``python -m st_desktop``."""

from __future__ import annotations

import sys

from st_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
