"""SportTracks API layer (pure Python + requests): client, OAuth2, token store, redaction."""

from __future__ import annotations

from st_desktop.api.client import SportTracksClient, UploadRejectedError
from st_desktop.api.http import RedirectRefusedError, Reply, ResponseTooLargeError, RetryPolicy
from st_desktop.api.keyrings import (
    KeyringStatus,
    MemorySecrets,
    keyring_status,
    load_client_secret,
    store_client_secret,
)
from st_desktop.api.oauth import Auth, OAuthConfig, OAuthSession, StaticTokenAuth, TokenEndpoint
from st_desktop.api.redact import RedactingFormatter, Redactor, redact
from st_desktop.api.signin import (
    BrowserSignIn,
    SignInCancelledError,
    SignInGroup,
    SignInTimeoutError,
)
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.api.wire import WorkoutPage

__all__ = [
    "Auth",
    "BrowserSignIn",
    "KeyringStatus",
    "MemorySecrets",
    "OAuthConfig",
    "OAuthSession",
    "RedactingFormatter",
    "Redactor",
    "RedirectRefusedError",
    "Reply",
    "ResponseTooLargeError",
    "RetryPolicy",
    "SignInCancelledError",
    "SignInGroup",
    "SignInTimeoutError",
    "SportTracksClient",
    "StaticTokenAuth",
    "TokenEndpoint",
    "TokenStore",
    "Tokens",
    "UploadRejectedError",
    "WorkoutPage",
    "keyring_status",
    "load_client_secret",
    "redact",
    "store_client_secret",
]
