"""OS integration metadata: valid for the tools that read it, and all of it saying the same thing.

The desktop entry, AppStream metainfo, MIME definitions, macOS Info.plist, Inno Setup script and
PyInstaller spec each repeat the app id, the version or the file types; a mismatch means a file
type that doesn't open or an update that doesn't install. The validators are the Debian tools
(desktop-file-utils, appstream, shared-mime-info); where one is missing its test says so.
"""

from __future__ import annotations

import ast
import plistlib
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from st_desktop import APP_DISPLAY_NAME, APP_ID, APP_NAME, __version__

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "resources"
PACKAGING = REPO / "packaging"
DESKTOP = RESOURCES / f"{APP_ID}.desktop"
METAINFO = RESOURCES / f"{APP_ID}.metainfo.xml"
MIME_XML = RESOURCES / "st-desktop-mime.xml"
INFO_PLIST = PACKAGING / "macos" / "Info.plist"
ISS = PACKAGING / "windows" / "st-desktop.iss"
SPEC = PACKAGING / "st_desktop.spec"
ICON_SVG = REPO / "st_desktop" / "assets" / "st-desktop.svg"

# The formats users drop on the app, and the MIME type each OS integration must use.
FORMATS = {
    "fit": "application/vnd.ant.fit",
    "tcx": "application/vnd.garmin.tcx+xml",
    "gpx": "application/gpx+xml",
}
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}


def desktop_entry() -> dict[str, str]:
    entry: dict[str, str] = {}
    for line in DESKTOP.read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entry[key] = value
    return entry


def run_tool(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} is not installed (Debian: see packaging/README.md)")
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


# -- validators -------------------------------------------------------------------------------


