"""The browser's side of a sign-in: the authorize URL it opens and the reply it brings back.

Pure functions for :class:`~st_desktop.api.signin.BrowserSignIn`: the authorize URL with the
attempt's state and PKCE challenge (RFC 7636, S256), the reply's parameters from what the user
pasted, the state comparison, and the sentence for a reply that refuses.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

from st_desktop.api.oauth import OAuthConfig
from st_desktop.api.pkce import code_challenge
from st_desktop.errors import AuthError


def authorize_url(config: OAuthConfig, redirect_uri: str, state: str, verifier: str) -> str:
    """The authorize page of ``config``'s service for one attempt."""
    query = urlencode(
        {
            "response_type": "code",
            "client_id": config.client_id,
            "redirect_uri": redirect_uri,
            "state": state,
            "code_challenge": code_challenge(verifier),
            "code_challenge_method": "S256",
        }
    )
    return f"{config.authorize_url}?{query}"


def pasted_params(text: str) -> dict[str, str] | None:
    """The reply's parameters in a pasted redirect address or query; None for a bare code.

    Raises:
        AuthError: nothing pasted, or an address without a code (or an error) in it.
    """
    text = text.strip()
    if not text:
        raise AuthError("Paste the address the browser ended on, or the code it shows.")
    if "=" not in text and "?" not in text and "://" not in text:
        return None
    query = urlsplit(text).query if "://" in text or text.startswith("/") else text
    params = {k: v[0] for k, v in parse_qs(query.lstrip("?")).items()}
    if not params.get("code") and not params.get("error"):
        raise AuthError("The pasted address has no sign-in code in it.")
    return params


def refusal(params: dict[str, str]) -> AuthError | None:
    """What a reply carrying an ``error`` (the user declined, the service refused) means."""
    if not params.get("error"):
        return None
    denied = params["error"] == "access_denied"
    return AuthError(
        "You declined access, so st-desktop is not signed in."
        if denied
        else "SportTracks refused the sign-in. Please sign in again.",
        detail=f"authorize error: {params['error'][:60]}",
    )


def same_state(given: str, expected: str) -> bool:
    """Constant-time comparison that also takes non-ASCII text (a forged state may hold any)."""
    return secrets.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))
