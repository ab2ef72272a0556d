"""SportTracks API layer (pure Python + requests): client, OAuth2, token store, redaction."""

from __future__ import annotations

from st_desktop.api.client import SportTracksClient, UploadRejectedError
from st_desktop.api.http import RetryPolicy
from st_desktop.api.oauth import Auth, OAuthConfig, OAuthSession, StaticTokenAuth, TokenEndpoint
from st_desktop.api.redact import Redactor, redact
from st_desktop.api.signin import BrowserSignIn, SignInCancelledError, SignInTimeoutError
from st_desktop.api.tokens import Tokens, TokenStore
from st_desktop.api.wire import WorkoutPage

__all__ = [
    "Auth",
    "BrowserSignIn",
    "OAuthConfig",
    "OAuthSession",
    "Redactor",
    "RetryPolicy",
    "SignInCancelledError",
    "SignInTimeoutError",
    "SportTracksClient",
    "StaticTokenAuth",
    "TokenEndpoint",
    "TokenStore",
    "Tokens",
    "UploadRejectedError",
    "WorkoutPage",
    "redact",
]