def test_desktop_entry_is_valid() -> None:
    result = run_tool("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "", result.stdout  # warnings and hints count too


def test_appstream_metainfo_is_valid() -> None:
    result = run_tool("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr


def test_mime_definitions_compile_and_claim_the_extensions(tmp_path: Path) -> None:
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages" / f"{APP_ID}.xml")
    result = run_tool("update-mime-database", str(tmp_path))
    assert result.returncode == 0, result.stderr
    globs = (tmp_path / "globs2").read_text(encoding="utf-8")
    assert f"{FORMATS['fit']}:*.fit" in globs
    assert f"{FORMATS['tcx']}:*.tcx" in globs


# -- agreement ----------------------------------------------------------------------------------


def test_desktop_entry_opens_the_three_formats_with_the_app() -> None:
    entry = desktop_entry()
    assert entry["Name"] == APP_DISPLAY_NAME
    assert entry["Icon"] == APP_ID
    assert set(filter(None, entry["MimeType"].split(";"))) == set(FORMATS.values())
    # %F: every selected file in one start (the single-instance hand-over covers the rest).
    assert entry["Exec"] == f"{APP_NAME} %F"


def test_metainfo_matches_the_package() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("name") == APP_DISPLAY_NAME
    assert root.findtext("launchable[@type='desktop-id']") == DESKTOP.name
    assert root.findtext("provides/binary") == APP_NAME
    assert {m.text for m in root.findall("provides/mediatype")} == set(FORMATS.values())
    releases = root.findall("releases/release")
    assert releases, "metainfo has no <release>"
    assert releases[0].get("version") == __version__, "newest release must be the package version"
    assert root.find("content_rating") is not None
    screenshot = root.findtext("screenshots/screenshot/image") or ""
    assert screenshot.endswith("docs/screenshots/main-window.png")
    assert (REPO / "docs" / "screenshots" / "main-window.png").is_file()


def test_mime_xml_defines_the_types_shared_mime_info_lacks() -> None:
    root = ET.parse(MIME_XML).getroot()
    defined = {
        node.get("type"): {g.get("pattern") for g in node.findall("m:glob", MIME_NS)}
        for node in root.findall("m:mime-type", MIME_NS)
    }
    assert defined == {FORMATS["fit"]: {"*.fit"}, FORMATS["tcx"]: {"*.tcx"}}


def test_macos_document_types_cover_the_three_formats() -> None:
    with INFO_PLIST.open("rb") as fh:
        plist = plistlib.load(fh)
    extensions = {
        ext for doc in plist["CFBundleDocumentTypes"] for ext in doc["CFBundleTypeExtensions"]
    }
    assert extensions == set(FORMATS)
    utis = {uti for doc in plist["CFBundleDocumentTypes"] for uti in doc["LSItemContentTypes"]}
    declared = {}
    for decl in plist["UTImportedTypeDeclarations"]:
        tags = decl["UTTypeTagSpecification"]
        (ext,) = tags["public.filename-extension"]
        declared[decl["UTTypeIdentifier"]] = (ext, tags["public.mime-type"])
    assert set(declared) == utis, "every document type's UTI must be declared"
    assert dict(declared.values()) == FORMATS
    for doc in plist["CFBundleDocumentTypes"]:
        assert doc["CFBundleTypeRole"] == "Viewer"


def spec_package_constants() -> dict[str, str]:
    """Run the spec's own ``package_constants()`` (the spec needs PyInstaller to execute)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    (func,) = [
        n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "package_constants"
    ]
    namespace: dict[str, object] = {"ast": ast, "REPO": REPO}
    exec(compile(ast.Module(body=[func], type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace["package_constants"]()  # type: ignore[operator,no-any-return]


def test_spec_takes_name_id_and_version_from_the_package() -> None:
    constants = spec_package_constants()
    assert constants["APP_NAME"] == APP_NAME
    assert constants["APP_ID"] == APP_ID
    assert constants["APP_DISPLAY_NAME"] == APP_DISPLAY_NAME
    assert constants["__version__"] == __version__
    spec = SPEC.read_text(encoding="utf-8")
    assert "bundle_identifier=APP_ID" in spec
    assert 'packaging" / "macos" / "Info.plist"' in spec
    assert '"st_desktop" / "assets"' in spec


def test_windows_installer_registers_the_three_formats() -> None:
    iss = ISS.read_text(encoding="utf-8")
    assert re.search(r'#define AppExe "' + re.escape(APP_NAME) + r'\.exe"', iss)
    assert f'#define AppId "{APP_ID}"' in iss
    for ext in FORMATS:
        assert f"Software\\Classes\\.{ext}\\OpenWithProgids" in iss, ext
        assert f'ValueName: ".{ext}"' in iss, f".{ext} missing from SupportedTypes"
    assert "ChangesAssociations=yes" in iss
    assert "{autoprograms}" in iss, "no Start menu entry"
    # The version is passed in from the package by the build script, never typed in twice.
    assert "#define AppVersion" not in iss.replace("#ifndef AppVersion", "")
    script = (PACKAGING / "build_windows.ps1").read_text(encoding="utf-8")
    assert "/DAppVersion=$Version" in script
    assert "st_desktop.__version__" in script


# -- icons --------------------------------------------------------------------------------------


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_icons_are_rendered_from_the_one_svg(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(RESOURCES / "make_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        png = tmp_path / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        assert png_size(png.read_bytes()) == (size, size)
    svg = tmp_path / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert svg.read_bytes() == ICON_SVG.read_bytes()

    ico = (tmp_path / "st-desktop.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, _, _, _, _, _, length, offset = struct.unpack(
            "<BBBBHHII", ico[6 + 16 * i : 22 + 16 * i]
        )
        actual = png_size(ico[offset : offset + length])
        assert actual[0] == (width or 256)
        sizes.add(actual[0])
    assert {16, 32, 48, 256} <= sizes

    icns = (tmp_path / "st-desktop.icns").read_bytes()
    assert icns[:4] == b"icns"
    assert struct.unpack(">I", icns[4:8])[0] == len(icns)
    kinds, pos = {}, 8
    while pos < len(icns):
        kind_bytes, length = icns[pos : pos + 4], struct.unpack(">I", icns[pos + 4 : pos + 8])[0]
        kinds[kind_bytes] = png_size(icns[pos + 8 : pos + length])[0]
        pos += length
    assert kinds[b"icp4"] == 16
    assert kinds[b"ic10"] == 1024


def test_no_rendered_icon_is_committed() -> None:
    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("not a git checkout: cannot list committed files")
    tracked = subprocess.run(
        ["git", "ls-files", "resources", "st_desktop/assets", "packaging"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    binaries = [f for f in tracked if f.lower().endswith((".png", ".ico", ".icns"))]
    assert binaries == [], "icons are generated by resources/make_icons.py, not committed"
