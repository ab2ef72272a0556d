"""Map tiles: real PNGs of the right size, cacheable, revalidated with 304, switchable off."""

from __future__ import annotations

import struct
import zlib

import numpy as np
import numpy.typing as npt
import pytest
import requests

from st_desktop.sandbox import Faults, SandboxServer
from st_desktop.sandbox.tiles import TileService

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def decode_png(data: bytes) -> npt.NDArray[np.uint8]:
    """An 8-bit RGB PNG's pixels, decoded independently of the sandbox's encoder."""
    assert data[:8] == PNG_SIGNATURE
    pos, chunks = 8, {}
    idat = b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        assert crc == zlib.crc32(kind + body), kind
        chunks[kind] = body
        if kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert b"IEND" in chunks
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    raw = zlib.decompress(idat)
    stride = width * 3
    out = np.zeros((height, stride), dtype=np.int64)
    for row in range(height):
        kind = raw[row * (stride + 1)]
        line = np.frombuffer(raw, np.uint8, stride, row * (stride + 1) + 1).astype(np.int64)
        up = out[row - 1] if row else np.zeros(stride, dtype=np.int64)
        if kind == 0:
            out[row] = line
        elif kind == 2:
            out[row] = (line + up) % 256
        else:  # Sub, Average and Paeth need the running left neighbour
            for i in range(stride):
                left = out[row, i - 3] if i >= 3 else 0
                upper_left = up[i - 3] if i >= 3 else 0
                if kind == 1:
                    predictor = left
                elif kind == 3:
                    predictor = (left + up[i]) // 2
                else:
                    p = left + up[i] - upper_left
                    pa, pb, pc = abs(p - left), abs(p - up[i]), abs(p - upper_left)
                    predictor = left if pa <= pb and pa <= pc else up[i] if pb <= pc else upper_left
                out[row, i] = (line[i] + predictor) % 256
    return out.reshape(height, width, 3).astype(np.uint8)


def tile(server: SandboxServer, path: str, **headers: str) -> requests.Response:
    return requests.get(server.base_url + "/tiles/" + path, headers=headers, timeout=10)


@pytest.mark.parametrize(("suffix", "size"), [(".png", 256), ("@2x.png", 512)])
def test_tiles_are_pngs_of_256_or_512_pixels_without_a_token(
    demo_server: SandboxServer, suffix: str, size: int
) -> None:
    answer = tile(demo_server, f"12/2142/1439{suffix}")
    assert answer.status_code == 200
    assert answer.headers["Content-Type"] == "image/png"
    pixels = decode_png(answer.content)
    assert pixels.shape == (size, size, 3)
    # Terrain, not a blank: many colours, and shading that changes across the tile.
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 500
    assert pixels.std() > 5


def test_the_same_tile_is_the_same_bytes_and_neighbours_differ(demo_server: SandboxServer) -> None:
    first = tile(demo_server, "7/66/44.png")
    assert tile(demo_server, "7/66/44.png").content == first.content
    neighbour = tile(demo_server, "7/67/44.png")
    assert neighbour.content != first.content
    assert neighbour.headers["ETag"] != first.headers["ETag"]
    assert tile(demo_server, "7/66/44@2x.png").headers["ETag"] != first.headers["ETag"]


def test_caching_headers_and_revalidation(demo_server: SandboxServer) -> None:
    first = tile(demo_server, "3/4/2.png")
    assert first.headers["Cache-Control"] == "public, max-age=604800"
    etag = first.headers["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert first.headers["Last-Modified"].endswith(" GMT")
    for header in (etag, "W/" + etag, f'"other", {etag}', "*"):
        again = tile(demo_server, "3/4/2.png", **{"If-None-Match": header})
        assert again.status_code == 304, header
        assert again.content == b""
        assert again.headers["ETag"] == etag
        assert again.headers["Cache-Control"] == "public, max-age=604800"
    changed = tile(demo_server, "3/4/2.png", **{"If-None-Match": '"stale"'})
    assert changed.status_code == 200
    assert changed.content == first.content


@pytest.mark.parametrize(
    "path",
    [
        "0/1/0.png",
        "0/0/1.png",
        "3/8/0.png",
        "23/0/0.png",
        "99999999999999999999/0/0.png",
        "2/1/99999999999999999999.png",
        "1/0/0@3x.png",
        "1/0/0.jpg",
        "1/-1/0.png",
    ],
)
def test_tiles_outside_the_world_are_404(demo_server: SandboxServer, path: str) -> None:
    assert tile(demo_server, path).status_code == 404


def test_tiles_can_be_switched_off_and_are_counted(server: SandboxServer) -> None:
    before = server.tiles.requests
    assert tile(server, "1/0/0.png").status_code == 200
    server.faults.tiles_off = "404"
    assert tile(server, "1/0/0.png").status_code == 404
    server.faults.tiles_off = "drop"
    with pytest.raises(requests.ConnectionError):
        tile(server, "1/1/0.png")
    server.faults.reset()
    assert tile(server, "1/1/1@2x.png").status_code == 200
    assert server.tiles.requests == before + 4
    # Other requests are not tiles and not counted.
    requests.get(server.base_url + "/", timeout=5)
    assert server.tiles.requests == before + 4


def test_the_tile_cache_keeps_to_its_budget() -> None:
    roomy = TileService(Faults())
    first, second = roomy.png(5, 1, 1, 1), roomy.png(5, 2, 1, 1)
    assert roomy.cached_bytes == len(first) + len(second)
    assert roomy.png(5, 1, 1, 1) == first
    tight = TileService(Faults(), cache_bytes=len(first) + 1)  # room for about one tile
    assert tight.png(5, 1, 1, 1) == first
    assert tight.png(5, 2, 1, 1) == second
    assert tight.cached_bytes == len(second)  # the older tile made way
    assert tight.png(5, 1, 1, 1) == first  # drawn again, the same
