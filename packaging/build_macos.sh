#!/usr/bin/env bash
# Build the macOS app: "packaging/dist/SportTracks Desktop.app" (and, with --dmg, a disk image
# packaging/dist/st-desktop-VERSION-macos-ARCH.dmg), then smoke-test it offscreen.
#
#   packaging/build_macos.sh [--dmg] [--python PY]
#
# The app is ad-hoc signed (PyInstaller does this), which runs on the build machine; for other
# Macs sign with a Developer ID and notarize:
#   codesign --deep --force --options runtime -s "Developer ID Application: ..." "$app"
#   xcrun notarytool submit "$dmg" --keychain-profile ... --wait && xcrun stapler staple "$dmg"
set -euo pipefail
cd "$(dirname "$0")/.."

dmg=0
python=""
while [ $# -gt 0 ]; do
  case "$1" in
    --dmg) dmg=1 ;;
    --python) python="$2"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi

echo "== installing st-desktop[package]"
"$python" -m pip install --quiet --disable-pip-version-check -e ".[package]"
version=$("$python" -c 'import st_desktop; print(st_desktop.__version__)')
name=$("$python" -c 'import st_desktop; print(st_desktop.APP_NAME)')
display=$("$python" -c 'import st_desktop; print(st_desktop.APP_DISPLAY_NAME)')

echo "== application credentials (from ST_DESKTOP_CLIENT_ID/SECRET, if set)"
"$python" packaging/write_credentials.py

echo "== rendering icons"
QT_QPA_PLATFORM=offscreen "$python" resources/make_icons.py

echo "== running PyInstaller"
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath packaging/dist --workpath packaging/build packaging/st_desktop.spec

app="packaging/dist/$display.app"
exe="$app/Contents/MacOS/$name"
plutil -lint "$app/Contents/Info.plist"
/usr/libexec/PlistBuddy -c "Print :CFBundleDocumentTypes" "$app/Contents/Info.plist" >/dev/null

echo "== smoke test: --version"
out=$("$exe" --version)
[ "$out" = "$name $version" ] || { echo "expected '$name $version', got '$out'" >&2; exit 1; }

echo "== smoke test: open the window offscreen, then quit"
smoke_base=$(mktemp -d)
trap 'rm -rf "$smoke_base"' EXIT
if ! QT_QPA_PLATFORM=offscreen ST_DESKTOP_SMOKE_TEST=1 "$exe" --basedir "$smoke_base" \
   || ! grep -q "smoke test passed" "$smoke_base"/logs/*.log; then
  cat "$smoke_base"/logs/*.log >&2 || true
  echo "the bundled app failed its smoke test" >&2
  exit 1
fi

if [ "$dmg" = 1 ]; then
  image="packaging/dist/$name-$version-macos-$(uname -m).dmg"
  echo "== making $image"
  staging=$(mktemp -d)
  cp -R "$app" "$staging/"
  ln -s /Applications "$staging/Applications"
  rm -f "$image"
  hdiutil create -volname "$display" -srcfolder "$staging" -ov -format UDZO "$image"
  rm -rf "$staging"
fi
echo "== done: $app"
