"""OAuth2 authorization-code flow of the sandbox (contract section 1 and 9.2).

* ``GET /oauth2/authorize`` shows an Approve/Deny form; posting it redirects to
  ``redirect_uri?code=..&state=..`` (``code`` first, ``state`` echoed, as GoldenCheetah saw) or
  ``?error=access_denied&state=..``. A missing or empty ``state`` is refused with a 400 page.
* The form is protected against cross-site posts (see :mod:`st_desktop.sandbox.guard`): it
  carries a single-use ``csrf_token`` bound to the authorize parameters, and a post whose
  ``Origin``/``Referer`` is another site's is refused with 403. The page may not be framed.
* PKCE (RFC 7636): an authorize request with ``code_challenge`` must say
  ``code_challenge_method=S256`` ("plain", or no method, is refused with a 400 page: a client
  able to hash has no reason to send the verifier in the clear). The code exchange must then
  carry a ``code_verifier`` with ``BASE64URL(SHA256(verifier)) == challenge``, else 400
  ``invalid_grant``. Without a challenge nothing changes (the real service documents no PKCE,
  so a client sending it must cope with a server that ignores it, and this one would).
* ``POST /oauth2/token`` takes a form-urlencoded or JSON body (chosen by ``Content-Type``),
  grants ``authorization_code`` (single-use codes, ~10 min) and ``refresh_token`` (refresh
  tokens stay valid when used, section 1.3).

Grants live in the store, so a restarted sandbox still honours the app's saved tokens. Every
lifetime is measured with the injected ``clock`` (epoch seconds), so tests expire codes and
tokens by moving a fake clock instead of sleeping.
"""

from __future__ import annotations

import base64
import hashlib
import re
import secrets
import time
from collections.abc import Callable
from html import escape
from typing import Any
from urllib.parse import urlencode, urlsplit

from werkzeug.wrappers import Request, Response

from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.guard import CONSENT_TOKEN_FIELD, ConsentTokens, origin_problem
from st_desktop.sandbox.responses import error_response, html_page, json_response
from st_desktop.sandbox.store import Grant, Store
from st_desktop.sandbox.wire import number

CODE_LIFETIME = 600.0
REFRESH_LIFETIME = 90 * 86400.0  # "at least 90 days" (section 1.2)
DEFAULT_CALLBACK = "/oauth2/default-callback"
_AUTH_FIELDS = (
    "client_id", "redirect_uri", "state", "response_type", "code_challenge",
    "code_challenge_method",
)  # fmt: skip
_CHALLENGE = re.compile(r"^[A-Za-z0-9_-]{43}$")  # BASE64URL of 32 bytes, no padding
_VERIFIER = re.compile(r"^[A-Za-z0-9._~-]{43,128}$")  # RFC 7636 4.1
#: Headers of the consent page: never framed (click-jacking), never cached, and no Referer
#: leaves it (the redirect carries the code; same-origin posts keep theirs for the check).
_CONSENT_HEADERS = {
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": "frame-ancestors 'none'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
}


