"""OAuth2 authorization-code flow of the sandbox (contract section 1 and 9.2).

* ``GET /oauth2/authorize`` shows an Approve/Deny form; posting it redirects to
  ``redirect_uri?code=..&state=..`` (``code`` first, ``state`` echoed, as GoldenCheetah saw) or
  ``?error=access_denied&state=..``. A missing or empty ``state`` is refused with a 400 page.
* ``POST /oauth2/token`` takes a form-urlencoded or JSON body (chosen by ``Content-Type``),
  grants ``authorization_code`` (single-use codes, ~10 min) and ``refresh_token`` (refresh
  tokens stay valid when used, section 1.3).

Grants live in the store, so a restarted sandbox still honours the app's saved tokens.
"""

from __future__ import annotations

import secrets
import time
from html import escape
from typing import Any
from urllib.parse import urlencode, urlsplit

from werkzeug.wrappers import Request, Response

from st_desktop.sandbox.faults import Faults
from st_desktop.sandbox.responses import error_response, html_page, json_response
from st_desktop.sandbox.store import Grant, Store
from st_desktop.sandbox.wire import number

CODE_LIFETIME = 600.0
REFRESH_LIFETIME = 90 * 86400.0  # "at least 90 days" (section 1.2)
DEFAULT_CALLBACK = "/oauth2/default-callback"
_AUTH_FIELDS = ("client_id", "redirect_uri", "state", "response_type")


class OAuth:
    """Codes, tokens and the two OAuth endpoints.

    Args:
        store: where grants are kept.
        faults: the server's fault switches.
        client_id: the one registered client.
        client_secret: its secret.
        token_lifetime: access token lifetime in seconds.
    """

    def __init__(
        self,
        store: Store,
        faults: Faults,
        *,
        client_id: str,
        client_secret: str,
        token_lifetime: float,
    ) -> None:
        self._store = store
        self._faults = faults
        self.client_id = client_id
        self.client_secret = client_secret
        self.token_lifetime = token_lifetime

    # ------------------------------------------------------------------ tokens

    def issue_token(
        self, *, with_refresh: bool = True, client_id: str | None = None
    ) -> dict[str, Any]:
        """Create an access token (and a refresh token) and return the token response body."""
        now = time.time()
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
        return self._store.expire_grants("access", time.time() - 1.0)

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
        if grant.expires <= time.time():
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
        redirect_uri = params["redirect_uri"] or request.root_url.rstrip("/") + DEFAULT_CALLBACK
        if request.method == "GET":
            hidden = "".join(
                f"<input type='hidden' name='{name}' value='{escape(value)}'>"
                for name, value in params.items()
            )
            body = (
                f"<p>The application <b>{escape(params['client_id'])}</b> asks to read and "
                "change the workouts of your SportTracks sandbox account.</p>"
                f"<form method='post' action='{escape(request.path)}'>{hidden}"
                "<button type='submit' name='decision' value='approve'>Approve</button>"
                "<button type='submit' name='decision' value='deny'>Deny</button></form>"
            )
            return html_page("Authorize access", body)
        if request.form.get("decision") != "approve":
            query = {"error": "access_denied", "state": params["state"]}
        else:
            code = secrets.token_urlsafe(18)
            data = {"client_id": params["client_id"], "redirect_uri": redirect_uri}
            self._store.put_grant(Grant(code, "code", time.time() + CODE_LIFETIME, data))
            query = {"code": code, "state": params["state"]}
        separator = "&" if urlsplit(redirect_uri).query else "?"
        return Response(
            status=302, headers={"Location": redirect_uri + separator + urlencode(query)}
        )

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
        if grant.expires <= time.time():
            return self._grant_error(400, "invalid_grant", "the code expired")
        redirect_uri = params.get("redirect_uri", "")
        if redirect_uri and redirect_uri != grant.data.get("redirect_uri"):
            return self._grant_error(400, "invalid_grant", "redirect_uri does not match")
        return json_response(self.issue_token(), headers={"Cache-Control": "no-store"})

    def _refresh_grant(self, params: dict[str, str]) -> Response:
        token = params.get("refresh_token", "")
        grant = self._store.get_grant(token, "refresh") if token else None
        if grant is None or grant.expires <= time.time():
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
