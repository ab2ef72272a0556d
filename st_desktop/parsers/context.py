"""What parsing takes from the world around it: the clock and this computer's time zone.

Tests inject both (a fixed "now", a fixed zone), so verdicts about future dates and the fallback
zone do not depend on when and where the tests run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from st_desktop.domain.timeutil import computer_offset


@dataclass(frozen=True)
class ParseContext:
    """The clock and zones a parse uses.

    Attributes:
        now: Unix time now (a start more than a day after it is in the future).
        computer_offset: this computer's UTC offset at a Unix time: the last fallback for the
            ride's zone.
        computer_zone: this computer's IANA zone name, if known (only shown, never required).
        zone_lookup: (lat, lon) -> IANA zone name or None; None uses the offline lookup of
            :mod:`st_desktop.parsers.zone`.
    """

    now: Callable[[], float] = time.time
    computer_offset: Callable[[float], timedelta] = computer_offset
    computer_zone: str | None = None
    zone_lookup: Callable[[float, float], str | None] | None = field(default=None)


DEFAULT_CONTEXT = ParseContext()