def pkce_challenge(verifier: str) -> str:
    """The S256 ``code_challenge`` of a ``code_verifier``."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OAuth:
    """Codes, tokens and the two OAuth endpoints.

    Args:
        store: where grants are kept.
        faults: the server's fault switches.
        client_id: the one registered client.
        client_secret: its secret.
        token_lifetime: access token lifetime in seconds.
        clock: epoch seconds now (``time.time`` unless a test moves time itself).
    """

    def __init__(
        self,
        store: Store,
        faults: Faults,
        *,
        client_id: str,
        client_secret: str,
        token_lifetime: float,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._store = store
        self._faults = faults
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime
        self._clock = clock
        self._consent = ConsentTokens(clock)

    # ------------------------------------------------------------------ tokens

    def issue_token(
        self, *, with_refresh: bool = True, client_id: str | None = None
    ) -> dict[str, Any]:
        """Create an access token (and a refresh token) and return the token response body."""
        now = self._clock()
        self._store.purge_grants(now - 86400.0)
        data = {"client_id": client_id or self.client_id}
        access = secrets.token_hex(20)
        self._store.put_grant(Grant(access, "access", now + self.token_lifetime, data))
        body: dict[str, Any] = {"access_token": access}
        if with_refresh:
            refresh = secrets.token_hex(24)
            self._store.put_grant(Grant(refresh, "refresh", now + REFRESH_LIFETIME, data))
            body["refresh_token"] = refresh
        body["expires_in"] = number(self.token_lifetime, 3)
        body["token_type"] = "bearer"  # ASSUMPTION (section 1.2: token_type is unknown)
        return body

    def expire_access_tokens(self) -> int:
        """Make every access token issued so far expire now (refresh grants keep working)."""
        return self._store.expire_grants("access", self._clock() - 1.0)

    def bearer_error(self, request: Request) -> str | None:
        """Why the request's bearer token is refused, or None when it is good."""
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return "missing bearer token"
        if self._faults.revoke_tokens:
            return "the access token was revoked"
        if self._faults.expire_tokens:
            return "the access token expired"
        grant = self._store.get_grant(token.strip(), "access")
        if grant is None:
            return "invalid access token"
        if grant.expires <= self._clock():
            return "the access token expired"
        return None

    # ------------------------------------------------------------------ /oauth2/authorize

    def authorize(self, request: Request) -> Response:
        """``GET`` shows the consent form, ``POST`` answers it with a redirect."""
        fields = request.form if request.method == "POST" else request.args
        params = {name: fields.get(name, "") for name in _AUTH_FIELDS}
        problem = self._authorize_problem(params)
        if problem:
            return html_page("Sign-in request refused", f"<p>{escape(problem)}</p>", 400)
        if request.method == "GET":
            return self._consent_form(request, params)
        refused = origin_problem(request)
        if refused is None and not self._consent.redeem(
            request.form.get(CONSENT_TOKEN_FIELD, ""), params
        ):
            refused = "the approval did not come from a consent page this sandbox showed"
        if refused:
            body = (
                f"<p>Refused: {escape(refused)}. Start the sign-in again from the application.</p>"
            )
            return html_page("Sign-in request refused", body, 403)
        redirect_uri = params["redirect_uri"] or request.root_url.rstrip("/") + DEFAULT_CALLBACK
        if request.form.get("decision") != "approve":
            query = {"error": "access_denied", "state": params["state"]}
        else:
            code = secrets.token_urlsafe(18)
            data = {"client_id": params["client_id"], "redirect_uri": redirect_uri}
            if params["code_challenge"]:
                data["code_challenge"] = params["code_challenge"]
            expires = self._clock() + CODE_LIFETIME
            self._store.put_grant(Grant(code, "code", expires, data))
            query = {"code": code, "state": params["state"]}
        separator = "&" if urlsplit(redirect_uri).query else "?"
        return Response(
            status=302, headers={"Location": redirect_uri + separator + urlencode(query)}
        )

    def _consent_form(self, request: Request, params: dict[str, str]) -> Response:
        fields = {**params, CONSENT_TOKEN_FIELD: self._consent.issue(params)}
        hidden = "".join(
            f"<input type='hidden' name='{name}' value='{escape(value)}'>"
            for name, value in fields.items()
        )
        body = (
            f"<p>The application <b>{escape(params['client_id'])}</b> asks to read and "
            "change the workouts of your SportTracks sandbox account.</p>"
            f"<form method='post' action='{escape(request.path)}'>{hidden}"
            "<button type='submit' name='decision' value='approve'>Approve</button>"
            "<button type='submit' name='decision' value='deny'>Deny</button></form>"
        )
        page = html_page("Authorize access", body)
        page.headers.update(_CONSENT_HEADERS)
        return page

    def _authorize_problem(self, params: dict[str, str]) -> str | None:
        if params["client_id"] != self.client_id:
            return f"Unknown client_id {params['client_id']!r}."
        if params["response_type"] not in ("", "code"):
            return "Only response_type=code is supported."
        if not params["state"].strip():
            return "The request has no state parameter; it is required and must not be empty."
        uri = params["redirect_uri"]
        if uri and (urlsplit(uri).scheme not in ("http", "https") or not urlsplit(uri).netloc):
            return f"redirect_uri {uri!r} is not an absolute http(s) URL."
        if params["code_challenge"] or params["code_challenge_method"]:
            if params["code_challenge_method"] != "S256":
                return "Only code_challenge_method=S256 is supported for PKCE."
            if not _CHALLENGE.match(params["code_challenge"]):
                return "code_challenge must be the 43-character BASE64URL of a SHA-256 digest."
        return None

    @staticmethod
    def default_callback(request: Request) -> Response:
        """Where approval lands when the client gave no ``redirect_uri``: shows the code."""
        if request.args.get("error"):
            return html_page("Access denied", "<p>You denied access; you can close this page.</p>")
        code = escape(request.args.get("code", ""))
        return html_page("Access granted", f"<p>Authorization code: <code>{code}</code></p>")

    # ------------------------------------------------------------------ /oauth2/token

    def token(self, request: Request) -> Response:
        """Exchange a code or a refresh token for tokens."""
        if self._faults.take("token_error"):
            return error_response(503, "the token service is unavailable", self._faults)
        params = self._token_params(request)
        if params is None:
            return self._grant_error(400, "invalid_request", "the body is not a JSON object")
        client_id = params.get("client_id", "")
        client_secret = params.get("client_secret", "")
        if request.authorization and request.authorization.type == "basic":
            client_id = request.authorization.username or client_id
            client_secret = request.authorization.password or client_secret
        if client_id != self.client_id or client_secret != self.client_secret:
            return self._grant_error(401, "invalid_client", "unknown client or wrong secret")
        grant_type = params.get("grant_type", "")
        if grant_type == "authorization_code":
            return self._code_grant(params)
        if grant_type == "refresh_token":
            return self._refresh_grant(params)
        return self._grant_error(400, "unsupported_grant_type", f"grant_type {grant_type!r}")

    @staticmethod
    def _token_params(request: Request) -> dict[str, str] | None:
        # Section 1.2: the body is parsed according to its Content-Type; query parameters are
        # accepted as a fallback (an early FPE prototype sent them there).
        params = {key: str(value) for key, value in request.args.items()}
        if request.mimetype == "application/json":
            body = request.get_json(silent=True)
            if not isinstance(body, dict):
                return None
            params.update({str(k): "" if v is None else str(v) for k, v in body.items()})
        else:
            params.update(request.form.items())
        return params

    def _code_grant(self, params: dict[str, str]) -> Response:
        code = params.get("code", "")
        grant = self._store.take_grant(code, "code") if code else None
        if grant is None:
            return self._grant_error(400, "invalid_grant", "the code is unknown or already used")
        if grant.expires <= self._clock():
            return self._grant_error(400, "invalid_grant", "the code expired")
        redirect_uri = params.get("redirect_uri", "")
        if redirect_uri and redirect_uri != grant.data.get("redirect_uri"):
            return self._grant_error(400, "invalid_grant", "redirect_uri does not match")
        challenge = grant.data.get("code_challenge")
        if challenge:
            verifier = params.get("code_verifier", "")
            if not verifier:
                return self._grant_error(400, "invalid_grant", "code_verifier is missing")
            if not _VERIFIER.match(verifier) or not secrets.compare_digest(
                pkce_challenge(verifier), str(challenge)
            ):
                return self._grant_error(400, "invalid_grant", "code_verifier does not match")
        return json_response(self.issue_token(), headers={"Cache-Control": "no-store"})

    def _refresh_grant(self, params: dict[str, str]) -> Response:
        token = params.get("refresh_token", "")
        grant = self._store.get_grant(token, "refresh") if token else None
        if grant is None or grant.expires <= self._clock():
            return self._grant_error(400, "invalid_grant", "the refresh token is not valid")
        if self._faults.revoke_tokens:
            return self._grant_error(400, "invalid_grant", "the authorization was revoked")
        body = self.issue_token(with_refresh=self._faults.refresh_returns_new_token)
        return json_response(body, headers={"Cache-Control": "no-store"})

    def _grant_error(self, status: int, error: str, description: str) -> Response:
        # ASSUMPTION: RFC 6749 5.2 error bodies; the service's are undocumented (section 1.2).
        if self._faults.non_json_errors:
            return error_response(status, f"{error}: {description}", self._faults)
        return json_response({"error": error, "error_description": description}, status)
