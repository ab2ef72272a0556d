"""Response helpers shared by the OAuth and API handlers."""

from __future__ import annotations

import html
import json
from typing import Any

from werkzeug.wrappers import Response

from st_desktop.sandbox.faults import Faults

JSON_TYPE = "application/json"


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A compact JSON body (the service sends no whitespace), keys in insertion order."""
    text = json.dumps(body, separators=(",", ":"), ensure_ascii=False)
    return Response(text, status=status, headers=headers, content_type=JSON_TYPE)


def error_response(
    status: int, message: str, faults: Faults, headers: dict[str, str] | None = None
) -> Response:
    """An error answer.

    ASSUMPTION: the service's error bodies are undocumented (contract 7.1, 11.1); we send
    ``{"error": "<message>"}``. With ``faults.non_json_errors`` the body is an HTML page instead,
    as tapiriik once received (``2d73e11``).
    """
    if faults.non_json_errors:
        page = (
            f"<html><head><title>{status} Error</title></head>"
            f"<body><h1>{status} Error</h1><p>{html.escape(message)}</p></body></html>"
        )
        return Response(page, status=status, headers=headers, content_type="text/html")
    return json_response({"error": message}, status, headers)


def html_page(title: str, body: str, status: int = 200) -> Response:
    """A minimal, self-contained HTML page (authorize, callbacks, activity pages)."""
    page = (
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<title>{html.escape(title)}</title>"
        "<style>body{font-family:sans-serif;max-width:34em;margin:3em auto;line-height:1.4}"
        "button{font-size:1.1em;margin-right:1em;padding:.4em 1.2em}</style></head>"
        f"<body><h1>{html.escape(title)}</h1>{body}</body></html>"
    )
    return Response(page, status=status, content_type="text/html")
