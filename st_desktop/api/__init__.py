"""SportTracks API layer (pure Python + requests): client, OAuth2, token store, redaction.

The names below are read from their modules on first use: importing one light module of the
package (``st_desktop.api.redact`` for the log, at start-up) must not import requests.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from st_desktop.lazy import lazy_attributes

if TYPE_CHECKING:
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
    from st_desktop.api.redact import RedactingFormatter, Redactor
    from st_desktop.api.signin import (
        BrowserSignIn,
        SignInCancelledError,
        SignInGroup,
        SignInTimeoutError,
    )
    from st_desktop.api.tokens import Tokens, TokenStore
    from st_desktop.api.wire import WorkoutPage

#: Where each public name lives.
_WHERE = {
    "Auth": "st_desktop.api.oauth",
    "BrowserSignIn": "st_desktop.api.signin",
    "KeyringStatus": "st_desktop.api.keyrings",
    "MemorySecrets": "st_desktop.api.keyrings",
    "OAuthConfig": "st_desktop.api.oauth",
    "OAuthSession": "st_desktop.api.oauth",
    "RedactingFormatter": "st_desktop.api.redact",
    "Redactor": "st_desktop.api.redact",
    "RedirectRefusedError": "st_desktop.api.http",
    "Reply": "st_desktop.api.http",
    "ResponseTooLargeError": "st_desktop.api.http",
    "RetryPolicy": "st_desktop.api.http",
    "SignInCancelledError": "st_desktop.api.signin",
    "SignInGroup": "st_desktop.api.signin",
    "SignInTimeoutError": "st_desktop.api.signin",
    "SportTracksClient": "st_desktop.api.client",
    "StaticTokenAuth": "st_desktop.api.oauth",
    "TokenEndpoint": "st_desktop.api.oauth",
    "TokenStore": "st_desktop.api.tokens",
    "Tokens": "st_desktop.api.tokens",
    "UploadRejectedError": "st_desktop.api.client",
    "WorkoutPage": "st_desktop.api.wire",
    "keyring_status": "st_desktop.api.keyrings",
    "load_client_secret": "st_desktop.api.keyrings",
    "store_client_secret": "st_desktop.api.keyrings",
}


__getattr__ = lazy_attributes(__name__, _WHERE)


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
    "store_client_secret",
]
