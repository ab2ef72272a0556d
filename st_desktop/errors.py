"""Exceptions with a message a user can read.

Every error raised by our layers derives from :class:`StDesktopError` and carries ``user_message``:
one specific sentence shown to the user as it is ("SportTracks rejected the sign-in: the token
expired"). ``str(error)`` is the same sentence, so logging an error never needs a traceback to be
understood. No message ever contains a token.
"""

from __future__ import annotations


class StDesktopError(Exception):
    """Base class of every error that reaches the user.

    Args:
        user_message: one complete sentence for the user.
        detail: optional technical detail for the log (never shown as the headline).
    """

    default_message = "Something went wrong."

    def __init__(self, user_message: str | None = None, *, detail: str | None = None) -> None:
        self.user_message = user_message or self.default_message
        self.detail = detail
        super().__init__(self.user_message)


# ----------------------------------------------------------------------------- files


class ParseError(StDesktopError):
    """An activity file could not be read. Subclasses live in :mod:`st_desktop.parsers.errors`."""

    default_message = "This file could not be read."


# ----------------------------------------------------------------------------- API


class ApiError(StDesktopError):
    """A SportTracks request failed.

    Attributes:
        status: HTTP status when there was a response, else None.
    """

    default_message = "The request to SportTracks failed."

    def __init__(
        self,
        user_message: str | None = None,
        *,
        detail: str | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(user_message, detail=detail)
        self.status = status


class AuthError(ApiError):
    """Signing in failed or the account's authorisation is no longer valid."""

    default_message = "SportTracks rejected the sign-in. Please sign in again."


class AuthExpiredError(AuthError):
    """The access token expired and could not be refreshed."""

    default_message = "SportTracks rejected the sign-in: the token expired. Please sign in again."


class AuthRevokedError(AuthError):
    """The refresh token was refused: the user must sign in again."""

    default_message = (
        "SportTracks no longer accepts this app's authorisation (it was revoked or expired). "
        "Please sign in again."
    )


class NotSignedInError(AuthError):
    """No account is signed in."""

    default_message = "You are not signed in to SportTracks."


class NotFoundError(ApiError):
    """The workout (or other resource) does not exist on the server."""

    default_message = "SportTracks has no such workout: it may have been deleted."


class RateLimitedError(ApiError):
    """The service asked us to slow down (HTTP 429).

    Attributes:
        retry_after: seconds to wait before trying again, when the server said so.
    """

    default_message = "SportTracks is busy and asked us to wait before trying again."

    def __init__(
        self,
        user_message: str | None = None,
        *,
        detail: str | None = None,
        status: int | None = 429,
        retry_after: float | None = None,
    ) -> None:
        super().__init__(user_message, detail=detail, status=status)
        self.retry_after = retry_after


class ServerError(ApiError):
    """The service answered with a 5xx status."""

    default_message = "SportTracks had a problem on its side. Please try again later."


class OfflineError(ApiError):
    """The service could not be reached at all (no network, DNS failure, refused connection)."""

    default_message = "SportTracks can't be reached. Check your internet connection."


class RequestTimeoutError(OfflineError):
    """The service did not answer in time."""

    default_message = "SportTracks did not answer in time. Check your connection and try again."


class BadResponseError(ApiError):
    """The service answered with something we cannot understand (not JSON, unexpected shape)."""

    default_message = "SportTracks sent a response this app does not understand."


class ClientRequestError(ApiError):
    """The service refused the request as invalid (400, 409, 422 ...)."""

    default_message = "SportTracks refused the request."


class InsecureUrlError(ApiError):
    """A plain-http URL that is not on this computer was refused."""

    default_message = "Refusing to send your SportTracks data over an unencrypted connection."


# ----------------------------------------------------------------------------- local storage


class StoreError(StDesktopError):
    """The local cache or upload queue could not be read or written."""

    default_message = "The local data of st-desktop could not be read or written."
