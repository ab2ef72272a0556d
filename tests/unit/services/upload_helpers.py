"""Helpers of the upload tests: synthetic activity files, a sandbox client, an engine."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from st_desktop.api.client import SportTracksClient
from st_desktop.api.oauth import StaticTokenAuth
from st_desktop.sandbox import SandboxServer

ACCOUNT = "sandbox-test"


def make_gpx(
    start: datetime,
    points: int = 60,
    step_s: int = 10,
    lat0: float = 46.05,
    name: str | None = "Test ride",
) -> bytes:
    """A small GPX track: ``points`` fixes ``step_s`` apart, heading north about 30 m a step,
    near Ljubljana (its local time is UTC+1 or +2); ``name`` None writes no ``<name>``."""
    rows = []
    for i in range(points):
        when = (start + timedelta(seconds=i * step_s)).astimezone(UTC)
        rows.append(
            f'<trkpt lat="{lat0 + i * 0.00027:.6f}" lon="14.500000"><ele>{300 + i}</ele>'
            f"<time>{when.strftime('%Y-%m-%dT%H:%M:%SZ')}</time></trkpt>"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="st-desktop tests" xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk>{f'<name>{name}</name>' if name else ''}<type>cycling</type>"
        f"<trkseg>{''.join(rows)}</trkseg></trk></gpx>"
    ).encode()


def write_gpx(folder: Path, name: str, start: datetime, **kwargs: object) -> Path:
    path = folder / name
    path.write_bytes(make_gpx(start, **kwargs))  # type: ignore[arg-type]
    return path


def sandbox_client(server: SandboxServer, **kwargs: object) -> SportTracksClient:
    token = server.issue_token()["access_token"]
    return SportTracksClient(server.api_base, StaticTokenAuth(token), **kwargs)  # type: ignore[arg-type]


START = datetime(2024, 5, 4, 7, 12, 5, tzinfo=UTC)
