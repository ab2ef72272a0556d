"""PKCE for the authorization-code grant (RFC 7636), method S256.

A fresh ``code_verifier`` per authorization request; the authorize URL carries its
``code_challenge`` and the code exchange the verifier, so a code intercepted on its way back
(another local app listening, a logged URL) is useless without the verifier that never left
this process.
"""

from __future__ import annotations

import base64
import hashlib
import secrets


def new_code_verifier() -> str:
    """A ``code_verifier``: 86 characters from ``secrets`` (RFC 7636 4.1 allows 43-128)."""
    return secrets.token_urlsafe(64)


def code_challenge(verifier: str) -> str:
    """``BASE64URL(SHA256(verifier))`` without padding (RFC 7636 4.2, method S256)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
