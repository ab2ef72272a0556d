"""Where browser sign-ins stand: an attempt's phase, how it ends without an answer, its group.

See :class:`~st_desktop.api.signin.BrowserSignIn`: an attempt waits for the browser's reply,
exchanges it for tokens and is done; or it times out (a reply is then no longer exchanged, a
pasted address still is) or is cancelled. The attempts of one app run form a
:class:`SignInGroup`, so that a reply to an older attempt still counts.
"""

from __future__ import annotations

import enum
import threading
import weakref
from typing import Protocol, TypeVar

from st_desktop.api.oauth import OAuthConfig
from st_desktop.errors import AuthError


class SignInTimeoutError(AuthError):
    """No answer came back from the browser in time."""

    default_message = (
        "No answer came back from the browser in time. Try again, or paste the address the "
        "browser ended on."
    )


class SignInCancelledError(AuthError):
    """The user (or the app) cancelled the sign-in."""

    default_message = "The sign-in was cancelled."


class Phase(enum.Enum):
    """Where a :class:`~st_desktop.api.signin.BrowserSignIn` attempt is."""

    READY = "ready"  # created, not started
    WAITING = "waiting"  # the authorize page is open; a reply will be exchanged
    EXCHANGING = "exchanging"  # a code is being traded for tokens
    DONE = "done"  # tokens, or a final refusal
    EXPIRED = "expired"  # wait() timed out: replies are no longer exchanged (a paste still is)
    CANCELLED = "cancelled"


class SignInAttempt(Protocol):
    """What a :class:`SignInGroup` knows of an attempt: the service and client it is for."""

    @property
    def config(self) -> OAuthConfig:
        """Client credentials and OAuth URLs."""
        ...


_Attempt = TypeVar("_Attempt", bound=SignInAttempt)


class SignInGroup:
    """The browser sign-ins of one app run, so that a reply to an older one still counts."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flows: list[weakref.ref[SignInAttempt]] = []

    def add(self, flow: SignInAttempt) -> None:
        """Register a started attempt."""
        with self._lock:
            self._flows = [ref for ref in self._flows if ref() is not None]
            self._flows.append(weakref.ref(flow))

    def flows(self, like: _Attempt) -> list[_Attempt]:
        """Attempts of the same kind as ``like``, for the same service and client, newest first."""
        with self._lock:
            alive = [ref() for ref in self._flows]
        return [
            flow
            for flow in reversed(alive)
            if isinstance(flow, type(like))
            and flow.config.authorize_url == like.config.authorize_url
            and flow.config.client_id == like.config.client_id
        ]


#: Every attempt of this app run that names no group of its own.
DEFAULT_GROUP = SignInGroup()
